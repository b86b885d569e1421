// Formatting of outbox rows and counts as aligned plain text.
#include "store/outbox_report.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace store {

namespace {

constexpr std::size_t kReportColumns = 7;
constexpr std::size_t kMaxErrorBytes = 80;
using Line = std::array<std::string, kReportColumns>;

// Columns before the last are aligned by byte count, so they are kept to printable ASCII.
std::string AsciiCell(const std::string& text) {
  if (text.empty()) return "-";
  std::string out = text;
  for (char& c : out) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) c = '?';
  }
  return out;
}

// The last column needs no alignment, so UTF-8 is kept; control characters are not, and long text is cut
// on a character boundary.
std::string ErrorCell(const std::string& text) {
  if (text.empty()) return "-";
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
  if (out.size() <= kMaxErrorBytes) return out;
  std::size_t cut = kMaxErrorBytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
  return out.substr(0, cut) + "...";
}

std::string Render(const std::vector<Line>& lines) {
  std::array<std::size_t, kReportColumns> width{};
  for (const auto& line : lines) {
    for (std::size_t c = 0; c + 1 < kReportColumns; ++c) width[c] = std::max(width[c], line[c].size());
  }
  std::string out;
  for (const auto& line : lines) {
    for (std::size_t c = 0; c + 1 < kReportColumns; ++c) {
      out += line[c];
      out.append(width[c] - line[c].size() + 2, ' ');
    }
    out += line[kReportColumns - 1];
    out += '\n';
  }
  return out;
}

}  // namespace

std::string FormatOutboxTable(const std::vector<OutboxRow>& rows) {
  if (rows.empty()) return "outbox is empty\n";
  std::vector<Line> lines;
  lines.reserve(rows.size() + 1);
  lines.push_back({"id", "created", "kind", "state", "attempts", "next attempt", "last error"});
  for (const auto& row : rows) {
    lines.push_back({AsciiCell(row.id), AsciiCell(row.created_at), AsciiCell(row.kind), AsciiCell(row.state),
                     std::to_string(row.attempts), AsciiCell(row.next_attempt_at),
                     ErrorCell(row.last_error)});
  }
  return Render(lines);
}

std::string FormatOutboxCounts(const OutboxCounts& c) {
  return "pending " + std::to_string(c.pending) + ", delivering " + std::to_string(c.delivering) +
         ", delivered " + std::to_string(c.delivered) + ", parked " + std::to_string(c.parked) + " (" +
         std::to_string(c.total()) + " in all)";
}

std::string FormatRunningContent(const std::optional<Outbox::RunningContent>& running) {
  if (!running) return "content running: not recorded yet (no kiosk UI has started on this outbox)";
  return "content running: " + AsciiCell(running->content_id) + " " + AsciiCell(running->content_version) +
         " (since " + AsciiCell(running->since) + ")";
}

}  // namespace store
