// The way back from FHIR: a QuestionnaireResponse made by ToFhirQuestionnaireResponse (fhir.h) read into
// the intake's own shape, so the inbox stores and shows both formats alike. Pure JSON mapping.
#pragma once

#include "core/base/result.h"
#include "core/content/content.h"
#include "core/content/json_reader.h"

namespace core {

// The intake the response carries: ids, times, language, content, demo, answers (typed by the content's
// question types), flags, consents with their versions and signatures. A signature has no stroke count
// (FHIR does not carry it). Problems name the JSON pointer of what is missing or not understood.
Result<Json> IntakeFromFhirResponse(const Content& content, const Json& response);

}  // namespace core
