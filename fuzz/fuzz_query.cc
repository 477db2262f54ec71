// Fuzz target: the query parser and searcher (amicus::Searcher::Search) on a
// small database built once, at startup, in a temp dir from a few releases
// written here (so the fuzzer needs no files). The first byte picks sort
// order, facets, pagination and more-like-this; the rest is the query.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "amicus/index.h"
#include "amicus/release.h"
#include "amicus/search.h"

namespace {

amicus::Release Make(const char* id, const char* title, const char* published, const char* org, const char* text) {
  amicus::Release r;
  r.id = id;
  r.title = title;
  r.published = published;
  r.organization = org;
  r.text = text;
  return r;
}

std::string BuildDatabase() {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("amicus-fuzz-query-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "db").string();
  std::unique_ptr<amicus::IndexWriter> w;
  if (!amicus::IndexWriter::Open(path, {}, &w).ok()) std::abort();
  const amicus::Release releases[] = {
      Make("q1", "Mayor Mamdani Signs Executive Order 9 on Sanctuary Protections", "2026-01-20",
           "NYC Office of the Mayor",
           "New York, NY—Today, Mayor Zohran Mamdani signed Executive Order 9, which bars U.S. Immigration and "
           "Customs Enforcement (ICE) from non-public areas of city facilities without a judicial warrant.\n\n"
           "The Department of Investigation will publish reports beginning April 30, 2026. The city adds "
           "$4.5 million for legal services in FY2027."),
      Make("q2", "Coalition Hails Passage of Courthouse Protection Bill", "2026-03-03", "Upstate Justice Alliance",
           "ALBANY, N.Y. (March 3, 2026) — Immigrant advocates celebrated passage of the Protect Our Courts Act, "
           "which bars civil immigration arrests at state courthouses.\n\n“Nobody should be afraid,” said Ana "
           "Reyes, director of the Upstate Justice Alliance. Gov. Kathy Hochul has ten days to sign it."),
      Make("q3", "Defensores denuncian condiciones en el centro de detención", "2025-11-12", "Make the Road New York",
           "NUEVA YORK — Defensores de inmigrantes denunciaron el martes las condiciones en el centro de detención "
           "de Batavia. “Las familias esperan meses”, dijo María López. La ciudad destinó 2 millones de dólares."),
      Make("q4", "State Budget Falls Short for Immigrant Families", "2026-04-02", "Western New York Refugee Network",
           "BUFFALO, N.Y. – Advocates said Friday that the enacted state budget falls short: $72.4 million for the "
           "Office for New Americans and $48 million for the Immigrant Legal Services Fund."),
  };
  for (const amicus::Release& r : releases) {
    if (!w->Add(r).ok()) std::abort();
  }
  if (!w->Commit().ok()) std::abort();
  w.reset();
  // Removed at exit, so repeated runs do not fill the temp dir.
  static const std::filesystem::path cleanup = dir;
  std::atexit([] { std::error_code ec; std::filesystem::remove_all(cleanup, ec); });
  return path;
}

amicus::Searcher& TheSearcher() {
  static std::unique_ptr<amicus::Searcher> searcher = [] {
    std::unique_ptr<amicus::Searcher> s;
    if (!amicus::Searcher::Open({BuildDatabase()}, &s).ok()) std::abort();
    return s;
  }();
  return *searcher;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  amicus::Searcher& searcher = TheSearcher();
  const unsigned char mode = size > 0 ? data[0] : 0;
  amicus::SearchRequest req;
  if (size > 0) req.query.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  req.sort = static_cast<amicus::SortOrder>(mode % 3);
  req.facets = mode & 4;
  req.offset = (mode & 8) ? 1 : 0;
  req.limit = (mode & 16) ? 1 : 10;
  req.snippet_bytes = (mode & 32) ? 8 : 240;
  if (mode & 64) req.like_id = "q1";
  req.collapse_duplicates = !(mode & 128);
  amicus::SearchResults res;
  amicus::Status s = searcher.Search(req, &res);
  if (s.ok()) {
    if (res.hits.size() > req.limit) std::abort();
    for (const amicus::Hit& h : res.hits) {
      if (h.id.empty() || h.title.empty()) std::abort();
    }
    (void)amicus::SearchResultsToJson(res);
  } else if (s.message().empty()) {
    std::abort();  // errors must say what is wrong
  }
  return 0;
}
