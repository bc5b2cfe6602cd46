// The extraction scorer (veille/extract.h): veille's output, or another
// tool's, against the reference texts and metadata of Readability's test
// pages.
#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "html/metadata.h"
#include "veille/extract.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

struct Reference {
  std::string page;  // the folder's name
  std::string source;
  std::unordered_map<std::string, int> tokens;
  size_t token_count = 0;
  std::optional<std::string> title, byline, published, site_name;
};

struct Prediction {
  std::string text, title, byline, published, site_name;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Runs of letters and digits (marks and inner apostrophes split words).
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c >= 0 && (u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK)) {
      word.append(text.data() + start, static_cast<size_t>(i - start));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::optional<std::string> OptionalString(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  if (it == json.end() || !it->is_string()) return std::nullopt;
  std::string value = html::NormalizeSpaces(it->get<std::string>());
  if (value.empty()) return std::nullopt;
  return value;
}

Result<std::vector<Reference>> ReadReferences(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) return Status(StatusCode::kNotFound, dir + ": not a folder");
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_directory() && fs::exists(entry.path() / "source.html")) folders.push_back(entry.path());
  }
  if (error) return Status(StatusCode::kIoError, dir + ": " + error.message());
  std::sort(folders.begin(), folders.end());
  if (folders.empty()) return Status(StatusCode::kNotFound, dir + ": no page folder with a source.html");
  std::vector<Reference> out;
  for (const fs::path& folder : folders) {
    Reference ref;
    ref.page = folder.filename().string();
    ref.source = ReadFile(folder / "source.html");
    for (std::string& token : Tokens(HtmlToText(ReadFile(folder / "expected.html")))) {
      ++ref.tokens[token];
      ++ref.token_count;
    }
    nlohmann::json meta = nlohmann::json::parse(ReadFile(folder / "expected-metadata.json"), nullptr, false);
    if (meta.is_object()) {
      ref.title = OptionalString(meta, "title");
      ref.byline = OptionalString(meta, "byline");
      ref.published = OptionalString(meta, "publishedTime");
      ref.site_name = OptionalString(meta, "siteName");
    }
    out.push_back(std::move(ref));
  }
  return out;
}

struct PageScore {
  double precision, recall, f1;
};

PageScore ScorePage(const Reference& ref, const std::string& text) {
  std::unordered_map<std::string, int> found;
  size_t found_count = 0;
  for (std::string& token : Tokens(text)) {
    ++found[token];
    ++found_count;
  }
  if (found_count == 0 && ref.token_count == 0) return {1, 1, 1};
  if (found_count == 0 || ref.token_count == 0) return {0, 0, 0};
  size_t common = 0;
  for (const auto& [token, count] : found) {
    auto it = ref.tokens.find(token);
    if (it != ref.tokens.end()) common += static_cast<size_t>(std::min(count, it->second));
  }
  double p = static_cast<double>(common) / static_cast<double>(found_count);
  double r = static_cast<double>(common) / static_cast<double>(ref.token_count);
  return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
}

void Count(ExtractionScores::Field& field, const std::optional<std::string>& expected, const std::string& found) {
  if (!expected) return;
  ++field.expected;
  field.right += html::NormalizeSpaces(found) == *expected;
}

ExtractionScores Score(const std::vector<Reference>& refs, const std::map<std::string, Prediction>& predictions,
                       size_t show_worst) {
  ExtractionScores out;
  std::vector<std::pair<double, std::string>> pages;
  static const Prediction kNothing;
  for (const Reference& ref : refs) {
    auto it = predictions.find(ref.page);
    const Prediction& p = it == predictions.end() ? kNothing : it->second;
    PageScore score = ScorePage(ref, p.text);
    out.precision += score.precision;
    out.recall += score.recall;
    out.f1 += score.f1;
    ++out.pages;
    out.bytes += ref.source.size();
    char line[200];
    std::snprintf(line, sizeof line, "%s: F1 %.3f (P %.3f R %.3f)", ref.page.c_str(), score.f1, score.precision,
                  score.recall);
    pages.emplace_back(score.f1, line);
    Count(out.title, ref.title, p.title);
    Count(out.byline, ref.byline, p.byline);
    Count(out.published, ref.published, p.published);
    Count(out.site_name, ref.site_name, p.site_name);
  }
  if (out.pages > 0) {
    out.precision /= static_cast<double>(out.pages);
    out.recall /= static_cast<double>(out.pages);
    out.f1 /= static_cast<double>(out.pages);
  }
  std::stable_sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < pages.size() && i < show_worst; ++i) out.worst.push_back(pages[i].second);
  return out;
}

}  // namespace

Result<ExtractionScores> EvaluateExtraction(const std::string& pages_dir, int repeat, size_t show_worst) {
  Result<std::vector<Reference>> refs = ReadReferences(pages_dir);
  if (!refs.ok()) return refs.status();
  std::map<std::string, Prediction> predictions;
  repeat = std::max(1, repeat);
  auto start = std::chrono::steady_clock::now();
  for (int pass = 0; pass < repeat; ++pass) {
    for (const Reference& ref : *refs) {
      Result<ExtractedPage> page = ExtractPage(ref.source);
      if (pass > 0 || !page.ok()) continue;
      Prediction& p = predictions[ref.page];
      for (const PageBlock& block : page->blocks) {
        if (block.kind == BlockKind::kTitle) continue;
        if (!p.text.empty()) p.text += "\n\n";
        p.text += block.text;
      }
      p.title = page->metadata.title.value;
      p.byline = page->metadata.byline.value;
      p.published = page->metadata.published.value;
      p.site_name = page->metadata.site_name.value;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / repeat;
  ExtractionScores scores = Score(*refs, predictions, show_worst);
  scores.seconds = seconds;
  return scores;
}

Result<ExtractionScores> ScoreExtraction(const std::string& pages_dir, const std::string& predictions_path,
                                         size_t show_worst) {
  Result<std::vector<Reference>> refs = ReadReferences(pages_dir);
  if (!refs.ok()) return refs.status();
  std::ifstream in(predictions_path);
  if (!in) return Status(StatusCode::kNotFound, predictions_path + ": cannot be opened");
  std::map<std::string, Prediction> predictions;
  double seconds = 0;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    nlohmann::json json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object()) {
      return Status(StatusCode::kInvalidArgument,
                    predictions_path + ":" + std::to_string(number) + ": not a JSON object");
    }
    if (auto timing = json.find("timing"); timing != json.end() && timing->is_object()) {
      seconds = timing->value("seconds", 0.0);
      continue;
    }
    auto text = [&](const char* key) {
      auto it = json.find(key);
      return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    predictions[text("page")] = {text("text"), text("title"), text("byline"), text("published"),
                                 text("site_name")};
  }
  ExtractionScores scores = Score(*refs, predictions, show_worst);
  scores.seconds = seconds;
  return scores;
}

}  // namespace veille
