// kiosk-sender: delivers the intakes the kiosk UI queued in the outbox to the clinic's endpoint, signed. Its
// own program and service, with the network and the delivery secret that the UI never has.
#include <CLI/CLI.hpp>

#include "sender/sender_program.h"

int main(int argc, char** argv) {
  CLI::App cli{"Delivers the kiosk's queued intakes to the configured endpoint"};
  cli.set_version_flag("--version", KIOSK_VERSION);
  host::PathArgs paths;
  cli.add_option("--config", paths.config, "kiosk.json to use");
  cli.add_option("--content", paths.content, "content folder to use (for delivery.format fhir-r4)");
  cli.add_option("--data-dir", paths.data_dir, "where the outbox lives");
  bool once = false;
  cli.add_flag("--once", once, "deliver what is due now, then exit");
  CLI11_PARSE(cli, argc, argv);
  return sender::RunSender(paths, once);
}
