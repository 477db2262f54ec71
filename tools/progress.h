// Progress of a long indexing run, on stderr: a bar redrawn in place on a
// terminal (releases, releases per second, share of the input, time left),
// and on anything else one plain line at most every `interval` seconds, so a
// log file is not flooded.
#ifndef AMICUS_TOOLS_PROGRESS_H_
#define AMICUS_TOOLS_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace amicus::cli {

class Progress {
 public:
  // `inputs` as given on the command line: their sizes make the total.
  Progress(const std::string& tool, const std::vector<std::string>& inputs, bool terminal,
           double interval_seconds = 30.0);

  // One more release read from `source`; `approx_bytes` is about how much
  // of the input it took.
  void Release(const std::string& source, std::uint64_t approx_bytes);

  // Clears the bar (on a terminal) before the summary is printed.
  void Finish();

  std::uint64_t releases() const { return releases_; }

 private:
  void Draw(bool force);
  std::string tool_;
  bool terminal_;
  double interval_;
  std::uint64_t total_bytes_ = 0;      // 0 when unknown (standard input)
  std::uint64_t done_bytes_ = 0;       // files already finished
  std::uint64_t current_bytes_ = 0;    // estimate within the current file
  std::uint64_t current_size_ = 0;
  std::string current_source_;
  std::uint64_t releases_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace amicus::cli

#endif  // AMICUS_TOOLS_PROGRESS_H_
