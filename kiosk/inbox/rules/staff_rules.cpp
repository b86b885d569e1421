// Login throttling and HTML escaping for the inbox's staff pages.
#include "inbox/rules/staff_rules.h"

namespace core {

std::optional<TimePoint> LoginLockedUntil(const std::vector<TimePoint>& failures, TimePoint now,
                                          int max_failures) {
  std::vector<TimePoint> recent;
  for (TimePoint t : failures) {
    if (t > now - kLoginWindow && t <= now) recent.push_back(t);
  }
  if (static_cast<int>(recent.size()) < max_failures) return std::nullopt;
  // The lock ends when enough of the recent failures have aged out of the window.
  return recent[recent.size() - max_failures] + kLoginWindow;
}

std::optional<SignInLock> SignInLocked(const SignInHistory& h, TimePoint now) {
  if (h.known_device) {
    if (auto until = LoginLockedUntil(h.device, now, kMaxFailuresPerDevice))
      return SignInLock{"device", *until};
    return std::nullopt;
  }
  if (auto until = LoginLockedUntil(h.address, now, kMaxFailuresPerAddress))
    return SignInLock{"address", *until};
  if (auto until = LoginLockedUntil(h.name, now, kMaxLoginFailures)) return SignInLock{"name", *until};
  if (auto until = LoginLockedUntil(h.overall, now, kMaxFailuresOverall))
    return SignInLock{"overall", *until};
  return std::nullopt;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace core
