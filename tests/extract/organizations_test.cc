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
  };
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  for (const OrgCase& c : kCases) {
    Release r;
    r.text = c.text;
    Entities e = ex->Extract(r);
    auto it = std::find_if(e.organizations.begin(), e.organizations.end(),
                           [&](const NamedEntity& o) { return o.name == c.name; });
    ASSERT_NE(it, e.organizations.end()) << c.text;
    if (*c.alias) EXPECT_NE(std::find(it->aliases.begin(), it->aliases.end(), c.alias), it->aliases.end()) << c.text;
  }
}

TEST(OrganizationsTest, ProgramsAndPlacesAreNotOrganizations) {
  const char* kTexts[] = {
      "The state runs the Immigrant Legal Services Program.",
      "They marched to the Edward R. Roybal Federal Building.",
  };
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  for (const char* t : kTexts) {
    Release r;
    r.text = t;
    EXPECT_TRUE(ex->Extract(r).organizations.empty()) << t;
  }
}

}  // namespace
}  // namespace amicus
