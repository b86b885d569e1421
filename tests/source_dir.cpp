// The source tree's path, given by CMake to this object only (see source_dir.h).
#include "source_dir.h"

const char* test_support::SourceDir() {
  return KIOSK_SOURCE_DIR_PATH;
}
