#include "extract/lexicon.h"

namespace amicus::internal {

Status Lexicon::Load(const KnowledgeFiles& files) {
  for (const std::string& name : files.Names()) {
    if (name.compare(0, 6, "words_") != 0) continue;
    Status s = files.ForEachRecord(name, [&](const std::vector<std::string_view>& f, int) {
      if (f.size() != 2 || f[0].empty()) return Status::Corruption("expected class<TAB>entries ('|'-separated)");
      Class& c = classes_[std::string(f[0])];
      std::string_view rest = f[1];
      while (true) {
        const std::size_t bar = rest.find('|');
        const std::string_view one = rest.substr(0, bar);
        if (one.empty()) return Status::Corruption("empty entry in class " + std::string(f[0]));
        c.entries.emplace_back(one);
        const std::size_t eq = one.find('=');
        if (eq != std::string_view::npos) {
          c.map.Emplace(one.substr(0, eq), std::string(one.substr(eq + 1)));
          c.set.Insert(one.substr(0, eq));
        } else {
          c.set.Insert(one);
        }
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
      return Status::OK();
    });
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status Lexicon::Find(std::string_view name, const Class** out) const {
  auto it = classes_.find(name);
  if (it == classes_.end()) {
    return Status::NotFound("word class " + std::string(name) +
                            " is defined in no words_*.tsv knowledge file; copy it from data/knowledge");
  }
  *out = &it->second;
  return Status::OK();
}

Status Lexicon::Words(std::string_view name, const StringSet** out) const {
  const Class* c = nullptr;
  Status s = Find(name, &c);
  if (s.ok()) *out = &c->set;
  return s;
}

Status Lexicon::List(std::string_view name, const std::vector<std::string>** out) const {
  const Class* c = nullptr;
  Status s = Find(name, &c);
  if (s.ok()) *out = &c->entries;
  return s;
}

Status Lexicon::Map(std::string_view name, const StringTable<std::string>** out) const {
  const Class* c = nullptr;
  Status s = Find(name, &c);
  if (s.ok()) *out = &c->map;
  return s;
}

}  // namespace amicus::internal
