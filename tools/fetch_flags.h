// The flags `veille fetch` and `veille watch` share: politeness, timeouts,
// the user agent, and the analysis options.
#ifndef VEILLE_TOOLS_FETCH_FLAGS_H_
#define VEILLE_TOOLS_FETCH_FLAGS_H_

#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <string>

#include "veille/fetch.h"
#include "veille/options.h"

namespace veille::tools {

struct FetchFlags {
  double delay_s = 1.0;
  double timeout_s = 30.0;
  std::string user_agent;
  std::string contact;
  bool ignore_robots = false;
  std::string ca_file;
  Options options;
  int threads = 0;

  FetchOptions ToFetchOptions() const {
    FetchOptions fetch;
    if (!user_agent.empty()) {
      fetch.user_agent = user_agent;
    } else if (!contact.empty()) {
      fetch.user_agent = UserAgent(contact);
    }
    fetch.delay = std::chrono::milliseconds(std::llround(delay_s * 1000));
    fetch.read_timeout = std::chrono::milliseconds(std::llround(timeout_s * 1000));
    fetch.connect_timeout = std::min(fetch.connect_timeout, fetch.read_timeout);
    fetch.respect_robots = !ignore_robots;
    fetch.max_bytes = options.max_page_bytes;
    fetch.ca_file = ca_file;
    return fetch;
  }
};

inline void AddFetchFlags(CLI::App* app, FetchFlags* flags) {
  app->add_option("--delay", flags->delay_s,
                  "Seconds between two requests to one host (default 1); a site's robots.txt "
                  "Crawl-delay, when longer, wins (up to 60)")
      ->check(CLI::Range(0.0, 3600.0));
  app->add_option("--timeout", flags->timeout_s,
                  "Seconds to wait for the server's answer (default 30; connecting waits at most 10)")
      ->check(CLI::Range(0.001, 3600.0));
  app->add_option("--contact", flags->contact,
                  "A URL or e-mail address where site owners can reach you; added to the user agent "
                  "(recommended)");
  app->add_option("--user-agent", flags->user_agent,
                  "The whole User-Agent header instead (its first word is what robots.txt rules name)");
  app->add_flag("--ignore-robots", flags->ignore_robots,
                "Fetch what robots.txt forbids (for your own sites only)");
  app->add_option("--ca-file", flags->ca_file,
                  "PEM file of the certificate authorities HTTPS servers are checked against "
                  "(default: the system's)");
  app->add_option("--max-page-bytes", flags->options.max_page_bytes,
                  "Largest page or feed fetched; a larger one is cut off and reported (default 16 MiB)")
      ->check(CLI::PositiveNumber);
  app->add_option("--threads,-j", flags->threads, "Analysis threads (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--tagger-model", flags->options.tagger_model,
                  "Entity tagger model (default: the one shipped in data/models; none: no entities)");
  app->add_option("--kb", flags->options.knowledge_base,
                  "Knowledge base identities are resolved in (default: build/kb/veille.kb; none: the "
                  "article's own identities only)");
  app->add_flag("--no-quotes", [flags](int64_t) { flags->options.quotes = false; },
                "Skip the quotes stage (quotations and their speakers)");
  app->add_flag("--no-times", [flags](int64_t) { flags->options.times = false; },
                "Skip the times stage (dates in the text and the article's own date)");
}

}  // namespace veille::tools

#endif  // VEILLE_TOOLS_FETCH_FLAGS_H_
