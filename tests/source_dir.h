// Where the project's source tree is, for tests that read content/, config/ and scripts. Every test is compiled with
// KIOSK_SOURCE_DIR meaning test_support::SourceDir(); the path itself is compiled into one object (source_dir.cpp),
// so test objects are the same in every checkout and the compiler cache can share them between checkouts.
#pragma once

namespace test_support {
const char* SourceDir();
}
