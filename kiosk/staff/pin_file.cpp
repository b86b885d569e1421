// PIN hashing with libsodium's crypto_pwhash_str (Argon2id) and the hash file.
#include "staff/pin_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/content/content_loader.h"

namespace staff {

namespace {

core::Status InitSodium() {
  if (sodium_init() < 0) return core::Status::Fail("libsodium could not be initialised");
  return core::Ok{};
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

core::Status CheckPinFormat(const std::string& pin) {
  if (pin.size() < 4 || pin.size() > 12 ||
      !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return core::Status::Fail("a staff PIN is 4 to 12 digits");
  return core::Ok{};
}

core::Status WritePinHash(const std::filesystem::path& file, const std::string& pin) {
  if (auto ok = CheckPinFormat(pin); !ok) return ok;
  if (auto ok = InitSodium(); !ok) return ok;
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return core::Status::Fail("not enough memory to hash the PIN");
  }
  std::filesystem::path tmp = file;
  tmp += ".new";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return core::Status::Fail("cannot write " + tmp.string() + ": " + std::strerror(errno));
  std::string line = std::string(hash) + "\n";
  bool written =
      ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || std::rename(tmp.c_str(), file.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::filesystem::remove(tmp);
    return core::Status::Fail("cannot write " + file.string() + ": " + why);
  }
  return core::Ok{};
}

bool PinIsSet(const std::filesystem::path& file) {
  std::error_code ec;
  return std::filesystem::is_regular_file(file, ec) && std::filesystem::file_size(file, ec) > 0;
}

core::Result<bool> VerifyPin(const std::filesystem::path& file, const std::string& pin) {
  if (auto ok = InitSodium(); !ok) return ok.problems();
  auto text = core::ReadFile(file, 4096);
  if (!text) return text.problems();
  std::string hash = Trimmed(*text);
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES)
    return core::Result<bool>::Fail(file.string() + ": not a PIN hash (set one with kiosk set-pin)");
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace staff
