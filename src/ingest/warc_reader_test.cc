#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/decompress.h"
#include "ingest/gzip_for_tests.h"

namespace veille::ingest {
namespace {

// One record as a WARC writer writes it; `length` lies when given.
std::string Record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block, long length = -1) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2022-01-06T08:30:00Z\r\nWARC-Record-ID: <urn:uuid:" + type +
         ">\r\nContent-Type: " + content_type + "\r\nContent-Length: " +
         std::to_string(length >= 0 ? length : static_cast<long>(block.size())) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& html, bool chunked = false) {
  std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n";
  if (!chunked) return head + "Content-Length: " + std::to_string(html.size()) + "\r\n\r\n" + html;
  std::ostringstream hex;
  hex << std::hex << html.size();
  return head + "Transfer-Encoding: chunked\r\n\r\n" + hex.str() + "\r\n" + html + "\r\n0\r\n\r\n";
}

// A real page when the shared data is there, else a small one.
std::string Page() {
  std::ifstream in(std::filesystem::path(VEILLE_SHARED_DATA) / "readability-test-pages/lemonde-1/source.html",
                   std::ios::binary);
  if (in) return std::string(std::istreambuf_iterator<char>(in), {});
  return "<html lang=\"fr\"><head><title>Titre</title></head><body><p>Le 5 janvier 2022.</p></body></html>";
}

struct Read {
  std::vector<WarcRecord> records;
  std::vector<std::string> errors;
};

Read ReadAll(std::string bytes, size_t max_block = 1 << 20) {
  auto source = Decompress(FromString(std::move(bytes)));
  EXPECT_TRUE(source.ok());
  WarcReader reader(std::move(source).value(), max_block);
  Read read;
  for (int guard = 0; guard < 1000; ++guard) {
    auto next = reader.Next();
    if (!next.ok()) {
      read.errors.push_back(next.status().message());
      continue;
    }
    if (!next->has_value()) break;
    read.records.push_back(std::move(**next));
  }
  return read;
}

TEST(WarcReaderTest, RecordsOfAFilePlainOrGzippedRecordByRecord) {
  std::string page = Page();
  std::vector<std::string> records = {
      Record("warcinfo", "", "application/warc-fields", "software: veille-test\r\n"),
      Record("request", "https://www.lemonde.fr/a.html", "application/http; msgtype=request",
             "GET /a.html HTTP/1.1\r\nHost: www.lemonde.fr\r\n\r\n"),
      Record("response", "https://www.lemonde.fr/a.html", "application/http; msgtype=response", Http(page)),
      Record("response", "https://www.lemonde.fr/b.html", "application/http; msgtype=response", Http(page, true)),
      Record("resource", "file:///c.html", "text/html", page)};
  std::string plain, gzipped;
  for (const std::string& r : records) {
    plain += r;
    gzipped += Gzip(r);  // one gzip member per record, as CC-NEWS writes them
  }
  for (const std::string& file : {plain, gzipped}) {
    Read read = ReadAll(file);
    EXPECT_TRUE(read.errors.empty());
    ASSERT_EQ(read.records.size(), 5u);
    EXPECT_EQ(read.records[0].type, "warcinfo");
    EXPECT_EQ(read.records[0].version, "WARC/1.1");
    const WarcRecord& response = read.records[2];
    EXPECT_EQ(response.type, "response");
    EXPECT_EQ(response.target_uri, "https://www.lemonde.fr/a.html");
    EXPECT_EQ(response.date, "2022-01-06T08:30:00Z");
    EXPECT_EQ(response.http_status, 200);
    EXPECT_EQ(WarcRecord::Find(response.http_headers, "content-type"), "text/html; charset=utf-8");
    EXPECT_TRUE(response.payload == page);
    EXPECT_TRUE(read.records[3].payload == page);  // chunked, put back together
    EXPECT_TRUE(read.records[4].payload == page);  // a resource is its block
    EXPECT_EQ(read.records[1].offset, records[0].size());
  }
}

TEST(WarcReaderTest, BrokenRecordsAreErrorsAndTheRestIsRead) {
  std::string good = Record("resource", "file:///a", "text/plain", "bonjour");
  // A length that lies (too short), then a good record, then one cut off.
  std::string lying = Record("resource", "file:///b", "text/plain", "une phrase plus longue", 5);
  std::string cut = Record("resource", "file:///c", "text/plain", std::string(1000, 'x'));
  cut.resize(cut.size() / 2);
  Read read = ReadAll(good + lying + good + cut);
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].payload, "bonjour");
  EXPECT_EQ(read.records[1].payload, "bonjour");
  ASSERT_EQ(read.errors.size(), 2u);
  EXPECT_NE(read.errors[0].find("Content-Length does not end where the record does"), std::string::npos)
      << read.errors[0];
  EXPECT_NE(read.errors[1].find("the file ends inside the record"), std::string::npos) << read.errors[1];
  // Not a WARC file at all: one error, nothing else.
  Read junk = ReadAll("<html>ceci n'est pas un WARC</html>");
  EXPECT_TRUE(junk.records.empty());
  EXPECT_EQ(junk.errors.size(), 1u);
}

TEST(WarcReaderTest, ABlockOverTheBudgetIsSkippedNotKept) {
  std::string big = Record("resource", "file:///big", "text/plain", std::string(100000, 'x'));
  std::string small = Record("resource", "file:///small", "text/plain", "petit");
  Read read = ReadAll(big + small, 1000);
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_TRUE(read.records[0].too_large);
  EXPECT_TRUE(read.records[0].payload.empty());
  EXPECT_EQ(read.records[1].payload, "petit");
}

}  // namespace
}  // namespace veille::ingest
