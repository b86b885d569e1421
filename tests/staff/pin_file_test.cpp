// The staff PIN file: an Argon2id hash only, mode 0600, verified against the right and wrong PINs.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "core/content/content_loader.h"
#include "staff/pin_file.h"
#include "store/temp_dir.h"

TEST_CASE("set-pin stores an Argon2id hash, never the PIN, readable by the kiosk user alone") {
  store_test::TempDir dir;
  auto file = dir.File("staff-pin.hash");
  CHECK_FALSE(staff::PinIsSet(file));
  REQUIRE(staff::WritePinHash(file, "246810").ok());
  CHECK(staff::PinIsSet(file));
  auto text = core::ReadFile(file);
  REQUIRE(text.ok());
  CHECK(text->rfind("$argon2id$", 0) == 0);
  CHECK(text->find("246810") == std::string::npos);
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(*staff::VerifyPin(file, "246810"));
  CHECK_FALSE(*staff::VerifyPin(file, "246811"));
  CHECK_FALSE(*staff::VerifyPin(file, ""));
}

TEST_CASE("a PIN is 4 to 12 digits; a missing or foreign hash file is a problem, never a match") {
  store_test::TempDir dir;
  auto file = dir.File("pin");
  CHECK_FALSE(staff::WritePinHash(file, "123").ok());
  CHECK_FALSE(staff::WritePinHash(file, "12a4").ok());
  CHECK_FALSE(staff::WritePinHash(file, "1234567890123").ok());
  CHECK_FALSE(staff::PinIsSet(file));
  CHECK_FALSE(staff::VerifyPin(file, "1234").ok());
  REQUIRE(staff::WritePinHash(file, "1234").ok());
  REQUIRE(staff::WritePinHash(file, "5678").ok());  // replacing works and the old PIN stops working
  CHECK_FALSE(*staff::VerifyPin(file, "1234"));
  CHECK(*staff::VerifyPin(file, "5678"));
  std::FILE* f = std::fopen(file.c_str(), "w");
  std::fputs("plain text\n", f);
  std::fclose(f);
  auto foreign = staff::VerifyPin(file, "5678");
  CHECK((!foreign.ok() || !*foreign));
}
