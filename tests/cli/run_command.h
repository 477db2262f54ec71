// Test helper for the end-to-end tests: runs a shell command and returns
// its exit status, standard output and standard error.
#ifndef AMICUS_TESTS_CLI_RUN_COMMAND_H_
#define AMICUS_TESTS_CLI_RUN_COMMAND_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace amicus::testing {

struct CommandResult {
  int status = -1;  // exit status, -1 when the command did not exit normally
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` with /bin/sh; stderr goes through a file in `scratch_dir`.
inline CommandResult Sh(const std::string& command,
                        const std::filesystem::path& scratch_dir = std::filesystem::temp_directory_path()) {
  static int counter = 0;
  const std::string err_file =
      (scratch_dir / ("amicus-cmd-err-" + std::to_string(::getpid()) + "-" + std::to_string(counter++))).string();
  CommandResult r;
  FILE* p = ::popen((command + " 2>" + err_file).c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int raw = ::pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream e(err_file);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  std::filesystem::remove(err_file);
  return r;
}

}  // namespace amicus::testing

#endif  // AMICUS_TESTS_CLI_RUN_COMMAND_H_
