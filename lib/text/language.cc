// Language identification by function words: a release in Spanish is full of
// "de", "la", "que", "los"; one in English of "the", "and", "of", "to". Names
// ("Lucía", "de Blasio") and quoted phrases in the other language barely move
// the counts, and function words are frequent enough that the first 4 KB
// decide. Spanish-only punctuation (¿ ¡) and ñ count double; accented vowels,
// which English text carries in names, count half.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "amicus/text.h"

namespace amicus {
namespace {

constexpr size_t kScanBytes = 4096;
// Below this much evidence the text is too short to call it Spanish.
constexpr double kMinSpanishScore = 3.0;

// A word of up to 8 bytes packed into an integer, so that looking a word up
// is a binary search over integers rather than string compares.
constexpr std::uint64_t Pack(std::string_view w) {
  std::uint64_t v = 0;
  for (size_t i = 0; i < w.size() && i < 8; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
  }
  return v;
}

// The function words of both lists in one open-addressing table keyed by
// the packed word: a probe or two per word of the text (a binary search
// over each list was 6% of extracting a release).
class FunctionWords {
 public:
  enum Language : unsigned char { kNeither, kEnglishWord, kSpanishWord };
  FunctionWords(const char* const* english, const char* const* spanish) {
    for (; *english != nullptr; ++english) Insert(Pack(*english), kEnglishWord);
    for (; *spanish != nullptr; ++spanish) Insert(Pack(*spanish), kSpanishWord);
  }
  Language Find(std::uint64_t packed) const {  // packed != 0
    for (std::size_t i = Slot(packed);; i = (i + 1) % kSlots) {
      if (keys_[i] == packed) return lang_[i];
      if (keys_[i] == 0) return kNeither;
    }
  }

 private:
  static constexpr std::size_t kSlots = 256;  // a power of two, over twice the words
  static std::size_t Slot(std::uint64_t packed) { return (packed * 0x9E3779B97F4A7C15ULL) >> 56; }
  void Insert(std::uint64_t packed, Language lang) {
    std::size_t i = Slot(packed);
    while (keys_[i] != 0 && keys_[i] != packed) i = (i + 1) % kSlots;
    if (keys_[i] == packed) return;  // listed twice: the first list wins, as English did before
    keys_[i] = packed;
    lang_[i] = lang;
  }
  std::uint64_t keys_[kSlots] = {};
  Language lang_[kSlots] = {};
};

// Words in both languages ("a", "no", "he", "me") are left out of both lists.
const char* const kEnglish[] = {
    "the", "and", "of", "to", "in", "is", "that", "for", "with", "on",
    "are", "was", "this", "will", "by", "from", "has", "have", "said", "it",
    "its", "their", "be", "which", "at", "an", "we", "our", "who", "they",
    "not", "or", "were", "been", "would", nullptr};

const char* const kSpanish[] = {
    "el", "la", "los", "las", "de", "del", "que", "y", "en", "para",
    "con", "por", "una", "un", "es", "se", "su", "sus", "al", "como",
    "lo", "este", "esta", "estos", "estas", "fue", "ha", "han", "m\xC3\xA1s",
    "pero", "sobre", "tambi\xC3\xA9n", "entre", "desde", "dijo", "nuestra",
    "nuestro", "nuestras", "nuestros", "son", "est\xC3\xA1n", "est\xC3\xA1",
    "sin", "ya", "cuando", "muy", nullptr};

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() > kScanBytes) text = text.substr(0, kScanBytes);
  double en = 0, es = 0;
  static const FunctionWords words(kEnglish, kSpanish);
  // The current word packed as it is read (Pack's layout); longer than 8
  // bytes, it is in neither list.
  constexpr size_t kMaxWord = 8;
  std::uint64_t packed = 0;
  size_t len = 0;
  bool too_long = false;
  auto flush = [&] {
    if (len > 0 && !too_long) {
      const FunctionWords::Language lang = words.Find(packed);
      if (lang == FunctionWords::kEnglishWord) en += 1;
      else if (lang == FunctionWords::kSpanishWord) es += 1;
    }
    packed = 0;
    len = 0;
    too_long = false;
  };
  auto append = [&](unsigned char b) {
    if (len == kMaxWord) {
      too_long = true;
    } else {
      packed |= static_cast<std::uint64_t>(b) << (8 * len);
      ++len;
    }
  };
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // ASCII letters to lower case in one lookup; 0 for every other ASCII byte.
  static constexpr struct AsciiLower {
    unsigned char to[128];
    constexpr AsciiLower() : to{} {
      for (int c = 'a'; c <= 'z'; ++c) to[c] = static_cast<unsigned char>(c);
      for (int c = 'A'; c <= 'Z'; ++c) to[c] = static_cast<unsigned char>(c + 32);
    }
  } kLower{};
  for (size_t i = 0; i < n; ++i) {
    unsigned char b = s[i];
    if (b < 0x80) {  // the bulk of the text
      const unsigned char lower = kLower.to[b];
      if (lower == 0) {
        flush();
      } else {
        append(lower);
      }
      continue;
    }
    if (b == 0xC2 && i + 1 < n && (s[i + 1] == 0xBF || s[i + 1] == 0xA1)) {
      es += 2;  // ¿ ¡
    } else if (b == 0xC3 && i + 1 < n) {
      unsigned char t = s[i + 1];
      if (t == 0xB1 || t == 0x91) es += 2;  // ñ Ñ
      else if (t == 0xA1 || t == 0xA9 || t == 0xAD || t == 0xB3 || t == 0xBA ||
               t == 0x81 || t == 0x89 || t == 0x8D || t == 0x93 || t == 0x9A) {
        es += 0.5;  // á é í ó ú and capitals
      }
    }
    append(b);  // every byte of a multi-byte character counts as a letter
  }
  flush();
  return (es > en && es >= kMinSpanishScore) ? "es" : "en";
}

const char* StemmerLanguage(std::string_view code) {
  // Primary subtag only, so "es-MX" and "ES" are Spanish too.
  size_t cut = code.find_first_of("-_");
  if (cut != std::string_view::npos) code = code.substr(0, cut);
  char lower[4] = {};
  if (code.size() == 2 || code.size() == 3) {
    for (size_t i = 0; i < code.size(); ++i) {
      char c = code[i];
      lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    if (std::strcmp(lower, "es") == 0 || std::strcmp(lower, "spa") == 0) return "spanish";
  }
  return "english";
}

}  // namespace amicus
