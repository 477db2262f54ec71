// The entity part of a release's Xapian document: one boolean term per
// canonical entity, the dates and amounts the text mentions as terms that
// range queries can walk, the facet slots, and the duplicate key. Internal;
// the names of terms and slots come from index/schema.h.
#ifndef AMICUS_LIB_INDEX_ENTITY_TERMS_H_
#define AMICUS_LIB_INDEX_ENTITY_TERMS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "amicus/extract.h"

namespace amicus::internal {

// prefix + NameKey(name), or empty when the key is empty or too long.
std::string EntityTerm(std::string_view prefix, std::string_view name);

// The term of a money amount in dollars (cents, zero-padded).
std::string AmountTerm(double dollars);

// The terms of a mentioned date value: "2026-04-30" gives the day, month
// and year terms; "2026-04" month and year; "2026" the year; "FY2027" the
// fiscal year. Other values give nothing.
std::vector<std::string> MentionTerms(std::string_view value);

// The canonical names of a release's entities by category (people,
// organizations, legislation, locations), each name once, as written.
using EntityNames = std::array<std::vector<std::string>, 4>;

// Adds everything above for `entities` to `doc`; `names` gets the names
// that were given terms.
void AddEntityTerms(const Entities& entities, Xapian::Document* doc, EntityNames* names);

// The duplicate key of a release text: a hash of its folded letters and
// digits, so that copies differing only in case, accents, spacing or
// punctuation collide. Empty for a text with no letters or digits.
std::string DuplicateKey(std::string_view text);

// A DuplicateKey (16 lowercase hex digits) as its number in *out; false
// for any other value (amicus 0.1 databases may hold others).
bool DuplicateKeyNumber(std::string_view key, std::uint64_t* out);

// The facet slot's record (schema.h kFacetSlot), binary, read once per
// match by the searcher's facet counter:
//   'F', the publication month as 6 digits ("000000" without a date),
//   the duplicate key as 8 bytes (all zero without one), then for people,
//   organizations, legislation and locations a 2-byte count (at most 65535
//   names) and per name its FacetNameHash as 6 bytes; all big-endian.
// Hashes instead of names keep the record about a third of the size: the
// facet pass reads the record of every match, and at 100,000 releases
// copying the blocks that held them was most of its time.
std::string EncodeFacetRecord(std::string_view yyyymm, std::string_view duplicate_key, const EntityNames& names);
// A 48-bit hash of a canonical name; two names of one category colliding
// in a collection of a million names has a chance of about 1 in 500.
std::uint64_t FacetNameHash(std::string_view name);
// The metadata key that holds the name of `hash`.
std::string FacetNameKey(std::uint64_t hash);

// The entity prefixes with their category names, for loops over categories.
struct EntityCategory {
  const char* name;         // "people", "organizations", "legislation", "locations"
  const char* field;        // query field: "person", "org", "law", "place"
  std::string_view prefix;  // term prefix
  Xapian::valueno slot;     // its slot in databases of amicus 0.1 (schema.h)
  std::vector<NamedEntity> Entities::*member;
  EntityKind kind;          // for Extractor::CanonicalName
};
const std::vector<EntityCategory>& EntityCategories();

}  // namespace amicus::internal

#endif  // AMICUS_LIB_INDEX_ENTITY_TERMS_H_
