// Plain-text views of the outbox for `kiosk outbox`: ids, times and states only, never a payload.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/outbox.h"
#include "store/outbox_row.h"

namespace store {

// An aligned table with the columns id, created, kind, state, attempts, next attempt, last error, one row
// per line; "outbox is empty" when there are no rows. Control characters are replaced and a long last
// error is shortened, so a stored value can neither break the layout nor fill the terminal.
std::string FormatOutboxTable(const std::vector<OutboxRow>& rows);

// One line: "pending 2, delivering 0, delivered 14, parked 1 (17 in all)".
std::string FormatOutboxCounts(const OutboxCounts& counts);

// One line: "content running: glowup-microneedling 2030.3.1 (since 2026-11-25T09:30:00Z)", as the UI
// recorded it for the sender's heartbeat (a published bundle or the packaged content), or that no UI has
// recorded any yet. The values are printed as AsciiCell prints cells.
std::string FormatRunningContent(const std::optional<Outbox::RunningContent>& running);

}  // namespace store
