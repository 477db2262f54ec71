// The linker behind Extractor::CanonicalOrganization: names as sites and
// filters write them, to the knowledge's canonical entities.
#include <gtest/gtest.h>

#include <memory>

#include "amicus/extract.h"

namespace amicus {
namespace {

const Extractor& Ex() {
  static const Extractor* ex = [] {
    std::unique_ptr<Extractor> p;
    EXPECT_TRUE(Extractor::Create(&p).ok());
    return p.release();
  }();
  return *ex;
}

TEST(LinkerTest, AgenciesByAnyOfTheirNames) {
  EXPECT_EQ(Ex().CanonicalOrganization("ICE"), "Immigration and Customs Enforcement");
  EXPECT_EQ(Ex().CanonicalOrganization("Servicio de Inmigraci\xC3\xB3n y Control de Aduanas"),
            "Immigration and Customs Enforcement");
  EXPECT_EQ(Ex().CanonicalOrganization("the Department of Homeland Security"), "Department of Homeland Security");
}

TEST(LinkerTest, StateAttorneyGeneralOfficesHoweverWritten) {
  // The state in the name, a person's name after the office.
  EXPECT_EQ(Ex().CanonicalOrganization("Office of Minnesota Attorney General Keith Ellison"),
            "Office of the Minnesota Attorney General");
  EXPECT_EQ(Ex().CanonicalOrganization("Texas Attorney General"), "Office of the Texas Attorney General");
  // The state from the page's address.
  EXPECT_EQ(Ex().CanonicalOrganization("Office of the Attorney General", "https://ag.ny.gov/press-release/2026/x"),
            "Office of the New York State Attorney General");
  EXPECT_EQ(Ex().CanonicalOrganization("Attorney General", "https://www.ag.state.mn.us/Office/Communications/x.asp"),
            "Office of the Minnesota Attorney General");
  EXPECT_EQ(Ex().CanonicalOrganization("Attorney General's Office", "https://oag.ca.gov/news"),
            "Office of the California Attorney General");
  // No state anywhere, or a two-letter word that is no state code: unknown.
  EXPECT_EQ(Ex().CanonicalOrganization("Office of the Attorney General"), "");
  EXPECT_EQ(Ex().CanonicalOrganization("Attorney General", "https://example.org/in/news"), "");
}

// A page that gives only its address: the federal .gov registry names the
// body using it (web_domains.tsv), by its canonical name where known.
TEST(LinkerTest, FederalSitesByTheirAddress) {
  EXPECT_EQ(Ex().CanonicalOrganization("", "https://www.ice.gov/news/releases/x"), "Immigration and Customs Enforcement");
  EXPECT_EQ(Ex().CanonicalOrganization("whitehouse.gov"), "White House");  // the registry: "White House Office"
  EXPECT_EQ(Ex().CanonicalOrganization("", "https://www.justice.gov/opa/pr/x"), "U.S. Department of Justice");
  // Cities' and states' registrants are their IT offices: not used.
  EXPECT_EQ(Ex().CanonicalOrganization("phila.gov"), "");
}

TEST(LinkerTest, UnknownNamesAreLeftToTheCaller) {
  EXPECT_EQ(Ex().CanonicalOrganization("Riverside Immigrant Justice Alliance"), "");
  EXPECT_EQ(Ex().CanonicalOrganization(""), "");
}

}  // namespace
}  // namespace amicus
