// The kiosk binary, the client UI: parses the command line and hands over to the app's modes. Delivery is
// another program's job (kiosk-sender, kiosk/sender).
#include <CLI/CLI.hpp>

#include "app/run.h"
#include "app/staff_tools.h"

int main(int argc, char** argv) {
  CLI::App cli{"Consultation and intake kiosk"};
  cli.set_version_flag("--version", KIOSK_VERSION);
  app::RunOptions o;
  auto add_paths = [&](CLI::App* cmd) {
    cmd->add_option("--config", o.paths.config, "kiosk.json to use");
    cmd->add_option("--content", o.paths.content, "content folder to use");
    cmd->add_option("--data-dir", o.paths.data_dir, "where the outbox lives");
  };
  add_paths(&cli);
  std::string size;
  cli.add_flag("--windowed", o.windowed,
               "run in a window instead of fullscreen, with kiosk-sender as a child process (development)");
  cli.add_option("--size", size, "window size, e.g. 1920x1080");
  cli.add_flag("--headless", o.headless, "no screen: run a script with a virtual clock");
  cli.add_option("--script", o.script, "script to run with --headless");
  cli.add_option("--screenshots", o.screenshots, "folder for the script's screenshots");
  cli.add_flag("--report-first-frame", o.report_first_frame,
               "print the monotonic time of the first presented frame to stderr (for tests/bench/run)");

  auto* check = cli.add_subcommand("check-content", "validate a content folder and list every problem");
  std::string check_dir;
  check->add_option("DIR", check_dir, "content folder (default: the kiosk's)");
  add_paths(check);

  auto* outbox = cli.add_subcommand("outbox", "list the outbox (no personal data), or show one payload");
  std::string show;
  outbox->add_option("--show", show, "print the payload of this intake id");
  add_paths(outbox);

  auto* fhir =
      cli.add_subcommand("export-fhir-questionnaire", "print the FHIR R4 Questionnaire for the content");
  std::string fhir_dir, fhir_language;
  fhir->add_option("DIR", fhir_dir, "content folder (default: the kiosk's)");
  fhir->add_option("--language", fhir_language, "language of the texts (default: the content's default)");
  add_paths(fhir);

  auto* set_pin =
      cli.add_subcommand("set-pin", "set the staff PIN (read from the terminal, stored as a hash)");
  add_paths(set_pin);
  auto* leads = cli.add_subcommand("leads", "print the demo leads kept on this kiosk");
  bool leads_csv = false;
  leads->add_flag("--csv", leads_csv, "as CSV (UTF-8)");
  add_paths(leads);

  CLI11_PARSE(cli, argc, argv);
  if (!size.empty() && std::sscanf(size.c_str(), "%dx%d", &o.width, &o.height) != 2) {
    std::fprintf(stderr, "--size: expected WIDTHxHEIGHT, e.g. 1920x1080\n");
    return 2;
  }
  if (*check) return app::CheckContent(check_dir, o.paths);
  if (*outbox) return app::ShowOutbox(o.paths, show);
  if (*set_pin) return app::RunSetPin(o.paths);
  if (*leads) return app::RunLeads(o.paths, leads_csv);
  if (*fhir) return app::ExportFhirQuestionnaire(fhir_dir, fhir_language, o.paths);
  if (o.headless && o.script.empty()) {
    std::fprintf(stderr, "--headless needs --script FILE\n");
    return 2;
  }
  return app::RunKiosk(o);
}
