// The sender as a process (`kiosk sender [--once]`, production) or as a thread beside the UI (development).
#pragma once

#include <memory>
#include <thread>

#include "app/paths.h"
#include "core/config.h"
#include "core/content.h"
#include "sender/sender.h"
#include "store/outbox.h"

namespace app {

int RunSender(const PathArgs& args, bool once);

// A sender on its own outbox connection and thread; stops and joins when destroyed.
class SenderThread {
 public:
  static core::Result<std::unique_ptr<SenderThread>> Start(const core::Config& config, const Paths& paths,
                                                           const core::Content& content, bool demo = false);
  void Wake() { sender_->Wake(); }
  ~SenderThread() = default;  // jthread requests stop and joins first (declared last)

 private:
  SenderThread() = default;
  core::SystemClock clock_;
  std::unique_ptr<store::Outbox> outbox_;
  std::unique_ptr<sender::Sender> sender_;
  std::jthread thread_;
};

// The sender's options from config (secrets read from their files). `demo`: the demo leads' sender, posting
// only demo rows to demo.delivery (never to the clinic's endpoint).
core::Result<sender::SenderOptions> SenderOptionsFrom(const core::Config& config, bool demo = false);

}  // namespace app
