// Folding with ICU Normalizer2. ASCII text never reaches ICU: it is by far the
// common case, and for ASCII NFKC and diacritic removal are the identity.
#include "text/fold.h"

#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "amicus/text.h"

namespace amicus {
namespace internal {
namespace {

struct Normalizers {
  const icu::Normalizer2* nfkd = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
  const icu::Normalizer2* nfkc_cf = nullptr;
};

// ICU's instances are process-wide immutable singletons; fetching them once
// avoids a lock per call. If ICU data is missing (a broken installation),
// the pointers stay null and text passes through unnormalized rather than
// crashing.
const Normalizers& Get() {
  static const Normalizers n = [] {
    Normalizers r;
    UErrorCode st = U_ZERO_ERROR;
    r.nfkd = icu::Normalizer2::getNFKDInstance(st);
    r.nfd = icu::Normalizer2::getNFDInstance(st);
    r.nfc = icu::Normalizer2::getNFCInstance(st);
    r.nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
    if (U_FAILURE(st)) r = Normalizers();
    return r;
  }();
  return n;
}

icu::UnicodeString Normalize(const icu::Normalizer2* n,
                             const icu::UnicodeString& s) {
  if (n == nullptr) return s;
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(s, st);
  return U_FAILURE(st) ? s : out;
}

// Drops diacritics from decomposed text. `for_query` adds the lower-case
// letters whose full case folding differs from themselves (see fold.h);
// `apostrophes` writes U+2019/U+201B as '.
icu::UnicodeString DropMarks(const icu::UnicodeString& d, bool for_query,
                             bool apostrophes) {
  icu::UnicodeString r;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (IsDiacriticMark(static_cast<char32_t>(c))) continue;
    if (for_query) {
      if (c == 0x00DF) { r.append(u"ss", 2); continue; }
      if (c == 0x1E9E) { r.append(u"SS", 2); continue; }
      if (c == 0x03C2) { r.append(static_cast<UChar32>(0x03C3)); continue; }
    }
    if (apostrophes && (c == 0x2019 || c == 0x201B)) c = '\'';
    r.append(c);
  }
  return r;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(p[i]) & 0x80) return false;
  }
  return true;
}

std::u32string StripCodePoint(char32_t c) {
  const Normalizers& n = Get();
  icu::UnicodeString d;
  if (n.nfkd == nullptr || !n.nfkd->getDecomposition(static_cast<UChar32>(c), d)) {
    d = icu::UnicodeString(static_cast<UChar32>(c));
  }
  icu::UnicodeString r = Normalize(n.nfc, DropMarks(d, true, false));
  std::u32string out;
  for (int32_t i = 0; i < r.length();) {
    UChar32 x = r.char32At(i);
    i += U16_LENGTH(x);
    out.push_back(static_cast<char32_t>(x));
  }
  return out;
}

std::string FoldCodePoint(char32_t c) {
  const Normalizers& n = Get();
  icu::UnicodeString s(static_cast<UChar32>(c));
  icu::UnicodeString d = Normalize(n.nfd, Normalize(n.nfkc_cf, s));
  return ToUtf8(Normalize(n.nfc, DropMarks(d, false, true)));
}

}  // namespace internal

namespace {

// ICU sees only the non-ASCII runs of the text (with the ASCII character
// before each, which a following combining mark may compose with); ASCII in
// between is copied, lower-cased for FoldText. A release is mostly ASCII with
// a few curly quotes and accented names, so this skips most of the
// UTF-16 conversions.
template <class IcuFn>
std::string SegmentWise(std::string_view text, bool lower, IcuFn icu_fn) {
  std::string out;
  out.reserve(text.size() + 8);
  auto copy_ascii = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      char ch = text[i];
      if (lower && ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
      out.push_back(ch);
    }
  };
  auto is_ascii = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0x80) == 0; };
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && is_ascii(j)) ++j;
    if (j == n) {
      copy_ascii(i, n);
      break;
    }
    size_t k = j;
    while (k < n && !is_ascii(k)) ++k;
    const size_t seg = j > i ? j - 1 : j;
    copy_ascii(i, seg);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + seg, static_cast<int32_t>(k - seg)));
    icu_fn(u).appendUTF8(&out);
    i = k;
  }
  return out;
}

// Appends UTF-8 through a std::string sink; a small helper so the lambdas
// above read simply.
struct Utf8Out {
  icu::UnicodeString s;
  void appendUTF8(std::string* out) const { s.toUTF8String(*out); }
};

}  // namespace

std::string FoldText(std::string_view text) {
  return SegmentWise(text, true, [](const icu::UnicodeString& u) {
    const internal::Normalizers& n = internal::Get();
    icu::UnicodeString d =
        internal::Normalize(n.nfd, internal::Normalize(n.nfkc_cf, u));
    return Utf8Out{internal::Normalize(n.nfc, internal::DropMarks(d, false, true))};
  });
}

std::string StripDiacritics(std::string_view text) {
  return SegmentWise(text, false, [](const icu::UnicodeString& u) {
    const internal::Normalizers& n = internal::Get();
    icu::UnicodeString d = internal::Normalize(n.nfkd, u);
    return Utf8Out{internal::Normalize(n.nfc, internal::DropMarks(d, true, false))};
  });
}

}  // namespace amicus
