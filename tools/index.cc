// amicus-index: add or replace releases in an amicus database.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>

#include "amicus/index.h"
#include "amicus/ingest.h"
#include "cli_common.h"
#include "progress.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  const std::string tool = "amicus-index";
  std::vector<std::string> db_paths, inputs;
  std::string format;
  amicus::IngestOptions ingest;
  amicus::IndexOptions index_options;
  bool quiet = false;
  std::string progress_mode = "auto";
  std::string threads = "auto";
  std::string compact = "auto";

  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help");
  amicus::cli::AddDatabaseOptions(&visible, &db_paths);
  amicus::cli::AddInputOptions(&visible, &ingest, &format);
  visible.add_options()
      ("batch-size", po::value(&index_options.batch_size)->default_value(index_options.batch_size),
       "releases per commit")
      ("threads,j", po::value(&threads)->default_value("auto"),
       "analysis threads beside the writers (0: analyse on the calling thread; auto: one per core "
       "not taken by a writer, cores - shards)")
      ("shards", po::value(&index_options.shards)->default_value(index_options.shards)->value_name("N"),
       "spread the releases over N databases written in parallel, in the --db folder with a Xapian stub "
       "file that opens them as one (a sharded database keeps its count; 1 uses what is there)")
      ("compact", po::value(&compact)->default_value("auto"),
       "rewrite the database compactly at the end with Xapian's compaction (about 40% smaller, queries "
       "15-25% faster): auto does it when this run added at least half of the releases it holds, as a "
       "first import does; yes; no")
      ("quiet,q", po::bool_switch(&quiet), "print only problems: no progress, no summary")
      ("progress", po::value(&progress_mode)->default_value("auto"),
       "auto (a bar on a terminal, a line every 30 s otherwise), bar, lines or none");
  po::variables_map vm;
  int rc = amicus::cli::ParseCommandLine(
      tool, argc, argv, visible, "input", &inputs, "amicus-index [--db PATH] [options] INPUT...",
      "Inputs are JSONL files (.jsonl, .ndjson), plain-text press archives (.txt),\n"
      "folders (walked recursively) and - for standard input. A release whose id is\n"
      "already in the database replaces it.\n\n"
      "With --shards N the --db folder holds N databases (shard-00 ...) and a Xapian\n"
      "stub file, XAPIANDB, listing them: amicus-search --db, xapian-delve and Xapian's\n"
      "bindings open the folder as one database. Each shard can be served from its own\n"
      "machine with xapian-tcpsrv and searched with amicus-search --remote HOST:PORT.\n\n"
      "Exit status: 0 when every release was indexed, 1 when some input was skipped or\n"
      "could not be indexed, 2 on a bad command line.\n",
      &vm);
  if (rc >= 0) return rc;
  if (inputs.empty()) {
    std::cerr << tool << ": no input given; name JSONL files, text archives, folders or -\nTry '" << tool
              << " --help'.\n";
    return 2;
  }
  if (!amicus::cli::FinishInputOptions(tool, format, &ingest)) return 2;
  if (compact != "auto" && compact != "yes" && compact != "no") {
    std::cerr << tool << ": --compact " << compact << ": use auto, yes or no\n";
    return 2;
  }
  std::vector<std::string> paths = amicus::cli::DatabasePaths(db_paths);
  if (paths.size() != 1) {
    std::cerr << tool << ": give one --db to write to\n";
    return 2;
  }

  if (threads != "auto") {
    char* end = nullptr;
    errno = 0;
    unsigned long n = std::strtoul(threads.c_str(), &end, 10);
    if (threads.empty() || *end != '\0' || errno != 0 || n > 256 || threads[0] == '-') {
      std::cerr << tool << ": --threads " << threads << ": give a number from 0 to 256, or auto\n";
      return 2;
    }
    index_options.threads = static_cast<std::uint32_t>(n);
  }
  if (progress_mode != "auto" && progress_mode != "bar" && progress_mode != "lines" && progress_mode != "none") {
    std::cerr << tool << ": --progress " << progress_mode << ": use auto, bar, lines or none\n";
    return 2;
  }
  const bool show_progress = !quiet && progress_mode != "none";
  const bool bar = progress_mode == "bar" || (progress_mode == "auto" && isatty(STDERR_FILENO));
  amicus::cli::Progress progress(tool, inputs, bar);

  if (!amicus::cli::UseCanonicalPublishers(tool, &ingest)) return 1;
  std::unique_ptr<amicus::IndexWriter> writer;
  amicus::Status s = amicus::IndexWriter::Open(paths[0], index_options, &writer);
  if (!s.ok()) {
    std::cerr << tool << ": " << s.ToString() << "\n";
    return 1;
  }
  std::uint64_t added = 0, replaced = 0, skipped = 0, errors = 0, duplicates = 0;
  bool stop = false;  // --strict and a problem: stop reading
  // Runs in input order once a release is written (or has failed).
  auto on_written = [&](const amicus::Release& r, const amicus::Status& st, amicus::AddOutcome outcome) {
    const std::string where = r.source + (r.line ? ":" + std::to_string(r.line) : "");
    if (!st.ok()) {
      if (bar && show_progress) progress.Finish();
      std::cerr << tool << ": " << where << ": release " << r.id << " not indexed: " << st.ToString() << "\n";
      ++errors;
      if (ingest.strict) stop = true;
      return;
    }
    switch (outcome) {
      case amicus::AddOutcome::kAdded: ++added; break;
      case amicus::AddOutcome::kReplaced: ++replaced; break;
      case amicus::AddOutcome::kDuplicate:
        ++duplicates;
        if (bar && show_progress) progress.Finish();
        std::cerr << tool << ": " << where << ": release id " << r.id
                  << " was already given earlier in this run; this copy replaced it (give every release its own id)\n";
        if (ingest.strict) stop = true;
        break;
    }
  };
  amicus::Status write_error;
  auto on_release = [&](amicus::Release&& r) {
    if (show_progress) {
      progress.Release(r.source, r.title.size() + r.text.size() + r.organization.size() + r.url.size() +
                                     r.id.size() + r.published.size() + 80);
    }
    amicus::Status st = writer->Add(std::move(r), on_written);
    // --strict stops before the next release: write this one first, so a
    // problem found while writing it (a repeated id) is known now.
    if (st.ok() && ingest.strict) st = writer->Flush();
    if (!st.ok()) {
      write_error = st;  // the database cannot be written any more
      return false;
    }
    return !stop;
  };
  auto on_problem = [&](const amicus::IngestProblem& p) {
    if (bar && show_progress) progress.Finish();
    std::cerr << tool << ": " << p.ToString() << "\n";
    ++skipped;
  };
  s = amicus::ReadReleases(inputs, ingest, on_release, on_problem);
  amicus::Status committed = writer->Commit();
  if (show_progress) progress.Finish();
  if (committed.ok() && (compact == "yes" || (compact == "auto" && added > 0 && 2 * added >= writer->size()))) {
    if (!quiet) std::cerr << tool << ": compacting " << paths[0] << "\n";
    committed = writer->Compact();
  }
  if (!write_error.ok()) {
    std::cerr << tool << ": " << write_error.ToString() << "\n";
    ++errors;
  }
  if (!committed.ok()) {
    std::cerr << tool << ": " << committed.ToString() << "\n";
    ++errors;
  }
  if (!s.ok()) {
    std::cerr << tool << ": stopped: " << s.ToString() << "\n";
  } else if (stop) {
    std::cerr << tool << ": stopped at the first problem (--strict); the rest of the input was not read\n";
  }
  if (!quiet) {
    std::cerr << tool << ": " << added << " added, " << replaced << " replaced, " << skipped << " skipped, "
              << errors << " errors";
    if (duplicates) std::cerr << ", " << duplicates << " repeated ids";
    std::cerr << "; " << paths[0] << " holds " << writer->size() << " releases";
    if (writer->shards() > 1) std::cerr << " in " << writer->shards() << " shards";
    std::cerr << "\n";
  }
  return (skipped || errors || duplicates || !s.ok()) ? 1 : 0;
}
