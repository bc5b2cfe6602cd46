// Helpers shared by the end-to-end tests: run the real `veille` binary, read
// files, find the shared data.
#ifndef VEILLE_TESTS_TEST_UTIL_H_
#define VEILLE_TESTS_TEST_UTIL_H_

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace veille::testing {

struct RunResult {
  int exit_code = -1;       // -1 when killed by a signal
  std::string out;          // standard output
  std::string err;          // standard error
  long max_rss_kb = 0;      // peak resident memory of the child
};

// How to run the child.
struct RunOptions {
  std::string input;          // standard input
  uid_t uid = 0;              // when root: run as this user instead (0: stay root)
  long file_size_limit = 0;   // RLIMIT_FSIZE in bytes (0: none), a full disk
};

// Runs build/veille with `args`, feeding `input` on standard input.
RunResult RunVeille(const std::vector<std::string>& args, const std::string& input = "");
RunResult RunVeille(const std::vector<std::string>& args, const RunOptions& options);

// Starts build/veille in the background, its output thrown away; returns its
// pid (for tests that kill it).
pid_t SpawnVeille(const std::vector<std::string>& args);

// Runs build/veille with its standard error on a terminal (a pseudo-terminal)
// and returns what it wrote there.
RunResult RunVeilleOnTerminal(const std::vector<std::string>& args);

// Parses JSON Lines output; a line that does not parse fails the test.
std::vector<nlohmann::json> ParseLines(const std::string& out);

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

// A fresh temporary folder, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// The segments of an SQLite archive's full-text index of the text: FTS5
// keys each page of it by its segment's id, from bit 37 (rows up to 10 hold
// the index's structure). -1 when the file cannot be read.
int TextIndexSegments(const std::string& path);

inline std::filesystem::path SharedData() { return VEILLE_SHARED_DATA; }
inline std::filesystem::path SourceDir() { return VEILLE_SOURCE_DIR; }
inline bool HaveSharedData() { return std::filesystem::exists(SharedData()); }

}  // namespace veille::testing

#endif  // VEILLE_TESTS_TEST_UTIL_H_
