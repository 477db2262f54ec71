// amicus-search: ranked search over amicus databases.
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
    "  amicus-search --entities org --prefix Immig\n"
    "  amicus-search --db a.db --db b.db sanctuary            several databases as one\n"
    "  amicus-search --remote host1:7000 --remote host2:7000 sanctuary\n"
    "                        shards served by xapian-tcpsrv (a stub file with\n"
    "                        \"remote :host1:7000\" lines works through --db too)\n\n"
    "Output: --format text (default; colours on a terminal unless NO_COLOR is set),\n"
    "json (one object, docs/contract.md), jsonl (one hit per line) or csv (one row per\n"
    "hit: rank, id, published, publisher, title, url, score, people, organizations,\n"
    "legislation, locations; names within a cell separated by \"; \").\n\n"
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


std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

void PrintCsv(const amicus::SearchResults& results) {
  using amicus::cli::CsvField;
  std::cout << "rank,id,published,publisher,title,url,score,people,organizations,legislation,locations\n";
  for (const amicus::Hit& h : results.hits) {
    std::cout << h.rank << "," << CsvField(h.id) << "," << h.published << "," << CsvField(h.organization) << ","
              << CsvField(h.title) << "," << CsvField(h.url) << "," << h.score << "," << CsvField(Joined(h.people))
              << "," << CsvField(Joined(h.organizations)) << "," << CsvField(Joined(h.legislation)) << ","
              << CsvField(Joined(h.locations)) << "\n";
  }
}

void PrintText(const amicus::SearchResults& results, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* dim = color ? "\x1b[2m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::cout << (results.total_exact ? "" : "about ") << results.total
            << (results.total == 1 ? " release matches" : " releases match");
  if (!results.hits.empty()) {
    std::cout << " (showing " << results.hits.front().rank << "-" << results.hits.back().rank << ")";
  }
  std::cout << "\n";
  if (!results.suggestion.empty()) std::cout << "Did you mean: " << results.suggestion << "\n";
  for (const amicus::Hit& h : results.hits) {
    std::cout << "\n" << h.rank << ". " << bold << h.title << reset << "\n";
    std::cout << "   " << dim << (h.published.empty() ? "undated" : h.published) << " | " << h.organization << " | "
              << h.id;
    if (h.score > 0) std::cout << " | score " << h.score;
    std::cout << reset << "\n";
    if (!h.snippet.empty()) std::cout << "   " << SnippetForTerminal(h.snippet, color) << "\n";
    if (!h.url.empty()) std::cout << "   " << h.url << "\n";
    if (h.duplicates > 0) std::cout << "   (and " << h.duplicates << " more copies of this release)\n";
  }
  if (results.has_facets) {
    auto print = [&](const char* title, const std::vector<amicus::FacetValue>& values) {
      if (values.empty()) return;
      std::cout << "\n" << bold << title << reset << ":\n";
      for (const amicus::FacetValue& v : values) std::cout << "  " << v.count << "\t" << v.name << "\n";
    };
    print("People", results.facets.people);
    print("Organizations", results.facets.organizations);
    print("Legislation", results.facets.legislation);
    print("Places", results.facets.locations);
    print("Published", results.facets.published_month);
  }
}

void PrintStats(const amicus::CollectionStats& st, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::cout << bold << st.releases << " releases" << reset;
  if (!st.first_published.empty()) std::cout << ", published " << st.first_published << " to " << st.last_published;
  std::cout << "\n";
  auto print = [&](const char* title, const std::vector<amicus::FacetValue>& values) {
    if (values.empty()) return;
    std::cout << "\n" << bold << title << reset << ":\n";
    for (const amicus::FacetValue& v : values) std::cout << "  " << v.count << "\t" << v.name << "\n";
  };
  print("Languages", st.languages);
  print("Publishers", st.publishers);
  print("Most mentioned people", st.top_entities.people);
  print("Most mentioned organizations", st.top_entities.organizations);
  print("Most mentioned legislation", st.top_entities.legislation);
  print("Most mentioned places", st.top_entities.locations);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string tool = "amicus-search";
  std::vector<std::string> db_paths, remotes, words;
  amicus::SearchRequest request;
  std::string sort = "relevance", format = "text";
  bool json = false, stats = false;
  std::string entities, prefix;

  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help");
  amicus::cli::AddDatabaseOptions(&visible, &db_paths);
  amicus::cli::AddRemoteOptions(&visible, &remotes);
  visible.add_options()
      ("format", po::value(&format)->default_value("text"), "output: text, json, jsonl or csv")
      ("json", po::bool_switch(&json), "the same as --format json")
      ("limit,n", po::value(&request.limit)->default_value(10), "hits to show")
      ("offset", po::value(&request.offset)->default_value(0), "hits to skip (pagination)")
      ("sort", po::value(&sort)->default_value("relevance"), "relevance, newest or oldest")
      ("facets", po::bool_switch(&request.facets),
       "count people, organizations, legislation, places and publication months over all matches")
      ("like", po::value(&request.like_id)->value_name("ID"), "releases similar to release ID")
      ("entities", po::value(&entities)->value_name("CAT"),
       "list the entities of a category (person, org, law, place) with their release counts")
      ("prefix", po::value(&prefix)->value_name("TEXT"), "with --entities: names starting with TEXT")
      ("stats", po::bool_switch(&stats),
       "what the database holds: releases, date span, languages, publishers, top entities");
  po::variables_map vm;
  int rc = amicus::cli::ParseCommandLine(
      tool, argc, argv, visible, "query", &words,
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
  amicus::cli::OutputFormat out_format;
  if (json) format = "json";
  if (!amicus::cli::ParseOutputFormat(tool, format, &out_format)) return 2;
  for (const std::string& w : words) request.query += (request.query.empty() ? "" : " ") + w;

  std::unique_ptr<amicus::Searcher> searcher;
  amicus::Status s = amicus::Searcher::Open(amicus::cli::SearchPaths(db_paths, remotes), remotes, &searcher);
  if (!s.ok()) {
    std::cerr << tool << ": " << s.ToString() << "\n";
    return s.code() == amicus::Status::Code::kInvalidArgument ? 2 : 1;  // a malformed --remote
  }
  auto fail = [&](const amicus::Status& st) {
    std::cerr << tool << ": " << st.ToString() << "\n";
    return st.code() == amicus::Status::Code::kInvalidArgument ? 2 : 1;
  };
  const bool color = out_format == amicus::cli::OutputFormat::kText && amicus::cli::UseColor();

  if (stats) {
    amicus::CollectionStats st;
    s = searcher->Stats(request.limit, &st);
    if (!s.ok()) return fail(s);
    if (out_format != amicus::cli::OutputFormat::kText) {
      std::cout << amicus::CollectionStatsToJson(st) << "\n";
      return 0;
    }
    PrintStats(st, color);
    return 0;
  }
  if (!entities.empty()) {
    std::vector<amicus::FacetValue> values;
    s = searcher->ListEntities(entities, prefix, request.limit, &values);
    if (!s.ok()) return fail(s);
    switch (out_format) {
      case amicus::cli::OutputFormat::kJson: std::cout << amicus::FacetValuesToJson(values) << "\n"; break;
      case amicus::cli::OutputFormat::kJsonl:
        for (const amicus::FacetValue& v : values) std::cout << amicus::FacetValueToJson(v) << "\n";
        break;
      case amicus::cli::OutputFormat::kCsv:
        std::cout << "name,count\n";
        for (const amicus::FacetValue& v : values) std::cout << amicus::cli::CsvField(v.name) << "," << v.count << "\n";
        break;
      case amicus::cli::OutputFormat::kText:
        for (const amicus::FacetValue& v : values) std::cout << v.count << "\t" << v.name << "\n";
        break;
    }
    return 0;
  }

  amicus::SearchResults results;
  s = searcher->Search(request, &results);
  if (!s.ok()) return fail(s);
  switch (out_format) {
    case amicus::cli::OutputFormat::kJson:
      std::cout << amicus::SearchResultsToJson(results) << "\n";
      break;
    case amicus::cli::OutputFormat::kJsonl:
      for (const amicus::Hit& h : results.hits) std::cout << amicus::HitToJson(h) << "\n";
      break;
    case amicus::cli::OutputFormat::kCsv:
      PrintCsv(results);
      break;
    case amicus::cli::OutputFormat::kText:
      PrintText(results, color);
      break;
  }
  return 0;
}
