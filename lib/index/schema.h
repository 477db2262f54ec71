// The amicus database schema: every Xapian term prefix and value slot, and
// nothing anywhere else spells them. docs/schema.md describes the same thing
// for people who query an amicus database from Python or Omega.
//
// Prefixes follow Xapian's conventions (omega) where one exists: Q for the
// unique id, S for the title, L for the language, D/M/Y for dates, Z for
// stemmed terms. amicus's own prefixes start with X.
#ifndef AMICUS_LIB_INDEX_SCHEMA_H_
#define AMICUS_LIB_INDEX_SCHEMA_H_

#include <string>
#include <string_view>

#include <xapian.h>

namespace amicus::schema {

// --- term prefixes
inline constexpr std::string_view kIdPrefix = "Q";          // Q<id>: one per release, unique
inline constexpr std::string_view kTitlePrefix = "S";       // S<word>: title words, with positions
inline constexpr std::string_view kStemPrefix = "Z";        // Z<stem>, ZS<stem>: stems (no positions)
inline constexpr std::string_view kLanguagePrefix = "L";    // Len, Les
inline constexpr std::string_view kDayPrefix = "D";         // D20260120: publication day
inline constexpr std::string_view kMonthPrefix = "M";       // M202601: publication month
inline constexpr std::string_view kYearPrefix = "Y";        // Y2026: publication year
inline constexpr std::string_view kPublisherPrefix = "XPUB";   // XPUB<folded full name>, boolean
inline constexpr std::string_view kPublisherWordPrefix = "XPW";  // XPW<word>: publisher name words

// --- value slots
inline constexpr Xapian::valueno kPublishedSlot = 0;  // "YYYYMMDD", sorts and ranges as a string

// --- document data: a JSON object with the stored fields a hit needs:
// {"id","title","published","organization","url","language","text"}.

// Within-document frequency added for a title word (body words add 1), so
// that a word in the title weighs more than one in the body.
inline constexpr Xapian::termcount kTitleWdf = 3;

// Xapian's limit on a term is 245 bytes; longer index terms are dropped.
inline constexpr std::size_t kMaxTermBytes = 240;

inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string t;
  t.reserve(prefix.size() + value.size());
  t.append(prefix);
  t.append(value);
  return t;
}

}  // namespace amicus::schema

#endif  // AMICUS_LIB_INDEX_SCHEMA_H_
