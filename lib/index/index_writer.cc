#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_set>
#include <string>

#include <xapian.h>

#include "amicus/extract.h"
#include "amicus/index.h"
#include "amicus/text.h"
#include "index/document_builder.h"
#include "index/entity_terms.h"
#include "index/schema.h"
#include "index/xapian_status.h"

namespace amicus {

struct IndexWriter::Impl {
  std::string path;
  IndexOptions options;
  Xapian::WritableDatabase db;
  internal::DocumentBuilder builder;
  std::unique_ptr<Extractor> extractor;
  std::uint32_t pending = 0;
  // Alias metadata learnt since the last commit: key -> canonical keys.
  std::map<std::string, std::set<std::string>> pending_aliases;
  // Display names of entity terms first seen since the last commit.
  std::map<std::string, std::string> pending_display;
  std::set<std::string> known_entities;
  // Ids added through this writer, to tell a repeated id in the input from
  // a release indexed by an earlier run.
  std::unordered_set<std::string> session_ids;
  // Synonyms already written: "key\0term". Bounded by the distinct names of
  // the collection, not its size.
  std::set<std::string> synonyms;
  Analyzer analyzer;
  std::vector<Token> tokens;

  void LearnNames(const Entities& entities);
  void LearnPublisher(const std::string& organization);
  // The QueryParser's view of a name: its folded words joined by spaces.
  std::string SynonymKey(const std::string& surface);
  void FlushAliases();
  // Words of the document for "did you mean": each word once per release,
  // so a word's spelling frequency is the number of releases using it.
  void LearnSpellings(const Xapian::Document& doc);
};

void IndexWriter::Impl::LearnSpellings(const Xapian::Document& doc) {
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string& term = *t;
    if (term.size() < 3 || term.size() > 40) continue;
    bool word = true;
    for (unsigned char c : term) {
      if (!((c >= 'a' && c <= 'z') || c >= 0x80)) {
        word = false;
        break;
      }
    }
    if (word) db.add_spelling(term);
  }
}

namespace {

// An alias that is worth matching from free text: an acronym ("ICE", "DOI")
// or a name of several words. Single common words ("Council", "Board")
// would flood the results of plain queries.
bool IsDistinctiveAlias(const std::string& surface, std::size_t words) {
  if (words >= 2) return true;
  std::size_t upper = 0, letters = 0;
  for (char c : surface) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
  }
  return letters >= 2 && upper == letters;
}

}  // namespace

std::string IndexWriter::Impl::SynonymKey(const std::string& surface) {
  tokens.clear();
  analyzer.Tokenize(surface, &tokens);
  std::string key;
  std::uint32_t last = UINT32_MAX;
  for (const Token& t : tokens) {
    if (t.position == last) continue;  // whole-token extras share a position
    last = t.position;
    if (!key.empty()) key.push_back(' ');
    key.append(t.term);
  }
  return key;
}

void IndexWriter::Impl::LearnNames(const Entities& entities) {
  for (const internal::EntityCategory& cat : internal::EntityCategories()) {
    for (const NamedEntity& e : entities.*(cat.member)) {
      std::string term = internal::EntityTerm(cat.prefix, e.name);
      if (term.empty()) continue;
      std::string canonical = term.substr(cat.prefix.size());
      if (known_entities.insert(term).second) pending_display.emplace(term, e.name);
      auto learn = [&](const std::string& surface) {
        std::string alias = NameKey(surface);
        if (alias.empty()) return;
        pending_aliases[schema::Term(schema::kAliasMetadataPrefix, schema::Term(cat.prefix, alias))].insert(canonical);
        std::string key = SynonymKey(surface);
        std::size_t words = key.empty() ? 0 : 1 + std::count(key.begin(), key.end(), ' ');
        if (key.empty() || key.size() > schema::kMaxTermBytes || !IsDistinctiveAlias(surface, words)) return;
        if (synonyms.insert(key + '\0' + term).second) db.add_synonym(key, term);
      };
      learn(e.name);
      for (const std::string& a : e.aliases) learn(a);
      // A person is also found by surname ("Mamdani", and with a title
      // stripped by the searcher, "Mayor Mamdani"), even in a release that
      // only ever wrote the full name.
      if (cat.prefix == schema::kPersonPrefix) {
        std::size_t space = e.name.find_last_of(' ');
        if (space != std::string::npos && space + 1 < e.name.size()) learn(e.name.substr(space + 1));
      }
    }
  }
}

void IndexWriter::Impl::LearnPublisher(const std::string& organization) {
  if (organization.empty()) return;
  std::string term = schema::Term(schema::kPublisherPrefix, FoldText(organization));
  if (term.size() <= schema::kMaxTermBytes && known_entities.insert(term).second) {
    pending_display.emplace(term, organization);
  }
}

void IndexWriter::Impl::FlushAliases() {
  for (auto& [key, canonicals] : pending_aliases) {
    if (key.size() > schema::kMaxTermBytes) continue;  // Xapian's key limit
    std::string existing = db.get_metadata(key);
    std::size_t start = 0;
    while (start < existing.size()) {
      std::size_t end = existing.find(schema::kListSeparator, start);
      if (end == std::string::npos) end = existing.size();
      canonicals.insert(existing.substr(start, end - start));
      start = end + 1;
    }
    std::string value;
    for (const std::string& c : canonicals) {
      if (!value.empty()) value.push_back(schema::kListSeparator);
      value.append(c);
    }
    if (value != existing) db.set_metadata(key, value);
  }
  pending_aliases.clear();
  for (const auto& [term, name] : pending_display) {
    std::string key = schema::Term(schema::kDisplayMetadataPrefix, term);
    if (key.size() <= schema::kMaxTermBytes && db.get_metadata(key).empty()) db.set_metadata(key, name);
  }
  pending_display.clear();
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (impl_ && impl_->pending > 0) Commit();
}

Status IndexWriter::Open(const std::string& path, const IndexOptions& options,
                         std::unique_ptr<IndexWriter>* out) {
  if (path.empty()) return Status::InvalidArgument("no database path given; pass --db PATH or set AMICUS_DB");
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  if (impl->options.batch_size == 0) impl->options.batch_size = 1;
  Status s = Extractor::Create(&impl->extractor);
  if (!s.ok()) return s;
  try {
    impl->db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, path);
  }
  out->reset(new IndexWriter(std::move(impl)));
  return Status::OK();
}

Status IndexWriter::Add(const Release& release, AddOutcome* outcome) {
  if (release.id.empty()) {
    return Status::InvalidArgument("release without an id cannot be indexed; give every release an \"id\"");
  }
  std::string id_term = schema::Term(schema::kIdPrefix, release.id);
  if (id_term.size() > schema::kMaxTermBytes) {
    return Status::InvalidArgument("release id is longer than " +
                                   std::to_string(schema::kMaxTermBytes - 1) +
                                   " bytes; use a shorter id");
  }
  std::string language = release.language.empty()
                             ? DetectLanguage(release.title + "\n" + release.text)
                             : release.language;
  try {
    Entities entities = impl_->extractor->Extract(release);
    Xapian::Document doc = impl_->builder.Build(release, language, entities);
    impl_->LearnNames(entities);
    impl_->LearnPublisher(release.organization);
    impl_->LearnSpellings(doc);
    bool existed = impl_->db.term_exists(id_term);
    impl_->db.replace_document(id_term, doc);
    const bool repeated = !impl_->session_ids.insert(release.id).second;
    if (outcome != nullptr) {
      *outcome = repeated ? AddOutcome::kDuplicate : existed ? AddOutcome::kReplaced : AddOutcome::kAdded;
    }
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, impl_->path);
  }
  if (++impl_->pending >= impl_->options.batch_size) return Commit();
  return Status::OK();
}

Status IndexWriter::Commit() {
  try {
    impl_->FlushAliases();
    impl_->db.commit();
    impl_->pending = 0;
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, impl_->path);
  }
  return Status::OK();
}

std::uint64_t IndexWriter::size() const { return impl_->db.get_doccount(); }

}  // namespace amicus
