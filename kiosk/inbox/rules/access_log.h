// One line of the inbox's access log: method, path, status, intake id. What a client sent (method, path) is
// escaped, so a request cannot write a line of its own: bytes outside printable ASCII, and the backslash, as
// \\xNN. Never a query, a body or a header.
#pragma once

#include <string>
#include <string_view>

namespace core {

std::string AccessLogLine(std::string_view method, std::string_view path, int status,
                          std::string_view intake_id);

}  // namespace core
