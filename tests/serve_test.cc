// `veille serve` as a client meets it: a real server process on a free
// loopback port, over a fixture archive the test ingests first. The API's
// answers, its errors, the ingest token, request limits, the static route
// against path traversal, and slow or oversized clients.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "fetch/httplib.h"
#include "postgres_server.h"
#include "test_util.h"

namespace veille {
namespace {

using nlohmann::json;
using testing::RunVeille;
using testing::SpawnVeille;
using testing::TempDir;
using testing::WriteFile;

constexpr const char* kArticles =
    R"({"id":"s1","outlet":"Le Monde","published":"2022-01-05","url":"https://example.org/minsk","text":"Visite à Minsk\n\nAlexandre Loukachenko a reçu mardi le ministre russe à Minsk. « Nous resterons unis », a déclaré Alexandre Loukachenko.\n"}
{"id":"s2","outlet":"Libération","published":"2022-02-01","text":"Élections en Biélorussie\n\nLe président biélorusse Loukachenka a annoncé un référendum. Selon l'opposition, Loukachenka veut rester au pouvoir.\n"}
{"id":"s3","outlet":"Le Figaro","published":"2022-03-02","text":"Conseil des ministres\n\nEmmanuel Macron a réuni le gouvernement à Paris. « La France tiendra bon », a affirmé Emmanuel Macron.\n"}
)";

// A web page whose text has entities and tags inside a name.
constexpr const char* kPage =
    R"(<!doctype html><html lang="fr"><head><title>Sommet à Bruxelles</title></head><body>
<article><h1>Sommet à Bruxelles</h1>
<p>Le chancelier <b>Olaf</b>&nbsp;Scholz a rencontré Emmanuel Macron à Bruxelles jeudi. Les deux dirigeants ont parlé de l&#8217;Ukraine pendant trois heures.</p>
<p>Selon l&rsquo;Élysée, la rencontre a été «&nbsp;constructive&nbsp;». Les ministres se retrouveront à Berlin en mars.</p>
</article></body></html>)";

int FreePort() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  getsockname(s, reinterpret_cast<sockaddr*>(&address), &size);
  close(s);
  return ntohs(address.sin_port);
}

// A connection of our own, for requests no well-behaved client sends.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawConnection() { close(fd_); }
  bool connected() const { return connected_; }
  bool Send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }
  // Everything until the server closes, or 10 s of silence.
  std::string ReadAll() {
    std::string out;
    char buffer[4096];
    ssize_t n;
    while ((n = recv(fd_, buffer, sizeof buffer, 0)) > 0) out.append(buffer, n);
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = (*dir_ / "archive.db").string();
    WriteFile(*dir_ / "a.jsonl", kArticles);
    WriteFile(*dir_ / "sommet.html", kPage);
    auto ingest = RunVeille({"ingest", "--db", db_, (*dir_ / "a.jsonl").string(),
                             (*dir_ / "sommet.html").string()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    port_ = Start({"--token", "s3cret", "--max-request-mb", "1", "--threads", "8"});
  }
  static void TearDownTestSuite() {
    Stop(pid_);
    delete dir_;
  }

  // Starts a server on the fixture archive; returns its port once /healthz
  // answers.
  static int Start(std::vector<std::string> extra, pid_t* pid_out = nullptr) {
    int port = FreePort();
    std::vector<std::string> args = {"serve", "--db", db_, "--port", std::to_string(port)};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_t pid = SpawnVeille(args);
    (pid_out ? *pid_out : pid_) = pid;
    httplib::Client client("127.0.0.1", port);
    for (int i = 0; i < 200; ++i) {
      if (auto res = client.Get("/healthz"); res && res->status == 200) return port;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "the server did not start";
    return port;
  }
  static int Stop(pid_t pid) {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
  }
  json GetJson(const std::string& path, int expect = 200) {
    auto res = Client().Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expect) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
    return json::parse(res->body, nullptr, false);
  }
  std::string FirstId(const std::string& query) {
    json found = GetJson("/api/search?q=" + httplib::detail::encode_query_param(query));
    return found["hits"].empty() ? "" : found["hits"][0]["id"].get<std::string>();
  }

  static inline TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline int port_ = 0;
  static inline pid_t pid_ = 0;
};

TEST_F(ServeTest, HealthAndSecurityHeadersOnEveryAnswer) {
  json health = GetJson("/healthz");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["articles"], 4);
  for (const char* path : {"/", "/assets/app.js", "/api/search?q=Minsk", "/api/nothing",
                           "/search?q=x", "/no/such/page"}) {
    auto res = Client().Get(path);
    ASSERT_TRUE(res) << path;
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
  auto page = Client().Get("/entity/Alexandre%20Loukachenko");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/assets/app.js"), std::string::npos);
  auto script = Client().Get("/assets/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
}

TEST_F(ServeTest, SearchWithFacetsSnippetsAndPages) {
  json found = GetJson("/api/search?q=Loukachenka&facets=true");
  ASSERT_EQ(found["total"], 1) << found.dump();
  const json& hit = found["hits"][0];
  EXPECT_EQ(hit["outlet"], "Libération");
  std::string joined;
  int matched = 0;
  for (const json& part : hit["snippet"]["parts"]) {
    joined += part["text"].get<std::string>();
    if (part["match"] == true) {
      ++matched;
      EXPECT_EQ(part["text"], "Loukachenka");
    }
  }
  EXPECT_EQ(joined, hit["snippet"]["text"]);
  EXPECT_EQ(matched, 2);
  EXPECT_EQ(found["facets"]["outlets"][0]["value"], "Libération");
  EXPECT_EQ(found["facets"]["months"][0]["value"], "2022-02");

  // Pages: two articles name Paris or Minsk; one a page.
  json first = GetJson("/api/search?q=Minsk%20OR%20Paris&limit=1");
  EXPECT_EQ(first["total"], 2);
  EXPECT_EQ(first["hits"].size(), 1u);
  EXPECT_EQ(first["next_offset"], 1);
  json second = GetJson("/api/search?q=Minsk%20OR%20Paris&limit=1&offset=1");
  EXPECT_EQ(second["hits"].size(), 1u);
  EXPECT_NE(second["hits"][0]["id"], first["hits"][0]["id"]);
  EXPECT_TRUE(second["next_offset"].is_null());

  json facets_only = GetJson("/api/search?q=outlet:%22Le%20Figaro%22");
  EXPECT_EQ(facets_only["total"], 1);
}

TEST_F(ServeTest, ClearErrorsForBadRequests) {
  json unclosed = GetJson("/api/search?q=%22Loukachenko", 400);
  EXPECT_EQ(unclosed["error"]["code"], "bad_query");
  EXPECT_EQ(unclosed["error"]["position"], 1);
  EXPECT_NE(unclosed["error"]["message"].get<std::string>().find("quote"), std::string::npos);
  EXPECT_EQ(GetJson("/api/search?q=", 400)["error"]["code"], "bad_query");
  EXPECT_EQ(GetJson("/api/search?q=x&limit=0", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/search?q=x&offset=-1", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/articles/0123456789abcdef", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/api/entities/Personne%20Inconnue", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/api/quotes", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/no/such/endpoint", 404)["error"]["code"], "not_found");
}

TEST_F(ServeTest, ArticleTextInPartsAtEverySpan) {
  std::string id = FirstId("Loukachenko outlet:\"Le Monde\"");
  ASSERT_FALSE(id.empty());
  json article = GetJson("/api/articles/" + id);
  EXPECT_EQ(article["title"], "Visite à Minsk");
  EXPECT_EQ(article["url"], "https://example.org/minsk");
  ASSERT_FALSE(article["blocks"].empty());
  std::set<std::string> entity_texts, quoted;
  bool time = false;
  for (const json& block : article["blocks"]) {
    for (const json& part : block["parts"]) {
      if (part.contains("entity")) {
        const json& e = article["entities"][part["entity"].get<size_t>()];
        EXPECT_EQ(e["text"], part["text"]);  // one part per name here
        entity_texts.insert(part["text"]);
      }
      if (part.contains("quote")) quoted.insert(part["text"]);
      if (part.contains("time")) time = true;
    }
  }
  EXPECT_TRUE(entity_texts.contains("Alexandre Loukachenko")) << article.dump();
  EXPECT_TRUE(quoted.contains("Nous resterons unis")) << article.dump();
  EXPECT_TRUE(time) << article.dump();
  ASSERT_FALSE(article["quotes"].empty());
  EXPECT_EQ(article["quotes"][0]["speaker"]["name"], "Alexandre Loukachenko");
}

TEST_F(ServeTest, AWebPageIsShownAsItsTextNotItsMarkup) {
  std::string id = FirstId("Scholz");
  ASSERT_FALSE(id.empty());
  json article = GetJson("/api/articles/" + id);
  std::string text;
  bool scholz = false;
  for (const json& block : article["blocks"]) {
    for (const json& part : block["parts"]) {
      text += part["text"].get<std::string>();
      if (part.contains("entity") && part["text"].get<std::string>().find("Scholz") != std::string::npos) {
        scholz = true;
      }
    }
    text += "\n";
  }
  EXPECT_EQ(text.find('<'), std::string::npos) << text;
  EXPECT_EQ(text.find("&nbsp;"), std::string::npos) << text;
  EXPECT_NE(text.find("l’Ukraine"), std::string::npos) << text;
  EXPECT_TRUE(scholz) << article.dump();
}

TEST_F(ServeTest, EntityQuotesAndOutlets) {
  for (const char* name : {"Lukashenko", "Loukachenka", "%D0%9B%D1%83%D0%BA%D0%B0%D1%88%D0%B5%D0%BD%D0%BA%D0%BE"}) {
    json entity = GetJson(std::string("/api/entities/") + name);
    EXPECT_EQ(entity["type"], "PER") << name;
    EXPECT_EQ(entity["articles"], 2) << name;
    EXPECT_EQ(entity["quotes"]["items"].size(), 1u) << entity.dump();
    EXPECT_FALSE(entity["co_occurring"].empty());
  }
  json paged = GetJson("/api/entities/Lukashenko?limit=1&offset=1");
  EXPECT_EQ(paged["recent"]["items"].size(), 1u);
  EXPECT_EQ(paged["recent"]["total"], 2);

  json quotes = GetJson("/api/quotes?speaker=Macron");
  ASSERT_EQ(quotes["items"].size(), 1u) << quotes.dump();
  EXPECT_EQ(quotes["items"][0]["text"], "La France tiendra bon");
  EXPECT_EQ(quotes["items"][0]["article"]["outlet"], "Le Figaro");

  json outlets = GetJson("/api/outlets?limit=2");
  EXPECT_EQ(outlets["total"], 3);  // the web page names none
  EXPECT_EQ(outlets["items"].size(), 2u);
  EXPECT_EQ(outlets["next_offset"], 2);
}

TEST_F(ServeTest, IngestNeedsTheTokenAndLimitsItsSize) {
  std::string line = R"({"id":"n1","outlet":"RFI","published":"2022-04-01","text":"Visite\n\nOlaf Scholz est arrivé à Varsovie."})";
  auto none = Client().Post("/api/ingest", line, "application/x-ndjson");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(json::parse(none->body)["error"]["code"], "unauthorized");
  EXPECT_NE(none->get_header_value("WWW-Authenticate").find("Bearer"), std::string::npos);
  for (const char* wrong : {"Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "s3cret", "Bearer "}) {
    auto res = Client().Post("/api/ingest", {{"Authorization", wrong}}, line, "application/x-ndjson");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << wrong;
  }
  EXPECT_EQ(FirstId("Varsovie"), "");

  httplib::Headers auth = {{"Authorization", "Bearer s3cret"}};
  auto added = Client().Post("/api/ingest", auth, line + "\n{broken\n", "application/x-ndjson");
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 200) << added->body;
  json report = json::parse(added->body);
  EXPECT_EQ(report["inserted"], 1);
  EXPECT_EQ(report["rejected"], 1);
  EXPECT_EQ(report["errors"][0]["line"], 2);
  EXPECT_NE(FirstId("Varsovie"), "");

  // The same again, as a file upload: stored once.
  httplib::MultipartFormDataItems upload = {{"file", line + "\n", "more.jsonl", "application/x-ndjson"}};
  auto again = Client().Post("/api/ingest", auth, upload);
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["duplicates"], 1) << again->body;

  auto garbage = Client().Post("/api/ingest", auth, "{not json at all\n", "application/x-ndjson");
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->status, 400);
  EXPECT_EQ(json::parse(garbage->body)["error"]["code"], "bad_request");
  auto empty = Client().Post("/api/ingest", auth, "", "application/x-ndjson");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);

  // Over --max-request-mb 1: refused before it is read, with or without
  // the token.
  std::string big(2 << 20, 'x');
  auto large = Client().Post("/api/ingest", auth, big, "application/x-ndjson");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_EQ(json::parse(large->body, nullptr, false).value("error", json()).value("code", ""), "too_large");
}

// Answers are kept while the archive is the same: an article another
// process stores shows at once.
TEST_F(ServeTest, KeptAnswersFollowTheArchive) {
  std::string query = "Tallinn";
  EXPECT_EQ(FirstId(query), "");
  EXPECT_EQ(FirstId(query), "");  // kept
  WriteFile(*dir_ / "more.jsonl",
            R"({"id":"k1","outlet":"RFI","published":"2022-05-01","text":"Sommet\n\nLes dirigeants baltes se sont réunis à Tallinn."})"
            "\n");
  auto ingest = RunVeille({"ingest", "--db", db_, (*dir_ / "more.jsonl").string()});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_NE(FirstId(query), "");
}

TEST_F(ServeTest, IngestIsOffWithoutAToken) {
  pid_t pid = 0;
  int port = Start({}, &pid);
  httplib::Client client("127.0.0.1", port);
  auto res = client.Post("/api/ingest", {{"Authorization", "Bearer anything"}}, "{}", "application/x-ndjson");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "ingest_disabled");
  EXPECT_EQ(Stop(pid), 0);  // SIGTERM: a clean stop, exit 0
}

TEST_F(ServeTest, NoFileOutsideTheAssetsThroughTheStaticRoute) {
  for (const char* path :
       {"/assets/../CMakeLists.txt", "/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/assets//etc/passwd", "/assets/..\\..\\etc\\passwd", "/assets/%00../etc/passwd",
        "/../../etc/passwd", "/assets/....//....//etc/passwd", "/assets/%252e%252e/etc/passwd",
        "/assets/index.html/../../CMakeLists.txt"}) {
    RawConnection c(port_);
    ASSERT_TRUE(c.connected());
    c.Send(std::string("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    std::string answer = c.ReadAll();
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
    EXPECT_EQ(answer.find("project(veille"), std::string::npos) << path;
    EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos) << path << ": " << answer.substr(0, 200);
  }
}

TEST_F(ServeTest, SurvivesOversizedHeadersAndSlowClients) {
  {
    RawConnection c(port_);
    c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 << 10, 'a') + "\r\n\r\n");
    std::string answer = c.ReadAll();
    EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos) << answer.substr(0, 200);
  }
  {
    RawConnection c(port_);
    std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 2000; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    c.Send(many + "\r\n");
    c.ReadAll();
  }
  // Slow clients: as many as the server has threads, each sending a
  // request's first bytes and then nothing. They hold their threads until
  // the read timeout; a client that comes after them is answered.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port_));
    slow.back()->Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  }
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60, 0);
  auto res = client.Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  // The slow ones were dropped, without an answer to a request never sent
  // whole.
  for (auto& c : slow) EXPECT_EQ(c->ReadAll().find("HTTP/1.1 200"), std::string::npos);
}

TEST_F(ServeTest, RefusesAMissingArchiveAndATakenPort) {
  auto missing = RunVeille({"serve", "--db", (*dir_ / "none.db").string(), "--port", "0"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such archive"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(*dir_ / "none.db"));
  auto taken = RunVeille({"serve", "--db", db_, "--port", std::to_string(port_)});
  EXPECT_EQ(taken.exit_code, 2);
  EXPECT_NE(taken.err.find("port is in use"), std::string::npos) << taken.err;
}

// The same API over a PostgreSQL archive, with the answers kept while the
// archive is unchanged (its generation is the server's WAL position).
TEST(ServePostgresTest, TheSameApiOnPostgresql) {
  std::string why;
  auto* postgres = testing::PostgresServer::Shared(&why);
  if (!postgres) {
    if (std::getenv("CI")) FAIL() << why;
    GTEST_SKIP() << why;
  }
  std::string db = postgres->NewDatabase();
  TempDir dir;
  WriteFile(dir / "a.jsonl", kArticles);
  auto ingest = RunVeille({"ingest", "--db", db, (dir / "a.jsonl").string()});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  int port = FreePort();
  pid_t pid = SpawnVeille({"serve", "--db", db, "--port", std::to_string(port), "--token", "t"});
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  for (int i = 0; i < 200 && !client.Get("/healthz"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(json::parse(health->body)["archive"], "postgresql");

  auto search = [&](const std::string& q) {
    auto res = client.Get("/api/search?facets=true&q=" + httplib::detail::encode_query_param(q));
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    return res ? json::parse(res->body) : json();
  };
  json found = search("Loukachenka");
  ASSERT_EQ(found["total"], 1) << found.dump();
  EXPECT_EQ(found["facets"]["outlets"][0]["value"], "Libération");
  bool marked = false;
  for (const json& part : found["hits"][0]["snippet"]["parts"]) marked |= part["match"] == true;
  EXPECT_TRUE(marked) << found.dump();

  auto article = client.Get("/api/articles/" + found["hits"][0]["id"].get<std::string>());
  ASSERT_TRUE(article && article->status == 200);
  EXPECT_FALSE(json::parse(article->body)["blocks"].empty());
  auto entity = client.Get("/api/entities/Lukashenko");
  ASSERT_TRUE(entity && entity->status == 200);
  EXPECT_EQ(json::parse(entity->body)["articles"], 2);
  auto quotes = client.Get("/api/quotes?speaker=Macron");
  ASSERT_TRUE(quotes && quotes->status == 200);
  EXPECT_EQ(json::parse(quotes->body)["items"].size(), 1u);

  // Kept, then changed: an article added through the API is found.
  EXPECT_EQ(search("Varsovie")["total"], 0);
  auto added = client.Post("/api/ingest", {{"Authorization", "Bearer t"}},
                           R"({"id":"p1","outlet":"RFI","text":"Visite\n\nOlaf Scholz est arrivé à Varsovie."})",
                           "application/x-ndjson");
  ASSERT_TRUE(added && added->status == 200) << (added ? added->body : "no answer");
  EXPECT_EQ(search("Varsovie")["total"], 1);

  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace veille
