// Gazetteer and location finder: canonical forms, context resolution of
// ambiguous names, exclusions (organizations, party tags, streets).
#include "extract/places.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "extract/dateline.h"

#include "extract/test_gazetteer.h"

namespace amicus::internal {
namespace {

const Gazetteer& G() { return TestGazetteer(); }

// Canonical names found in `text` (with its dateline, if any), joined by ';'.
std::string Names(const std::string& text, const std::vector<TextSpan>& taken = {}) {
  DatelineMatch dm;
  bool has = ExtractDateline(text, G(), &dm);
  std::vector<NamedEntity> out;
  ExtractLocations(text, G(), has ? &dm : nullptr, taken, &out, nullptr);
  std::string s;
  for (const NamedEntity& e : out) {
    if (!s.empty()) s += ";";
    s += e.name;
  }
  return s;
}

TEST(GazetteerTest, LookupCanonicalForms) {
  struct Case { const char* surface; const char* ctx; const char* canonical; };
  const Case cases[] = {
      {"Buffalo", "", "Buffalo, NY"},          {"Buffalo, N.Y.", "", "Buffalo, NY"},
      {"BUFFALO, NY", "", "Buffalo, NY"},      {"New York City", "", "New York City"},
      {"New York, NY", "", "New York City"},   {"New York", "", "New York State"},
      {"Nueva York", "", "New York City"},     {"Washington, D.C.", "", "Washington, D.C."},
      {"Westchester", "NY", "Westchester County"}, {"Texas", "", "Texas"},
      {"Nuevo M\xC3\xA9xico", "", "New Mexico"}, {"the Bronx", "", "Bronx"},
      {"Springfield", "MA", "Springfield, MA"}, {"Springfield", "IL", "Springfield, IL"},
      {"Columbus", "", "Columbus, OH"},        {"Burma", "", "Burma"},
      {"DRC", "", "Democratic Republic of the Congo"}, {"U.S.", "", "United States"},
      {"Michoacan", "", "Michoac\xC3\xA1n"},   {"Jackson Heights", "NY", "Jackson Heights"},
      {"Cumberland, Maryland", "", "Cumberland, MD"}, {"Pasadena, Texas", "", "Pasadena, TX"},
  };
  for (const Case& c : cases) {
    PlaceInfo info;
    ASSERT_TRUE(G().Lookup(c.surface, c.ctx, &info)) << c.surface;
    EXPECT_EQ(info.canonical, c.canonical) << c.surface;
  }
  EXPECT_TRUE(G().IsPlaceName("Jackson Heights"));
  EXPECT_TRUE(G().IsPlaceName("Port-au-Prince"));
  EXPECT_FALSE(G().IsPlaceName("Zohran"));
  EXPECT_FALSE(G().IsPlaceName("Immigration"));
}

TEST(LocationsTest, Table) {
  struct Case { const char* text; const char* names; };
  const Case cases[] = {
      // Dateline place first, bare mention merged into it.
      {"BUFFALO, N.Y. \xE2\x80\x94 Buffalo\xE2\x80\x99s West Side grew.", "Buffalo, NY;West Side"},
      // Ambiguous names follow the dateline's state.
      {"WORCESTER, Mass. \xE2\x80\x94 Advocates from Lowell and Springfield came.",
       "Worcester, MA;Lowell, MA;Springfield, MA"},
      {"SPRINGFIELD, Ill. \xE2\x80\x94 A worker from Cicero testified.", "Springfield, IL;Cicero, IL"},
      {"HAUPPAUGE, NY \xE2\x80\x94 Families in Brentwood and Riverhead.",
       "Hauppauge, NY;Brentwood, NY;Riverhead, NY"},
      // Explicit state next to the name.
      {"CoreCivic, based in Brentwood, Tennessee, reported revenue.", "Brentwood, TN"},
      {"A clinic in Columbus, Ohio, opened.", "Columbus, OH"},
      // State lists are states, not "City, State".
      {"Facilities in Georgia, Texas and Louisiana.", "Georgia;Texas;Louisiana"},
      {"Members in New York, New Jersey and Massachusetts.", "New York State;New Jersey;Massachusetts"},
      // Washington: D.C. by default, the state in a Washington-state release.
      {"SEATTLE, Wash. \xE2\x80\x94 Washington is the latest state.", "Seattle, WA;Washington State"},
      {"Advocates will lobby in Washington next week.", "Washington, D.C."},
      // County lists.
      {"Providers in Erie and Niagara counties.", "Erie County;Niagara County"},
      {"Rural counties such as St. Lawrence and Chautauqua need lawyers.",
       "St. Lawrence County;Chautauqua County"},
      // Party tags, street names, organizations are not locations.
      {"Rep. Jane Doe (D-Md.) and Sen. Roe (R\xE2\x80\x93Yorktown) spoke.", ""},
      {"They stopped workers on Hempstead Turnpike near Grant Street.", ""},
      {"The University of Texas at San Antonio enrolled them.", ""},
      {"The New York State Capitol was full.", ""},
      // U.S. as a noun only.
      {"Born outside the U.S. and raised in U.S. schools, U.S.-citizen kids.", "United States"},
      // Countries, foreign places, regions.
      {"Families from Haiti and the Democratic Republic of the Congo reached Tijuana.",
       "Haiti;Democratic Republic of the Congo;Tijuana"},
      {"A lobby day on Capitol Hill and a caravan to the Florida Keys.", "Capitol Hill;Florida Keys"},
      // Month and person-name collisions.
      {"In August, Governor Bob Ferguson signed it.", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Names(c.text), c.names) << c.text;
  }
}

// A small town's name that opens a person's name another finder took is
// that person's given name elsewhere in the release.
TEST(LocationsTest, GivenNameOfATakenNameIsNoPlace) {
  const std::string text = "La muerte de Melissa Ortega nos duele. Oramos por Melissa y por Melissa, Texas.";
  const std::size_t b = text.find("Melissa Ortega");
  EXPECT_EQ(Names(text, {TextSpan{b, b + 14}}), "Melissa, TX");
  EXPECT_EQ(Names("Oramos por la gente de Melissa hoy."), "Melissa");
}

TEST(LocationsTest, TakenSpansAreSkipped) {
  std::string text = "Theo works at the Brooklyn Immigrant Defense Project in Brooklyn.";
  std::size_t b = text.find("Brooklyn Immigrant");
  std::vector<TextSpan> taken{{b, b + std::string("Brooklyn Immigrant Defense Project").size()}};
  EXPECT_EQ(Names(text, taken), "Brooklyn");
}

TEST(LocationsTest, AliasesCollectSurfaces) {
  std::string text = "ALBANY, N.Y. \xE2\x80\x94 Albany has to act. The City of Yonkers agreed.";
  DatelineMatch dm;
  ASSERT_TRUE(ExtractDateline(text, G(), &dm));
  std::vector<NamedEntity> out;
  std::vector<TextSpan> spans;
  ExtractLocations(text, G(), &dm, {}, &out, &spans);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].name, "Albany, NY");
  EXPECT_EQ(out[0].aliases, (std::vector<std::string>{"ALBANY, N.Y.", "Albany"}));
  EXPECT_EQ(out[1].name, "Yonkers, NY");
  EXPECT_EQ(out[1].aliases, (std::vector<std::string>{"City of Yonkers"}));
  EXPECT_EQ(spans.size(), 2u);
}

TEST(LocationsTest, ScansFastEnough) {
  std::string para =
      "Advocates in Buffalo, Rochester and the Hudson Valley said families from Honduras and "
      "Guatemala settled in Queens, while Governor Kathy Hochul met officials of the Department "
      "of Labor about wages in Westchester County and New York City.\n\n";
  std::string text;
  while (text.size() < 2000000) text += para;
  auto t0 = std::chrono::steady_clock::now();
  std::vector<NamedEntity> out;
  ExtractLocations(text, G(), nullptr, {}, &out, nullptr);
  double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GE(out.size(), 8u);
  // Well over the 10 MB/s budget in optimized builds; loose bound for debug builds.
  EXPECT_LT(sec, 2.0) << (text.size() / 1e6) / sec << " MB/s";
}

}  // namespace
}  // namespace amicus::internal

namespace amicus::internal {
namespace {

// Context rules for places the gazetteer does not list, and neighborhoods of
// the dateline's city. Sentences written for this test.
TEST(LocationsTest, ContextRules) {
  struct Case { const char* text; const char* want; };
  const Case cases[] = {
      // Unknown town qualified by a state (USPS, AP abbreviation, full name).
      {"Volunteers drove to Millbrook Falls, PA and back.", "Millbrook Falls, PA"},
      {"The plant in Dunmore Creek, Pa., closed.", "Dunmore Creek, PA"},
      {"She grew up in Pinehaven, Oregon, near the coast.", "Pinehaven, OR"},
      {"Acme Widgets Inc., CA filed papers.", ""},                  // a company
      {"The director, Texas native, spoke.", "Texas"},              // no name before the comma
      {"Ana Ruiz, Texas Director of Outreach, spoke.", ""},         // title after the state
      // "X Township" in a township state's release.
      {"PITTSBURGH, Pa. — Families in Elmvale Township asked for help.", "Pittsburgh, PA;Elmvale Township, PA"},
      // "the X neighborhood", lists of neighborhoods, "X, a neighborhood".
      {"Agents detained a man in the Larkmoor neighborhood on Monday.", "Larkmoor"},
      {"Families in the Ashgrove and Tillbury neighborhoods were afraid.", "Ashgrove;Tillbury"},
      {"Clinics opened in neighborhoods such as Brindle Hill, Fernmoor and Oakvale.", "Brindle Hill;Fernmoor;Oakvale"},
      {"He lives in Quarrytown, a working-class neighborhood.", "Quarrytown"},
      {"Our neighborhood is safe.", ""},
      // Compass words and "Greater" before a big city or a state.
      {"Vigils were held in Southwest Detroit and East Oakland.", "Southwest Detroit;East Oakland"},
      {"Lawyers are scarce in Greater Minnesota.", "Greater Minnesota"},
      {"It is the capital of North Carolina.", "North Carolina"},
      // Spanish county form.
      {"Las familias del condado de Mecklenburg pagan impuestos.", "Mecklenburg County"},
      // Regions.
      {"Farmworkers in the Willamette Valley and the Upper Peninsula marched.", "Willamette Valley;Upper Peninsula"},
  };
  for (const Case& c : cases) EXPECT_EQ(Names(c.text), c.want) << c.text;
}

// A neighborhood of the dateline's state outranks a same-name city elsewhere;
// a small town does not make its own state the context.
TEST(LocationsTest, NeighborhoodsOfTheDatelineCity) {
  struct Case { const char* text; const char* want; };
  const Case cases[] = {
      {"NASHVILLE, Tenn. — A clinic opened in Antioch on Friday.", "Nashville, TN;Antioch"},
      {"OAKLAND, Calif. — Antioch schools joined.", "Oakland, CA;Antioch, CA"},
      {"DENVER — Rent aid reached Montbello and Globeville.", "Denver, CO;Montbello;Globeville"},
      {"PHILADELPHIA — Workers in Kensington and Bensalem rallied.", "Philadelphia, PA;Kensington;Bensalem, PA"},
      {"SALT LAKE CITY — She represents Rose Park and Poplar Grove.", "Salt Lake City, UT;Rose Park;Poplar Grove"},
      // No state context: a small place read on its own evidence keeps its bare name.
      {"Workers in Rose Park and Poplar Grove rallied.", "Rose Park;Poplar Grove"},
      {"Families in Bensalem rallied.", "Bensalem"},
      {"Families in Bensalem, Pennsylvania rallied.", "Bensalem, PA"},
  };
  for (const Case& c : cases) EXPECT_EQ(Names(c.text), c.want) << c.text;
}

// Canonical names found with a publisher's home state as context.
std::string NamesFrom(const std::string& text, const std::string& publisher) {
  DatelineMatch dm;
  bool has = ExtractDateline(text, G(), &dm, publisher);
  std::vector<NamedEntity> out;
  ExtractLocations(text, G(), has ? &dm : nullptr, {}, &out, nullptr, PublisherState(publisher, G()));
  std::string s;
  for (const NamedEntity& e : out) {
    if (!s.empty()) s += ";";
    s += e.name;
  }
  return s;
}

// Country names as nouns ("America", "the U.S. through"), not in titles or
// case captions; surnames after a middle initial; common words that are
// also town names; named regions.
TEST(LocationsTest, CountriesTitlesCasesAndSurnames) {
  struct Case { const char* text; const char* want; };
  const Case cases[] = {
      {"America is a nation of immigrants.", "United States"},
      {"Families moved across South America and Central America.", "South America;Central America"},
      {"Migrants were paroled into the U.S. through the program.", "United States"},
      {"Migrants were paroled into the U.S. based on capacity.", "United States"},
      {"The U.S. government said so.", ""},
      {"stated United States Attorney Campbell.", ""},
      {"the court ruled in Printz v. United States that the law", ""},
      {"referred to as King County et al. v. Turner et al., the suit", ""},
      {"Acting Attorney General Jeffrey A. Taylor and others met.", ""},
      {"He met workers in Taylor, Michigan.", "Taylor, MI"},
      {"realiza la Marina de los Estados Unidos en la isla", ""},
      {"la Colectiva Legal del Pueblo", ""},
      {"Lugar: 210 de la ave. Sherman en el norte", ""},
      {"They volunteered at Ground Zero after the attacks.", "Ground Zero"},
      {"aid for the Western Hemisphere", "Western Hemisphere"},
      {"officials along the Northern Border met", "Northern Border"},
      {"Lugar: The Armory, 216 Fort Washington Ave., New York, NY 10032", "New York City"},
      {"Lugar: 238 de la calle Dyckman, New York, NY 10034", "New York City"},
      {"Evento: Pumpkins on Post: Una Celebraci\xC3\xB3n", ""},
      {"fugitives wanted in Northern Chile and South Korea", "Northern Chile;South Korea"},
      {"el asamble\xC3\xADsta del estado de Nueva York y la ciudad de Nueva York", "New York State;New York City"},
      {"el gobierno del estado de Texas", "Texas"},
      {"el condado de Jerome y LA C\xC3\x81RCEL DEL CONDADO DE JEROME", "Jerome County"},
      {"in Alaska, Hawai'i, Idaho and Washington State", "Alaska;Hawaii;Idaho;Washington State"},
  };
  for (const Case& c : cases) EXPECT_EQ(Names(c.text), c.want) << c.text;
}

// Puerto Rico's municipalities: read in Puerto Rico's context, which the
// publisher's name may give; the island municipalities named as islands.
TEST(LocationsTest, PuertoRicoMunicipalities) {
  const std::string pub = "Junta de Calidad Ambiental de Puerto Rico";
  EXPECT_EQ(NamesFrom("Los bomberos llegaron a las facilidades en Caguas.", pub), "Caguas, PR");
  EXPECT_EQ(NamesFrom("Visitaron la Isla de Vieques ayer.", pub), "Vieques");
  EXPECT_EQ(NamesFrom("The plant in San Juan, Puerto Rico closed.", ""), "San Juan, PR");
  // Out of Puerto Rico's context, a municipality read on its own evidence keeps its bare name.
  EXPECT_EQ(NamesFrom("The workers in Caguas were late.", ""), "Caguas");
  EXPECT_EQ(PublisherState("U.S. Representative Al Green (D-TX)", G()), "TX");
  EXPECT_EQ(PublisherState("Office of Minnesota Attorney General Keith Ellison", G()), "MN");
  EXPECT_EQ(PublisherState("INTERPOL Washington, U.S. Department of Justice", G()), "");
  EXPECT_EQ(PublisherState("Washington State Department of Health", G()), "WA");
  EXPECT_EQ(PublisherState("Asian Counseling and Referral Service", G()), "");
}

}  // namespace
}  // namespace amicus::internal
