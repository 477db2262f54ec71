#include <string>

#include "amicus/text.h"

namespace amicus {
namespace {

// Multi-byte UTF-8 sequences the key rewrites: dashes to '-', quotes to
// straight ones. FoldText has already written curly apostrophes as '.
struct Rewrite {
  const char* from;
  char to;
};
constexpr Rewrite kRewrites[] = {
    {"\xE2\x80\x90", '-'}, {"\xE2\x80\x91", '-'}, {"\xE2\x80\x92", '-'}, {"\xE2\x80\x93", '-'},
    {"\xE2\x80\x94", '-'}, {"\xE2\x80\x95", '-'}, {"\xE2\x88\x92", '-'}, {"\xEF\xB9\x98", '-'},
    {"\xEF\xB9\xA3", '-'}, {"\xEF\xBC\x8D", '-'}, {"\xE2\x80\x9C", '"'}, {"\xE2\x80\x9D", '"'},
    {"\xE2\x80\x9E", '"'}, {"\xE2\x80\x9F", '"'}, {"\xC2\xAB", '"'},     {"\xC2\xBB", '"'},
    {"\xE2\x80\xB3", '"'}, {"\xE2\x80\x98", '\''}, {"\xE2\x80\x99", '\''}, {"\xE2\x80\x9A", '\''},
    {"\xE2\x80\x9B", '\''}, {"\xE2\x80\xB2", '\''}, {"\xCA\xBC", '\''},   {"\xC2\xB4", '\''},
};

bool IsEdgePunct(char c) {
  return c == ' ' || c == '\'' || c == '"' || c == '-' || c == ',' || c == ';' || c == ':' || c == '!' ||
         c == '?' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
         c == '*' || c == '#' || c == '%' || c == '&' || c == '@' || c == '\\' || c == '_';
}

std::string StripEdges(const std::string& s) {
  std::size_t i = 0, j = s.size();
  while (i < j && IsEdgePunct(s[i])) ++i;
  while (j > i && IsEdgePunct(s[j - 1])) --j;
  return s.substr(i, j - i);
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string folded = FoldText(name);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (std::size_t i = 0; i < folded.size();) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      ++i;
      continue;
    }
    char replacement = 0;
    std::size_t len = 1;
    if (c >= 0x80) {
      for (const Rewrite& r : kRewrites) {
        std::size_t n = std::char_traits<char>::length(r.from);
        if (folded.compare(i, n, r.from) == 0) {
          replacement = r.to;
          len = n;
          break;
        }
      }
      if (replacement == 0 && folded.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
        space = !out.empty();
        i += 2;
        continue;
      }
    }
    if (c == '.') {
      ++i;
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    if (replacement != 0) {
      out.push_back(replacement);
      i += len;
    } else {
      out.push_back(folded[i]);
      ++i;
    }
  }
  out = StripEdges(out);
  if (out.compare(0, 4, "the ") == 0) out = StripEdges(out.substr(4));
  return out;
}

}  // namespace amicus
