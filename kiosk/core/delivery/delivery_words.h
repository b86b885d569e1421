// Delivery results in plain words for staff: a connection test's outcome and the alert a queue row raises.
// Returns keys into app.json "ui" (so the words come from content) with the values they format with.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/delivery/delivery_policy.h"

namespace core {

struct Words {
  std::string key;                            // e.g. "conn_tls_expired"
  std::map<std::string, std::string> values;  // e.g. {"status", "401"}
  bool problem = false;                       // shown as an alert rather than a success
};

// A test request's outcome: "Connected securely; the endpoint answered 200 OK", "The certificate has
// expired", "Refused our signature or token (401)"... `at`: when the answer came, by the kiosk's clock; a
// refusal while the endpoint's Date is over a minute away from it is the kiosk's clock ("conn_clock").
Words DescribeConnection(const AttemptResult& result, TimePoint at = {});

// What a queued row's last error means for staff: "" (nothing to flag), "alert_tls", "alert_auth" or
// "alert_clock" (the endpoint refused the signature because the kiosk's clock is off).
std::string AlertOf(std::string_view last_error);

// Why an intake could not be saved on the kiosk, for staff: "alert_disk_full" when the store said the disk
// is full, otherwise "alert_save_failed".
std::string SaveProblemOf(std::string_view store_error);

}  // namespace core
