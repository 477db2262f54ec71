#include "search/query_builder.h"

#include <cctype>
#include <vector>

#include "amicus/text.h"
#include "index/document_builder.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

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

class PublishedProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    Xapian::Query q;
    Status s = PublishedFilter(value, &q);
    if (!s.ok()) throw Xapian::QueryParserError(s.message());
    return q;
  }
};

class LanguageProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    std::string v = FoldText(value);
    if (v == "en" || v == "es") return Xapian::Query(schema::Term(schema::kLanguagePrefix, v));
    throw Xapian::QueryParserError("lang:" + value + ": unknown language; use lang:en or lang:es");
  }
};

// publisher:"NYC Office of the Mayor" matches the whole folded name;
// publisher:mayor (a name that no release has in full) matches releases
// whose publisher's name has every word given.
class PublisherProcessor : public Xapian::FieldProcessor {
 public:
  explicit PublisherProcessor(const Xapian::Database& db) : db_(db) {}
  Xapian::Query operator()(const std::string& value) override {
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

Status BuildQuery(const std::string& text, const Xapian::Database& db, ParsedQuery* out) {
  if (!HasNonSpace(text)) {
    out->query = Xapian::Query::MatchAll;
    out->match_all = true;
    out->stem_language = "english";
    return Status::OK();
  }
  std::string folded = QuoteSectionTokens(StripDiacritics(text));
  std::string lang = folded.find("lang:es") != std::string::npos ? "es" : DetectLanguage(folded);
  out->stem_language = StemmerLanguage(lang);

  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem(out->stem_language));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_prefix("title", std::string(schema::kTitlePrefix));
  qp.add_boolean_prefix("id", std::string(schema::kIdPrefix));
  qp.add_boolean_prefix("lang", (new LanguageProcessor)->release());
  qp.add_boolean_prefix("published", (new PublishedProcessor)->release());
  qp.add_boolean_prefix("publisher", (new PublisherProcessor(db))->release());
  const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
                         Xapian::QueryParser::FLAG_WILDCARD;
  try {
    out->query = qp.parse_query(folded, flags);
  } catch (const Xapian::QueryParserError& e) {
    std::string msg = e.get_msg();
    if (msg.rfind("Syntax:", 0) == 0) {
      msg = "malformed query \"" + text + "\" (" + msg +
            "); AND, OR and NOT need words on both sides, and parentheses must balance";
    }
    return Status::InvalidArgument(msg);
  } catch (const Xapian::Error& e) {
    return Status::InvalidArgument("query \"" + text + "\": " + e.get_msg());
  }
  if (out->query.empty()) {
    return Status::InvalidArgument("query \"" + text + "\" has no searchable words; give at least one word or filter");
  }
  return Status::OK();
}

}  // namespace amicus::internal
