// FHIR R4 values shared by both mappings: see fhir_values.h.
#include "core/delivery/fhir_values.h"

#include <regex>
#include <utility>

#include "core/delivery/fhir.h"

namespace core::fhir {

std::string Ext(std::string_view name) {
  return std::string(kFhirExtensionPrefix) + std::string(name);
}

std::string FhirString(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    out += u < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c;
  }
  size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}

void SetString(Json& obj, const char* key, std::string_view s) {
  if (std::string v = FhirString(s); !v.empty()) obj[key] = std::move(v);
}

void AddExtension(Json& obj, Json extension) {
  obj["extension"].push_back(std::move(extension));
}

bool IsFhirId(const std::string& s) {
  static const std::regex kId("[A-Za-z0-9\\-\\.]{1,64}");
  return std::regex_match(s, kId);
}

bool IsFhirCode(const std::string& s) {
  static const std::regex kCode("[^\\s]+( [^\\s]+)*");
  return std::regex_match(s, kCode);
}

bool IsFhirDateTime(const std::string& s) {
  static const std::regex kDateTime(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})");
  return std::regex_match(s, kDateTime);
}

bool IsBase64(const std::string& s) {
  static const std::regex kBase64("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
  return !s.empty() && std::regex_match(s, kBase64);
}

std::string OptionSystem(const Content& content, const Question& q) {
  return FhirQuestionnaireUrl(content) + "/" + q.id;
}

Json Coding(const Content& content, const Question& q, const std::string& code, std::string_view language) {
  Json coding = {{"system", OptionSystem(content, q)}, {"code", code}};
  if (const Option* o = q.FindOption(code)) SetString(coding, "display", o->label.In(language));
  return coding;
}

}  // namespace core::fhir
