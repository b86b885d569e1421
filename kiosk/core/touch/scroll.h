// Drag-to-scroll physics for one vertical page (pure, driven by an injected time): a finger drags the
// page, a release keeps it gliding with friction until it stops or meets an end; a touch that moves less
// than the slop is a tap, not a drag.
#pragma once

#include "core/base/clock.h"

namespace core {

struct ScrollSettings {
  float slop_px = 15;         // movement under this is a tap
  float friction = 0.05f;     // fraction of the speed left after one second of gliding
  float stop_px_per_s = 20;   // slower than this: stopped
  float max_px_per_s = 8000;  // a flick never glides faster than this
  bool operator==(const ScrollSettings&) const = default;
};

class ScrollPhysics {
 public:
  ScrollPhysics() = default;
  explicit ScrollPhysics(ScrollSettings settings) : s_(settings) {}

  // The page's scrollable range changed (0 = fits the screen); the offset is clamped into it.
  void SetLimit(float max_offset);
  // A finger went down at screen y.
  void Press(float y, TimePoint now);
  // The finger is at screen y. Returns true once it has moved beyond the slop: it is a drag from then on.
  bool Move(float y, TimePoint now);
  // The finger lifted: a drag keeps gliding at the finger's last speed.
  void Release(TimePoint now);
  // Advances the glide to `now`.
  void Step(TimePoint now);
  // Jumps (the driver bringing a target into view, a new page); stops any glide.
  void JumpTo(float offset);

  float offset() const { return offset_; }
  float limit() const { return limit_; }        // the largest offset: the page's end is in view at it
  float velocity() const { return velocity_; }  // px per second, positive = content moves up
  bool dragging() const { return dragging_; }
  bool pressed() const { return pressed_; }
  bool gliding() const { return velocity_ != 0; }
  bool operator==(const ScrollPhysics&) const = default;

 private:
  float Clamp(float v) const;

  ScrollSettings s_;
  float limit_ = 0, offset_ = 0, velocity_ = 0;
  bool pressed_ = false, dragging_ = false;
  float press_y_ = 0, last_y_ = 0, press_offset_ = 0;
  TimePoint last_{};
};

// The scroll offset that brings the content span [top, bottom] into a view `view` pixels tall, `margin` from
// its edges, moving as little as it can from `offset`: a span above the view comes to its top, one below to
// its bottom; one that fits only without the margins is centred; a span taller than the view shows its end
// (a question's control and message are at its end).
float RevealOffset(float offset, float view, float top, float bottom, float margin);

}  // namespace core
