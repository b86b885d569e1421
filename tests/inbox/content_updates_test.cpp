// Published content from a real inbox to the kiosk's own sender (libcurl, signed requests) over loopback
// HTTPS: a good bundle is fetched and written for the UI (mode 0640, beside the outbox); a bundle signed with
// another key and a bundle that is not one are each refused with a clear reason, recorded for staff and
// reported back to the inbox, which shows it on its Publish content page.
#include <sys/stat.h>

#include "archive_maker.h"
#include "bundle/content_bundle.h"
#include "inbox/publishing.h"
#include "inbox_fixture.h"
#include "net/http_poster.h"
#include "sender/content_updates.h"
#include "store/outbox.h"

using namespace inbox_test;
using namespace publish_test;

namespace {

struct Group {
  store_test::TempDir keys;
  std::string public_key = bundle::MakeSigningKey(keys.File("signing.key")).value();
  Inbox inbox{{{"publishing", {{"signing_key_file", keys.File("signing.key").string()}}}}};
  store_test::TempDir kiosk_dir;
  std::unique_ptr<store::Outbox> outbox =
      std::move(store::Outbox::Open(kiosk_dir.File("outbox.sqlite")).value());
  sender::SenderOptions options;

  Group() {
    net::InitHttp();
    options.delivery.url = "https://127.0.0.1:" + std::to_string(inbox.server->port()) + "/intakes";
    options.delivery.ca_file = net_test::Certs().ca;
    options.secrets.webhook_key = Key(kSecret1);
    options.kiosk_id = "front-desk-1";
  }

  std::string Publish(const std::string& version) {
    auto done = inbox::PublishArchive(*inbox.app, MakeArchive(ContentVersion(version)), "all", "vanessa");
    REQUIRE_MESSAGE(done.published, done.refused);
    return done.bundle_id;
  }

  core::Result<sender::ContentCheck> Check(const std::string& trusted_key) {
    const std::string base = "https://127.0.0.1:" + std::to_string(inbox.server->port()) + "/content";
    sender::ContentUpdates updates(*outbox, options,
                                   {base + "/offer", base + "/report",
                                    bundle::DecodePublicKey(trusted_key).value(), kiosk_dir.File("bundles")},
                                   inbox.clock, net::Post);
    return updates.RunOnce();
  }

  std::string InboxState(const std::string& bundle_id) {
    auto recent = inbox.app->publications().Recent();
    REQUIRE(recent.ok());
    for (const auto& b : *recent) {
      if (b.id != bundle_id) continue;
      for (const auto& o : b.offers)
        if (o.kiosk_id == "front-desk-1") return o.state + ": " + o.detail;
    }
    return "no offer";
  }
};

}  // namespace

TEST_CASE("the sender fetches the bundle offered to its kiosk, checks it and writes it for the UI") {
  Group g;
  CHECK(g.Check(g.public_key)->fetched.empty());  // nothing offered yet
  const std::string id = g.Publish("2030.2.1");
  auto checked = g.Check(g.public_key);
  REQUIRE_MESSAGE(checked.ok(), checked.error());
  CHECK(checked->fetched == id);
  auto row = g.outbox->FindContentBundle(id).value();
  REQUIRE(row);
  CHECK(row->state == "fetched");
  CHECK(row->content_version == "2030.2.1");
  struct stat st {};
  REQUIRE(::stat(row->file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK(row->file == g.kiosk_dir.File("bundles/" + id + ".json").string());
  CHECK(g.InboxState(id) == "fetched: ");
  // Fetched once: the next check fetches nothing new.
  CHECK(g.Check(g.public_key)->fetched.empty());
  // The UI installs it; the sender reports that.
  REQUIRE(
      g.outbox->SetContentBundleState(id, "installed", "glowup-microneedling 2030.2.1", g.inbox.clock.Now())
          .ok());
  CHECK(g.Check(g.public_key)->reported == 1);
  CHECK(g.InboxState(id) == "installed: glowup-microneedling 2030.2.1");
}

TEST_CASE("a bundle signed with another key is refused by the sender and reported to the inbox") {
  Group g;
  const std::string id = g.Publish("2030.2.2");
  store_test::TempDir other;
  const std::string other_key = bundle::MakeSigningKey(other.File("k")).value();
  auto checked = g.Check(other_key);
  REQUIRE_MESSAGE(checked.ok(), checked.error());
  CHECK(checked->fetched.empty());
  CHECK(checked->refused.find("signed with another key") != std::string::npos);
  CHECK(g.outbox->LastRefusedBundle().value()->detail.find("signed with another key") != std::string::npos);
  CHECK(g.InboxState(id).find("refused: signed with another key") == 0);
  CHECK_FALSE(std::filesystem::exists(g.kiosk_dir.File("bundles/" + id + ".json")));
}

TEST_CASE("a bundle that is not one (damaged on the way) is refused by the sender and reported") {
  Group g;
  const std::string id = g.Publish("2030.2.3");
  {
    auto c = g.inbox.app->db().Use();
    auto text = c->Query("SELECT bundle FROM bundles WHERE id = ?1", {id}).value().front()[0];
    text.replace(text.find("\"files\""), 7, "\"filez\"");  // the files gone; the manifest (and its id) intact
    REQUIRE(c->Change("UPDATE bundles SET bundle = ?2 WHERE id = ?1", {id, text}).ok());
  }
  auto checked = g.Check(g.public_key);
  REQUIRE_MESSAGE(checked.ok(), checked.error());
  CHECK(checked->refused.find("bad bundle") == 0);
  CHECK(g.InboxState(id).find("refused: bad bundle: not a valid content bundle") == 0);
}
