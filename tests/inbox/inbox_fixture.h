// A real intake inbox for tests: secrets and a config in a temp dir, the repository's content, a manual
// clock, and the HTTPS server on a free port of 127.0.0.1 with a certificate made by the openssl CLI. Plus a
// client that signs like the kiosk's sender. Its store is SQLite in the temp dir, or, when the test runs
// under with_postgresql.py (KIOSK_TEST_POSTGRESQL set), a new database of its own on that PostgreSQL.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>
#include <sys/stat.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "core/base/uuid.h"
#include "core/content/content_loader.h"
#include "inbox/db_postgresql.h"
#include "inbox/server.h"
#include "net/test_certs.h"
#include "net/webhook_signature.h"
#include "store/temp_dir.h"

namespace inbox_test {

using core::Json;

// Two keys for front-desk-1 (rotation), one for kiosk-2, and a bearer token for kiosk-2.
inline const std::string kSecret1 = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
inline const std::string kSecret2 = "whsec_c2Vjb25kIGtleSBmb3Igcm90YXRpb24gIQ==";
inline const std::string kSecretKiosk2 = "whsec_a2lvc2stMiBoYXMgaXRzIG93biBrZXkhIQ==";
inline const std::string kTokenKiosk2 = "kiosk-2-bearer-token";

inline std::string Key(const std::string& secret) {
  return net::DecodeWebhookSecret(secret).value();
}

inline Json BaseIntake() {
  auto text = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/tests/inbox/fixtures/intake_cases.json");
  REQUIRE(text.ok());
  Json intake = Json::parse(*text)["base"];
  intake["intake_id"] = core::NewUuid();
  // The repository's content version, whatever it is today: the inbox checks intakes against it.
  auto manifest = core::ReadFile(std::string(KIOSK_SOURCE_DIR) + "/content/manifest.json");
  REQUIRE(manifest.ok());
  intake["content"]["version"] = Json::parse(*manifest)["version"];
  return intake;
}

// The PostgreSQL server with_postgresql.py started (a libpq connection string), or "" for SQLite.
inline std::string TestPostgresql() {
  const char* conninfo = std::getenv("KIOSK_TEST_POSTGRESQL");
  return conninfo ? conninfo : "";
}

// A new, empty database on the test's PostgreSQL server: its connection string.
inline std::string NewPostgresqlDatabase() {
  static std::atomic<int> made{0};
  auto server = inbox::PostgresqlConnection::Open(TestPostgresql());
  REQUIRE_MESSAGE(server.ok(), server.error());
  const std::string name = "inbox_test_" + std::to_string(::getpid()) + "_" + std::to_string(made++);
  auto created = (*server)->Script("CREATE DATABASE " + name);
  REQUIRE_MESSAGE(created.ok(), created.error());
  return TestPostgresql() + " dbname=" + name;  // libpq takes the last dbname given
}

struct Inbox {
  store_test::TempDir dir;
  core::ManualClock clock{std::chrono::system_clock::now()};
  core::InboxConfig config;  // as the inbox was opened with it
  std::unique_ptr<inbox::InboxApp> app;
  std::unique_ptr<inbox::InboxServer> server;

  // extra: more inbox.json keys (earlier_content_dirs, retention, ...).
  explicit Inbox(const Json& extra = Json::object()) {
    REQUIRE_MESSAGE(net_test::Certs().ok, net_test::Certs().log);
    auto write = [&](const std::string& name, const std::string& text) {
      std::ofstream(dir.File(name)) << text << "\n";
      return Json(dir.File(name).string());
    };
    Json json = {
        {"listen", {{"address", "127.0.0.1"}, {"port", 0}}},
        {"tls", {{"cert_file", net_test::Certs().server_cert}, {"key_file", net_test::Certs().server_key}}},
        {"kiosks",
         {{"front-desk-1", {{"webhook_secret_files", {write("s1", kSecret1), write("s2", kSecret2)}}}},
          {"kiosk-2",
           {{"webhook_secret_files", {write("k2", kSecretKiosk2)}},
            {"bearer_token_files", {write("t2", kTokenKiosk2)}}}}}},
        {"content_dir", std::string(KIOSK_SOURCE_DIR) + "/content"},
        {"data_dir", dir.File("data").string()}};
    if (!TestPostgresql().empty()) json["store"] = {{"postgresql", NewPostgresqlDatabase()}};
    json.update(extra);
    auto parsed = core::ParseInboxConfig(json.dump(), "inbox.json", dir.path());
    REQUIRE_MESSAGE(parsed.ok(), parsed.error());
    config = *parsed;
    auto opened = inbox::InboxApp::Open(std::move(*parsed), clock);
    REQUIRE_MESSAGE(opened.ok(), opened.error());
    app = std::move(*opened);
    server = std::make_unique<inbox::InboxServer>(*app);
    auto bound = server->Bind();
    REQUIRE_MESSAGE(bound.ok(), bound.error());
    server->Start();
  }

  std::unique_ptr<httplib::SSLClient> Client() const {
    auto client = std::make_unique<httplib::SSLClient>("127.0.0.1", server->port());
    client->set_ca_cert_path(net_test::Certs().ca.c_str());
    client->enable_server_certificate_verification(true);
    return client;
  }

  long long Now() const {
    return std::chrono::duration_cast<core::Seconds>(clock.Now().time_since_epoch()).count();
  }

  // Posts `body` signed with `key` as the kiosk's sender does, `age` seconds ago.
  httplib::Result Post(const std::string& body, const std::string& id, const std::string& key,
                       long long age = 0, httplib::Headers extra = {}) const {
    return PostWith(*Client(), body, id, key, age, std::move(extra));
  }

  // The same through a client of the caller's (one kept open across posts).
  httplib::Result PostWith(httplib::SSLClient& client, const std::string& body, const std::string& id,
                           const std::string& key, long long age = 0, httplib::Headers extra = {}) const {
    const long long stamp = Now() - age;
    extra.emplace("webhook-id", id);
    extra.emplace("webhook-timestamp", std::to_string(stamp));
    if (!key.empty()) extra.emplace("webhook-signature", net::WebhookSignature(key, id, stamp, body));
    return client.Post("/intakes", extra, body, "application/json");
  }

  httplib::Result Post(const Json& intake, const std::string& key = Key(kSecret1)) const {
    return Post(intake.dump(), intake["intake_id"].get<std::string>(), key);
  }

  long long Count() const { return app->intakes().Count().value(); }
};

inline int Status(const httplib::Result& r) {
  return r ? r->status : -1;
}

}  // namespace inbox_test
