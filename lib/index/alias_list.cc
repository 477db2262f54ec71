#include "index/alias_list.h"

#include <cstdlib>

#include "index/schema.h"

namespace amicus::internal {
namespace {
constexpr char kCountSeparator = '\x1e';
}  // namespace

AliasCounts ParseAliasList(const std::string& value) {
  AliasCounts counts;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find(schema::kListSeparator, start);
    if (end == std::string::npos) end = value.size();
    std::string item = value.substr(start, end - start);
    std::size_t sep = item.find(kCountSeparator);
    std::uint64_t n = 1;
    if (sep != std::string::npos) {
      n = std::strtoull(item.c_str() + sep + 1, nullptr, 10);
      item.resize(sep);
    }
    if (!item.empty()) counts[item] += n;
    start = end + 1;
  }
  return counts;
}

std::string FormatAliasList(const AliasCounts& counts) {
  std::string out;
  for (const auto& [canonical, n] : counts) {
    if (!out.empty()) out.push_back(schema::kListSeparator);
    out += canonical;
    out.push_back(kCountSeparator);
    out += std::to_string(n);
  }
  return out;
}

}  // namespace amicus::internal
