// A web server for the fetcher's tests: cpp-httplib's, on 127.0.0.1 and a
// free port, answering in its own threads. It remembers every request (path
// and headers) and the most requests it was ever handling at once. Tests
// never reach an outside address.
#ifndef VEILLE_FETCH_HTTP_SERVER_FOR_TESTS_H_
#define VEILLE_FETCH_HTTP_SERVER_FOR_TESTS_H_

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fetch/httplib.h"

namespace veille::fetch {

class HttpServerForTests {
 public:
  struct Request {
    std::string path;  // with its query
    std::string user_agent, if_none_match, if_modified_since;
    std::chrono::steady_clock::time_point start, end;  // of the handler
  };

  HttpServerForTests() : server_(std::make_unique<httplib::Server>()) {}
  // Over HTTPS, with this certificate and key (PEM files).
  HttpServerForTests(const std::string& certificate, const std::string& key)
      : server_(std::make_unique<httplib::SSLServer>(certificate.c_str(), key.c_str())), https_(true) {}
  ~HttpServerForTests() { Stop(); }
  bool valid() const { return server_->is_valid(); }

  // Registers a handler for GET `pattern` (a regular expression, as httplib
  // takes it); the request is recorded around it.
  void Get(const std::string& pattern, httplib::Server::Handler handler) {
    server_->Get(pattern, [this, handler](const httplib::Request& request, httplib::Response& response) {
      Request seen;
      seen.path = request.target.empty() ? request.path : request.target;
      seen.user_agent = request.get_header_value("User-Agent");
      seen.if_none_match = request.get_header_value("If-None-Match");
      seen.if_modified_since = request.get_header_value("If-Modified-Since");
      seen.start = std::chrono::steady_clock::now();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
      }
      handler(request, response);
      seen.end = std::chrono::steady_clock::now();
      std::lock_guard<std::mutex> lock(mutex_);
      --in_flight_;
      requests_.push_back(std::move(seen));
    });
  }

  // Listens on 127.0.0.1 and a port the system picks; false when it cannot.
  bool Start() {
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return false;
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // Until it runs, stop() would not stop it.
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
  }

  void Stop() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
  }

  int port() const { return port_; }
  std::string Url(const std::string& path) const {
    return (https_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port_) + path;
  }

  std::vector<Request> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  // How many requests for `path` (with its query) were answered.
  int Count(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(std::count_if(requests_.begin(), requests_.end(),
                                          [&](const Request& r) { return r.path == path; }));
  }
  int max_in_flight() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return max_in_flight_;
  }
  void Forget() {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.clear();
  }

 private:
  std::unique_ptr<httplib::Server> server_;
  bool https_ = false;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<Request> requests_;
  int in_flight_ = 0, max_in_flight_ = 0;
};

}  // namespace veille::fetch

#endif  // VEILLE_FETCH_HTTP_SERVER_FOR_TESTS_H_
