// Rules added from a blind evaluation of releases in other cities: each case
// here is written for the test, in the guideline's conventions.
#include <string>

#include <gtest/gtest.h>

#include "amicus/extract.h"

namespace amicus {
namespace {

Entities ExtractFrom(const std::string& text, const std::string& language = "en") {
  std::unique_ptr<Extractor> x;
  EXPECT_TRUE(Extractor::Create(&x).ok());
  Release r;
  r.id = "t";
  r.published = "2026-04-02";
  r.language = language;
  r.text = text;
  return x->Extract(r);
}

bool HasOrg(const Entities& e, const std::string& name) {
  for (const NamedEntity& n : e.organizations) {
    if (n.name == name) return true;
  }
  return false;
}

TEST(GeneralRulesTest, BareNewYorkDatelineIsTheCity) {
  Entities e = ExtractFrom("NEW YORK \xE2\x80\x94 Tenant organizers rallied on Monday outside the courthouse.");
  EXPECT_EQ(e.dateline.city, "New York");
  EXPECT_EQ(e.dateline.region, "NY");
}

TEST(GeneralRulesTest, SpanishDecimalComma) {
  Entities e = ExtractFrom("SAN JOSÉ, Calif. — La coalición pidió 4,25 millones de dólares y $2,5 millones más para "
                   "abogados el año fiscal 2027.",
                   "es");
  bool first = false, second = false;
  for (const MoneyMention& m : e.money) {
    if (m.value == 4250000) first = true;
    if (m.value == 2500000) second = true;
  }
  EXPECT_TRUE(first);
  EXPECT_TRUE(second);
}

TEST(GeneralRulesTest, CodeSectionsWithDecimals) {
  Entities e = ExtractFrom("RENO, Nev. — A motion under Section 2255.1 of the state code was filed Tuesday.");
  bool found = false;
  for (const NamedEntity& n : e.legislation) found = found || n.name == "Section 2255.1";
  EXPECT_TRUE(found);
}

struct SpanishBodyCase {
  const char* text;
  const char* canonical;
};

TEST(GeneralRulesTest, SpanishLocalBodiesGetTheirEnglishNames) {
  const SpanishBodyCase cases[] = {
      {"FRESNO, Calif. — La Oficina del Alguacil del Condado de Fresno respondió el lunes.",
       "Fresno County Sheriff\xE2\x80\x99s Office"},
      {"DALLAS — El Distrito Escolar Independiente de Dallas abrió nuevas aulas el martes.",
       "Dallas Independent School District"},
      {"PHOENIX, Ariz. — La Junta de Supervisores del Condado de Maricopa votó el jueves.",
       "Maricopa County Board of Supervisors"},
      {"HOUSTON — El Departamento de Policía de Houston publicó su informe anual el viernes.",
       "Houston Police Department"},
  };
  for (const SpanishBodyCase& c : cases) {
    Entities e = ExtractFrom(c.text, "es");
    EXPECT_TRUE(HasOrg(e, c.canonical)) << c.text;
  }
}

TEST(GeneralRulesTest, SpanishBodiesWithLowerCaseCounty) {
  Entities e = ExtractFrom("McALLEN, Texas — La Oficina del Alguacil del condado de Cameron no respondió el martes.", "es");
  EXPECT_TRUE(HasOrg(e, "Cameron County Sheriff\xE2\x80\x99s Office"));
}

TEST(GeneralRulesTest, ActAndItsTranslationAreOneEntity) {
  Entities e = ExtractFrom("ALBANY, N.Y. — Los grupos apoyan la Ley de Acceso a la Justicia (Access to Justice Act) "
                           "en la sesión de este año.",
                           "es");
  ASSERT_EQ(e.legislation.size(), 1u);
  EXPECT_EQ(e.legislation[0].name, "Access to Justice Act");
  ASSERT_EQ(e.legislation[0].aliases.size(), 1u);
  EXPECT_EQ(e.legislation[0].aliases[0], "Ley de Acceso a la Justicia");
}

TEST(GeneralRulesTest, DirectivesAreLegislation) {
  Entities e = ExtractFrom("TRENTON, N.J. — The Immigrant Trust Directive limits what local police may share.");
  bool found = false;
  for (const NamedEntity& n : e.legislation) found = found || n.name == "Immigrant Trust Directive";
  EXPECT_TRUE(found);
}

TEST(GeneralRulesTest, AttorneyGeneralsOfficeIsNamedWithItsState) {
  Entities e = ExtractFrom("NEWARK, N.J. — The Office of the Attorney General opened an inquiry on Monday.");
  EXPECT_TRUE(HasOrg(e, "Office of the New Jersey Attorney General"));
  e = ExtractFrom("BUFFALO, N.Y. — The Attorney General’s Office said it would appeal.");
  EXPECT_TRUE(HasOrg(e, "Office of the New York State Attorney General"));
}

}  // namespace
}  // namespace amicus
