// The headless driver: script commands become frames with injected touches, typed text and virtual time.
#include "app/headless_driver.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "core/touch/keyboard.h"
#include "platform/png.h"
#include "ui/fonts.h"

namespace app {

void HeadlessDriver::Frames(int n, core::Image* capture) {
  for (int i = 0; i < n; ++i) {
    clock_.Advance(core::Millis(16));
    app_.Frame(i == n - 1 ? capture : nullptr);
  }
}

void HeadlessDriver::Settle() {
  Frames(2);
  for (int guard = 0; app_.Animating() && guard < 120; ++guard) Frames(1);
}

void HeadlessDriver::MouseAt(float x, float y, bool down) {
  app_.Inject({x, y, down, ""});
}

core::Status HeadlessDriver::Run(const std::vector<Command>& commands, const std::string& script_name) {
  MouseAt(-1, -1, false);
  app_.Audio(audio_);  // the kiosk as it starts, as the window loop reports it after the first frame
  Settle();
  for (const auto& c : commands) {
    if (app_.QuitRequested()) {
      return core::Status::Fail(script_name + ":" + std::to_string(c.line) +
                                ": the app has already quit (staff Exit app)");
    }
    using K = Command::Kind;
    bool checks = c.kind == K::kExpectScreen || c.kind == K::kExpectText || c.kind == K::kExpectNoText ||
                  c.kind == K::kExpectNoTarget || c.kind == K::kExpectVisible || c.kind == K::kExpectFocus ||
                  c.kind == K::kExpectSpoken || c.kind == K::kExpectSpeaking || c.kind == K::kScreenshot;
    if (!checks) said_.clear();  // `expect spoken` looks at what the last action made the kiosk say
    auto status = Execute(c);
    said_ += app_.speech().TakeSaid();
    if (status.ok() && !app_.QuitRequested()) status = CheckLayout();
    if (status.ok() && !app_.QuitRequested()) status = CheckFocusedField(c);
    if (!status.ok()) {
      return core::Status::Fail(script_name + ":" + std::to_string(c.line) + ": " + status.error() +
                                " (on screen " + app_.ScreenId() + ")");
    }
  }
  return core::Ok{};
}

core::Status HeadlessDriver::Execute(const Command& c) {
  using K = Command::Kind;
  switch (c.kind) {
    case K::kTap:
      return Tap(c);
    case K::kSign:
      return Sign(c);
    case K::kDrag:
      return Drag(c);
    case K::kType:
      app_.Inject({-1, -1, false, c.text});
      Settle();
      return core::Ok{};
    case K::kWait:
      return Wait(c.duration);
    case K::kHold:
      return Hold(c);
    case K::kKey:
      return Key(c);
    case K::kPress:
      return Press(c);
    case K::kExpectFocus:
      return ExpectFocus(c);
    case K::kExpectSpoken:
      said_ += app_.speech().TakeSaid();
      if (said_.find(c.text) == std::string::npos)
        return core::Status::Fail("expected \"" + c.text +
                                  "\" to be spoken; since the last action speech said: \"" + said_ + "\"");
      return core::Ok{};
    case K::kExpectSpeaking: {
      std::string now = app_.speech().Current();
      if (c.text.empty() ? !now.empty() : now.find(c.text) == std::string::npos)
        return core::Status::Fail("expected \"" + c.text + "\" being said, but it is \"" + now + "\"");
      return core::Ok{};
    }
    case K::kClose:
      return Close();
    case K::kDiskFull:
      return app_.SimulateDiskFull();
    case K::kPlug:
    case K::kUnplug:
      return Plug(c);
    case K::kExpectScreen:
      if (app_.ScreenId() != c.text)
        return core::Status::Fail("expected screen " + c.text + ", but it is " + app_.ScreenId());
      return core::Ok{};
    case K::kExpectText:
    case K::kExpectNoText: {
      auto on_screen = [&] {
        const auto& texts = app_.ui().registry().texts();
        return std::any_of(texts.begin(), texts.end(),
                           [&](const std::string& t) { return t.find(c.text) != std::string::npos; });
      };
      bool found = on_screen();
      // Real time, not the virtual clock: what is awaited happens in another process.
      for (auto until = std::chrono::steady_clock::now() + c.duration;
           !found && std::chrono::steady_clock::now() < until; found = on_screen()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        Frames(1);
      }
      if (c.kind == K::kExpectText && !found)
        return core::Status::Fail("expected text \"" + c.text + "\" is not on screen");
      if (c.kind == K::kExpectNoText && found)
        return core::Status::Fail("text \"" + c.text + "\" is on screen but must not be");
      // text typed into a field is drawn by ImGui itself: look at the session's answers too
      if (c.kind == K::kExpectNoText) {
        for (const auto& [id, a] : app_.session().answers) {
          if (auto* s = std::get_if<std::string>(&a); s && s->find(c.text) != std::string::npos) {
            return core::Status::Fail("text \"" + c.text + "\" is still held in answer " + id);
          }
        }
      }
      return core::Ok{};
    }
    case K::kExpectVisible: {
      const auto& reg = app_.ui().registry();
      int top = reg.TopLayer();
      bool drawn = false;
      for (const auto& t : reg.placed()) {
        if (t.layer != top || t.text.find(c.text) == std::string::npos) continue;
        if (!c.scope.empty() && t.scope.find(c.scope) == std::string::npos) continue;
        if (t.Visible()) return core::Ok{};
        drawn = true;
      }
      return core::Status::Fail(
          "\"" + c.text + "\"" + (c.scope.empty() ? "" : " in \"" + c.scope + "\"") +
          (drawn ? " is drawn but not fully on screen (scrolled away or covered)" : " is not drawn"));
    }
    case K::kExpectNoTarget: {
      const auto& reg = app_.ui().registry();
      for (const auto& t : reg.targets()) {
        if (t.layer == reg.TopLayer() && t.label == c.text)
          return core::Status::Fail("\"" + c.text + "\" can be tapped but must not");
      }
      return core::Ok{};
    }
    case K::kScreenshot: {
      if (screenshots_.empty()) return core::Ok{};
      core::Image image;
      Frames(1, &image);
      // Every captured frame drawn in part is checked against the whole frame drawn from scratch.
      if (std::string mismatch = app_.window().TakeMismatch(); !mismatch.empty())
        return core::Status::Fail(mismatch);
      std::filesystem::create_directories(screenshots_);
      return platform::WritePng(screenshots_ / c.text, image);
    }
  }
  return core::Ok{};
}

core::Result<ui::Target> HeadlessDriver::FindTarget(const std::string& label, const std::string& scope) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    const auto& reg = app_.ui().registry();
    int top = reg.TopLayer();
    std::vector<ui::Target> matches;
    for (const auto& t : reg.targets()) {
      if (t.layer == top && t.label == label && (scope.empty() || t.scope.find(scope) != std::string::npos)) {
        matches.push_back(t);
      }
    }
    if (matches.empty()) break;
    if (matches.size() > 1) {
      return core::Result<ui::Target>::Fail(std::to_string(matches.size()) + " targets are labelled \"" +
                                            label + "\"; name the question: tap \"" + label +
                                            "\" in \"...\"");
    }
    if (matches[0].Visible()) return matches[0];
    if (!matches[0].in_scroll || attempt == 1) {
      return core::Result<ui::Target>::Fail("\"" + label + "\" is not fully on screen");
    }
    app_.ui().ScrollTo(matches[0].content_y);  // as a finger would drag it into view
    Settle();
  }
  std::string near;
  for (const auto& t : app_.ui().registry().targets()) {
    if (t.layer == app_.ui().registry().TopLayer())
      near += (near.empty() ? "" : ", ") + ("\"" + t.label + "\"");
  }
  return core::Result<ui::Target>::Fail("no target labelled \"" + label + "\"" +
                                        (scope.empty() ? "" : " in \"" + scope + "\"") +
                                        "; on screen: " + near.substr(0, 600));
}

core::Status HeadlessDriver::Tap(const Command& c) {
  auto target = FindTarget(c.text, c.scope);
  if (!target) return target.problems();
  ImVec2 at = target->rect.GetCenter();
  MouseAt(at.x, at.y, false);
  Frames(1);
  MouseAt(at.x, at.y, true);
  Frames(1);
  MouseAt(at.x, at.y, false);
  Frames(1);
  MouseAt(-1, -1, false);  // the finger lifts: nothing stays hovered
  Settle();
  return core::Ok{};
}

core::Status HeadlessDriver::Sign(const Command& c) {
  auto target = FindTarget(c.text, c.scope);
  if (!target) return target.problems();
  const ImRect& r = target->rect;
  float x0 = r.Min.x + r.GetWidth() * 0.1f, x1 = r.Min.x + r.GetWidth() * 0.85f;
  float mid = r.Min.y + r.GetHeight() * 0.55f, amp = r.GetHeight() * 0.18f;
  MouseAt(x0, mid, false);
  Frames(1);
  const int steps = 24;
  for (int i = 0; i <= steps; ++i) {
    float f = static_cast<float>(i) / steps;
    float y = mid + amp * std::sin(f * 12.0f) * (1.0f - 0.5f * f);
    MouseAt(x0 + (x1 - x0) * f, y, true);
    Frames(1);
  }
  MouseAt(x1, mid, false);
  Frames(1);
  MouseAt(-1, -1, false);
  Settle();
  return core::Ok{};
}

// A finger goes down on the target, moves by drag_px over ten frames, and lifts.
core::Status HeadlessDriver::Drag(const Command& c) {
  auto target = FindTarget(c.text, c.scope);
  if (!target) return target.problems();
  ImVec2 at = target->rect.GetCenter();
  MouseAt(at.x, at.y, false);
  Frames(1);
  for (int i = 0; i <= 10; ++i) {
    MouseAt(at.x, at.y + static_cast<float>(c.drag_px * i) / 10.0f, true);
    Frames(1);
  }
  MouseAt(at.x, at.y + static_cast<float>(c.drag_px), false);
  Frames(1);
  MouseAt(-1, -1, false);
  Settle();
  return core::Ok{};
}

core::Status HeadlessDriver::Wait(std::chrono::milliseconds d) {
  const core::TimePoint end = clock_.Now() + d;
  // Like the real loop: sleep until the next deadline (idle countdown, rotation), draw, repeat.
  for (int guard = 0; clock_.Now() < end && guard < 100000; ++guard) {
    core::TimePoint wake = app_.NextWake();
    if (wake <= clock_.Now()) wake = clock_.Now() + core::Millis(16);
    clock_.Set(std::min(wake, end));
    app_.Frame();
  }
  Settle();
  return core::Ok{};
}

core::Status HeadlessDriver::Hold(const Command& c) {
  ImVec2 size = ImGui::GetIO().DisplaySize;
  const float inset = 12;
  float x = -1, y = -1;
  if (c.text == "top_left" || c.text == "bottom_left") x = inset;
  if (c.text == "top_right" || c.text == "bottom_right") x = size.x - inset;
  if (c.text == "top_left" || c.text == "top_right") y = inset;
  if (c.text == "bottom_left" || c.text == "bottom_right") y = size.y - inset;
  if (x < 0 && std::sscanf(c.text.c_str(), "%f,%f", &x, &y) != 2) {
    return core::Status::Fail("hold: \"" + c.text + "\" is neither a corner nor a point \"x,y\"");
  }
  MouseAt(x, y, false);
  Frames(1);
  MouseAt(x, y, true);
  Frames(1);
  // The finger stays down: like the real loop, sleep until the next deadline (the gesture's), draw, repeat.
  const core::TimePoint end = clock_.Now() + c.duration;
  for (int guard = 0; clock_.Now() < end && guard < 100000; ++guard) {
    core::TimePoint wake = app_.NextWake();
    if (wake <= clock_.Now()) wake = clock_.Now() + core::Millis(16);
    clock_.Set(std::min(wake, end));
    app_.Frame();
  }
  MouseAt(x, y, false);
  Frames(1);
  MouseAt(-1, -1, false);
  Settle();
  return core::Ok{};
}

core::Status HeadlessDriver::ExpectFocus(const Command& c) {
  auto focused = app_.ui().FocusedTarget();
  if (!focused)
    return core::Status::Fail("expected the focus ring on \"" + c.text + "\", but it shows on nothing");
  bool scope_ok = c.scope.empty() || focused->scope.find(c.scope) != std::string::npos;
  if (focused->label != c.text || !scope_ok) {
    return core::Status::Fail("expected the focus ring on \"" + c.text + "\"" +
                              (c.scope.empty() ? "" : " in \"" + c.scope + "\"") + ", but it is on \"" +
                              focused->label + "\"" +
                              (focused->scope.empty() ? "" : " in \"" + focused->scope + "\""));
  }
  if (!focused->Visible())
    return core::Status::Fail("the focus ring is on \"" + c.text + "\", but it is not fully on screen");
  return core::Ok{};
}

core::Status HeadlessDriver::Close() {
  SDL_Event e{};
  e.type = SDL_QUIT;
  SDL_PushEvent(&e);
  app_.PumpEvents();
  if (!app_.QuitRequested()) {
    Frames(2);
    Settle();
  }
  return core::Ok{};
}

// After typing, or a tap on a text field, the field the keyboard types into is whole on screen: not under the
// keyboard, not behind the heading. (A client's own drag may take it away later; that is not checked.)
core::Status HeadlessDriver::CheckFocusedField(const Command& c) {
  const auto& field = app_.ui().registry().focused_field();
  if (!field || field->Visible()) return core::Ok{};
  if (c.kind != Command::Kind::kType && !(c.kind == Command::Kind::kTap && c.text == field->label))
    return core::Ok{};
  auto px = [](float v) { return std::to_string(static_cast<int>(std::lround(v))); };
  return core::Status::Fail("\"" + field->label +
                            "\" is being typed but is not fully on screen (the keyboard covers it): y " +
                            px(field->rect.Min.y) + " to " + px(field->rect.Max.y) + ", page shown from " +
                            px(field->clip.Min.y) + " to " + px(field->clip.Max.y));
}

}  // namespace app
