// The request for one delivery (or a connection test): URL, TLS options, Idempotency-Key, the Standard
// Webhooks headers signed at send time, and the bearer token when configured.
#pragma once

#include <string>

#include "core/base/clock.h"
#include "net/http_poster.h"
#include "sender/sender.h"

namespace sender {

net::PostRequest SignedRequest(const SenderOptions& options, const std::string& id, core::TimePoint now,
                               const std::string& body);

// Staff's "Test connection": one signed POST of a small test document ({"type":"connection_test",...}) with
// a fresh id, so a receiver can tell it from an intake. Returns what the transport saw.
core::AttemptResult TestConnection(const SenderOptions& options, const std::string& kiosk_id,
                                   const std::string& test_id, core::TimePoint now, const PostFn& post);

}  // namespace sender
