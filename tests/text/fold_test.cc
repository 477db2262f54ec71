#include <string>

#include <gtest/gtest.h>

#include "amicus/text.h"

namespace amicus {
namespace {

struct FoldCase {
  const char* in;
  const char* folded;    // FoldText
  const char* stripped;  // StripDiacritics
};

const FoldCase kFoldCases[] = {
    {"Luc\xC3\xAD" "a", "lucia", "Lucia"},
    {"LUCIA", "lucia", "LUCIA"},
    {"\xC3\x89L", "el", "EL"},  // ÉL
    {"Servicio de Inmigraci\xC3\xB3n", "servicio de inmigracion", "Servicio de Inmigracion"},
    {"INMIGRACI\xC3\x93N", "inmigracion", "INMIGRACION"},
    {"Ni\xC3\xB1" "os", "ninos", "Ninos"},  // ñ loses its tilde too
    {"e\xCC\x81t\xC3\xA9", "ete", "ete"},   // decomposed and composed é
    {"stra\xC3\x9F" "e", "strasse", "strasse"},  // ß: NFKC_Casefold gives ss
    {"\xEF\xAC\x81nance", "finance", "finance"},  // ﬁ ligature (NFKC)
    {"\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\xEF\xBC\x91", "abc1", "ABC1"},  // full width
    {"x\xC2\xB2", "x2", "x2"},  // superscript two
    {"Mayor\xE2\x80\x99s Office", "mayor's office", "Mayor\xE2\x80\x99s Office"},
    {"\xC2\xBFQu\xC3\xA9 pas\xC3\xB3?", "\xC2\xBFque paso?", "\xC2\xBFQue paso?"},
    {"Hello, World!  (ok)", "hello, world!  (ok)", "Hello, World!  (ok)"},
    {"\xC4\xB0stanbul", "istanbul", "Istanbul"},  // İ: casefold adds U+0307, dropped
    {"\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3", "\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x83", "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3"},
    {"Jose\xCC\x81 y Mari\xCC\x81" "a", "jose y maria", "Jose y Maria"},  // mark after ASCII
    {"\xE2\x80\x9CS\xC3\xAD,\xE2\x80\x9D dijo", "\xE2\x80\x9Csi,\xE2\x80\x9D dijo",
     "\xE2\x80\x9CSi,\xE2\x80\x9D dijo"},
    {"", "", ""},
};

TEST(FoldTest, FoldTextAndStripDiacritics) {
  for (const FoldCase& c : kFoldCases) {
    EXPECT_EQ(FoldText(c.in), c.folded) << c.in;
    EXPECT_EQ(StripDiacritics(c.in), c.stripped) << c.in;
  }
}

// Folding a folded string changes nothing, and query-side stripping followed
// by lower-casing meets the index-side fold on Latin text.
TEST(FoldTest, IdempotentAndConsistent) {
  for (const FoldCase& c : kFoldCases) {
    EXPECT_EQ(FoldText(FoldText(c.in)), FoldText(c.in)) << c.in;
    EXPECT_EQ(StripDiacritics(StripDiacritics(c.in)), StripDiacritics(c.in)) << c.in;
    EXPECT_EQ(FoldText(StripDiacritics(c.in)), FoldText(c.in)) << c.in;
  }
}

TEST(FoldTest, InvalidUtf8DoesNotCrash) {
  std::string bad = "abc\xFF\xC3 d";
  EXPECT_FALSE(FoldText(bad).empty());
  EXPECT_FALSE(StripDiacritics(bad).empty());
}

}  // namespace
}  // namespace amicus
