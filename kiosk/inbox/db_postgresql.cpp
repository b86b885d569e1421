// DbConnection on PostgreSQL. Statements are sent with their parameters apart (PQexecParams, as text: the
// server infers each one's type from where it stands); ?N in the shared SQL becomes $N. libpqxx's exceptions
// stop here and come back as failures naming the server's message.
#include "inbox/db_postgresql.h"

#include <optional>
#include <pqxx/pqxx>

namespace inbox {

struct PostgresqlConnection::State {
  std::string conninfo;
  std::unique_ptr<pqxx::connection> connection;
  std::unique_ptr<pqxx::work> work;  // the open write transaction, if any

  pqxx::connection& Connected() {
    if (!connection || !connection->is_open()) {
      work.reset();
      connection = std::make_unique<pqxx::connection>(conninfo);
    }
    return *connection;
  }
};

namespace {

// ?1 -> $1 (the shared SQL has no ? in its literals).
std::string Dollars(std::string_view sql) {
  std::string out(sql);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '?' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '$';
  }
  return out;
}

std::vector<std::string> Texts(const SqlParams& params) {
  std::vector<std::string> out;
  out.reserve(params.size());
  for (const SqlParam& p : params) {
    out.push_back(std::holds_alternative<std::int64_t>(p) ? std::to_string(std::get<std::int64_t>(p))
                                                          : std::get<std::string>(p));
  }
  return out;
}

// The server's message, its first line only: a DETAIL line can quote the failing row ("Failing row contains
// (...)": a client's name, answers), and these messages reach logs and the sender's answer.
std::string Why(const std::exception& e) {
  std::string what = e.what();
  what = what.substr(0, what.find('\n'));
  while (!what.empty() && what.back() == ' ') what.pop_back();
  return "postgresql: " + what;
}

}  // namespace

PostgresqlConnection::PostgresqlConnection(std::unique_ptr<State> state) : state_(std::move(state)) {}

PostgresqlConnection::~PostgresqlConnection() = default;

core::Result<std::unique_ptr<PostgresqlConnection>> PostgresqlConnection::Open(const std::string& conninfo) {
  using R = core::Result<std::unique_ptr<PostgresqlConnection>>;
  auto state = std::make_unique<State>();
  state->conninfo = conninfo;
  try {
    state->Connected();
  } catch (const std::exception& e) {
    return R::Fail("cannot connect to the PostgreSQL database (store.postgresql): " + Why(e));
  }
  return std::unique_ptr<PostgresqlConnection>(new PostgresqlConnection(std::move(state)));
}

core::Result<SqlRows> PostgresqlConnection::Query(std::string_view sql, const SqlParams& params) {
  try {
    const std::vector<std::string> values = Texts(params);
    auto run = [&](pqxx::transaction_base& t) {
      return t.exec_params(Dollars(sql), pqxx::prepare::make_dynamic_params(values));
    };
    std::optional<pqxx::result> r;
    if (state_->work) {
      r = run(*state_->work);
    } else {
      pqxx::nontransaction once(state_->Connected());
      r = run(once);
    }
    SqlRows rows;
    rows.reserve(r->size());
    for (const auto& row : *r) {
      SqlRow values_of_row;
      values_of_row.reserve(row.size());
      for (const auto& field : row) values_of_row.emplace_back(field.is_null() ? "" : field.c_str());
      rows.push_back(std::move(values_of_row));
    }
    return rows;
  } catch (const std::exception& e) {
    return core::Result<SqlRows>::Fail(Why(e));
  }
}

core::Result<std::int64_t> PostgresqlConnection::Change(std::string_view sql, const SqlParams& params) {
  try {
    const std::vector<std::string> values = Texts(params);
    auto run = [&](pqxx::transaction_base& t) {
      return t.exec_params(Dollars(sql), pqxx::prepare::make_dynamic_params(values));
    };
    if (state_->work) return static_cast<std::int64_t>(run(*state_->work).affected_rows());
    pqxx::nontransaction once(state_->Connected());
    return static_cast<std::int64_t>(run(once).affected_rows());
  } catch (const std::exception& e) {
    return core::Result<std::int64_t>::Fail(Why(e));
  }
}

core::Status PostgresqlConnection::Script(const std::string& sql) {
  try {
    if (state_->work) {
      state_->work->exec(sql);
    } else {
      pqxx::nontransaction once(state_->Connected());
      once.exec(sql);
    }
    return core::Ok{};
  } catch (const std::exception& e) {
    return core::Status::Fail(Why(e));
  }
}

core::Status PostgresqlConnection::Begin() {
  try {
    state_->work.reset();
    state_->work = std::make_unique<pqxx::work>(state_->Connected());
    return core::Ok{};
  } catch (const std::exception& e) {
    return core::Status::Fail(Why(e));
  }
}

core::Status PostgresqlConnection::Commit() {
  if (!state_->work) return core::Status::Fail("postgresql: no transaction to commit");
  try {
    state_->work->commit();
    state_->work.reset();
    return core::Ok{};
  } catch (const std::exception& e) {
    state_->work.reset();
    return core::Status::Fail(Why(e));
  }
}

void PostgresqlConnection::Rollback() {
  try {
    if (state_->work) state_->work->abort();
  } catch (const std::exception&) {  // a broken connection has nothing left to roll back
  }
  state_->work.reset();
}

core::Status PostgresqlConnection::LockTable(const std::string& table) {
  if (!state_->work) return core::Status::Fail("postgresql: LOCK TABLE outside a transaction");
  try {
    state_->work->exec("LOCK TABLE " + state_->work->quote_name(table) + " IN SHARE ROW EXCLUSIVE MODE");
    return core::Ok{};
  } catch (const std::exception& e) {
    return core::Status::Fail(Why(e));
  }
}

core::Status PostgresqlConnection::ReclaimDeleted() {
  try {
    pqxx::nontransaction once(state_->Connected());  // VACUUM runs outside a transaction block
    once.exec("VACUUM intakes");
    return core::Ok{};
  } catch (const std::exception& e) {
    return core::Status::Fail("the deleted intakes' space was not reclaimed: " + Why(e));
  }
}

}  // namespace inbox
