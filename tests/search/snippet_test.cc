// Snippets (lib/search/snippet.h): which words are marked, how the window
// is chosen and cut, and that the byte scanner folds words as the index
// does (case, accents, apostrophes, acronyms, digit groups).
#include "search/snippet.h"

#include <string>

#include <gtest/gtest.h>

namespace amicus::internal {
namespace {

SnippetTerms Terms(std::initializer_list<const char*> xapian_terms) {
  SnippetTerms t;
  for (const char* term : xapian_terms) t.AddXapianTerm(term);
  return t;
}

std::string Snip(const std::string& text, const SnippetTerms& terms, std::size_t bytes = 240,
                 const char* language = "english") {
  return MakeSnippet(text, terms, Xapian::Stem(language), bytes);
}

TEST(SnippetTest, MarksWordsAndStems) {
  SnippetTerms t = Terms({"Zimmigr", "mamdani"});
  std::string s = Snip("Mayor Mamdani met immigrant families and immigrants' lawyers.", t);
  EXPECT_EQ(s, "Mayor <b>Mamdani</b> met <b>immigrant</b> families and <b>immigrants</b>' lawyers.");
}

TEST(SnippetTest, FoldsCaseAndAccents) {
  SnippetTerms t = Terms({"lucia", "Zinmigr"});
  std::string s = Snip("Dijo LUCÍA Pérez a los inmigrantes.", t, 240, "spanish");
  EXPECT_NE(s.find("<b>LUCÍA</b>"), std::string::npos) << s;
  EXPECT_NE(s.find("<b>inmigrantes</b>"), std::string::npos) << s;
  // Decomposed accents (e + U+0301) fold the same way.
  s = Snip("Luci\xCC\x81" "a spoke.", Terms({"lucia"}));
  EXPECT_NE(s.find("<b>Luci\xCC\x81" "a</b>"), std::string::npos) << s;
}

TEST(SnippetTest, ApostrophesAcronymsAndNumbers) {
  EXPECT_NE(Snip("They don’t agree.", Terms({"don't"})).find("<b>don’t</b>"), std::string::npos);
  EXPECT_NE(Snip("The U.S. Senate voted.", Terms({"us"})).find("<b>U.S.</b>"), std::string::npos);
  std::string s = Snip("A grant of 1,500 dollars and 3.5 percent.", Terms({"1,500", "3.5"}));
  EXPECT_NE(s.find("<b>1,500</b>"), std::string::npos) << s;
  EXPECT_NE(s.find("<b>3.5</b>"), std::string::npos) << s;
}

TEST(SnippetTest, TitleAndPrefixedTerms) {
  // Title terms mark the word; filter terms (capital prefixes) mark nothing.
  SnippetTerms t = Terms({"Sasylum", "ZSfee", "XORGice", "Qd001"});
  std::string s = Snip("Asylum fees rose; ICE said d001.", t);
  EXPECT_EQ(s, "<b>Asylum</b> <b>fees</b> rose; ICE said d001.");
}

TEST(SnippetTest, WindowIsWhereMatchesAreDenseAndEscaped) {
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "lorem ipsum ";
  std::string text = filler + "the <sanctuary> & sanctuary city " + filler;
  std::string s = Snip(text, Terms({"Zsanctuari"}), 120);
  EXPECT_EQ(s.rfind("...", 0), 0u) << s;  // cut before
  EXPECT_NE(s.find("&lt;<b>sanctuary</b>&gt; &amp; <b>sanctuary</b>"), std::string::npos) << s;
  EXPECT_LE(s.size(), 120u + 60u);
  EXPECT_EQ(s.substr(s.size() - 3), "...");
}

TEST(SnippetTest, NoMatchShowsTheStart) {
  std::string s = Snip("First words here.\n\nThen more.", Terms({"Zabsent"}), 240);
  EXPECT_EQ(s, "First words here. Then more.");
  EXPECT_EQ(Snip("", Terms({"Zabsent"})), "");
  EXPECT_EQ(Snip("...  --", Terms({"Zabsent"})), "");
}

TEST(SnippetTest, MalformedUtf8IsASeparator) {
  std::string text = "asylum\xC3(\xFF" "asylum \xE2\x82 end";
  std::string s = Snip(text, Terms({"Zasylum"}));
  EXPECT_EQ(s.find("<b>asylum</b>"), 0u) << s;
}

}  // namespace
}  // namespace amicus::internal
