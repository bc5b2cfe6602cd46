// veille eval times: the times stage on Duckling's and Recognizers-Text's
// French corpora, beside peers' predictions scored alike.
#ifndef VEILLE_TOOLS_EVAL_TIMES_H_
#define VEILLE_TOOLS_EVAL_TIMES_H_

#include <CLI/CLI.hpp>

#include <functional>

namespace veille::tools {

// Adds the subcommand to `eval`; the function runs it once parsed.
std::function<int()> AddEvalTimes(CLI::App* eval, CLI::App** command);

}  // namespace veille::tools

#endif  // VEILLE_TOOLS_EVAL_TIMES_H_
