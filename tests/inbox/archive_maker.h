// Archives made in memory for the publishing tests (libarchive's writer): a content folder as .tar, .tar.gz
// or .zip, and entries no upload may hold (a symbolic or hard link, "..", an absolute path, a device).
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace publish_test {

enum class Kind { kFile, kSymlink, kHardlink, kDirectory, kFifo };

struct Entry {
  std::string path;
  std::string data;  // a file's bytes, or a link's target
  Kind kind = Kind::kFile;
};

enum class Format { kTar, kTarGz, kZip };

inline std::string MakeArchive(const std::vector<Entry>& entries, Format format = Format::kTar) {
  archive* a = archive_write_new();
  if (format == Format::kZip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
    if (format == Format::kTarGz) archive_write_add_filter_gzip(a);
  }
  std::string out(64 * 1024 * 1024, '\0');
  size_t used = 0;
  REQUIRE(archive_write_open_memory(a, out.data(), out.size(), &used) == ARCHIVE_OK);
  for (const auto& e : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.path.c_str());
    archive_entry_set_perm(entry, 0644);
    switch (e.kind) {
      case Kind::kFile:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_size(entry, static_cast<la_int64_t>(e.data.size()));
        break;
      case Kind::kSymlink:
        archive_entry_set_filetype(entry, AE_IFLNK);
        archive_entry_set_symlink(entry, e.data.c_str());
        break;
      case Kind::kHardlink:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_hardlink(entry, e.data.c_str());
        break;
      case Kind::kDirectory:
        archive_entry_set_filetype(entry, AE_IFDIR);
        archive_entry_set_perm(entry, 0755);
        break;
      case Kind::kFifo:
        archive_entry_set_filetype(entry, AE_IFIFO);
        break;
    }
    REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
    if (e.kind == Kind::kFile && !e.data.empty())
      REQUIRE(archive_write_data(a, e.data.data(), e.data.size()) == static_cast<la_ssize_t>(e.data.size()));
    archive_entry_free(entry);
  }
  REQUIRE(archive_write_close(a) == ARCHIVE_OK);
  archive_write_free(a);
  out.resize(used);
  return out;
}

// Every file of a content folder (recursively), as archive entries under `prefix`.
inline std::vector<Entry> FolderEntries(const std::filesystem::path& dir, const std::string& prefix = "") {
  std::vector<Entry> out;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream data;
    data << in.rdbuf();
    out.push_back({prefix + std::filesystem::relative(f.path(), dir).string(), data.str()});
  }
  return out;
}

// The repository's content with `edit` applied to the text of `file` (a new version, or a broken file).
inline std::vector<Entry> ContentWith(const std::string& file, const std::function<void(std::string&)>& edit,
                                      const std::string& prefix = "") {
  auto entries = FolderEntries(std::string(KIOSK_SOURCE_DIR) + "/content", prefix);
  for (auto& e : entries) {
    if (e.path == prefix + file) edit(e.data);
  }
  return entries;
}

// The repository's content under a new version (the manifest's "version" replaced).
inline std::vector<Entry> ContentVersion(const std::string& version, const std::string& prefix = "") {
  return ContentWith(
      "manifest.json",
      [&](std::string& text) {
        auto at = text.find("\"version\"");
        auto open = text.find('"', text.find(':', at)) + 1;
        text.replace(open, text.find('"', open) - open, version);
      },
      prefix);
}

}  // namespace publish_test
