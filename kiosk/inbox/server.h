// The inbox's HTTPS server (cpp-httplib with OpenSSL): POST /intakes, GET /healthz and the staff pages,
// with the security headers on every answer. Logs method, path, status, intake id and time only.
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

  // Loads the TLS files and binds the configured address and port (0: any free port).
  core::Status Bind();
  int port() const { return port_; }
  // Serves until Stop() (blocking), or in a thread of its own.
  void Listen();
  void Start();
  void Stop();

 private:
  InboxApp& app_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace inbox
