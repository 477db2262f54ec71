#include "index/document_builder.h"

#include <nlohmann/json.hpp>

#include "index/entity_terms.h"
#include "index/schema.h"

namespace amicus::internal {
namespace {

// Gap between the title's positions and the body's, so that a phrase never
// matches across the two.
constexpr Xapian::termpos kBodyPositionGap = 100;

// Stems are for words: not for numbers ("2026"), nor for the whole-token
// extras such as "press@example.org" or "287(g)", which the QueryParser
// never stems either.
bool Stemmable(const std::string& term) {
  if (term.empty() || (term[0] >= '0' && term[0] <= '9')) return false;
  return term.find_first_of("@/:()") == std::string::npos;
}

}  // namespace

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max_day = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max_day;
}

DocumentBuilder::DocumentBuilder() : english_("english"), spanish_("spanish") {}

void DocumentBuilder::AddText(std::string_view text, bool is_title, const Xapian::Stem& stemmer,
                              Xapian::Document* doc, Xapian::termpos* position) {
  tokens_.clear();
  std::uint32_t next = analyzer_.Tokenize(text, &tokens_, 0);
  const Xapian::termcount wdf = is_title ? schema::kTitleWdf : 1;
  for (const Token& tok : tokens_) {
    if (tok.term.empty() || tok.term.size() > schema::kMaxTermBytes) continue;
    // Xapian positions start at 1, as TermGenerator's do.
    Xapian::termpos pos = *position + tok.position + 1;
    doc->add_posting(tok.term, pos, wdf);
    if (is_title) doc->add_posting(schema::Term(schema::kTitlePrefix, tok.term), pos, 1);
    if (Stemmable(tok.term)) {
      std::string stem = stemmer(tok.term);
      if (!stem.empty() && stem.size() <= schema::kMaxTermBytes) {
        doc->add_term(schema::Term(schema::kStemPrefix, stem), wdf);
        if (is_title) {
          std::string title_stem(schema::kStemPrefix);
          title_stem.append(schema::kTitlePrefix);
          title_stem.append(stem);
          doc->add_term(title_stem, 1);
        }
      }
    }
  }
  *position += next + kBodyPositionGap;
}

namespace {

void AppendField(std::string_view name, std::string_view value, std::string* out) {
  if (value.empty()) return;
  out->append(name);
  out->push_back('=');
  for (char c : value) out->push_back(c == '\n' || c == '\r' ? ' ' : c);
  out->push_back('\n');
}

}  // namespace

std::string DocumentBuilder::StoredFields(const Release& r, const std::string& language,
                                          const std::array<std::vector<std::string>, 4>& names) {
  std::string data;
  data.reserve(512 + r.text.size());
  AppendField("id", r.id, &data);
  AppendField("title", r.title, &data);
  AppendField("published", r.published, &data);
  AppendField("organization", r.organization, &data);
  AppendField("url", r.url, &data);
  AppendField("language", language, &data);
  std::size_t i = 0;
  for (const EntityCategory& cat : EntityCategories()) {
    for (const std::string& name : names[i]) AppendField(cat.field, name, &data);
    ++i;
  }
  data.push_back('\n');
  data.append(r.text);
  return data;
}

namespace {

// The layout of databases written before 0.2: one JSON object.
bool ParseJsonStoredFields(std::string_view data, StoredDocument* out) {
  nlohmann::json j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("id")) return false;
  auto field = [&j](const char* name) {
    auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  out->id = field("id");
  out->title = field("title");
  out->published = field("published");
  out->organization = field("organization");
  out->url = field("url");
  out->language = field("language");
  out->text = field("text");
  out->has_entities = false;
  return true;
}

}  // namespace

bool ParseStoredFields(std::string_view data, StoredDocument* out) {
  *out = StoredDocument();
  if (!data.empty() && data[0] == '{') return ParseJsonStoredFields(data, out);
  std::vector<std::string>* lists[4] = {&out->people, &out->organizations, &out->legislation, &out->locations};
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) return false;  // no empty line: not amicus data
    if (nl == pos) break;                             // the empty line: the text follows
    const std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view name = line.substr(0, eq), value = line.substr(eq + 1);
    if (name == "id") {
      out->id.assign(value);
    } else if (name == "title") {
      out->title.assign(value);
    } else if (name == "published") {
      out->published.assign(value);
    } else if (name == "organization") {
      out->organization.assign(value);
    } else if (name == "url") {
      out->url.assign(value);
    } else if (name == "language") {
      out->language.assign(value);
    } else {
      int i = 0;
      for (const EntityCategory& cat : EntityCategories()) {
        if (name == cat.field) lists[i]->emplace_back(value);
        ++i;
      }
    }  // other names: written by a later version, not shown by this one
  }
  if (out->id.empty()) return false;
  out->has_entities = true;
  out->text.assign(data.substr(pos + 1));
  return true;
}

Xapian::Document DocumentBuilder::Build(const Release& r, const std::string& language, const Entities& entities,
                                        std::array<std::vector<std::string>, 4>* names_out) {
  Xapian::Document doc;
  const Xapian::Stem& stemmer = language == "es" ? spanish_ : english_;
  Xapian::termpos position = 0;
  AddText(r.title, /*is_title=*/true, stemmer, &doc, &position);
  AddText(r.text, /*is_title=*/false, stemmer, &doc, &position);

  doc.add_boolean_term(schema::Term(schema::kIdPrefix, r.id));
  doc.add_boolean_term(schema::Term(schema::kLanguagePrefix, language));
  if (!r.organization.empty()) {
    std::string folded = FoldText(r.organization);
    if (folded.size() <= schema::kMaxTermBytes) {
      doc.add_boolean_term(schema::Term(schema::kPublisherPrefix, folded));
    }
    tokens_.clear();
    analyzer_.Tokenize(r.organization, &tokens_, 0);
    for (const Token& tok : tokens_) {
      if (tok.term.size() <= schema::kMaxTermBytes) {
        doc.add_boolean_term(schema::Term(schema::kPublisherWordPrefix, tok.term));
      }
    }
  }
  if (IsIsoDate(r.published)) {
    std::string ymd = r.published.substr(0, 4) + r.published.substr(5, 2) + r.published.substr(8, 2);
    doc.add_boolean_term(schema::Term(schema::kDayPrefix, ymd));
    doc.add_boolean_term(schema::Term(schema::kMonthPrefix, ymd.substr(0, 6)));
    doc.add_boolean_term(schema::Term(schema::kYearPrefix, ymd.substr(0, 4)));
    doc.add_value(schema::kPublishedSlot, ymd);
  }
  EntityNames names;
  AddEntityTerms(entities, &doc, &names);
  std::string dup = DuplicateKey(r.text);
  if (!dup.empty()) doc.add_value(schema::kDuplicateSlot, dup);
  const std::string month = IsIsoDate(r.published) ? r.published.substr(0, 4) + r.published.substr(5, 2) : "";
  doc.add_value(schema::kFacetSlot, EncodeFacetRecord(month, dup, names));
  doc.set_data(StoredFields(r, language, names));
  if (names_out != nullptr) *names_out = std::move(names);
  return doc;
}

}  // namespace amicus::internal
