#include <nlohmann/json.hpp>
#include <xapian.h>

#include "amicus/search.h"
#include "amicus/text.h"
#include "index/schema.h"
#include "index/xapian_status.h"
#include "search/query_builder.h"
#include "search/snippet.h"

namespace amicus {

struct Searcher::Impl {
  std::vector<std::string> paths;
  Xapian::Database db;
  Analyzer analyzer;  // for snippets
  std::string PathsForMessages() const {
    std::string s;
    for (const auto& p : paths) s += (s.empty() ? "" : ", ") + p;
    return s;
  }
  Status Run(const SearchRequest& request, SearchResults* results);
};

namespace {

// Databases up to this size are counted exactly; larger ones report
// Xapian's estimate, so that a query does not have to visit every match.
constexpr Xapian::doccount kExactCountLimit = 10000;

// Retries when a writer commits while a search reads (Xapian's
// DatabaseModifiedError): reopen and run again.
constexpr int kModifiedRetries = 5;

}  // namespace

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Status Searcher::Open(const std::vector<std::string>& paths, std::unique_ptr<Searcher>* out) {
  if (paths.empty()) return Status::InvalidArgument("no database given; pass --db PATH or set AMICUS_DB");
  auto impl = std::make_unique<Impl>();
  impl->paths = paths;
  for (const std::string& p : paths) {
    try {
      impl->db.add_database(Xapian::Database(p));
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, p);
    }
  }
  out->reset(new Searcher(std::move(impl)));
  return Status::OK();
}

std::uint64_t Searcher::size() const { return impl_->db.get_doccount(); }

Status Searcher::Search(const SearchRequest& request, SearchResults* results) {
  for (int attempt = 0;; ++attempt) {
    try {
      impl_->db.reopen();
      return impl_->Run(request, results);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt + 1 >= kModifiedRetries) return internal::XapianErrorToStatus(e, impl_->PathsForMessages());
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, impl_->PathsForMessages());
    }
  }
}

Status Searcher::Impl::Run(const SearchRequest& request, SearchResults* results) {
  internal::ParsedQuery parsed;
  Status s = internal::BuildQuery(request.query, db, &parsed);
  if (!s.ok()) return s;

  Xapian::Enquire enquire(db);
  enquire.set_query(parsed.query);
  switch (request.sort) {
    case SortOrder::kRelevance:
      if (parsed.match_all) enquire.set_docid_order(Xapian::Enquire::DESCENDING);
      break;
    case SortOrder::kNewest:
      enquire.set_sort_by_value_then_relevance(schema::kPublishedSlot, /*reverse=*/true);
      break;
    case SortOrder::kOldest:
      enquire.set_sort_by_value_then_relevance(schema::kPublishedSlot, /*reverse=*/false);
      break;
  }
  const Xapian::doccount doccount = db.get_doccount();
  const Xapian::doccount check_at_least = doccount <= kExactCountLimit ? doccount : 0;
  Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

  SearchResults r;
  r.query = request.query;
  r.offset = request.offset;
  r.total = mset.get_matches_estimated();
  r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    nlohmann::json fields = nlohmann::json::parse(doc.get_data(), nullptr, /*allow_exceptions=*/false);
    if (!fields.is_object()) {
      return Status::Corruption(PathsForMessages() + ": document " + std::to_string(*it) +
                                " has no amicus stored fields; is this an amicus database?");
    }
    Hit h;
    h.rank = request.offset + static_cast<std::uint32_t>(it.get_rank()) - mset.get_firstitem() + 1;
    h.id = fields.value("id", "");
    h.score = it.get_weight();
    h.title = fields.value("title", "");
    h.published = fields.value("published", "");
    h.organization = fields.value("organization", "");
    h.url = fields.value("url", "");
    h.language = fields.value("language", "");
    internal::SnippetTerms terms;
    terms.stemmer = Xapian::Stem(StemmerLanguage(h.language));
    for (Xapian::TermIterator t = enquire.get_matching_terms_begin(it);
         t != enquire.get_matching_terms_end(it); ++t) {
      terms.AddXapianTerm(*t);
    }
    h.snippet = internal::MakeSnippet(fields.value("text", ""), terms, request.snippet_bytes, &analyzer);
    r.hits.push_back(std::move(h));
  }
  *results = std::move(r);
  return Status::OK();
}

std::string SearchResultsToJson(const SearchResults& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : r.hits) {
    hits.push_back({{"rank", h.rank},
                    {"id", h.id},
                    {"score", h.score},
                    {"title", h.title},
                    {"published", h.published},
                    {"organization", h.organization},
                    {"url", h.url},
                    {"snippet", h.snippet}});
  }
  nlohmann::json j = {{"query", r.query}, {"total", r.total}, {"offset", r.offset}, {"hits", hits}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace amicus
