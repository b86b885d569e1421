// set-pin, leads, and building the staff controller.
#include "app/staff_tools.h"

#include <unistd.h>

#include <iostream>

#include "core/visit/leads.h"
#include "host/terminal_secret.h"
#include "staff/pin_file.h"

namespace app {

namespace {

int Fail(const core::Problems& problems) {
  for (const auto& p : problems) std::cerr << p.ToString() << "\n";
  return 1;
}

}  // namespace

std::filesystem::path PinHashFile(const core::Config& config, const host::Paths& paths) {
  if (!config.staff.pin_hash_file.empty()) return config.staff.pin_hash_file;
  return paths.data_dir / "staff-pin.hash";
}

std::filesystem::path StaffStoreFile(const host::Paths& paths) {
  return paths.data_dir / "staff.sqlite";
}

core::Result<std::unique_ptr<StaffController>> MakeStaffController(const core::Config& config,
                                                                   const host::Paths& paths,
                                                                   store::Outbox& outbox,
                                                                   const core::Clock& clock) {
  auto store = store::StaffStore::Open(StaffStoreFile(paths));
  if (!store) return store.problems();
  return std::make_unique<StaffController>(config, PinHashFile(config, paths), std::move(*store), outbox,
                                           clock);
}

int RunSetPin(const host::PathArgs& args) {
  auto loaded = host::LoadConfigAndPaths(args);
  if (!loaded) return Fail(loaded.problems());
  auto& [config, paths] = *loaded;
  bool tty = isatty(STDIN_FILENO) == 1;
  std::string pin = host::ReadSecretLine("New staff PIN (4 to 12 digits): ", tty);
  if (tty && !host::SameSecretAgain("The same PIN again: ", pin)) {
    host::ScrubSecret(pin);
    std::cerr << "the two PINs differ; nothing was changed\n";
    return 1;
  }
  std::filesystem::path file = PinHashFile(config, paths);
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  auto written = staff::WritePinHash(file, pin);
  host::ScrubSecret(pin);
  if (!written) return Fail(written.problems());
  std::cout << "staff PIN set (Argon2id hash in " << file.string() << ")\n";
  return 0;
}

int RunLeads(const host::PathArgs& args, bool csv) {
  if (!csv) {
    std::cerr << "kiosk leads: add --csv (the only format)\n";
    return 2;
  }
  auto loaded = host::LoadConfigAndPaths(args);
  if (!loaded) return Fail(loaded.problems());
  std::vector<core::Json> leads;
  if (std::filesystem::exists(loaded->second.outbox())) {
    auto outbox = store::Outbox::Open(loaded->second.outbox());
    if (!outbox) return Fail(outbox.problems());
    auto payloads = (*outbox)->DemoPayloads();
    if (!payloads) return Fail(payloads.problems());
    for (const auto& p : *payloads) {
      if (auto json = core::ParseJson(p)) leads.push_back(std::move(*json));
    }
  }
  std::cout << core::LeadsCsv(leads);
  std::cerr << leads.size() << " lead(s)\n";
  return 0;
}

}  // namespace app
