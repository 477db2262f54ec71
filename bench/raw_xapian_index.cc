// raw_xapian_index: the minimal Xapian 1.4 indexer of issue 8, the baseline
// amicus-index is measured against (scripts/bench.sh).
//
// Per release (one {"id","meta":{"title",...},"text"} JSON object a line):
// parse with nlohmann, index the title (unprefixed and with Xapian's
// conventional title prefix "S", so that `title:word` works) and the body
// with a TermGenerator (English stemmer, STEM_SOME, positions), keep the
// JSON line as document data (what Xapian's simpleindex example does: the
// hit can be shown without another store), and replace_document() by the
// unique id term "Q"+id. A commit every --commit releases (default 1000, the
// fastest setting measured in issue 8).
//
//   raw_xapian_index --db DIR [--commit N] [--data json|none] CORPUS.jsonl|-
//
// Prints one summary line on stdout, key=value, for scripts/bench.sh:
//   releases=N text_bytes=B seconds=S releases_per_s=R text_mb_per_s=M
// text_bytes counts title + body bytes, the basis of every MB/s figure in
// bench/README.md.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace {

int Usage() {
  std::cerr << "usage: raw_xapian_index --db DIR [--commit N] [--data json|none] CORPUS.jsonl|-\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, input;
  unsigned long commit_every = 1000;
  bool store_json = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db_path = argv[++i];
    } else if (a == "--commit" && i + 1 < argc) {
      commit_every = std::strtoul(argv[++i], nullptr, 10);
      if (commit_every == 0) commit_every = 1;
    } else if (a == "--data" && i + 1 < argc) {
      std::string d = argv[++i];
      if (d != "json" && d != "none") return Usage();
      store_json = d == "json";
    } else if (a == "-h" || a == "--help") {
      Usage();
      return 0;
    } else if (input.empty()) {
      input = a;
    } else {
      return Usage();
    }
  }
  if (db_path.empty() || input.empty()) return Usage();

  std::ifstream file;
  if (input != "-") {
    file.open(input);
    if (!file) {
      std::cerr << "raw_xapian_index: cannot open " << input << "\n";
      return 1;
    }
  }
  std::istream& in = input == "-" ? std::cin : file;

  const auto start = std::chrono::steady_clock::now();
  unsigned long releases = 0, bad = 0;
  unsigned long long text_bytes = 0;
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::string line;
    unsigned long pending = 0;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("id")) {
        ++bad;
        continue;
      }
      const std::string id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
      std::string title;
      auto meta = j.find("meta");
      if (meta != j.end() && meta->is_object()) {
        auto t = meta->find("title");
        if (t != meta->end() && t->is_string()) title = t->get<std::string>();
      }
      std::string text;
      auto tx = j.find("text");
      if (tx != j.end() && tx->is_string()) text = tx->get<std::string>();

      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(title, 1, "S");
      tg.index_text(title);
      tg.increase_termpos();
      tg.index_text(text);
      if (store_json) doc.set_data(line);
      const std::string id_term = "Q" + id;
      doc.add_boolean_term(id_term);
      db.replace_document(id_term, doc);
      text_bytes += title.size() + text.size();
      ++releases;
      if (++pending >= commit_every) {
        db.commit();
        pending = 0;
      }
    }
    db.commit();
  } catch (const Xapian::Error& e) {
    std::cerr << "raw_xapian_index: " << e.get_description() << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("releases=%lu text_bytes=%llu seconds=%.3f releases_per_s=%.1f text_mb_per_s=%.3f bad_lines=%lu\n",
              releases, text_bytes, seconds, releases / seconds, text_bytes / 1e6 / seconds, bad);
  return 0;
}
