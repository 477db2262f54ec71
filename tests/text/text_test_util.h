// Helpers shared by the text stage's tests.
#ifndef AMICUS_TESTS_TEXT_TEXT_TEST_UTIL_H_
#define AMICUS_TESTS_TEXT_TEXT_TEST_UTIL_H_

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "amicus/text.h"

namespace amicus {
namespace testing_util {

// id -> "title\n\ntext" of every release in tests/data/releases.jsonl.
inline std::map<std::string, std::string> LoadReleases() {
  std::map<std::string, std::string> out;
  std::ifstream in(std::string(AMICUS_TEST_DATA) + "/releases.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    std::string title = j["meta"].value("title", "");
    out[j["id"].get<std::string>()] = title + "\n\n" + j["text"].get<std::string>();
  }
  return out;
}

inline std::vector<Token> Tokens(const std::string& text) {
  Analyzer a;
  std::vector<Token> out;
  a.Tokenize(text, &out);
  return out;
}

// Terms in order, without the whole-token extras (which share the position
// of the token before them).
inline std::vector<std::string> PartTerms(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && tokens[i].position == tokens[i - 1].position) continue;
    out.push_back(tokens[i].term);
  }
  return out;
}

}  // namespace testing_util
}  // namespace amicus

#endif  // AMICUS_TESTS_TEXT_TEXT_TEST_UTIL_H_
