// Plain-text views of the outbox for `kiosk outbox`: ids, times and states only, never a payload.
#pragma once

#include <string>
#include <vector>

#include "store/outbox_row.h"

namespace store {

// An aligned table with the columns id, created, kind, state, attempts, next attempt, last error, one row
// per line; "outbox is empty" when there are no rows. Control characters are replaced and a long last
// error is shortened, so a stored value can neither break the layout nor fill the terminal.
std::string FormatOutboxTable(const std::vector<OutboxRow>& rows);

// One line: "pending 2, delivering 0, delivered 14, parked 1 (17 in all)".
std::string FormatOutboxCounts(const OutboxCounts& counts);

}  // namespace store
