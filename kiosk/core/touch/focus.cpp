// Focus moves for the keypad: sequential between groups, by rows inside a group.
#include "core/touch/focus.h"

#include <cmath>
#include <limits>

namespace core {

const char* ToString(NavKey key) {
  switch (key) {
    case NavKey::kUp:
      return "up";
    case NavKey::kDown:
      return "down";
    case NavKey::kLeft:
      return "left";
    case NavKey::kRight:
      return "right";
    case NavKey::kSelect:
      return "select";
    case NavKey::kBack:
      return "back";
    case NavKey::kHelp:
      return "help";
    case NavKey::kVolumeUp:
      return "volume_up";
    case NavKey::kVolumeDown:
      return "volume_down";
    case NavKey::kSlower:
      return "slower";
    case NavKey::kFaster:
      return "faster";
  }
  return "";
}

bool IsSpeechKey(NavKey key) {
  return key == NavKey::kHelp || key == NavKey::kVolumeUp || key == NavKey::kVolumeDown ||
         key == NavKey::kSlower || key == NavKey::kFaster;
}

size_t InitialFocus(const std::vector<FocusItem>& items) {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].in_page) return i;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].checked && !items[i].chrome) return i;
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].chrome) return i;
  return 0;
}

namespace {

bool SameGroup(const FocusItem& a, const FocusItem& b) {
  return !a.group.empty() && a.group == b.group;
}

// The item of the group in the row just below (down) or above (up) `from`, nearest across; or nullopt.
std::optional<size_t> RowNeighbour(const std::vector<FocusItem>& items, size_t from, bool down) {
  const FocusItem& f = items[from];
  const float slack = 1.0f;  // a row's items share their top within a pixel or so
  float row = down ? std::numeric_limits<float>::max() : std::numeric_limits<float>::lowest();
  for (const FocusItem& it : items) {
    if (!SameGroup(it, f)) continue;
    if (down && it.top >= f.bottom - slack && it.top < row) row = it.top;
    if (!down && it.bottom <= f.top + slack && it.top > row) row = it.top;
  }
  std::optional<size_t> best;
  float best_dx = std::numeric_limits<float>::max(), centre = (f.left + f.right) * 0.5f;
  for (size_t i = 0; i < items.size(); ++i) {
    const FocusItem& it = items[i];
    if (!SameGroup(it, f) || std::fabs(it.top - row) > slack) continue;
    float dx = std::fabs((it.left + it.right) * 0.5f - centre);
    if (dx < best_dx) {
      best_dx = dx;
      best = i;
    }
  }
  return best;
}

// A group that is one row and no radio (the footer's Back and Next, the header's options, a row of buttons):
// up and down walk it item by item, so Down from Back reaches Next. The next (or previous) item of the group
// in drawing order, or nullopt at its end or in any other group.
std::optional<size_t> AlongRow(const std::vector<FocusItem>& items, size_t from, bool down) {
  const FocusItem& f = items[from];
  if (f.group.empty() || f.radio) return std::nullopt;
  for (const FocusItem& it : items)
    if (SameGroup(it, f) && std::fabs(it.top - f.top) > 1.0f) return std::nullopt;  // rows: by rows
  if (down) {
    for (size_t i = from + 1; i < items.size(); ++i)
      if (SameGroup(items[i], f)) return i;
  } else {
    for (size_t i = from; i-- > 0;)
      if (SameGroup(items[i], f)) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<FocusMove> MoveFocus(const std::vector<FocusItem>& items, size_t from, NavKey key) {
  const size_t n = items.size();
  if (from >= n) return std::nullopt;
  const FocusItem& f = items[from];
  if (key == NavKey::kUp || key == NavKey::kDown) {
    bool down = key == NavKey::kDown;
    if (auto row = RowNeighbour(items, from, down)) return FocusMove{*row, false};
    if (auto next = AlongRow(items, from, down)) return FocusMove{*next, false};
    // leave the group (or the single item): the first item past its end, round the screen
    size_t i = from;
    for (size_t step = 0; step < n; ++step) {
      i = down ? (i + 1) % n : (i + n - 1) % n;
      if (!SameGroup(items[i], f)) return FocusMove{i, false};
    }
    return FocusMove{from, false};  // one group holds everything
  }
  if (key == NavKey::kLeft || key == NavKey::kRight) {
    if (f.group.empty()) return std::nullopt;
    if (key == NavKey::kRight) {
      for (size_t i = from + 1; i < n; ++i)
        if (SameGroup(items[i], f)) return FocusMove{i, f.radio};
    } else {
      for (size_t i = from; i-- > 0;)
        if (SameGroup(items[i], f)) return FocusMove{i, f.radio};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace core
