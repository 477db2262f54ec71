// ingest/read_releases.cc — ReadReleases: files, folders and "-", format
// detection (JSONL, text archive, HTML page), and the checks that keep
// non-release files out (binary, images, archives).
//
// Each input is opened once and read as a stream: the first 8 KB are read
// ahead to sniff the format and look for NUL bytes, then handed back in
// front of the rest of the stream (HeadThenRest), so standard input and
// pipes work like files and nothing is read twice.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <streambuf>
#include <string>
#include <vector>

#include "ingest/html_reader.h"
#include "ingest/ingest_internal.h"

namespace amicus {
namespace internal {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSniffBytes = 8192;

// A streambuf that serves `head` first, then the rest of `rest`.
class HeadThenRest : public std::streambuf {
 public:
  HeadThenRest(std::string head, std::streambuf* rest) : head_(std::move(head)), rest_(rest) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    const std::streamsize n = rest_->sgetn(buf_, sizeof buf_);
    if (n <= 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  std::streambuf* rest_;
  char buf_[1 << 16];
};

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool IsNonReleaseExtension(const std::string& ext) {
  static const char* const kSkip[] = {
      "png", "jpg",  "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff", "ico", "heic", "pdf", "zip", "gz",
      "tgz", "bz2",  "xz",   "zst", "7z",   "rar", "tar", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
      "odt", "mp3",  "mp4",  "mov", "avi",  "wav", "m4a", "exe", "dll",  "so",  "o",    "a",   "db",
      "sqlite", "glass", "woff", "woff2", "ttf", "otf", "parquet"};
  for (const char* s : kSkip) {
    if (ext == s) return true;
  }
  return false;
}

class Reader {
 public:
  Reader(const IngestOptions& options, const ReleaseSink& on_release, ProblemReporter* reporter)
      : options_(options), on_release_(on_release), reporter_(reporter) {}

  // Each returns false when reading must stop.
  bool Input(const std::string& input) {
    if (input == "-") return Stream(std::cin, "<stdin>", "");
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      return reporter_->Report(input, 0,
                               "no such file or folder" + (ec && ec != std::errc::no_such_file_or_directory
                                                               ? " (" + ec.message() + ")"
                                                               : std::string()) +
                                   "; check the path",
                               Status::Code::kNotFound);
    }
    if (fs::is_directory(st)) return Folder(input);
    return File(input);
  }

 private:
  bool Folder(const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (!ec && !visited_.insert(canonical.string()).second) return true;  // a symlink loop
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') continue;  // hidden: .git, .DS_Store, editor files
      entries.push_back(it->path());
    }
    if (ec) {
      if (!reporter_->Report(dir.string(), 0, "cannot list folder (" + ec.message() + "); check its permissions",
                             Status::Code::kIOError)) {
        return false;
      }
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
    for (const fs::path& p : entries) {
      std::error_code sec;
      const fs::file_status st = fs::status(p, sec);
      if (sec) continue;  // a dangling symlink: nothing to read
      if (fs::is_directory(st)) {
        if (!Folder(p)) return false;
      } else if (fs::is_regular_file(st)) {
        if (!File(p)) return false;
      }
      // sockets, FIFOs and devices in a folder are not releases; opening a
      // FIFO could block forever.
    }
    return true;
  }

  bool File(const fs::path& path) {
    const std::string name = path.string();
    const std::string ext = LowerExtension(path);
    if (IsNonReleaseExtension(ext)) {
      return reporter_->Report(name, 0,
                               "a ." + ext +
                                   " file is not a press release; skipped (amicus reads .jsonl, .ndjson, "
                                   ".txt press archives and .html pages)",
                               Status::Code::kInvalidArgument);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return reporter_->Report(name, 0, std::string("cannot open (") + std::strerror(errno) + "); check its permissions",
                               Status::Code::kIOError);
    }
    return Stream(in, name, ext);
  }

  bool Stream(std::istream& in, const std::string& name, const std::string& ext) {
    std::string head(kSniffBytes, '\0');
    in.read(&head[0], static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
      return reporter_->Report(name, 0, "read error; the file may be unreadable", Status::Code::kIOError);
    }
    if (head.empty()) {
      return reporter_->Report(name, 0, "empty file; nothing to read (check that the export finished)",
                               Status::Code::kInvalidArgument);
    }
    // A stray NUL inside a known text format is the line reader's business
    // (it reports that line and reads the rest); a file with many NULs, or
    // one of unknown type with any, is not text.
    std::size_t nuls = 0, controls = 0;
    for (unsigned char c : head) {
      if (c == 0) ++nuls;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
    }
    const bool text_extension = ext == "jsonl" || ext == "ndjson" || ext == "txt" || ext == "text";
    const bool utf16 = head.compare(0, 2, "\xFF\xFE") == 0 || head.compare(0, 2, "\xFE\xFF") == 0;
    const bool mostly_text = controls * 100 <= head.size();  // at most 1% control bytes
    if (utf16 || (nuls > 0 && (!text_extension || !mostly_text))) {
      return reporter_->Report(name, 0,
                               utf16 ? "this file is UTF-16 text; skipped. Convert it to UTF-8 "
                                       "(e.g. iconv -f utf-16 -t utf-8)"
                                     : "binary file (NUL bytes in the first 8 KB); skipped. amicus reads "
                                       "UTF-8 text: JSONL or plain-text press archives",
                               Status::Code::kInvalidArgument);
    }
    InputFormat format = options_.format;
    if (format == InputFormat::kAuto) {
      if (ext == "jsonl" || ext == "ndjson") {
        format = InputFormat::kJsonl;
      } else if (ext == "txt" || ext == "text") {
        format = InputFormat::kTextArchive;
      } else if (ext == "html" || ext == "htm" || ext == "xhtml") {
        format = InputFormat::kHtml;
      } else {
        format = SniffFormat(head);
      }
    }
    HeadThenRest buf(std::move(head), in.rdbuf());
    std::istream joined(&buf);
    switch (format) {
      case InputFormat::kJsonl: return ReadJsonlStream(joined, name, options_, on_release_, reporter_);
      case InputFormat::kHtml: return ReadHtmlStream(joined, name, options_, on_release_, reporter_);
      default: return ReadTextArchiveStream(joined, name, options_, on_release_, reporter_);
    }
  }

  static InputFormat SniffFormat(const std::string& head) {
    std::size_t i = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (i < head.size() && head[i] == '{') return InputFormat::kJsonl;
    if (i < head.size() && head[i] == '<' && LooksLikeHtml(head)) return InputFormat::kHtml;
    return InputFormat::kTextArchive;
  }

  // A document that starts with markup and has a doctype, <html>, <head> or
  // <body> tag near the top (an RSS or other XML file does not).
  static bool LooksLikeHtml(const std::string& head) {
    std::string lower(head, 0, std::min<std::size_t>(head.size(), 2048));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("<!doctype html") != std::string::npos || lower.find("<html") != std::string::npos ||
           lower.find("<head") != std::string::npos || lower.find("<body") != std::string::npos;
  }

  const IngestOptions& options_;
  const ReleaseSink& on_release_;
  ProblemReporter* reporter_;
  std::set<std::string> visited_;
};

}  // namespace
}  // namespace internal

Status ReadReleases(const std::vector<std::string>& inputs, const IngestOptions& options,
                    const ReleaseSink& on_release, const ProblemSink& on_problem) {
  internal::ProblemReporter reporter(on_problem, options.strict);
  internal::Reader reader(options, on_release, &reporter);
  try {
    for (const std::string& input : inputs) {
      if (!reader.Input(input)) break;
    }
  } catch (const std::exception& e) {  // std::bad_alloc, filesystem errors: never cross the API
    return Status::Internal(std::string("reading releases failed: ") + e.what());
  }
  return reporter.status();
}

}  // namespace amicus
