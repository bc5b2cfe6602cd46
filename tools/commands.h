// The subcommands of the `veille` command line, one file each.
#ifndef VEILLE_TOOLS_COMMANDS_H_
#define VEILLE_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <functional>

namespace veille::tools {

// Exit codes, documented in the README: 0 all good, 1 some articles had
// errors, 2 usage or I/O failure.
inline constexpr int kExitOk = 0;
inline constexpr int kExitArticleErrors = 1;
inline constexpr int kExitFailure = 2;

// A subcommand registered on the root app, and what runs it once parsed.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command AddAnalyzeCommand(CLI::App& root);
Command AddIngestCommand(CLI::App& root);
Command AddSearchCommand(CLI::App& root);
Command AddOutletsCommand(CLI::App& root);
Command AddOptimizeCommand(CLI::App& root);
Command AddTrainCommand(CLI::App& root);
Command AddEvalCommand(CLI::App& root);
Command AddKbCommand(CLI::App& root);
Command AddEntityCommand(CLI::App& root);
Command AddQuotesCommand(CLI::App& root);
Command AddExtractCommand(CLI::App& root);
Command AddFetchCommand(CLI::App& root);
Command AddWatchCommand(CLI::App& root);
Command AddServeCommand(CLI::App& root);

}  // namespace veille::tools

#endif  // VEILLE_TOOLS_COMMANDS_H_
