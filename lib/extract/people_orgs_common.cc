#include "extract/people_orgs_common.h"

#include <algorithm>

namespace amicus::internal {

std::string FoldTok(std::string_view text, const Tok& t) {
  std::string s;
  AppendFolded(TokText(text, t), &s);
  return s;
}

void MarkTaken(const std::vector<Tok>& toks, std::vector<TextSpan> spans, std::vector<char>* out) {
  out->assign(toks.size(), 0);
  std::sort(spans.begin(), spans.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  // tokens are in text order: walk both lists once, keeping the furthest end
  // of the spans that start before the token ends
  std::size_t k = 0, reach = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    while (k < spans.size() && spans[k].begin < toks[i].end) reach = std::max(reach, spans[k++].end);
    if (reach > toks[i].begin) (*out)[i] = 1;
  }
}

void FoldTokens(std::string_view text, const std::vector<Tok>& toks, std::vector<std::string>* fold) {
  fold->assign(toks.size(), std::string());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != TokKind::kPunct) AppendFolded(TokText(text, toks[i]), &(*fold)[i]);
  }
}

std::size_t EntitySet::Get(const std::string& canonical) {
  std::string key = FoldKey(canonical);
  if (const std::size_t* idx = by_key_.Find(key)) return *idx;
  entities_.push_back(NamedEntity{canonical, {}});
  keys_.push_back({key});
  by_key_.Emplace(key, entities_.size() - 1);
  return entities_.size() - 1;
}

long EntitySet::Find(std::string_view key) const {
  const std::size_t* idx = by_key_.Find(key);
  return idx == nullptr ? -1 : static_cast<long>(*idx);
}

void EntitySet::AddAlias(std::size_t idx, std::string_view surface) {
  std::string key = FoldKey(surface);
  if (key.empty()) return;
  std::vector<std::string>& keys = keys_[idx];
  if (std::find(keys.begin(), keys.end(), key) != keys.end()) return;
  keys.push_back(key);
  entities_[idx].aliases.emplace_back(surface);
  by_key_.Emplace(key, idx);
}

Status WordTables::Load(const KnowledgeFiles& files, const Lexicon&) {
  Status s = files.ForEachRecord("titles.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 2) return Status::Corruption("titles.tsv:" + std::to_string(line) + ": expected title<TAB>kind");
    std::string key = FoldKey(f[0]);
    // count tokens the same way the tokenizer will see them
    std::vector<Tok> toks;
    Tokenize(f[0], &toks);
    int n = 0;
    for (const Tok& t : toks) n += t.kind != TokKind::kPunct;
    max_title_tokens_ = std::max(max_title_tokens_, n);
    titles_[key] = f[1] == "office";
    for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
      title_prefixes_.Insert(std::string_view(key).substr(0, sp));
    title_prefixes_.Insert(key);
    return Status::OK();
  });
  if (!s.ok()) return s;
  return files.ForEachRecord("org_words.tsv", [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 2) return Status::Corruption("org_words.tsv:" + std::to_string(line) + ": expected word<TAB>position");
    OrgWordPos p = f[1] == "end" ? kEnd : f[1] == "start" ? kStart : kAny;
    std::string key = FoldKey(f[0]);
    std::size_t sp = key.rfind(' ');
    if (sp != std::string::npos) pair_tails_.Insert(std::string_view(key).substr(sp + 1));
    org_words_[key] = p;
    return Status::OK();
  });
}

int WordTables::MatchTitle(std::string_view text, const std::vector<Tok>& toks, std::size_t i, bool* office) const {
  std::string key;
  int best = 0;
  int words = 0;
  for (std::size_t j = i; j < toks.size() && words < max_title_tokens_; ++j) {
    const Tok& t = toks[j];
    if (t.kind == TokKind::kPunct) {
      // "then-Gov." style pieces are single tokens; a dash between words is not a title
      break;
    }
    if (j > i && t.newline_before) break;
    if (!key.empty()) key.push_back(' ');
    AppendFolded(TokText(text, t), &key);
    ++words;
    if (const bool* is_office = titles_.Find(key)) {
      best = static_cast<int>(j - i + 1);
      *office = *is_office;
    }
  }
  return best;
}

int WordTables::MatchTitle(const std::vector<Tok>& toks, const std::vector<std::string>& fold, std::size_t i,
                           bool* office) const {
  // Most tokens start no title: answer those without building a key (the
  // set's own (first byte, length) filter turns most of them away unhashed).
  if (i >= toks.size() || toks[i].kind == TokKind::kPunct || !title_prefixes_.Contains(fold[i])) return 0;
  std::string key;
  int best = 0;
  int words = 0;
  for (std::size_t j = i; j < toks.size() && words < max_title_tokens_; ++j) {
    const Tok& t = toks[j];
    if (t.kind == TokKind::kPunct) break;
    if (j > i && t.newline_before) break;
    if (!key.empty()) key.push_back(' ');
    key += fold[j];
    ++words;
    if (!title_prefixes_.Contains(key)) break;  // no title goes on like this
    if (const bool* is_office = titles_.Find(key)) {
      best = static_cast<int>(j - i + 1);
      *office = *is_office;
    }
  }
  return best;
}

WordTables::OrgWordPos WordTables::OrgWord(std::string_view folded_word) const {
  const OrgWordPos* p = org_words_.Find(folded_word);
  return p ? *p : kNone;
}

bool WordTables::OrgWordPair(std::string_view a, std::string_view b) const {
  if (!pair_tails_.Contains(b)) return false;
  std::string pair(a);
  pair += ' ';
  pair.append(b.data(), b.size());
  return org_words_.Contains(pair);
}

}  // namespace amicus::internal
