// FHIR R4 for clinics whose systems speak it: the content as a Questionnaire, an intake as a
// QuestionnaireResponse. Pure JSON mapping; the README's "FHIR R4" section documents it.
#pragma once

#include <string>
#include <string_view>

#include "core/content/content.h"
#include "core/content/json_reader.h"

namespace core {

// Canonical URL of the content's Questionnaire: "urn:glowup-kiosk:questionnaire:" + content.id.
std::string FhirQuestionnaireUrl(const Content& content);

// Every kiosk-defined extension URL is this prefix plus a name ("flag", "kiosk-id", "demo", ...).
inline constexpr std::string_view kFhirExtensionPrefix = "urn:glowup-kiosk:fhir:";

// The content as a Questionnaire: one group item per step, one item per question (follow-ups nested),
// texts in `language` (the content's default language when it has no such language).
Json ToFhirQuestionnaire(const Content& content, std::string_view language);

// An intake made by BuildIntake (intake.h) as a completed QuestionnaireResponse to the Questionnaire of
// the same `content`. Only answered questions appear; flags, kiosk id and the demo marker are extensions.
Json ToFhirQuestionnaireResponse(const Content& content, const Json& intake);

}  // namespace core
