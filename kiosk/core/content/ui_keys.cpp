// Every key of app.json "ui" the code reads: check-content requires each, in every declared language.
#include "core/content/ui_keys.h"

namespace core {

const std::vector<std::string_view>& UiKeys() {
  static const std::vector<std::string_view> kKeys = {
      // the client's screens: buttons, messages, dates, the review
      "next",
      "back",
      "step_of",
      "page_of",
      "yes",
      "no",
      "list_separator",
      "required",
      "invalid_email",
      "invalid_phone",
      "invalid_number",
      "number_too_small",
      "number_too_large",
      "invalid_date",
      "too_short",
      "too_long",
      "pattern_mismatch",
      "age_out_of_range",
      "sign_here",
      "clear_signature",
      "signature_required",
      "flag_message",
      "submitting",
      "submit_failed",
      "day",
      "month",
      "year",
      "date_format",
      "undo_stroke",
      "redo_stroke",
      "larger_text",
      "high_contrast",
      "problems_one",
      "problems_many",
      "demo_marker",
      "decade_older",
      "decade_newer",
      "questionnaire_title",
      // the keypad's confirmation of a signature (Question::keyed_confirmation), and how Review shows it
      "confirm_consent_by_key",
      "confirmed_by_key",
      // staff mode: the PIN pad, the home page, today's intakes, its reports
      "staff_title",
      "staff_pin_title",
      "staff_pin_intro",
      "staff_pin_enter",
      "staff_pin_erase",
      "staff_cancel",
      "staff_pin_wrong",
      "staff_pin_short",
      "staff_pin_wait",
      "staff_pin_unset",
      "staff_delivery",
      "staff_pending",
      "staff_delivered_today",
      "staff_parked",
      "staff_last_success",
      "staff_never",
      "staff_no_endpoint",
      "staff_retry_all",
      "staff_retry",
      "staff_retried",
      "staff_test",
      "staff_today",
      "staff_today_empty",
      "staff_today_kept",
      "staff_no_flags",
      "staff_demo_lead",
      "staff_demo_on",
      "staff_demo_off",
      "staff_demo_is_on",
      "staff_reload",
      "staff_reload_ok",
      "staff_reload_failed",
      "staff_export",
      "staff_export_ok",
      "staff_export_failed",
      "staff_export_no_dir",
      "staff_export_no_drive",
      "staff_exit",
      "staff_lock",
      "staff_back",
      "staff_actions",
      // a connection test's outcome (core::ConnectionWords)
      "conn_ok",
      "conn_auth",
      "conn_clock",
      "conn_status",
      "conn_tls_expired",
      "conn_tls_untrusted",
      "conn_tls_name",
      "conn_tls_pin",
      "conn_tls_other",
      "conn_timeout",
      "conn_unreachable",
      "conn_not_configured",
      "conn_testing",
      "conn_no_sender",
      // alerts on the staff home page (core::QueueAlertKey, core::SaveAlertKey)
      "alert_tls",
      "alert_auth",
      "alert_disk_full",
      "alert_save_failed",
      "alert_clock",
      // flag tiers on today's list ("tier_" + core::ToString(Tier))
      "tier_stop",
      "tier_defer",
      "tier_review",
      // delivery states on today's list ("state_" + outbox state)
      "state_pending",
      "state_delivering",
      "state_delivered",
      "state_parked",
      "state_local",
  };
  return kKeys;
}

const std::vector<std::string_view>& OptionalUiKeys() {
  static const std::vector<std::string_view> kKeys = {
      "flag_message_stop", "flag_message_defer", "flag_message_review",
      // the privacy notice's {delivery} and {clinic_retention} (core::FillPrivacy), where the content uses
      // them
      "privacy_sent", "privacy_not_sent", "privacy_clinic_days", "privacy_clinic_days_unset"};
  return kKeys;
}

}  // namespace core
