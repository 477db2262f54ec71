#include "util/string_table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace amicus::internal {
namespace {

TEST(StringTableTest, EmptyTableFindsNothing) {
  StringTable<int> t;
  EXPECT_EQ(t.Find("x"), nullptr);
  EXPECT_FALSE(t.Contains(""));
  EXPECT_TRUE(t.empty());
}

TEST(StringTableTest, EmplaceKeepsTheFirstValueAndBracketsAssign) {
  StringTable<int> t;
  EXPECT_TRUE(t.Emplace("mayor", 1).second);
  auto again = t.Emplace("mayor", 2);
  EXPECT_FALSE(again.second);
  EXPECT_EQ(*again.first, 1);
  t["mayor"] = 3;
  t["governor"];  // default-constructed
  ASSERT_NE(t.Find("mayor"), nullptr);
  EXPECT_EQ(*t.Find("mayor"), 3);
  ASSERT_NE(t.Find("governor"), nullptr);
  EXPECT_EQ(*t.Find("governor"), 0);
  EXPECT_EQ(t.size(), 2u);
}

TEST(StringTableTest, LooksUpSlicesWithoutCopies) {
  StringTable<int> t;
  t["new york"] = 7;
  const std::string text = "in new york city";
  EXPECT_EQ(*t.Find(std::string_view(text).substr(3, 8)), 7);
  EXPECT_EQ(t.Find(std::string_view(text).substr(3, 7)), nullptr);  // "new yor"
  // Keys with embedded NULs and the empty key are keys like any other.
  t[std::string_view("a\0b", 3)] = 9;
  t[""] = 4;
  EXPECT_EQ(*t.Find(std::string_view("a\0b", 3)), 9);
  EXPECT_EQ(t.Find("a"), nullptr);
  EXPECT_EQ(*t.Find(""), 4);
}

// Against std::unordered_map over many keys of every length around the
// hash's load widths (0..40 bytes), through several growths.
TEST(StringTableTest, AgreesWithUnorderedMap) {
  StringTable<int> t;
  std::unordered_map<std::string, int> ref;
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) {
    std::string k;
    for (int j = 0; j < i % 41; ++j) k.push_back(static_cast<char>('a' + (i * 7 + j * 13) % 26));
    k += std::to_string(i % 977);
    keys.push_back(k);
    t[k] = i;
    ref[k] = i;
  }
  EXPECT_EQ(t.size(), ref.size());
  for (const auto& kv : ref) {
    const int* v = t.Find(kv.first);
    ASSERT_NE(v, nullptr) << kv.first;
    EXPECT_EQ(*v, kv.second);
  }
  for (const std::string& k : keys) EXPECT_EQ(t.Find(k + "x") != nullptr, ref.count(k + "x") != 0) << k;
  // Iteration visits every entry once, in insertion order.
  std::set<std::string> seen;
  for (const auto& e : t) EXPECT_TRUE(seen.insert(e.first).second);
  EXPECT_EQ(seen.size(), ref.size());
  EXPECT_EQ(t.begin()->first, keys.front());
}

TEST(StringTableTest, HashSeparatesKeysOfEveryShortLength) {
  // Keys that differ in one byte at any position, for every length up to 24,
  // must hash differently (overlapping loads must still see every byte).
  std::set<std::uint64_t> hashes;
  int n = 0;
  for (int len = 1; len <= 24; ++len) {
    for (int pos = 0; pos < len; ++pos) {
      std::string k(static_cast<std::size_t>(len), 'a');
      k[static_cast<std::size_t>(pos)] = 'b';
      hashes.insert(HashString(k));
      ++n;
    }
    hashes.insert(HashString(std::string(static_cast<std::size_t>(len), 'a')));
    ++n;
  }
  EXPECT_EQ(hashes.size(), static_cast<std::size_t>(n));
}

TEST(StringTableTest, LengthFilterNeverHidesAKey) {
  // Keys of 31 bytes and more share the filter's last length bit; shorter
  // ones do not. Either way a present key is found and an absent one is not.
  StringSet s;
  const std::string long40(40, 'x'), long35(35, 'x'), long31(31, 'x');
  s.Insert("ab");
  s.Insert(long40);
  EXPECT_TRUE(s.Contains("ab"));
  EXPECT_FALSE(s.Contains("abc"));
  EXPECT_FALSE(s.Contains("a"));
  EXPECT_FALSE(s.Contains(""));
  EXPECT_TRUE(s.Contains(long40));
  EXPECT_FALSE(s.Contains(long35));
  EXPECT_FALSE(s.Contains(long31));
  s.Insert(long31);
  EXPECT_TRUE(s.Contains(long31));
  EXPECT_FALSE(s.Contains(long35));
}

TEST(StringSetTest, InsertReportsNewKeys) {
  StringSet s;
  EXPECT_TRUE(s.Insert("county"));
  EXPECT_FALSE(s.Insert("county"));
  EXPECT_TRUE(s.Contains("county"));
  EXPECT_FALSE(s.Contains("counties"));
  EXPECT_EQ(s.size(), 1u);
}

}  // namespace
}  // namespace amicus::internal
