// The value of an alias metadata entry (index/schema.h): the canonical
// entities a surface form has named, each with the number of releases in
// which it named that entity. Written by the IndexWriter, read by the
// searcher, so the format lives here once. Internal.
#ifndef AMICUS_LIB_INDEX_ALIAS_LIST_H_
#define AMICUS_LIB_INDEX_ALIAS_LIST_H_

#include <cstdint>
#include <map>
#include <string>

namespace amicus::internal {

using AliasCounts = std::map<std::string, std::uint64_t>;  // canonical NameKey -> releases

// "canonical\x1ecount\x1fcanonical\x1ecount..."; a canonical without a count
// counts once.
AliasCounts ParseAliasList(const std::string& value);
std::string FormatAliasList(const AliasCounts& counts);

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_ALIAS_LIST_H_
