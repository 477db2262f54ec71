#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "amicus/search.h"
#include "amicus/text.h"
#include "index/schema.h"
#include "index/xapian_status.h"
#include "index/copies.h"
#include "index/document_builder.h"
#include "index/entity_terms.h"
#include "index/shards.h"
#include "index/spelling.h"
#include "search/facets.h"
#include "search/query_builder.h"
#include "search/snippet.h"

namespace amicus {

struct Searcher::Impl {
  std::vector<std::string> paths;       // as given, for messages (remotes as HOST:PORT)
  Xapian::Database db;                  // all of them
  // Each of them, a stub's databases one by one: Xapian answers metadata
  // from the first database only, so metadata readers ask every part.
  std::vector<Xapian::Database> parts;
  std::vector<bool> part_is_remote;
  std::vector<std::string> part_paths;  // of the local parts; "" for remote ones
  // Handles of their own on the local parts, for the threads that count
  // facets while `db` (which shares the parts' handles) ranks: opened at
  // the first facet query over several parts.
  std::vector<Xapian::Database> facet_parts;
  // Facet counters, one per counting thread, kept from query to query.
  std::vector<std::unique_ptr<internal::FacetSpy>> facet_spies;
  // The facet records of each local part in memory (search/facets.h),
  // from the second facet query on: a searcher asked for facets once (a
  // command line) does not read them all for one query.
  std::vector<internal::FacetRecords> facet_records;
  std::uint64_t facet_queries = 0;
  bool has_remote = false;  // a part is served by xapian-tcpsrv
  // With remote parts: the synonyms (and, once a query needs them, the
  // spelling words) of the remote parts, which xapian-tcpsrv does not
  // serve, copied into a scratch database beside `db` for the query parser.
  std::string mirror_dir;
  Xapian::WritableDatabase mirror;
  bool mirror_has_spellings = false;
  Xapian::Database query_db;  // db, plus the mirror when there is one
  // Where copies collapse: kCopySlot while the parts are one collection
  // with current marks, kNoCopies (no collapse key at all) when that
  // collection has no copy, else kDuplicateSlot (index/copies.h). Chosen
  // at open and whenever a part changes.
  Xapian::valueno collapse_slot = schema::kDuplicateSlot;
  // db changed, and Reopen has not yet brought the above along.
  bool change_pending = false;
  std::unique_ptr<Extractor> extractor;  // resolves names from the knowledge files
  // Stemmers by language, for snippets: creating one is not free.
  std::map<std::string, Xapian::Stem> stemmers;
  const Xapian::Stem& StemmerFor(const std::string& language) {
    auto it = stemmers.find(language);
    if (it == stemmers.end()) it = stemmers.emplace(language, Xapian::Stem(StemmerLanguage(language))).first;
    return it->second;
  }
  ~Impl() { DropMirror(); }
  // The databases as given, for messages: "a.db, b.db, host:7000".
  static std::string Join(const std::vector<std::string>& list) {
    std::string s;
    for (const auto& p : list) s += (s.empty() ? "" : ", ") + p;
    return s;
  }
  std::string PathsForMessages() const { return Join(paths); }
  // Opens `path`, a database or a stub listing databases, into `parts`.
  Status AddPath(const std::string& path, int depth);
  Status AddRemote(const std::string& host_port);
  void AddPart(const Xapian::Database& part, bool remote, const std::string& path) {
    db.add_database(part);
    parts.push_back(part);
    part_is_remote.push_back(remote);
    part_paths.push_back(remote ? std::string() : path);
    has_remote = has_remote || remote;
  }
  // (Re)builds query_db, with the mirror of the remote parts' synonyms.
  void BuildQueryDb();
  void LoadRemoteSpellings();
  void DropMirror();
  // Metadata of `key` from the first part that has it.
  std::string Metadata(const std::string& key) const {
    for (const Xapian::Database& part : parts) {
      std::string v = part.get_metadata(key);
      if (!v.empty()) return v;
    }
    return std::string();
  }
  Status Run(const SearchRequest& request, SearchResults* results);
  // Brings the collection up to its latest revision, and when it changed,
  // what depends on it along. The parts share db's sub-databases
  // (AddPart), so reopening db reopens them; the facet threads' own
  // handles are reopened with it. A change stays pending until all of that
  // is done: when a step throws (a writer moved on meanwhile), the retry
  // finds db current but finishes the rest.
  void Reopen() {
    if (db.reopen()) change_pending = true;
    if (!change_pending) return;
    for (Xapian::Database& part : facet_parts) part.reopen();
    if (has_remote) BuildQueryDb();
    collapse_slot = internal::CopyCollapseSlot(parts, db);
    change_pending = false;
  }
};

namespace {

// Databases up to this size are counted exactly; larger ones report
// Xapian's estimate, so that a query does not have to visit every match.
constexpr Xapian::doccount kExactCountLimit = 10000;

// Terms of a release that describe what it is about, for more-like-this:
// its words (not numbers, not the prefixed filter terms) and its entities.
class LikeTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty()) return false;
    unsigned char c = static_cast<unsigned char>(term[0]);
    if ((c >= 'a' && c <= 'z') || c >= 0x80) return term.size() >= 3;
    for (const internal::EntityCategory& cat : internal::EntityCategories()) {
      if (term.compare(0, cat.prefix.size(), cat.prefix) == 0) return true;
    }
    return false;
  }
};

std::vector<std::string> SplitSlot(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(schema::kListSeparator, start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Facets the slow way, for collections with remote parts: the FacetSpy is
// given every matching document, fetched from where it lives, as the
// matcher would have given it (before duplicates are collapsed). Correct,
// and one document transfer per match.
void CountFacetsHere(const Xapian::Database& db, const Xapian::Query& query, internal::FacetSpy* spy) {
  Xapian::Enquire all(db);
  all.set_query(query);
  all.set_weighting_scheme(Xapian::BoolWeight());
  all.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::doccount n = db.get_doccount();
  Xapian::MSet mset = all.get_mset(0, n, n);
  mset.fetch();  // asks for every document at once instead of one round trip each
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) (*spy)(it.get_document(), 0);
}

// Retries when a writer commits while a search reads (Xapian's
// DatabaseModifiedError): reopen and run again, waiting a little longer each
// time (1 ms, 2 ms, ... up to 50 ms) so that a slow search still gets a turn
// between the commits of a busy indexer. It gives up after kModifiedRetries
// attempts and kModifiedRetrySeconds both: on a loaded machine 40 attempts
// passed in under two seconds while an indexer committing every few
// releases discarded each revision before the search had read it.
constexpr int kModifiedRetries = 40;
constexpr auto kModifiedRetrySeconds = std::chrono::seconds(15);

// Runs `attempt` (a function returning Status that may throw Xapian errors)
// until it is not stopped by a commit, as above; other Xapian errors become
// a Status naming `paths`.
template <typename F>
Status RetryWhileModified(const std::string& paths, F&& attempt) {
  const auto start = std::chrono::steady_clock::now();
  for (int n = 0;; ++n) {
    try {
      return attempt();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (n + 1 >= kModifiedRetries && std::chrono::steady_clock::now() - start >= kModifiedRetrySeconds) {
        return internal::XapianErrorToStatus(e, paths);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50, 1 << std::min(n, 6))));
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, paths);
    }
  }
}

}  // namespace

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

namespace {

namespace fs = std::filesystem;

// Connection and per-call limits for remote databases, in milliseconds.
constexpr unsigned kRemoteTimeoutMs = 10000;
constexpr unsigned kRemoteConnectTimeoutMs = 10000;
constexpr int kMaxStubDepth = 8;

}  // namespace

Status Searcher::Impl::AddRemote(const std::string& host_port) {
  std::string host;
  unsigned port = 0;
  if (!internal::SplitHostPort(host_port, &host, &port)) {
    return Status::InvalidArgument("remote database \"" + host_port + "\": give it as HOST:PORT, such as 127.0.0.1:7000");
  }
  if (host.empty()) host = "127.0.0.1";
  try {
    AddPart(Xapian::Remote::open(host, port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs), /*remote=*/true, "");
  } catch (const Xapian::Error& e) {
    return Status::IOError("remote database " + host_port + ": " + e.get_type() + ": " + e.get_msg() +
                           "; check that xapian-tcpsrv serves a database there");
  }
  return Status::OK();
}

Status Searcher::Impl::AddPath(const std::string& path, int depth) {
  std::error_code ec;
  std::string stub_file, base;
  if (fs::is_directory(path, ec) && fs::is_regular_file(fs::path(path) / internal::kStubFileName, ec) &&
      !fs::exists(fs::path(path) / "iamglass", ec)) {
    stub_file = (fs::path(path) / internal::kStubFileName).string();
    base = path;
  } else if (fs::is_regular_file(path, ec)) {
    stub_file = path;  // a stub file, or a single-file database (then ReadStub fails)
    base = fs::path(path).parent_path().string();
  }
  std::vector<internal::StubLine> lines;
  bool expand = !stub_file.empty() && depth < kMaxStubDepth && internal::ReadStub(stub_file, &lines) && !lines.empty();
  for (const internal::StubLine& l : lines) {
    const bool local = l.type == "auto" || l.type == "glass" || l.type == "chert";
    const bool tcp = l.type == "remote" && !l.arg.empty() && l.arg[0] == ':' && l.arg.find(' ') == std::string::npos;
    if (!(local && !l.arg.empty()) && !tcp) expand = false;  // left to Xapian: opened as one part
  }
  if (!expand) {
    try {
      // A stub Xapian opens itself (a remote "prog" line, say) may hold
      // remote databases we cannot see: count facets here to be safe.
      AddPart(Xapian::Database(path), /*remote=*/!stub_file.empty() && !lines.empty(), path);
    } catch (const Xapian::DatabaseModifiedError&) {
      throw;  // Open starts again
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, path);
    }
    return Status::OK();
  }
  for (const internal::StubLine& l : lines) {
    Status s;
    if (l.type == "remote") {
      s = AddRemote(l.arg.substr(1));  // "remote :HOST:PORT"
    } else {
      fs::path p(l.arg);
      s = AddPath(p.is_absolute() || base.empty() ? p.string() : (fs::path(base) / p).string(), depth + 1);
    }
    if (!s.ok()) return s;
  }
  return Status::OK();
}

void Searcher::Impl::DropMirror() {
  if (mirror_dir.empty()) return;
  try {
    mirror.close();
  } catch (const Xapian::Error&) {
  }
  std::error_code ec;
  fs::remove_all(mirror_dir, ec);
  mirror_dir.clear();
  mirror_has_spellings = false;
}

void Searcher::Impl::BuildQueryDb() {
  DropMirror();
  query_db = db;
  if (!has_remote) return;
  std::string dir = (fs::temp_directory_path() / "amicus-remote-tables-XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) return;  // then no synonyms from remote parts
  mirror_dir = dir;
  mirror = Xapian::WritableDatabase(mirror_dir + "/db", Xapian::DB_CREATE);
  const std::string prefix(internal::kSynonymMetadataPrefix);
  for (Xapian::Database& part : parts) {
    for (Xapian::TermIterator k = part.metadata_keys_begin(prefix); k != part.metadata_keys_end(prefix); ++k) {
      const std::string key = (*k).substr(prefix.size());
      const std::string value = part.get_metadata(*k);
      std::size_t start = 0;
      while (start < value.size()) {
        std::size_t end = value.find(internal::kSynonymSeparator, start);
        if (end == std::string::npos) end = value.size();
        mirror.add_synonym(key, value.substr(start, end - start));
        start = end + 1;
      }
    }
  }
  mirror.commit();
  query_db = Xapian::Database();
  query_db.add_database(db);
  query_db.add_database(mirror);
}

// The words of the remote parts' texts with their release counts stand in
// for their spelling tables.
void Searcher::Impl::LoadRemoteSpellings() {
  if (mirror_has_spellings || mirror_dir.empty()) return;
  mirror_has_spellings = true;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!part_is_remote[i]) continue;  // local parts lend their own spelling tables
    Xapian::Database& part = parts[i];
    Xapian::TermIterator t = part.allterms_begin();
    t.skip_to("a");  // prefixed terms start with capitals
    for (; t != part.allterms_end(); ++t) {
      if (internal::IsSpellingWord(*t)) mirror.add_spelling(*t, t.get_termfreq());
    }
  }
  mirror.commit();
}

Status Searcher::Open(const std::vector<std::string>& paths, std::unique_ptr<Searcher>* out) {
  return Open(paths, {}, out);
}

Status Searcher::Open(const std::vector<std::string>& paths, const std::vector<std::string>& remotes,
                      std::unique_ptr<Searcher>* out) {
  if (paths.empty() && remotes.empty()) {
    return Status::InvalidArgument("no database given; pass --db PATH (or --remote HOST:PORT) or set AMICUS_DB");
  }
  std::vector<std::string> all = paths;
  all.insert(all.end(), remotes.begin(), remotes.end());
  // Opening reads each database's current revision, which an indexer's
  // commits can discard meanwhile: then it starts again.
  return RetryWhileModified(Impl::Join(all), [&] {
    auto impl = std::make_unique<Impl>();
    impl->paths = all;
    for (const std::string& p : paths) {
      Status s = impl->AddPath(p, 0);
      if (!s.ok()) return s;
    }
    for (const std::string& r : remotes) {
      Status s = impl->AddRemote(r);
      if (!s.ok()) return s;
    }
    impl->BuildQueryDb();
    impl->collapse_slot = internal::CopyCollapseSlot(impl->parts, impl->db);
    out->reset(new Searcher(std::move(impl)));
    return Status::OK();
  });
}

std::uint64_t Searcher::size() const { return impl_->db.get_doccount(); }

Status Searcher::Search(const SearchRequest& request, SearchResults* results) {
  return RetryWhileModified(impl_->PathsForMessages(), [&] {
    impl_->Reopen();
    return impl_->Run(request, results);
  });
}

Status Searcher::Impl::Run(const SearchRequest& request, SearchResults* results) {
  internal::ParsedQuery parsed;
  if (!extractor) {
    Status created = Extractor::Create(&extractor);
    if (!created.ok()) return created;
  }
  Status s = internal::BuildQuery(request.query, {query_db, parts, extractor.get()}, &parsed);
  if (!s.ok()) return s;
  Xapian::Query query = parsed.query;

  if (!request.like_id.empty()) {
    const std::string id_term = schema::Term(schema::kIdPrefix, request.like_id);
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) {
      return Status::NotFound("--like " + request.like_id + ": no release has that id; check it with id:" +
                              request.like_id);
    }
    Xapian::RSet rset;
    rset.add_document(*p);
    Xapian::Enquire like(db);
    like.set_query(Xapian::Query(id_term));
    LikeTermDecider decider;
    // Exact term frequencies: over several databases Xapian would estimate
    // them, and pick other terms than over the same releases in one.
    Xapian::ESet eset = like.get_eset(40, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    std::vector<Xapian::Query> terms;
    for (Xapian::ESetIterator t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    Xapian::Query similar(Xapian::Query::OP_OR, terms.begin(), terms.end());
    similar = Xapian::Query(Xapian::Query::OP_AND_NOT, similar, Xapian::Query(id_term));
    query = parsed.match_all ? similar : Xapian::Query(Xapian::Query::OP_FILTER, similar, query);
  }

  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  if (request.collapse_duplicates && collapse_slot != internal::kNoCopies) enquire.set_collapse_key(collapse_slot);
  switch (request.sort) {
    case SortOrder::kRelevance:
      if (parsed.match_all && request.like_id.empty()) enquire.set_docid_order(Xapian::Enquire::DESCENDING);
      break;
    case SortOrder::kNewest:
      enquire.set_sort_by_value_then_relevance(schema::kPublishedSlot, /*reverse=*/true);
      break;
    case SortOrder::kOldest:
      enquire.set_sort_by_value_then_relevance(schema::kPublishedSlot, /*reverse=*/false);
      break;
  }
  const Xapian::doccount doccount = db.get_doccount();
  // Totals are exact for small collections, and with facets (counted from
  // every match; with remote parts, in this pass's count).
  const Xapian::doccount check_at_least =
      doccount <= kExactCountLimit || (request.facets && has_remote) ? doccount : 0;
  Xapian::MSet mset;
  auto rank = [&] { mset = enquire.get_mset(request.offset, request.limit, check_at_least); };
  // Facets count every match, in a second pass without weights: the ranked
  // pass may stop early, and a pass that weighs nothing and keeps no hits
  // costs less than making the ranked one visit everything. Over several
  // local databases the pass runs in threads, a database each, the ranked
  // pass on this thread meanwhile.
  Xapian::doccount facet_total = 0;
  if (request.facets && !has_remote) {
    const unsigned threads =
        request.facet_threads != 0 ? request.facet_threads : std::max(1u, std::thread::hardware_concurrency());
    const bool keep_records = ++facet_queries > 1;
    if (parts.size() > 1 && threads > 1) {
      if (facet_parts.size() != parts.size()) {
        facet_parts.clear();
        for (const std::string& path : part_paths) facet_parts.emplace_back(path);
      }
      facet_records.resize(facet_parts.size());
      facet_total = internal::CountFacetsInParallel(query, facet_parts, threads, rank, &facet_spies,
                                                    keep_records ? &facet_records : nullptr);
    } else {
      rank();
      std::vector<Xapian::Database> all{db};
      // Records are by document id of one database: `db` is one only
      // when there is one part.
      facet_records.resize(1);
      facet_total = internal::CountFacetsInParallel(query, all, 1, nullptr, &facet_spies,
                                                    keep_records && parts.size() == 1 ? &facet_records : nullptr);
    }
    if (request.collapse_duplicates) facet_total = static_cast<Xapian::doccount>(facet_spies[0]->CollapsedCount());
  } else {
    rank();
  }

  SearchResults r;
  r.query = request.query;
  r.offset = request.offset;
  if (request.facets && !has_remote) {
    r.total = facet_total;  // the facet pass visited every match
    r.total_exact = true;
  } else if (check_at_least >= doccount) {
    // Every match was visited, so the lower bound is the count (with
    // duplicates collapsed, Xapian's estimate and upper bound are not).
    r.total = mset.get_matches_lower_bound();
    r.total_exact = true;
  } else {
    r.total = mset.get_matches_estimated();
    r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  }
  if (request.facets) {
    internal::FacetSpy remote_spy;
    if (has_remote) CountFacetsHere(db, query, &remote_spy);
    const internal::FacetSpy& spy = has_remote ? remote_spy : *facet_spies[0];
    r.has_facets = true;
    r.facets = spy.Result(request.facet_limit, [this](const std::string& key) { return Metadata(key); });
  }
  if (r.total == 0 && !parsed.match_all) {
    // Nothing found: a misspelt word is the likely reason ("Mamdami").
    if (has_remote) LoadRemoteSpellings();
    std::string corrected = internal::SpellingSuggestion(request.query, query_db);
    if (corrected != request.query) r.suggestion = std::move(corrected);
  }
  // The query's own words mark every hit's snippet: asking Xapian which
  // terms matched each hit would read the hit's whole term list.
  internal::SnippetTerms snippet_terms;
  for (Xapian::TermIterator t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    snippet_terms.AddXapianTerm(*t);
  }
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    internal::StoredDocument fields;
    if (!internal::ParseStoredFields(doc.get_data(), &fields)) {
      return Status::Corruption(PathsForMessages() + ": document " + std::to_string(*it) +
                                " has no amicus stored fields; is this an amicus database?");
    }
    Hit h;
    h.rank = request.offset + static_cast<std::uint32_t>(it.get_rank()) - mset.get_firstitem() + 1;
    h.id = std::move(fields.id);
    h.score = it.get_weight();
    h.title = std::move(fields.title);
    h.published = std::move(fields.published);
    h.organization = std::move(fields.organization);
    h.url = std::move(fields.url);
    h.language = std::move(fields.language);
    h.duplicates = request.collapse_duplicates ? it.get_collapse_count() : 0;
    if (fields.has_entities) {
      h.people = std::move(fields.people);
      h.organizations = std::move(fields.organizations);
      h.legislation = std::move(fields.legislation);
      h.locations = std::move(fields.locations);
    } else {  // a database from before the names were stored with the fields
      h.people = SplitSlot(doc.get_value(schema::kPeopleSlot));
      h.organizations = SplitSlot(doc.get_value(schema::kOrgsSlot));
      h.legislation = SplitSlot(doc.get_value(schema::kLawsSlot));
      h.locations = SplitSlot(doc.get_value(schema::kPlacesSlot));
    }
    if (request.snippet_bytes > 0) {
      h.snippet = internal::MakeSnippet(fields.text, snippet_terms, StemmerFor(h.language),
                                        request.snippet_bytes);
    }
    r.hits.push_back(std::move(h));
  }
  *results = std::move(r);
  return Status::OK();
}

namespace {

// Terms under `prefix` with their release counts, most first, shown by
// their display name from the metadata.
template <typename MetadataFn>
std::vector<FacetValue> TopTerms(const Xapian::Database& db, const MetadataFn& metadata, const std::string& prefix,
                                 std::size_t strip, std::uint32_t limit) {
  std::vector<std::pair<std::string, Xapian::doccount>> all;
  for (Xapian::TermIterator t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    all.emplace_back(*t, t.get_termfreq());
  }
  auto order = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  std::size_t n = std::min<std::size_t>(limit, all.size());
  std::partial_sort(all.begin(), all.begin() + n, all.end(), order);
  std::vector<FacetValue> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string display = metadata(schema::Term(schema::kDisplayMetadataPrefix, all[i].first));
    if (display.empty()) display = all[i].first.substr(strip);
    out.push_back({display, all[i].second});
  }
  return out;
}

std::string DashedDate(const std::string& ymd) {
  if (ymd.size() != 8) return std::string();
  return ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2);
}

}  // namespace

Status Searcher::Stats(std::uint32_t limit, CollectionStats* out) {
  return RetryWhileModified(impl_->PathsForMessages(), [&] {
    impl_->Reopen();
    const Xapian::Database& db = impl_->db;
    auto metadata = [this](const std::string& key) { return impl_->Metadata(key); };
    CollectionStats st;
    st.releases = db.get_doccount();
    if (db.get_value_freq(schema::kPublishedSlot) > 0) {
      st.first_published = DashedDate(db.get_value_lower_bound(schema::kPublishedSlot));
      st.last_published = DashedDate(db.get_value_upper_bound(schema::kPublishedSlot));
    }
    for (Xapian::TermIterator t = db.allterms_begin(std::string(schema::kLanguagePrefix));
         t != db.allterms_end(std::string(schema::kLanguagePrefix)); ++t) {
      st.languages.push_back({(*t).substr(schema::kLanguagePrefix.size()), t.get_termfreq()});
    }
    st.publishers = TopTerms(db, metadata, std::string(schema::kPublisherPrefix), schema::kPublisherPrefix.size(), limit);
    std::vector<FacetValue>* lists[4] = {&st.top_entities.people, &st.top_entities.organizations,
                                         &st.top_entities.legislation, &st.top_entities.locations};
    int i = 0;
    for (const internal::EntityCategory& cat : internal::EntityCategories()) {
      *lists[i++] = TopTerms(db, metadata, std::string(cat.prefix), cat.prefix.size(), limit);
    }
    *out = std::move(st);
    return Status::OK();
  });
}

Status Searcher::ListEntities(const std::string& category, const std::string& prefix, std::uint32_t limit,
                              std::vector<FacetValue>* out) {
  const internal::EntityCategory* cat = nullptr;
  for (const internal::EntityCategory& c : internal::EntityCategories()) {
    if (category == c.field || category == c.name) cat = &c;
  }
  if (cat == nullptr) {
    return Status::InvalidArgument("entity category \"" + category + "\": use person, org, law or place");
  }
  return RetryWhileModified(impl_->PathsForMessages(), [&] {
    impl_->Reopen();
    const std::string term_prefix = schema::Term(cat->prefix, NameKey(prefix));
    std::vector<FacetValue> all;
    for (Xapian::TermIterator t = impl_->db.allterms_begin(term_prefix); t != impl_->db.allterms_end(term_prefix);
         ++t) {
      std::string display = impl_->Metadata(schema::Term(schema::kDisplayMetadataPrefix, *t));
      if (display.empty()) display = (*t).substr(cat->prefix.size());
      all.push_back({display, t.get_termfreq()});
    }
    auto order = [](const FacetValue& a, const FacetValue& b) {
      return a.count != b.count ? a.count > b.count : a.name < b.name;
    };
    std::sort(all.begin(), all.end(), order);
    if (all.size() > limit) all.resize(limit);
    *out = std::move(all);
    return Status::OK();
  });
}

namespace {

nlohmann::json FacetList(const std::vector<FacetValue>& values) {
  nlohmann::json list = nlohmann::json::array();
  for (const FacetValue& v : values) list.push_back({{"name", v.name}, {"count", v.count}});
  return list;
}

nlohmann::json HitJson(const Hit& h) {
  nlohmann::json hit = {{"rank", h.rank},
                        {"id", h.id},
                        {"score", h.score},
                        {"title", h.title},
                        {"published", h.published},
                        {"organization", h.organization},
                        {"url", h.url},
                        {"snippet", h.snippet},
                        {"entities",
                         {{"people", h.people},
                          {"organizations", h.organizations},
                          {"legislation", h.legislation},
                          {"locations", h.locations}}}};
  if (h.duplicates > 0) hit["duplicates"] = h.duplicates;
  return hit;
}

// Invalid UTF-8 in stored text is replaced, never thrown on.
std::string Dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string CollectionStatsToJson(const CollectionStats& st) {
  nlohmann::json j = {{"releases", st.releases},
                      {"first_published", st.first_published},
                      {"last_published", st.last_published},
                      {"languages", FacetList(st.languages)},
                      {"publishers", FacetList(st.publishers)},
                      {"entities",
                       {{"people", FacetList(st.top_entities.people)},
                        {"organizations", FacetList(st.top_entities.organizations)},
                        {"legislation", FacetList(st.top_entities.legislation)},
                        {"locations", FacetList(st.top_entities.locations)}}}};
  return Dump(j);
}

std::string FacetValuesToJson(const std::vector<FacetValue>& values) { return Dump(FacetList(values)); }

std::string HitToJson(const Hit& hit) { return Dump(HitJson(hit)); }

std::string FacetValueToJson(const FacetValue& v) { return Dump({{"name", v.name}, {"count", v.count}}); }

std::string SearchResultsToJson(const SearchResults& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : r.hits) hits.push_back(HitJson(h));
  nlohmann::json j = {{"query", r.query}, {"total", r.total}, {"offset", r.offset}, {"hits", hits}};
  if (r.has_facets) {
    j["facets"] = {{"people", FacetList(r.facets.people)},
                   {"organizations", FacetList(r.facets.organizations)},
                   {"legislation", FacetList(r.facets.legislation)},
                   {"locations", FacetList(r.facets.locations)},
                   {"published_month", FacetList(r.facets.published_month)}};
  }
  if (!r.suggestion.empty()) j["suggestion"] = r.suggestion;
  return Dump(j);
}

}  // namespace amicus
