// amicus-extract: print the entities of each release as JSON lines.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "amicus/extract.h"
#include "amicus/ingest.h"
#include "amicus/text.h"
#include "cli_common.h"

namespace po = boost::program_options;

namespace {

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

std::string Number(double v) {
  std::ostringstream ss;
  ss.precision(15);
  ss << v;
  return ss.str();
}

void PrintCsv(const std::string& id, const amicus::Entities& e) {
  using amicus::cli::CsvField;
  const std::pair<const char*, const std::vector<amicus::NamedEntity>*> named[] = {
      {"person", &e.people}, {"organization", &e.organizations}, {"legislation", &e.legislation},
      {"location", &e.locations}};
  if (!e.dateline.city.empty()) {
    std::cout << CsvField(id) << ",dateline," << CsvField(e.dateline.city + ", " + e.dateline.region) << ",,\n";
  }
  for (const auto& [category, list] : named) {
    for (const amicus::NamedEntity& n : *list) {
      std::cout << CsvField(id) << "," << category << "," << CsvField(n.name) << "," << CsvField(Joined(n.aliases))
                << ",\n";
    }
  }
  for (const amicus::DateMention& d : e.dates) {
    std::cout << CsvField(id) << ",date," << CsvField(d.text) << ",," << d.value << "\n";
  }
  for (const amicus::MoneyMention& m : e.money) {
    std::cout << CsvField(id) << ",money," << CsvField(m.text) << ",," << Number(m.value) << "\n";
  }
}

void PrintText(const amicus::Release& r, const amicus::Entities& e, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::cout << bold << r.id << reset << "  " << r.title << "\n";
  if (!e.dateline.city.empty()) std::cout << "  dateline: " << e.dateline.city << ", " << e.dateline.region << "\n";
  const std::pair<const char*, const std::vector<amicus::NamedEntity>*> named[] = {
      {"people", &e.people}, {"organizations", &e.organizations}, {"legislation", &e.legislation},
      {"locations", &e.locations}};
  for (const auto& [category, list] : named) {
    if (list->empty()) continue;
    std::cout << "  " << category << ":\n";
    for (const amicus::NamedEntity& n : *list) {
      std::cout << "    " << n.name;
      if (!n.aliases.empty()) std::cout << "  (" << Joined(n.aliases) << ")";
      std::cout << "\n";
    }
  }
  if (!e.dates.empty()) {
    std::cout << "  dates:\n";
    for (const amicus::DateMention& d : e.dates) std::cout << "    " << d.text << " = " << d.value << "\n";
  }
  if (!e.money.empty()) {
    std::cout << "  money:\n";
    for (const amicus::MoneyMention& m : e.money) std::cout << "    " << m.text << " = " << Number(m.value) << "\n";
  }
  std::cout << "\n";
}

// --format meta: what the readers made of the release, without extraction.
// The language is the one amicus-index would store.
std::string MetaJson(const amicus::Release& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["source"] = r.source;
  j["title"] = r.title;
  j["published"] = r.published;
  j["organization"] = r.organization;
  j["url"] = r.url;
  j["language"] = r.language.empty() ? amicus::DetectLanguage(r.title + "\n" + r.text.substr(0, 4096)) : r.language;
  j["text_bytes"] = r.text.size();
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string tool = "amicus-extract";
  std::vector<std::string> inputs;
  std::string format, output = "jsonl";
  amicus::IngestOptions ingest;

  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help");
  amicus::cli::AddInputOptions(&visible, &ingest, &format);
  visible.add_options()("format", po::value(&output)->default_value("jsonl"),
                        "output: jsonl (one object per release), json (one array), text, csv, or meta (what was read: "
                        "id, source, title, published, organization, url, language; no extraction)");
  po::variables_map vm;
  int rc = amicus::cli::ParseCommandLine(
      tool, argc, argv, visible, "input", &inputs, "amicus-extract [--published DATE] INPUT...",
      "Prints one JSON object per release: id, dateline, people, organizations,\n"
      "legislation, locations, dates and money (docs/contract.md). --format csv prints\n"
      "one row per entity: id, category, name, aliases (separated by \"; \"), value.\n"
      "--format meta prints, per release, what the readers found: id, source, title,\n"
      "published, organization, url, language (as amicus-index stores it).\n"
      "Exit status: 0 when every release was read, 1 when some input was skipped,\n"
      "2 on a bad command line.\n",
      &vm);
  if (rc >= 0) return rc;
  if (inputs.empty()) {
    std::cerr << tool << ": no input given; name JSONL files, text archives, folders or -\n";
    return 2;
  }
  if (!amicus::cli::FinishInputOptions(tool, format, &ingest)) return 2;
  if (!amicus::cli::UseCanonicalPublishers(tool, &ingest)) return 1;
  const bool meta = output == "meta";
  amicus::cli::OutputFormat out_format = amicus::cli::OutputFormat::kJsonl;
  if (!meta && !amicus::cli::ParseOutputFormat(tool, output, &out_format)) return 2;
  const bool color = out_format == amicus::cli::OutputFormat::kText && amicus::cli::UseColor();

  std::unique_ptr<amicus::Extractor> extractor;
  amicus::Status s = meta ? amicus::Status::OK() : amicus::Extractor::Create(&extractor);
  if (!s.ok()) {
    std::cerr << tool << ": " << s.ToString() << "\n";
    return 1;
  }
  std::uint64_t problems = 0, releases = 0;
  if (out_format == amicus::cli::OutputFormat::kJson) std::cout << "[";
  if (out_format == amicus::cli::OutputFormat::kCsv) std::cout << "id,category,name,aliases,value\n";
  s = amicus::ReadReleases(
      inputs, ingest,
      [&](amicus::Release&& r) {
        ++releases;
        if (meta) {
          std::cout << MetaJson(r) << "\n";
          return true;
        }
        amicus::Entities e = extractor->Extract(r);
        switch (out_format) {
          case amicus::cli::OutputFormat::kJsonl:
            std::cout << amicus::EntitiesToJson(r.id, e) << "\n";
            break;
          case amicus::cli::OutputFormat::kJson:
            std::cout << (releases > 1 ? ",\n" : "\n") << amicus::EntitiesToJson(r.id, e);
            break;
          case amicus::cli::OutputFormat::kCsv:
            PrintCsv(r.id, e);
            break;
          case amicus::cli::OutputFormat::kText:
            PrintText(r, e, color);
            break;
        }
        return true;
      },
      [&](const amicus::IngestProblem& p) {
        std::cerr << tool << ": " << p.ToString() << "\n";
        ++problems;
      });
  if (out_format == amicus::cli::OutputFormat::kJson) std::cout << "\n]\n";
  if (!s.ok()) std::cerr << tool << ": stopped: " << s.ToString() << "\n";
  return (problems || !s.ok()) ? 1 : 0;
}
