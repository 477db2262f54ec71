// amicus/score.h — scoring entity extraction against gold annotations.
//
// Implements exactly the protocol of the reference scorer
// (tools/score-extraction, documented in docs/contract.md): names are
// compared after norm() (NFKC, case folding, accents and periods removed,
// dashes and quotes unified, surrounding punctuation and a leading "the "
// dropped); named entities match when their name/alias keys intersect, with
// a one-to-one maximum matching that first pairs entities whose canonical
// names agree; dates match on value and money on numeric value (|a-b| <
// 0.005), text-compatible pairs first; the dateline is right when city and
// region both agree. Counts are micro-averaged over documents; gold
// documents missing from the system file count as all false negatives.
//
// Thread-safety: free functions and plain values; no shared state.
#ifndef AMICUS_SCORE_H_
#define AMICUS_SCORE_H_

#include <map>
#include <string>
#include <vector>

#include "amicus/status.h"

namespace amicus {

struct CategoryScore {
  int tp = 0, fp = 0, fn = 0;
  int canonical = 0;  // matched pairs whose canonical names agree (named categories)

  // An empty denominator gives 1.0 when the other error count is 0, else 0.0.
  double precision() const;
  double recall() const;
  double f1() const;
  // canonical / tp; 0 when there is no match.
  double canonical_accuracy() const { return tp > 0 ? static_cast<double>(canonical) / tp : 0.0; }
};

struct ExtractionScore {
  // "people", "organizations", "legislation", "locations", "dates", "money".
  std::map<std::string, CategoryScore> categories;
  CategoryScore overall;  // micro average over the six categories
  int dateline_correct = 0, dateline_total = 0;
  int gold_documents = 0, system_documents = 0;
  int missing_from_system = 0;  // gold ids without a system line
  int extra_system_ids = 0;     // system ids not in gold (ignored)

  double dateline_accuracy() const {
    return dateline_total > 0 ? static_cast<double>(dateline_correct) / dateline_total : 0.0;
  }
};

// The category names in report order.
const std::vector<std::string>& ScoreCategories();

// norm() of the protocol (exposed for tests and tools).
std::string NormalizeForScoring(const std::string& s);

// Scores JSONL `system_path` against JSONL `gold_path` (either line format:
// {"id","gold":{...}} or {"id","people",...}). Bad input (unreadable file,
// unparseable line, missing or duplicate id, wrong type) is an error naming
// the file and line.
Status ScoreExtractionFiles(const std::string& gold_path, const std::string& system_path,
                            ExtractionScore* out);

// The same, from JSONL text already in memory (`gold_name`/`system_name`
// name the inputs in messages).
Status ScoreExtractionText(const std::string& gold_jsonl, const std::string& gold_name,
                           const std::string& system_jsonl, const std::string& system_name,
                           ExtractionScore* out);

// The reference scorer's text table (category, P, R, F1, TP, FP, FN, canon;
// overall; dateline accuracy; documents).
std::string FormatScore(const ExtractionScore& score);

}  // namespace amicus

#endif  // AMICUS_SCORE_H_
