// amicus-extract: print the entities of each release as JSON lines.
#include <iostream>

#include "amicus/extract.h"
#include "amicus/ingest.h"
#include "cli_common.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  const std::string tool = "amicus-extract";
  std::vector<std::string> inputs;
  std::string format;
  amicus::IngestOptions ingest;

  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help");
  amicus::cli::AddInputOptions(&visible, &ingest, &format);
  po::options_description all;
  all.add(visible).add_options()("input", po::value(&inputs));
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  int rc = amicus::cli::ParseCommandLine(
      tool, argc, argv, visible, all, positional, "amicus-extract [--published DATE] INPUT...",
      "Prints one JSON object per release: id, dateline, people, organizations,\n"
      "legislation, locations, dates and money (docs/contract.md).\n"
      "Exit status: 0 when every release was read, 1 when some input was skipped,\n"
      "2 on a bad command line.\n",
      &vm);
  if (rc >= 0) return rc;
  if (inputs.empty()) {
    std::cerr << tool << ": no input given; name JSONL files, text archives, folders or -\n";
    return 2;
  }
  if (!amicus::cli::FinishInputOptions(tool, format, &ingest)) return 2;

  std::unique_ptr<amicus::Extractor> extractor;
  amicus::Status s = amicus::Extractor::Create(&extractor);
  if (!s.ok()) {
    std::cerr << tool << ": " << s.ToString() << "\n";
    return 1;
  }
  std::uint64_t problems = 0;
  s = amicus::ReadReleases(
      inputs, ingest,
      [&](amicus::Release&& r) {
        std::cout << amicus::EntitiesToJson(r.id, extractor->Extract(r)) << "\n";
        return true;
      },
      [&](const amicus::IngestProblem& p) {
        std::cerr << tool << ": " << p.ToString() << "\n";
        ++problems;
      });
  if (!s.ok()) std::cerr << tool << ": stopped: " << s.ToString() << "\n";
  return (problems || !s.ok()) ? 1 : 0;
}
