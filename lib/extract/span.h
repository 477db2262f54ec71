// Byte ranges of text already claimed by one entity finder, so that the
// finders that run after it skip them (a date inside "Local Law 58 of 2014",
// a place inside "Brooklyn Immigrant Defense Project"). Internal.
#ifndef AMICUS_LIB_EXTRACT_SPAN_H_
#define AMICUS_LIB_EXTRACT_SPAN_H_

#include <algorithm>
#include <cstddef>
#include <vector>

namespace amicus::internal {

struct TextSpan {
  std::size_t begin = 0;  // byte offset, inclusive
  std::size_t end = 0;    // byte offset, exclusive
};

// True when [begin, end) overlaps any span. Linear; span lists are short.
inline bool OverlapsAny(const std::vector<TextSpan>& spans, std::size_t begin, std::size_t end) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const TextSpan& s) { return begin < s.end && s.begin < end; });
}

}  // namespace amicus::internal

#endif  // AMICUS_LIB_EXTRACT_SPAN_H_
