// Assembling the inbox from its config.
#include "inbox/inbox_app.h"

#include <system_error>

#include "bundle/content_bundle.h"
#include "core/content/content_loader.h"

namespace inbox {

InboxApp::InboxApp(core::InboxConfig config, core::KnownContents contents, WebhookVerifier verifier,
                   std::unique_ptr<InboxDb> db, const core::Clock& clock,
                   std::optional<bundle::SigningKey> key)
    : config_(std::move(config)),
      contents_(std::move(contents)),
      verifier_(std::move(verifier)),
      db_(std::move(db)),
      clock_(clock),
      intakes_(*db_),
      receiver_(verifier_, intakes_, DeliveryRules{contents_, config_.retention_days}, clock_),
      staff_(*db_, core::Seconds(config_.session_minutes * 60)),
      fleet_(*db_),
      heartbeats_(verifier_, fleet_, clock_),
      signing_key_(std::move(key)),
      publications_(*db_) {
  if (signing_key_) {
    receiver_.UsePublished(
        [this](const std::string& id, const std::string& version) { return Published(id, version); });
  }
}

const core::KnownContents* InboxApp::Published(const std::string& id, const std::string& version) {
  std::lock_guard lock(published_mutex_);
  auto key = std::make_pair(id, version);
  if (auto it = published_.find(key); it != published_.end()) return it->second.get();
  auto text = publications_.BundleOf(id, version);
  if (!text || !*text) return nullptr;  // not published (or unreadable now: kept apart, as before)
  auto opened = bundle::OpenBundle(**text, signing_key_->public_key);
  if (!std::holds_alternative<bundle::Bundle>(opened)) return nullptr;
  auto content = core::ParseContent(std::get<bundle::Bundle>(opened).files);
  if (!content) return nullptr;
  std::vector<core::Content> one;
  one.push_back(std::move(*content));
  auto& known = published_[key];
  known = std::make_unique<core::KnownContents>(core::KnownContents::Of(std::move(one)));
  return known.get();
}

core::Result<std::unique_ptr<InboxApp>> InboxApp::Open(core::InboxConfig config, const core::Clock& clock) {
  using R = core::Result<std::unique_ptr<InboxApp>>;
  std::vector<core::Content> versions;
  core::Problems problems;
  std::vector<std::filesystem::path> dirs = {config.content_dir};
  dirs.insert(dirs.end(), config.earlier_content_dirs.begin(), config.earlier_content_dirs.end());
  for (const auto& dir : dirs) {
    auto content = core::LoadContent(dir);
    if (content)
      versions.push_back(std::move(*content));
    else
      problems.insert(problems.end(), content.problems().begin(), content.problems().end());
  }
  if (!problems.empty()) return problems;
  auto verifier = WebhookVerifier::Load(config);
  if (!verifier) return verifier.problems();
  std::optional<bundle::SigningKey> key;
  if (!config.publishing.signing_key_file.empty()) {
    auto loaded = bundle::LoadSigningKey(config.publishing.signing_key_file);
    if (!loaded) return R::Fail("publishing.signing_key_file: " + loaded.error());
    key = std::move(*loaded);
  }
  std::error_code ec;
  // A folder made here is the inbox user's alone: it holds personal data.
  if (std::filesystem::create_directories(config.data_dir, ec))
    std::filesystem::permissions(config.data_dir, std::filesystem::perms::owner_all, ec);
  if (ec) return R::Fail("cannot make data_dir " + config.data_dir.string() + ": " + ec.message());
  auto db = InboxDb::Open(config);
  if (!db) return db.problems();
  return std::unique_ptr<InboxApp>(new InboxApp(std::move(config),
                                                core::KnownContents::Of(std::move(versions)),
                                                std::move(*verifier), std::move(*db), clock, std::move(key)));
}

}  // namespace inbox
