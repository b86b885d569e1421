# kiosk_embed_keyboards(TARGET ROOT): compiles ROOT/content/keyboards/*.json into TARGET as text
# (core::ShippedKeyboards), so a content folder without its own keyboards/ still has the shipped layouts.
# embed_keyboards.cmake writes the source at build time, again whenever a layout changes. Used by the product's
# build and by the fuzzers' own project (tests/fuzz).
function(kiosk_embed_keyboards target root)
  file(GLOB layouts CONFIGURE_DEPENDS ${root}/content/keyboards/*.json)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/shipped_keyboards.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDIR=${root}/content/keyboards -DOUT=${out} -P ${root}/kiosk/core/embed_keyboards.cmake
    DEPENDS ${layouts} ${root}/kiosk/core/embed_keyboards.cmake
    COMMENT "Embedding content/keyboards")
  target_sources(${target} PRIVATE ${out})
endfunction()
