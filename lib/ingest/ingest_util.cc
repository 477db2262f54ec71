// ingest/ingest_util.cc — UTF-8 checks, dates, ids and problem reporting for
// the readers. See ingest_internal.h.
#include <cstdio>
#include <cstring>
#include <string>

#include "ingest/ingest_internal.h"

namespace amicus {

std::string IngestProblem::ToString() const {
  std::string out = file;
  if (line != 0) {
    out += ':';
    out += std::to_string(line);
  }
  out += ": ";
  out += message;
  return out;
}

namespace internal {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when ill-formed.
// Follows the table of well-formed byte sequences in Unicode 15, §3.9.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const std::size_t left = s.size() - i;
  const unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  auto cont = [&](std::size_t k, unsigned lo, unsigned hi) { return k < left && p[k] >= lo && p[k] <= hi; };
  if (c < 0xE0) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (c < 0xF0) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c < 0xF5) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

const char* const kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Month number (1-12) of an English or Spanish month name or English
// abbreviation ("Jan", "Sept"), ignoring case; 0 when not a month.
int MonthNumber(std::string_view w) {
  static const char* const kNames[][4] = {
      {"january", "jan", "enero", nullptr},      {"february", "feb", "febrero", nullptr},
      {"march", "mar", "marzo", nullptr},        {"april", "apr", "abril", nullptr},
      {"may", "mayo", nullptr, nullptr},         {"june", "jun", "junio", nullptr},
      {"july", "jul", "julio", nullptr},         {"august", "aug", "agosto", nullptr},
      {"september", "sep", "sept", "septiembre"}, {"october", "oct", "octubre", nullptr},
      {"november", "nov", "noviembre", nullptr}, {"december", "dec", "diciembre", nullptr}};
  for (int m = 0; m < 12; ++m) {
    for (const char* name : kNames[m]) {
      if (name != nullptr && EqualsIgnoreCase(w, name)) return m + 1;
    }
  }
  return 0;
}

bool IsWeekday(std::string_view w) {
  static const char* const kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                      "mon",    "tue",     "tues",      "wed",      "thu",    "thurs",    "fri",
                                      "sat",    "sun"};
  for (const char* d : kDays) {
    if (EqualsIgnoreCase(w, d)) return true;
  }
  return false;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string FormatIsoDate(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

std::size_t FindInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // ASCII fast path, 8 bytes at a time: press text is mostly ASCII.
    while (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s.data() + i, 8);
      if (chunk & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  return out;
}

namespace {

// The byte that code point `cp` stands for when UTF-8 was read as Latin-1 or
// Windows-1252, or -1.
int SingleByteOf(std::uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  // Windows-1252's 0x80-0x9F.
  static const std::uint16_t kCp1252[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                                            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
  for (int b = 0; b < 32; ++b) {
    if (kCp1252[b] == cp && cp != 0) return 0x80 + b;
  }
  return -1;
}

// Decodes the well-formed UTF-8 sequence at s[i] (len bytes).
std::uint32_t DecodeAt(std::string_view s, std::size_t i, std::size_t len) {
  const auto b = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k])); };
  if (len == 1) return b(0);
  if (len == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  if (len == 3) return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

// What double-encoded Western text decodes to: Latin letters and signs,
// general punctuation (quotes, dashes), currency and letterlike symbols
// (TM). A run that would decode to anything else (a CJK character from
// "é" and two quotes) is left alone.
bool IsWesternCharacter(std::uint32_t cp) {
  return (cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2100 && cp <= 0x214F);
}

}  // namespace

std::size_t RepairDoubleEncodedUtf8(std::string* s) {
  const std::string_view in = *s;
  // Quick exit: double encoding always leaves a lead byte's character
  // (U+00C2..U+00F4, encoded C3 82..C3 B4) in the text.
  if (in.find('\xC3') == std::string_view::npos) return 0;
  std::string out;
  std::size_t repaired = 0, i = 0;
  while (i < in.size()) {
    const std::size_t len = Utf8SequenceLength(in, i);
    if (len == 0) {  // not valid UTF-8: leave it as it is
      out += in[i++];
      continue;
    }
    const int lead = SingleByteOf(DecodeAt(in, i, len));
    const int need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (need > 0) {
      std::string bytes(1, static_cast<char>(lead));
      std::size_t j = i + len;
      for (int k = 0; k < need && j < in.size(); ++k) {
        const std::size_t l = Utf8SequenceLength(in, j);
        const int b = l == 0 ? -1 : SingleByteOf(DecodeAt(in, j, l));
        if (b < 0x80 || b > 0xBF) break;
        bytes += static_cast<char>(b);
        j += l;
      }
      if (bytes.size() == static_cast<std::size_t>(need) + 1 && Utf8SequenceLength(bytes, 0) == bytes.size() &&
          IsWesternCharacter(DecodeAt(bytes, 0, bytes.size()))) {
        out += bytes;
        ++repaired;
        i = j;
        continue;
      }
    }
    out.append(in.data() + i, len);
    i += len;
  }
  if (repaired > 0) *s = std::move(out);
  return repaired;
}

bool IsValidIsoDate(std::string_view s, std::string* why) {
  auto fail = [&](std::string msg) {
    if (why != nullptr) *why = std::move(msg);
    return false;
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) ||
      !AllDigits(s.substr(8, 2))) {
    return fail("it is not in the form YYYY-MM-DD");
  }
  const int y = ToInt(s.substr(0, 4));
  const int m = ToInt(s.substr(5, 2));
  const int d = ToInt(s.substr(8, 2));
  if (y == 0) return fail("there is no year 0000");
  if (m < 1 || m > 12) return fail("month must be 01..12");
  const int days = DaysInMonth(y, m);
  if (d < 1 || d > days) {
    return fail(std::string(kMonthNames[m - 1]) + " " + std::string(s.substr(0, 4)) + " has " +
                std::to_string(days) + " days");
  }
  return true;
}

std::string ParseWrittenDate(std::string_view s) {
  // Tokenize on spaces and commas; drop a trailing '.' of each token.
  std::string_view tok[8];
  int n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\t') ++j;
    if (n == 8) return "";
    tok[n++] = s.substr(i, j - i);
    i = j;
  }
  if (n == 1 && IsValidIsoDate(tok[0], nullptr)) return std::string(tok[0]);
  int k = 0;
  auto strip_dot = [](std::string_view t) {
    if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    return t;
  };
  if (k < n && IsWeekday(strip_dot(tok[k]))) ++k;
  int y = 0, m = 0, d = 0;
  if (n - k == 3 && (m = MonthNumber(strip_dot(tok[k]))) != 0) {
    // "February 10, 2026", "Jan. 9th 2026"
    std::string_view day = tok[k + 1];
    if (day.size() > 2 && (day.substr(day.size() - 2) == "st" || day.substr(day.size() - 2) == "nd" ||
                           day.substr(day.size() - 2) == "rd" || day.substr(day.size() - 2) == "th")) {
      day.remove_suffix(2);
    }
    if (!AllDigits(day) || day.size() > 2 || !AllDigits(tok[k + 2]) || tok[k + 2].size() != 4) return "";
    d = ToInt(day);
    y = ToInt(tok[k + 2]);
  } else if (n - k == 5 && tok[k + 1] == "de" && tok[k + 3] == "de") {
    // "10 de febrero de 2026"
    m = MonthNumber(tok[k + 2]);
    if (m == 0 || !AllDigits(tok[k]) || tok[k].size() > 2 || !AllDigits(tok[k + 4]) || tok[k + 4].size() != 4) {
      return "";
    }
    d = ToInt(tok[k]);
    y = ToInt(tok[k + 4]);
  } else {
    return "";
  }
  if (y == 0 || d < 1 || d > DaysInMonth(y, m)) return "";
  return FormatIsoDate(y, m, d);
}

std::uint32_t Fnv1a32(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string ArchiveIdStem(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  std::string stem;
  for (char c : name) {
    c = Lower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      stem += c;
    } else if (!stem.empty() && stem.back() != '-') {
      stem += '-';
    }
  }
  while (!stem.empty() && stem.back() == '-') stem.pop_back();
  return stem.empty() ? "input" : stem;
}

std::string ArchiveReleaseId(std::string_view stem, std::uint64_t position, std::string_view title) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "-%04llu-%08x", static_cast<unsigned long long>(position),
                static_cast<unsigned>(Fnv1a32(title)));
  std::string id(stem);
  id += buf;
  return id;
}

bool ProblemReporter::Report(const std::string& file, std::uint64_t line, std::string message, Status::Code code) {
  IngestProblem problem;
  problem.file = file;
  problem.line = line;
  problem.message = std::move(message);
  if (sink_) sink_(problem);
  if (!strict_) return true;
  if (status_.ok()) {
    std::string msg = problem.ToString();
    switch (code) {
      case Status::Code::kNotFound: status_ = Status::NotFound(std::move(msg)); break;
      case Status::Code::kIOError: status_ = Status::IOError(std::move(msg)); break;
      case Status::Code::kInvalidArgument: status_ = Status::InvalidArgument(std::move(msg)); break;
      default: status_ = Status::Corruption(std::move(msg)); break;
    }
  }
  return false;
}

}  // namespace internal
}  // namespace amicus
