// Sharded and remote search end to end: the bundled releases indexed into
// two shards (amicus-index --shards 2), each shard served by its own
// xapian-tcpsrv on 127.0.0.1, and the real amicus-search over the remote
// shards, the local sharded folder, a stub file of remote lines, and a mix
// of local and remote, compared with a single local database of the same
// releases: same totals, same ids with the same scores (order may differ
// only among equal scores), same facets, same suggestions.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/run_command.h"

namespace {

namespace fs = std::filesystem;

const std::string kBin = AMICUS_BINARY_DIR;
const std::string kReleases = std::string(AMICUS_TEST_DATA) + "/releases.jsonl";

using amicus::testing::CommandResult;
using amicus::testing::Sh;

// A port on 127.0.0.1 that nothing listens on right now.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

struct Server {
  pid_t pid = -1;
  int port = -1;
};

// Starts xapian-tcpsrv for `db` on a free port and waits (at most 10 s)
// until it accepts connections. pid stays -1 when it could not start.
Server StartServer(const std::string& db) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    Server s;
    s.port = FreePort();
    if (s.port <= 0) continue;
    const std::string port = std::to_string(s.port);
    s.pid = ::fork();
    if (s.pid == 0) {
      // Its own process group: xapian-tcpsrv ends its connection children
      // with kill(0, SIGTERM), which would otherwise reach this test too.
      ::setpgid(0, 0);
      std::FILE* null = std::freopen("/dev/null", "w", stdout);
      (void)null;
      null = std::freopen("/dev/null", "w", stderr);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--port", port.c_str(), "--interface", "127.0.0.1", db.c_str(),
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
    if (s.pid < 0) return Server{};
    ::setpgid(s.pid, s.pid);  // also here, so that it holds before the child runs
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(s.pid, &status, WNOHANG) == s.pid) {  // it exited: the port was taken, or no xapian-tcpsrv
        s.pid = -1;
        break;
      }
      if (Accepts(s.port)) return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (s.pid > 0) {
      ::kill(-s.pid, SIGKILL);
      ::waitpid(s.pid, nullptr, 0);
    }
  }
  return Server{};
}

void StopServer(Server* s) {
  if (s->pid <= 0) return;
  ::kill(-s->pid, SIGTERM);  // the server and its connection children
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    if (::waitpid(s->pid, nullptr, WNOHANG) == s->pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-s->pid, SIGKILL);
      ::waitpid(s->pid, nullptr, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  s->pid = -1;
}

class RemoteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("amicus-remote-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    single_ = (dir_ / "single.db").string();
    sharded_ = (dir_ / "sharded.db").string();
    CommandResult a = Sh(kBin + "/amicus-index -q --db " + single_ + " " + kReleases, dir_);
    ASSERT_EQ(a.status, 0) << a.err;
    CommandResult b = Sh(kBin + "/amicus-index --progress none --shards 2 --db " + sharded_ + " " + kReleases, dir_);
    ASSERT_EQ(b.status, 0) << b.err;
    ASSERT_NE(b.err.find("holds 36 releases in 2 shards"), std::string::npos) << b.err;
    for (int i = 0; i < 2; ++i) {
      servers_[i] = StartServer((fs::path(sharded_) / ("shard-0" + std::to_string(i))).string());
      ASSERT_GT(servers_[i].pid, 0) << "could not start xapian-tcpsrv (package xapian-tools) on 127.0.0.1";
    }
    remotes_ = " --remote 127.0.0.1:" + std::to_string(servers_[0].port) + " --remote 127.0.0.1:" +
               std::to_string(servers_[1].port);
  }
  void TearDown() override {
    for (Server& s : servers_) StopServer(&s);
    fs::remove_all(dir_);
  }

  nlohmann::json Search(const std::string& where, const std::string& args) {
    CommandResult r = Sh(kBin + "/amicus-search --json -n 100 " + where + " " + args, dir_);
    EXPECT_EQ(r.status, 0) << where << " " << args << ": " << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded()) << r.out;
    return j;
  }

  // The same results: totals, suggestion and facets equal; the same ids
  // with the same scores; in the same order except among hits that tie
  // on what they are sorted by.
  static void ExpectSameResults(const nlohmann::json& want, const nlohmann::json& got, const std::string& what) {
    SCOPED_TRACE(what);
    const bool by_date = what.find("--sort") != std::string::npos;
    ASSERT_TRUE(want.is_object() && got.is_object());
    EXPECT_EQ(want["total"], got["total"]);
    EXPECT_EQ(want.value("suggestion", ""), got.value("suggestion", ""));
    EXPECT_EQ(want.contains("facets"), got.contains("facets"));
    if (want.contains("facets")) EXPECT_EQ(want["facets"], got["facets"]);
    const auto& a = want["hits"];
    const auto& b = got["hits"];
    ASSERT_EQ(a.size(), b.size());
    std::vector<std::tuple<std::string, long long, std::string>> sa, sb;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const long long wa = std::llround(a[i]["score"].get<double>() * 1e9);
      const long long wb = std::llround(b[i]["score"].get<double>() * 1e9);
      EXPECT_NEAR(wa, wb, 2) << "rank " << i + 1;  // the sort keys, in order
      if (by_date) EXPECT_EQ(a[i]["published"], b[i]["published"]) << "rank " << i + 1;
      sa.emplace_back(a[i]["id"].get<std::string>(), wa, a[i]["snippet"].get<std::string>());
      sb.emplace_back(b[i]["id"].get<std::string>(), wb, b[i]["snippet"].get<std::string>());
    }
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    for (std::size_t i = 0; i < sa.size(); ++i) {
      EXPECT_EQ(std::get<0>(sa[i]), std::get<0>(sb[i]));
      EXPECT_NEAR(std::get<1>(sa[i]), std::get<1>(sb[i]), 2) << std::get<0>(sa[i]);
      EXPECT_EQ(std::get<2>(sa[i]), std::get<2>(sb[i])) << std::get<0>(sa[i]);
    }
  }

  // Queries covering words, phrases, filters that read metadata and term
  // lists, synonyms, facets, sorting, more-like-this and spelling.
  const std::vector<std::string> queries_ = {
      "sanctuary",
      "'\"legal services\"'",
      "org:ICE",
      "place:Buffalo",
      "published:2026-01",
      "--facets detention",
      "--facets org:ICE",
      "--facets ''",
      "--facets '\"legal services\" OR detention -Buffalo'",
      "--facets --like d001",
      "--sort newest published:2026",
      "--sort oldest immigrant",
      "'ICE detention'",
      "'Department of Homeland Security'",
      "'amount:1000000..'",
      "--like d001",
      "'sanctuary polcy'",
  };

  fs::path dir_;
  std::string single_, sharded_, remotes_;
  Server servers_[2];
};

TEST_F(RemoteTest, RemoteShardsAnswerLikeOneLocalDatabase) {
  for (const std::string& q : queries_) {
    nlohmann::json want = Search("--db " + single_, q);
    EXPECT_GT(want["total"].get<int>() + (want.contains("suggestion") ? 1 : 0), 0) << q;  // the queries find something
    ExpectSameResults(want, Search(remotes_, q), "remote: " + q);
  }
}

TEST_F(RemoteTest, LocalShardFolderAnswersLikeOneDatabase) {
  for (const std::string& q : queries_) {
    ExpectSameResults(Search("--db " + single_, q), Search("--db " + sharded_, q), "sharded folder: " + q);
  }
  for (const std::string& args : {"--stats", "--entities org", "--entities person --prefix m"}) {
    CommandResult a = Sh(kBin + "/amicus-search --json --db " + single_ + " " + args, dir_);
    CommandResult b = Sh(kBin + "/amicus-search --json --db " + sharded_ + " " + args, dir_);
    CommandResult c = Sh(kBin + "/amicus-search --json " + remotes_ + " " + args, dir_);
    ASSERT_EQ(a.status, 0) << a.err;
    EXPECT_EQ(a.out, b.out) << args;
    EXPECT_EQ(a.out, c.out) << args;
  }
}

// Xapian 1.4 expands a wildcard in each database and weighs it with that
// database's statistics, so over shards a wildcard's scores differ from one
// database's (README, "Growing beyond one machine"). What it matches, and
// so the total and the facets, must not.
TEST_F(RemoteTest, WildcardsMatchAndCountLikeOneDatabase) {
  for (const std::string& q : {"--facets 'immigra*'", "--facets 'inmigra* OR deport*'"}) {
    nlohmann::json want = Search("--db " + single_, q);
    EXPECT_GT(want["total"].get<int>(), 0) << q;
    for (const std::string& where : {"--db " + sharded_, remotes_}) {
      nlohmann::json got = Search(where, q);
      EXPECT_EQ(want["total"], got["total"]) << where << " " << q;
      EXPECT_EQ(want["facets"], got["facets"]) << where << " " << q;
      std::set<std::string> a, b;
      for (const auto& h : want["hits"]) a.insert(h["id"].get<std::string>());
      for (const auto& h : got["hits"]) b.insert(h["id"].get<std::string>());
      EXPECT_EQ(a, b) << where << " " << q;  // -n 100: every match
    }
  }
}

TEST_F(RemoteTest, StubFileOfRemotesAndMixedCollectionsWork) {
  const std::string stub = (dir_ / "remote.stub").string();
  {
    std::ofstream out(stub);
    out << "# the two shards, served by xapian-tcpsrv\n"
        << "remote :127.0.0.1:" << servers_[0].port << "\n"
        << "remote :127.0.0.1:" << servers_[1].port << "\n";
  }
  const std::string mixed = "--db " + (fs::path(sharded_) / "shard-00").string() + " --remote 127.0.0.1:" +
                            std::to_string(servers_[1].port);
  for (const std::string& q : {"sanctuary", "org:ICE", "--facets detention", "'ICE detention'"}) {
    nlohmann::json want = Search("--db " + single_, q);
    ExpectSameResults(want, Search("--db " + stub, q), "stub: " + q);
    ExpectSameResults(want, Search(mixed, q), "mixed: " + q);
  }
}

TEST_F(RemoteTest, UnreachableRemoteIsReportedQuickly) {
  const int port = FreePort();
  const auto start = std::chrono::steady_clock::now();
  CommandResult r = Sh(kBin + "/amicus-search --remote 127.0.0.1:" + std::to_string(port) + " sanctuary", dir_);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("xapian-tcpsrv"), std::string::npos) << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(15));
  CommandResult bad = Sh(kBin + "/amicus-search --remote nowhere sanctuary", dir_);
  EXPECT_EQ(bad.status, 2) << bad.err;
  EXPECT_NE(bad.err.find("HOST:PORT"), std::string::npos) << bad.err;
}

}  // namespace
