// Opening the inbox's database (either engine, migrations applied) and lending its connections.
#include "inbox/inbox_db.h"

#include "inbox/db_postgresql.h"
#include "inbox/db_sqlite.h"
#include "inbox/migrations.h"

namespace inbox {

InboxDb::InboxDb(Engine engine, std::vector<std::unique_ptr<DbConnection>> connections)
    : engine_(engine), connections_(std::move(connections)) {
  for (size_t i = connections_.size(); i > 0; --i) free_.push_back(i - 1);
}

core::Result<std::unique_ptr<InboxDb>> InboxDb::Open(const core::InboxConfig& config) {
  if (!config.postgresql.empty()) return OpenPostgresql(config.postgresql);
  return OpenSqlite(config.data_dir / "inbox.sqlite");
}

core::Result<std::unique_ptr<InboxDb>> InboxDb::OpenSqlite(const std::filesystem::path& file) {
  using R = core::Result<std::unique_ptr<InboxDb>>;
  auto c = SqliteConnection::Open(file);
  if (!c) return R::Fail("inbox database: " + c.error());
  if (auto migrated = Migrate(**c, "inbox database " + file.string(), core::SystemClock().Now()); !migrated)
    return migrated.problems();
  std::vector<std::unique_ptr<DbConnection>> connections;
  connections.push_back(std::move(*c));
  return std::unique_ptr<InboxDb>(new InboxDb(Engine::kSqlite, std::move(connections)));
}

core::Result<std::unique_ptr<InboxDb>> InboxDb::OpenPostgresql(const std::string& conninfo, int count) {
  using R = core::Result<std::unique_ptr<InboxDb>>;
  std::vector<std::unique_ptr<DbConnection>> connections;
  for (int i = 0; i < count; ++i) {
    auto c = PostgresqlConnection::Open(conninfo);
    if (!c) return R::Fail("inbox database: " + c.error());
    if (i == 0) {
      auto migrated =
          Migrate(**c, "the inbox's PostgreSQL database (store.postgresql)", core::SystemClock().Now());
      if (!migrated) return migrated.problems();
    }
    connections.push_back(std::move(*c));
  }
  return std::unique_ptr<InboxDb>(new InboxDb(Engine::kPostgresql, std::move(connections)));
}

InboxDb::Lease InboxDb::Use() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  const size_t index = free_.back();
  free_.pop_back();
  return Lease(*this, index);
}

InboxDb::Lease::~Lease() {
  if (!db_) return;
  {
    std::lock_guard lock(db_->mutex_);
    db_->free_.push_back(index_);
  }
  db_->freed_.notify_one();
}

}  // namespace inbox
