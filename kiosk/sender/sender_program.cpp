// The sender program: config, secrets, the outbox connection, and the loop until SIGTERM.
#include "sender/sender_program.h"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <random>

#include "bundle/signing_key.h"
#include "core/content/content_loader.h"
#include "host/stop_signals.h"
#include "host/systemd_notify.h"
#include "net/url_policy.h"
#include "sender/content_updates.h"
#include "sender/heartbeat.h"

namespace sender {

namespace {

std::function<double()> Uniform01() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

}  // namespace

core::Result<SenderOptions> SenderOptionsFrom(const core::Config& config, bool demo) {
  SenderOptions o;
  o.delivery = demo ? config.demo.delivery : config.delivery;
  o.demo = demo;
  o.kiosk_id = config.kiosk_id;
  o.retention_delivered_days = config.retention_delivered_days;
  o.user_agent = std::string("glowup-kiosk/") + KIOSK_VERSION;
  // A claim outlives any attempt (connect + transfer are bounded by timeout_s); after that a dead
  // sender's claim is taken over.
  o.lease = core::Seconds(2 * o.delivery.timeout_s + 5);
  if (o.delivery.configured()) {
    if (auto allowed = net::CheckUrlAllowed(o.delivery.url); !allowed) {
      return core::Result<SenderOptions>::Fail(std::string(demo ? "demo.delivery.url: " : "delivery.url: ") +
                                               allowed.error());
    }
  }
  auto secrets = LoadDeliverySecrets(o.delivery);
  if (!secrets) return secrets.problems();
  o.secrets = std::move(*secrets);
  return o;
}

int RunSender(const host::PathArgs& args, bool once) {
  // First, before any thread exists: SIGTERM then reaches only the watcher, never a delivery half-way.
  auto stop = once ? nullptr : host::StopSignals::Start();
  auto loaded = host::LoadConfigAndPaths(args);
  if (!loaded) {
    for (const auto& p : loaded.problems()) std::cerr << p.ToString() << "\n";
    return 1;
  }
  auto& [config, paths] = *loaded;
  auto options = SenderOptionsFrom(config);
  auto demo_options = SenderOptionsFrom(config, true);
  if (!options || !demo_options) {
    std::cerr << (options ? demo_options.error() : options.error()) << "\n";
    return 1;
  }
  if (!config.delivery.configured()) std::cerr << "delivery.url is not set: intakes stay queued\n";
  core::Content content;
  if (config.delivery.format == "fhir-r4") {
    auto loadedContent = core::LoadContent(paths.content_dir);
    if (!loadedContent) {
      std::cerr << loadedContent.error() << "\n";
      return 1;
    }
    content = std::move(*loadedContent);
  }
  std::error_code ec;
  std::filesystem::create_directories(paths.data_dir, ec);
  auto outbox = store::Outbox::Open(paths.outbox());
  if (!outbox) {
    std::cerr << paths.outbox().string() << ": " << outbox.error() << "\n";
    return 1;
  }
  net::InitHttp();
  core::SystemClock clock;
  Sender s(**outbox, std::move(*options), &content, clock, net::Post, Uniform01());
  // Demo leads have their own sender and endpoint; without demo.delivery.url they stay on the kiosk.
  Sender demo(**outbox, std::move(*demo_options), &content, clock, net::Post, Uniform01());
  std::optional<Heartbeat> heartbeat;
  if (auto hb = HeartbeatOptionsFrom(config, paths.content_dir, paths.data_dir)) {
    if (auto allowed = net::CheckUrlAllowed(hb->url); !allowed) {
      std::cerr << "heartbeat.url: " << allowed.error() << "\n";
      return 1;
    }
    heartbeat.emplace(**outbox, s.options(), std::move(*hb), clock, net::Post);
  }
  std::optional<ContentUpdates> updates;
  if (config.content_updates.configured()) {
    auto key = bundle::DecodePublicKey(config.content_updates.public_key);
    const std::string base = config.content_updates.Base(config.delivery.url);
    if (!key) {
      std::cerr << "content_updates.public_key: " << key.error() << "\n";
      return 1;
    }
    if (auto allowed = net::CheckUrlAllowed(base); !allowed) {
      std::cerr << "content_updates.url: " << allowed.error() << "\n";
      return 1;
    }
    updates.emplace(**outbox, s.options(),
                    ContentUpdateOptions{base + "/offer", base + "/report", *key, paths.data_dir / "bundles"},
                    clock, net::Post);
  }
  if (once) {
    if (updates) {
      auto checked = updates->RunOnce();
      if (!checked)
        std::cout << "content: " << checked.error() << "\n";
      else
        std::cout << "content: " << (checked->fetched.empty() ? "" : "fetched " + checked->fetched + ", ")
                  << (checked->refused.empty() ? "" : "refused (" + checked->refused + "), ") << "reported "
                  << checked->reported << "\n";
    }
    for (auto* one : {&s, &demo}) {
      auto pass = one->RunOnce();
      if (!pass) {
        std::cerr << pass.error() << "\n";
        return 1;
      }
      if (one == &demo && pass->attempts() == 0) continue;
      std::cout << (one == &demo ? "demo leads: " : "") << "delivered " << pass->delivered << ", retrying "
                << pass->retried << ", parked " << pass->parked
                << (pass->alerts ? ", TLS alerts " + std::to_string(pass->alerts) : "") << "\n";
    }
    if (heartbeat) {
      auto sent = heartbeat->SendNow();
      std::cout << "heartbeat: "
                << (sent.kind == core::AttemptResult::Kind::kResponse ? "HTTP " + std::to_string(sent.status)
                                                                      : sent.detail)
                << "\n";
    }
    return 0;
  }
  spdlog::info("sender started for {}",
               config.delivery.configured() ? "the configured endpoint" : "nothing (no url)");
  std::jthread heartbeat_loop;
  if (heartbeat) {
    s.OnPassChanged([&heartbeat] { heartbeat->PassChanged(); });
    heartbeat_loop = std::jthread([&heartbeat](std::stop_token st) { heartbeat->Run(st); });
  }
  std::jthread loop([&s](std::stop_token st) { s.Run(st); });
  std::jthread updates_loop;
  if (updates) {
    const auto every = std::chrono::seconds(config.content_updates.check_every_s);
    updates_loop = std::jthread([&updates, every](std::stop_token st) {
      std::mutex m;
      std::condition_variable_any cv;
      while (!st.stop_requested()) {
        if (auto checked = updates->RunOnce(); !checked) spdlog::warn("content check: {}", checked.error());
        std::unique_lock lock(m);
        cv.wait_for(lock, st, every, [] { return false; });
      }
    });
  }
  std::jthread demo_loop;
  if (config.demo.delivery.configured())
    demo_loop = std::jthread([&demo](std::stop_token st) { demo.Run(st); });
  auto systemd = host::SystemdNotifier::FromEnvironment();
  systemd.Ready();
  while (!stop->Requested()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(systemd.CapWaitMs(200)));
    systemd.KeepAlive();
  }
  systemd.Stopping();
  loop.request_stop();
  loop.join();
  for (auto* other : {&demo_loop, &heartbeat_loop, &updates_loop}) {
    if (!other->joinable()) continue;
    other->request_stop();
    other->join();
  }
  spdlog::info("sender stopped");
  return 0;
}

}  // namespace sender
