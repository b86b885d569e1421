// The headless script language: one command per line, e.g. tap "Next", type "Maria", wait 95s.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/result.h"

namespace app {

struct Command {
  enum class Kind {
    kTap,
    kType,
    kSign,
    kWait,
    kExpectScreen,
    kExpectText,
    kExpectNoText,
    kScreenshot,
    kDrag
  };
  Kind kind = Kind::kTap;
  std::string text;   // label, typed text, screen id, expected text or file name
  std::string scope;  // tap "Yes" in "Are you pregnant": the question the target belongs to
  std::chrono::milliseconds duration{0};
  int drag_px = 0;  // drag "Label" by -400: the finger moves this far (negative: up) from the target

  int line = 0;
};

// Parses a whole script; every bad line is a problem naming its line number.
core::Result<std::vector<Command>> ParseScript(const std::string& text, const std::string& file_name);

}  // namespace app
