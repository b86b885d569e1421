// The inbox's store on either engine (SQLite, or PostgreSQL under with_postgresql.py): schema migrations
// applied and recorded at start, a newer database refused, an unreachable server named, and intakes stored
// exactly once when many senders deliver the same ones at the same moment; and (SQLite only) a file from
// before migrations adopted, one an older program would call newer refused.
#include <algorithm>
#include <barrier>
#include <thread>

#include "inbox/migrations.h"
#include "inbox_fixture.h"
#include "store/sqlite.h"

using namespace inbox_test;

// Migrations are numbered in order, each version once; a number may be missing for a while (two branches
// each adding one: the one landed later may be the lower, and Migrate applies it then).
TEST_CASE("both engines have the same migrations, numbered from 1 upwards, each once") {
  const auto& sqlite = inbox::MigrationTexts(inbox::Engine::kSqlite);
  const auto& postgresql = inbox::MigrationTexts(inbox::Engine::kPostgresql);
  REQUIRE_FALSE(sqlite.empty());
  REQUIRE(sqlite.size() == postgresql.size());
  CHECK(sqlite.front().version == 1);
  for (size_t i = 0; i < sqlite.size(); ++i) {
    if (i > 0) CHECK(sqlite[i].version > sqlite[i - 1].version);
    CHECK(postgresql[i].version == sqlite[i].version);
    CHECK(postgresql[i].name == sqlite[i].name);
    CHECK_FALSE(sqlite[i].sql.empty());
    CHECK_FALSE(postgresql[i].sql.empty());
  }
  CHECK(inbox::LatestSchemaVersion() == sqlite.back().version);
}

namespace {
long long MigrationCount() {
  return static_cast<long long>(inbox::MigrationTexts(inbox::Engine::kSqlite).size());
}
}  // namespace

// SQLite's baseline can run again (IF NOT EXISTS), so it stands in for a lower-numbered migration that
// landed after a higher one.
TEST_CASE("a migration numbered below one already applied is applied at the next start" *
          doctest::test_suite("sqlite-file")) {
  Inbox inbox;
  {
    auto c = inbox.app->db().Use();
    REQUIRE(c->Change("DELETE FROM schema_migrations WHERE version = 1").value() == 1);
  }
  auto again = inbox::InboxDb::Open(inbox.config);
  REQUIRE_MESSAGE(again.ok(), again.error());
  auto c = (*again)->Use();
  CHECK(c->QueryInt("SELECT count(*) FROM schema_migrations WHERE version = 1").value() == 1);
  CHECK(c->QueryInt("SELECT count(*) FROM schema_migrations").value() == MigrationCount());
}

TEST_CASE("the schema is migrated at start and recorded; opening it again applies nothing twice") {
  Inbox inbox;
  {
    auto c = inbox.app->db().Use();
    CHECK(inbox::SchemaVersion(*c).value() == inbox::LatestSchemaVersion());
    CHECK(c->QueryInt("SELECT count(*) FROM schema_migrations").value() == MigrationCount());
  }
  REQUIRE(Status(inbox.Post(BaseIntake())) == 201);
  auto again = inbox::InboxDb::Open(inbox.config);
  REQUIRE_MESSAGE(again.ok(), again.error());
  auto c = (*again)->Use();
  CHECK(c->QueryInt("SELECT count(*) FROM schema_migrations").value() == MigrationCount());
  CHECK(c->QueryInt("SELECT count(*) FROM intakes").value() == 1);
}

TEST_CASE("inboxes starting together on one database migrate it once") {
  Inbox first;
  core::InboxConfig fresh = first.config;
  store_test::TempDir other;
  if (fresh.postgresql.empty())
    fresh.data_dir = other.File("data");
  else
    fresh.postgresql = NewPostgresqlDatabase();
  std::filesystem::create_directories(fresh.data_dir);
  std::vector<std::string> errors(4);
  std::vector<std::thread> starting;
  for (size_t i = 0; i < errors.size(); ++i) {
    starting.emplace_back([&, i] {
      auto db = inbox::InboxDb::Open(fresh);
      if (!db) errors[i] = db.error();
    });
  }
  for (auto& t : starting) t.join();
  for (const auto& e : errors) CHECK_MESSAGE(e.empty(), e);
  auto db = inbox::InboxDb::Open(fresh);
  REQUIRE_MESSAGE(db.ok(), db.error());
  CHECK((*db)->Use()->QueryInt("SELECT count(*) FROM schema_migrations").value() == MigrationCount());
}

TEST_CASE("a database written by a newer intake-inbox is refused, saying so") {
  Inbox inbox;
  const int newer = inbox::LatestSchemaVersion() + 1;
  REQUIRE(
      inbox.app->db()
          .Use()
          ->Change("INSERT INTO schema_migrations (version, applied_at) VALUES (?1, '2030-01-01T00:00:00Z')",
                   {std::int64_t{newer}})
          .ok());
  auto refused = inbox::InboxDb::Open(inbox.config);
  REQUIRE_FALSE(refused.ok());
  CAPTURE(refused.error());
  CHECK(refused.error().find("schema version " + std::to_string(newer)) != std::string::npos);
  CHECK(refused.error().find("newer intake-inbox") != std::string::npos);
  CHECK(refused.error().find(inbox.config.postgresql.empty() ? "inbox.sqlite" : "store.postgresql") !=
        std::string::npos);
}

TEST_CASE("an unreachable PostgreSQL is refused at start with a message naming store.postgresql") {
  store_test::TempDir dir;
  core::InboxConfig config;
  config.data_dir = dir.File("data");
  config.postgresql = "host=" + dir.File("no-server-here").string() + " dbname=inbox connect_timeout=2";
  auto refused = inbox::InboxDb::Open(config);
  REQUIRE_FALSE(refused.ok());
  CAPTURE(refused.error());
  CHECK(refused.error().find("store.postgresql") != std::string::npos);
  CHECK(refused.error().find("no-server-here") != std::string::npos);  // libpq's reason, with the socket
}

TEST_CASE("6 senders delivering the same 25 intakes at the same moment store each exactly once") {
  Inbox inbox;
  constexpr int kSenders = 6, kIntakes = 25;
  std::vector<Json> intakes;
  for (int i = 0; i < kIntakes; ++i) intakes.push_back(BaseIntake());
  std::vector<std::vector<int>> statuses(kIntakes, std::vector<int>(kSenders, 0));
  std::barrier all_set(kSenders);
  std::vector<std::thread> senders;
  for (int s = 0; s < kSenders; ++s) {
    senders.emplace_back([&, s] {
      auto client = inbox.Client();  // connected and kept open first: the posts below leave together
      client->set_keep_alive(true);
      const bool connected = Status(client->Get("/healthz")) == 200;
      for (int i = 0; i < kIntakes; ++i) {
        const std::string body = intakes[i].dump();
        all_set.arrive_and_wait();
        statuses[i][s] =
            connected ? Status(inbox.PostWith(*client, body, intakes[i]["intake_id"], Key(kSecret1))) : -1;
      }
    });
  }
  for (auto& t : senders) t.join();
  for (int i = 0; i < kIntakes; ++i) {
    CAPTURE(i);
    CAPTURE(Json(statuses[i]).dump());
    CHECK(std::count(statuses[i].begin(), statuses[i].end(), 201) == 1);
    CHECK(std::count(statuses[i].begin(), statuses[i].end(), 200) == kSenders - 1);
  }
  CHECK(inbox.Count() == kIntakes);
}

TEST_CASE("a SQLite file from before migrations keeps its rows and is recorded at version 1" *
          doctest::test_suite("sqlite-file")) {
  store_test::TempDir dir;
  const auto file = dir.File("inbox.sqlite");
  {
    auto old = store::sql::OpenPrivate(file);
    REQUIRE(old.ok());
    // The schema as the inbox made it before migrations (PRAGMA user_version 2), with a user in it.
    REQUIRE(old->Exec(inbox::MigrationTexts(inbox::Engine::kSqlite).front().sql +
                      "INSERT INTO users VALUES ('vanessa', 'hash', '2026-12-01T09:00:00Z');"
                      "PRAGMA user_version = 2;")
                .ok());
  }
  auto db = inbox::InboxDb::OpenSqlite(file);
  REQUIRE_MESSAGE(db.ok(), db.error());
  auto c = (*db)->Use();
  CHECK(c->QueryInt("SELECT count(*) FROM users WHERE name = 'vanessa'").value() == 1);
  CHECK(inbox::SchemaVersion(*c).value() == inbox::LatestSchemaVersion());
  CHECK(c->QueryInt("PRAGMA user_version").value() == inbox::LatestSchemaVersion() + 1);
}

TEST_CASE("a SQLite file that an intake-inbox from before migrations would call newer is refused" *
          doctest::test_suite("sqlite-file")) {
  store_test::TempDir dir;
  const auto file = dir.File("inbox.sqlite");
  {
    auto old = store::sql::OpenPrivate(file);
    REQUIRE(old.ok());
    REQUIRE(old->Exec("PRAGMA user_version = " + std::to_string(inbox::LatestSchemaVersion() + 5)).ok());
  }
  auto refused = inbox::InboxDb::OpenSqlite(file);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("newer intake-inbox") != std::string::npos);
  CHECK(refused.error().find(file.string()) != std::string::npos);
}

TEST_CASE(
    "after PostgreSQL ends the inbox's connections, it connects again: one 503 per lost connection at most" *
    doctest::skip(inbox_test::TestPostgresql().empty())) {
  Inbox inbox;
  REQUIRE(Status(inbox.Post(BaseIntake())) == 201);
  // Another session ends every connection of the inbox, as a server restart or a failover does.
  auto admin = inbox::PostgresqlConnection::Open(inbox.config.postgresql);
  REQUIRE_MESSAGE(admin.ok(), admin.error());
  CHECK((*admin)
            ->QueryInt("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            .value() == inbox::InboxDb::kPostgresqlConnections);
  int refused = 0, stored = 0;
  for (int i = 0; i < 20; ++i) {
    const Json intake = BaseIntake();
    for (int attempt = 0; attempt < 10; ++attempt) {  // as the kiosk's sender does: again after a 503
      const int status = Status(inbox.Post(intake));
      if (status == 201) {
        ++stored;
        break;
      }
      CHECK(status == 503);
      ++refused;
    }
  }
  CHECK(stored == 20);
  CHECK(refused <= inbox::InboxDb::kPostgresqlConnections);
  CHECK(inbox.Count() == 21);
}

TEST_CASE("a failing statement's error names no value of the row (PostgreSQL's DETAIL is left out)" *
          doctest::skip(inbox_test::TestPostgresql().empty())) {
  Inbox inbox;
  auto c = inbox.app->db().Use();
  auto failed = c->Change(
      "INSERT INTO intakes (id, received_at, kiosk_id, format, body, intake, submitted_at, client_name, "
      "flag_count, demo) VALUES ('x', 'r', 'k', 'not-a-format', 'b', 'i', 's', 'Zqxsecretname', 0, 0)");
  REQUIRE_FALSE(failed.ok());
  CAPTURE(failed.error());
  CHECK(failed.error().find("check constraint") != std::string::npos);
  CHECK(failed.error().find("Zqxsecretname") == std::string::npos);
}
