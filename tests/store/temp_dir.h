// A fresh, uniquely named directory under the system temp dir, removed with everything in it at scope exit.
#pragma once

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>

#include "core/base/clock.h"

namespace store_test {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-store-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path File(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// A fixed moment plus `seconds`, so test times are readable and ordered.
inline core::TimePoint At(int seconds) {
  using namespace std::chrono;
  return sys_days{year{2026} / 11 / 25} + hours{9} + std::chrono::seconds{seconds};
}

}  // namespace store_test
