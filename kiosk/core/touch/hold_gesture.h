// The hidden staff gesture: a press held still in one corner for a few seconds. Pure, fed once per frame.
#pragma once

#include <string>

#include "core/base/clock.h"

namespace core {

struct HoldGestureSettings {
  std::string corner = "top_left";  // top_left, top_right, bottom_left, bottom_right
  float size = 90;                  // the corner square, in pixels
  Millis hold{3000};
};

class HoldGesture {
 public:
  explicit HoldGesture(HoldGestureSettings s) : s_(std::move(s)) {}
  // One frame of pointer state on a screen of `width` x `height`. True once, on the frame the press has been
  // held inside the corner for the whole hold time; a press that leaves the corner or lifts starts over.
  bool Update(bool down, float x, float y, float width, float height, TimePoint now);
  // While a press is being held in the corner: when it will have lasted long enough (for the app's sleep).
  TimePoint Deadline() const;
  bool InCorner(float x, float y, float width, float height) const;
  void set_size(float pixels) { s_.size = pixels; }  // the screen's em changed

 private:
  HoldGestureSettings s_;
  bool pressing_ = false;  // a press that started in the corner and has stayed there
  bool fired_ = false;     // this press already opened staff mode
  TimePoint since_{};
};

}  // namespace core
