// veille: media monitoring from the command line. One thin main over the
// public API; each subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include <vector>

#include "commands.h"

#ifndef VEILLE_VERSION
#define VEILLE_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace veille::tools;
  CLI::App app{"veille: reads news articles and says what each one says."};
  app.set_version_flag("--version", VEILLE_VERSION);
  app.require_subcommand(1);
  std::vector<Command> commands = {AddAnalyzeCommand(app), AddIngestCommand(app),
                                   AddSearchCommand(app), AddOutletsCommand(app),
                                   AddOptimizeCommand(app),
                                   AddTrainCommand(app), AddEvalCommand(app), AddKbCommand(app),
                                   AddEntityCommand(app), AddQuotesCommand(app),
                                   AddExtractCommand(app), AddFetchCommand(app),
                                   AddWatchCommand(app), AddServeCommand(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 answers 0 for --help and --version; usage errors are ours: 2.
    return code == 0 ? kExitOk : kExitFailure;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return kExitFailure;
}
