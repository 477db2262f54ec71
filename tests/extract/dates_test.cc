// Date finder: table-driven cases, most of them written for this test (not
// taken from the gold file) so they check the rules rather than the data.
#include "extract/dates.h"
#include "test_gazetteer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace amicus::internal {
namespace {

struct Case {
  const char* text;
  const char* published;
  std::vector<std::pair<std::string, std::string>> want;  // (surface, value)
};

std::vector<std::pair<std::string, std::string>> FindDates(const std::string& text, const std::string& pub,
                                                     const std::vector<TextSpan>& taken = {}) {
  std::vector<DateMention> out;
  ExtractDates(text, pub, "en", TestKnowledge().dates, taken, &out);
  std::vector<std::pair<std::string, std::string>> got;
  for (const DateMention& m : out) got.emplace_back(m.text, m.value);
  return got;
}

TEST(DatesTest, Table) {
  const std::vector<Case> cases = {
      // absolute dates
      {"The hearing is set for September 3, 2027.", "2026-05-01", {{"September 3, 2027", "2027-09-03"}}},
      {"Filed Aug. 14, 2025 in court.", "2026-01-01", {{"Aug. 14, 2025", "2025-08-14"}}},
      {"Filed on 11/30/2024 in court.", "2026-01-01", {{"11/30/2024", "2024-11-30"}}},
      {"Published 2025-12-31.", "2026-01-01", {{"2025-12-31", "2025-12-31"}}},
      {"La audiencia será el 12 de agosto de 2026.", "2026-05-01", {{"12 de agosto de 2026", "2026-08-12"}}},
      // month + day without a year: nearest, tense moves far ones
      {"Applications close Nov. 30.", "2026-10-02", {{"Nov. 30", "2026-11-30"}}},
      {"Arrests have risen since Nov. 3.", "2026-01-10", {{"Nov. 3", "2025-11-03"}}},
      {"The vigil is on Sept. 9th.", "2026-09-01", {{"Sept. 9th", "2026-09-09"}}},
      // weekdays: past by default, upcoming after "will"
      {"The council voted Thursday to pass it.", "2026-03-02", {{"Thursday", "2026-02-26"}}},
      {"The board will vote on Friday.", "2026-03-02", {{"Friday", "2026-03-06"}}},
      {"A rally is planned for Saturday, March 7.", "2026-03-02", {{"Saturday, March 7", "2026-03-07"}}},
      {"La marcha será el domingo 8 de marzo.", "2026-03-02", {{"domingo 8 de marzo", "2026-03-08"}}},
      {"La coalición habló este martes.", "2026-03-03", {{"este martes", "2026-03-03"}}},
      // months alone
      {"The report will come out in August.", "2026-05-01", {{"August", "2026-08"}}},
      {"The program closed in October.", "2026-02-01", {{"October", "2025-10"}}},
      {"Enrollment opens in February, officials said they would expand it.", "2025-11-15", {{"February", "2026-02"}}},
      {"Desde agosto han muerto cinco personas.", "2026-02-01", {{"agosto", "2025-08"}}},
      {"Names stay out: April Ryan and June Carter spoke. You may go.", "2026-02-01", {}},
      // month + year, bare years, seasons
      {"It began in March 2020 and grew after 2021.", "2026-02-01", {{"March 2020", "2020-03"}, {"2021", "2021"}}},
      {"Work starts in fall 2028.", "2026-02-01", {{"fall 2028", "2028"}}},
      {"Between October and December 2024 arrests rose.", "2026-02-01", {{"October", "2024-10"}, {"December 2024", "2024-12"}}},
      // relative expressions
      {"Yesterday the mayor spoke; today she signs.", "2026-03-01", {{"Yesterday", "2026-02-28"}, {"today", "2026-03-01"}}},
      {"Costs rose next year and last month.", "2026-01-15", {{"next year", "2027"}, {"last month", "2025-12"}}},
      {"El mes pasado y el próximo año.", "2026-01-15", {{"El mes pasado", "2025-12"}, {"el próximo año", "2027"}}},
      {"Tomorrow we march.", "2026-12-31", {{"Tomorrow", "2027-01-01"}}},
      // fiscal years
      {"Funding for FY28 and Fiscal Year 2029 and fiscal year 30.", "2026-01-01",
       {{"FY28", "FY2028"}, {"Fiscal Year 2029", "FY2029"}, {"fiscal year 30", "FY2030"}}},
      {"The 2027-28 budget and FY 2026-27 plan.", "2026-01-01", {{"2027-28", "FY2028"}, {"FY 2026-27", "FY2027"}}},
      {"It cost more this fiscal year.", "2026-01-01", {{"this fiscal year", "FY2026"}}},
      {"Presupuesto del año fiscal 2027.", "2026-01-01", {{"año fiscal 2027", "FY2027"}}},
      // named days
      {"Events on Labor Day and Election Day.", "2026-08-20", {{"Labor Day", "2026-09-07"}, {"Election Day", "2026-11-03"}}},
      {"Since Inauguration Day, raids doubled.", "2026-03-01", {{"Inauguration Day", "2025-01-20"}}},
      // not dates: counts, identifiers, ages, phone numbers
      {"About 2000 people and 1500 students came; Int. 0142-2026; a 19-year-old; call 555-2025; $2025.",
       "2026-01-01", {}},
      {"SEIU Local 1199 and Room 2010 at 1900 hours.", "2026-01-01", {}},
      // one entry per surface text, case-insensitive
      {"Today we rally. Today, and today again.", "2026-01-20", {{"Today", "2026-01-20"}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindDates(c.text, c.published), c.want) << c.text;
  }
}

TEST(DatesTest, NoPublicationDateKeepsOnlyAbsoluteDates) {
  auto got = FindDates("Today, on Monday, in April, the law of May 5, 2025 and FY27 since 2019.", "");
  std::vector<std::pair<std::string, std::string>> want = {
      {"May 5, 2025", "2025-05-05"}, {"FY27", "FY2027"}, {"2019", "2019"}};
  EXPECT_EQ(got, want);
}

TEST(DatesTest, TakenSpansAreSkipped) {
  std::string text = "Local Law 12 of 2019 passed in 2020.";
  auto got = FindDates(text, "2026-01-01", {TextSpan{0, 20}});
  std::vector<std::pair<std::string, std::string>> want = {{"2020", "2020"}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace amicus::internal
