// amicus-search: ranked search over amicus databases.
#include <unistd.h>

#include <iostream>

#include "amicus/search.h"
#include "cli_common.h"

namespace po = boost::program_options;

namespace {

const char kQueryHelp[] =
    "Query language:\n"
    "  words                 every word must appear (stemmed; case and accents ignored)\n"
    "  \"a phrase\"            the words next to each other\n"
    "  a OR b, a AND b, a NOT b, +word, -word, ( ... )\n"
    "  title:word            word in the title\n"
    "  id:d001               the release with that id\n"
    "  publisher:\"NYC Office of the Mayor\"   the issuing organization (or words of its name)\n"
    "  lang:en | lang:es     language of the release\n"
    "  published:2026 | published:2026-03 | published:2026-03-09\n"
    "  published:2026-01..2026-03 | published:2026-01.. | published:..2025-12\n"
    "  person:Mamdani  org:ICE  law:\"Protect Our Courts Act\"  place:Buffalo\n"
    "                        an entity under any of its names (case and accents ignored)\n"
    "  mentions:2026-04      a date the text talks about (same forms as published:, or FY2027)\n"
    "  amount:1000000..      a money amount the text mentions, N..M dollars (10K, 2.5M, 1B)\n"
    "  The same field twice means either; different fields mean both.\n\n"
    "Examples:\n"
    "  amicus-search sanctuary published:2026-01\n"
    "  amicus-search --sort newest '\"legal services\" publisher:\"Fund Our Neighbors Campaign\"'\n"
    "  amicus-search --json 'title:detention lang:en'\n"
    "  amicus-search --facets 'org:ICE published:2026'\n"
    "  amicus-search --like d001\n"
    "  amicus-search --entities org --prefix Immig\n\n"
    "Exit status: 0 on success (also with no hits), 1 when the database cannot be read,\n"
    "2 on a malformed query or command line.\n";

// Snippets carry <b>..</b> and HTML escapes; a terminal gets bold, other
// outputs plain text.
std::string SnippetForTerminal(const std::string& s, bool color) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "<b>") == 0) {
      if (color) out += "\x1b[1m";
      i += 3;
    } else if (s.compare(i, 4, "</b>") == 0) {
      if (color) out += "\x1b[0m";
      i += 4;
    } else if (s.compare(i, 4, "&lt;") == 0) {
      out += '<';
      i += 4;
    } else if (s.compare(i, 4, "&gt;") == 0) {
      out += '>';
      i += 4;
    } else if (s.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 5;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string tool = "amicus-search";
  std::vector<std::string> db_paths, words;
  amicus::SearchRequest request;
  std::string sort = "relevance";
  bool json = false;
  std::string entities, prefix;

  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help");
  amicus::cli::AddDatabaseOptions(&visible, &db_paths);
  visible.add_options()
      ("json", po::bool_switch(&json), "print one JSON object (docs/contract.md)")
      ("limit,n", po::value(&request.limit)->default_value(10), "hits to show")
      ("offset", po::value(&request.offset)->default_value(0), "hits to skip (pagination)")
      ("sort", po::value(&sort)->default_value("relevance"), "relevance, newest or oldest")
      ("facets", po::bool_switch(&request.facets),
       "count people, organizations, legislation, places and publication months over all matches")
      ("like", po::value(&request.like_id)->value_name("ID"), "releases similar to release ID")
      ("entities", po::value(&entities)->value_name("CAT"),
       "list the entities of a category (person, org, law, place) with their release counts")
      ("prefix", po::value(&prefix)->value_name("TEXT"), "with --entities: names starting with TEXT");
  po::options_description all;
  all.add(visible).add_options()("query", po::value(&words));
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  int rc = amicus::cli::ParseCommandLine(tool, argc, argv, visible, all, positional,
                                         "amicus-search [--db PATH] [options] QUERY...", kQueryHelp, &vm);
  if (rc >= 0) return rc;
  if (sort == "relevance") {
    request.sort = amicus::SortOrder::kRelevance;
  } else if (sort == "newest") {
    request.sort = amicus::SortOrder::kNewest;
  } else if (sort == "oldest") {
    request.sort = amicus::SortOrder::kOldest;
  } else {
    std::cerr << tool << ": --sort " << sort << ": use relevance, newest or oldest\n";
    return 2;
  }
  for (const std::string& w : words) request.query += (request.query.empty() ? "" : " ") + w;

  std::unique_ptr<amicus::Searcher> searcher;
  amicus::Status s = amicus::Searcher::Open(amicus::cli::DatabasePaths(db_paths), &searcher);
  if (!s.ok()) {
    std::cerr << tool << ": " << s.ToString() << "\n";
    return 1;
  }
  if (!entities.empty()) {
    std::vector<amicus::FacetValue> values;
    s = searcher->ListEntities(entities, prefix, request.limit, &values);
    if (!s.ok()) {
      std::cerr << tool << ": " << s.ToString() << "\n";
      return s.code() == amicus::Status::Code::kInvalidArgument ? 2 : 1;
    }
    if (json) {
      std::cout << amicus::FacetValuesToJson(values) << "\n";
    } else {
      for (const amicus::FacetValue& v : values) std::cout << v.count << "\t" << v.name << "\n";
    }
    return 0;
  }
  amicus::SearchResults results;
  s = searcher->Search(request, &results);
  if (!s.ok()) {
    std::cerr << tool << ": " << s.ToString() << "\n";
    return s.code() == amicus::Status::Code::kInvalidArgument ? 2 : 1;
  }
  if (json) {
    std::cout << amicus::SearchResultsToJson(results) << "\n";
    return 0;
  }
  const bool color = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  std::cout << (results.total_exact ? "" : "about ") << results.total
            << (results.total == 1 ? " release matches" : " releases match");
  if (!results.hits.empty()) {
    std::cout << " (showing " << results.hits.front().rank << "-" << results.hits.back().rank << ")";
  }
  std::cout << "\n";
  if (!results.suggestion.empty()) std::cout << "Did you mean: " << results.suggestion << "\n";
  for (const amicus::Hit& h : results.hits) {
    std::cout << "\n" << h.rank << ". " << (color ? "\x1b[1m" : "") << h.title << (color ? "\x1b[0m" : "") << "\n";
    std::cout << "   " << (h.published.empty() ? "undated" : h.published) << " | " << h.organization << " | "
              << h.id;
    if (h.score > 0) std::cout << " | score " << h.score;
    std::cout << "\n";
    if (!h.snippet.empty()) std::cout << "   " << SnippetForTerminal(h.snippet, color) << "\n";
    if (!h.url.empty()) std::cout << "   " << h.url << "\n";
    if (h.duplicates > 0) std::cout << "   (and " << h.duplicates << " more copies of this release)\n";
  }
  if (results.has_facets) {
    auto print = [](const char* title, const std::vector<amicus::FacetValue>& values) {
      if (values.empty()) return;
      std::cout << "\n" << title << ":\n";
      for (const amicus::FacetValue& v : values) std::cout << "  " << v.count << "\t" << v.name << "\n";
    };
    print("People", results.facets.people);
    print("Organizations", results.facets.organizations);
    print("Legislation", results.facets.legislation);
    print("Places", results.facets.locations);
    print("Published", results.facets.published_month);
  }
  return 0;
}
