// Installing, refusing and rolling back published content bundles (content_switch.h).
#include "app/content_switch.h"

#include <spdlog/spdlog.h>

#include <fstream>

#include "bundle/content_bundle.h"
#include "bundle/signing_key.h"
#include "core/content/content_for_config.h"
#include "core/content/content_loader.h"

namespace app {
namespace {

// The first problems, on one line (staff's note and the inbox's table have room for a few).
std::string OneLine(const core::Problems& problems) {
  std::string out;
  for (size_t i = 0; i < problems.size() && i < 3; ++i) out += (i ? "; " : "") + problems[i].ToString();
  if (problems.size() > 3) out += "; and " + std::to_string(problems.size() - 3) + " more";
  return out;
}

}  // namespace

ContentSwitch::ContentSwitch(store::Outbox& outbox, const core::Config& config,
                             std::filesystem::path data_dir)
    : outbox_(outbox), config_(config), data_dir_(std::move(data_dir)) {
  if (config.content_updates.configured()) {
    if (auto key = bundle::DecodePublicKey(config.content_updates.public_key)) public_key_ = *key;
  }
}

core::Result<core::Content> ContentSwitch::Load(const std::filesystem::path& dir) {
  return core::LoadContentFor(config_, dir, "kiosk.json");
}

std::optional<core::Result<core::Content>> ContentSwitch::LoadRunning() {
  auto active = outbox_.ActiveContentBundle();
  if (!active || !*active) return std::nullopt;
  return Load(data_dir_ / "content" / (*active)->id);
}

std::optional<core::Content> ContentSwitch::Installed() {
  auto running = LoadRunning();
  if (!running) return std::nullopt;
  if (!*running) {
    spdlog::warn("the installed content bundle no longer loads ({}); the packaged content runs",
                 OneLine(running->problems()));
    return std::nullopt;
  }
  spdlog::info("content: bundle {} {}", (*running)->id, (*running)->version);
  return std::move(**running);
}

std::optional<core::Content> ContentSwitch::TakeFetched(core::TimePoint now) {
  if (public_key_.empty()) return std::nullopt;
  auto fetched = outbox_.NextFetchedBundle();
  if (!fetched || !*fetched) return std::nullopt;
  const auto& row = **fetched;
  auto refuse = [&](bundle::Refusal why, const std::string& message) -> std::optional<core::Content> {
    const std::string detail = std::string(bundle::RefusalWord(why)) + ": " + message;
    spdlog::warn("content bundle {} refused: {}", row.id, detail);
    (void)outbox_.SetContentBundleState(row.id, "refused", detail, now);
    return std::nullopt;
  };
  auto text = core::ReadFile(row.file, bundle::kMaxBundleBytes);
  if (!text) return refuse(bundle::Refusal::kMalformed, "cannot read " + row.file + ": " + text.error());
  auto opened = bundle::OpenBundle(*text, public_key_);
  if (const auto* refused = std::get_if<bundle::Refused>(&opened))
    return refuse(refused->why, refused->message);
  const auto& b = std::get<bundle::Bundle>(opened);
  // Unpacked into a folder of its own, made fresh (paths were checked when the bundle was opened).
  const std::filesystem::path dir = data_dir_ / "content" / b.id;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  for (const auto& [path, bytes] : b.files) {
    const auto file = dir / path;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return refuse(bundle::Refusal::kMalformed, "cannot unpack " + path + " into " + dir.string());
  }
  auto content = Load(dir);
  if (!content) {
    std::filesystem::remove_all(dir, ec);
    return refuse(bundle::Refusal::kInvalid, OneLine(content.problems()));
  }
  if (auto set =
          outbox_.SetContentBundleState(row.id, "installed", content->id + " " + content->version, now);
      !set)
    return std::nullopt;
  spdlog::info("content bundle {} installed: {} {}", row.id, content->id, content->version);
  return std::move(*content);
}

bool ContentSwitch::RollBack(core::TimePoint now, std::optional<core::Content>& now_running) {
  auto active = outbox_.ActiveContentBundle();
  if (!active || !*active) return false;
  if (!outbox_.SetContentBundleState((*active)->id, "rolled_back", "", now)) return false;
  spdlog::info("content bundle {} rolled back by staff", (*active)->id);
  now_running = Installed();
  // What runs instead, for the inbox's page ("rolled back by staff (... runs instead)")
  const std::string instead =
      now_running ? now_running->id + " " + now_running->version : std::string("the packaged content");
  if (auto set = outbox_.SetContentBundleState((*active)->id, "rolled_back", instead + " runs instead", now);
      !set)
    spdlog::warn("content bundle {} rolled back, what runs instead not recorded: {}", (*active)->id,
                 set.error());
  // The bundle before it runs again: reported as installed again, so the inbox shows it running.
  if (auto previous = outbox_.ActiveContentBundle(); now_running && previous && *previous) {
    if (auto set = outbox_.SetContentBundleState(
            (*previous)->id, "installed", "again, staff rolled back " + (*active)->content_version, now);
        !set)
      spdlog::warn("content bundle {} runs again but is not recorded so: {}", (*previous)->id, set.error());
  }
  return true;
}

std::string ContentSwitch::RunningBundle() {
  auto active = outbox_.ActiveContentBundle();
  if (!active || !*active) return {};
  return (*active)->content_id + " " + (*active)->content_version;
}

std::string ContentSwitch::LastRefusal() {
  auto refused = outbox_.LastRefusedBundle();
  if (!refused || !*refused) return {};
  return (*refused)->detail;
}

}  // namespace app
