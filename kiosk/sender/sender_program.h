// The sender program (`kiosk-sender`): its options from config and the secret files, and its loop. The
// client UI never links this: it has no network code and never reads a delivery secret.
#pragma once

#include "core/content/config.h"
#include "host/paths.h"
#include "sender/sender.h"

namespace sender {

// Delivers until SIGTERM/SIGINT (READY, WATCHDOG and STOPPING to systemd), or with `once` delivers what is
// due now and exits. Returns the process exit code.
int RunSender(const host::PathArgs& args, bool once);

// The sender's options from config (secrets read from their files). `demo`: the demo leads' sender, posting
// only demo rows to demo.delivery (never to the clinic's endpoint).
core::Result<SenderOptions> SenderOptionsFrom(const core::Config& config, bool demo = false);

}  // namespace sender
