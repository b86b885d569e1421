// intake-inbox: the reference clinic endpoint. `intake-inbox --config FILE` serves; `add-user NAME` adds
// or updates a staff login.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "inbox/cli.h"

int main(int argc, char** argv) {
  CLI::App cli{"Glow Up intake inbox: receives signed intakes over HTTPS and shows them to staff"};
  std::string config = "/etc/glowup-kiosk-inbox/inbox.json";
  cli.add_option("--config", config, "inbox config file")->capture_default_str();
  bool unix_socket_only = false;
  cli.add_flag("--unix-socket-only", unix_socket_only,
               "as installed (no network of its own): refuse a config that listens on an address and port");
  auto* add_user = cli.add_subcommand("add-user", "add a staff login, or set a new password for one");
  std::string name;
  add_user->add_option("NAME", name, "the login name")->required();
  auto* revoke = cli.add_subcommand("revoke-sessions", "end every session of a staff login");
  revoke->add_option("NAME", name, "the login name")->required();
  CLI11_PARSE(cli, argc, argv);
  if (*add_user) return inbox::AddUser(config, name);
  if (*revoke) return inbox::RevokeSessions(config, name);
  return inbox::Serve(config, unix_socket_only);
}
