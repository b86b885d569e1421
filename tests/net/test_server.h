// A real HTTP(S) server on 127.0.0.1 for net tests: cpp-httplib on a free port in its own thread, answering
// every POST (and GET) as the current Behaviour says and recording what it received.
#pragma once

#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace net_test {

// How the server answers the next requests.
struct Behaviour {
  int status = 201;
  std::string retry_after{};           // sent as Retry-After when not empty
  std::string location{};              // sent as Location when not empty
  std::string body{};                  // the response body
  std::chrono::milliseconds delay{0};  // wait this long before answering
  bool trickle = false;                // answer 200, then one body byte every 100 ms until the client leaves
  bool drop = false;                   // send headers promising a body, then close the connection
};

// One request as the server saw it.
struct Received {
  std::string method;
  std::string path;
  std::string body;
  httplib::Headers headers;  // case-insensitive keys
  int remote_port = 0;       // the client's end of the connection: the same for requests on one connection

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class TestServer {
 public:
  // HTTPS with this certificate chain and key; plain HTTP when both are empty.
  explicit TestServer(const std::string& cert_file = "", const std::string& key_file = "") {
    ::signal(SIGPIPE, SIG_IGN);  // a client that hangs up mid-write must not kill the test
    if (cert_file.empty()) {
      server_ = std::make_unique<httplib::Server>();
      scheme_ = "http";
    } else {
      server_ = std::make_unique<httplib::SSLServer>(cert_file.c_str(), key_file.c_str());
      scheme_ = "https";
    }
    if (!server_->is_valid()) return;
    server_->set_tcp_nodelay(true);  // no Nagle delay on small answers (40 ms each with delayed ACKs)
    const auto handle = [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); };
    server_->Post(".*", handle);
    server_->Get(".*", handle);  // recorded too, so a followed redirect would show
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return;
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    for (int i = 0; i < 2000 && !server_->is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  ~TestServer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }

  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  bool ok() const { return port_ > 0 && server_->is_running(); }
  int port() const { return port_; }
  std::string Url(const std::string& host = "127.0.0.1", const std::string& path = "/intake") const {
    return scheme_ + "://" + host + ":" + std::to_string(port_) + path;
  }

  // How long an idle kept-alive connection stays open (httplib's default: 5 s).
  void SetKeepAliveTimeout(int seconds) { server_->set_keep_alive_timeout(seconds); }

  void Set(Behaviour behaviour) {
    std::lock_guard lock(mutex_);
    behaviour_ = std::move(behaviour);
  }

  std::vector<Received> Requests() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  // Waits up to `duration`; false when the server is stopping.
  bool Wait(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, duration, [this] { return stopping_; });
  }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    Behaviour behaviour;
    {
      std::lock_guard lock(mutex_);
      received_.push_back(Received{req.method, req.path, req.body, req.headers, req.remote_port});
      behaviour = behaviour_;
    }
    if (behaviour.delay.count() > 0 && !Wait(behaviour.delay)) return;
    res.status = behaviour.status;
    if (!behaviour.retry_after.empty()) res.set_header("Retry-After", behaviour.retry_after);
    if (!behaviour.location.empty()) res.set_header("Location", behaviour.location);
    if (behaviour.trickle) {
      res.status = 200;
      res.set_chunked_content_provider("text/plain", [this](size_t, httplib::DataSink& sink) {
        return Wait(std::chrono::milliseconds(100)) && sink.write("x", 1);
      });
    } else if (behaviour.drop) {
      res.set_content_provider(1000, "text/plain", [](size_t, size_t, httplib::DataSink&) { return false; });
    } else {
      res.set_content(behaviour.body, "text/plain");
    }
  }

  std::unique_ptr<httplib::Server> server_;
  std::string scheme_;
  int port_ = -1;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  Behaviour behaviour_;
  std::vector<Received> received_;
};

}  // namespace net_test
