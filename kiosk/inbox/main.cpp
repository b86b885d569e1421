// intake-inbox: the reference clinic endpoint. `intake-inbox --config FILE` serves; `add-user NAME` adds
// or updates a staff login.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "inbox/cli.h"

int main(int argc, char** argv) {
  CLI::App cli{"Glow Up intake inbox: receives signed intakes over HTTPS and shows them to staff"};
  std::string config = "/etc/glowup-inbox/inbox.json";
  cli.add_option("--config", config, "inbox config file")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);
  return inbox::Serve(config);
}
