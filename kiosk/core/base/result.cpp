// Formatting of problems: "FILE: /json/pointer: what is wrong".
#include "core/base/result.h"

namespace core {

std::string Problem::ToString() const {
  std::string out;
  if (!file.empty()) out += file + ": ";
  if (!pointer.empty()) out += pointer + ": ";
  return out + message;
}

std::string Join(const Problems& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "\n";
    out += p.ToString();
  }
  return out;
}

}  // namespace core
