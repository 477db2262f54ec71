// Money finder: table-driven; cases written for this test, not from the gold.
#include "extract/money.h"
#include "test_gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace amicus::internal {
namespace {

struct Case {
  const char* text;
  const char* language;
  std::vector<std::pair<std::string, double>> want;
};

TEST(MoneyTest, Table) {
  const std::vector<Case> cases = {
      {"A $7.25 wage and a $2.75 million grant.", "en", {{"$7.25", 7.25}, {"$2.75 million", 2750000}}},
      {"Budgets of $3B, $640K, $12M and $2.5bn.", "en",
       {{"$3B", 3e9}, {"$640K", 640000}, {"$12M", 12e6}, {"$2.5bn", 2.5e9}}},
      {"It costs $2,450,000 or US$1.1 trillion.", "en", {{"$2,450,000", 2450000}, {"US$1.1 trillion", 1.1e12}}},
      {"A $40-million fund.", "en", {{"$40-million", 40e6}}},
      {"Fifteen thousand dollars and two hundred fifty dollars.", "en",
       {{"Fifteen thousand dollars", 15000}, {"two hundred fifty dollars", 250}}},
      {"Nearly 3 million dollars went missing.", "en", {{"3 million dollars", 3e6}}},
      {"Una multa de 500 dólares y 2 millones de dólares.", "es",
       {{"500 dólares", 500}, {"2 millones de dólares", 2e6}}},
      {"Un fondo de $3.5 millones y dos millones de dólares.", "es",
       {{"$3.5 millones", 3.5e6}, {"dos millones de dólares", 2e6}}},
      {"Un presupuesto de 1.200 mil millones de dólares.", "es", {{"1.200 mil millones de dólares", 1.2e12}}},
      // vague amounts are not amounts
      {"Millions of dollars, a few hundred dollars, hundreds of dollars.", "en", {}},
      {"The dollar fell; dollars flowed.", "en", {}},
      // one entry per surface text
      {"$5 here and $5 there.", "en", {{"$5", 5}}},
  };
  for (const Case& c : cases) {
    std::vector<MoneyMention> out;
    ExtractMoney(c.text, c.language, TestKnowledge().money, &out);
    std::vector<std::pair<std::string, double>> got;
    for (const MoneyMention& m : out) got.emplace_back(m.text, m.value);
    ASSERT_EQ(got.size(), c.want.size()) << c.text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, c.want[i].first) << c.text;
      EXPECT_NEAR(got[i].second, c.want[i].second, 1e-6 * std::max(1.0, c.want[i].second)) << c.text;
    }
  }
}

}  // namespace
}  // namespace amicus::internal
