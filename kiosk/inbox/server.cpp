// Wiring httplib to the inbox: limits, headers, routes and the access log.
#include "inbox/server.h"

#include <grp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "inbox/routes.h"
#include "inbox/rules/access_log.h"

namespace inbox {
namespace {

void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Strict-Transport-Security", "max-age=31536000");
  res.set_header("Cache-Control", "no-store");
}

}  // namespace

InboxServer::InboxServer(InboxApp& app) : app_(app) {}

InboxServer::~InboxServer() {
  Stop();
}

core::Status InboxServer::Bind() {
  ::signal(SIGPIPE, SIG_IGN);  // a client hanging up mid-answer must not end the inbox
  const auto& c = app_.config();
  if (!c.unix_socket.empty()) return BindUnixSocket();
  auto tls = std::make_unique<httplib::SSLServer>(c.tls_cert_file.c_str(), c.tls_key_file.c_str());
  if (!tls->is_valid()) {
    return core::Status::Fail("cannot load the TLS certificate " + c.tls_cert_file.string() + " and key " +
                              c.tls_key_file.string() + " (PEM files, key matching the certificate)");
  }
  server_ = std::move(tls);
  Configure();
  server_->set_read_timeout(30, 0);
  server_->set_tcp_nodelay(true);
  port_ = c.port == 0 ? server_->bind_to_any_port(c.listen_address) : c.port;
  if (c.port != 0 && !server_->bind_to_port(c.listen_address, c.port)) port_ = -1;
  if (port_ <= 0) {
    return core::Status::Fail("cannot listen on " + c.listen_address + ":" + std::to_string(c.port) +
                              " (in use, or a privileged port?)");
  }
  return core::Ok{};
}

core::Status InboxServer::BindUnixSocket() {
  const std::string path = app_.config().unix_socket.string();
  server_ = std::make_unique<httplib::Server>();
  Configure();
  // nginx hands over whole requests at once: a peer that stalls for 5 s is not nginx doing its job.
  server_->set_read_timeout(5, 0);
  server_->set_address_family(AF_UNIX);
  int listening = -1;
  server_->set_socket_options([&listening](socket_t fd) { listening = fd; });
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) ::unlink(path.c_str());  // a stale socket
  if (!server_->bind_to_port(path, 80)) {
    return core::Status::Fail("cannot listen on the unix socket " + path +
                              " (its folder missing or not writable, or a file in the way?)");
  }
  // httplib listens with a backlog of 5: nginx's burst of connections would find it full (502). Linux takes
  // a second listen() as a new backlog.
  if (listening >= 0) ::listen(listening, SOMAXCONN);
  if (auto given = GiveSocketToGroup(path); !given.ok()) return given;
  port_ = 0;
  return core::Ok{};
}

// Only nginx's workers (its group) and the inbox's own user reach the socket: any other local user could
// skip nginx's limits, forge X-Real-IP (the sign-in locks' address) and hold the inbox's worker threads.
core::Status InboxServer::GiveSocketToGroup(const std::string& path) {
  const std::string& name = app_.config().socket_group;
  const struct group* g = ::getgrnam(name.c_str());
  if (g == nullptr) return core::Status::Fail("no group \"" + name + "\" for the unix socket " + path);
  if (::chown(path.c_str(), static_cast<uid_t>(-1), g->gr_gid) != 0 || ::chmod(path.c_str(), 0660) != 0) {
    return core::Status::Fail(
        "cannot give the unix socket " + path + " to group \"" + name +
        "\" (mode 0660): the inbox's user must be a member of it (the unit's "
        "SupplementaryGroups=), or set \"listen\": {\"socket_group\"} to nginx's group");
  }
  return core::Ok{};
}

void InboxServer::Configure() {
  server_->set_payload_max_length(kMaxBodyBytes);
  server_->set_write_timeout(30, 0);
  server_->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    SecurityHeaders(res);
    // A request without Content-Length or chunked encoding has no body (RFC 9112 6.3), but httplib would
    // read one until the peer hangs up or the read times out: answered before anything is read.
    if ((req.method == "POST" || req.method == "PUT" || req.method == "PATCH") &&
        !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) {
      res.status = 411;
      res.set_header("Connection", "close");
      res.set_content("Length Required\n", "text/plain");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // httplib's own answers (400 for a broken request line, 414, 413...) get the headers here.
  server_->set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        SecurityHeaders(res);
        return httplib::Server::HandlerResponse::Unhandled;
      }));
  server_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // The path only up to '?' (a query could carry a search for a name), escaped (a forged line).
    const std::string line =
        core::AccessLogLine(req.method, req.path, res.status, res.get_header_value("X-Intake-Id"));
    std::fprintf(stderr, "%s\n", line.c_str());
  });
  AddRoutes(*server_, app_);
}

std::string InboxServer::Where() const {
  const auto& c = app_.config();
  if (!c.unix_socket.empty()) return "unix:" + c.unix_socket.string();
  return "https://" + c.listen_address + ":" + std::to_string(port_);
}

void InboxServer::Listen() {
  server_->listen_after_bind();
}

void InboxServer::Start() {
  thread_ = std::thread([this] { Listen(); });
  for (int i = 0; i < 2000 && !server_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void InboxServer::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  const auto& socket = app_.config().unix_socket;
  if (!socket.empty() && port_ == 0) ::unlink(socket.c_str());
  port_ = -1;
}

}  // namespace inbox
