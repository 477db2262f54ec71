// Organization finder: head words, acronyms, knowledge canonical names,
// short references to legislative bodies. Cases composed for these tests.
#include <gtest/gtest.h>

#include <algorithm>

#include "amicus/extract.h"

namespace amicus {
namespace {

struct OrgCase {
  const char* text;
  const char* name;
  const char* alias;  // "" when not checked
};

TEST(OrganizationsTest, FindsOrganizations) {
  const OrgCase kCases[] = {
      {"The Lakeshore Tenant Defense Coalition (LTDC) rallied. LTDC members spoke.",
       "Lakeshore Tenant Defense Coalition", "LTDC"},
      {"Agents of ICE arrested two men.", "Immigration and Customs Enforcement", "ICE"},
      {"agentes del Servicio de Inmigración y Control de Aduanas llegaron.", "Immigration and Customs Enforcement",
       "Servicio de Inmigración y Control de Aduanas"},
      {"ALBANY, N.Y. — Advocates asked the Senate to act.", "New York State Senate", "Senate"},
      {"WASHINGTON — The group called on Congress to act.", "U.S. Congress", "Congress"},
      {"Volunteers from the Iglesia Luz del Valle helped.", "Iglesia Luz del Valle", ""},
      {"The Harbor County Board of Supervisors voted. The Board met again.", "Harbor County Board of Supervisors",
       "Board"},
      {"Members met at the Office of Tenant Protection yesterday.", "Office of Tenant Protection", ""},
      // an organization word heading the name outweighs a program-like last word
      {"said Ana Ruiz of the Coalition for Humane Housing Standards (CHHS).",
       "Coalition for Humane Housing Standards", "CHHS"},
      // a title after a connector is part of the name
      {"The city funds the Office of Worker Protections this year.", "Office of Worker Protections", ""},
      // the organization after "Title Name of ..."
      {"Pastor Elena Brightwater of Iglesia Fuente de Vida spoke first.", "Iglesia Fuente de Vida", ""},
      // a Spanish article inside English text belongs to the name
      {"Funding goes to La Puerta Abierta Center, which serves families.", "La Puerta Abierta Center", ""},
      // a unit after a possessive agency name is its own organization
      {"Since then the Department of Labor’s Bureau of Wage Claims has grown.", "Bureau of Wage Claims", ""},
      // a short form after the full name is an alias
      {"The Eastside Newcomer Academy opened. The Newcomer Academy has 40 seats.", "Eastside Newcomer Academy",
       "Newcomer Academy"},
      // organizations known from context: "group X", appositive head noun
      {"The survey by the tenant group Vecinos Unidos found gaps.", "Vecinos Unidos", ""},
      {"Thanks to Mesa Abierta, a Harlem nonprofit that feeds 300 families.", "Mesa Abierta", ""},
      // campus names keep "at"
      {"Students at the University of Oregon at Eugene marched.", "University of Oregon at Eugene", ""},
      // a unit glued to an amount is not part of the name
      {"The plan adds $4.1M for the Office for Civic Engagement.", "Office for Civic Engagement", ""},
      // a state's chamber named with the state, in English and Spanish
      {"The Oregon House of Representatives passed it.", "Oregon House of Representatives", ""},
      {"ATLANTA — The bill now goes to the House.", "Georgia House of Representatives", "House"},
      {"Pidieron a la Asamblea General de Carolina del Norte que vote.", "North Carolina General Assembly",
       "Asamblea General de Carolina del Norte"},
      {"TUCSON, Ariz. — El Concejo Municipal de Tucson votó el martes.", "Tucson City Council", ""},
      // a chamber's committee in a state release is that state's
      {"PHOENIX — The Senate Finance Committee heard the bill.", "Arizona Senate Finance Committee", ""},
      // an inspector general goes by its agency
      {"pidió a la Oficina del Inspector General del Departamento de Seguridad Nacional que investigue.",
       "Department of Homeland Security Office of Inspector General", ""},
      // public tables: a name with commas, international bodies, committees
      {"Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives joined.",
       "Bureau of Alcohol, Tobacco, Firearms and Explosives", ""},
      {"WASHINGTON — The United Nations and INTERPOL were told.", "United Nations", ""},
      {"WASHINGTON — She sits on the House Judiciary Committee.", "House Judiciary Committee", ""},
      {"He served in the United States Army for ten years.", "U.S. Army", "United States Army"},
      // "United States X" / "US X" for a known "U.S. X"
      {"A letter to United States Citizenship and Immigration Services went out.",
       "U.S. Citizenship and Immigration Services", "United States Citizenship and Immigration Services"},
      // the fields of an office listed with commas
      {"The Lakeside State Department of Children, Youth, and Families (LDCYF) said.",
       "Lakeside State Department of Children, Youth, and Families", "LDCYF"},
      // a company's legal form after a comma
      {"The firm Harbor Stone Legal, PLLC filed the brief.", "Harbor Stone Legal, PLLC", ""},
      // a plural's possessive inside a name
      {"She chairs the Committee on Workers’ Rights in the council.", "Committee on Workers’ Rights", ""},
      // U.S. Attorneys' offices, named as the guideline names them
      {"said Ana Ruiz, U.S. Attorney for the Eastern District of Michigan.",
       "U.S. Attorney’s Office for the Eastern District of Michigan", "U.S. Attorney for the Eastern District of Michigan"},
      {"ICE worked with U.S. Attorney’s Offices in the Central District of Illinois, Southern District of Indiana, and others.",
       "U.S. Attorney’s Office for the Southern District of Indiana", ""},
      // a known agency's acronym and a place: its office there
      {"He was arrested by ERO Chicago officers on Friday.", "ERO Chicago", ""},
      // a unit "for" a known agency is its own organization
      {"The Office of International Affairs for ICE helped.", "Office of International Affairs", ""},
      // "and" before a second name headed by an organization word
      {"Es miembro del Caucus Progresista y Caucus del Trabajo.", "Caucus Progresista", ""},
      // a title ending a run: only a known body before it counts
      {"The US Citizenship and Immigration Services Director said so.", "U.S. Citizenship and Immigration Services", ""},
      // "X District Attorney" and "X District Attorney’s Office" are one office
      {"said Ana Ruiz, Harbor County District Attorney. The Harbor County District Attorney’s Office filed.",
       "Harbor County District Attorney’s Office", "Harbor County District Attorney"},
      // an organization before a title and a person's name with an initial
      {"said Assistant Attorney General for the Criminal Division Rita M. Glavin.", "Criminal Division", ""},
  };
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  for (const OrgCase& c : kCases) {
    Release r;
    r.text = c.text;
    Entities e = ex->Extract(r);
    auto it = std::find_if(e.organizations.begin(), e.organizations.end(),
                           [&](const NamedEntity& o) { return o.name == c.name; });
    EXPECT_NE(it, e.organizations.end()) << c.text;
    if (it == e.organizations.end()) continue;
    if (*c.alias) EXPECT_NE(std::find(it->aliases.begin(), it->aliases.end(), c.alias), it->aliases.end()) << c.text;
  }
}

TEST(OrganizationsTest, ProgramsAndPlacesAreNotOrganizations) {
  const char* kTexts[] = {
      "The state runs the Immigrant Legal Services Program.",
      "They marched to the Edward R. Roybal Federal Building.",
      // programs defined with an acronym and used attributively
      "It ends the Care for Older Residents (CORE) program next year. CORE covered 9,000 people.",
      "It limits the Rapid Housing Support (RHS) family shelter system.",
      "Changes need the Uniform Zoning Review Procedure (UZRP) first.",
      // events and places of confinement
      "Advocates testified at the Joint Budget Hearing on Public Safety today.",
      "Three men died at the Otero Detention Center this year.",
      "Murió en el Centro de Detención Sierra Blanca, dijo la familia.",
      // budget lines
      "The budget adds $12 million for the Tenant Legal Services Fund next year.",
      "It funds the State and Local Fiscal Recovery Funds this year.",
      // members' party and district tags are not acronyms
      "WASHINGTON — Reps. Dana Wexley (D-NY) and Lee Ortmann (R-CA) wrote.",
      // a president's term is the person's, not a body
      "It reverses a Biden Administration rule. The Biden-Harris Administration agreed.",
      // a role: a run ending in a title
      "The Lakeside County Executive spoke. The Council Relations Director agreed.",
      // a designation after an indefinite article
      "They designated the gang a Foreign Terrorist Organization (FTO) on Monday.",
      // a judicial district alone is a jurisdiction
      "The case was filed in the Eastern District of Texas last year.",
  };
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  for (const char* t : kTexts) {
    Release r;
    r.text = t;
    EXPECT_TRUE(ex->Extract(r).organizations.empty()) << t;
  }
}

TEST(OrganizationsTest, TwoChambersAreTwoBodies) {
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  Release r;
  r.text = "WASHINGTON — The bill passed the House and Senate today.";
  Entities e = ex->Extract(r);
  for (const NamedEntity& o : e.organizations) EXPECT_NE(o.name, "House and Senate");
  EXPECT_EQ(e.organizations.size(), 2u);
}

TEST(OrganizationsTest, DatelineDashIsNotPartOfName) {
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  Release r;
  r.text = "Rochester, NY—The Harbor Tenants Alliance met on Monday.";
  Entities e = ex->Extract(r);
  ASSERT_EQ(e.organizations.size(), 1u);
  EXPECT_EQ(e.organizations[0].name, "Harbor Tenants Alliance");
}

}  // namespace
}  // namespace amicus
