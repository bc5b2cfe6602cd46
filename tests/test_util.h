// Helpers shared by the end-to-end tests: run the real `veille` binary, read
// files, find the shared data.
#ifndef VEILLE_TESTS_TEST_UTIL_H_
#define VEILLE_TESTS_TEST_UTIL_H_

#include <nlohmann/json.hpp>

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

// Runs build/veille with `args`, feeding `input` on standard input.
RunResult RunVeille(const std::vector<std::string>& args, const std::string& input = "");

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

inline std::filesystem::path SharedData() { return VEILLE_SHARED_DATA; }
inline std::filesystem::path SourceDir() { return VEILLE_SOURCE_DIR; }
inline bool HaveSharedData() { return std::filesystem::exists(SharedData()); }

}  // namespace veille::testing

#endif  // VEILLE_TESTS_TEST_UTIL_H_
