// The raw-Xapian side of the query comparison (scripts/bench.sh): the
// minimal searcher of issue 8 over a database built by raw_xapian_index,
// as a QueryRun for query_timing.h. Used by compare_queries.cc and
// raw_xapian_search.cc; needs nothing of amicus.
//
// An object owns its database handle and is used from one thread.
#ifndef AMICUS_BENCH_RAW_XAPIAN_QUERIES_H_
#define AMICUS_BENCH_RAW_XAPIAN_QUERIES_H_

#include <cstddef>
#include <iostream>
#include <string>

#include <xapian.h>

namespace amicus::bench {

// Each query goes through a Xapian::QueryParser with its default flags
// (boolean operators, phrases, +/-), the English stemmer with STEM_SOME and
// the "title:" prefix of raw_xapian_index; the top 10 are fetched with
// their document data, as an application showing results would. AND or
// the QueryParser's own default, OR, joins the words. The constructor
// throws Xapian::Error when the database cannot be opened.
class RawXapianQueries {
 public:
  RawXapianQueries(const std::string& path, bool op_and) : db_(path), enquire_(db_) {
    qp_.set_database(db_);
    qp_.set_stemmer(Xapian::Stem("english"));
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.add_prefix("title", "S");
    if (op_and) qp_.set_default_op(Xapian::Query::OP_AND);
  }

  long long operator()(const std::string& q) {
    try {
      enquire_.set_query(qp_.parse_query(q));
      Xapian::MSet mset = enquire_.get_mset(0, 10);
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        data_bytes_ += it.get_document().get_data().size();
      }
      return static_cast<long long>(mset.get_matches_estimated());
    } catch (const Xapian::Error& e) {
      std::cerr << "raw Xapian: query \"" << q << "\": " << e.get_description() << "\n";
      return -1;
    }
  }

  // What the hits' data added up to: read so that fetching it is not
  // optimized away; 0 means the database stores none.
  std::size_t data_bytes() const { return data_bytes_; }

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser qp_;
  std::size_t data_bytes_ = 0;
};

}  // namespace amicus::bench

#endif  // AMICUS_BENCH_RAW_XAPIAN_QUERIES_H_
