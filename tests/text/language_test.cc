#include <string>

#include <gtest/gtest.h>

#include "amicus/text.h"
#include "text/text_test_util.h"

namespace amicus {
namespace {

// d007 and d012 are the Spanish releases of the test corpus; all the others
// are English (some with Spanish names and place names).
TEST(DetectLanguageTest, TestCorpus) {
  auto releases = testing_util::LoadReleases();
  ASSERT_GE(releases.size(), 10u);
  for (const auto& [id, text] : releases) {
    const char* want = (id == "d007" || id == "d012") ? "es" : "en";
    EXPECT_EQ(DetectLanguage(text), want) << id;
  }
}

TEST(DetectLanguageTest, ShortTexts) {
  struct Case {
    const char* text;
    const char* lang;
  } cases[] = {
      {"", "en"},
      {"ICE", "en"},  // no evidence: the default
      {"The council voted to expand the fund for legal services.", "en"},
      {"La ciudad anunci\xC3\xB3 que los fondos para las familias llegar\xC3\xA1n en mayo.", "es"},
      {"\xC2\xBF" "D\xC3\xB3nde est\xC3\xA1 la oficina?", "es"},
      {"Jos\xC3\xA9 Mar\xC3\xAD" "a Rodr\xC3\xADguez of the Bronx said the city must act.", "en"},
      {"Alianza de la Comunidad and the Mayor of Los Angeles signed the order.", "en"},
  };
  for (const Case& c : cases) EXPECT_EQ(DetectLanguage(c.text), c.lang) << c.text;
}

// Only the start is read, so a long release costs the same as a short one.
TEST(DetectLanguageTest, ReadsOnlyTheStart) {
  std::string text;
  while (text.size() < 8000) text += "The city and the state of New York said the fund is open. ";
  std::string spanish_tail;
  while (spanish_tail.size() < 20000) spanish_tail += "los que de la para con las el y en ";
  EXPECT_EQ(DetectLanguage(text + spanish_tail), "en");
  EXPECT_EQ(DetectLanguage(spanish_tail + text), "es");
}

TEST(StemmerLanguageTest, Codes) {
  EXPECT_STREQ(StemmerLanguage("en"), "english");
  EXPECT_STREQ(StemmerLanguage("es"), "spanish");
  EXPECT_STREQ(StemmerLanguage("ES"), "spanish");
  EXPECT_STREQ(StemmerLanguage("es-MX"), "spanish");
  EXPECT_STREQ(StemmerLanguage("fr"), "english");
  EXPECT_STREQ(StemmerLanguage(""), "english");
  EXPECT_STREQ(StemmerLanguage("espanol"), "english");
}

}  // namespace
}  // namespace amicus
