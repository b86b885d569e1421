// Entry points behind the command line: the kiosk in a window, a headless scripted run, and the tool modes.
#pragma once

#include <string>

#include "host/paths.h"

namespace app {

struct RunOptions {
  host::PathArgs paths;
  bool windowed = false;
  int width = 0, height = 0;  // 0: the display's size (fullscreen) or 1280x800 (windowed)
  bool headless = false;
  std::string script, screenshots;
  bool report_first_frame = false;  // print CLOCK_MONOTONIC at the first presented frame (tests/bench/run)
};

int RunKiosk(const RunOptions& options);
int CheckContent(const std::string& dir, const host::PathArgs& paths);
int ShowOutbox(const host::PathArgs& paths, const std::string& show_id);
int ExportFhirQuestionnaire(const std::string& dir, const std::string& language, const host::PathArgs& paths);

}  // namespace app
