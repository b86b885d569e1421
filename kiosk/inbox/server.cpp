// Wiring httplib to the inbox: limits, headers, routes and the access log.
#include "inbox/server.h"

#include <signal.h>

#include <chrono>
#include <cstdio>

#include "inbox/routes.h"

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
  server_ = std::make_unique<httplib::SSLServer>(c.tls_cert_file.c_str(), c.tls_key_file.c_str());
  if (!server_->is_valid()) {
    return core::Status::Fail("cannot load the TLS certificate " + c.tls_cert_file.string() + " and key " +
                              c.tls_key_file.string() + " (PEM files, key matching the certificate)");
  }
  server_->set_payload_max_length(kMaxBodyBytes);
  server_->set_read_timeout(30, 0);
  server_->set_write_timeout(30, 0);
  server_->set_tcp_nodelay(true);
  server_->set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
    SecurityHeaders(res);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // The path only up to '?': a query could carry a search for a name.
    std::fprintf(stderr, "%s %s %d%s%s\n", req.method.c_str(), req.path.c_str(), res.status,
                 res.has_header("X-Intake-Id") ? " " : "", res.get_header_value("X-Intake-Id").c_str());
  });
  AddRoutes(*server_, app_);
  port_ = c.port == 0 ? server_->bind_to_any_port(c.listen_address) : c.port;
  if (c.port != 0 && !server_->bind_to_port(c.listen_address, c.port)) port_ = -1;
  if (port_ <= 0) {
    return core::Status::Fail("cannot listen on " + c.listen_address + ":" + std::to_string(c.port) +
                              " (in use, or a privileged port?)");
  }
  return core::Ok{};
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
}

}  // namespace inbox
