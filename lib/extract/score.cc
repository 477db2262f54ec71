// Scoring entity extraction: a faithful port of the reference scorer
// (norm(), Kuhn matching with the two-pass tie-break, micro averages), so
// tests and tools can gate on the same numbers without Python.
#include "amicus/score.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace amicus {
namespace {

using nlohmann::json;

const char* const kNamed[] = {"people", "organizations", "legislation", "locations"};
const char* const kValued[] = {"dates", "money"};

bool IsPyWhitespace(UChar32 c) { return u_isUWhiteSpace(c) || (c >= 0x1C && c <= 0x1F); }
bool IsPunct(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_P_MASK) != 0; }
bool IsEdge(UChar32 c) { return IsPyWhitespace(c) || IsPunct(c); }

UChar32 MapQuote(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x00B4:
    case 0x0060:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    default:
      return -1;
  }
}

icu::UnicodeString StripPunct(const icu::UnicodeString& s) {
  int32_t i = 0, j = s.length();
  while (i < j && IsEdge(s.char32At(i))) i = s.moveIndex32(i, 1);
  while (j > i) {
    int32_t k = s.moveIndex32(j, -1);
    if (!IsEdge(s.char32At(k))) break;
    j = k;
  }
  return icu::UnicodeString(s, i, j - i);
}

// Python's str() of a JSON scalar, for ids, names and date values.
std::string PyStr(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  if (v.is_null()) return "None";
  return v.dump();
}

std::string StripAscii(const std::string& s) {
  size_t i = 0, j = s.size();
  while (i < j && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  while (j > i && std::isspace(static_cast<unsigned char>(s[j - 1]))) --j;
  return s.substr(i, j - i);
}

struct Entity {
  std::string name;
  std::vector<std::string> aliases;
};
struct Item {
  std::string text;
  json value;
};
struct Doc {
  std::map<std::string, std::vector<Entity>> named;
  std::map<std::string, std::vector<Item>> valued;
  std::pair<std::string, std::string> dateline;
};
struct DocSet {
  std::vector<std::string> order;
  std::unordered_map<std::string, Doc> docs;
};

Status Bad(const std::string& where, const std::string& what) {
  return Status::InvalidArgument(where + ": " + what +
                                 " (expected one JSON object per line, gold or system schema; see docs/contract.md)");
}

Status LoadDocs(const std::string& content, const std::string& name, DocSet* out) {
  std::istringstream in(content);
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (StripAscii(line).empty()) continue;
    std::string where = name + ":" + std::to_string(lineno);
    json d = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (d.is_discarded()) return Bad(where, "unparseable JSON line");
    if (!d.is_object()) return Bad(where, "line is not a JSON object");
    auto idit = d.find("id");
    if (idit == d.end() || idit->is_null() ||
        (idit->is_string() && StripAscii(idit->get<std::string>()).empty())) {
      return Bad(where, "missing 'id'");
    }
    std::string did = PyStr(*idit);
    if (out->docs.count(did)) return Bad(where, "duplicate id '" + did + "'");
    const json& body = (d.contains("gold") && d["gold"].is_object()) ? d["gold"] : d;
    Doc doc;
    for (const char* cat : kNamed) {
      std::vector<Entity>& list = doc.named[cat];
      auto it = body.find(cat);
      if (it == body.end() || it->is_null()) continue;
      if (!it->is_array()) return Bad(where, std::string("'") + cat + "' must be a list");
      for (const json& x : *it) {
        Entity e;
        if (x.is_string()) {
          e.name = x.get<std::string>();
        } else if (x.is_object()) {
          auto n = x.find("name");
          if (n != x.end() && !n->is_null() && !(n->is_string() && n->get<std::string>().empty()) &&
              !(n->is_boolean() && !n->get<bool>()) && !(n->is_number() && n->get<double>() == 0)) {
            e.name = PyStr(*n);
          }
          auto a = x.find("aliases");
          if (a != x.end() && !a->is_null()) {
            if (a->is_string()) {
              if (!a->get<std::string>().empty()) e.aliases.push_back(a->get<std::string>());
            } else if (a->is_array()) {
              for (const json& al : *a) {
                if (!al.is_null()) e.aliases.push_back(PyStr(al));
              }
            } else if (!(a->is_boolean() && !a->get<bool>())) {
              return Bad(where, std::string(cat) + ": 'aliases' must be a list");
            }
          }
        } else {
          return Bad(where, std::string(cat) + ": entity must be an object or string, got " + x.dump());
        }
        list.push_back(std::move(e));
      }
    }
    for (const char* cat : kValued) {
      std::vector<Item>& list = doc.valued[cat];
      auto it = body.find(cat);
      if (it == body.end() || it->is_null()) continue;
      if (!it->is_array()) return Bad(where, std::string("'") + cat + "' must be a list");
      for (const json& x : *it) {
        if (!x.is_object()) {
          return Bad(where, std::string(cat) + ": date/money item must be an object, got " + x.dump());
        }
        Item item;
        auto t = x.find("text");
        if (t != x.end() && t->is_string()) item.text = t->get<std::string>();
        else if (t != x.end() && !t->is_null()) item.text = PyStr(*t);
        auto v = x.find("value");
        if (v != x.end()) item.value = *v;
        list.push_back(std::move(item));
      }
    }
    auto dl = body.find("dateline");
    if (dl != body.end() && !dl->is_null() && !dl->is_object()) {
      return Bad(where, "'dateline' must be an object or null");
    }
    std::string city, region;
    if (dl != body.end() && dl->is_object()) {
      auto c = dl->find("city");
      auto r = dl->find("region");
      if (c != dl->end() && !c->is_null()) city = PyStr(*c);
      if (r != dl->end() && !r->is_null()) region = PyStr(*r);
    }
    doc.dateline = {NormalizeForScoring(city), NormalizeForScoring(region)};
    out->order.push_back(did);
    out->docs.emplace(did, std::move(doc));
  }
  return Status::OK();
}

// Kuhn's algorithm, two passes, exactly as the reference: returns sys -> gold.
std::map<int, int> MaxMatching(int n_sys, int n_gold, const std::vector<std::vector<int>>& pref,
                               const std::vector<std::vector<int>>& all) {
  std::vector<int> match_g(n_gold, -1);
  auto run = [&](const std::vector<std::vector<int>>& edges) {
    std::function<bool(int, std::set<int>&)> try_aug = [&](int u, std::set<int>& seen) -> bool {
      const std::vector<int>& nbrs = edges[u];
      for (int v : nbrs) {
        if (match_g[v] == -1 && !seen.count(v)) {
          seen.insert(v);
          match_g[v] = u;
          return true;
        }
      }
      for (int v : nbrs) {
        if (seen.count(v)) continue;
        seen.insert(v);
        if (try_aug(match_g[v], seen)) {
          match_g[v] = u;
          return true;
        }
      }
      return false;
    };
    std::set<int> matched_s;
    for (int u : match_g) {
      if (u != -1) matched_s.insert(u);
    }
    for (int u = 0; u < n_sys; ++u) {
      if (!matched_s.count(u) && !edges[u].empty()) {
        std::set<int> seen;
        if (try_aug(u, seen)) matched_s.insert(u);
      }
    }
  };
  run(pref);
  run(all);
  std::map<int, int> m;
  for (int v = 0; v < n_gold; ++v) {
    if (match_g[v] != -1) m[match_g[v]] = v;
  }
  return m;
}

std::set<std::string> Keys(const Entity& e) {
  std::set<std::string> k;
  std::string n = NormalizeForScoring(e.name);
  if (!n.empty()) k.insert(n);
  for (const std::string& a : e.aliases) {
    std::string na = NormalizeForScoring(a);
    if (!na.empty()) k.insert(na);
  }
  return k;
}

bool Intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

void ScoreNamed(const std::vector<Entity>& sys, const std::vector<Entity>& gold, CategoryScore* c) {
  std::vector<std::set<std::string>> sk, gk;
  std::vector<std::string> sn, gn;
  for (const Entity& e : sys) {
    sk.push_back(Keys(e));
    sn.push_back(NormalizeForScoring(e.name));
  }
  for (const Entity& e : gold) {
    gk.push_back(Keys(e));
    gn.push_back(NormalizeForScoring(e.name));
  }
  std::vector<std::vector<int>> all(sys.size()), pref(sys.size());
  for (size_t i = 0; i < sys.size(); ++i) {
    for (size_t j = 0; j < gold.size(); ++j) {
      if (Intersects(sk[i], gk[j])) {
        all[i].push_back(static_cast<int>(j));
        if (!sn[i].empty() && sn[i] == gn[j]) pref[i].push_back(static_cast<int>(j));
      }
    }
  }
  auto m = MaxMatching(static_cast<int>(sys.size()), static_cast<int>(gold.size()), pref, all);
  int canon = 0;
  for (const auto& [i, j] : m) canon += sn[i] == gn[j];
  c->tp += static_cast<int>(m.size());
  c->fp += static_cast<int>(sys.size() - m.size());
  c->fn += static_cast<int>(gold.size() - m.size());
  c->canonical += canon;
}

bool DateValue(const json& v, std::string* out) {
  if (v.is_null()) return false;
  *out = StripAscii(PyStr(v));
  return !out->empty();
}

bool MoneyValue(const json& v, double* out) {
  if (v.is_boolean() || v.is_null()) return false;
  if (v.is_number()) {
    *out = v.get<double>();
    return true;
  }
  if (!v.is_string()) return false;
  std::string t;
  for (char c : v.get<std::string>()) {
    if (c != ',' && c != '$') t.push_back(c);
  }
  t = StripAscii(t);
  if (t.empty()) return false;
  char* end = nullptr;
  double d = std::strtod(t.c_str(), &end);
  if (end == nullptr || *end != '\0') return false;
  *out = d;
  return true;
}

bool TextCompat(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() &&
         (a == b || a.find(b) != std::string::npos || b.find(a) != std::string::npos);
}

void ScoreValued(bool dates, const std::vector<Item>& sys, const std::vector<Item>& gold,
                 CategoryScore* c) {
  std::vector<std::string> sd(sys.size()), gd(gold.size());
  std::vector<double> sm(sys.size()), gm(gold.size());
  std::vector<char> sok(sys.size()), gok(gold.size());
  for (size_t i = 0; i < sys.size(); ++i) {
    sok[i] = dates ? DateValue(sys[i].value, &sd[i]) : MoneyValue(sys[i].value, &sm[i]);
  }
  for (size_t j = 0; j < gold.size(); ++j) {
    gok[j] = dates ? DateValue(gold[j].value, &gd[j]) : MoneyValue(gold[j].value, &gm[j]);
  }
  std::vector<std::string> st, gt;
  for (const Item& x : sys) st.push_back(NormalizeForScoring(x.text));
  for (const Item& x : gold) gt.push_back(NormalizeForScoring(x.text));
  std::vector<std::vector<int>> all(sys.size()), pref(sys.size());
  for (size_t i = 0; i < sys.size(); ++i) {
    for (size_t j = 0; j < gold.size(); ++j) {
      if (!sok[i] || !gok[j]) continue;
      bool eq = dates ? sd[i] == gd[j] : std::fabs(sm[i] - gm[j]) < 0.005;
      if (!eq) continue;
      all[i].push_back(static_cast<int>(j));
      if (TextCompat(st[i], gt[j])) pref[i].push_back(static_cast<int>(j));
    }
  }
  auto m = MaxMatching(static_cast<int>(sys.size()), static_cast<int>(gold.size()), pref, all);
  c->tp += static_cast<int>(m.size());
  c->fp += static_cast<int>(sys.size() - m.size());
  c->fn += static_cast<int>(gold.size() - m.size());
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open: check the path and permissions");
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::OK();
}

std::string Fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

}  // namespace

double CategoryScore::precision() const {
  if (tp + fp) return static_cast<double>(tp) / (tp + fp);
  return fn == 0 ? 1.0 : 0.0;
}
double CategoryScore::recall() const {
  if (tp + fn) return static_cast<double>(tp) / (tp + fn);
  return fp == 0 ? 1.0 : 0.0;
}
double CategoryScore::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

const std::vector<std::string>& ScoreCategories() {
  static const std::vector<std::string>* cats = new std::vector<std::string>{
      "people", "organizations", "legislation", "locations", "dates", "money"};
  return *cats;
}

std::string NormalizeForScoring(const std::string& input) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return input;
  icu::UnicodeString s = nfkc->normalize(icu::UnicodeString::fromUTF8(input), err);
  s.foldCase();
  s = nfd->normalize(s, err);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (u_getCombiningClass(c) == 0) stripped.append(c);
  }
  s = nfc->normalize(stripped, err);
  if (U_FAILURE(err)) return input;
  // quotes, dashes, periods; then collapse whitespace
  icu::UnicodeString mapped;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    UChar32 q = MapQuote(c);
    if (q >= 0) {
      mapped.append(q);
    } else if (c == 0x2212 || u_charType(c) == U_DASH_PUNCTUATION) {
      mapped.append(static_cast<UChar32>('-'));
    } else if (c == '.') {
      continue;
    } else {
      mapped.append(c);
    }
  }
  icu::UnicodeString collapsed;
  bool pending_space = false;
  for (int32_t i = 0; i < mapped.length(); i = mapped.moveIndex32(i, 1)) {
    UChar32 c = mapped.char32At(i);
    if (IsPyWhitespace(c)) {
      pending_space = !collapsed.isEmpty();
      continue;
    }
    if (pending_space) collapsed.append(static_cast<UChar32>(' '));
    pending_space = false;
    collapsed.append(c);
  }
  icu::UnicodeString r = StripPunct(collapsed);
  if (r.startsWith(icu::UnicodeString("the "))) r = StripPunct(icu::UnicodeString(r, 4));
  std::string out;
  r.toUTF8String(out);
  return out;
}

Status ScoreExtractionText(const std::string& gold_jsonl, const std::string& gold_name,
                           const std::string& system_jsonl, const std::string& system_name,
                           ExtractionScore* out) {
  DocSet gold, sys;
  Status s = LoadDocs(gold_jsonl, gold_name, &gold);
  if (!s.ok()) return s;
  s = LoadDocs(system_jsonl, system_name, &sys);
  if (!s.ok()) return s;
  if (gold.order.empty()) return Status::InvalidArgument(gold_name + ": no documents");
  ExtractionScore r;
  for (const std::string& c : ScoreCategories()) r.categories[c] = CategoryScore();
  r.gold_documents = static_cast<int>(gold.order.size());
  r.system_documents = static_cast<int>(sys.order.size());
  for (const std::string& id : sys.order) r.extra_system_ids += gold.docs.count(id) == 0;
  static const Doc kEmpty = [] {
    Doc d;
    for (const char* c : kNamed) d.named[c];
    for (const char* c : kValued) d.valued[c];
    return d;
  }();
  for (const std::string& id : gold.order) {
    const Doc& g = gold.docs.at(id);
    auto it = sys.docs.find(id);
    bool present = it != sys.docs.end();
    const Doc& sd = present ? it->second : kEmpty;
    if (!present) ++r.missing_from_system;
    for (const char* c : kNamed) ScoreNamed(sd.named.at(c), g.named.at(c), &r.categories[c]);
    ScoreValued(true, sd.valued.at("dates"), g.valued.at("dates"), &r.categories["dates"]);
    ScoreValued(false, sd.valued.at("money"), g.valued.at("money"), &r.categories["money"]);
    r.dateline_correct += present && sd.dateline == g.dateline;
  }
  r.dateline_total = r.gold_documents;
  for (const auto& [name, c] : r.categories) {
    r.overall.tp += c.tp;
    r.overall.fp += c.fp;
    r.overall.fn += c.fn;
  }
  *out = std::move(r);
  return Status::OK();
}

Status ScoreExtractionFiles(const std::string& gold_path, const std::string& system_path,
                            ExtractionScore* out) {
  std::string gold, sys;
  Status s = ReadFile(gold_path, &gold);
  if (!s.ok()) return s;
  s = ReadFile(system_path, &sys);
  if (!s.ok()) return s;
  return ScoreExtractionText(gold, gold_path, sys, system_path, out);
}

std::string FormatScore(const ExtractionScore& score) {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-14s %6s %6s %6s %5s %5s %5s %7s\n", "category", "P", "R", "F1",
                "TP", "FP", "FN", "canon");
  out += line;
  for (const std::string& cat : ScoreCategories()) {
    auto it = score.categories.find(cat);
    CategoryScore c = it == score.categories.end() ? CategoryScore() : it->second;
    bool named = cat != "dates" && cat != "money";
    std::string canon = named ? (c.tp ? Fmt(c.canonical_accuracy()) : "  n/a") : "-";
    std::snprintf(line, sizeof line, "%-14s %6s %6s %6s %5d %5d %5d %7s\n", cat.c_str(),
                  Fmt(c.precision()).c_str(), Fmt(c.recall()).c_str(), Fmt(c.f1()).c_str(), c.tp,
                  c.fp, c.fn, canon.c_str());
    out += line;
  }
  const CategoryScore& o = score.overall;
  std::snprintf(line, sizeof line, "%-14s %6s %6s %6s %5d %5d %5d %7s\n", "overall",
                Fmt(o.precision()).c_str(), Fmt(o.recall()).c_str(), Fmt(o.f1()).c_str(), o.tp, o.fp,
                o.fn, "-");
  out += line;
  std::snprintf(line, sizeof line, "dateline accuracy: %s (%d/%d)\n",
                score.dateline_total ? Fmt(score.dateline_accuracy()).c_str() : "  n/a",
                score.dateline_correct, score.dateline_total);
  out += line;
  std::snprintf(line, sizeof line, "documents: gold=%d system=%d missing_from_system=%d\n",
                score.gold_documents, score.system_documents, score.missing_from_system);
  out += line;
  return out;
}

}  // namespace amicus
