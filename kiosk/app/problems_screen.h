// The screen a kiosk shows when its content or settings cannot be used at start: every problem listed for
// staff instead of the visit. The process stays up (no crash, no restart loop under systemd).
#pragma once

#include "app/run.h"
#include "core/base/result.h"
#include "host/stop_signals.h"

namespace app {

// Prints the problems to stderr and shows them on screen. Windowed: until the window is closed (in kiosk
// mode, until staff fix the files and restart the service) or SIGTERM (`stop`). Headless: one frame, saved
// as problems.png in the screenshots folder. Returns the exit code (1).
int ShowProblems(const RunOptions& options, const core::Problems& problems, const host::StopSignals* stop);

}  // namespace app
