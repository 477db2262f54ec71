// amicus-index's progress: a bar redrawn in place when stderr is a
// terminal (run here under a real pseudo-terminal), and no flood of lines
// when it is not.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

const std::string kBin = AMICUS_BINARY_DIR;

class ProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("amicus-progress-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    // 1,800 releases: the bundled ones, fifty times, with new ids.
    input_ = (dir_ / "many.jsonl").string();
    std::ofstream out(input_);
    for (int copy = 0; copy < 50; ++copy) {
      std::ifstream in(std::string(AMICUS_TEST_DATA) + "/releases.jsonl");
      for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        nlohmann::json j = nlohmann::json::parse(line);
        j["id"] = j["id"].get<std::string>() + "-" + std::to_string(copy);
        j.erase("gold");
        out << j.dump() << "\n";
      }
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string input_;
};

TEST_F(ProgressTest, BarOnATerminal) {
  const std::string db = (dir_ / "tty.db").string();
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string tool = kBin + "/amicus-index";
    ::execl(tool.c_str(), tool.c_str(), "--db", db.c_str(), input_.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has exited
    out.append(buf, static_cast<std::size_t>(n));
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << out;
  // Redrawn in place: carriage returns, a bar, a rate and a share of the input.
  EXPECT_NE(out.find('\r'), std::string::npos) << out;
  EXPECT_NE(out.find("releases"), std::string::npos) << out;
  EXPECT_NE(out.find("/s"), std::string::npos) << out;
  EXPECT_NE(out.find("%"), std::string::npos) << out;
  EXPECT_NE(out.find("1800 added"), std::string::npos) << out;
}

// Runs a tool under a pseudo-terminal and returns what it printed.
std::string UnderTerminal(const std::vector<std::string>& argv, const char* no_color) {
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return "forkpty failed";
  if (pid == 0) {
    if (no_color != nullptr) {
      ::setenv("NO_COLOR", no_color, 1);
    } else {
      ::unsetenv("NO_COLOR");
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  return out;
}

TEST_F(ProgressTest, ColoursOnlyOnATerminalAndNotWithNoColor) {
  const std::string db = (dir_ / "color.db").string();
  ASSERT_EQ(std::system((kBin + "/amicus-index --quiet --db " + db + " " + std::string(AMICUS_TEST_DATA) +
                         "/releases.jsonl").c_str()),
            0);
  const std::vector<std::string> search = {kBin + "/amicus-search", "--db", db, "sanctuary"};
  std::string coloured = UnderTerminal(search, nullptr);
  EXPECT_NE(coloured.find("\x1b["), std::string::npos) << coloured;
  std::string plain = UnderTerminal(search, "1");
  EXPECT_EQ(plain.find("\x1b["), std::string::npos) << plain;
  EXPECT_NE(plain.find("releases match"), std::string::npos) << plain;
}

TEST_F(ProgressTest, NoFloodWithoutATerminal) {
  const std::string db = (dir_ / "pipe.db").string();
  const std::string log = (dir_ / "log.txt").string();
  const std::string command = kBin + "/amicus-index --db " + db + " " + input_ + " 2>" + log + " </dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(log);
  int lines = 0;
  std::string text, line;
  while (std::getline(in, line)) {
    ++lines;
    text += line + "\n";
  }
  // Periodic lines come every 30 s at most: a short run prints the summary
  // (and perhaps one progress line), never a line per release.
  EXPECT_LE(lines, 3) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;
  EXPECT_NE(text.find("1800 added"), std::string::npos) << text;
}

TEST_F(ProgressTest, ForcedLinesAreReadableAndQuietMeansQuiet) {
  const std::string log = (dir_ / "quiet.txt").string();
  const std::string command =
      kBin + "/amicus-index --quiet --db " + (dir_ / "q.db").string() + " " + input_ + " 2>" + log;
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(std::filesystem::file_size(log), 0u);
}

}  // namespace
