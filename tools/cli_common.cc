#include "cli_common.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "amicus/extract.h"

namespace amicus::cli {

void AddDatabaseOptions(po::options_description* desc, std::vector<std::string>* db_paths) {
  desc->add_options()("db", po::value(db_paths)->value_name("PATH"),
                      "database (default: $AMICUS_DB, else ./amicus.db)");
}

std::vector<std::string> DatabasePaths(const std::vector<std::string>& given) {
  if (!given.empty()) return given;
  const char* env = std::getenv("AMICUS_DB");
  if (env != nullptr && *env != '\0') return {env};
  return {"amicus.db"};
}

void AddRemoteOptions(po::options_description* desc, std::vector<std::string>* remotes) {
  desc->add_options()("remote", po::value(remotes)->value_name("HOST:PORT"),
                      "a database served by xapian-tcpsrv, searched with the --db ones as one collection "
                      "(repeatable; without --db only the remote ones are searched)");
}

std::vector<std::string> SearchPaths(const std::vector<std::string>& given, const std::vector<std::string>& remotes) {
  if (given.empty() && !remotes.empty()) return {};
  return DatabasePaths(given);
}

void AddInputOptions(po::options_description* desc, IngestOptions* options, std::string* format) {
  desc->add_options()
      ("published", po::value(&options->default_published)->value_name("DATE"),
       "publication date (YYYY-MM-DD) for releases whose input has none, such as text "
       "archives; anchors relative dates like \"today\"")
      ("input-format", po::value(format)->default_value("auto")->value_name("FMT"),
       "input format: auto (by extension, else content), jsonl, text, html")
      ("strict", po::bool_switch(&options->strict), "stop at the first bad input instead of skipping it");
}

bool UseCanonicalPublishers(const std::string& tool, IngestOptions* options) {
  std::unique_ptr<Extractor> extractor;
  Status s = Extractor::Create(&extractor);
  if (!s.ok()) {
    std::cerr << tool << ": " << s.ToString() << "\n";
    return false;
  }
  std::shared_ptr<const Extractor> shared(std::move(extractor));
  options->canonical_publisher = [shared](std::string_view name, std::string_view url) {
    return shared->CanonicalOrganization(name, url);
  };
  return true;
}

bool FinishInputOptions(const std::string& tool, const std::string& format, IngestOptions* options) {
  if (format == "auto") {
    options->format = InputFormat::kAuto;
  } else if (format == "jsonl") {
    options->format = InputFormat::kJsonl;
  } else if (format == "text") {
    options->format = InputFormat::kTextArchive;
  } else if (format == "html") {
    options->format = InputFormat::kHtml;
  } else {
    std::cerr << tool << ": --input-format " << format << ": unknown format; use auto, jsonl, text or html\n";
    return false;
  }
  const std::string& d = options->default_published;
  bool ok = d.empty() || (d.size() == 10 && d[4] == '-' && d[7] == '-');
  for (std::size_t i = 0; ok && i < d.size(); ++i) {
    if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9')) ok = false;
  }
  if (!ok) {
    std::cerr << tool << ": --published " << d << ": not a date; use YYYY-MM-DD\n";
    return false;
  }
  return true;
}

int ParseCommandLine(const std::string& tool, int argc, char** argv, const po::options_description& visible,
                     const po::options_description& all, const po::positional_options_description& positional,
                     const std::string& usage, const std::string& epilog, po::variables_map* vm) {
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), *vm);
    if (vm->count("help")) {
      std::cout << "Usage: " << usage << "\n\n" << visible << "\n" << epilog;
      return 0;
    }
    po::notify(*vm);
  } catch (const po::error& e) {
    std::cerr << tool << ": " << e.what() << "\nTry '" << tool << " --help'.\n";
    return 2;
  }
  return -1;
}

int ParseCommandLine(const std::string& tool, int argc, char** argv, const po::options_description& visible,
                     const char* name, std::vector<std::string>* values, const std::string& usage,
                     const std::string& epilog, po::variables_map* vm) {
  po::options_description all;
  all.add(visible).add_options()(name, po::value(values));
  po::positional_options_description positional;
  positional.add(name, -1);
  return ParseCommandLine(tool, argc, argv, visible, all, positional, usage, epilog, vm);
}

bool ParseOutputFormat(const std::string& tool, const std::string& value, OutputFormat* out) {
  if (value == "text") {
    *out = OutputFormat::kText;
  } else if (value == "json") {
    *out = OutputFormat::kJson;
  } else if (value == "jsonl") {
    *out = OutputFormat::kJsonl;
  } else if (value == "csv") {
    *out = OutputFormat::kCsv;
  } else {
    std::cerr << tool << ": --format " << value << ": unknown output format; use text, json, jsonl or csv\n";
    return false;
  }
  return true;
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

bool UseColor() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace amicus::cli
