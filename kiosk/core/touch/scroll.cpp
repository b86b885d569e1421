// Scroll physics: drag with a tap slop, release into an exponentially decaying glide, clamped at the ends.
#include "core/touch/scroll.h"

#include <algorithm>
#include <cmath>

namespace core {

namespace {
float SecondsBetween(TimePoint a, TimePoint b) {
  return std::chrono::duration<float>(b - a).count();
}
}  // namespace

float ScrollPhysics::Clamp(float v) const {
  return std::clamp(v, 0.0f, limit_);
}

void ScrollPhysics::SetLimit(float max_offset) {
  limit_ = std::max(0.0f, max_offset);
  offset_ = Clamp(offset_);
}

void ScrollPhysics::Press(float y, TimePoint now) {
  pressed_ = true;
  dragging_ = false;
  velocity_ = 0;  // a touch stops a glide
  press_y_ = last_y_ = y;
  press_offset_ = offset_;
  last_ = now;
}

bool ScrollPhysics::Move(float y, TimePoint now) {
  if (!pressed_) return false;
  if (!dragging_ && std::abs(y - press_y_) < s_.slop_px) return false;
  dragging_ = true;
  float dt = SecondsBetween(last_, now);
  if (dt > 0) {
    // the finger's speed, smoothed over the last few moves so one jittery sample does not fling the page
    float v = std::clamp((last_y_ - y) / dt, -s_.max_px_per_s, s_.max_px_per_s);
    velocity_ = velocity_ == 0 ? v : 0.6f * v + 0.4f * velocity_;
    last_ = now;
  }
  last_y_ = y;
  offset_ = Clamp(press_offset_ + (press_y_ - y));
  return true;
}

void ScrollPhysics::Release(TimePoint now) {
  bool was_dragging = dragging_;
  pressed_ = dragging_ = false;
  // a finger that stopped before lifting does not glide
  if (!was_dragging || SecondsBetween(last_, now) > 0.1f) velocity_ = 0;
  last_ = now;
  if (std::abs(velocity_) < s_.stop_px_per_s) velocity_ = 0;
}

void ScrollPhysics::Step(TimePoint now) {
  if (pressed_) return;
  float dt = SecondsBetween(last_, now);
  last_ = now;
  if (velocity_ == 0 || dt <= 0) return;
  // v(t) = v0 * f^t, so the distance covered in dt is v0 * (f^dt - 1) / ln f
  float decay = std::pow(s_.friction, dt);
  float target = offset_ + velocity_ * (decay - 1) / std::log(s_.friction);
  velocity_ *= decay;
  offset_ = Clamp(target);
  if (offset_ != target || std::abs(velocity_) < s_.stop_px_per_s) velocity_ = 0;
}

float RevealOffset(float offset, float view, float top, float bottom, float margin) {
  margin = std::clamp(margin, 0.0f, std::max(0.0f, view * 0.25f));
  float room = view - 2 * margin;
  if (bottom - top > view) return bottom - view;  // taller than the view: its end at the foot
  if (bottom - top > room) return top - (view - (bottom - top)) / 2;   // fits only in the margins: centred
  if (top - margin < offset) return top - margin;                      // above: to the top
  if (bottom + margin > offset + view) return bottom + margin - view;  // below: to the foot
  return offset;
}

void ScrollPhysics::JumpTo(float offset) {
  offset_ = Clamp(offset);
  velocity_ = 0;
}

}  // namespace core
