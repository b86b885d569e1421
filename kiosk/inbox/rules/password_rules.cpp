// Staff password rules (password_rules.h).
#include "inbox/rules/password_rules.h"

#include <cctype>

namespace core {
namespace {

// Lowercase ASCII, whitespace dropped: "Pass Word" and "password" are the same guess.
std::string Folded(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

size_t Characters(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool OnList(const std::string& folded, std::string_view common) {
  while (!common.empty()) {
    const size_t end = common.find('\n');
    std::string_view line = common.substr(0, end);
    common = end == std::string_view::npos ? std::string_view() : common.substr(end + 1);
    if (line.empty() || line[0] == '#') continue;
    if (Folded(line) == folded) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> PasswordProblem(std::string_view password, std::string_view name,
                                           std::string_view common) {
  const std::string folded = Folded(password);
  if (Characters(password) < kMinPasswordCharacters || password.size() > kMaxPasswordBytes)
    return "a password is " + std::to_string(kMinPasswordCharacters) + " to " +
           std::to_string(kMaxPasswordBytes) + " bytes long";
  if (Characters(folded) < kMinPasswordCharacters) return "a password is not mostly spaces";
  if (folded.find_first_not_of(folded[0]) == std::string::npos)
    return "a password is not one character repeated";
  if (folded == Folded(name)) return "a password is not the name";
  if (OnList(folded, common)) return "that password is on the list of common passwords";
  return std::nullopt;
}

}  // namespace core
