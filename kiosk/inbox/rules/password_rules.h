// What a staff password must be (`intake-inbox add-user`): long enough, not blank, not one character
// repeated, not the name, not on the common-password list shipped with the package.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

inline constexpr size_t kMinPasswordCharacters = 10;
inline constexpr size_t kMaxPasswordBytes = 1024;

// Why `password` will not do for `name`, or nullopt. `common` is the list's text: one password a line,
// '#' starts a comment; it is compared without case (ASCII) and without whitespace.
std::optional<std::string> PasswordProblem(std::string_view password, std::string_view name,
                                           std::string_view common);

}  // namespace core
