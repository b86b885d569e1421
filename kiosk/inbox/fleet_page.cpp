// The Kiosks page's values: one row per accepted kiosk, judged from its latest heartbeat. No HTML here.
#include "inbox/fleet_page.h"

#include <algorithm>
#include <map>

#include "inbox/local_time.h"
#include "inbox/page_render.h"

namespace inbox {
namespace {

using core::Json;
using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

int Urgency(core::KioskState s) {
  switch (s) {
    case core::KioskState::kSilent:
      return 0;
    case core::KioskState::kProblem:
      return 1;
    case core::KioskState::kNeverHeard:
      return 2;
    case core::KioskState::kOk:
      break;
  }
  return 3;
}

std::string Number(const Json& v) {
  return v.is_number() ? std::to_string(v.is_number_integer() ? v.get<long long>()
                                                              : static_cast<long long>(v.get<double>()))
                       : "–";
}

struct Row {
  std::string id;
  core::KioskHealth health;
  const KioskHeartbeat* heard = nullptr;
};

Data RowData(const Row& r, core::TimePoint now) {
  Data d;
  d.set("id", r.id);
  d.set("state", core::StateWord(r.health.state));
  d.set("state_class", core::StateClass(r.health.state));
  List problems;
  for (const auto& p : r.health.problems) {
    Data item;
    item.set("text", p);
    problems.push_back(item);
  }
  d.set("any_problems", !r.health.problems.empty());
  d.set("problems", problems);
  d.set("heard", r.heard != nullptr);
  if (!r.heard) {
    for (const char* key : {"waiting", "parked", "content", "package"}) d.set(key, "–");
    return d;
  }
  const Json& beat = r.heard->heartbeat;
  const Json& queue = core::JsonMember(beat, "queue");
  d.set("last_heard", LocalTime(r.heard->received_at));
  if (auto at = core::ParseRfc3339(r.heard->received_at))
    d.set("ago", core::Duration(std::chrono::duration_cast<core::Seconds>(now - *at)));
  d.set("waiting", Number(core::JsonMember(queue, "waiting")));
  if (const Json& oldest = core::JsonMember(queue, "oldest_waiting_s"); oldest.is_number()) {
    d.set("oldest", core::Duration(core::Seconds(static_cast<long long>(oldest.get<double>()))));
  }
  d.set("parked", Number(core::JsonMember(queue, "parked")));
  const Json& content = core::JsonMember(beat, "content");
  d.set("content", core::JsonString(content, "id") + " " + core::JsonString(content, "version"));
  d.set("package", core::JsonString(beat, "package_version"));
  return d;
}

}  // namespace

std::string KiosksPage(const PageContext& ctx, const std::vector<std::string>& kiosk_ids,
                       const std::vector<KioskHeartbeat>& heard, core::TimePoint now,
                       const core::FleetSettings& settings) {
  std::map<std::string, const KioskHeartbeat*> by_id;
  for (const auto& h : heard) by_id[h.kiosk_id] = &h;
  std::vector<Row> rows;
  for (const auto& id : kiosk_ids) {
    Row r{id, {}, nullptr};
    if (auto it = by_id.find(id); it != by_id.end()) r.heard = it->second;
    r.health = core::JudgeKiosk(r.heard ? core::ParseRfc3339(r.heard->received_at) : std::nullopt,
                                r.heard ? r.heard->heartbeat : Json::object(), now, settings);
    rows.push_back(std::move(r));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return Urgency(a.health.state) < Urgency(b.health.state);
  });
  const auto attention = std::count_if(rows.begin(), rows.end(),
                                       [](const Row& r) { return r.health.state != core::KioskState::kOk; });
  Data page;
  List list;
  for (const auto& r : rows) list.push_back(RowData(r, now));
  page.set("kiosks", list);
  const std::string total = std::to_string(rows.size()) + " kiosks";
  if (rows.size() == 1)  // not "All 1 kiosk OK"
    page.set("summary", attention == 0 ? "The one kiosk is OK" : "The one kiosk needs attention");
  else
    page.set("summary", attention == 0 ? "All " + total + " OK"
                                       : std::to_string(attention) + " of " + total + " need attention");
  page.set("summary_class", attention == 0 ? "ok" : "attention");
  page.set("silent_after", core::Duration(settings.silent_after));
  page.set("waiting_alert", core::Duration(settings.waiting_alert));
  return RenderPage(ctx, "kiosks", "Kiosks", page);
}

}  // namespace inbox
