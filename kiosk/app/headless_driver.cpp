// The headless driver: script commands become frames with injected touches, typed text and virtual time.
#include "app/headless_driver.h"

#include <algorithm>
#include <cmath>

#include "platform/png.h"

namespace app {

namespace {
core::Status Fail(const std::string& why) {
  return core::Status::Fail(why);
}
}  // namespace

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
  Settle();
  for (const auto& c : commands) {
    auto status = Execute(c);
    if (status.ok()) status = CheckLayout();
    if (!status.ok()) {
      return Fail(script_name + ":" + std::to_string(c.line) + ": " + status.error() + " (on screen " +
                  app_.ScreenId() + ")");
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
    case K::kExpectScreen:
      if (app_.ScreenId() != c.text)
        return Fail("expected screen " + c.text + ", but it is " + app_.ScreenId());
      return core::Ok{};
    case K::kExpectText:
    case K::kExpectNoText: {
      const auto& texts = app_.ui().registry().texts();
      bool found = std::any_of(texts.begin(), texts.end(),
                               [&](const std::string& t) { return t.find(c.text) != std::string::npos; });
      if (c.kind == K::kExpectText && !found)
        return Fail("expected text \"" + c.text + "\" is not on screen");
      if (c.kind == K::kExpectNoText && found)
        return Fail("text \"" + c.text + "\" is on screen but must not be");
      // text typed into a field is drawn by ImGui itself: look at the session's answers too
      if (c.kind == K::kExpectNoText) {
        for (const auto& [id, a] : app_.session().answers) {
          if (auto* s = std::get_if<std::string>(&a); s && s->find(c.text) != std::string::npos) {
            return Fail("text \"" + c.text + "\" is still held in answer " + id);
          }
        }
      }
      return core::Ok{};
    }
    case K::kScreenshot: {
      if (screenshots_.empty()) return core::Ok{};
      core::Image image;
      Frames(1, &image);
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

core::Status HeadlessDriver::CheckLayout() {
  const auto& reg = app_.ui().registry();
  int top = reg.TopLayer();
  std::vector<const ui::Target*> live;
  for (const auto& t : reg.targets()) {
    if (t.layer != top || !t.Visible()) continue;
    if (t.clipped) return Fail("the label \"" + t.label + "\" does not fit its button");
    live.push_back(&t);
  }
  for (size_t i = 0; i < live.size(); ++i) {
    for (size_t j = i + 1; j < live.size(); ++j) {
      ImRect a = live[i]->rect, b = live[j]->rect;
      bool overlap =
          a.Min.x < b.Max.x - 1 && b.Min.x < a.Max.x - 1 && a.Min.y < b.Max.y - 1 && b.Min.y < a.Max.y - 1;
      if (overlap) return Fail("targets \"" + live[i]->label + "\" and \"" + live[j]->label + "\" overlap");
    }
  }
  return core::Ok{};
}

}  // namespace app
