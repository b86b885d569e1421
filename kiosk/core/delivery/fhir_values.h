// FHIR R4 values shared by the Questionnaire and the QuestionnaireResponse mapping (fhir.cpp,
// fhir_response.cpp): kiosk extension URLs, cleaned strings, the primitive types' formats and option codings.
#pragma once

#include <string>
#include <string_view>

#include "core/content/content.h"
#include "core/content/json_reader.h"

namespace core::fhir {

// kFhirExtensionPrefix + name.
std::string Ext(std::string_view name);
// FHIR strings are never empty and, by convention, not padded; control characters other than tab and line
// breaks are not allowed: they become spaces, and the ends are trimmed.
std::string FhirString(std::string_view s);
// Sets obj[key] to the cleaned string, or nothing when it would be empty.
void SetString(Json& obj, const char* key, std::string_view s);
void AddExtension(Json& obj, Json extension);
// The formats of FHIR's id, code, dateTime and base64Binary.
bool IsFhirId(const std::string& s);
bool IsFhirCode(const std::string& s);
bool IsFhirDateTime(const std::string& s);
bool IsBase64(const std::string& s);
// The code system of a question's options, and one option as a Coding (its label in `language`).
std::string OptionSystem(const Content& content, const Question& q);
Json Coding(const Content& content, const Question& q, const std::string& code, std::string_view language);

}  // namespace core::fhir
