// Staff mode as data: which staff page is open, the PIN being typed, the lock after inactivity, and what
// staff can ask for. The app carries out the actions (PIN check, retry, test, reload, export, exit).
#pragma once

#include <map>
#include <string>
#include <variant>

#include "core/base/clock.h"

namespace core {

enum class StaffPage { kClosed, kPin, kHome, kToday };

struct StaffState {
  StaffPage page = StaffPage::kClosed;
  std::string pin;      // digits typed so far; wiped on every close and check
  std::string message;  // a key into app.json "ui" shown under the pad or on the page ("" for none)
  std::map<std::string, std::string> values;  // what the message formats with ({status}, {n}, {file}...)
  std::string message_detail;                 // lines shown under it (a reload's error list)
  bool problem = false;                       // the message reports something wrong
  TimePoint last_touch{};
};

inline constexpr size_t kMaxPinDigits = 12;
inline constexpr size_t kMinPinDigits = 4;

namespace staff_intent {
struct Open {};  // the hidden gesture was held
struct Digit {
  char digit = '0';
};
struct Erase {};
struct Enter {};  // check the PIN typed so far
struct Close {};  // lock and return to the client flow
struct Show {
  StaffPage page = StaffPage::kHome;
};
struct RetryAll {};
struct RetryOne {
  std::string id;
};
struct TestConnection {};
struct ToggleDemo {};
struct ReloadContent {};
struct RollBackContent {};  // back to the content before the bundle published from the inbox
struct ExportLeads {};
struct ExitApp {};
struct Touch {};  // any touch while staff mode is open: keeps it unlocked
}  // namespace staff_intent

using StaffIntent =
    std::variant<staff_intent::Open, staff_intent::Digit, staff_intent::Erase, staff_intent::Enter,
                 staff_intent::Close, staff_intent::Show, staff_intent::RetryAll, staff_intent::RetryOne,
                 staff_intent::TestConnection, staff_intent::ToggleDemo, staff_intent::ReloadContent,
                 staff_intent::RollBackContent, staff_intent::ExportLeads, staff_intent::ExitApp,
                 staff_intent::Touch>;

// The pad and page changes; returns true when the intent is an action the app must carry out (Enter with a
// PIN of a valid length, and every action from RetryAll to ExitApp) - only while unlocked for actions.
bool ApplyStaff(StaffState& s, const StaffIntent& intent, TimePoint now);

// The outcome of a PIN check the app made: open the home page, or stay on the pad with a calm message.
void PinChecked(StaffState& s, bool correct, TimePoint now);

// Closes staff mode after `lock_after` without a touch. Returns true when it did.
bool LockIfIdle(StaffState& s, TimePoint now, Seconds lock_after);

// Sets the message staff read next (key into app.json "ui", its values, whether it reports a problem).
void Say(StaffState& s, std::string key, std::map<std::string, std::string> values = {}, bool problem = false,
         std::string detail = "");

// Forgets the typed PIN (overwritten) and every message.
void CloseStaff(StaffState& s);

}  // namespace core
