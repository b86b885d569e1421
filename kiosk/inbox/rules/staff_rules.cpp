// Login throttling and HTML escaping for the inbox's staff pages.
#include "inbox/rules/staff_rules.h"

namespace core {

std::optional<TimePoint> LoginLockedUntil(const std::vector<TimePoint>& failures, TimePoint now) {
  std::vector<TimePoint> recent;
  for (TimePoint t : failures) {
    if (t > now - kLoginWindow && t <= now) recent.push_back(t);
  }
  if (static_cast<int>(recent.size()) < kMaxLoginFailures) return std::nullopt;
  // The lock ends when enough of the recent failures have aged out of the window.
  return recent[recent.size() - kMaxLoginFailures] + kLoginWindow;
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
