// Demo leads as a spreadsheet (`kiosk leads --csv`, "Export leads" in staff mode), and the short name the
// today's list shows. Pure: payloads in, text out.
#pragma once

#include <string>
#include <vector>

#include "core/content/json_reader.h"

namespace core {

// RFC 4180 CSV (CRLF line ends, UTF-8; every cell by core::CsvField, core/base/csv.h): intake_id,
// submitted_at, language, then one column per answer and consent id (alphabetical within a lead, new ids of
// later leads appended; a consent's column says whether it was given). Lists are joined with "; ", booleans
// are "yes"/"no". Non-object payloads are skipped.
std::string LeadsCsv(const std::vector<Json>& payloads);

// "Maria G." from an intake's answers (first_name, last_name); "" when there is no first name.
std::string ShortName(const Json& answers);

}  // namespace core
