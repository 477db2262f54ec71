// Helpers shared by the reliability tests: running the real tools as child
// processes, temporary folders, reading an amicus database directly with
// Xapian (the database is a standard Xapian database, docs/schema.md).
//
// Header-only and test-only. Not thread-safe unless a function says so.
#ifndef AMICUS_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
#define AMICUS_TESTS_RELIABILITY_RELIABILITY_UTIL_H_

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/document_builder.h"

namespace amicus::testing {

inline const std::string& BinDir() {
  static const std::string dir = AMICUS_BINARY_DIR;
  return dir;
}
inline std::string Tool(const std::string& name) { return BinDir() + "/" + name; }
inline std::string TestData(const std::string& rel) { return std::string(AMICUS_TEST_DATA) + "/" + rel; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// A fresh folder under the system temp dir, removed at destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("amicus-rel-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return (path_ / rel).string(); }

 private:
  std::filesystem::path path_;
};

// A child process whose stdout and stderr go to files.
class Child {
 public:
  // Starts argv[0] (a path, or a name looked up on PATH) with argv. Thread-safe (fork/exec only).
  Child(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file)
      : out_file_(out_file), err_file_(err_file) {
    pid_ = ::fork();
    if (pid_ == 0) {
      int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out >= 0) ::dup2(out, 1);
      if (err >= 0) ::dup2(err, 2);
      int null_in = ::open("/dev/null", O_RDONLY);
      if (null_in >= 0) ::dup2(null_in, 0);
      std::vector<char*> args;
      for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execvp(args[0], args.data());  // a path, or a tool on PATH (xapian-check)
      ::_exit(127);
    }
  }
  ~Child() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      Wait();
    }
  }
  pid_t pid() const { return pid_; }
  // True once the child has ended (does not block).
  bool Done() {
    if (reaped_) return true;
    int raw = 0;
    if (::waitpid(pid_, &raw, WNOHANG) == pid_) {
      Record(raw);
      return true;
    }
    return false;
  }
  // Waits for the end; returns the exit status, or 128+signal.
  int Wait() {
    if (!reaped_) {
      int raw = 0;
      while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
      }
      Record(raw);
    }
    return status_;
  }
  void Kill() {
    if (!reaped_) ::kill(pid_, SIGKILL);
    Wait();
  }
  std::string out() const { return ReadFile(out_file_); }
  std::string err() const { return ReadFile(err_file_); }

 private:
  void Record(int raw) {
    reaped_ = true;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
  }
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = -1;
  std::string out_file_, err_file_;
};

struct RunResult {
  int status = -1;
  std::string out, err;
};

// Runs a tool to the end. `scratch` holds the output files.
inline RunResult RunTool(const std::vector<std::string>& argv, const TempDir& scratch) {
  static std::atomic<int> counter{0};
  const int n = counter++;
  Child c(argv, scratch / ("out-" + std::to_string(n)), scratch / ("err-" + std::to_string(n)));
  RunResult r;
  r.status = c.Wait();
  r.out = c.out();
  r.err = c.err();
  return r;
}

// One stored release, as amicus-index stored it (document data, JSON).
struct StoredRelease {
  std::string id, title, text, published;
};

// Every release in the database, by id; a repeated id shows as count > 1 in
// `id_counts`. Returns false (and sets *error) when the database cannot be
// read or a document's data is not a complete stored release.
inline bool ReadDatabase(const std::string& db_path, std::map<std::string, StoredRelease>* releases,
                         std::map<std::string, int>* id_counts, std::string* error) {
  try {
    Xapian::Database db(db_path);
    for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      amicus::internal::StoredDocument stored;
      if (!amicus::internal::ParseStoredFields(doc.get_data(), &stored) || stored.id.empty() ||
          doc.get_data().find('\n') == std::string::npos) {
        *error = "document " + std::to_string(*it) + " has incomplete stored data: " + doc.get_data().substr(0, 200);
        return false;
      }
      StoredRelease r;
      r.id = stored.id;
      r.title = stored.title;
      r.text = stored.text;
      r.published = stored.published;
      // The id term must be on the document, or replace-by-id cannot work.
      Xapian::TermIterator t = doc.termlist_begin();
      t.skip_to("Q" + r.id);
      const bool has_id_term = t != doc.termlist_end() && *t == "Q" + r.id;
      if (!has_id_term) {
        *error = "document " + std::to_string(*it) + " (id " + r.id + ") has no id term";
        return false;
      }
      ++(*id_counts)[r.id];
      (*releases)[r.id] = std::move(r);
    }
  } catch (const Xapian::Error& e) {
    *error = e.get_description();
    return false;
  }
  return true;
}

inline std::set<std::string> IdsIn(const std::string& db_path) {
  std::map<std::string, StoredRelease> releases;
  std::map<std::string, int> counts;
  std::string error;
  std::set<std::string> ids;
  if (!ReadDatabase(db_path, &releases, &counts, &error)) {
    ADD_FAILURE() << db_path << ": " << error;
    return ids;
  }
  for (const auto& kv : counts) {
    EXPECT_EQ(kv.second, 1) << "id " << kv.first << " stored " << kv.second << " times";
    ids.insert(kv.first);
  }
  return ids;
}

// Document count, or -1 when the database cannot be opened (yet).
inline long DocCount(const std::string& db_path) {
  try {
    Xapian::Database db(db_path);
    return static_cast<long>(db.get_doccount());
  } catch (const Xapian::Error&) {
    return -1;
  }
}

// The lines of tests/data/releases.jsonl, parsed.
inline std::vector<nlohmann::json> SampleReleases() {
  std::vector<nlohmann::json> out;
  std::ifstream in(TestData("releases.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

// A valid JSONL line: sample release `n` (mod the sample size) under a new id.
inline std::string ValidLine(const std::string& id, std::size_t n = 0) {
  static const std::vector<nlohmann::json> samples = SampleReleases();
  nlohmann::json j = samples[n % samples.size()];
  j["id"] = id;
  if (j.contains("gold")) j.erase("gold");
  return j.dump() + "\n";
}

}  // namespace amicus::testing

#endif  // AMICUS_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
