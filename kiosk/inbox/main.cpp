// intake-inbox: the reference clinic endpoint. `intake-inbox --config FILE` serves; `add-user NAME` adds
// or updates a staff login; `make-signing-key FILE` makes the key published content is signed with.
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
  bool publisher = false;
  add_user->add_flag(
      "--publisher", publisher,
      "may publish content to the kiosks (without it: no publisher role, taken away if it had one)");
  auto* make_key = cli.add_subcommand("make-signing-key", "make the key that signs published content (once)");
  std::string key_file;
  make_key->add_option("FILE", key_file, "where to write the secret key (mode 0600; never overwritten)")
      ->required();
  auto* revoke = cli.add_subcommand("revoke-sessions", "end every session of a staff login");
  revoke->add_option("NAME", name, "the login name")->required();
  CLI11_PARSE(cli, argc, argv);
  if (*add_user) return inbox::AddUser(config, name, publisher);
  if (*make_key) return inbox::MakeSigningKey(key_file);
  if (*revoke) return inbox::RevokeSessions(config, name);
  return inbox::Serve(config, unix_socket_only);
}
