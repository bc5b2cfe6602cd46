// veille extract FILE…: the main text of web pages, the way users call
// trafilatura; --json adds the metadata and the blocks with their offsets.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "veille/extract.h"
#include "veille/fetch.h"

namespace veille::tools {
namespace {

struct ExtractFlags {
  std::vector<std::string> pages;
  bool json = false;
  std::string content_type;
  size_t max_page_bytes = ExtractOptions{}.max_page_bytes;
};

// A page named by its URL is fetched, politely (robots.txt, one request at
// a time per host, veille's user agent); its Content-Type, unless
// --content-type says otherwise, declares its charset.
Result<std::string> FetchAll(const std::string& url, size_t max_bytes, std::string* content_type) {
  FetchOptions options;
  options.max_bytes = max_bytes;
  static Result<std::unique_ptr<Fetcher>> fetcher = Fetcher::Create(options);
  if (!fetcher.ok()) return fetcher.status();
  Result<FetchedPage> page = (*fetcher)->Fetch(url);
  if (!page.ok()) return page.status();
  if (content_type->empty()) *content_type = page->content_type;
  return std::move(page->body);
}

Result<std::string> ReadAll(const std::string& path) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return bytes;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot be opened");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read failed");
  return bytes.str();
}

nlohmann::json FieldJson(const PageField& field) {
  if (field.empty()) return nullptr;
  return {{"value", field.value}, {"from", field.from}};
}

nlohmann::json PageJson(const std::string& path, const ExtractedPage& page) {
  nlohmann::json blocks = nlohmann::json::array();
  for (const PageBlock& block : page.blocks) {
    blocks.push_back({{"kind", BlockKindName(block.kind)},
                      {"start", block.page.start},
                      {"end", block.page.end},
                      {"text", block.text}});
  }
  const PageMetadata& m = page.metadata;
  return {{"file", path},
          {"charset", {{"value", page.charset}, {"from", page.charset_evidence}}},
          {"title", FieldJson(m.title)},
          {"byline", FieldJson(m.byline)},
          {"published", FieldJson(m.published)},
          {"modified", FieldJson(m.modified)},
          {"site_name", FieldJson(m.site_name)},
          {"language", FieldJson(m.language)},
          {"canonical_url", FieldJson(m.canonical_url)},
          {"description", FieldJson(m.description)},
          {"blocks", blocks}};
}

// The body alone: paragraphs and headings separated by blank lines.
std::string MainText(const ExtractedPage& page) {
  std::string text;
  for (const PageBlock& block : page.blocks) {
    if (block.kind == BlockKind::kTitle) continue;
    if (!text.empty()) text += "\n\n";
    text += block.text;
  }
  return text;
}

int RunExtract(const ExtractFlags& flags) {
  int status = kExitOk;
  bool first = true;
  for (const std::string& path : flags.pages) {
    std::string content_type = flags.content_type;
    Result<std::string> bytes = path.starts_with("http://") || path.starts_with("https://")
                                    ? FetchAll(path, flags.max_page_bytes, &content_type)
                                    : ReadAll(path);
    Result<ExtractedPage> page =
        bytes.ok() ? ExtractPage(*bytes, {.content_type = content_type,
                                          .max_page_bytes = flags.max_page_bytes})
                   : Result<ExtractedPage>(bytes.status());
    if (!page.ok()) {
      std::fprintf(stderr, "veille: extract: %s: %s\n", path.c_str(), page.status().message().c_str());
      if (flags.json) {
        std::printf("%s\n", nlohmann::json({{"file", path}, {"error", page.status().message()}}).dump().c_str());
      }
      status = kExitArticleErrors;
      continue;
    }
    if (flags.json) {
      std::printf("%s\n", PageJson(path, *page).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      continue;
    }
    if (flags.pages.size() > 1) std::printf("%s==> %s <==\n", first ? "" : "\n", path.c_str());
    first = false;
    std::string text = MainText(*page);
    std::printf("%s\n", text.c_str());
  }
  return status;
}

}  // namespace

Command AddExtractCommand(CLI::App& root) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* app = root.add_subcommand(
      "extract", "Print the main text of web pages (HTML files, http(s):// URLs; - reads standard input)");
  app->add_option("pages", flags->pages, "HTML files or URLs (fetched politely)")->required();
  app->add_flag("--json", flags->json,
                "One JSON object per page: metadata (each with where it was read), charset, and blocks "
                "with their byte offsets in the page");
  app->add_option("--content-type", flags->content_type,
                  "The HTTP Content-Type the pages came with (declares their charset)");
  app->add_option("--max-page-bytes", flags->max_page_bytes, "Pages larger than this are refused")
      ->capture_default_str();
  return {app, [flags] { return RunExtract(*flags); }};
}

}  // namespace veille::tools
