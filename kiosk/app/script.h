// The headless script language: one command per line, e.g. tap "Next", type "Maria", wait 95s.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/base/result.h"

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
    kExpectNoTarget,  // expect no target "1": nothing on the top layer takes a tap under this label
    kExpectVisible,   // expect visible "..." [in "question"]: a text drawn whole inside its visible area
    kExpectSpoken,    // expect spoken "...": speech said it since the last action (the text, not the audio)
    kExpectSpeaking,  // expect speaking "...": the utterance being said now holds it ("" for silence)
    kScreenshot,
    kDrag,
    kHold,   // hold "top_left" 3s | hold "640,360" 3s: press and keep still for the duration
    kKey,    // key "Alt+F4": a key combination as the window would receive it
    kPress,  // press "Down" [until focus "label" [in "question"]]: one key (an SDL key name) pressed and
             // released as a keypad sends it; with until, again (at most 40 times) until the ring is there
    kExpectFocus,  // expect focus "No" [in "question"]: the keypad's focus ring is on that target
    kClose,        // close: the window manager asks the window to close
    kDiskFull,     // disk full: the outbox cannot grow from now on (fault injection)
    kPlug,         // plug headphones | plug headset: the jack, or a USB headset (one more audio output)
    kUnplug,       // unplug headphones | unplug headset
  };
  Kind kind = Kind::kTap;
  std::string text;   // label, typed text, screen id, expected text, file name, corner or point, keys
  std::string scope;  // tap "Yes" in "Are you pregnant": the question the target belongs to
  std::chrono::milliseconds duration{0};  // wait, hold; expect text ... within: real time to wait
  int drag_px = 0;
  std::string until, until_scope;  // press ... until focus "label" in "question"  // drag "Label" by -400:
                                   // the finger moves this far (negative: up) from the target

  int line = 0;
};

// Parses a whole script; every bad line is a problem naming its line number.
core::Result<std::vector<Command>> ParseScript(const std::string& text, const std::string& file_name);

}  // namespace app
