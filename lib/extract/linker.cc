#include "extract/linker.h"

#include "extract/knowledge_base.h"
#include "extract/scan.h"

namespace amicus::internal {

Status Linker::Load(const KnowledgeFiles& files, const Lexicon& lexicon, Linker* out) {
  Status s = lexicon.List("publisher.attorney_general", &out->attorney_general_);
  if (s.ok()) s = lexicon.Words("publisher.state_domain_label", &out->state_domain_labels_);
  if (!s.ok()) return s;
  return files.ForEachRecord("web_domains.tsv", [out](const std::vector<std::string_view>& f, int) {
    if (f.size() < 3 || f[0].empty()) return Status::Corruption("expected domain<TAB>organization<TAB>kind...");
    if (f[2].compare(0, 7, "Federal") != 0) return Status::OK();
    const std::string_view name = f.size() > 4 && !f[4].empty() ? f[4] : f[1];
    out->federal_domains_.Emplace(f[0], std::string(name));
    return Status::OK();
  });
}

namespace {

// The host of a URL, lower case, without "www.": "https://www.ag.ny.gov/x" -> "ag.ny.gov".
std::string HostOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  std::string host;
  for (char c : url) host += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  return host;
}

// Whether `folded` holds the words `words`, whole ("attorney general", also
// in "attorney general's office").
bool ContainsWords(const std::string& folded, const std::string& words) {
  const std::string padded = " " + folded + " ";
  for (std::size_t at = padded.find(" " + words); at != std::string::npos; at = padded.find(" " + words, at + 1)) {
    const char next = padded[at + 1 + words.size()];
    if (next == ' ' || next == '\'') return true;
  }
  return false;
}

}  // namespace

std::string Linker::StateOf(const KnowledgeBase& kb, const std::string& folded, std::string_view url) const {
  const Gazetteer& g = *kb.places;
  // A state named in the name: "minnesota", "new york", "puerto rico".
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    words.push_back(std::string_view(folded).substr(i, j - i));
    i = j + 1;
  }
  for (std::size_t n = 3; n >= 1; --n) {
    for (std::size_t i = 0; i + n <= words.size(); ++i) {
      const std::string_view key(words[i].data(), words[i + n - 1].data() + words[i + n - 1].size() - words[i].data());
      const std::string_view code = g.StateCode(key);
      // Two-letter keys are postal codes: "in", "or", "me" are words too.
      if (!code.empty() && key.size() > 2) return std::string(code);
    }
  }
  // A state's code in the address: "oag.ca.gov", "ag.ny.gov", "ag.state.mn.us".
  const std::string host = HostOf(url);
  std::vector<std::string> labels;
  for (std::size_t i = 0; i <= host.size();) {
    std::size_t j = host.find('.', i);
    if (j == std::string::npos) j = host.size();
    labels.push_back(host.substr(i, j - i));
    i = j + 1;
  }
  for (std::size_t i = 0; i + 1 < labels.size(); ++i) {
    if (labels[i].size() != 2) continue;
    const bool before_tld = labels[i + 1] == "gov" || labels[i + 1] == "us";
    const bool after_state = i > 0 && state_domain_labels_->Contains(labels[i - 1]);
    std::string code = labels[i];
    for (char& c : code) c = static_cast<char>(c - 'a' + 'A');
    if ((before_tld || after_state) && g.StateEntry(code) >= 0) return code;
  }
  return "";
}

std::string Linker::FederalSite(const KnowledgeBase& kb, std::string_view host) const {
  // "www.justice.gov", "justice.gov", "ice.gov": the host, then each parent.
  while (!host.empty()) {
    if (const std::string* owner = federal_domains_.Find(host); owner != nullptr) {
      const OrgKnowledge::Agency* a = kb.orgs.FindAgency(FoldKey(*owner), "");
      return a != nullptr ? a->canonical : *owner;
    }
    const std::size_t dot = host.find('.');
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return "";
}

std::string Linker::Organization(const KnowledgeBase& kb, std::string_view name, std::string_view url) const {
  const std::string key = FoldKey(name);
  // A page that names no owner, or only its address ("whitehouse.gov").
  const std::string_view trimmed = name.substr(0, name.find_last_not_of(' ') + 1);
  if (key.empty() || (trimmed.find(' ') == std::string_view::npos && trimmed.find('.') != std::string_view::npos)) {
    std::string site = FederalSite(kb, key.empty() ? HostOf(url) : HostOf(name));
    if (site.empty() && !key.empty()) site = FederalSite(kb, HostOf(url));
    return site;
  }
  if (const OrgKnowledge::Agency* a = kb.orgs.FindAgency(key, ""); a != nullptr) return a->canonical;
  for (const std::string& words : *attorney_general_) {
    if (!ContainsWords(key, words)) continue;
    const std::string state = StateOf(kb, key, url);
    const int entry = state.empty() ? -1 : kb.places->StateEntry(state);
    if (entry < 0 || state == "DC") return "";
    return "Office of the " + kb.places->entry(entry).canonical + " Attorney General";
  }
  return "";
}

std::string Linker::Person(const KnowledgeBase& kb, std::string_view name) const {
  std::vector<Tok> toks;
  Tokenize(name, &toks);
  // Titles first ("Governor", "Lt. Gov."), then the name.
  std::size_t i = 0;
  std::vector<std::string> titles;
  while (i < toks.size()) {
    bool office = false;
    const int n = kb.words.MatchTitle(name, toks, i, &office);
    if (n == 0) break;
    titles.push_back(FoldKey(name.substr(toks[i].begin, toks[i + n - 1].end - toks[i].begin)));
    i += static_cast<std::size_t>(n);
  }
  std::size_t last = toks.size();
  while (last > i && toks[last - 1].kind == TokKind::kPunct) --last;
  if (i >= last) return "";
  const std::string key = FoldKey(name.substr(toks[i].begin, toks[last - 1].end - toks[i].begin));
  const std::string surname = FoldKey(TokText(name, toks[last - 1]));
  const PeopleKnowledge::Officeholder* found = nullptr;
  int candidates = 0;
  for (const PeopleKnowledge::Officeholder* o : kb.people.BySurname(surname)) {
    if (FoldKey(o->name) == key) return o->name;  // the full name
    if (i + 1 != last) continue;                  // "Kathy Hochul" is no other Hochul
    bool fits = titles.empty() ? o->bare : o->titles.empty();
    for (const std::string& t : titles) {
      for (const std::string& ot : o->titles) fits = fits || ot == t;
    }
    if (fits && found != o) {
      found = o;
      ++candidates;
    }
  }
  return candidates == 1 ? found->name : std::string();
}

std::string Linker::Law(const KnowledgeBase& kb, std::string_view name) const {
  const int i = kb.acts.FindName(name);
  return i >= 0 ? kb.acts.Canonical(i) : std::string();
}

std::string Linker::Place(const KnowledgeBase& kb, std::string_view name) const {
  PlaceInfo info;
  return kb.places->Lookup(name, "", &info) ? info.canonical : std::string();
}

}  // namespace amicus::internal
