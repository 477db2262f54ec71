#include "index/spelling.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace amicus::internal {
namespace {

constexpr std::size_t kWordsPerCommit = 10000;

}  // namespace

bool IsSpellingWord(std::string_view term) {
  if (term.size() < 3 || term.size() > 40) return false;
  for (unsigned char c : term) {
    if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;
  }
  return true;
}

void SyncSpellings(Xapian::WritableDatabase* db) {
  // Both lists are sorted: walk them together and note each word whose
  // spelling frequency differs from its term frequency, then apply the
  // differences once neither iterator is open.
  std::vector<std::pair<std::string, std::int64_t>> changes;
  Xapian::TermIterator term = db->allterms_begin();
  term.skip_to("a");  // prefixed terms start with capitals, numbers with digits
  const Xapian::TermIterator terms_end = db->allterms_end();
  Xapian::TermIterator word = db->spellings_begin();
  const Xapian::TermIterator words_end = db->spellings_end();
  std::string t, w;
  auto next_term = [&] {
    for (; term != terms_end; ++term) {
      t = *term;
      if (IsSpellingWord(t)) return true;
    }
    return false;
  };
  bool have_term = next_term();
  bool have_word = word != words_end;
  if (have_word) w = *word;
  while (have_term || have_word) {
    const int cmp = !have_term ? 1 : !have_word ? -1 : t.compare(w);
    if (cmp < 0) {
      changes.emplace_back(t, term.get_termfreq());
    } else if (cmp > 0) {
      changes.emplace_back(w, -static_cast<std::int64_t>(word.get_termfreq()));
    } else {
      const std::int64_t diff =
          static_cast<std::int64_t>(term.get_termfreq()) - static_cast<std::int64_t>(word.get_termfreq());
      if (diff != 0) changes.emplace_back(t, diff);
    }
    if (cmp <= 0) {
      ++term;
      have_term = next_term();
    }
    if (cmp >= 0) {
      ++word;
      have_word = word != words_end;
      if (have_word) w = *word;
    }
  }
  // Xapian holds a word's trigram fragments in memory until the commit:
  // for the whole vocabulary of a first import that is tens of megabytes
  // per database, so commit every kWordsPerCommit words.
  std::size_t pending = 0;
  for (const auto& [text, diff] : changes) {
    if (diff > 0) {
      db->add_spelling(text, static_cast<Xapian::termcount>(diff));
    } else {
      db->remove_spelling(text, static_cast<Xapian::termcount>(-diff));
    }
    if (++pending == kWordsPerCommit) {
      db->commit();
      pending = 0;
    }
  }
}

}  // namespace amicus::internal
