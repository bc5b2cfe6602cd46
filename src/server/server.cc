// The HTTP server of `veille serve`: routes, limits and the headers every
// answer carries. What the API answers is made in api_json.cc and
// article_view.cc; the dashboard's files come from static_assets.cc.
#include "veille/server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>

#include "fetch/httplib.h"
#include "server/api_json.h"
#include "server/article_view.h"
#include "server/bearer_token.h"
#include "server/response_cache.h"
#include "server/static_assets.h"
#include "server/store_pool.h"
#include "veille/ingest.h"
#include "veille/input.h"
#include "veille/options.h"
#include "veille/profile.h"
#include "veille/query.h"

namespace veille {
namespace {

using nlohmann::json;
using server::Dump;
using server::ErrorJson;
using server::Page;

// Article text is untrusted: the dashboard runs only its own scripts and
// styles, loads nothing from elsewhere, and is never framed.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

// The pages of the dashboard: one document, which routes in the browser.
const std::regex kPageRoute(R"(/|/search|/quotes|/outlets|/article/[^/]+|/entity/.+)");

// What the lists give at most per page.
constexpr size_t kMaxLimit = 100;

// An error the client can act on: an HTTP status and a JSON body.
struct ApiError {
  int status;
  std::string code, message;
  json extra = json::object();
};

void Answer(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(Dump(body), "application/json");
}

void Answer(httplib::Response& res, const ApiError& e) {
  json body = ErrorJson(e.code, e.message);
  for (auto& [key, value] : e.extra.items()) body["error"][key] = value;
  Answer(res, e.status, body);
}

// A whole number parameter within [low, high], or `otherwise` when absent.
Result<size_t> Number(const httplib::Request& req, const char* name, size_t otherwise,
                      size_t low, size_t high) {
  if (!req.has_param(name)) return otherwise;
  std::string text = req.get_param_value(name);
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return Status(StatusCode::kInvalidArgument, std::string(name) + " must be a whole number from " +
                                                    std::to_string(low) + " to " +
                                                    std::to_string(high) + ", not \"" + text + "\"");
  }
  return value;
}

Result<Page> PageOf(const httplib::Request& req, size_t default_limit) {
  Result<size_t> offset = Number(req, "offset", 0, 0, 100000);
  if (!offset.ok()) return offset.status();
  Result<size_t> limit = Number(req, "limit", default_limit, 1, kMaxLimit);
  if (!limit.ok()) return limit.status();
  return Page{*offset, *limit};
}

// A query the parser refused: its message starts "at N: " (1-based, in
// characters), which becomes the error's position.
ApiError BadQuery(const Status& status) {
  ApiError e{400, "bad_query", status.message()};
  const std::string& m = status.message();
  if (m.starts_with("at ")) {
    size_t position = 0;
    auto [end, error] = std::from_chars(m.data() + 3, m.data() + m.size(), position);
    if (error == std::errc() && *end == ':') e.extra["position"] = position;
  }
  return e;
}

// Whether another socket listens on the port. cpp-httplib binds with
// SO_REUSEPORT, so that a second server on a taken port would share it
// silently; a socket bound without that option is refused instead.
bool PortTaken(const std::string& address, int port) {
  addrinfo hints{}, *found = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
  if (getaddrinfo(address.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return false;
  bool taken = false;
  for (addrinfo* a = found; a && !taken; a = a->ai_next) {
    int probe = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (probe < 0) continue;
    int yes = 1;  // a connection of a server gone in TIME_WAIT is no listener
    setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    taken = bind(probe, a->ai_addr, a->ai_addrlen) != 0 && errno == EADDRINUSE;
    close(probe);
  }
  freeaddrinfo(found);
  return taken;
}

// cpp-httplib listens with a backlog of 5, compiled into Debian's library:
// fifty clients connecting at once overflow it, the kernel drops their
// handshakes, and they retry after 1, 3, 7 s. listen() again on the bound
// socket (found by its port) raises the backlog; Linux allows that.
void RaiseListenBacklog(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    sockaddr_storage address{};
    socklen_t size = sizeof address;
    int listening = 0;
    socklen_t flag_size = sizeof listening;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) continue;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &flag_size) != 0 || !listening) continue;
    int bound = address.ss_family == AF_INET
                    ? ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port)
                : address.ss_family == AF_INET6
                    ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                    : -1;
    if (bound == port) listen(fd, SOMAXCONN);
  }
}

class HttpServer final : public Server {
 public:
  explicit HttpServer(const ServerOptions& options)
      : options_(options),
        stores_(options.db, {.busy_timeout_ms = options.busy_timeout_ms, .read_only = true},
                std::max<size_t>(2, 2 * std::thread::hardware_concurrency())),
        token_(options.token),
        assets_(options.assets_dir),
        cache_(options.cache_bytes) {}

  Status Setup() {
    // The archive must be there and readable before the port is taken.
    Result<server::StorePool::Lease> store = stores_.Borrow();
    if (!store.ok()) return store.status();
    if (cache_.enabled()) {
      Result<std::unique_ptr<Store>> watcher =
          Store::Open(options_.db, {.busy_timeout_ms = options_.busy_timeout_ms, .read_only = true});
      if (!watcher.ok()) return watcher.status();
      watcher_ = std::move(*watcher);
    }
    Routes();
    Limits();
    if (options_.port != 0 && PortTaken(options_.address, options_.port)) {
      return Status(StatusCode::kIoError, "cannot listen on " + options_.address + ":" +
                                              std::to_string(options_.port) + ": the port is in use");
    }
    bool bound = options_.port == 0
                     ? (port_ = http_.bind_to_any_port(options_.address)) > 0
                     : http_.bind_to_port(options_.address, port_ = options_.port);
    if (!bound) {
      return Status(StatusCode::kIoError, "cannot listen on " + options_.address + ":" +
                                              std::to_string(options_.port) +
                                              " (in use, or not an address of this machine)");
    }
    RaiseListenBacklog(port_);
    return Status::Ok();
  }

  int port() const override { return port_; }

  Status Run() override {
    if (!http_.listen_after_bind()) {
      return Status(StatusCode::kIoError, "the server's socket failed");
    }
    return Status::Ok();
  }

  void Stop() override { http_.stop(); }

 private:
  void Limits() {
    http_.new_task_queue = [threads = options_.threads] {
      return new httplib::ThreadPool(static_cast<size_t>(std::max(threads, 1)));
    };
    // Answers go out at once: with Nagle's algorithm, a small answer after
    // a request on a kept-alive connection waits for the client's delayed
    // ACK, some 40 ms.
    http_.set_tcp_nodelay(true);
    http_.set_payload_max_length(options_.max_request_bytes);
    http_.set_read_timeout(options_.read_timeout_seconds, 0);
    http_.set_write_timeout(options_.read_timeout_seconds, 0);
    http_.set_keep_alive_timeout(options_.read_timeout_seconds);
    http_.set_keep_alive_max_count(1000);
    http_.set_default_headers({
        {"Content-Security-Policy", kContentSecurityPolicy},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Cache-Control", "no-cache"},
    });
    // Errors the library answers itself (413, 404, 400 for a malformed
    // request) get a JSON body too.
    http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const char* code = res.status == 404   ? "not_found"
                         : res.status == 413 ? "too_large"
                         : res.status == 414 ? "too_large"
                         : res.status == 431 ? "too_large"
                         : res.status < 500  ? "bad_request"
                                             : "internal";
      std::string message = res.status == 404   ? "nothing here"
                            : res.status == 413 ? "the request is larger than this server takes"
                            : res.status == 414 ? "the URL is too long"
                            : res.status >= 500 ? "the server failed"
                                                : "malformed request";
      res.set_content(Dump(ErrorJson(code, message)), "application/json");
    });
    http_.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                   std::exception_ptr error) {
      std::string what = "unexpected error";
      try {
        if (error) std::rethrow_exception(error);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      Answer(res, 500, ErrorJson("internal", what));
    });
  }

  // The archive's generation; "" when it cannot be told, and nothing is
  // kept then.
  std::string Generation() {
    std::lock_guard lock(watcher_mutex_);
    if (!watcher_) return "";
    Result<std::string> generation = watcher_->Generation();
    return generation.ok() ? *generation : "";
  }

  // `handler`, with its successful answers kept in the cache for as long
  // as the archive does not change: keyed by the path and the parameters,
  // in order.
  httplib::Server::Handler Cached(httplib::Server::Handler handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      std::string generation = cache_.enabled() ? Generation() : "";
      if (generation.empty()) return handler(req, res);
      std::string key = req.path;
      for (const auto& [name, value] : req.params) key += "\n" + name + "=" + value;
      if (std::shared_ptr<const std::string> kept = cache_.Find(key, generation)) {
        res.set_content(*kept, "application/json");
        return;
      }
      handler(req, res);
      if (res.status == 200) cache_.Put(key, generation, res.body);
    };
  }

  // Runs `handler` with a store, answering its ApiError or its JSON.
  template <typename Handler>
  void WithStore(httplib::Response& res, Handler handler) {
    Result<server::StorePool::Lease> store = stores_.Borrow();
    if (!store.ok()) {
      Answer(res, {503, "archive_unavailable", store.status().message()});
      return;
    }
    Result<json> body = handler(**store);
    if (!body.ok()) {
      const Status& s = body.status();
      if (s.code() == StatusCode::kInvalidArgument) {
        Answer(res, {400, "bad_request", s.message()});
      } else if (s.code() == StatusCode::kNotFound) {
        Answer(res, {404, "not_found", s.message()});
      } else {
        Answer(res, {500, "archive_error", s.message()});
      }
      return;
    }
    Answer(res, 200, *body);
  }

  void Routes() {
    http_.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      WithStore(res, [](Store& store) -> Result<json> {
        Result<uint64_t> count = store.Count();
        if (!count.ok()) return count.status();
        return json{{"status", "ok"}, {"archive", store.kind()}, {"articles", *count}};
      });
    });

    http_.Get("/api/search", Cached([this](const httplib::Request& req, httplib::Response& res) {
      Result<Page> page = PageOf(req, 20);
      if (!page.ok()) return Answer(res, {400, "bad_request", page.status().message()});
      std::string text = req.get_param_value("q");
      Result<Query> query = ParseQuery(text);
      if (!query.ok()) return Answer(res, BadQuery(query.status()));
      std::string facets = req.get_param_value("facets");
      bool with_facets = facets == "true" || facets == "1" || facets == "yes";
      Result<server::StorePool::Lease> store = stores_.Borrow();
      if (!store.ok()) return Answer(res, {503, "archive_unavailable", store.status().message()});
      Result<SearchResult> result = (*store)->Search(
          *query, {.limit = page->limit, .offset = page->offset, .facets = with_facets,
                   .knowledge_base = options_.knowledge_base});
      if (!result.ok()) {
        // A query with nothing to look for is the user's to fix.
        if (result.status().code() == StatusCode::kInvalidArgument) {
          return Answer(res, BadQuery(result.status()));
        }
        return Answer(res, {500, "archive_error", result.status().message()});
      }
      Answer(res, 200, server::SearchJson(text, *result, *page, with_facets));
    }));

    http_.Get(R"(/api/articles/([^/]+))", Cached([this](const httplib::Request& req, httplib::Response& res) {
      std::string id = req.matches[1];
      WithStore(res, [&](Store& store) -> Result<json> {
        Result<std::optional<StoredArticle>> stored = store.Get(id);
        if (!stored.ok()) return stored.status();
        if (!stored->has_value()) {
          return Status(StatusCode::kNotFound, "no article with id \"" + id + "\" in the archive");
        }
        return server::ArticleView(id, **stored);
      });
    }));

    http_.Get(R"(/api/entities/(.+))", Cached([this](const httplib::Request& req, httplib::Response& res) {
      std::string name = req.matches[1];
      Result<Page> page = PageOf(req, 20);
      if (!page.ok()) return Answer(res, {400, "bad_request", page.status().message()});
      WithStore(res, [&](Store& store) -> Result<json> {
        Result<EntityProfile> profile =
            ProfileEntity(store, name, {.knowledge_base = options_.knowledge_base});
        if (!profile.ok()) return profile.status();
        if (profile->articles.empty()) {
          return Status(StatusCode::kNotFound, "no article of the archive names \"" + name + "\"");
        }
        return server::EntityJson(*profile, *page);
      });
    }));

    http_.Get("/api/quotes", Cached([this](const httplib::Request& req, httplib::Response& res) {
      Result<Page> page = PageOf(req, 20);
      if (!page.ok()) return Answer(res, {400, "bad_request", page.status().message()});
      QuoteSearch search{req.get_param_value("speaker"), req.get_param_value("q"), page->offset,
                         page->limit};
      if (!search.query.empty()) {
        if (Result<Query> parsed = ParseQuery(search.query); !parsed.ok()) {
          return Answer(res, BadQuery(parsed.status()));
        }
      }
      WithStore(res, [&](Store& store) -> Result<json> {
        Result<FoundQuotes> found = FindQuotes(store, search, {.knowledge_base = options_.knowledge_base});
        if (!found.ok()) return found.status();
        json items = json::array();
        for (const FoundQuote& q : found->quotes) items.push_back(server::QuoteJson(q));
        return json{{"speaker", search.speaker}, {"query", search.query},
                    {"items", std::move(items)}, {"offset", page->offset},
                    {"limit", page->limit},
                    {"next_offset", found->more ? json(page->offset + page->limit) : json()}};
      });
    }));

    http_.Get("/api/outlets", [this](const httplib::Request& req, httplib::Response& res) {
      Result<Page> page = PageOf(req, 50);
      if (!page.ok()) return Answer(res, {400, "bad_request", page.status().message()});
      WithStore(res, [&](Store& store) -> Result<json> {
        Result<std::vector<OutletSummary>> outlets = store.Outlets();
        if (!outlets.ok()) return outlets.status();
        return server::OutletsJson(*outlets, *page);
      });
    });

    http_.Post("/api/ingest", [this](const httplib::Request& req, httplib::Response& res) {
      if (token_.empty()) {
        return Answer(res, {403, "ingest_disabled",
                            "this server takes no articles: start it with --token or --token-file"});
      }
      if (!token_.Accepts(req.get_header_value("Authorization"))) {
        res.set_header("WWW-Authenticate", "Bearer realm=\"veille\"");
        return Answer(res, {401, "unauthorized",
                            "POST /api/ingest needs the header Authorization: Bearer <token>"});
      }
      IngestBody(req, res);
    });

    // Whatever else /api/ is asked for does not exist.
    auto api_not_found = [](const httplib::Request& req, httplib::Response& res) {
      Answer(res, {404, "not_found", "no such endpoint: " + req.method + " " + req.path});
    };
    http_.Get(R"(/api/.*)", api_not_found);
    http_.Post(R"(/api/.*)", api_not_found);

    http_.Get(R"(/assets/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      std::optional<server::Asset> asset = assets_.Find("/" + std::string(req.matches[1]));
      if (!asset) return Answer(res, {404, "not_found", "no such file"});
      res.set_content(std::move(asset->bytes), asset->content_type);
    });

    http_.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      if (!std::regex_match(req.path, kPageRoute)) {
        return Answer(res, {404, "not_found", "nothing here"});
      }
      std::optional<server::Asset> page = assets_.Find("/index.html");
      if (!page) return Answer(res, {500, "internal", "the dashboard was not built into veille"});
      res.set_content(std::move(page->bytes), page->content_type);
    });
  }

  // The articles of a POST /api/ingest: JSON Lines in the body, or a file
  // of any format veille reads as a multipart upload (field "file"). They
  // go through the file readers, from a private temporary file.
  void IngestBody(const httplib::Request& req, httplib::Response& res) {
    std::string name = "upload", content;
    if (req.is_multipart_form_data()) {
      if (!req.has_file("file")) {
        return Answer(res, {400, "bad_request", "a multipart upload needs a field named \"file\""});
      }
      httplib::MultipartFormData file = req.get_file_value("file");
      // Only the extension is kept: it tells the format.
      std::string given = std::filesystem::path(file.filename).filename().string();
      static const std::regex kExtension(R"((\.[A-Za-z0-9]{1,8}){1,2}$)");
      std::smatch extension;
      if (std::regex_search(given, extension, kExtension)) name += extension.str();
      content = std::move(file.content);
    } else {
      std::string type = req.get_header_value("Content-Type");
      if (type.find("json") != std::string::npos) name += ".jsonl";
      content = req.body;
    }
    if (content.empty()) return Answer(res, {400, "bad_request", "the request has no articles: the body is empty"});

    char dir_template[] = "/tmp/veille-ingest-XXXXXX";
    if (!mkdtemp(dir_template)) return Answer(res, {500, "internal", "cannot make a temporary folder"});
    std::filesystem::path dir = dir_template, path = dir / name;
    struct Cleanup {
      std::filesystem::path dir;
      ~Cleanup() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
      }
    } cleanup{dir};
    {
      std::ofstream out(path, std::ios::binary);
      out.write(content.data(), static_cast<std::streamsize>(content.size()));
      if (!out) return Answer(res, {500, "internal", "cannot write the upload to a temporary file"});
    }

    Options analysis;
    analysis.knowledge_base = options_.knowledge_base;
    Result<std::unique_ptr<InputReader>> reader = InputReader::Create({path.string()}, analysis);
    if (!reader.ok()) return Answer(res, {400, "bad_request", reader.status().message()});
    json errors = json::array();
    size_t error_count = 0;
    auto on_error = [&](const Article& article) {
      ++error_count;
      if (errors.size() >= 100 || article.errors.empty()) return;
      json e = {{"code", std::string(StatusCodeName(article.errors.front().code))},
                {"message", article.errors.front().message}};
      if (article.source.line) e["line"] = *article.source.line;
      errors.push_back(std::move(e));
    };
    // One writer at a time: SQLite takes one anyway, and ingests of one
    // server should not wait on each other's locks.
    std::lock_guard lock(ingest_mutex_);
    Result<std::unique_ptr<Store>> store =
        Store::Open(options_.db, {.busy_timeout_ms = options_.busy_timeout_ms});
    if (!store.ok()) return Answer(res, {503, "archive_unavailable", store.status().message()});
    // The corpus pass reads every article of an outlet: `veille ingest` runs
    // it; an upload of a few articles should not wait for it.
    IngestOptions ingest;
    ingest.learn_boilerplate = false;
    Result<IngestReport> report = Ingest(**reader, **store, analysis, ingest, {}, on_error);
    if (!report.ok()) return Answer(res, {500, "archive_error", report.status().message()});
    const IngestProgress& t = report->totals;
    if (t.stored == 0 && t.duplicates == 0 && error_count > 0) {
      return Answer(res, {400, "bad_request",
                          "no article could be read from the request (" + std::to_string(error_count) +
                              " error" + (error_count == 1 ? "" : "s") + ")",
                          {{"errors", errors}}});
    }
    Answer(res, 200, {{"inserted", t.stored - t.versions}, {"versions", t.versions},
                      {"duplicates", t.duplicates}, {"rejected", error_count}, {"errors", errors}});
  }

  ServerOptions options_;
  server::StorePool stores_;
  server::BearerToken token_;
  server::StaticAssets assets_;
  server::ResponseCache cache_;
  // A connection of its own that asks the archive's generation.
  std::unique_ptr<Store> watcher_;
  std::mutex watcher_mutex_;
  httplib::Server http_;
  std::mutex ingest_mutex_;
  int port_ = 0;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto server = std::make_unique<HttpServer>(options);
  if (Status s = server->Setup(); !s.ok()) return s;
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace veille
