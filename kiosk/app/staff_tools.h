// Staff's command-line tools and set-up: `kiosk set-pin`, `kiosk leads --csv`, and the staff controller of a
// running kiosk (its store and PIN file found from config and paths).
#pragma once

#include <filesystem>
#include <memory>

#include "app/staff_controller.h"
#include "core/base/clock.h"
#include "host/paths.h"

namespace app {

// staff.pin_hash_file, or <data_dir>/staff-pin.hash.
std::filesystem::path PinHashFile(const core::Config& config, const host::Paths& paths);
std::filesystem::path StaffStoreFile(const host::Paths& paths);

core::Result<std::unique_ptr<StaffController>> MakeStaffController(const core::Config& config,
                                                                   const host::Paths& paths,
                                                                   store::Outbox& outbox,
                                                                   const core::Clock& clock);

// Reads the new PIN twice from the terminal without echo (or one line from stdin when it is not a
// terminal), never from the command line; writes its Argon2id hash.
int RunSetPin(const host::PathArgs& args);

// Prints the demo leads kept in the outbox as CSV (UTF-8, RFC 4180).
int RunLeads(const host::PathArgs& args, bool csv);

}  // namespace app
