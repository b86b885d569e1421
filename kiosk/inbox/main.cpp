// intake-inbox: the reference clinic endpoint. `intake-inbox --config FILE` serves; `add-user NAME` adds
// or updates a staff login.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "inbox/cli.h"

int main(int argc, char** argv) {
  CLI::App cli{"Glow Up intake inbox: receives signed intakes over HTTPS and shows them to staff"};
  std::string config = "/etc/glowup-inbox/inbox.json";
  cli.add_option("--config", config, "inbox config file")->capture_default_str();
  auto* add_user = cli.add_subcommand("add-user", "add a staff login, or set a new password for one");
  std::string name;
  add_user->add_option("NAME", name, "the login name")->required();
  CLI11_PARSE(cli, argc, argv);
  if (*add_user) return inbox::AddUser(config, name);
  return inbox::Serve(config);
}
