// What the staff screens show: filled by the app from the stores each frame staff mode is open. Read only.
#pragma once

#include <string>
#include <vector>

#include "core/staff/staff.h"

namespace ui {

struct StaffView {
  core::StaffState state;
  std::string language;  // config staff.language: the staff screens' language (empty or undeclared: default)
  bool pin_set = true;   // false: no PIN hash file yet (the pad explains how to set one)
  int pin_wait_s = 0;    // > 0: too many wrong PINs, the pad is closed this long

  bool endpoint = false;  // a delivery URL is configured
  size_t waiting = 0, delivered_today = 0, parked = 0;
  std::string last_success;    // "14:05" or "" (never)
  std::string alert_key;       // "alert_tls", "alert_auth", "alert_clock" or ""
  std::string save_alert_key;  // "alert_disk_full", "alert_save_failed" or "": the last intake was not saved
  struct ParkedRow {
    std::string id, reason;
  };
  std::vector<ParkedRow> parked_rows;

  struct TodayRow {
    std::string time, name, state_key;
    std::vector<std::string> flag_keys;  // "tier_stop", "tier_review"... (empty: no flags)
    bool demo = false;
  };
  std::vector<TodayRow> today;
  int today_hours = 24;

  bool demo = false;            // demo mode is on
  size_t demo_leads = 0;        // demo leads in the outbox not yet delivered
  bool demo_available = false;  // the content has a demo flow

  // Content published from the inbox: the bundle running ("id version", "" for the packaged content; staff
  // may roll it back) and why the last one offered was refused ("" when none was).
  std::string content_bundle;
  std::string content_refused;
};

}  // namespace ui
