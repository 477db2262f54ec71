#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/text.h"
#include "text/text_test_util.h"

namespace amicus {
namespace {

using testing_util::PartTerms;
using testing_util::Tokens;

using Terms = std::vector<std::string>;

// Each protected token: the parts (one per position) and the whole-token
// extra, if any.
struct TokenCase {
  const char* text;
  Terms parts;
  const char* whole;  // nullptr: no extra term
};

const TokenCase kTokenCases[] = {
    {"287(g) agreement", {"287", "g", "agreement"}, "287(g)"},
    {"H.R. 5521", {"hr", "5521"}, nullptr},
    {"U.S. and D.C.", {"us", "and", "dc"}, nullptr},
    {"$4.5 million", {"4.5", "million"}, nullptr},
    {"$1,275,000 and $16.50", {"1,275,000", "and", "16.50"}, nullptr},
    {"NYC Health + Hospitals", {"nyc", "health", "hospitals"}, nullptr},
    {"press@example.org", {"press", "example", "org"}, "press@example.org"},
    {"https://example.org/a/b", {"https", "example", "org", "a", "b"}, "https://example.org/a/b"},
    {"Int. 0214-2026", {"int", "0214", "2026"}, nullptr},
    {"Mayor\xE2\x80\x99s Office", {"mayor's", "office"}, nullptr},
    {"Ferreira-Oyelaran", {"ferreira", "oyelaran"}, nullptr},
    {"S.2141/A.3320", {"s", "2141", "a", "3320"}, nullptr},
    {"example.org", {"example", "org"}, nullptr},
    {"C++ and AT&T", {"c++", "and", "at&t"}, nullptr},
    {"See 501(c)(3).", {"see", "501", "c", "3"}, "501(c)(3)"},
    {"(write to Press@Example.org).", {"write", "to", "press", "example", "org"}, "press@example.org"},
    {"www.example.org/espanol,", {"www", "example", "org", "espanol"}, "www.example.org/espanol"},
    {"Luc\xC3\xAD" "a Ram\xC3\xADrez", {"lucia", "ramirez"}, nullptr},
};

TEST(AnalyzerTest, ProtectedTokens) {
  for (const TokenCase& c : kTokenCases) {
    std::vector<Token> tokens = Tokens(c.text);
    EXPECT_EQ(PartTerms(tokens), c.parts) << c.text;
    std::vector<std::string> extras;
    for (size_t i = 1; i < tokens.size(); ++i) {
      if (tokens[i].position == tokens[i - 1].position) {
        extras.push_back(tokens[i].term);
        // The extra sits at its first part's position and starts where it does.
        EXPECT_EQ(tokens[i].begin, tokens[i - 1].begin) << c.text;
      }
    }
    if (c.whole == nullptr) {
      EXPECT_TRUE(extras.empty()) << c.text;
    } else {
      EXPECT_EQ(extras, Terms{c.whole}) << c.text;
    }
  }
}

TEST(AnalyzerTest, PositionsAndOffsets) {
  const std::string text = "Today, Mayor L\xC3\xB3pez\xE2\x80\x99s office\xE2\x80\x94with ICE\xE2\x80\x99s help\xE2\x80\x94sued.";
  std::vector<Token> tokens;
  Analyzer a;
  std::uint32_t next = a.Tokenize(text, &tokens, 10);
  struct Want {
    const char* term;
    const char* surface;
  } want[] = {{"today", "Today"}, {"mayor", "Mayor"},
              {"lopez's", "L\xC3\xB3pez\xE2\x80\x99s"}, {"office", "office"},
              {"with", "with"}, {"ice's", "ICE\xE2\x80\x99s"}, {"help", "help"},
              {"sued", "sued"}};
  ASSERT_EQ(tokens.size(), std::size(want));
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].term, want[i].term);
    EXPECT_EQ(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), want[i].surface);
    EXPECT_EQ(tokens[i].position, 10 + i);
  }
  EXPECT_EQ(next, 10 + std::size(want));
  // Appends, and continues the positions it is given.
  next = a.Tokenize("and more", &tokens, next);
  ASSERT_EQ(tokens.size(), std::size(want) + 2);
  EXPECT_EQ(tokens.back().term, "more");
  EXPECT_EQ(tokens.back().position, next - 1);
}

TEST(AnalyzerTest, AcronymSurfaceSpansItsLetters) {
  const std::string text = "the U.S. Senate";
  std::vector<Token> tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].term, "us");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "U.S");
}

// ICU splits these runs by dictionary (CJK, Thai) or class ("x²"); the
// Analyzer keeps each whole, as QueryParser does, with the offsets of the run.
TEST(AnalyzerTest, DictionarySegmentedRunsStayWhole) {
  const std::string cjk = "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAE\xE4\xBA\xBA\xE5\x8F\xA3";
  const std::string thai =
      "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2";
  const std::string text = "(" + cjk + ") " + thai + " x\xC2\xB2.";
  std::vector<Token> tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].term, cjk);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), cjk);
  EXPECT_EQ(tokens[1].term, thai);
  EXPECT_EQ(tokens[1].position, 1u);
  EXPECT_EQ(tokens[2].term, "x2");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "x\xC2\xB2");
}

// One Analyzer reuses its ICU iterator and buffers: results must not depend
// on what it tokenized before, including text whose stream outgrows the
// buffers (U+FDFA decomposes to 18 code points).
TEST(AnalyzerTest, ReuseAcrossCallsMatchesFreshAnalyzer) {
  std::string expanding;
  for (int i = 0; i < 40; ++i) expanding += "\xEF\xB7\xBA a\xC3\xA9 ";
  const std::string texts[] = {
      "Luc\xC3\xAD" "a L\xC3\xB3pez, U.S. Senate (AT&T) 1,275,000 C++", "plain ascii words here",
      expanding, "x", "\xE6\x9D\xB1\xE4\xBA\xAC \xE2\x80\x94 na\xC3\xAFve", "ok"};
  Analyzer reused;
  for (const std::string& t : texts) {
    std::vector<Token> got;
    reused.Tokenize(t, &got);
    std::vector<Token> want = Tokens(t);
    ASSERT_EQ(got.size(), want.size()) << t;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].term, want[i].term) << t;
      EXPECT_EQ(got[i].begin, want[i].begin) << t;
      EXPECT_EQ(got[i].end, want[i].end) << t;
      EXPECT_EQ(got[i].position, want[i].position) << t;
    }
  }
}

TEST(AnalyzerTest, EmptyAndPunctuationOnly) {
  Analyzer a;
  std::vector<Token> tokens;
  EXPECT_EQ(a.Tokenize("", &tokens, 7), 7u);
  EXPECT_EQ(a.Tokenize(" -- \xE2\x80\x94 ... \xE2\x80\x9C\xE2\x80\x9D ", &tokens, 7), 7u);
  EXPECT_TRUE(tokens.empty());
  EXPECT_EQ(a.Tokenize("x", nullptr, 3), 3u);
}

TEST(AnalyzerTest, LongTermsAreCappedOnACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "\xC3\xA9" "a";  // éa x150 = 450 bytes
  text += " https://example.org/" + std::string(300, 'x');
  std::vector<Token> tokens = Tokens(text);
  ASSERT_GE(tokens.size(), 2u);
  for (const Token& t : tokens) {
    EXPECT_LE(t.term.size(), 200u);
    EXPECT_EQ(FoldText(t.term), t.term);  // still valid, already-folded UTF-8
  }
  std::string want;
  for (int i = 0; i < 100; ++i) want += "ea";  // 200 bytes: whole characters only
  EXPECT_EQ(tokens[0].term, want);
}

// Invariants over the whole test corpus: every token's surface folds to its
// term (parts of compounds aside), positions never go back, offsets are in
// range and increasing.
TEST(AnalyzerTest, CorpusInvariants) {
  Analyzer a;
  for (const auto& [id, text] : testing_util::LoadReleases()) {
    std::vector<Token> tokens;
    std::uint32_t next = a.Tokenize(text, &tokens);
    ASSERT_FALSE(tokens.empty()) << id;
    EXPECT_EQ(next, tokens.back().position + 1) << id;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      ASSERT_LT(t.begin, t.end) << id;
      ASSERT_LE(t.end, text.size()) << id;
      EXPECT_FALSE(t.term.empty()) << id;
      if (i > 0) {
        EXPECT_GE(t.position, tokens[i - 1].position) << id;
        EXPECT_LE(t.position, tokens[i - 1].position + 1) << id;
        EXPECT_GE(t.begin, tokens[i - 1].begin) << id;
      }
      // Acronyms drop their periods; nothing else differs from the fold.
      auto no_dots = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
        return s;
      };
      EXPECT_EQ(no_dots(FoldText(text.substr(t.begin, t.end - t.begin))), no_dots(t.term))
          << id << " at " << t.begin;
    }
  }
}

}  // namespace
}  // namespace amicus
