// Entities through the public API: extract them from one release, then ask
// an indexed collection who and what is mentioned next to an organization.
//   entity_search DB ORG
// (DB indexed with amicus-index or index_and_search; ORG under any name,
// e.g. ICE, "U.S. Immigration and Customs Enforcement".)
#include <iostream>

#include <amicus/amicus.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: entity_search DB ORG\n";
    return 2;
  }
  // 1. Extraction on a release written here.
  std::unique_ptr<amicus::Extractor> extractor;
  amicus::Status s = amicus::Extractor::Create(&extractor);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  amicus::Release release;
  release.id = "example";
  release.published = "2026-03-02";
  release.text =
      "BUFFALO, N.Y. — Today, Governor Kathy Hochul announced $2.5 million for legal services. "
      "U.S. Immigration and Customs Enforcement (ICE) did not respond.";
  std::cout << amicus::EntitiesToJson(release.id, extractor->Extract(release)) << "\n\n";

  // 2. Filters and facets over the collection.
  std::unique_ptr<amicus::Searcher> searcher;
  s = amicus::Searcher::Open({argv[1]}, &searcher);
  amicus::SearchRequest request;
  request.query = std::string("org:\"") + argv[2] + "\"";
  request.facets = true;
  request.facet_limit = 5;
  amicus::SearchResults results;
  if (s.ok()) s = searcher->Search(request, &results);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cout << results.total << " releases mention " << argv[2] << "\nPeople quoted most often with it:\n";
  for (const amicus::FacetValue& v : results.facets.people) std::cout << "  " << v.count << "  " << v.name << "\n";

  // 3. More like the best hit.
  if (!results.hits.empty()) {
    amicus::SearchRequest like;
    like.like_id = results.hits[0].id;
    like.limit = 3;
    amicus::SearchResults similar;
    s = searcher->Search(like, &similar);
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
    std::cout << "Releases like " << like.like_id << ":\n";
    for (const amicus::Hit& h : similar.hits) std::cout << "  " << h.id << "  " << h.title << "\n";
  }
  return results.total > 0 ? 0 : 1;
}
