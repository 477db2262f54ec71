// Legislation finder: table-driven; cases written for this test, not from the gold.
#include "extract/legislation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace amicus::internal {
namespace {

struct Case {
  const char* text;
  std::vector<std::vector<std::string>> want;  // {name, aliases...} per entity, in order
};

std::vector<std::vector<std::string>> FindLaws(const std::string& text) {
  std::vector<NamedEntity> out;
  std::vector<TextSpan> spans;
  ExtractLegislation(text, &out, &spans);
  std::vector<std::vector<std::string>> got;
  for (const NamedEntity& e : out) {
    std::vector<std::string> row{e.name};
    row.insert(row.end(), e.aliases.begin(), e.aliases.end());
    got.push_back(row);
  }
  return got;
}

TEST(LegislationTest, Table) {
  const std::vector<Case> cases = {
      {"They back the Farmworker Dignity Act (S.1234/A.5678) this year.",
       {{"Farmworker Dignity Act", "S.1234/A.5678", "S.1234", "A.5678"}}},
      {"She filed H.R. 812, the Keeping Families Together Act, on Monday.",
       {{"Keeping Families Together Act", "H.R. 812"}}},
      {"AB 60 passed. Assembly Bill 60 lets residents drive.", {{"Assembly Bill 60", "AB 60"}}},
      {"Support HB 1500 and S-310/A-415 now.", {{"HB 1500"}, {"S-310/A-415", "S-310", "A-415"}}},
      {"Int. 0071-2025 was heard; Int. 71 passed.", {{"Int. 0071-2025", "Int. 71"}}},
      {"Executive Order 14159 and Local Law 30 of 2017 apply.",
       {{"Executive Order 14159"}, {"Local Law 30 of 2017"}}},
      {"Voters passed Prop. 47 in 2014. Proposition 47 cut sentences.", {{"Proposition 47", "Prop. 47"}}},
      {"Under Section 1983 of the Civil Rights Act of 1871, they sued.",
       {{"Section 1983"}, {"Civil Rights Act of 1871"}}},
      {"A Title VII claim under Title VII of the Civil Rights Act of 1964.",
       {{"Civil Rights Act of 1964", "Title VII"}}},
      {"the Sanctuary City Ordinance and the Oregon Revised Code apply.",
       {{"Sanctuary City Ordinance"}, {"Oregon Revised Code"}}},
      {"They filed H.5000, An Act relative to language access, on Friday.",
       {{"An Act relative to language access", "H.5000"}}},
      {"Texas's Senate Bill 8 and the Dignity for Detained Immigrants Act; the Dignity Act too.",
       {{"Senate Bill 8"}, {"Dignity for Detained Immigrants Act", "Dignity Act"}}},
      {"Pidieron los datos mediante la Ley de Libertad de Información.",
       {{"Freedom of Information Act", "Ley de Libertad de Información"}}},
      {"A FOIA request was filed under the Freedom of Information Act.",
       {{"Freedom of Information Act", "FOIA"}}},
      {"Senate Passes Worker Protection Act", {{"Worker Protection Act"}}},
      {"New Jersey's Immigrant Trust Act passed.", {{"Immigrant Trust Act"}}},
      {"No law here: act now, the Act, an act of kindness.", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindLaws(c.text), c.want) << c.text;
  }
}

TEST(LegislationTest, SpansCoverEveryMention) {
  std::string text = "The Protect Kids Act (SB 12) and SB 12 again.";
  std::vector<NamedEntity> out;
  std::vector<TextSpan> spans;
  ExtractLegislation(text, &out, &spans);
  ASSERT_EQ(out.size(), 1u);
  std::vector<std::string> got;
  for (const TextSpan& s : spans) got.push_back(text.substr(s.begin, s.end - s.begin));
  std::vector<std::string> want = {"Protect Kids Act", "SB 12", "SB 12"};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace amicus::internal
