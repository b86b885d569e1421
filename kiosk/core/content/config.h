// One installation's settings (config/kiosk.json): kiosk id, idle timings, theme, window, data directory,
// the keypad's keys.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>

#include "core/base/result.h"
#include "core/content/json_reader.h"
#include "core/touch/keypad.h"
#include "core/visit/idle.h"

namespace core {

using Rgba = std::array<float, 4>;  // 0..1

struct Theme {
  Rgba brand{0.545f, 0.239f, 0.376f, 1};       // buttons, progress, checked cards
  Rgba brand_soft{0.976f, 0.933f, 0.953f, 1};  // card background, progress track
  Rgba background{1, 1, 1, 1};
  Rgba text{0.145f, 0.118f, 0.161f, 1};
  Rgba muted{0.42f, 0.38f, 0.43f, 1};    // help lines, progress text
  Rgba line{0.584f, 0.522f, 0.565f, 1};  // #958590: field, card and button borders (3:1 on white), separators
  Rgba alert{0.70f, 0.23f, 0.18f, 1};    // validation messages
  float font_px = 30;                    // body text at scale 1 (1080p)
  float scale = 1.0f;                    // one factor for every size
  float corner_radius = 0.6f;            // in em
  std::string font_path;                 // empty: Noto Sans through fontconfig
  std::string logo;                      // PNG for the attract screen (relative: beside the config file)
};

// Where and how intakes are posted (README "Delivery"). Secrets live in files, never in this config.
struct DeliveryConfig {
  std::string url;                     // https://... (http:// only to a loopback address); empty: keep queued
  std::string webhook_secret_file;     // a Standard Webhooks secret, "whsec_" + base64
  std::string bearer_token_file;       // sent as "Authorization: Bearer ..."
  std::string ca_file;                 // a CA bundle to trust instead of the system's
  std::string pinned_public_key;       // curl's "sha256//base64" form
  std::string format = "intake-json";  // or "fhir-r4"
  int timeout_s = 30;                  // whole request
  int backoff_base_s = 10;             // first retry within this, doubling up to the cap
  int backoff_cap_s = 3600;

  bool configured() const { return !url.empty(); }
};

// The heartbeat kiosk-sender posts about this kiosk (README "Heartbeats"): every interval_s and after each
// delivery pass, signed like intakes, to `url` (empty: beside delivery.url, its last segment "heartbeats").
struct HeartbeatConfig {
  bool enabled = true;
  int interval_s = 300;
  std::string url;
};

// Staff mode (README "Staff mode"): the hidden gesture, the PIN file, the lock, the today's list.
struct StaffConfig {
  std::string gesture_corner = "top_left";  // top_left, top_right, bottom_left, bottom_right
  int gesture_hold_s = 3;                   // press this long in the corner
  float gesture_size_em = 3;                // the corner square, in em
  std::string pin_hash_file;                // empty: <data_dir>/staff-pin.hash
  int lock_after_s = 120;                   // staff mode locks itself after this long without a touch
  int today_list_hours = 24;                // the today's-intakes list forgets rows older than this
  std::string language;  // staff screens read this language whatever the client chose; empty: the default
};

// Event / demo mode (README "Event / demo mode").
struct DemoConfig {
  bool enabled = false;     // start in demo mode (staff can switch it)
  DeliveryConfig delivery;  // where demo leads go; empty url: kept locally, exported by staff
  std::string export_dir;   // a USB drive's mount point for "Export leads" (e.g. /media/usb)
};

// "content_updates": content published from the inbox (README "Publishing content"). Off without a key.
struct ContentUpdatesConfig {
  std::string public_key;  // base64 Ed25519 public key, as `intake-inbox make-signing-key` printed it
  std::string url;         // the inbox's content endpoints' base (".../content"); empty: from delivery.url
  int check_every_s = 300;
  bool configured() const { return !public_key.empty(); }
  // The base URL: `url`, else delivery.url with its last "/intakes" made "/content"; "" when neither.
  std::string Base(const std::string& delivery_url) const;
};

struct Config {
  std::string kiosk_id = "kiosk-1";
  std::filesystem::path data_dir;  // empty: the default for a build tree or an install
  IdleSettings idle;
  Theme theme;
  DemoConfig demo;
  StaffConfig staff;
  DeliveryConfig delivery;
  HeartbeatConfig heartbeat;
  int retention_delivered_days = 7;  // delivered payloads are deleted after this (id, times and state kept)
  std::optional<int> retention_clinic_days;  // how long the clinic's system (the inbox) keeps an intake: the
                                             // privacy notice's {clinic_days}; unset: the notice names none
  int retention_lead_days = 30;  // demo leads are deleted from the kiosk this long after they were captured
  KeypadKeys keypad = KeypadKeys::Defaults();  // "keypad": the keys that move the focus ring, select, go back
  ContentUpdatesConfig content_updates;
};

// Parses kiosk.json; every problem names the file and the JSON pointer.
Result<Config> ParseConfig(const std::string& text, const std::string& file_name);

struct Content;
// What the config names that the content must provide: staff.language must be a declared language.
Problems CheckConfigAgainstContent(const Config& config, const Content& content,
                                   const std::string& file_name);

}  // namespace core
