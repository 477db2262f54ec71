// ingest/jsonl_reader.cc — JSONL: one release per line.
//
// Accepted records (other keys, such as "gold", are ignored):
//   {"id", "meta": {"title", "published", "organization", "url",
//                   "language" | "lang"}, "text"}
//   {"id", "title", "published", "organization", "url", "text"}   (flat)
// When a field is both in "meta" and at the top level, "meta" wins.
//
// Lines are parsed with nlohmann::json's SAX interface rather than into a
// json DOM: the strings we keep are moved straight out of the parser, the
// ones we do not (e.g. "gold") are never stored, so each line costs one
// parse and no tree. Memory is bounded by the longest line.
#include <istream>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "ingest/ingest_internal.h"

namespace amicus {
namespace internal {
namespace {

using nlohmann::json;

// One field of the record as the parser saw it.
struct Field {
  enum class Kind { kAbsent, kNull, kString, kObject, kOther };
  Kind kind = Kind::kAbsent;
  const char* other = nullptr;  // "a number", "an object", ... for kOther
  std::string value;
};

enum Slot { kId, kTitle, kPublished, kOrganization, kUrl, kLanguage, kLang, kText, kMeta, kNumSlots };

Slot SlotOf(const std::string& key) {
  // Keys are short; a switch on size then compare keeps this cheap.
  switch (key.size()) {
    case 2: return key == "id" ? kId : kNumSlots;
    case 3: return key == "url" ? kUrl : kNumSlots;
    case 4:
      if (key == "text") return kText;
      if (key == "meta") return kMeta;
      if (key == "lang") return kLang;
      return kNumSlots;
    case 5: return key == "title" ? kTitle : kNumSlots;
    case 8: return key == "language" ? kLanguage : kNumSlots;
    case 9: return key == "published" ? kPublished : kNumSlots;
    case 12: return key == "organization" ? kOrganization : kNumSlots;
    default: return kNumSlots;
  }
}

// Collects the fields we want from one line. Depth 1 is the record, depth 2
// inside "meta" is the metadata; everything deeper is skipped.
class RecordSax {
 public:
  Field top[kNumSlots];
  Field meta[kNumSlots];
  const char* top_type = nullptr;  // set when the line is not an object
  std::string error;               // parser's message
  std::size_t error_pos = 0;

  void Reset() {
    for (int i = 0; i < kNumSlots; ++i) {
      top[i].kind = meta[i].kind = Field::Kind::kAbsent;
      top[i].value.clear();
      meta[i].value.clear();
    }
    top_type = nullptr;
    error.clear();
    depth_ = 0;
    in_meta_ = false;
    slot_ = kNumSlots;
  }

  bool null() { return Scalar(Field::Kind::kNull, "null"); }
  bool boolean(bool) { return Scalar(Field::Kind::kOther, "a boolean"); }
  bool number_integer(json::number_integer_t) { return Scalar(Field::Kind::kOther, "a number"); }
  bool number_unsigned(json::number_unsigned_t) { return Scalar(Field::Kind::kOther, "a number"); }
  bool number_float(json::number_float_t, const json::string_t&) { return Scalar(Field::Kind::kOther, "a number"); }
  bool binary(json::binary_t&) { return Scalar(Field::Kind::kOther, "binary data"); }
  bool string(json::string_t& s) {
    if (depth_ == 0) {
      top_type = "a string";
      return false;
    }
    if (Field* f = Target()) {
      if (f == &top[kMeta]) {
        f->kind = Field::Kind::kOther;
        f->other = "a string";
      } else {
        f->kind = Field::Kind::kString;
        f->value.swap(s);  // the parser clears its buffer before the next token
      }
    }
    slot_ = kNumSlots;
    return true;
  }
  bool start_object(std::size_t) {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    if (depth_ == 1 && !in_meta_ && slot_ == kMeta) {
      in_meta_ = true;
      top[kMeta].kind = Field::Kind::kObject;
      slot_ = kNumSlots;
      depth_ = 2;
      return true;
    }
    Other("an object");
    ++depth_;
    return true;
  }
  bool end_object() {
    --depth_;
    if (depth_ == 1 && in_meta_) in_meta_ = false;
    slot_ = kNumSlots;
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ == 0) {
      top_type = "an array";
      return false;
    }
    Other("an array");
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    slot_ = kNumSlots;
    return true;
  }
  bool key(json::string_t& k) {
    if (depth_ == 1 || (depth_ == 2 && in_meta_)) slot_ = SlotOf(k);
    return true;
  }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) {
    error_pos = pos;
    error = ex.what();
    return false;
  }

 private:
  Field* Target() {
    if (slot_ == kNumSlots) return nullptr;
    if (depth_ == 1 && !in_meta_) return slot_ == kMeta ? &top[kMeta] : &top[slot_];
    if (depth_ == 2 && in_meta_) return slot_ == kMeta ? nullptr : &meta[slot_];
    return nullptr;
  }
  void Other(const char* what) {
    if (Field* f = Target()) {
      f->kind = Field::Kind::kOther;
      f->other = what;
    }
    slot_ = kNumSlots;
  }
  bool Scalar(Field::Kind kind, const char* what) {
    if (depth_ == 0) {
      top_type = what;
      return false;
    }
    if (Field* f = Target()) {
      f->kind = kind;
      f->other = what;
    }
    slot_ = kNumSlots;
    return true;
  }

  int depth_ = 0;
  bool in_meta_ = false;
  Slot slot_ = kNumSlots;
};

// "[json.exception.parse_error.101] parse error at line 1, column 15: syntax
// error ..." -> "column 15: syntax error ...".
std::string CleanParseError(const std::string& what) {
  std::string msg = what;
  const std::size_t bracket = msg.find("] ");
  if (msg.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) msg.erase(0, bracket + 2);
  const std::string kAt = "parse error at line 1, ";
  if (msg.rfind(kAt, 0) == 0) msg.erase(0, kAt.size());
  return msg;
}

// Human description of where the field lives.
const char* FieldName(Slot s) {
  switch (s) {
    case kId: return "\"id\"";
    case kTitle: return "\"title\"";
    case kPublished: return "\"published\"";
    case kOrganization: return "\"organization\"";
    case kUrl: return "\"url\"";
    case kLanguage: return "\"language\"";
    case kLang: return "\"lang\"";
    case kText: return "\"text\"";
    default: return "\"meta\"";
  }
}

}  // namespace

bool ReadJsonlStream(std::istream& in, const std::string& name, const IngestOptions& options,
                     const ReleaseSink& on_release, ProblemReporter* reporter) {
  RecordSax sax;
  std::string line;
  std::uint64_t line_no = 0;
  bool first_record = true;
  auto report = [&](std::string message) { return reporter->Report(name, line_no, std::move(message)); };

  while (std::getline(in, line)) {
    ++line_no;
    const bool had_newline = !in.eof();
    if (line_no == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::size_t first = 0;
    while (first < line.size() && (line[first] == ' ' || line[first] == '\t')) ++first;
    if (first == line.size()) continue;  // blank lines carry nothing

    sax.Reset();
    bool parsed = false;
    try {
      parsed = json::sax_parse(line.begin(), line.end(), &sax);
    } catch (const std::exception& e) {  // the SAX path reports through parse_error; belt and braces
      sax.error = e.what();
    }
    if (!parsed) {
      const bool was_first = first_record;
      first_record = false;
      std::string_view trimmed(line.data() + first, line.size() - first);
      if (was_first && (trimmed == "{" || trimmed == "[")) {
        // A pretty-printed JSON document: every further line would fail too.
        reporter->Report(name, line_no,
                         "this looks like a pretty-printed JSON document, not JSONL (one release object per "
                         "line); file skipped. Convert it, e.g. jq -c '.[]' file.json > file.jsonl");
        return !reporter->failed();
      }
      if (sax.top_type != nullptr) {
        if (!report(std::string("not a JSON object (found ") + sax.top_type +
                    "); each line must be one release object {\"id\", \"meta\", \"text\"}; line skipped")) {
          return false;
        }
        continue;
      }
      const std::size_t bad = FindInvalidUtf8(line);
      if (bad != std::string::npos) {
        if (!report("invalid UTF-8 at byte " + std::to_string(bad + 1) +
                    "; line skipped. Convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)")) {
          return false;
        }
        continue;
      }
      if (!had_newline) {
        if (!report("the file looks truncated: the last line has no newline and is not complete JSON (" +
                    CleanParseError(sax.error) + "); re-export or re-download the file")) {
          return false;
        }
        continue;
      }
      if (!report("not valid JSON (" + CleanParseError(sax.error) + "); line skipped")) return false;
      continue;
    }
    first_record = false;

    // Pick each field: meta first, then the top level (flat records).
    auto pick = [&](Slot s) -> Field& {
      return sax.meta[s].kind != Field::Kind::kAbsent ? sax.meta[s] : sax.top[s];
    };
    auto where = [&](Slot s) {
      return std::string(sax.meta[s].kind != Field::Kind::kAbsent ? "meta." : "") + FieldName(s);
    };
    std::string bad;
    if (sax.top[kMeta].kind != Field::Kind::kAbsent && sax.top[kMeta].kind != Field::Kind::kObject &&
        sax.top[kMeta].kind != Field::Kind::kNull) {
      bad = std::string("\"meta\" must be an object, found ") + sax.top[kMeta].other;
    }
    // Required strings.
    for (Slot s : {kId, kTitle, kText}) {
      if (!bad.empty()) break;
      Field& f = s == kTitle ? pick(s) : sax.top[s];
      if (f.kind == Field::Kind::kAbsent || f.kind == Field::Kind::kNull) {
        bad = std::string("missing ") + FieldName(s) + (s == kTitle ? " (in \"meta\" or at the top level)" : "");
      } else if (f.kind != Field::Kind::kString) {
        bad = where(s) + " must be a string, found " + f.other;
      } else if (s == kId && f.value.empty()) {
        bad = "\"id\" is empty";
      }
    }
    // Optional strings.
    for (Slot s : {kPublished, kOrganization, kUrl, kLanguage, kLang}) {
      if (!bad.empty()) break;
      Field& f = pick(s);
      if (f.kind == Field::Kind::kOther) bad = where(s) + " must be a string, found " + f.other;
    }
    Field& published = pick(kPublished);
    if (bad.empty() && published.kind == Field::Kind::kString && !published.value.empty()) {
      // Accept a full timestamp ("2026-01-20T09:30:00Z"): keep its day.
      if (published.value.size() > 10 && published.value[10] == 'T') published.value.resize(10);
      std::string why;
      if (!IsValidIsoDate(published.value, &why)) {
        bad = where(kPublished) + " \"" + published.value + "\" is not a real YYYY-MM-DD date (" + why +
              "); write the publication day as YYYY-MM-DD, e.g. 2026-01-20, or leave it out";
      }
    }
    if (!bad.empty()) {
      if (!report(bad + "; line skipped")) return false;
      continue;
    }

    Release r;
    r.id = std::move(sax.top[kId].value);
    r.title = std::move(pick(kTitle).value);
    r.text = std::move(sax.top[kText].value);
    r.published = published.value.empty() ? options.default_published : std::move(published.value);
    r.organization = std::move(pick(kOrganization).value);
    r.url = std::move(pick(kUrl).value);
    Field& language = pick(kLanguage).kind == Field::Kind::kString ? pick(kLanguage) : pick(kLang);
    r.language = std::move(language.value);
    r.source = name;
    r.line = line_no;
    if (on_release && !on_release(std::move(r))) return false;
  }
  if (in.bad()) {
    reporter->Report(name, line_no, "read error after this line; the file may be unreadable or on a failing disk",
                     Status::Code::kIOError);
    return !reporter->failed();
  }
  return true;
}

}  // namespace internal

Status ReadJsonl(std::istream& in, const std::string& name, const IngestOptions& options,
                 const ReleaseSink& on_release, const ProblemSink& on_problem) {
  internal::ProblemReporter reporter(on_problem, options.strict);
  try {
    internal::ReadJsonlStream(in, name, options, on_release, &reporter);
  } catch (const std::exception& e) {  // std::bad_alloc: never cross the API
    return Status::Internal(name + ": reading failed: " + e.what());
  }
  return reporter.status();
}

}  // namespace amicus
