// Keypad navigation's rules: where the focus ring goes for each key, worked out from the tap targets of a
// frame in the order they are drawn (the same registry headless scripts tap by label), so every tappable
// thing is reachable by keys. Pure: the UI feeds the targets' rectangles and groups.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace core {

// What a key of the keypad does (kiosk.json "keypad" maps keys to these). The first six move the focus ring
// and act; help, volume and rate are for speech (help reads the focused item again with its help).
enum class NavKey {
  kUp,
  kDown,
  kLeft,
  kRight,
  kSelect,
  kBack,
  kHelp,
  kVolumeUp,
  kVolumeDown,
  kSlower,
  kFaster
};
inline constexpr int kNavKeyCount = 11;
inline constexpr NavKey kNavKeys[kNavKeyCount] = {
    NavKey::kUp,   NavKey::kDown,     NavKey::kLeft,       NavKey::kRight,  NavKey::kSelect, NavKey::kBack,
    NavKey::kHelp, NavKey::kVolumeUp, NavKey::kVolumeDown, NavKey::kSlower, NavKey::kFaster};
// "up", "down", "left", "right", "select", "back", "help", "volume_up", "volume_down", "slower", "faster"
const char* ToString(NavKey key);
// True for help, volume and rate: keys for speech, which never move the focus.
bool IsSpeechKey(NavKey key);

// One tap target as navigation sees it.
struct FocusItem {
  float left = 0, top = 0, right = 0, bottom = 0;  // on screen, in pixels
  // Targets of one group (a question's answers, a date's day/month/year, the keyboard's keys, a grid of
  // dates): left/right move among them, up/down move row by row inside the group before leaving it.
  std::string group;
  bool radio = false;    // moving left/right in this group also chooses (yes/no, one of several)
  bool in_page = false;  // in the page's scrolled content: a new page's focus starts at its first
  bool chrome = false;   // the header's options (languages, larger text, contrast): never the first focus
  bool checked = false;  // a chosen answer: a dialog's focus starts there
};

struct FocusMove {
  size_t to = 0;        // the item focused now
  bool choose = false;  // a radio group: the item is also chosen
};

// Where focus starts on a screen or dialog: the first item of the page's content, else the first chosen item,
// else the first item that is not a header option.
size_t InitialFocus(const std::vector<FocusItem>& items);

// Up/down: the next row of the group (the item nearest across); in a group of one row that is no radio (Back
// and Next) the next item of the group; else the item before or after the group (wrapping round the screen).
// Left/right: the previous or next item of the group (none at its ends, or outside a group). Select and back
// move nothing: nullopt.
std::optional<FocusMove> MoveFocus(const std::vector<FocusItem>& items, size_t from, NavKey key);

}  // namespace core
