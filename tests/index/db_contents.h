// Test helper: everything a Xapian database holds, as one string, so two
// databases can be compared for equality (documents in docid order with
// their data, terms, wdf, positions and values; metadata; synonyms;
// spellings).
#ifndef AMICUS_TESTS_INDEX_DB_CONTENTS_H_
#define AMICUS_TESTS_INDEX_DB_CONTENTS_H_

#include <string>

#include <xapian.h>

namespace amicus::testing {

inline std::string Contents(const std::string& path) {
  Xapian::Database db(path);
  std::string out;
  for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    Xapian::Document d = db.get_document(*p);
    out += std::to_string(*p) + "|" + d.get_data() + "|";
    for (Xapian::TermIterator t = d.termlist_begin(); t != d.termlist_end(); ++t) {
      out += *t + ":" + std::to_string(t.get_wdf());
      for (Xapian::PositionIterator pi = t.positionlist_begin(); pi != t.positionlist_end(); ++pi) {
        out += "," + std::to_string(*pi);
      }
      out += " ";
    }
    for (Xapian::ValueIterator v = d.values_begin(); v != d.values_end(); ++v) out += "#" + *v;
    out += "\n";
  }
  for (Xapian::TermIterator k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    out += "meta " + *k + "=" + db.get_metadata(*k) + "\n";
  }
  for (Xapian::TermIterator k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    for (Xapian::TermIterator t = db.synonyms_begin(*k); t != db.synonyms_end(*k); ++t) out += "syn " + *k + "=" + *t + "\n";
  }
  for (Xapian::TermIterator w = db.spellings_begin(); w != db.spellings_end(); ++w) {
    out += "spell " + *w + "=" + std::to_string(w.get_termfreq()) + "\n";
  }
  return out;
}

}  // namespace amicus::testing

#endif  // AMICUS_TESTS_INDEX_DB_CONTENTS_H_
