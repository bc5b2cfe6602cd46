#include "test_util.h"

#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sys/stat.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <fstream>
#include <sstream>

namespace veille::testing {

int TextIndexSegments(const std::string& path) {
  sqlite3* db = nullptr;
  int segments = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(DISTINCT id >> 37) FROM articles_fts_data WHERE id > 10",
                       -1, &s, nullptr);
    if (s && sqlite3_step(s) == SQLITE_ROW) segments = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return segments;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "veille-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  path_ = made ? made : pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {

std::vector<std::string> Argv(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {VEILLE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

[[noreturn]] void Exec(std::vector<std::string> storage) {
  std::vector<char*> argv;
  for (std::string& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

}  // namespace

RunResult RunVeille(const std::vector<std::string>& args, const std::string& input) {
  return RunVeille(args, RunOptions{.input = input});
}

pid_t SpawnVeille(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    Exec(Argv(args));
  }
  return pid;
}

RunResult RunVeilleOnTerminal(const std::vector<std::string>& args) {
  int terminal = -1;
  pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 1);  // stdout away: stderr stays on the terminal
    Exec(Argv(args));
  }
  RunResult result;
  char buf[4096];
  for (;;) {
    ssize_t n = read(terminal, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has closed the terminal
    result.err.append(buf, n);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(terminal);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

RunResult RunVeille(const std::vector<std::string>& args, const RunOptions& options) {
  TempDir dir;
  WriteFile(dir / "stdin", options.input);
  std::string out_path = (dir / "stdout").string(), err_path = (dir / "stderr").string();
  std::vector<std::string> argv = Argv(args);
  if (options.uid != 0) {
    // The other user may not reach the build folder (a clone in a private
    // folder): it runs a copy of the binary from this open folder.
    chmod(dir.path().c_str(), 0777);
    std::filesystem::copy_file(VEILLE_BINARY, dir / "veille");
    chmod((dir / "veille").c_str(), 0755);
    argv[0] = (dir / "veille").string();
  }
  pid_t pid = fork();
  if (pid == 0) {
    int in = open((dir / "stdin").c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (options.file_size_limit > 0) {
      // Past the limit, write() fails with EFBIG, as on a full disk, once
      // SIGXFSZ (which would kill the process) is ignored.
      signal(SIGXFSZ, SIG_IGN);
      rlimit limit{static_cast<rlim_t>(options.file_size_limit),
                   static_cast<rlim_t>(options.file_size_limit)};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (options.uid != 0 && geteuid() == 0) {
      if (setgid(options.uid) != 0 || setuid(options.uid) != 0) _exit(126);
    }
    Exec(argv);
  }
  RunResult result;
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.max_rss_kb = usage.ru_maxrss;
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

std::vector<nlohmann::json> ParseLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << line.substr(0, 200);
    lines.push_back(std::move(parsed));
  }
  return lines;
}

}  // namespace veille::testing
