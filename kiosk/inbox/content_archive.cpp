// Reading an uploaded archive with libarchive (tar, tar.gz, zip), every entry checked before its bytes are
// kept; nothing is written to disk.
#include "inbox/content_archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "bundle/bundle_paths.h"

namespace inbox {
namespace {

using R = core::Result<UploadedFolder>;

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};

// "./a/b" -> "a/b"; a directory's trailing "/" dropped.
std::string Normalised(std::string path) {
  while (path.starts_with("./")) path.erase(0, 2);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// When nothing is at the top but one folder holding manifest.json, that folder's name, with its "/".
std::string CommonFolder(const std::map<std::string, std::string>& all) {
  if (all.empty() || all.count("manifest.json")) return {};
  const std::string first = all.begin()->first;
  const auto slash = first.find('/');
  if (slash == std::string::npos) return {};
  const std::string prefix = first.substr(0, slash + 1);
  for (const auto& [path, bytes] : all) {
    if (!path.starts_with(prefix)) return {};
  }
  return all.count(prefix + "manifest.json") ? prefix : std::string();
}

}  // namespace

core::Result<UploadedFolder> ReadContentArchive(std::string_view bytes, const ArchiveLimits& limits) {
  std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
  if (!a) return R::Fail("cannot read archives here (out of memory)");
  archive_read_support_format_tar(a.get());
  // Seekable: the central directory is read, with each entry's Unix mode (a streamed zip shows a symbolic
  // link as a plain file holding its target).
  archive_read_support_format_zip_seekable(a.get());
  archive_read_support_filter_gzip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
    return R::Fail("not a .zip, .tar or .tar.gz archive");
  std::map<std::string, std::string> all;
  size_t entries = 0, total = 0;
  archive_entry* entry = nullptr;
  for (;;) {
    const int next = archive_read_next_header(a.get(), &entry);
    if (next == ARCHIVE_EOF) break;
    if (next != ARCHIVE_OK)
      return R::Fail(std::string("the archive is damaged: ") + archive_error_string(a.get()));
    if (++entries > limits.max_entries)
      return R::Fail("more than " + std::to_string(limits.max_entries) + " entries in the archive");
    const char* raw = archive_entry_pathname(entry);
    if (raw == nullptr) return R::Fail("an entry without a readable name");
    const std::string path = Normalised(raw);
    if (path == "." || path.empty()) continue;
    if (auto problem = bundle::PathProblem(path)) return R::Fail(path + ": " + *problem);
    if (archive_entry_hardlink(entry) != nullptr || archive_entry_filetype(entry) == AE_IFLNK)
      return R::Fail(path + ": a link (symbolic or hard): a content folder holds plain files only");
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    if (archive_entry_filetype(entry) != AE_IFREG)
      return R::Fail(path + ": not a plain file (a device, FIFO or socket)");
    if (archive_entry_size_is_set(entry) &&
        archive_entry_size(entry) > static_cast<la_int64_t>(limits.max_file_bytes))
      return R::Fail(path + ": larger than " + std::to_string(limits.max_file_bytes / 1024 / 1024) + " MiB");
    std::string data;
    char buffer[16384];
    for (;;) {
      const la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
      if (n < 0) return R::Fail(path + ": cannot be read from the archive: " + archive_error_string(a.get()));
      if (n == 0) break;
      data.append(buffer, static_cast<size_t>(n));
      total += static_cast<size_t>(n);
      if (data.size() > limits.max_file_bytes)
        return R::Fail(path + ": larger than " + std::to_string(limits.max_file_bytes / 1024 / 1024) +
                       " MiB");
      if (total > limits.max_total_bytes)
        return R::Fail("the files add up to more than " +
                       std::to_string(limits.max_total_bytes / 1024 / 1024) + " MiB unpacked");
    }
    if (!all.emplace(path, std::move(data)).second) return R::Fail(path + ": twice in the archive");
  }
  const std::string folder = CommonFolder(all);
  UploadedFolder out;
  for (auto& [path, data] : all) {
    const std::string inside = path.substr(folder.size());
    if (bundle::IsContentFile(inside))
      out.files.emplace(inside, std::move(data));
    else
      out.left_out.push_back(inside);
  }
  if (out.files.empty())
    return R::Fail("no content files in the archive (manifest.json, app.json, questionnaire.json)");
  return out;
}

}  // namespace inbox
