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

// Entities, by canonical name under amicus::NameKey ("XORGimmigration and
// customs enforcement"); boolean.
inline constexpr std::string_view kPersonPrefix = "XPERSON";
inline constexpr std::string_view kOrgPrefix = "XORG";
inline constexpr std::string_view kLawPrefix = "XLAW";
inline constexpr std::string_view kPlacePrefix = "XPLACE";
// Dates the text mentions: every mention adds its year, and its month and
// day when it has them, so mentions:2026-04 finds "April 30, 2026".
inline constexpr std::string_view kMentionDayPrefix = "XMD";    // XMD20260430
inline constexpr std::string_view kMentionMonthPrefix = "XMM";  // XMM202604
inline constexpr std::string_view kMentionYearPrefix = "XMY";   // XMY2026
inline constexpr std::string_view kFiscalYearPrefix = "XFY";    // XFY2027
// Money amounts the text mentions, in cents, zero-padded to kAmountDigits so
// that the terms sort in numeric order and a range is a run of terms.
inline constexpr std::string_view kAmountPrefix = "XAMT";       // XAMT0000000450000000
inline constexpr int kAmountDigits = 16;

// --- value slots
inline constexpr Xapian::valueno kPublishedSlot = 0;  // "YYYYMMDD", sorts and ranges as a string
// Databases written by amicus 0.1 kept the canonical names of a release's
// entities here, one slot per category, separated by kListSeparator; the
// searcher still reads them there when kFacetSlot is missing.
inline constexpr Xapian::valueno kPeopleSlot = 1;
inline constexpr Xapian::valueno kOrgsSlot = 2;
inline constexpr Xapian::valueno kLawsSlot = 3;
inline constexpr Xapian::valueno kPlacesSlot = 4;
// Hash of the release's normalized text: copies of one release collapse.
inline constexpr Xapian::valueno kDuplicateSlot = 5;
// Everything the facets count, in one slot so that a match costs one value
// read instead of six, and a small one: the publication month, a 48-bit
// hash of each canonical name of the four entity categories (the names are
// in kFacetNameMetadataPrefix metadata, looked up for the top few only),
// and the kDuplicateSlot key (so that the facet pass counts releases with
// copies collapsed without Xapian's collapse reading another slot).
// Binary; the layout is in index/entity_terms.h (EncodeFacetRecord).
inline constexpr Xapian::valueno kFacetSlot = 6;
// The kDuplicateSlot key again, on the releases that have a copy in their
// collection only, so that collapsing reads next to nothing where copies
// are rare. Valid while kCopiesMetadataKey says so (index/copies.h).
inline constexpr Xapian::valueno kCopySlot = 7;
inline constexpr char kListSeparator = '\x1f';

// --- database metadata
// "alias:" + entity prefix + NameKey(surface form) -> the NameKeys of the
// canonical entities indexed under that surface form, each with the number
// of releases that used the form for it (format: index/alias_list.h). Lets
// org:ICE find every release about the entity that some release called
// "ICE".
inline constexpr std::string_view kAliasMetadataPrefix = "alias:";
// "display:" + entity term -> the entity's canonical name as first written,
// to show a term ("XORGimmigration and customs enforcement") to people.
inline constexpr std::string_view kDisplayMetadataPrefix = "display:";
// "facet:" + the 12 hex digits of a name's facet hash (the facet record of
// kFacetSlot holds hashes only) -> the canonical name as first written.
inline constexpr std::string_view kFacetNameMetadataPrefix = "facet:";
// "synonym:" + QueryParser key -> the entity terms it is a synonym of,
// separated by kListSeparator. The same as the synonym table, which
// xapian-tcpsrv 1.4 does not serve; searchers of remote databases read this.
inline constexpr std::string_view kSynonymMetadataPrefix = "synonym:";
// The fingerprint of the writer's last marking of copies in kCopySlot and
// the collection's release count then ("<16 hex digits> <count>"), the same
// in each of its databases; empty or missing while the marks are not
// current (index/copies.h).
inline constexpr std::string_view kCopiesMetadataKey = "amicus:copies";

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
