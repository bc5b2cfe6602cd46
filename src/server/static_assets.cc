#include "server/static_assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace veille::server {

std::string ContentTypeOf(std::string_view path) {
  struct Type {
    std::string_view extension, type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".ico", "image/x-icon"},                {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},   {".woff2", "font/woff2"},
  };
  for (const Type& t : kTypes) {
    if (path.ends_with(t.extension)) return std::string(t.type);
  }
  return "application/octet-stream";
}

std::optional<Asset> StaticAssets::Find(std::string_view path) const {
  if (!path.starts_with("/") || path.find("..") != std::string_view::npos ||
      path.find("//") != std::string_view::npos || path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  if (folder_.empty()) {
    for (const EmbeddedAsset& asset : EmbeddedAssets()) {
      if (asset.path == path) return Asset{std::string(asset.bytes), ContentTypeOf(path)};
    }
    return std::nullopt;
  }
  // The folder's regular files, compared with the path asked: a name that
  // is not among them is never opened, whatever it says.
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path root = fs::weakly_canonical(folder_, error);
  if (error) return std::nullopt;
  for (auto it = fs::recursive_directory_iterator(root, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    std::string relative = "/" + it->path().lexically_relative(root).generic_string();
    if (relative != path) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return Asset{bytes.str(), ContentTypeOf(path)};
  }
  return std::nullopt;
}

}  // namespace veille::server
