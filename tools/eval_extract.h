// veille eval extract: main-content extraction and metadata on Readability's
// test pages, beside peers' outputs scored alike.
#ifndef VEILLE_TOOLS_EVAL_EXTRACT_H_
#define VEILLE_TOOLS_EVAL_EXTRACT_H_

#include <CLI/CLI.hpp>

#include <functional>

namespace veille::tools {

// Adds the subcommand to `eval`; the function runs it once parsed.
std::function<int()> AddEvalExtract(CLI::App* eval, CLI::App** command);

}  // namespace veille::tools

#endif  // VEILLE_TOOLS_EVAL_EXTRACT_H_
