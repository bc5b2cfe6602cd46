#include "fetch/watch_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace veille::fetch {
namespace {

constexpr const char* kSchema = "veille.watch/1";

std::string String(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void FeedState::MarkSeen(const std::string& link, size_t keep) {
  attempts.erase(link);
  if (!seen_set_.insert(link).second) return;
  seen_.push_back(link);
  while (seen_.size() > keep) {
    seen_set_.erase(seen_.front());
    seen_.pop_front();
  }
}

const FeedState* WatchState::Find(const std::string& url) const {
  auto it = feeds_.find(url);
  return it == feeds_.end() ? nullptr : &it->second;
}

Result<WatchState> WatchState::Load(const std::string& path) {
  WatchState state;
  std::error_code missing;
  if (!std::filesystem::exists(path, missing) && !missing) return state;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read failed");
  nlohmann::json root = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  auto broken = [&](const std::string& why) {
    return Status(StatusCode::kInvalidJson, path + " is not a veille watch state file (" + why + ")");
  };
  if (root.is_discarded() || !root.is_object()) return broken("not a JSON object");
  if (String(root, "schema") != kSchema) return broken("no \"schema\": \"" + std::string(kSchema) + "\"");
  auto feeds = root.find("feeds");
  if (feeds == root.end() || !feeds->is_object()) return broken("no \"feeds\" object");
  for (const auto& [url, value] : feeds->items()) {
    if (!value.is_object()) return broken("feed " + url + " is not an object");
    FeedState& feed = state.feeds_[url];
    feed.etag = String(value, "etag");
    feed.last_modified = String(value, "last_modified");
    feed.checked = String(value, "checked");
    if (auto seen = value.find("seen"); seen != value.end() && seen->is_array()) {
      for (const nlohmann::json& link : *seen) {
        if (link.is_string()) feed.MarkSeen(link.get<std::string>(), static_cast<size_t>(-1));
      }
    }
    if (auto attempts = value.find("attempts"); attempts != value.end() && attempts->is_object()) {
      for (const auto& [link, count] : attempts->items()) {
        if (count.is_number_integer()) feed.attempts[link] = count.get<int>();
      }
    }
  }
  return state;
}

Status WatchState::Save(const std::string& path) const {
  nlohmann::json feeds = nlohmann::json::object();
  for (const auto& [url, feed] : feeds_) {
    nlohmann::json attempts = nlohmann::json::object();
    for (const auto& [link, count] : feed.attempts) attempts[link] = count;
    feeds[url] = {{"etag", feed.etag},
                  {"last_modified", feed.last_modified},
                  {"checked", feed.checked},
                  {"seen", feed.seen()},
                  {"attempts", attempts}};
  }
  nlohmann::json root = {{"schema", kSchema}, {"feeds", feeds}};
  std::string text = root.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

  // Written beside the file and renamed over it: the rename is atomic.
  std::string temporary = path + ".tmp" + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status(StatusCode::kIoError, temporary + ": " + std::strerror(errno));
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      return Status(StatusCode::kIoError, temporary + ": " + std::strerror(error));
    }
    written += static_cast<size_t>(n);
  }
  int synced = ::fsync(fd);
  int error = errno;
  if (::close(fd) != 0 && synced == 0) {
    synced = -1;
    error = errno;
  }
  if (synced != 0) {
    ::unlink(temporary.c_str());
    return Status(StatusCode::kIoError, temporary + ": " + std::strerror(error));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary.c_str());
    return Status(StatusCode::kIoError, path + ": " + std::strerror(error));
  }
  return Status::Ok();
}

}  // namespace veille::fetch
