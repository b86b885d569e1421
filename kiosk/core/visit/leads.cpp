// Leads CSV and short names.
#include "core/visit/leads.h"

#include <algorithm>

#include "core/base/csv.h"

namespace core {

namespace {

std::string Cell(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!out.empty()) out += "; ";
      out += Cell(item);
    }
    return out;
  }
  if (v.is_number()) return v.dump();
  return "";
}

// The first UTF-8 character of `s` (its lead byte and continuation bytes).
std::string FirstCharacter(const std::string& s) {
  size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, std::min(n, s.size()));
}

std::string Trimmed(std::string s) {
  auto blank = [](unsigned char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && blank(s.back())) s.pop_back();
  size_t start = 0;
  while (start < s.size() && blank(s[start])) ++start;
  return s.substr(start);
}

// A lead's answers with its consents added as answers (consent id -> accepted), so each is a column.
Json Fields(const Json& p) {
  Json fields = p.value("answers", Json::object());
  if (!fields.is_object()) fields = Json::object();
  for (const auto& c : p.value("consents", Json::array())) {
    if (c.is_object() && c.contains("id") && c["id"].is_string())
      fields[c["id"].get<std::string>()] = c.value("accepted", false);
  }
  return fields;
}

}  // namespace

std::string LeadsCsv(const std::vector<Json>& payloads) {
  std::vector<std::string> columns;
  for (const auto& p : payloads) {
    if (!p.is_object()) continue;
    const Json fields = Fields(p);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      if (std::find(columns.begin(), columns.end(), it.key()) == columns.end()) columns.push_back(it.key());
    }
  }
  auto line = [](const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out.push_back(',');
      out.append(CsvField(fields[i]));
    }
    return out + "\r\n";
  };
  std::vector<std::string> header{"intake_id", "submitted_at", "language"};
  header.insert(header.end(), columns.begin(), columns.end());
  std::string csv = line(header);
  for (const auto& p : payloads) {
    if (!p.is_object()) continue;
    std::vector<std::string> row{Cell(p.value("intake_id", Json())), Cell(p.value("submitted_at", Json())),
                                 Cell(p.value("language", Json()))};
    const Json fields = Fields(p);
    for (const auto& col : columns) row.push_back(fields.contains(col) ? Cell(fields[col]) : "");
    csv += line(row);
  }
  return csv;
}

std::string ShortName(const Json& answers) {
  if (!answers.is_object()) return "";
  std::string first = Trimmed(Cell(answers.value("first_name", Json())));
  std::string last = Trimmed(Cell(answers.value("last_name", Json())));
  if (first.empty()) return "";
  return last.empty() ? first : first + " " + FirstCharacter(last) + ".";
}

}  // namespace core
