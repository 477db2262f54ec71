#include "index/entity_terms.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <set>

#include "amicus/text.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

const std::vector<EntityCategory>& EntityCategories() {
  static const std::vector<EntityCategory> categories = {
      {"people", "person", schema::kPersonPrefix, schema::kPeopleSlot, &Entities::people, EntityKind::kPerson},
      {"organizations", "org", schema::kOrgPrefix, schema::kOrgsSlot, &Entities::organizations, EntityKind::kOrganization},
      {"legislation", "law", schema::kLawPrefix, schema::kLawsSlot, &Entities::legislation, EntityKind::kLegislation},
      {"locations", "place", schema::kPlacePrefix, schema::kPlacesSlot, &Entities::locations, EntityKind::kLocation},
  };
  return categories;
}

std::string EntityTerm(std::string_view prefix, std::string_view name) {
  std::string key = NameKey(name);
  if (key.empty() || prefix.size() + key.size() > schema::kMaxTermBytes) return std::string();
  return schema::Term(prefix, key);
}

std::string AmountTerm(double dollars) {
  if (!(dollars >= 0)) dollars = 0;
  double cents = std::round(dollars * 100.0);
  if (cents > 9.99e15) cents = 9.99e15;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*" PRIu64, schema::kAmountDigits, static_cast<std::uint64_t>(cents));
  return schema::Term(schema::kAmountPrefix, buf);
}

std::vector<std::string> MentionTerms(std::string_view v) {
  std::vector<std::string> terms;
  if (v.size() == 6 && v.substr(0, 2) == "FY" && Digits(v.substr(2))) {
    terms.push_back(schema::Term(schema::kFiscalYearPrefix, v.substr(2)));
    return terms;
  }
  if (v.size() >= 4 && Digits(v.substr(0, 4))) {
    std::string year(v.substr(0, 4));
    if (v.size() == 4) {
      terms.push_back(schema::Term(schema::kMentionYearPrefix, year));
    } else if (v.size() == 7 && v[4] == '-' && Digits(v.substr(5, 2))) {
      terms.push_back(schema::Term(schema::kMentionMonthPrefix, year + std::string(v.substr(5, 2))));
      terms.push_back(schema::Term(schema::kMentionYearPrefix, year));
    } else if (v.size() == 10 && v[4] == '-' && v[7] == '-' && Digits(v.substr(5, 2)) && Digits(v.substr(8, 2))) {
      std::string month = year + std::string(v.substr(5, 2));
      terms.push_back(schema::Term(schema::kMentionDayPrefix, month + std::string(v.substr(8, 2))));
      terms.push_back(schema::Term(schema::kMentionMonthPrefix, month));
      terms.push_back(schema::Term(schema::kMentionYearPrefix, year));
    }
  }
  return terms;
}

void AddEntityTerms(const Entities& entities, Xapian::Document* doc, EntityNames* names) {
  std::size_t i = 0;
  for (const EntityCategory& cat : EntityCategories()) {
    std::vector<std::string>& list = (*names)[i++];
    list.clear();
    std::set<std::string> seen;
    for (const NamedEntity& e : entities.*(cat.member)) {
      std::string term = EntityTerm(cat.prefix, e.name);
      if (term.empty() || !seen.insert(term).second) continue;
      doc->add_boolean_term(term);
      list.push_back(e.name);
    }
  }
  for (const DateMention& d : entities.dates) {
    for (const std::string& t : MentionTerms(d.value)) doc->add_boolean_term(t);
  }
  for (const MoneyMention& m : entities.money) doc->add_boolean_term(AmountTerm(m.value));
}

std::string DuplicateKey(std::string_view text) {
  // FNV-1a over the folded letters and digits only.
  std::uint64_t h = 1469598103934665603ULL;
  std::size_t n = 0;
  for (unsigned char c : FoldText(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      h ^= c;
      h *= 1099511628211ULL;
      ++n;
    }
  }
  if (n == 0) return std::string();
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
  return buf;
}

bool DuplicateKeyNumber(std::string_view key, std::uint64_t* out) {
  if (key.size() != 16) return false;
  std::uint64_t n = 0;
  for (char c : key) {
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return false;
    n = n << 4 | static_cast<std::uint64_t>(d);
  }
  *out = n;
  return true;
}

namespace {

void PutBigEndian(std::uint64_t v, int bytes, std::string* out) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

std::uint64_t FacetNameHash(std::string_view name) {
  // FNV-1a, then a final mix so that similar names spread.
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : name) h = (h ^ c) * 1099511628211ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h & 0xFFFFFFFFFFFFULL;
}

std::string FacetNameKey(std::uint64_t hash) {
  char hex[13];
  std::snprintf(hex, sizeof hex, "%012" PRIx64, static_cast<std::uint64_t>(hash & 0xFFFFFFFFFFFFu));
  return schema::Term(schema::kFacetNameMetadataPrefix, hex);
}

std::string EncodeFacetRecord(std::string_view yyyymm, std::string_view duplicate_key, const EntityNames& names) {
  std::string out;
  out.reserve(16 + 8 + 6 * 24);
  out.push_back('F');
  out.append(yyyymm.size() == 6 ? yyyymm : std::string_view("000000"));
  std::uint64_t dup = 0;
  for (char c : duplicate_key) {
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
    dup = dup << 4 | static_cast<std::uint64_t>(d);
  }
  PutBigEndian(dup, 8, &out);
  for (const std::vector<std::string>& list : names) {
    const std::size_t n = std::min<std::size_t>(list.size(), 0xffff);
    PutBigEndian(n, 2, &out);
    for (std::size_t i = 0; i < n; ++i) PutBigEndian(FacetNameHash(list[i]), 6, &out);
  }
  return out;
}

}  // namespace amicus::internal
