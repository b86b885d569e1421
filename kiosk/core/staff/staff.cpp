// Staff mode transitions: the PIN pad, pages, and the inactivity lock.
#include "core/staff/staff.h"

#include <algorithm>

namespace core {

namespace {

void ScrubPin(StaffState& s) {
  std::fill(s.pin.begin(), s.pin.end(), '\0');
  s.pin.clear();
}

template <class... F>
struct Overload : F... {
  using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;

}  // namespace

void Say(StaffState& s, std::string key, std::map<std::string, std::string> values, bool problem,
         std::string detail) {
  s.message = std::move(key);
  s.values = std::move(values);
  s.problem = problem;
  s.message_detail = std::move(detail);
}

void CloseStaff(StaffState& s) {
  ScrubPin(s);
  s = StaffState{};
}

bool ApplyStaff(StaffState& s, const StaffIntent& intent, TimePoint now) {
  namespace si = staff_intent;
  if (std::holds_alternative<si::Open>(intent)) {
    if (s.page == StaffPage::kClosed) {
      CloseStaff(s);
      s.page = StaffPage::kPin;
    }
    s.last_touch = now;
    return false;
  }
  if (s.page == StaffPage::kClosed) return false;
  s.last_touch = now;
  bool unlocked = s.page == StaffPage::kHome || s.page == StaffPage::kToday;
  return std::visit(Overload{
                        [&](const si::Open&) { return false; }, [&](const si::Touch&) { return false; },
                        [&](const si::Digit& d) {
                          if (s.page == StaffPage::kPin && d.digit >= '0' && d.digit <= '9' &&
                              s.pin.size() < kMaxPinDigits) {
                            s.pin += d.digit;
                            Say(s, "");
                          }
                          return false;
                        },
                        [&](const si::Erase&) {
                          if (!s.pin.empty()) {
                            s.pin.back() = '\0';
                            s.pin.pop_back();
                          }
                          return false;
                        },
                        [&](const si::Enter&) {
                          if (s.page != StaffPage::kPin) return false;
                          if (s.pin.size() < kMinPinDigits) {
                            Say(s, "staff_pin_short", {}, true);
                            return false;
                          }
                          return true;
                        },
                        [&](const si::Close&) {
                          CloseStaff(s);
                          return false;
                        },
                        [&](const si::Show& p) {
                          if (unlocked && p.page != StaffPage::kPin && p.page != StaffPage::kClosed) {
                            s.page = p.page;
                            Say(s, "");
                          }
                          return false;
                        },
                        [&](const auto&) { return unlocked; },  // the actions
                    },
                    intent);
}

void PinChecked(StaffState& s, bool correct, TimePoint now) {
  ScrubPin(s);
  s.last_touch = now;
  if (correct) {
    s.page = StaffPage::kHome;
    Say(s, "");
  } else {
    Say(s, "staff_pin_wrong", {}, true);
  }
}

bool LockIfIdle(StaffState& s, TimePoint now, Seconds lock_after) {
  if (s.page == StaffPage::kClosed || now - s.last_touch < lock_after) return false;
  CloseStaff(s);
  return true;
}

}  // namespace core
