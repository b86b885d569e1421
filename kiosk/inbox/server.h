// The inbox's HTTP server (cpp-httplib): POST /intakes, GET /healthz and the staff pages, with the security
// headers on every answer. As installed it serves plain HTTP on a unix socket behind nginx (TLS, slow and
// idle clients, limits: deploy/nginx); with listen address and port it serves HTTPS itself (development,
// tests). Logs method, path, status, intake id and time only.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include "core/base/result.h"
#include "inbox/inbox_app.h"

namespace inbox {

class InboxServer {
 public:
  explicit InboxServer(InboxApp& app);
  ~InboxServer();
  InboxServer(const InboxServer&) = delete;
  InboxServer& operator=(const InboxServer&) = delete;

  // Binds the unix socket (replacing a stale one), or loads the TLS files and binds the configured address
  // and port (0: any free port).
  core::Status Bind();
  int port() const { return port_; }
  // Where it listens, for the start-up line: "unix:PATH" or "https://ADDRESS:PORT".
  std::string Where() const;
  // Serves until Stop() (blocking), or in a thread of its own.
  void Listen();
  void Start();
  void Stop();

 private:
  core::Status BindUnixSocket();
  core::Status GiveSocketToGroup(const std::string& path);
  void Configure();  // limits, headers, log and routes, the same for both

  InboxApp& app_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace inbox
