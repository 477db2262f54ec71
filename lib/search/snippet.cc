#include "search/snippet.h"

#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/schema.h"

namespace amicus::internal {
namespace {

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

void AppendEscaped(std::string_view s, std::string* out) {
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space) {
      out->push_back(' ');
      space = false;
    }
    switch (c) {
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '&': out->append("&amp;"); break;
      default: out->push_back(c);
    }
  }
  if (space) out->push_back(' ');
}

}  // namespace

void SnippetTerms::AddXapianTerm(const std::string& term) {
  if (term.empty()) return;
  if (!IsUpperAscii(term[0])) {
    words.insert(term);
    return;
  }
  const std::string_view stem_prefix = schema::kStemPrefix, title_prefix = schema::kTitlePrefix;
  std::string_view t = term;
  if (t.substr(0, stem_prefix.size()) == stem_prefix) {
    t.remove_prefix(stem_prefix.size());
    if (t.substr(0, title_prefix.size()) == title_prefix) t.remove_prefix(title_prefix.size());
    if (!t.empty() && !IsUpperAscii(t[0])) stems.emplace(t);
  } else if (t.substr(0, title_prefix.size()) == title_prefix) {
    t.remove_prefix(title_prefix.size());
    if (!t.empty() && !IsUpperAscii(t[0])) words.emplace(t);
  }
}

std::string MakeSnippet(std::string_view text, const SnippetTerms& terms, std::size_t max_bytes,
                        Analyzer* analyzer) {
  // The first part of a very long release is enough to find a window to
  // show; analysing 20 MB for every hit would not be.
  constexpr std::size_t kMaxAnalysedBytes = 128 * 1024;
  if (text.size() > kMaxAnalysedBytes) {
    std::size_t cut = kMaxAnalysedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    text = text.substr(0, cut);
  }
  std::vector<Token> tokens;
  analyzer->Tokenize(text, &tokens);
  // Whole-token extras share a position with their parts; keep the parts.
  std::vector<const Token*> words;
  std::vector<bool> hit;
  words.reserve(tokens.size());
  // Stemming is the costly part; a release repeats its words, so each
  // distinct word is looked at once.
  std::unordered_map<std::string_view, bool> seen;
  for (const Token& t : tokens) {
    if (!words.empty() && t.position == words.back()->position) continue;
    auto [it, fresh] = seen.emplace(t.term, false);
    if (fresh) {
      bool matched = terms.words.count(t.term) != 0;
      if (!matched && !terms.stems.empty() && !(t.term[0] >= '0' && t.term[0] <= '9')) {
        matched = terms.stems.count(terms.stemmer(t.term)) != 0;
      }
      it->second = matched;
    }
    words.push_back(&t);
    hit.push_back(it->second);
  }
  if (words.empty()) return std::string();

  // The window of whole words no longer than max_bytes with the most hits.
  std::size_t best_i = 0, best_j = 0, best_hits = 0;
  std::size_t j = 0, hits = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (j < i) {
      j = i;
      hits = 0;
    }
    while (j < words.size() && words[j]->end - words[i]->begin <= max_bytes) {
      hits += hit[j];
      ++j;
    }
    // Windows start at a hit (context is added before it afterwards); the
    // first window stands in when nothing matches.
    if ((hit[i] && hits > best_hits) || (i == 0 && best_j == 0)) {
      best_hits = hits;
      best_i = i;
      best_j = j;
    }
    if (j > i && hit[i]) --hits;
  }
  if (best_j <= best_i) best_j = best_i + 1;
  // Half of the unused budget goes to context before the first hit, the
  // rest to what follows.
  std::size_t last_hit = best_i;
  for (std::size_t k = best_i; k < best_j; ++k) {
    if (hit[k]) last_hit = k;
  }
  best_j = last_hit + 1;
  const std::size_t used = words[last_hit]->end - words[best_i]->begin;
  const std::size_t before = best_hits > 0 && max_bytes > used ? (max_bytes - used) / 2 : 0;
  const std::size_t first_begin = words[best_i]->begin;
  while (best_i > 0 && first_begin - words[best_i - 1]->begin <= before) --best_i;
  while (best_j < words.size() && words[best_j]->end - words[best_i]->begin <= max_bytes) ++best_j;

  std::string out;
  out.reserve(max_bytes + 64);
  if (best_i > 0) out.append("...");
  std::size_t cursor = words[best_i]->begin;
  for (std::size_t k = best_i; k < best_j; ++k) {
    const Token* w = words[k];
    AppendEscaped(text.substr(cursor, w->begin - cursor), &out);
    if (hit[k]) out.append("<b>");
    AppendEscaped(text.substr(w->begin, w->end - w->begin), &out);
    if (hit[k]) out.append("</b>");
    cursor = w->end;
  }
  if (best_j < words.size()) {
    out.append("...");
  } else {
    // Keep closing punctuation after the last word ("enforce them.").
    std::size_t tail = cursor;
    while (tail < text.size() && tail - cursor < 4 && text[tail] != ' ' && text[tail] != '\n') ++tail;
    AppendEscaped(text.substr(cursor, tail - cursor), &out);
  }
  return out;
}

}  // namespace amicus::internal
