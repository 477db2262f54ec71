// Option groups and helpers shared by the amicus command-line tools, so the
// same flag means the same thing in every tool. Uses only the public API.
#ifndef AMICUS_TOOLS_CLI_COMMON_H_
#define AMICUS_TOOLS_CLI_COMMON_H_

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "amicus/ingest.h"

namespace amicus::cli {

namespace po = boost::program_options;

// --db PATH (default: $AMICUS_DB, else ./amicus.db).
void AddDatabaseOptions(po::options_description* desc, std::vector<std::string>* db_paths);
// The database paths after parsing: the --db values, else the default.
std::vector<std::string> DatabasePaths(const std::vector<std::string>& given);

// --remote HOST:PORT (repeatable): databases served by xapian-tcpsrv.
void AddRemoteOptions(po::options_description* desc, std::vector<std::string>* remotes);
// The paths to search beside `remotes`: the --db values; else none when
// remotes are given (a remote-only search), else the default.
std::vector<std::string> SearchPaths(const std::vector<std::string>& given, const std::vector<std::string>& remotes);

// --published DATE, --input-format auto|jsonl|text|html, --strict
void AddInputOptions(po::options_description* desc, IngestOptions* options, std::string* format);
// Checks and applies --input-format and --published; returns false after printing
// a message to stderr when a value is not valid.
bool FinishInputOptions(const std::string& tool, const std::string& format, IngestOptions* options);
// Names the publishers of HTML pages canonically through the compiled-in
// knowledge (Extractor::CanonicalOrganization). False, with a message on
// stderr, when the knowledge cannot be loaded.
bool UseCanonicalPublishers(const std::string& tool, IngestOptions* options);

// Parses argv; prints the error with a hint to stderr and returns 2 on a
// bad command line, 0 when --help was printed, -1 to go on.
int ParseCommandLine(const std::string& tool, int argc, char** argv, const po::options_description& visible,
                     const po::options_description& all, const po::positional_options_description& positional,
                     const std::string& usage, const std::string& epilog, po::variables_map* vm);

// ParseCommandLine for a tool whose positional arguments (every one, in
// order) go to `values` under the hidden option `name`.
int ParseCommandLine(const std::string& tool, int argc, char** argv, const po::options_description& visible,
                     const char* name, std::vector<std::string>* values, const std::string& usage,
                     const std::string& epilog, po::variables_map* vm);

// Output formats shared by the tools: --format text|json|jsonl|csv.
enum class OutputFormat { kText, kJson, kJsonl, kCsv };
// Parses a --format value; false (after a message on stderr) when unknown.
bool ParseOutputFormat(const std::string& tool, const std::string& value, OutputFormat* out);

// One CSV field, quoted when it needs to be (RFC 4180).
std::string CsvField(const std::string& value);

// Whether to colour stdout: a terminal, and NO_COLOR not set (no-color.org).
bool UseColor();

}  // namespace amicus::cli

#endif  // AMICUS_TOOLS_CLI_COMMON_H_
