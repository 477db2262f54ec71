#include "extract/knowledge_file.h"

#include <dirent.h>

#include <fstream>
#include <sstream>

#include "extract/embedded_files.h"

namespace amicus::internal {

KnowledgeFiles KnowledgeFiles::Embedded() {
  KnowledgeFiles kf;
  kf.origin_ = "built-in knowledge";
  for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) {
    kf.files_.emplace(std::string(f.name), std::string(f.content));
  }
  return kf;
}

Status KnowledgeFiles::FromDirectory(const std::string& dir, KnowledgeFiles* out) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    return Status::NotFound(dir + ": cannot open the knowledge folder; pass a folder that holds the *.tsv files of data/knowledge");
  }
  KnowledgeFiles kf;
  kf.origin_ = dir;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 5 || name.compare(name.size() - 4, 4, ".tsv") != 0) continue;
    std::ifstream in(dir + "/" + name, std::ios::binary);
    if (!in) {
      closedir(d);
      return Status::IOError(dir + "/" + name + ": cannot read the knowledge file");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    kf.files_.emplace(name, ss.str());
  }
  closedir(d);
  *out = std::move(kf);
  return Status::OK();
}

std::vector<std::string> KnowledgeFiles::Names() const {
  std::vector<std::string> names;
  for (const auto& f : files_) names.push_back(f.first);
  return names;
}

Status KnowledgeFiles::ForEachRecord(
    const std::string& name,
    const std::function<Status(const std::vector<std::string_view>&, int)>& on_record) const {
  auto it = files_.find(name);
  if (it == files_.end()) {
    return Status::NotFound(name + ": knowledge file missing from " + origin_);
  }
  std::string_view content = it->second;
  std::vector<std::string_view> fields;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fields.clear();
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    Status s = on_record(fields, line_no);
    if (!s.ok()) {
      return Status::Corruption(name + ":" + std::to_string(line_no) + ": " + s.message());
    }
  }
  return Status::OK();
}

}  // namespace amicus::internal
