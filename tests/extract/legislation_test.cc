// Legislation finder: table-driven; cases written for this test, not from the gold.
#include "extract/legislation.h"
#include "test_gazetteer.h"

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
  ExtractLegislation(text, TestKnowledge().acts, &out, &spans);
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

// Local and state designators followed by a number (general forms, any city or state).
TEST(LegislationTest, DesignatedNumbers) {
  const std::vector<Case> cases = {
      {"The council adopted Resolution 812 on Tuesday.", {{"Resolution 812"}}},
      {"Resolution No. 40 and Res. 40 are the same.", {{"Resolution No. 40", "Res. 40"}}},
      {"Aldermen passed Ordinance 2025-33 after a long debate.", {{"Ordinance 2025-33"}}},
      {"Ordinance No. 19-7 replaced the Tenant Shield Ordinance.",
       {{"Ordinance No. 19-7"}, {"Tenant Shield Ordinance"}}},
      {"A hearing on Bill No. 240118 is set.", {{"Bill No. 240118"}}},
      {"Clerk File No. 23-0456 was referred; Council File 22-1100 died.",
       {{"File No. 23-0456"}, {"Council File 22-1100"}}},
      {"Members approved Council Bill 25-0312 by a 9-4 vote.", {{"Council Bill 25-0312"}}},
      {"Voters rejected Measure 114 and approved Measure J.", {{"Measure 114"}, {"Measure J"}}},
      {"Question 4 and Amendment 3 were on the ballot, with Initiative 1631.",
       {{"Question 4"}, {"Amendment 3"}, {"Initiative 1631"}}},
      {"Pennsylvania's Act 12 of 2020 expanded mail voting.", {{"Act 12 of 2020"}}},
      {"Funds came from Public Law 116-136 (P.L. 116-136).", {{"Public Law 116-136", "P.L. 116-136"}}},
      {"Lawmakers sent A.B. 2200 and S.B. 71 to the governor.", {{"A.B. 2200"}, {"S.B. 71"}}},
      {"Minnesota's H.F. 44 and S.F. 3021 moved; HF 44 passed first.",
       {{"H.F. 44"}, {"S.F. 3021"}}},  // "HF 44" folds to the same key
      {"Maine's LD 1610 (L.D. 1610) passed the House.", {{"L.D. 1610"}}},
      {"The law extends SB21-131 and HB 23-1100.", {{"SB21-131"}, {"HB 23-1100"}}},
      {"She wrote Assembly Bill 5 and House Bill 22-1057.", {{"Assembly Bill 5"}, {"House Bill 22-1057"}}},
      {"No numbers: the Act 2026 session, a Bill for everyone, a Resolution of thanks, Measure twice.",
       {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindLaws(c.text), c.want) << c.text;
  }
}

// Constitutional provisions: amendments by ordinal word or number (one key, so
// forms merge; acts.tsv names them), a constitution walked back like a name,
// articles with a section.
TEST(LegislationTest, ConstitutionalProvisions) {
  const std::vector<Case> cases = {
      {"It violates the 14th Amendment. The Fourteenth Amendment is clear.",
       {{"Fourteenth Amendment", "14th Amendment"}}},
      {"Both the Fourth Amendment to the U.S. Constitution and the Ohio Constitution apply.",
       {{"Fourth Amendment"}, {"U.S. Constitution"}, {"Ohio Constitution"}}},
      {"The president cannot rewrite the Constitution.", {{"U.S. Constitution", "Constitution"}}},
      {"Article I, section 10 of the Iowa Constitution protects them.",
       {{"Article I, section 10"}, {"Iowa Constitution"}}},
      {"La Decimocuarta Enmienda garantiza la igualdad.", {{"Fourteenth Amendment", "Decimocuarta Enmienda"}}},
      {"They marched on Constitution Avenue after Amendment 3 passed.", {{"Amendment 3"}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindLaws(c.text), c.want) << c.text;
  }
}

// Names the walk back used to cut or run on, code citations, numbers with a
// year part, acronyms defined in parentheses, forms of several words known
// from acts.tsv, proclamations and treaties.
TEST(LegislationTest, NameBoundariesAndCitations) {
  const std::vector<Case> cases = {
      {"They reintroduced the 9/11 Heroes Relief Act today.", {{"9/11 Heroes Relief Act"}}},
      {"He backs the Build Back Better Act.", {{"Build Back Better Act"}}},
      {"They cite the Rural Clinic Reauthorization Act.", {{"Rural Clinic Reauthorization Act"}}},
      {"My Safe Harbor Act passed; they back the Protect Our Parks Act.", {{"Safe Harbor Act"}, {"Protect Our Parks Act"}}},
      {"It extends the Children’s Health Insurance Program Reauthorization Act of 2009 to them.",
       {{"Children's Health Insurance Program Reauthorization Act",
         "Children’s Health Insurance Program Reauthorization Act of 2009"}}},
      {"Funds of the Emergency Supplemental Appropriations for Humanitarian Assistance and Security at the "
       "Southern Border Act of 2019 ran out.",
       {{"Emergency Supplemental Appropriations for Humanitarian Assistance and Security at the Southern Border Act, "
         "2019",
         "Emergency Supplemental Appropriations for Humanitarian Assistance and Security at the Southern Border Act of "
         "2019"}}},
      {"She introduced the Fight for the Open Road Act and the Safety at the Border Act.",
       {{"Fight for the Open Road Act"}, {"Safety at the Border Act"}}},
      {"Supporters of the Clean Air Act rallied.", {{"Clean Air Act"}}},
      {"\"The Harbor Safety Act of 2021 is overdue,\" she said.", {{"Harbor Safety Act of 2021"}}},
      {"He filed H.R.5693, The River Access Act, in May.", {{"River Access Act", "H.R.5693"}}},
      {"He filed S. 1234 Harbor Safety Act today.", {{"Harbor Safety Act", "S. 1234"}}},
      {"Funds from the National Parks Renewal Act (NPRA) arrived; NPRA pays.",
       {{"National Parks Renewal Act", "NPRA"}}},
      {"The county used funds from the American Rescue Plan.",
       {{"American Rescue Plan Act of 2021", "American Rescue Plan"}}},
      {"It conflicts with 8 U.S.C. 1373 and 8 U.S.C. § 1357(g).", {{"8 U.S.C. 1373"}, {"8 U.S.C. § 1357(g)"}}},
      {"The governor signed Executive Order 25-04 and Charter Amendment 13 passed.",
       {{"Executive Order 25-04"}, {"Charter Amendment 13"}}},
      {"Proclamation 10886 cites the Treaty of Guadalupe Hidalgo.",
       {{"Proclamation 10886"}, {"Treaty of Guadalupe Hidalgo"}}},
      {"Title IX of the Education Amendments of 1972 bars it.", {{"Education Amendments of 1972", "Title IX"}}},
      {"H-1B and L-1 visa holders wait.", {}},
      {"National Origin-Based Antidiscrimination for Nonimmigrants Act", {{"National Origin-Based Antidiscrimination for Nonimmigrants Act"}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindLaws(c.text), c.want) << c.text;
  }
}

// Spanish names: hyphened words, a number after a capitalized word, one
// lower-case word between capitalized ones, and "y el ..." ending the name.
TEST(LegislationTest, SpanishNames) {
  const std::vector<Case> cases = {
      {"Fondos de la Ley Americana de Recuperación y Re-inversión llegaron.",
       {{"American Recovery and Reinvestment Act of 2009", "Ley Americana de Recuperación y Re-inversión"}}},
      {"La Ley Número 38 fue aprobada.", {{"Ley Número 38"}}},
      {"Aprobó la Ley de Costos más Bajos y Más Transparencia (H.R. 5378).",
       {{"Ley de Costos más Bajos y Más Transparencia", "H.R. 5378"}}},
      {"Apoyan la Ley de Puertos Seguros y el Presidente la firmó.", {{"Ley de Puertos Seguros"}}},
      {"Celebran la Ley del Sueño y Promesa Americanos y el Presidente Biden.",
       {{"American Dream and Promise Act", "Ley del Sueño y Promesa Americanos"}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindLaws(c.text), c.want) << c.text;
  }
}

TEST(LegislationTest, SpansCoverEveryMention) {
  std::string text = "The Protect Kids Act (SB 12) and SB 12 again.";
  std::vector<NamedEntity> out;
  std::vector<TextSpan> spans;
  ExtractLegislation(text, TestKnowledge().acts, &out, &spans);
  ASSERT_EQ(out.size(), 1u);
  std::vector<std::string> got;
  for (const TextSpan& s : spans) got.push_back(text.substr(s.begin, s.end - s.begin));
  std::vector<std::string> want = {"Protect Kids Act", "SB 12", "SB 12"};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace amicus::internal
