// Index a JSONL file of releases and run one query, through the public API.
//   index_and_search DB RELEASES.jsonl QUERY
#include <iostream>

#include <amicus/amicus.h>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: index_and_search DB RELEASES.jsonl QUERY\n";
    return 2;
  }
  std::unique_ptr<amicus::IndexWriter> writer;
  amicus::Status s = amicus::IndexWriter::Open(argv[1], {}, &writer);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  s = amicus::ReadReleases(
      {argv[2]}, {},
      [&](amicus::Release&& r) { return writer->Add(r).ok(); },
      [](const amicus::IngestProblem& p) { std::cerr << p.ToString() << "\n"; });
  if (s.ok()) s = writer->Commit();
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  writer.reset();  // release the write lock

  std::unique_ptr<amicus::Searcher> searcher;
  amicus::SearchRequest request;
  request.query = argv[3];
  amicus::SearchResults results;
  s = amicus::Searcher::Open({argv[1]}, &searcher);
  if (s.ok()) s = searcher->Search(request, &results);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cout << results.total << " releases match \"" << request.query << "\"\n";
  for (const amicus::Hit& hit : results.hits) {
    std::cout << hit.rank << ". [" << hit.published << "] " << hit.title << " (" << hit.id << ")\n";
  }
  return results.total > 0 ? 0 : 1;
}
