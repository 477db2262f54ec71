// People finder: titles stripped, speaker contexts, surname linking, real
// officeholders by surname. Cases composed for these tests.
#include <gtest/gtest.h>

#include <algorithm>

#include "amicus/extract.h"

namespace amicus {
namespace {

const NamedEntity* FindPerson(const Entities& e, const std::string& name) {
  for (const NamedEntity& p : e.people) if (p.name == name) return &p;
  return nullptr;
}

struct PeopleCase {
  const char* text;
  const char* name;   // expected canonical name
  const char* alias;  // expected alias, or "" for none required
};

TEST(PeopleTest, FindsNamesWithAliases) {
  const PeopleCase kCases[] = {
      {"Today Mayor Jane Okoro-Bell signed the order. “It matters,” said Mayor Okoro-Bell.", "Jane Okoro-Bell",
       "Mayor Okoro-Bell"},
      {"“We will fight,” said Marta Quiroga-Lind, director of the clinic. Quiroga-Lind added more.",
       "Marta Quiroga-Lind", "Quiroga-Lind"},
      {"Worker Li Wenjun, who spent years in a kitchen, spoke.", "Li Wenjun", ""},
      {"dijo la concejal Ana Sofía Ibáñez-Roe, quien representa el distrito.", "Ana Sofía Ibáñez-Roe", ""},
      {"Councilor Peter J. Mahoney voted no.", "Peter J. Mahoney", ""},
      {"“We thank Governor Hochul for listening,” the group said in Albany, New York.", "Kathy Hochul",
       "Governor Hochul"},
      {"Contact: Dana Whitlock, (555) 555-0100", "Dana Whitlock", ""},
      // stacked titles all go
      {"Superintendent Dr. Renata Q. Oduya said the school would open.", "Renata Q. Oduya", ""},
      // "Bill" is a first name once legislation is out of the way
      {"Gov. Bill Harrow has not said whether he would sign House Bill 12.", "Bill Harrow", ""},
  };
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  for (const PeopleCase& c : kCases) {
    Release r;
    r.text = c.text;
    Entities e = ex->Extract(r);
    const NamedEntity* p = FindPerson(e, c.name);
    ASSERT_NE(p, nullptr) << c.text;
    if (*c.alias) {
      EXPECT_NE(std::find(p->aliases.begin(), p->aliases.end(), c.alias), p->aliases.end()) << c.text;
    }
  }
}

TEST(PeopleTest, NoPersonWithoutEvidence) {
  const char* kTexts[] = {
      "The rally filled Jackson Heights on Tuesday.",
      "Families in Boyle Heights and Huntington Park were afraid.",
      "The Brooklyn Immigrant Defense Project filed suit.",
      // place names read like names in a speaker context
      "Families who fled San Pedro Sula, many of them children, arrived.",
      "She represents much of Northeast Philadelphia, said the clerk.",
      // part of a place after a possessive, a road after an article
      "a clinic on Chicago’s Lower West Side, said the report.",
      "the lot near the Brennan Expressway, officials said.",
      // the end of a longer name
      "Murió en el Centro de Detención Montaña Roja, una instalación federal.",
  };
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  for (const char* t : kTexts) {
    Release r;
    r.text = t;
    EXPECT_TRUE(ex->Extract(r).people.empty()) << t;
  }
}

TEST(PeopleTest, SurnamesAreNotLocations) {
  std::unique_ptr<Extractor> ex;
  ASSERT_TRUE(Extractor::Create(&ex).ok());
  Release r;
  r.text = "“We will sue,” said Attorney General Dana Paxton-Lowe. Paxton-Lowe spoke in Houston, Texas.";
  Entities e = ex->Extract(r);
  ASSERT_EQ(e.people.size(), 1u);
  for (const NamedEntity& l : e.locations) EXPECT_EQ(l.name.find("Paxton"), std::string::npos) << l.name;
}

}  // namespace
}  // namespace amicus
