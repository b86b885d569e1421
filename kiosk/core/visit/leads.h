// Demo leads as a spreadsheet (`kiosk leads --csv`, "Export leads" in staff mode), and the short name the
// today's list shows. Pure: payloads in, text out.
#pragma once

#include <string>
#include <vector>

#include "core/content/json_reader.h"

namespace core {

// One CSV field: quoted when it holds a comma, quote, line break or edge space (quotes doubled); a field a
// spreadsheet would run as a formula (=, @, or + / - not followed by a digit) gets a leading apostrophe.
std::string CsvField(const std::string& value);

// RFC 4180 CSV (CRLF line ends, UTF-8): intake_id, submitted_at, language, then one column per answer and
// consent id (alphabetical within a lead, new ids of later leads appended; a consent's column says whether it
// was given). Lists are joined with "; ", booleans are "yes"/"no". Non-object payloads are skipped.
std::string LeadsCsv(const std::vector<Json>& payloads);

// "Maria G." from an intake's answers (first_name, last_name); "" when there is no first name.
std::string ShortName(const Json& answers);

}  // namespace core
