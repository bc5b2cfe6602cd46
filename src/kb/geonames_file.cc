#include "kb/geonames_file.h"

#include <zip.h>

#include <charconv>
#include <fstream>
#include <memory>
#include <vector>

namespace veille::kb {
namespace {

// Longest line read; the longest in allCountries.txt is some 10 kB.
constexpr size_t kMaxLineBytes = size_t{1} << 20;

void ParseRow(std::string_view line, const std::function<void(const GeoNamesPlace&)>& place,
              uint64_t& skipped) {
  std::string_view f[15];
  size_t n = 0;
  while (n < 15) {
    size_t tab = line.find('\t');
    f[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  if (n < 15 || f[0].empty() || f[1].empty()) {
    if (!line.empty() || n > 1) ++skipped;
    return;
  }
  GeoNamesPlace p{f[0], f[1], f[2], f[3], f[6], f[7], f[8], 0};
  std::from_chars(f[14].data(), f[14].data() + f[14].size(), p.population);
  place(p);
}

// Feeds `line` with each line of a stream of chunks.
class LineSplitter {
 public:
  explicit LineSplitter(std::function<void(std::string_view)> line) : line_(std::move(line)) {}
  void Feed(std::string_view chunk) {
    while (!chunk.empty()) {
      size_t newline = chunk.find('\n');
      if (newline == std::string_view::npos) {
        if (pending_.size() < kMaxLineBytes) pending_.append(chunk.substr(0, kMaxLineBytes - pending_.size()));
        return;
      }
      if (pending_.empty()) {
        line_(chunk.substr(0, newline));
      } else {
        if (pending_.size() < kMaxLineBytes) pending_.append(chunk.substr(0, std::min(newline, kMaxLineBytes - pending_.size())));
        line_(pending_);
        pending_.clear();
      }
      chunk.remove_prefix(newline + 1);
    }
  }
  void Finish() {
    if (!pending_.empty()) line_(pending_);
    pending_.clear();
  }

 private:
  std::function<void(std::string_view)> line_;
  std::string pending_;
};

}  // namespace

Status ReadGeoNames(const std::string& path, const std::function<void(const GeoNamesPlace&)>& place,
                    uint64_t* skipped_out) {
  uint64_t skipped = 0;
  LineSplitter lines([&](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ParseRow(line, place, skipped);
  });
  std::vector<char> buffer(size_t{1} << 20);
  if (path.ends_with(".zip")) {
    int error = 0;
    std::unique_ptr<zip_t, decltype(&zip_close)> archive(zip_open(path.c_str(), ZIP_RDONLY, &error),
                                                         &zip_close);
    if (!archive) {
      zip_error_t z;
      zip_error_init_with_code(&z, error);
      std::string message = path + ": cannot read the zip archive: " + zip_error_strerror(&z);
      zip_error_fini(&z);
      return Status(StatusCode::kCorrupt, message);
    }
    zip_int64_t members = zip_get_num_entries(archive.get(), 0);
    bool any = false;
    for (zip_int64_t i = 0; i < members; ++i) {
      const char* name = zip_get_name(archive.get(), i, 0);
      if (name == nullptr || !std::string_view(name).ends_with(".txt")) continue;
      std::unique_ptr<zip_file_t, decltype(&zip_fclose)> member(zip_fopen_index(archive.get(), i, 0),
                                                                &zip_fclose);
      if (!member) return Status(StatusCode::kCorrupt, path + ": cannot read " + name);
      any = true;
      zip_int64_t n;
      while ((n = zip_fread(member.get(), buffer.data(), buffer.size())) > 0) {
        lines.Feed(std::string_view(buffer.data(), static_cast<size_t>(n)));
      }
      if (n < 0) return Status(StatusCode::kCorrupt, path + ": " + name + " is damaged");
      lines.Finish();
    }
    if (!any) return Status(StatusCode::kInvalidArgument, path + ": no .txt table in this zip");
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(StatusCode::kNotFound, path + ": cannot read");
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      lines.Feed(std::string_view(buffer.data(), static_cast<size_t>(in.gcount())));
    }
    if (in.bad()) return Status(StatusCode::kIoError, path + ": read error");
    lines.Finish();
  }
  if (skipped_out) *skipped_out = skipped;
  return Status::Ok();
}

}  // namespace veille::kb
