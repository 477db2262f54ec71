#include "search/query_builder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <vector>

#include "amicus/release.h"
#include "amicus/text.h"
#include "index/alias_list.h"
#include "index/document_builder.h"
#include "index/entity_terms.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

// Limits that keep any query cheap to parse and run (docs/query-language in
// README.md): longer queries are refused, wildcards expand to at most the
// most frequent kMaxWildcardTerms terms.
constexpr std::size_t kMaxQueryBytes = 8192;
constexpr Xapian::termcount kMaxWildcardTerms = 200;

constexpr const char* kDateForms = "use YYYY, YYYY-MM, YYYY-MM-DD, or a range A..B with either end open";

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// A date of any precision, as the first and last day it covers ("YYYYMMDD").
struct DateBounds {
  std::string first, last;
  std::string term;  // the boolean term for a single value
};

Status ParseDate(const std::string& field, const std::string& s, DateBounds* out) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument(field + ":" + s + ": " + why + "; " + kDateForms);
  };
  if (s.size() == 4 && AllDigits(s)) {
    out->first = s + "0101";
    out->last = s + "1231";
    out->term = schema::Term(schema::kYearPrefix, s);
    return Status::OK();
  }
  if (s.size() == 7 && s[4] == '-' && AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5, 2))) {
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2));
    if (m < 1 || m > 12) return bad("month must be 01..12");
    std::string ym = s.substr(0, 4) + s.substr(5, 2);
    out->first = ym + "01";
    out->last = ym + std::to_string(DaysInMonth(y, m));
    out->term = schema::Term(schema::kMonthPrefix, ym);
    return Status::OK();
  }
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    if (!IsIsoDate(s)) return bad("not a real calendar date");
    std::string ymd = s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
    out->first = out->last = ymd;
    out->term = schema::Term(schema::kDayPrefix, ymd);
    return Status::OK();
  }
  return bad("not a date");
}

// Xapian 1.4's QueryParser frees memory it does not own when a
// FieldProcessor throws (seen with ASan on 1.4.22), so no processor throws
// through it: a bad value is recorded in the first_error the processors
// share, the processor returns MatchNothing, and BuildQuery reports the
// error after parsing.
class CheckedProcessor : public Xapian::FieldProcessor {
 public:
  explicit CheckedProcessor(std::string* first_error) : first_error_(first_error) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return Build(value);
    } catch (const Xapian::QueryParserError& e) {
      if (first_error_->empty()) *first_error_ = e.get_msg();
      return Xapian::Query::MatchNothing;
    }
  }

 protected:
  // May throw Xapian::QueryParserError with a message for the user.
  virtual Xapian::Query Build(const std::string& value) = 0;

 private:
  std::string* first_error_;
};

class PublishedProcessor : public CheckedProcessor {
 public:
  using CheckedProcessor::CheckedProcessor;

 protected:
  Xapian::Query Build(const std::string& value) override {
    Xapian::Query q;
    Status s = PublishedFilter(value, &q);
    if (!s.ok()) throw Xapian::QueryParserError(s.message());
    return q;
  }
};

class LanguageProcessor : public CheckedProcessor {
 public:
  using CheckedProcessor::CheckedProcessor;

 protected:
  Xapian::Query Build(const std::string& value) override {
    std::string v = FoldText(value);
    if (v == "en" || v == "es") return Xapian::Query(schema::Term(schema::kLanguagePrefix, v));
    throw Xapian::QueryParserError("lang:" + value + ": unknown language; use lang:en or lang:es");
  }
};

// publisher:"NYC Office of the Mayor" matches the whole folded name;
// publisher:mayor (a name that no release has in full) matches releases
// whose publisher's name has every word given.
class PublisherProcessor : public CheckedProcessor {
 public:
  PublisherProcessor(std::string* first_error, const Xapian::Database& db) : CheckedProcessor(first_error), db_(db) {}

 protected:
  Xapian::Query Build(const std::string& value) override {
    std::string full = schema::Term(schema::kPublisherPrefix, FoldText(value));
    if (db_.term_exists(full)) return Xapian::Query(full);
    std::vector<Token> tokens;
    analyzer_.Tokenize(value, &tokens);
    if (tokens.empty()) throw Xapian::QueryParserError("publisher: needs a name, e.g. publisher:\"NYC Office of the Mayor\"");
    std::vector<Xapian::Query> parts;
    for (const Token& t : tokens) parts.emplace_back(schema::Term(schema::kPublisherWordPrefix, t.term));
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }

 private:
  const Xapian::Database& db_;
  Analyzer analyzer_;
};

// Every term of the database from `lo` to `hi` (inclusive, both with the
// same prefix) ORed together: ranges over mentioned dates and amounts, which
// are many-valued and so live in terms rather than one value slot.
Xapian::Query TermRange(const Xapian::Database& db, const std::string& lo, const std::string& hi) {
  std::vector<Xapian::Query> parts;
  for (Xapian::TermIterator t = db.allterms_begin(); ; ) {
    t.skip_to(lo);
    for (; t != db.allterms_end() && *t <= hi; ++t) parts.emplace_back(*t);
    break;
  }
  if (parts.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// person:, org:, law:, place: — the value is any name the index has seen
// for an entity (its canonical name or an alias in some release), matched
// by NameKey (case, accents, periods ignored). A place given without its
// state ("Buffalo") also finds the places of that name ("Buffalo, NY").
class EntityProcessor : public CheckedProcessor {
 public:
  EntityProcessor(std::string* first_error, const QueryContext& context, const EntityCategory& category)
      : CheckedProcessor(first_error), ctx_(context), cat_(category), prefix_(category.prefix) {}

 protected:
  Xapian::Query Build(const std::string& value) override {
    std::string key = NameKey(value);
    if (key.empty()) {
      throw Xapian::QueryParserError(std::string(cat_.field) + ": needs a name, e.g. " + cat_.field + ":\"" +
                                     Example() + "\"");
    }
    std::set<std::string> terms;
    Resolve(key, &terms);
    if (terms.empty() && ctx_.extractor != nullptr) ResolveWithKnowledge(value, &terms);
    if (terms.empty() && cat_.prefix == schema::kPersonPrefix) {
      // "Borough President Reynoso": titles come before names, so try the
      // name without its leading words, down to the surname.
      for (std::size_t space = key.find(' '); terms.empty() && space != std::string::npos;
           space = key.find(' ', space + 1)) {
        Resolve(key.substr(space + 1), &terms);
      }
    }
    if (terms.empty() && cat_.prefix == schema::kLawPrefix) ResolveShortName(key, &terms);
    if (terms.empty()) return Xapian::Query(prefix_ + key);  // matches nothing, by design
    std::vector<Xapian::Query> parts(terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  }

 private:
  // The entity terms a name key stands for: the entity of that canonical
  // name, those some release called by it, and for a place without its
  // state the places of that name ("buffalo" -> "buffalo, ny").
  void Resolve(const std::string& key, std::set<std::string>* terms) const {
    if (key.empty()) return;
    const std::string direct = prefix_ + key;
    if (ctx_.db.term_exists(direct)) terms->insert(direct);
    // A form several entities were called by ("Senate": the New York State
    // Senate in one release, the U.S. Senate in another) stands for all of
    // them: the query cannot tell which, and a person asking for "Senate"
    // wants to see every one.
    const std::string meta_key = std::string(schema::kAliasMetadataPrefix) + direct;
    for (const Xapian::Database& part : ctx_.parts) {
      for (const auto& entry : ParseAliasList(part.get_metadata(meta_key))) terms->insert(prefix_ + entry.first);
    }
    if (terms->empty() && prefix_ == schema::kPlacePrefix && key.find(',') == std::string::npos) {
      const std::string with_region = direct + ",";
      for (Xapian::TermIterator t = ctx_.db.allterms_begin(with_region); t != ctx_.db.allterms_end(with_region);
           ++t) {
        terms->insert(*t);
      }
    }
  }
  // A name no release used: the linker names it with the knowledge (an
  // agency's Spanish name or acronym, an officeholder by title and surname,
  // an act's short name, a place's other name), and the canonical entity's
  // terms are what it stands for.
  void ResolveWithKnowledge(const std::string& value, std::set<std::string>* terms) const {
    const std::string canonical = ctx_.extractor->CanonicalName(cat_.kind, value);
    if (!canonical.empty()) Resolve(NameKey(canonical), terms);
  }

  // Acts are called by shortened names ("the Fair Hearing Act" for the Fair
  // Hearing for Immigrants Act): legislation whose name has the given words
  // in the same order, first and last word included.
  void ResolveShortName(const std::string& key, std::set<std::string>* terms) const {
    std::vector<std::string> words;
    for (std::size_t start = 0; start < key.size();) {
      std::size_t end = key.find(' ', start);
      if (end == std::string::npos) end = key.size();
      words.push_back(key.substr(start, end - start));
      start = end + 1;
    }
    if (words.size() < 2) return;
    const std::string first = prefix_ + words.front();
    for (Xapian::TermIterator t = ctx_.db.allterms_begin(first); t != ctx_.db.allterms_end(first); ++t) {
      const std::string name = (*t).substr(prefix_.size());
      std::size_t pos = 0;
      bool all = true;
      for (const std::string& w : words) {
        std::size_t at = name.find(w, pos);
        bool word_start = at == 0 || (at != std::string::npos && name[at - 1] == ' ');
        if (at == std::string::npos || !word_start) {
          all = false;
          break;
        }
        pos = at + w.size();
      }
      if (all && pos == name.size()) terms->insert(*t);
    }
  }

  std::string Example() const {
    if (cat_.prefix == schema::kPersonPrefix) return "Kathy Hochul";
    if (cat_.prefix == schema::kOrgPrefix) return "Department of Homeland Security";
    if (cat_.prefix == schema::kLawPrefix) return "Protect Our Courts Act";
    return "Buffalo, NY";
  }
  const QueryContext& ctx_;
  const EntityCategory& cat_;
  std::string prefix_;
};

// mentions: a date the text talks about: YYYY, YYYY-MM, YYYY-MM-DD, FYYYYY,
// or a range A..B of the first three forms with either end open. A range
// takes every mention that lies wholly inside it.
class MentionsProcessor : public CheckedProcessor {
 public:
  MentionsProcessor(std::string* first_error, const Xapian::Database& db) : CheckedProcessor(first_error), db_(db) {}

 protected:
  Xapian::Query Build(const std::string& raw) override {
    std::string value = raw;
    for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (value.size() == 6 && value.compare(0, 2, "FY") == 0 && AllDigits(value.substr(2))) {
      return Xapian::Query(schema::Term(schema::kFiscalYearPrefix, value.substr(2)));
    }
    if (value.size() == 4 && value.compare(0, 2, "FY") == 0 && AllDigits(value.substr(2))) {
      return Xapian::Query(schema::Term(schema::kFiscalYearPrefix, "20" + value.substr(2)));
    }
    std::size_t dots = raw.find("..");
    if (dots == std::string::npos) {
      DateBounds b;
      Status s = ParseDate("mentions", raw, &b);
      if (!s.ok()) throw Xapian::QueryParserError(s.message() + ", or FY2027");
      // Publication terms are D/M/Y; mention terms share their value form.
      const std::string_view prefix = b.term[0] == schema::kDayPrefix[0]     ? schema::kMentionDayPrefix
                                      : b.term[0] == schema::kMonthPrefix[0] ? schema::kMentionMonthPrefix
                                                                             : schema::kMentionYearPrefix;
      return Xapian::Query(schema::Term(prefix, b.term.substr(1)));
    }
    std::string lo_text = raw.substr(0, dots), hi_text = raw.substr(dots + 2);
    DateBounds lo{"00000101", "00000101", ""}, hi{"99991231", "99991231", ""};
    if (lo_text.empty() && hi_text.empty()) {
      throw Xapian::QueryParserError("mentions:..: a range needs at least one end; " + std::string(kDateForms));
    }
    for (auto [text, bounds] : {std::pair{&lo_text, &lo}, std::pair{&hi_text, &hi}}) {
      if (text->empty()) continue;
      Status s = ParseDate("mentions", *text, bounds);
      if (!s.ok()) throw Xapian::QueryParserError(s.message());
    }
    const std::string first = lo.first, last = hi.last;
    if (first > last) throw Xapian::QueryParserError("mentions:" + raw + ": the range ends before it starts");
    std::vector<Xapian::Query> parts;
    parts.push_back(TermRange(db_, schema::Term(schema::kMentionDayPrefix, first),
                              schema::Term(schema::kMentionDayPrefix, last)));
    // Months and years count only when they lie wholly inside the range.
    std::string first_month = first.substr(0, 6), last_month = last.substr(0, 6);
    if (first.substr(6) != "01") first_month = NextMonth(first_month);
    if (last.substr(6) != std::to_string(DaysInMonth(std::stoi(last.substr(0, 4)), std::stoi(last.substr(4, 2))))) {
      last_month = PreviousMonth(last_month);
    }
    if (first_month <= last_month) {
      parts.push_back(TermRange(db_, schema::Term(schema::kMentionMonthPrefix, first_month),
                                schema::Term(schema::kMentionMonthPrefix, last_month)));
    }
    int first_year = std::stoi(first.substr(0, 4)) + (first.substr(4) == "0101" ? 0 : 1);
    int last_year = std::stoi(last.substr(0, 4)) - (last.substr(4) == "1231" ? 0 : 1);
    if (first_year <= last_year) {
      parts.push_back(TermRange(db_, schema::Term(schema::kMentionYearPrefix, Year4(first_year)),
                                schema::Term(schema::kMentionYearPrefix, Year4(last_year))));
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  }

 private:
  static std::string Year4(int y) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d", y);
    return buf;
  }
  static std::string NextMonth(const std::string& ym) {
    int y = std::stoi(ym.substr(0, 4)), m = std::stoi(ym.substr(4, 2)) + 1;
    if (m > 12) m = 1, ++y;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d%02d", y, m);
    return buf;
  }
  static std::string PreviousMonth(const std::string& ym) {
    int y = std::stoi(ym.substr(0, 4)), m = std::stoi(ym.substr(4, 2)) - 1;
    if (m < 1) m = 12, --y;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d%02d", y, m);
    return buf;
  }
  const Xapian::Database& db_;
};

// A dollar amount: 1000000, $1,000,000, 4.5M, 300K, 1.4B.
bool ParseDollars(const std::string& text, double* out) {
  std::string s;
  for (char c : text) {
    if (c != '$' && c != ',' && c != '_') s.push_back(c);
  }
  if (s.empty()) return false;
  double mult = 1;
  char last = static_cast<char>(std::tolower(static_cast<unsigned char>(s.back())));
  if (last == 'k' || last == 'm' || last == 'b') {
    mult = last == 'k' ? 1e3 : last == 'm' ? 1e6 : 1e9;
    s.pop_back();
  }
  if (s.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == nullptr || *end != '\0' || !(v >= 0) || v > 1e15) return false;
  *out = v * mult;
  return true;
}

// amount: a money amount the text mentions, N..M in dollars (either end
// open), or N for exactly that amount.
class AmountProcessor : public CheckedProcessor {
 public:
  AmountProcessor(std::string* first_error, const Xapian::Database& db) : CheckedProcessor(first_error), db_(db) {}

 protected:
  Xapian::Query Build(const std::string& value) override {
    const std::string forms = "use amount:N..M in dollars with either end open, e.g. amount:1000000.. or amount:10K..2.5M";
    std::size_t dots = value.find("..");
    double lo = 0, hi = 0;
    if (dots == std::string::npos) {
      if (!ParseDollars(value, &lo)) throw Xapian::QueryParserError("amount:" + value + ": not an amount; " + forms);
      return Xapian::Query(AmountTerm(lo));
    }
    std::string lo_text = value.substr(0, dots), hi_text = value.substr(dots + 2);
    if (lo_text.empty() && hi_text.empty()) throw Xapian::QueryParserError("amount:..: " + forms);
    if (!lo_text.empty() && !ParseDollars(lo_text, &lo)) {
      throw Xapian::QueryParserError("amount:" + value + ": \"" + lo_text + "\" is not an amount; " + forms);
    }
    hi = 9.99e13;
    if (!hi_text.empty() && !ParseDollars(hi_text, &hi)) {
      throw Xapian::QueryParserError("amount:" + value + ": \"" + hi_text + "\" is not an amount; " + forms);
    }
    if (lo > hi) throw Xapian::QueryParserError("amount:" + value + ": the range ends before it starts");
    return TermRange(db_, AmountTerm(lo), AmountTerm(hi));
  }

 private:
  const Xapian::Database& db_;
};

const char* const kKnownFields[] = {"title", "id", "publisher", "lang", "published", "person",
                                    "org", "law", "place", "mentions", "amount"};

// The QueryParser reads an unknown "field:" as words; amicus says so
// instead, since a misspelt filter would otherwise quietly match text.
Status CheckFields(const std::string& q) {
  bool in_quotes = false;
  for (std::size_t i = 0; i < q.size(); ++i) {
    char c = q[i];
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes || c != ':' || i == 0) continue;
    std::size_t start = i;
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(q[start - 1])) || q[start - 1] == '_')) --start;
    if (start == i) continue;
    if (start > 0 && !std::isspace(static_cast<unsigned char>(q[start - 1])) && q[start - 1] != '(' &&
        q[start - 1] != '+' && q[start - 1] != '-') {
      continue;  // inside a word
    }
    if (i + 1 < q.size() && q[i + 1] == '/') continue;  // a URL
    if (i + 1 >= q.size() || std::isspace(static_cast<unsigned char>(q[i + 1]))) continue;
    std::string name = q.substr(start, i - start);
    bool known = false;
    for (const char* f : kKnownFields) known = known || name == f;
    if (!known) {
      return Status::InvalidArgument("unknown field \"" + name + ":\"; the fields are title:, id:, publisher:, "
                                     "lang:, published:, person:, org:, law:, place:, mentions: and amount:");
    }
  }
  return Status::OK();
}

// Words such as 287(g) are indexed as their parts at consecutive positions;
// quoting them makes the parser ask for that phrase instead of the parts
// anywhere. Leaves text inside quotes alone.
std::string QuoteSectionTokens(const std::string& in) {
  std::string out;
  out.reserve(in.size() + 8);
  bool in_quotes = false;
  for (std::size_t i = 0; i < in.size();) {
    char c = in[i];
    if (c == '"') {
      in_quotes = !in_quotes;
      out += c;
      ++i;
      continue;
    }
    bool word_start = i == 0 || std::isspace(static_cast<unsigned char>(in[i - 1])) || in[i - 1] == '(';
    if (!in_quotes && word_start && std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < in.size() && std::isdigit(static_cast<unsigned char>(in[j]))) ++j;
      if (j + 2 < in.size() && in[j] == '(' && std::isalnum(static_cast<unsigned char>(in[j + 1]))) {
        std::size_t k = j + 1;
        while (k < in.size() && std::isalnum(static_cast<unsigned char>(in[k]))) ++k;
        if (k < in.size() && in[k] == ')') {
          out += '"';
          out.append(in, i, k + 1 - i);
          out += '"';
          i = k + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

bool HasNonSpace(const std::string& s) {
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

}  // namespace

Status PublishedFilter(const std::string& value, Xapian::Query* out) {
  std::size_t dots = value.find("..");
  if (dots == std::string::npos) {
    DateBounds b;
    Status s = ParseDate("published", value, &b);
    if (!s.ok()) return s;
    *out = Xapian::Query(b.term);
    return Status::OK();
  }
  std::string lo_text = value.substr(0, dots), hi_text = value.substr(dots + 2);
  if (lo_text.empty() && hi_text.empty()) {
    return Status::InvalidArgument("published:..: a range needs at least one end; " + std::string(kDateForms));
  }
  DateBounds lo, hi;
  if (!lo_text.empty()) {
    Status s = ParseDate("published", lo_text, &lo);
    if (!s.ok()) return s;
  }
  if (!hi_text.empty()) {
    Status s = ParseDate("published", hi_text, &hi);
    if (!s.ok()) return s;
  }
  if (lo_text.empty()) {
    *out = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kPublishedSlot, hi.last);
  } else if (hi_text.empty()) {
    *out = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kPublishedSlot, lo.first);
  } else {
    if (lo.first > hi.last) {
      return Status::InvalidArgument("published:" + value + ": the range ends before it starts");
    }
    *out = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kPublishedSlot, lo.first, hi.last);
  }
  return Status::OK();
}

Status BuildQuery(const std::string& text, const QueryContext& context, ParsedQuery* out) {
  const Xapian::Database& db = context.db;
  if (!HasNonSpace(text)) {
    out->query = Xapian::Query::MatchAll;
    out->match_all = true;
    out->stem_language = "english";
    return Status::OK();
  }
  if (text.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("the query is " + std::to_string(text.size()) + " bytes long; the limit is " +
                                   std::to_string(kMaxQueryBytes) + " bytes: shorten it");
  }
  Status fields = CheckFields(text);
  if (!fields.ok()) return fields;
  std::string folded = QuoteSectionTokens(StripDiacritics(text));
  // A release's words are stemmed in its own language, and a query of a
  // few words rarely says which language it is in ("derechos", "asylum
  // fee"). Unless lang: says, the query is read with both stemmers and a
  // release matches either reading; where the readings are the same (names,
  // numbers, words both stemmers leave alone) it is read once.
  const bool lang_es = folded.find("lang:es") != std::string::npos;
  const bool lang_en = folded.find("lang:en") != std::string::npos;
  const std::string detected = lang_es ? "es" : lang_en ? "en" : DetectLanguage(folded);
  out->stem_language = StemmerLanguage(detected);
  std::vector<std::string> languages = {out->stem_language};
  if (!lang_es && !lang_en) languages.push_back(detected == "es" ? "english" : "spanish");

  std::string field_error;
  std::vector<Xapian::Query> readings;
  for (std::size_t li = 0; li < languages.size(); ++li) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem(languages[li]));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    qp.add_prefix("title", std::string(schema::kTitlePrefix));
    qp.add_boolean_prefix("id", std::string(schema::kIdPrefix));
    qp.add_boolean_prefix("lang", (new LanguageProcessor(&field_error))->release());
    qp.add_boolean_prefix("published", (new PublishedProcessor(&field_error))->release());
    qp.add_boolean_prefix("publisher", (new PublisherProcessor(&field_error, db))->release());
    for (const EntityCategory& cat : EntityCategories()) {
      qp.add_boolean_prefix(cat.field, (new EntityProcessor(&field_error, context, cat))->release());
    }
    qp.add_boolean_prefix("mentions", (new MentionsProcessor(&field_error, db))->release());
    qp.add_boolean_prefix("amount", (new AmountProcessor(&field_error, db))->release());
    const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                           Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
                           Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
    try {
      readings.push_back(qp.parse_query(folded, flags));
    } catch (const Xapian::QueryParserError& e) {
      std::string msg = e.get_msg();
      if (msg.rfind("Syntax:", 0) == 0) {
        msg = "malformed query \"" + text + "\" (" + msg +
              "); AND, OR and NOT need words on both sides, and parentheses must balance";
      }
      return Status::InvalidArgument(msg);
    } catch (const Xapian::DatabaseModifiedError&) {
      throw;  // the Searcher reopens the database and runs the query again
    } catch (const Xapian::Error& e) {
      return Status::InvalidArgument("query \"" + text + "\": " + e.get_msg());
    }
    if (!field_error.empty()) return Status::InvalidArgument(field_error);
  }
  out->query = readings[0];
  if (readings.size() > 1 && readings[1].serialise() != readings[0].serialise()) {
    // Each reading is asked of the releases stemmed its way (the indexer
    // stems "es" releases in Spanish and every other in English), or
    // "ICE -courthouse" read in Spanish would let through English releases
    // that say "courthouse".
    const Xapian::Query spanish_releases(schema::Term(schema::kLanguagePrefix, "es"));
    auto in_language = [&](const Xapian::Query& q, const std::string& language) {
      return language == "spanish" ? Xapian::Query(Xapian::Query::OP_FILTER, q, spanish_releases)
                                   : Xapian::Query(Xapian::Query::OP_AND_NOT, q, spanish_releases);
    };
    out->query = Xapian::Query(Xapian::Query::OP_OR, in_language(readings[0], languages[0]),
                               in_language(readings[1], languages[1]));
  }
  if (out->query.empty()) {
    return Status::InvalidArgument("query \"" + text + "\" has no searchable words; give at least one word or filter");
  }
  return Status::OK();
}

namespace {

bool IsWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

bool IsOperator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

}  // namespace

std::string SpellingSuggestion(const std::string& text, const Xapian::Database& db) {
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!IsWordByte(c)) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < n && (IsWordByte(static_cast<unsigned char>(text[end])) ||
                       (text[end] == '\'' && end + 1 < n && IsWordByte(static_cast<unsigned char>(text[end + 1]))))) {
      ++end;
    }
    const std::string_view word(text.data() + i, end - i);
    if (end < n && text[end] == ':') {
      // A field: it and its value ("person:Mamdami", 'law:"Dream Act"') stay as typed.
      std::size_t v = end + 1;
      if (v < n && text[v] == '"') {
        std::size_t close = text.find('"', v + 1);
        v = close == std::string::npos ? n : close + 1;
      } else {
        while (v < n && text[v] != ' ' && text[v] != '\t' && text[v] != ')') ++v;
      }
      out.append(text, i, v - i);
      i = v;
      continue;
    }
    i = end;
    const bool after_dash = !out.empty() && out.back() == '-';
    std::string folded = FoldText(word);
    std::string suggestion;
    if (!IsOperator(word) && !after_dash && folded.size() >= 3 && folded.size() <= 40 && !db.term_exists(folded)) {
      // One edit for short words, two for longer ones (as Lucene's fuzzy
      // queries do): two edits from a five-letter word reach too many
      // common words ("theft" -> "the").
      suggestion = db.get_spelling_suggestion(folded, folded.size() <= 5 ? 1 : 2);
    }
    if (!suggestion.empty()) {
      out.append(suggestion);
      changed = true;
    } else {
      out.append(word);
    }
  }
  return changed ? out : std::string();
}

}  // namespace amicus::internal
