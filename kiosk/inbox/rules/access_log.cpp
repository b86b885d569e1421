// Access log lines with what the client sent escaped (access_log.h).
#include "inbox/rules/access_log.h"

namespace core {
namespace {

void AppendEscaped(std::string& out, std::string_view text, size_t max_bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < text.size() && i < max_bytes; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x21 || c > 0x7e || c == '\\') {
      out.append("\\x");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (text.size() > max_bytes) out.append("...");
}

}  // namespace

std::string AccessLogLine(std::string_view method, std::string_view path, int status,
                          std::string_view intake_id) {
  std::string line;
  AppendEscaped(line, method, 16);
  line.push_back(' ');
  AppendEscaped(line, path, 256);
  line.push_back(' ');
  line.append(std::to_string(status));
  if (!intake_id.empty()) {
    line.push_back(' ');
    AppendEscaped(line, intake_id, 64);
  }
  return line;
}

}  // namespace core
