# Writes OUT, a C++ file holding every content/keyboards/*.json as text (core::ShippedKeyboards), so a
# content folder without keyboards/ still gets the shipped layouts. Run at build time when a layout changes.
file(GLOB layouts "${DIR}/*.json")
list(SORT layouts)
set(body "")
foreach(f ${layouts})
  get_filename_component(id "${f}" NAME_WE)
  file(READ "${f}" text)
  string(APPEND body "      {\"${id}\", R\"kbd(${text})kbd\"},\n")
endforeach()
set(code "// Generated from content/keyboards/*.json by kiosk/core/embed_keyboards.cmake: do not edit.
#include \"core/content/keyboard_layout.h\"

namespace core {

const std::map<std::string, std::string>& ShippedKeyboards() {
  static const std::map<std::string, std::string> kLayouts = {
${body}  };
  return kLayouts;
}

}  // namespace core
")
file(WRITE "${OUT}.tmp" "${code}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
