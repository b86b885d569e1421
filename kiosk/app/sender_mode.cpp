// Sender process and thread: config, secrets, the outbox connection, and the loop.
#include "app/sender_mode.h"

#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>
#include <random>

#include "core/content_loader.h"
#include "platform/systemd_notify.h"

namespace app {

namespace {

std::function<double()> Uniform01() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

volatile std::sig_atomic_t g_stop_requested = 0;
extern "C" void OnSignal(int) {
  g_stop_requested = 1;
}  // async-signal-safe: the main thread polls it

}  // namespace

core::Result<sender::SenderOptions> SenderOptionsFrom(const core::Config& config, bool demo) {
  sender::SenderOptions o;
  o.delivery = demo ? config.demo.delivery : config.delivery;
  o.demo = demo;
  o.retention_delivered_days = config.retention_delivered_days;
  o.user_agent = std::string("glowup-kiosk/") + KIOSK_VERSION;
  // A claim outlives any attempt (connect + transfer are bounded by timeout_s); after that a dead
  // sender's claim is taken over.
  o.lease = core::Seconds(2 * o.delivery.timeout_s + 5);
  if (o.delivery.configured()) {
    if (auto allowed = net::CheckUrlAllowed(o.delivery.url); !allowed) {
      return core::Result<sender::SenderOptions>::Fail(
          std::string(demo ? "demo.delivery.url: " : "delivery.url: ") + allowed.error());
    }
  }
  auto secrets = sender::LoadDeliverySecrets(o.delivery);
  if (!secrets) return secrets.problems();
  o.secrets = std::move(*secrets);
  return o;
}

core::Result<std::unique_ptr<SenderThread>> SenderThread::Start(const core::Config& config,
                                                                const Paths& paths,
                                                                const core::Content& content, bool demo) {
  auto options = SenderOptionsFrom(config, demo);
  if (!options) return options.problems();
  std::unique_ptr<SenderThread> t(new SenderThread());
  auto outbox = store::Outbox::Open(paths.outbox());
  if (!outbox) return outbox.problems();
  t->outbox_ = std::move(*outbox);
  net::InitHttp();
  t->sender_ = std::make_unique<sender::Sender>(*t->outbox_, std::move(*options), &content, t->clock_,
                                                net::Post, Uniform01());
  t->thread_ = std::jthread([s = t->sender_.get()](std::stop_token stop) { s->Run(stop); });
  return t;
}

int RunSender(const PathArgs& args, bool once) {
  auto loaded = LoadConfigAndPaths(args);
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
  sender::Sender s(**outbox, std::move(*options), &content, clock, net::Post, Uniform01());
  // Demo leads have their own sender and endpoint; without demo.delivery.url they stay on the kiosk.
  sender::Sender demo(**outbox, std::move(*demo_options), &content, clock, net::Post, Uniform01());
  if (once) {
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
    return 0;
  }
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);
  spdlog::info("sender started for {}",
               config.delivery.configured() ? "the configured endpoint" : "nothing (no url)");
  std::jthread loop([&s](std::stop_token st) { s.Run(st); });
  std::jthread demo_loop;
  if (config.demo.delivery.configured())
    demo_loop = std::jthread([&demo](std::stop_token st) { demo.Run(st); });
  auto systemd = platform::SystemdNotifier::FromEnvironment();
  systemd.Ready();
  while (!g_stop_requested) {
    std::this_thread::sleep_for(std::chrono::milliseconds(systemd.CapWaitMs(200)));
    systemd.KeepAlive();
  }
  loop.request_stop();
  loop.join();
  if (demo_loop.joinable()) {
    demo_loop.request_stop();
    demo_loop.join();
  }
  spdlog::info("sender stopped");
  return 0;
}

}  // namespace app
