// The engine-independent helpers of DbConnection.
#include "inbox/db_connection.h"

namespace inbox {

core::Result<std::int64_t> DbConnection::QueryInt(std::string_view sql, const SqlParams& params) {
  auto rows = Query(sql, params);
  if (!rows) return rows.problems();
  if (rows->empty() || rows->front().empty()) return std::int64_t{0};
  try {
    return static_cast<std::int64_t>(std::stoll(rows->front().front()));
  } catch (const std::exception&) {
    return core::Result<std::int64_t>::Fail("not a number: " + std::string(sql.substr(0, 60)));
  }
}

core::Result<SqlTransaction> SqlTransaction::Begin(DbConnection& c) {
  if (auto begun = c.Begin(); !begun) return begun.problems();
  return SqlTransaction(&c);
}

SqlTransaction::~SqlTransaction() {
  if (c_) c_->Rollback();
}

core::Status SqlTransaction::Commit() {
  DbConnection* c = c_;
  c_ = nullptr;
  return c->Commit();
}

}  // namespace inbox
