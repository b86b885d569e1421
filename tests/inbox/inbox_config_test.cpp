// The inbox config: the shipped example parses; relative paths follow the config file; mistakes are named.
#include <doctest/doctest.h>

#include "inbox/rules/inbox_config.h"

namespace {

const char* kGood = R"({
  "listen": {"address": "0.0.0.0", "port": 9443},
  "tls": {"cert_file": "tls/cert.pem", "key_file": "/etc/x/key.pem"},
  "kiosks": {"front-desk-1": {"webhook_secret_files": ["a.secret", "b.secret"], "bearer_token_files": ["t"]}},
  "content_dir": "content",
  "data_dir": "data",
  "session_minutes": 45
})";

}  // namespace

TEST_CASE("the example inbox config in config/examples parses") {
  auto config = core::LoadInboxConfig(std::string(KIOSK_SOURCE_DIR) + "/config/examples/inbox/inbox.json");
  REQUIRE_MESSAGE(config.ok(), config.error());
  CHECK(config->kiosks.count("front-desk-1") == 1);
  // As installed: behind nginx on the socket its shipped site config proxies to, no TLS of its own.
  CHECK(config->unix_socket == "/run/glowup-kiosk-inbox/inbox.sock");
  CHECK(config->tls_cert_file.empty());
  CHECK(config->fleet_silent_after_minutes == 15);
}

TEST_CASE("the example inbox config on PostgreSQL parses and names the local server's socket") {
  auto config =
      core::LoadInboxConfig(std::string(KIOSK_SOURCE_DIR) + "/config/examples/inbox/inbox-postgresql.json");
  REQUIRE_MESSAGE(config.ok(), config.error());
  CHECK(config->postgresql == "host=/run/postgresql dbname=intake_inbox");
  CHECK(config->unix_socket == "/run/glowup-kiosk-inbox/inbox.sock");
}

TEST_CASE("a unix socket replaces address, port and TLS, and is not mixed with them") {
  auto alone = core::ParseInboxConfig(
      R"({"listen": {"unix_socket": "run/inbox.sock"}, "kiosks": {"k": {"webhook_secret_files": ["s"]}},
          "content_dir": "c", "data_dir": "d"})",
      "inbox.json", "/srv/inbox");
  REQUIRE_MESSAGE(alone.ok(), alone.error());
  CHECK(alone->unix_socket == "/srv/inbox/run/inbox.sock");
  CHECK(alone->socket_group == "www-data");  // nginx's workers' group, as Debian's nginx.conf runs them
  auto grouped = core::ParseInboxConfig(
      R"({"listen": {"unix_socket": "run/inbox.sock", "socket_group": "nginx"},
          "kiosks": {"k": {"webhook_secret_files": ["s"]}}, "content_dir": "c", "data_dir": "d"})",
      "inbox.json", "/srv/inbox");
  REQUIRE_MESSAGE(grouped.ok(), grouped.error());
  CHECK(grouped->socket_group == "nginx");
  auto tcp_group = core::ParseInboxConfig(
      R"({"listen": {"port": 8443, "socket_group": "nginx"}, "tls": {"cert_file": "c", "key_file": "k"},
          "kiosks": {"k": {"webhook_secret_files": ["s"]}}, "content_dir": "c", "data_dir": "d"})",
      "inbox.json", "/x");
  REQUIRE_FALSE(tcp_group.ok());
  CHECK(tcp_group.error().find("inbox.json: /listen/socket_group: only with \"unix_socket\"") !=
        std::string::npos);
  auto mixed = core::ParseInboxConfig(
      R"({"listen": {"unix_socket": "/run/x.sock", "port": 8443}, "tls": {"cert_file": "c", "key_file": "k"},
          "kiosks": {"k": {"webhook_secret_files": ["s"]}}, "content_dir": "c", "data_dir": "d"})",
      "inbox.json", "/x");
  REQUIRE_FALSE(mixed.ok());
  CHECK(mixed.error().find("inbox.json: /listen: \"unix_socket\" or \"address\" and \"port\"") !=
        std::string::npos);
  CHECK(mixed.error().find("inbox.json: /tls: not with") != std::string::npos);
}

TEST_CASE("a config is read with relative paths taken from its folder") {
  auto config = core::ParseInboxConfig(kGood, "inbox.json", "/etc/glowup-inbox");
  REQUIRE_MESSAGE(config.ok(), config.error());
  CHECK(config->listen_address == "0.0.0.0");
  CHECK(config->port == 9443);
  CHECK(config->tls_cert_file == "/etc/glowup-inbox/tls/cert.pem");
  CHECK(config->tls_key_file == "/etc/x/key.pem");
  const auto& kiosk = config->kiosks.at("front-desk-1");
  CHECK(kiosk.webhook_secret_files.size() == 2);
  CHECK(kiosk.bearer_token_files.size() == 1);
  CHECK(config->data_dir == "/etc/glowup-inbox/data");
  CHECK(config->session_minutes == 45);
}

TEST_CASE("mistakes are reported with the file and the JSON pointer") {
  auto config = core::ParseInboxConfig(
      R"({"tls": {"cert_file": "c"}, "kiosks": {"k1": {"bearer_token_files": [""]}}, "port": 1,
          "content_dir": "c", "data_dir": "d", "session_minutes": 0})",
      "inbox.json", "/x");
  REQUIRE_FALSE(config.ok());
  const std::string e = config.error();
  CAPTURE(e);
  CHECK(e.find("inbox.json: /tls: missing required \"key_file\"") != std::string::npos);
  CHECK(e.find("/kiosks/k1: needs \"webhook_secret_files\"") != std::string::npos);
  CHECK(e.find("/kiosks/k1/bearer_token_files/0") != std::string::npos);
  CHECK(e.find("/port: unknown key") != std::string::npos);
  CHECK(e.find("/session_minutes") != std::string::npos);
}

TEST_CASE("fleet settings default to 15 and 30 minutes; wrong ones name the file and the pointer") {
  auto plain = core::ParseInboxConfig(kGood, "inbox.json", "/srv/inbox");
  REQUIRE(plain.ok());
  CHECK(plain->fleet_silent_after_minutes == 15);
  CHECK(plain->fleet_waiting_alert_minutes == 30);
  std::string text = kGood;
  text.insert(text.rfind('}'), R"(, "fleet": {"silent_after_minutes": 20, "waiting_alert_minutes": 60})");
  auto set = core::ParseInboxConfig(text, "inbox.json", "/srv/inbox");
  REQUIRE_MESSAGE(set.ok(), set.error());
  CHECK(set->fleet_silent_after_minutes == 20);
  CHECK(set->fleet_waiting_alert_minutes == 60);
  text = kGood;
  text.insert(text.rfind('}'),
              R"(, "fleet": {"silent_after_minutes": 1, "waiting_alert_minutes": "x", "other": 1})");
  auto bad = core::ParseInboxConfig(text, "inbox.json", "/srv/inbox");
  REQUIRE_FALSE(bad.ok());
  const std::string e = bad.error();
  CHECK(e.find("inbox.json: /fleet/silent_after_minutes: must be between 2 and 10080, found 1") !=
        std::string::npos);
  CHECK(e.find("inbox.json: /fleet/waiting_alert_minutes") != std::string::npos);
  CHECK(e.find("inbox.json: /fleet/other") != std::string::npos);
}

TEST_CASE("a config with no kiosks, or that is not JSON, is refused") {
  auto none = core::ParseInboxConfig(
      R"({"tls": {"cert_file": "c", "key_file": "k"}, "kiosks": {}, "content_dir": "c", "data_dir": "d"})",
      "inbox.json", "/x");
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().find("/kiosks: name at least one kiosk") != std::string::npos);
  auto broken = core::ParseInboxConfig("{", "inbox.json", "/x");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().find("inbox.json") != std::string::npos);
}

TEST_CASE("retention.days and earlier_content_dirs are read; a retention of 0 days is named") {
  auto with = [](const std::string& more) {
    return core::ParseInboxConfig(
        R"({"listen": {"unix_socket": "s"}, "kiosks": {"k": {"webhook_secret_files": ["s"]}},
            "content_dir": "c", "data_dir": "d")" +
            more + "}",
        "inbox.json", "/srv/inbox");
  };
  auto none = with("");
  REQUIRE_MESSAGE(none.ok(), none.error());
  CHECK_FALSE(none->retention_days);
  CHECK(none->earlier_content_dirs.empty());
  auto set = with(R"(, "retention": {"days": 90}, "earlier_content_dirs": ["content-2026.10"])");
  REQUIRE_MESSAGE(set.ok(), set.error());
  CHECK(set->retention_days == 90);
  REQUIRE(set->earlier_content_dirs.size() == 1);
  CHECK(set->earlier_content_dirs[0] == "/srv/inbox/content-2026.10");
  auto zero = with(R"(, "retention": {"days": 0})");
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error().find("/retention/days") != std::string::npos);
}

TEST_CASE("store.postgresql is read; without it SQLite; a bad store names the file and the pointer") {
  auto with = [](const std::string& more) {
    return core::ParseInboxConfig(
        R"({"listen": {"unix_socket": "s"}, "kiosks": {"k": {"webhook_secret_files": ["s"]}},
            "content_dir": "c", "data_dir": "d")" +
            more + "}",
        "inbox.json", "/srv/inbox");
  };
  auto sqlite = with("");
  REQUIRE_MESSAGE(sqlite.ok(), sqlite.error());
  CHECK(sqlite->postgresql.empty());
  auto pg = with(R"(, "store": {"postgresql": "host=/run/postgresql dbname=inbox"})");
  REQUIRE_MESSAGE(pg.ok(), pg.error());
  CHECK(pg->postgresql == "host=/run/postgresql dbname=inbox");
  for (const char* bad : {R"("store": {"postgresql": ""})", R"("store": {"postgresql": 5})",
                          R"("store": {"postgres": "dbname=inbox"})", R"("store": "dbname=inbox")",
                          R"("store": {"postgresql": "dbname=inbox PassWord=secret"})",
                          R"("store": {"postgresql": "postgresql://inbox:secret@db.example/inbox"})"}) {
    CAPTURE(bad);
    auto refused = with(std::string(", ") + bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("inbox.json") != std::string::npos);
    CHECK(refused.error().find("/store") != std::string::npos);
    CHECK(refused.error().find("secret") == std::string::npos);  // the error does not repeat a password
  }
  auto uri =
      with(R"(, "store": {"postgresql": "postgresql://inbox@db.example:5432/inbox?sslmode=verify-full"})");
  CHECK_MESSAGE(uri.ok(), uri.error());
}
