// amicus/status.h — the one error style of libamicus.
//
// Every fallible call in the public API returns a Status (or fills an out
// parameter and returns a Status), in the manner of LevelDB and RE2: the
// library never throws across its public boundary. A Status is a small value:
// cheap to copy, safe to keep, and thread-compatible (distinct objects may be
// used from distinct threads).
//
// Messages are written for the person who reads them: they say what went
// wrong, where (file and line when there is one) and what to do about it.
//
//   amicus::Status s = index.Open("releases.db");
//   if (!s.ok()) { std::cerr << s.ToString() << "\n"; return 1; }
#ifndef AMICUS_STATUS_H_
#define AMICUS_STATUS_H_

#include <string>
#include <utility>

namespace amicus {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller passed something unusable (a bad query, option or date)
    kNotFound,         // a file, database or release that does not exist
    kIOError,          // reading or writing failed (permissions, disk full)
    kCorruption,       // input or database content that cannot be understood
    kLocked,           // another process holds the database's write lock
    kInternal,         // an unexpected failure in a dependency; a bug to report
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Locked(std::string msg) { return Status(Code::kLocked, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or a short code name followed by the message, e.g.
  // "invalid argument: published:2026-13: month must be 01..12".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace amicus

#endif  // AMICUS_STATUS_H_
