// Content bundles and uploaded archives without a server: the signature binds every file, another key is
// refused, a damaged bundle is refused; an archive is refused for a path leaving the folder, an absolute
// path, a link, a device, an oversized file or total, too many entries; a folder archived with its name is
// read as from inside; files that are not content are left out.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "archive_maker.h"
#include "bundle/content_bundle.h"
#include "core/content/content_loader.h"
#include "inbox/content_archive.h"
#include "store/temp_dir.h"

using namespace publish_test;

namespace {

bundle::SigningKey NewKey(store_test::TempDir& dir, const std::string& name) {
  REQUIRE(bundle::MakeSigningKey(dir.File(name)).ok());
  return bundle::LoadSigningKey(dir.File(name)).value();
}

bundle::Bundle Sample() {
  return {"0b8f6c1e-5d1c-4a43-9a55-2a8f51a7c001",
          "glowup-microneedling",
          "2027.1.1",
          "2027-01-01T10:00:00Z",
          {{"manifest.json", "{}"}, {"keyboards/fr.json", "{\"x\": 1}"}}};
}

bundle::Refusal RefusalOf(const std::variant<bundle::Bundle, bundle::Refused>& opened) {
  REQUIRE(std::holds_alternative<bundle::Refused>(opened));
  return std::get<bundle::Refused>(opened).why;
}

}  // namespace

TEST_CASE("make-signing-key writes a 0600 key once and never overwrites it") {
  store_test::TempDir dir;
  auto made = bundle::MakeSigningKey(dir.File("k"));
  REQUIRE(made.ok());
  CHECK(bundle::DecodePublicKey(*made).ok());
  struct stat st {};
  REQUIRE(::stat(dir.File("k").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const auto before = core::ReadFile(dir.File("k")).value();
  auto again = bundle::MakeSigningKey(dir.File("k"));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().find("never overwritten") != std::string::npos);
  CHECK(core::ReadFile(dir.File("k")).value() == before);
  CHECK(bundle::LoadSigningKey(dir.File("k"))->public_key == bundle::DecodePublicKey(*made).value());
  ::chmod(dir.File("k").c_str(), 0640);
  CHECK(bundle::LoadSigningKey(dir.File("k")).error().find("chmod 600") != std::string::npos);
}

TEST_CASE("a signed bundle opens with its public key and gives back every file") {
  store_test::TempDir dir;
  auto key = NewKey(dir, "k");
  const std::string text = bundle::MakeBundle(Sample(), key);
  auto opened = bundle::OpenBundle(text, key.public_key);
  REQUIRE(std::holds_alternative<bundle::Bundle>(opened));
  const auto& b = std::get<bundle::Bundle>(opened);
  CHECK(b.content_version == "2027.1.1");
  CHECK(b.files == Sample().files);
}

TEST_CASE("a bundle signed with another key is refused as such") {
  store_test::TempDir dir;
  auto key = NewKey(dir, "k"), other = NewKey(dir, "other");
  CHECK(RefusalOf(bundle::OpenBundle(bundle::MakeBundle(Sample(), other), key.public_key)) ==
        bundle::Refusal::kWrongKey);
}

TEST_CASE("a changed file, a changed manifest or a damaged bundle is refused") {
  store_test::TempDir dir;
  auto key = NewKey(dir, "k");
  core::Json j = core::Json::parse(bundle::MakeBundle(Sample(), key));
  core::Json changed_file = j;
  changed_file["files"]["keyboards/fr.json"] = bundle::Base64("{\"x\": 2}");
  CHECK(RefusalOf(bundle::OpenBundle(changed_file.dump(), key.public_key)) == bundle::Refusal::kMalformed);
  core::Json changed_manifest = j;
  std::string m = j["manifest"];
  m.replace(m.find("2027.1.1"), 8, "2027.9.9");
  changed_manifest["manifest"] = m;
  CHECK(RefusalOf(bundle::OpenBundle(changed_manifest.dump(), key.public_key)) == bundle::Refusal::kWrongKey);
  core::Json extra_file = j;
  extra_file["files"]["app.json"] = bundle::Base64("{}");
  CHECK(RefusalOf(bundle::OpenBundle(extra_file.dump(), key.public_key)) == bundle::Refusal::kMalformed);
  const std::string text = j.dump();
  CHECK(RefusalOf(bundle::OpenBundle(text.substr(0, text.size() / 2), key.public_key)) ==
        bundle::Refusal::kMalformed);
  CHECK(RefusalOf(bundle::OpenBundle("<html>502 Bad Gateway</html>", key.public_key)) ==
        bundle::Refusal::kMalformed);
}

TEST_CASE("a content folder reads from .tar, .tar.gz and .zip, with or without its folder's name") {
  for (Format f : {Format::kTar, Format::kTarGz, Format::kZip}) {
    for (const std::string prefix : {"", "content/", "./"}) {
      CAPTURE(prefix);
      auto folder = inbox::ReadContentArchive(
          MakeArchive(FolderEntries(std::string(KIOSK_SOURCE_DIR) + "/content", prefix), f));
      REQUIRE_MESSAGE(folder.ok(), folder.error());
      CHECK(folder->files.count("manifest.json") == 1);
      CHECK(folder->files.count("keyboards/fr.json") == 1);
      CHECK(folder->files.count("README.md") == 0);
      CHECK(std::find(folder->left_out.begin(), folder->left_out.end(), "README.md") !=
            folder->left_out.end());
      CHECK(core::ParseContent(folder->files).ok());
    }
  }
}

TEST_CASE("an archive is refused for a path leaving the folder, an absolute path, a link or a device") {
  const Entry manifest{"manifest.json", "{}"};
  struct Case {
    Entry bad;
    std::string says;
  };
  for (const auto& [bad, says] : std::vector<Case>{{{"../etc/cron.d/x", "x"}, "leaves the folder"},
                                                   {{"keyboards/../../x.json", "x"}, "leaves the folder"},
                                                   {{"/etc/passwd", "x"}, "absolute path"},
                                                   {{"app.json", "/etc/shadow", Kind::kSymlink}, "a link"},
                                                   {{"app.json", "manifest.json", Kind::kHardlink}, "a link"},
                                                   {{"keyboards", "/etc", Kind::kSymlink}, "a link"},
                                                   {{"fifo.json", "", Kind::kFifo}, "not a plain file"},
                                                   {{"a\\b.json", "x"}, "backslash"},
                                                   {{"..\\..\\x.json", "x"}, "backslash"}}) {
    CAPTURE(bad.path);
    for (Format f : {Format::kTar, Format::kZip}) {
      // zip has no FIFOs and no hard links (its writer stores an empty plain file instead)
      // (and libarchive reads a zip's backslashes as folder separators: "..\\x" is caught as "../x")
      if (f == Format::kZip && (bad.kind == Kind::kFifo || bad.kind == Kind::kHardlink)) continue;
      const std::string expected =
          f == Format::kZip && says == "backslash" ? (bad.path[0] == '.' ? "leaves the folder" : "") : says;
      if (expected.empty()) continue;
      CAPTURE(static_cast<int>(f));
      CAPTURE(bad.data);
      auto read = inbox::ReadContentArchive(MakeArchive({manifest, bad}, f));
      REQUIRE_FALSE(read.ok());
      CHECK_MESSAGE(read.error().find(expected) != std::string::npos, read.error());
    }
  }
}

TEST_CASE("an archive is refused when a file or the total is too large, or it has too many entries") {
  inbox::ArchiveLimits limits;
  limits.max_entries = 20;
  limits.max_file_bytes = 1000;
  limits.max_total_bytes = 3000;
  auto big = inbox::ReadContentArchive(MakeArchive({{"manifest.json", std::string(1001, ' ')}}), limits);
  CHECK(big.error().find("larger than") != std::string::npos);
  std::vector<Entry> many;
  for (int i = 0; i < 21; ++i) many.push_back({"keyboards/k" + std::to_string(i) + ".json", "{}"});
  CHECK(inbox::ReadContentArchive(MakeArchive(many), limits).error().find("more than 20 entries") !=
        std::string::npos);
  std::vector<Entry> total;
  for (int i = 0; i < 4; ++i)
    total.push_back({"keyboards/k" + std::to_string(i) + ".json", std::string(900, ' ')});
  CHECK(inbox::ReadContentArchive(MakeArchive(total), limits).error().find("unpacked") != std::string::npos);
  // A zip bomb: 20 MiB of zeros compressed to a few KB, over the default 16 MiB total.
  auto bomb = MakeArchive({{"manifest.json", std::string(20 * 1024 * 1024, '\0')}}, Format::kZip);
  CHECK(bomb.size() < 200 * 1024);
  CHECK_FALSE(inbox::ReadContentArchive(bomb).ok());
  CHECK(inbox::ReadContentArchive("not an archive at all").error().find("not a .zip") != std::string::npos);
}
