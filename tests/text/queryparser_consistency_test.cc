// The contract that matters most for search: for the same surface text, the
// Analyzer's terms are the terms Xapian's QueryParser builds from that text
// after StripDiacritics (what the search side does), in the same order.
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "amicus/text.h"
#include "text/text_test_util.h"

namespace amicus {
namespace {

using testing_util::PartTerms;
using testing_util::Tokens;

// QueryParser's terms in position order. The text is parsed as one quoted
// phrase so that words like "AND" or a leading "-" are terms, not operators;
// double quotes inside are blanked (they are never part of a term).
std::vector<std::string> QueryParserTerms(const std::string& surface) {
  std::string q = StripDiacritics(surface);
  std::string quoted = "\"";
  for (size_t i = 0; i < q.size(); ++i) {
    if (q[i] == '"') {
      quoted += ' ';
    } else if (q.compare(i, 3, "\xE2\x80\x9C") == 0 || q.compare(i, 3, "\xE2\x80\x9D") == 0) {
      quoted += ' ';
      i += 2;
    } else {
      quoted += q[i];
    }
  }
  quoted += '"';
  Xapian::QueryParser qp;  // STEM_NONE: terms are compared unstemmed
  Xapian::Query query = qp.parse_query(quoted, Xapian::QueryParser::FLAG_DEFAULT);
  std::vector<std::string> out;
  for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
    out.push_back(*it);
  }
  return out;
}

TEST(QueryParserConsistencyTest, SurfaceStrings) {
  const char* const kCases[] = {
      "287(g) agreement", "H.R. 5521", "$4.5 million", "NYC Health + Hospitals",
      "press@example.org", "https://example.org/a/b", "Int. 0214-2026",
      "Mayor\xE2\x80\x99s Office", "Ferreira-Oyelaran", "S.2141/A.3320",
      "1,275,000", "$16.50", "U.S. Immigration", "D.C. Circuit", "U.S.A. people",
      "e.g. this", "U.S.5", "Ph.D. students", "FY27 budget", "rock'n'roll",
      "Dreamers'", "don't", "3.2.1", "10:30 a.m.", "50%", "C++ code", "C# and F#",
      "grade A+ rating", "a++++ b", "AT&T", "M&S", "1&2", "1'000", "I-9 form",
      "N-400", "1.5.x", "2026-01-20", "ab1.5", "1.5ab", "O'Brien", "O\xE2\x80\x99" "Brien",
      "\xE2\x80\x98" "Collusive\xE2\x80\x99", "Section 1983(a)(2)", "501(c)(3) groups",
      "x_y_z", "4,5", ".5 dollars", "covid-19", "H-1B visa", "K-12", "a:b",
      "Luc\xC3\xAD" "a INMIGRACI\xC3\x93N", "Ni\xC3\xB1os \xC2\xBFqu\xC3\xA9?",
      "e\xCC\x81t\xC3\xA9", "stra\xC3\x9F" "e", "\xEF\xAC\x81nance",
      "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 \xEF\xBC\xB5\xEF\xBC\x8E\xEF\xBC\xB3\xEF\xBC\x8E",
      "foo\xE2\x80\x8B" "bar", "x\xC2\xB2", "\xC2\xBD cup", "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD",
      "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2", "\xC4\xB0stanbul",
      "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3", "na\xC3\xAFve caf\xC3\xA9", "AND OR NOT -x +y (z)",
      "bad \xFF utf8 \xC3", "info\xC2\xAD" "mation", "A.B.c", "xU.S. here"};
  for (const char* surface : kCases) {
    EXPECT_EQ(PartTerms(Tokens(surface)), QueryParserTerms(surface)) << surface;
  }
}

// Random strings over the characters the lexer treats specially; a fixed
// seed keeps failures reproducible.
TEST(QueryParserConsistencyTest, RandomStrings) {
  const char* const kPieces[] = {
      "a", "B", "x", "Q", "1", "9", "0", ".", ",", ";", "'", "\xE2\x80\x99", "&", "-",
      "/", "@", "(", ")", "+", "#", " ", " ", "\xC3\xA9", "\xC3\x91", "_", ":",
      "U.S.", "\xE2\x80\x8B", "\xC3\x9F", "\xEF\xAC\x81", "e\xCC\x81", "\xC2\xB7",
      "\xE2\x80\x94", "\xEF\xBC\x8E", "AND", "%", "$", "*", "~"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 14);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (int i = length(rng); i > 0; --i) s += kPieces[piece(rng)];
    ASSERT_EQ(PartTerms(Tokens(s)), QueryParserTerms(s)) << "\"" << s << "\"";
  }
}

// The same over CJK, kana and Thai, where ICU's dictionary segmentation
// splits runs that QueryParser keeps whole, mixed with Latin text and the
// characters UAX #29 and QueryParser class differently ("²", a lone
// combining mark, the kana voicing mark U+309B, ideographic space and stop).
TEST(QueryParserConsistencyTest, RandomCjkThaiStrings) {
  const char* const kPieces[] = {
      "\xE6\x9D\xB1", "\xE4\xBA\xAC", "\xE9\x83\xBD", "\xE4\xBA\xBA\xE5\x8F\xA3",  // 東 京 都 人口
      "\xE3\x81\xAE", "\xE3\x82\xAB", "\xE3\x83\xBC", "\xE3\x82\x9B",  // の カ ー ゛
      "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2",  // ภาษา
      "\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",  // ไทย
      "\xE0\xB8\x87\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xA2",  // ง่าย
      "\xE3\x80\x80", "\xE3\x80\x82", "\xEF\xBC\x8C",  // ideographic space, stop, comma
      "\xC2\xB2", "\xCC\x81", "a", "Q", "1", ".", ",", "'", "&", " ", "U.S.", "+", "-"};
  std::mt19937 rng(271828);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 12);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int i = length(rng); i > 0; --i) s += kPieces[piece(rng)];
    ASSERT_EQ(PartTerms(Tokens(s)), QueryParserTerms(s)) << "\"" << s << "\"";
  }
}

// Every release of the test corpus, paragraph by paragraph.
TEST(QueryParserConsistencyTest, ReleaseCorpus) {
  auto releases = testing_util::LoadReleases();
  ASSERT_GE(releases.size(), 10u);
  size_t paragraphs = 0;
  size_t terms = 0;
  for (const auto& [id, text] : releases) {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      std::string para = text.substr(start, end - start);
      start = end + 2;
      if (para.empty()) continue;
      ++paragraphs;
      std::vector<std::string> expected = QueryParserTerms(para);
      terms += expected.size();
      EXPECT_EQ(PartTerms(Tokens(para)), expected) << id << ": " << para;
    }
  }
  EXPECT_GE(paragraphs, 100u);
  EXPECT_GE(terms, 5000u);  // QueryParser really saw the text
}

}  // namespace
}  // namespace amicus
