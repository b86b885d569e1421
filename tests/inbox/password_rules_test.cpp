// Staff password rules: length, blank, repeated, the name, the shipped common-password list.
#include <doctest/doctest.h>

#include "core/content/content_loader.h"
#include "inbox/rules/password_rules.h"

namespace {

std::string CommonList() {
  return core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/deploy/inbox/common-passwords.txt").value();
}

}  // namespace

TEST_CASE("a staff password is long enough, not blank, not repeated, not the name, not a common one") {
  const std::string common = CommonList();
  CHECK_FALSE(core::PasswordProblem("a long staff password", "vanessa", common));
  CHECK_FALSE(core::PasswordProblem("contraseña larga de verdad", "vanessa", common));
  CHECK(core::PasswordProblem("short", "vanessa", common));
  CHECK(core::PasswordProblem("          ", "vanessa", common));  // ten spaces: accepted before
  CHECK(core::PasswordProblem("\t \t \t \t \t \tab", "vanessa", common));
  CHECK(core::PasswordProblem("aaaaaaaaaaaa", "vanessa", common));
  CHECK(core::PasswordProblem("Vanessa.Ortiz", "vanessa.ortiz", common));
  CHECK(*core::PasswordProblem("Password123", "vanessa", common) ==
        "that password is on the list of common passwords");
  CHECK(core::PasswordProblem("QWERTY uiop", "vanessa", common));
  CHECK(core::PasswordProblem("Contraseña123", "vanessa", common));
  CHECK(core::PasswordProblem(std::string(2000, 'x') + "y", "vanessa", common));
}
