// veille outlets : the archive's outlets, their article counts and the
// boilerplate learned for each.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "db_flag.h"
#include "veille/json_writer.h"
#include "veille/store.h"

namespace veille::tools {
namespace {

struct OutletsFlags {
  DbFlags db;
  bool json = false;
};

int RunOutlets(const OutletsFlags& flags) {
  std::unique_ptr<Store> store = OpenOrReport(flags.db, /*read_only=*/true);
  if (!store) return kExitFailure;
  Result<std::vector<OutletSummary>> outlets = store->Outlets();
  if (!outlets.ok()) {
    std::fprintf(stderr, "veille: outlets: %s\n", outlets.status().message().c_str());
    return kExitFailure;
  }
  for (const OutletSummary& outlet : *outlets) {
    if (flags.json) {
      JsonWriter w;
      w.BeginObject().Key("outlet").String(outlet.name).Key("articles").Number(outlet.articles);
      w.Key("boilerplate").BeginArray();
      for (const std::string& line : outlet.boilerplate) w.String(line);
      w.EndArray().EndObject();
      std::printf("%s\n", w.str().c_str());
      continue;
    }
    std::printf("%-40s %8llu article(s)\n", outlet.name.c_str(),
                static_cast<unsigned long long>(outlet.articles));
    for (const std::string& line : outlet.boilerplate) {
      std::printf("    boilerplate: %s\n", line.c_str());
    }
  }
  return kExitOk;
}

}  // namespace

Command AddOutletsCommand(CLI::App& root) {
  auto flags = std::make_shared<OutletsFlags>();
  CLI::App* app = root.add_subcommand(
      "outlets", "List the archive's outlets with their article counts and learned boilerplate.");
  AddDbFlags(app, &flags->db);
  app->add_flag("--json", flags->json, "One JSON object per outlet");
  return {app, [flags] { return RunOutlets(*flags); }};
}

}  // namespace veille::tools
