// An uploaded content folder, read from a .tar (optionally gzip-compressed) or .zip archive with libarchive.
// Refused whole, with the reason, on a path that leaves the folder or is absolute, a symbolic or hard link,
// a device or FIFO, a file or a total over the limits, or too many entries. A folder archived with its own
// name around it ("content/manifest.json") is read as if archived from inside.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace inbox {

struct ArchiveLimits {
  size_t max_entries = 500;
  size_t max_file_bytes = 4 * 1024 * 1024;
  size_t max_total_bytes = 16 * 1024 * 1024;  // uncompressed: a small zip cannot unpack into gigabytes
};

struct UploadedFolder {
  std::map<std::string, std::string> files;  // the content files (bundle::IsContentFile), path -> bytes
  std::vector<std::string> left_out;         // other files in the archive, not published (README.md, ...)
};

core::Result<UploadedFolder> ReadContentArchive(std::string_view bytes, const ArchiveLimits& limits = {});

}  // namespace inbox
