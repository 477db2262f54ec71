// ingest/text_archive_reader.cc — plain-text press archives: releases copied
// from a press page, one after the other, with no separator.
//
// A release starts where a dateline paragraph ("BUFFALO, N.Y. – ...") follows
// a title line, optionally with a deck (one-paragraph summary) and extras
// ("Photo and video available here", "FOR IMMEDIATE RELEASE", a date) in
// between. Looking back from each dateline at most a few lines decides where
// the previous release ends; a dash-led paragraph that does not follow a
// title-like line (a speaker line, a quote, a bullet) stays in the body.
//
// Release fields:
//   title     the title line
//   text      the dateline paragraph and everything after it up to the next
//             release's title; paragraphs keep their blank-line separation
//             (lines without a blank between them, such as bullet lists,
//             stay joined by a single newline). The deck and the extras are
//             not part of the text: the text starts at the dateline, as in
//             JSONL, which is what the extractor expects.
//   published a full date in the dateline ("(February 10, 2026)",
//             "Jan. 9, 2026") or on its own line between title and dateline;
//             otherwise IngestOptions::default_published.
//   language, organization, url: empty (unknown).
//   id        "<stem>-<NNNN>-<hhhhhhhh>": <stem> is the archive's base name
//             without extension, lower-cased, other than [a-z0-9] runs
//             turned into '-' ("<stdin>" -> "stdin"); <NNNN> the release's
//             1-based position in the archive, zero-padded to 4 digits (more
//             when needed); <hhhhhhhh> the FNV-1a 32-bit hash of the title
//             bytes in lower-case hex. Example: "pressroom-0003-3f9a1c2b".
//             This scheme is part of the index format (re-indexing the same
//             archive must replace, not duplicate): do not change it.
//
// Memory: the lines of the current release, plus at most 16 lines of text
// before the first release.
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/ingest_internal.h"

namespace amicus {
namespace internal {
namespace {

struct Line {
  std::string text;
  std::uint64_t no = 0;
  bool blank_before = false;
};

struct Header {
  std::size_t start = 0;  // first line of the new release's header
  std::size_t title = 0;
  std::string published;  // from a date line between title and dateline
};

// Looks back from the end of lines[lo, end) for the header of a release
// whose dateline comes next.
bool FindHeader(const std::vector<Line>& lines, std::size_t lo, Header* h) {
  constexpr std::size_t kMaxBack = 6;
  const std::size_t hi = lines.size();
  if (hi <= lo) return false;
  const std::size_t floor = hi - lo > kMaxBack ? hi - kMaxBack : lo;
  std::size_t cand[2];
  int n = 0;
  for (std::size_t i = hi; i-- > floor && n < 2;) {
    if (!IsHeaderExtra(lines[i].text, nullptr)) cand[n++] = i;
  }
  if (n == 2 && LooksLikeTitle(lines[cand[1]].text) && LooksLikeDeck(lines[cand[0]].text) &&
      !MatchDateline(lines[cand[1]].text, nullptr)) {
    h->title = cand[1];
  } else if (n >= 1 && LooksLikeTitle(lines[cand[0]].text)) {
    h->title = cand[0];
  } else if (LooksLikeTitle(lines[hi - 1].text)) {
    h->title = hi - 1;  // a title that merely looks like an extra ("Photos: ...")
  } else {
    return false;
  }
  h->start = h->title;
  h->published.clear();
  for (std::size_t i = h->title + 1; i < hi && h->published.empty(); ++i) {
    IsHeaderExtra(lines[i].text, &h->published);
  }
  return true;
}

std::string_view TrimView(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

class ArchiveSplitter {
 public:
  ArchiveSplitter(const std::string& name, const IngestOptions& options, const ReleaseSink& on_release,
                  ProblemReporter* reporter)
      : name_(name), stem_(ArchiveIdStem(name)), options_(options), on_release_(on_release), reporter_(reporter) {}

  // Each returns false when reading must stop.
  bool AddLine(std::string&& raw, std::uint64_t no) {
    if (no == 1 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
    const std::size_t bad = FindInvalidUtf8(raw);
    if (bad != std::string::npos) {
      if (bad_utf8_lines_++ == 0 &&
          !reporter_->Report(name_, no,
                             "invalid UTF-8 at byte " + std::to_string(bad + 1) +
                                 "; the bad bytes were replaced with U+FFFD. Convert the file to UTF-8 "
                                 "(e.g. iconv -f windows-1252 -t utf-8)")) {
        return false;
      }
      raw = RepairUtf8(raw);
    }
    std::string_view t = TrimView(raw);
    if (t.empty()) {
      blank_ = true;
      return true;
    }
    if (t.size() != raw.size()) raw = std::string(t);
    const bool blank_before = blank_;
    blank_ = false;

    Dateline dateline;
    Header header;
    const std::size_t lo = in_release_ ? 1 : 0;  // lines_[0] is the current dateline
    if (MatchDateline(raw, &dateline) && FindHeader(lines_, lo, &header)) {
      std::string title = std::move(lines_[header.title].text);
      const std::uint64_t title_no = lines_[header.title].no;
      lines_.resize(header.start);
      if (in_release_) {
        if (!Emit()) return false;
      } else if (!lines_.empty() || skipped_before_first_ > 0) {
        const std::uint64_t first = skipped_before_first_ > 0 ? first_skipped_no_ : lines_.front().no;
        if (!reporter_->Report(name_, first,
                               "no dateline found: the text from line " + std::to_string(first) + " to line " +
                                   std::to_string(title_no - 1) +
                                   " comes before the first release (a title line followed by a dateline "
                                   "paragraph such as \"BUFFALO, N.Y. — ...\") and was skipped")) {
          return false;
        }
      }
      in_release_ = true;
      ++position_;
      title_ = std::move(title);
      title_no_ = title_no;
      published_ = !dateline.published.empty() ? std::move(dateline.published) : std::move(header.published);
      lines_.clear();
      lines_.push_back(Line{std::move(raw), no, false});
      return true;
    }
    lines_.push_back(Line{std::move(raw), no, blank_before});
    if (!in_release_ && lines_.size() > 16) {
      // Text before any release: keep only what a header could need.
      if (skipped_before_first_++ == 0) first_skipped_no_ = lines_.front().no;
      lines_.erase(lines_.begin());
    }
    return true;
  }

  bool Finish(std::uint64_t last_no) {
    if (bad_utf8_lines_ > 1 && !reporter_->Report(name_, 0,
                                                  std::to_string(bad_utf8_lines_) +
                                                      " lines had invalid UTF-8 in all (the first is reported "
                                                      "above); convert the file to UTF-8")) {
      return false;
    }
    if (in_release_) return Emit();
    if (lines_.empty()) return true;  // empty or blank input: nothing to say
    const std::uint64_t first = skipped_before_first_ > 0 ? first_skipped_no_ : lines_.front().no;
    return reporter_->Report(
        name_, first,
        "no dateline found: no release starts in lines " + std::to_string(first) + "-" + std::to_string(last_no) +
            " (a release is a title line followed by a dateline paragraph such as \"BUFFALO, N.Y. — ...\"); "
            "they were skipped. If this is JSONL, give the file a .jsonl extension");
  }

 private:
  bool Emit() {
    Release r;
    r.id = ArchiveReleaseId(stem_, position_, title_);
    r.title = std::move(title_);
    r.published = published_.empty() ? options_.default_published : std::move(published_);
    std::size_t size = 0;
    for (const Line& l : lines_) size += l.text.size() + 2;
    r.text.reserve(size);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (i > 0) r.text += lines_[i].blank_before ? "\n\n" : "\n";
      r.text += lines_[i].text;
    }
    r.source = name_;
    r.line = title_no_;
    lines_.clear();
    in_release_ = false;
    return !on_release_ || on_release_(std::move(r));
  }

  const std::string& name_;
  const std::string stem_;
  const IngestOptions& options_;
  const ReleaseSink& on_release_;
  ProblemReporter* reporter_;

  std::vector<Line> lines_;
  bool blank_ = false;
  bool in_release_ = false;
  std::uint64_t position_ = 0;
  std::string title_;
  std::uint64_t title_no_ = 0;
  std::string published_;
  std::uint64_t skipped_before_first_ = 0;
  std::uint64_t first_skipped_no_ = 0;
  std::uint64_t bad_utf8_lines_ = 0;
};

}  // namespace

bool ReadTextArchiveStream(std::istream& in, const std::string& name, const IngestOptions& options,
                           const ReleaseSink& on_release, ProblemReporter* reporter) {
  ArchiveSplitter splitter(name, options, on_release, reporter);
  std::string line;
  std::uint64_t no = 0;
  while (std::getline(in, line)) {
    if (!splitter.AddLine(std::move(line), ++no)) return false;
    line.clear();
  }
  if (in.bad() &&
      !reporter->Report(name, no, "read error after this line; the file may be unreadable", Status::Code::kIOError)) {
    return false;
  }
  return splitter.Finish(no);
}

}  // namespace internal

Status ReadTextArchive(std::istream& in, const std::string& name, const IngestOptions& options,
                       const ReleaseSink& on_release, const ProblemSink& on_problem) {
  internal::ProblemReporter reporter(on_problem, options.strict);
  try {
    internal::ReadTextArchiveStream(in, name, options, on_release, &reporter);
  } catch (const std::exception& e) {  // std::bad_alloc: never cross the API
    return Status::Internal(name + ": reading failed: " + e.what());
  }
  return reporter.status();
}

}  // namespace amicus
