// Reporting and fetching published content bundles (content_updates.h).
#include "sender/content_updates.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>

#include "bundle/content_bundle.h"
#include "core/base/uuid.h"
#include "core/content/json_reader.h"
#include "sender/signed_request.h"

namespace sender {
namespace {

// The bundle id a bundle's manifest names, read without trusting it (to tell the inbox which offer was
// refused); "" when there is none.
std::string ClaimedId(const std::string& text) {
  auto doc = core::ParseJson(text, {bundle::kMaxBundleBytes + 1, 8});
  if (!doc) return {};
  auto manifest = core::ParseJson(core::JsonString(*doc, "manifest"), {1024 * 1024, 8});
  if (!manifest) return {};
  std::string id = core::JsonString(*manifest, "bundle_id");
  if (id.size() > 64) return {};
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return {};
  }
  return id;
}

// Writes `text` to `file` whole or not at all (a temporary file renamed), mode 0640: the UI's group reads it.
core::Status WriteWhole(const std::filesystem::path& file, const std::string& text) {
  const std::filesystem::path temp = file.string() + ".part";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0640);
  if (fd < 0) return core::Status::Fail("cannot write " + temp.string());
  bool ok = ::fchmod(fd, 0640) == 0;
  size_t at = 0;
  while (ok && at < text.size()) {
    const ssize_t n = ::write(fd, text.data() + at, text.size() - at);
    ok = n > 0;
    if (ok) at += static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  std::error_code ec;
  if (ok) std::filesystem::rename(temp, file, ec);
  if (!ok || ec) {
    std::filesystem::remove(temp, ec);
    return core::Status::Fail("cannot write " + file.string());
  }
  return core::Ok{};
}

}  // namespace

core::AttemptResult ContentUpdates::Send(const std::string& url, const core::Json& body,
                                         size_t keep_body_bytes) {
  net::PostRequest req = SignedRequest(sender_, core::NewUuid(), clock_.Now(), core::DumpJson(body));
  req.url = url;
  req.keep_body_bytes = keep_body_bytes;
  req.headers.erase(std::remove_if(req.headers.begin(), req.headers.end(),
                                   [](const auto& h) { return h.first == "Idempotency-Key"; }),
                    req.headers.end());
  return post_(req);
}

core::Result<int> ContentUpdates::Report() {
  auto pending = outbox_.UnreportedBundles();
  if (!pending) return pending.problems();
  int reported = 0;
  for (const auto& b : *pending) {
    auto sent = Send(
        options_.report_url,
        {{"kiosk_id", sender_.kiosk_id}, {"bundle_id", b.id}, {"state", b.state}, {"detail", b.detail}}, 0);
    // 404: the inbox never offered it (an unreadable bundle's made-up id): nothing to report, ever.
    const bool done = sent.kind == core::AttemptResult::Kind::kResponse &&
                      ((sent.status >= 200 && sent.status < 300) || sent.status == 404);
    if (!done) {
      spdlog::warn("content bundle {}: report to the inbox failed ({}); tried again later", b.id,
                   sent.detail);
      break;
    }
    if (auto marked = outbox_.MarkBundleReported(b.id, b.state); !marked) return marked.problems();
    ++reported;
  }
  return reported;
}

core::Status ContentUpdates::Fetch(ContentCheck& check) {
  auto offer = Send(options_.offer_url, {{"kiosk_id", sender_.kiosk_id}}, bundle::kMaxBundleBytes);
  if (offer.kind != core::AttemptResult::Kind::kResponse)
    return core::Status::Fail("cannot ask the inbox for content: " + offer.detail);
  if (offer.status == 204) return core::Ok{};
  if (offer.status != 200)
    return core::Status::Fail("the inbox answered " + offer.detail + " to the content check");
  std::string id = ClaimedId(offer.body);
  if (!id.empty()) {
    auto known = outbox_.FindContentBundle(id);
    if (!known) return known.problems();
    if (*known) return core::Ok{};  // fetched before: the UI has it, or it was refused and reported
  }
  auto opened = bundle::OpenBundle(offer.body, options_.public_key);
  store::Outbox::ContentBundle row;
  if (const auto* refused = std::get_if<bundle::Refused>(&opened)) {
    row.id = id.empty() ? "unreadable-" + core::NewUuid() : id;
    row.state = "refused";
    row.detail = std::string(bundle::RefusalWord(refused->why)) + ": " + refused->message;
    check.refused = row.detail;
    spdlog::warn("content bundle {} refused: {}", row.id, row.detail);
  } else {
    const auto& b = std::get<bundle::Bundle>(opened);
    row.id = b.id;
    row.content_id = b.content_id;
    row.content_version = b.content_version;
    row.state = "fetched";
    std::error_code ec;
    std::filesystem::create_directories(options_.bundles_dir, ec);
    row.file = (options_.bundles_dir / (b.id + ".json")).string();
    if (auto written = WriteWhole(row.file, offer.body); !written) return written;
    check.fetched = b.id;
    spdlog::info("content bundle {} fetched: {} {}, for the kiosk to install on its attract screen", b.id,
                 b.content_id, b.content_version);
  }
  auto recorded = outbox_.RecordContentBundle(row, clock_.Now());
  if (!recorded) return recorded.problems();
  return core::Ok{};
}

core::Result<ContentCheck> ContentUpdates::RunOnce() {
  ContentCheck check;
  auto reported = Report();
  if (!reported) return reported.problems();
  if (auto fetched = Fetch(check); !fetched) return fetched.problems();
  if (!check.refused.empty()) {  // the inbox hears of a refusal at once
    auto again = Report();
    if (!again) return again.problems();
    *reported += *again;
  }
  check.reported = *reported;
  return check;
}

}  // namespace sender
