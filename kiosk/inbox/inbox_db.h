// The inbox's database: SQLite (data_dir/inbox.sqlite, the embedded default: one durable connection shared
// by the HTTP threads) or PostgreSQL (inbox.json "store": {"postgresql": ...}: a few connections, each used
// by one thread at a time). Opening it applies the pending schema migrations (migrations.h).
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "core/base/result.h"
#include "inbox/db_connection.h"
#include "inbox/rules/inbox_config.h"

namespace inbox {

class InboxDb {
 public:
  // The store the config names: PostgreSQL when "store" says so, else data_dir/inbox.sqlite.
  static core::Result<std::unique_ptr<InboxDb>> Open(const core::InboxConfig& config);
  static core::Result<std::unique_ptr<InboxDb>> OpenSqlite(const std::filesystem::path& file);
  static core::Result<std::unique_ptr<InboxDb>> OpenPostgresql(const std::string& conninfo,
                                                               int connections = kPostgresqlConnections);
  static constexpr int kPostgresqlConnections = 8;

  // One connection for one operation, this thread's alone until the lease ends (waits for a free one).
  class Lease {
   public:
    Lease(InboxDb& db, size_t index) : db_(&db), index_(index) {}
    Lease(Lease&& other) noexcept : db_(other.db_), index_(other.index_) { other.db_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    DbConnection& operator*() const { return *db_->connections_[index_]; }
    DbConnection* operator->() const { return db_->connections_[index_].get(); }

   private:
    InboxDb* db_;
    size_t index_;
  };
  Lease Use();

  Engine engine() const { return engine_; }

 private:
  InboxDb(Engine engine, std::vector<std::unique_ptr<DbConnection>> connections);
  Engine engine_;
  std::vector<std::unique_ptr<DbConnection>> connections_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<size_t> free_;
};

}  // namespace inbox
