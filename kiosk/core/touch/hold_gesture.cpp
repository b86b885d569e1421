// HoldGesture: press inside the corner, stay, wait; lifting or sliding out cancels.
#include "core/touch/hold_gesture.h"

namespace core {

bool HoldGesture::InCorner(float x, float y, float width, float height) const {
  bool left = s_.corner == "top_left" || s_.corner == "bottom_left";
  bool top = s_.corner == "top_left" || s_.corner == "top_right";
  bool in_x = left ? (x >= 0 && x < s_.size) : (x > width - s_.size && x <= width);
  bool in_y = top ? (y >= 0 && y < s_.size) : (y > height - s_.size && y <= height);
  return in_x && in_y;
}

bool HoldGesture::Update(bool down, float x, float y, float width, float height, TimePoint now) {
  if (!down) {
    pressing_ = fired_ = false;
    return false;
  }
  bool inside = InCorner(x, y, width, height);
  if (!pressing_) {
    // only a press that starts in the corner counts (a finger dragged into it does not)
    if (inside && !fired_) {
      pressing_ = true;
      since_ = now;
    } else {
      fired_ = true;  // wait for the finger to lift
    }
    return false;
  }
  if (!inside) {
    pressing_ = false;
    fired_ = true;
    return false;
  }
  if (now - since_ >= s_.hold) {
    pressing_ = false;
    fired_ = true;
    return true;
  }
  return false;
}

TimePoint HoldGesture::Deadline() const {
  return pressing_ ? since_ + s_.hold : TimePoint::max();
}

}  // namespace core
