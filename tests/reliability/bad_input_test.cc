// Bad input (issue 6): for each kind of broken input, the REAL amicus-index
// runs on a file that has it, mixed with valid releases, and we check what a
// person running it would see: a message naming the file and line (or
// release) and what to do, every valid release around it indexed (read back
// from the database), the summary counts, a non-zero exit status when
// something was skipped, and --strict stopping at the first problem.
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "amicus/ingest.h"
#include "reliability/reliability_util.h"

namespace amicus::testing {
namespace {

struct Expected {
  std::set<std::string> ids;            // exactly the releases in the database afterwards
  std::vector<std::string> messages;    // each must appear in stderr
  std::string summary;                  // "N added, N replaced, N skipped, N errors" prefix
  int status = 1;
};

// The ids the archive reader gives the releases of `path` read as `name`.
std::set<std::string> ArchiveIds(const std::string& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  std::set<std::string> ids;
  ReadTextArchive(in, name, {}, [&](Release&& r) { ids.insert(r.id); return true; }, nullptr);
  return ids;
}

class BadInputTest : public ::testing::Test {
 protected:
  BadInputTest() : dir_("bad") {}

  std::string Path(const std::string& rel) { return dir_ / rel; }
  std::string Write(const std::string& rel, const std::string& bytes) {
    WriteFile(dir_.path() / rel, bytes);
    return Path(rel);
  }

  // Runs amicus-index on `inputs` into a fresh database and checks it all.
  RunResult IndexAndCheck(const std::vector<std::string>& inputs, const Expected& want,
                          const std::vector<std::string>& extra_flags = {}) {
    const std::string db = Path("db-" + std::to_string(runs_++));
    std::vector<std::string> argv = {Tool("amicus-index"), "--db", db};
    argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    RunResult r = RunTool(argv, dir_);
    EXPECT_EQ(r.status, want.status) << r.err;
    for (const std::string& m : want.messages) {
      EXPECT_NE(r.err.find(m), std::string::npos) << "expected message: " << m << "\nstderr:\n" << r.err;
    }
    if (!want.summary.empty()) {
      EXPECT_NE(r.err.find("amicus-index: " + want.summary), std::string::npos)
          << "expected summary: " << want.summary << "\nstderr:\n" << r.err;
    }
    EXPECT_EQ(IdsIn(db), want.ids) << r.err;
    last_db_ = db;
    return r;
  }

  // --strict: stops at the first problem, with a non-zero status, after
  // committing what came before; `after` (a release past the problem) is not
  // indexed.
  void StrictStops(const std::vector<std::string>& inputs, const std::set<std::string>& before,
                   const std::string& after) {
    const std::string db = Path("strict-" + std::to_string(runs_++));
    std::vector<std::string> argv = {Tool("amicus-index"), "--strict", "--db", db};
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    RunResult r = RunTool(argv, dir_);
    EXPECT_NE(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("stopped"), std::string::npos) << r.err;
    std::set<std::string> ids = IdsIn(db);
    for (const std::string& id : before) EXPECT_TRUE(ids.count(id)) << id << " (before the problem)\n" << r.err;
    EXPECT_FALSE(ids.count(after)) << after << " comes after the problem; --strict must stop before it\n" << r.err;
  }

  TempDir dir_;
  int runs_ = 0;
  std::string last_db_;
};

// A JSONL line from sample `n` with one field overwritten by raw JSON text.
std::string LineWith(const std::string& id, std::size_t n, const std::string& meta_key, const std::string& raw) {
  nlohmann::json j = nlohmann::json::parse(ValidLine(id, n));
  j["meta"][meta_key] = nlohmann::json::parse(raw);
  return j.dump() + "\n";
}

TEST_F(BadInputTest, UnparseableJsonLine) {
  const std::string f = Write("broken.jsonl", ValidLine("a1", 0) +
                                                  "{\"id\": \"a-bad\", \"meta\": {\"title\": \"x\"}, \"text\": \"open}\n" +
                                                  "this is not json at all\n" + ValidLine("a2", 1));
  IndexAndCheck({f}, {{"a1", "a2"},
                      {f + ":2: not valid JSON", f + ":3: not valid JSON", "line skipped"},
                      "2 added, 0 replaced, 2 skipped, 0 errors"});
  StrictStops({f}, {"a1"}, "a2");
}

TEST_F(BadInputTest, MissingOrNonStringIdTitleText) {
  const std::string f = Write(
      "fields.jsonl",
      ValidLine("b1", 2) +                                                   // 1
          "{\"meta\": {\"title\": \"No id\"}, \"text\": \"Body.\"}\n" +       // 2
          "{\"id\": 7, \"meta\": {\"title\": \"Numeric id\"}, \"text\": \"Body.\"}\n" +  // 3
          "{\"id\": \"b-t\", \"meta\": {}, \"text\": \"No title.\"}\n" +     // 4
          "{\"id\": \"b-t2\", \"meta\": {\"title\": [\"x\"]}, \"text\": \"Array title.\"}\n" +  // 5
          "{\"id\": \"b-x\", \"meta\": {\"title\": \"No text\"}}\n" +        // 6
          "{\"id\": \"b-x2\", \"meta\": {\"title\": \"Object text\"}, \"text\": {\"p\": 1}}\n" +  // 7
          "{\"id\": null, \"meta\": {\"title\": \"Null id\"}, \"text\": \"Body.\"}\n" +  // 8
          ValidLine("b2", 3));                                                // 9
  IndexAndCheck({f}, {{"b1", "b2"},
                      {f + ":2: missing \"id\"", f + ":3: \"id\" must be a string, found a number",
                       f + ":4: missing \"title\"", f + ":5: meta.\"title\" must be a string, found an array",
                       f + ":6: missing \"text\"", f + ":7: \"text\" must be a string, found an object",
                       f + ":8: missing \"id\""},
                      "2 added, 0 replaced, 7 skipped, 0 errors"});
  StrictStops({f}, {"b1"}, "b2");
}

TEST_F(BadInputTest, PublishedNotARealDate) {
  const std::string f = Write("dates.jsonl", ValidLine("c1", 4) + LineWith("c-feb30", 5, "published", "\"2026-02-30\"") +
                                                 LineWith("c-week", 6, "published", "\"next week\"") +
                                                 LineWith("c-num", 7, "published", "20260130") + ValidLine("c2", 8));
  IndexAndCheck({f}, {{"c1", "c2"},
                      {f + ":2: meta.\"published\" \"2026-02-30\" is not a real YYYY-MM-DD date",
                       f + ":3: meta.\"published\" \"next week\" is not a real YYYY-MM-DD date",
                       "write the publication day as YYYY-MM-DD",
                       f + ":4: meta.\"published\" must be a string, found a number"},
                      "2 added, 0 replaced, 3 skipped, 0 errors"});
  StrictStops({f}, {"c1"}, "c2");
}

TEST_F(BadInputTest, InvalidUtf8AndNulBytesInLines) {
  // Two valid releases first, so the bad lines lie past the 8 KB that the
  // reader sniffs for binary content: this tests the line-level handling.
  std::string bad_utf8 = ValidLine("d-utf8", 9);
  bad_utf8.replace(bad_utf8.find("\"title\":\"") + 9, 0, "Caf\xE9 \xFF\xFE ");
  std::string raw_nul = ValidLine("d-nul", 10);
  raw_nul.replace(raw_nul.find("\"text\":\"") + 8, 0, std::string("NUL\0here ", 9));
  // An escaped NUL is valid JSON and valid UTF-8: it is indexed.
  std::string escaped_nul = ValidLine("d-escnul", 11);
  escaped_nul.replace(escaped_nul.find("\"text\":\"") + 8, 0, "before\\u0000after ");
  const std::string f = Write("bytes.jsonl", ValidLine("d1", 12) + ValidLine("d2", 13) + ValidLine("d3", 14) +
                                                 bad_utf8 + raw_nul + escaped_nul + ValidLine("d4", 15));
  ASSERT_GT(ReadFile(f).find(std::string(1, '\0')), 8192u);
  IndexAndCheck({f}, {{"d1", "d2", "d3", "d-escnul", "d4"},
                      {f + ":4: invalid UTF-8 at byte", "iconv", f + ":5: not valid JSON"},
                      "5 added, 0 replaced, 2 skipped, 0 errors"});
  StrictStops({f}, {"d1", "d2", "d3"}, "d4");

  // A text archive with Latin-1 bytes: the release is kept (bad bytes
  // replaced), and the problem is reported once with its line.
  std::string archive = ReadFile(TestData("ingest/pressroom.txt"));
  const std::size_t at = archive.find("Nobody should");
  ASSERT_NE(at, std::string::npos);
  archive.insert(at, "Se\xF1or \xE9t\xE9 ");
  const std::string txt = Write("latin/pressroom.txt", archive);
  const std::set<std::string> archive_ids = ArchiveIds(TestData("ingest/pressroom.txt"), "pressroom.txt");
  ASSERT_GE(archive_ids.size(), 3u);
  IndexAndCheck({txt}, {archive_ids, {txt + ":", "invalid UTF-8 at byte", "iconv"}, "", 1});
}

TEST_F(BadInputTest, NulByteInsideAJsonlLineNearTheStart) {
  std::string bad = "{\"id\": \"n-bad\", \"meta\": {\"title\": \"Two\"}, \"text\": \"a_b\"}\n";
  bad[bad.find('_')] = '\0';
  const std::string f = Write("nul.jsonl", "{\"id\": \"n1\", \"meta\": {\"title\": \"One\"}, \"text\": \"First.\"}\n" +
                                               bad + "{\"id\": \"n2\", \"meta\": {\"title\": \"Three\"}, \"text\": \"Third.\"}\n");
  ASSERT_NE(ReadFile(f).find(std::string(1, '\0')), std::string::npos);
  IndexAndCheck({f}, {{"n1", "n2"}, {f + ":2:"}, "2 added, 0 replaced, 1 skipped, 0 errors"});
}

TEST_F(BadInputTest, Utf16AndLatin1Files) {
  const std::string good = Write("good.jsonl", ValidLine("e1", 1));
  // UTF-16LE with a byte-order mark, as Windows tools write it.
  std::string utf16 = "\xFF\xFE";
  const std::string ascii_line = nlohmann::json::parse(ValidLine("e-utf16", 2)).dump(-1, ' ', /*ensure_ascii=*/true) + "\n";
  for (char c : ascii_line) {
    utf16 += c;
    utf16 += '\0';
  }
  const std::string u16 = Write("utf16.jsonl", utf16);
  // Latin-1: ASCII lines are fine, lines with accented letters are not UTF-8.
  const std::string latin1 = Write("latin1.jsonl", ValidLine("e2", 3) +
                                                       "{\"id\": \"e-lat\", \"meta\": {\"title\": \"Se\xF1or Mu\xF1oz\"}, "
                                                       "\"text\": \"Caf\xE9 y m\xE1s.\"}\n" +
                                                       ValidLine("e3", 4));
  const std::string tail = Write("tail.jsonl", ValidLine("e4", 5));
  IndexAndCheck({good, u16, latin1, tail},
                {{"e1", "e2", "e3", "e4"},
                 {u16 + ": this file is UTF-16 text; skipped. Convert it to UTF-8", latin1 + ":2: invalid UTF-8",
                  "iconv -f windows-1252 -t utf-8"},
                 "4 added, 0 replaced, 2 skipped, 0 errors"});
  StrictStops({good, u16, latin1, tail}, {"e1"}, "e4");
}

TEST_F(BadInputTest, EmptyFile) {
  const std::string a = Write("a.jsonl", ValidLine("f1", 6));
  const std::string empty_jsonl = Write("empty.jsonl", "");
  const std::string empty_txt = Write("empty.txt", "");
  const std::string blank = Write("blank.jsonl", "\n   \n\n");
  const std::string b = Write("b.jsonl", ValidLine("f2", 7));
  RunResult r = IndexAndCheck({a, empty_jsonl, empty_txt, blank, b},
                              {{"f1", "f2"}, {empty_jsonl + ":", empty_txt + ":", "empty"}, "2 added, 0 replaced"});
}

TEST_F(BadInputTest, TwentyMegabyteRelease) {
  // Generated here, in a temp dir: ~20 MB of real release paragraphs.
  const std::vector<nlohmann::json> samples = SampleReleases();
  std::string text;
  text.reserve(21 << 20);
  for (std::size_t k = 0; text.size() < (20u << 20); ++k) {
    text += samples[k % samples.size()]["text"].get<std::string>();
    text += "\n\n";
  }
  nlohmann::json big = nlohmann::json::parse(ValidLine("g-big", 8));
  big["text"] = text;
  const std::string f = Write("big.jsonl", ValidLine("g1", 9) + big.dump() + "\n" + ValidLine("g2", 10));
  const std::string db = Path("db-big");
  RunResult r = RunTool({Tool("amicus-index"), "--db", db, f}, dir_);
  std::map<std::string, StoredRelease> stored;
  std::map<std::string, int> counts;
  std::string error;
  ASSERT_TRUE(ReadDatabase(db, &stored, &counts, &error)) << error;
  EXPECT_TRUE(stored.count("g1")) << r.err;
  EXPECT_TRUE(stored.count("g2")) << r.err;
  if (stored.count("g-big")) {
    // Indexed: whole, and the run says all went well.
    EXPECT_EQ(stored["g-big"].text, text);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("3 added, 0 replaced, 0 skipped, 0 errors"), std::string::npos) << r.err;
  } else {
    // Refused: then with a message naming the file and line, and status 1.
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find(f + ":2:"), std::string::npos) << r.err;
  }
}

TEST_F(BadInputTest, BinaryFileInsideAFolder) {
  std::string blob(4096, '\0');
  std::mt19937 rng(42);
  for (char& c : blob) c = static_cast<char>(rng() & 0xFF);
  blob[10] = '\0';
  Write("in/a.jsonl", ValidLine("h1", 11));
  Write("in/blob.dat", blob);                      // no extension amicus knows: sniffed
  Write("in/sub/cover.png", "\x89PNG\r\n\x1A\n" + blob);  // skipped by extension
  Write("in/sub/tables.jsonl", std::string("{\"id\"\0\0\x01", 7) + blob);  // binary with a .jsonl name
  Write("in/z.jsonl", ValidLine("h2", 12));
  const std::string in = Path("in");
  IndexAndCheck({in},
                {{"h1", "h2"},
                 {in + "/blob.dat: binary file", in + "/sub/cover.png: a .png file is not a press release",
                  in + "/sub/tables.jsonl: binary file", "skipped"},
                 "2 added, 0 replaced, 3 skipped, 0 errors"});
  StrictStops({in}, {"h1"}, "h2");
}

TEST_F(BadInputTest, TruncatedLastLine) {
  const std::string third = ValidLine("i3", 13);
  const std::string f = Write("cut.jsonl", ValidLine("i1", 14) + ValidLine("i2", 15) + third.substr(0, third.size() / 2));
  IndexAndCheck({f}, {{"i1", "i2"}, {f + ":3: the file looks truncated", "re-download"},
                      "2 added, 0 replaced, 1 skipped, 0 errors"});
  const std::string g = Write("cut2.jsonl", ValidLine("i4", 16) + third.substr(0, third.size() / 2));
  StrictStops({g, Write("after.jsonl", ValidLine("i5", 17))}, {"i4"}, "i5");
}

TEST_F(BadInputTest, ArchiveWithoutADateline) {
  const std::string a = Write("a.jsonl", ValidLine("j1", 18));
  const std::string notes =
      Write("notes.txt", "Meeting notes\n\nWe talked about the budget.\nNo release here, no dateline either.\n\n"
                         "Next steps: call the council.\n");
  // Text before the first release of an otherwise good archive.
  const std::string press = ReadFile(TestData("ingest/pressroom.txt"));
  const std::string junk = Write("arch/pressroom.txt", "Skip to content\nMenu\nHome | About | News\n\n" + press);
  const std::string b = Write("b.jsonl", ValidLine("j2", 19));
  std::set<std::string> want = ArchiveIds(TestData("ingest/pressroom.txt"), "pressroom.txt");
  want.insert("j1");
  want.insert("j2");
  IndexAndCheck({a, notes, junk, b}, {want,
                                      {notes + ":1: no dateline found", "a title line followed by a dateline",
                                       junk + ":1: no dateline found"},
                                      ""});
  StrictStops({a, notes, b}, {"j1"}, "j2");
}

TEST_F(BadInputTest, DuplicateIdsInOneInput) {
  const std::string f = Write("dups.jsonl", ValidLine("k1", 20) + ValidLine("k2", 21) + ValidLine("k1", 22) +
                                                ValidLine("k3", 23));
  IndexAndCheck({f}, {{"k1", "k2", "k3"},
                      {f + ":3: release id k1 was already given earlier in this run", "give every release its own id"},
                      "3 added, 0 replaced, 0 skipped, 0 errors, 1 repeated ids"});
  // The later copy won, and is stored once.
  std::map<std::string, StoredRelease> stored;
  std::map<std::string, int> counts;
  std::string error;
  ASSERT_TRUE(ReadDatabase(last_db_, &stored, &counts, &error)) << error;
  EXPECT_EQ(stored["k1"].title, SampleReleases()[22]["meta"]["title"].get<std::string>());
  StrictStops({f}, {"k1", "k2"}, "k3");
}

}  // namespace
}  // namespace amicus::testing
