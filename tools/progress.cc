#include "progress.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace amicus::cli {
namespace {

std::uint64_t SizeOf(const std::string& path) {
  std::error_code ec;
  if (path == "-") return 0;
  if (std::filesystem::is_directory(path, ec)) {
    std::uint64_t total = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
    return total;
  }
  std::uint64_t size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

std::string Clock(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

Progress::Progress(const std::string& tool, const std::vector<std::string>& inputs, bool terminal,
                   double interval_seconds)
    : tool_(tool), terminal_(terminal), interval_(terminal ? 0.1 : interval_seconds) {
  for (const std::string& in : inputs) total_bytes_ += SizeOf(in);
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void Progress::Release(const std::string& source, std::uint64_t approx_bytes) {
  if (source != current_source_) {
    done_bytes_ += current_size_;
    current_source_ = source;
    current_size_ = SizeOf(source);
    current_bytes_ = 0;
  }
  current_bytes_ += approx_bytes;
  if (current_size_ > 0 && current_bytes_ > current_size_) current_bytes_ = current_size_;
  ++releases_;
  Draw(false);
}

void Progress::Draw(bool force) {
  auto now = std::chrono::steady_clock::now();
  double since_draw = std::chrono::duration<double>(now - last_draw_).count();
  if (!force && since_draw < interval_) return;
  last_draw_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double rate = elapsed > 0 ? releases_ / elapsed : 0;
  double fraction = -1;
  if (total_bytes_ > 0) {
    fraction = static_cast<double>(done_bytes_ + current_bytes_) / static_cast<double>(total_bytes_);
    if (fraction > 1) fraction = 1;
  }
  char line[256];
  if (terminal_) {
    std::string bar;
    if (fraction >= 0) {
      const int width = 24;
      int filled = static_cast<int>(fraction * width);
      bar = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] ";
      std::snprintf(line, sizeof line, "\r%s%3.0f%%  %llu releases  %.0f/s  %s left   ", bar.c_str(),
                    fraction * 100, static_cast<unsigned long long>(releases_), rate,
                    fraction > 0.001 ? Clock(elapsed / fraction - elapsed).c_str() : "?");
    } else {
      std::snprintf(line, sizeof line, "\r%llu releases  %.0f/s   ", static_cast<unsigned long long>(releases_),
                    rate);
    }
    std::cerr << line << std::flush;
    drawn_ = true;
  } else {
    if (fraction >= 0) {
      std::snprintf(line, sizeof line, "%s: %llu releases (%.0f/s), %.0f%% of the input, about %s left\n",
                    tool_.c_str(), static_cast<unsigned long long>(releases_), rate, fraction * 100,
                    fraction > 0.001 ? Clock(elapsed / fraction - elapsed).c_str() : "?");
    } else {
      std::snprintf(line, sizeof line, "%s: %llu releases (%.0f/s)\n", tool_.c_str(),
                    static_cast<unsigned long long>(releases_), rate);
    }
    std::cerr << line << std::flush;
  }
}

void Progress::Finish() {
  if (terminal_ && drawn_) std::cerr << "\r" << std::string(78, ' ') << "\r" << std::flush;
}

}  // namespace amicus::cli
