// The privacy notice says only what this installation does: placeholders in the content's texts are filled
// from the kiosk's config when the content is loaded (README "Privacy notice", content/README.md "Privacy
// placeholders"), and a text promising a period the config does not have is a problem.
#pragma once

#include <optional>

#include "core/base/result.h"
#include "core/content/config.h"
#include "core/content/content.h"

namespace core {

// What the notice may state, taken from the config.
struct PrivacyFacts {
  bool delivery_configured = false;  // delivery.url is set: answers are sent to the clinic
  int delivered_days = 7;            // retention.delivered_days: a delivered payload's copy (0: kept)
  int today_list_hours = 24;         // staff.today_list_hours: the staff list's first name, initial, flags
  std::optional<int> clinic_days;    // retention.clinic_days: how long the clinic's inbox keeps an intake
  int lead_days = 30;                // retention.lead_days: demo leads on the kiosk
};

PrivacyFacts PrivacyFactsOf(const Config& config);

// Fills the placeholders in the intro of every step and the label, help and body of every question
// (follow-ups included) of the visit and of the demo flow, in every language: first {delivery}
// (ui.privacy_sent, or ui.privacy_not_sent without delivery.url) and {clinic_retention}
// (ui.privacy_clinic_days, or ui.privacy_clinic_days_unset without retention.clinic_days), then the periods
// {delivered_days}, {today_list_hours}, {clinic_days} and {lead_days}. A period the config does not have
// ({clinic_days} without retention.clinic_days, {delivered_days} when delivered payloads are kept, any other
// {..._days} or
// {..._hours}) is a problem naming the file and the JSON pointer of the text, and so is a ui text the
// placeholders need that app.json lacks. Other {words} are left as they are.
Problems FillPrivacy(Content& content, const PrivacyFacts& facts);

}  // namespace core
