// A kiosk's state from its latest heartbeat: silent beats everything (its last report may be stale), then
// what it reported (alerts, parked intakes, an intake waiting too long).
#include "inbox/rules/fleet_rules.h"

namespace core {
namespace {

std::string Plural(long long n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

long long Whole(const Json& v) {
  if (v.is_number_integer()) return v.get<long long>();
  if (v.is_number_float()) return static_cast<long long>(v.get<double>());
  return 0;
}

std::string AlertWords(const std::string& code, const std::string& detail) {
  if (code == "tls") return "Cannot deliver: the kiosk refuses the inbox's certificate (" + detail + ")";
  if (code == "clock") return "The kiosk's clock is off, so its deliveries are refused (" + detail + ")";
  if (code == "auth") return "The inbox refuses the kiosk's signature or token (" + detail + ")";
  if (code == "disk_low") return "The kiosk's disk is nearly full (" + detail + ")";
  return "Alert " + code + " (" + detail + ")";
}

std::vector<std::string> Reported(const Json& heartbeat, const FleetSettings& settings) {
  std::vector<std::string> out;
  for (const auto& a : JsonMember(heartbeat, "alerts"))
    out.push_back(AlertWords(JsonString(a, "code"), JsonString(a, "detail")));
  const Json& queue = JsonMember(heartbeat, "queue");
  if (long long parked = Whole(JsonMember(queue, "parked")); parked > 0) {
    out.push_back(Plural(parked, "intake", "intakes") +
                  " refused by the inbox and parked on the kiosk: look in its staff mode");
  }
  if (long long oldest = Whole(JsonMember(queue, "oldest_waiting_s"));
      oldest > 0 && Seconds(oldest) > settings.waiting_alert) {
    out.push_back("An intake has waited " + Duration(Seconds(oldest)) + " on the kiosk to be delivered (" +
                  Plural(Whole(JsonMember(queue, "waiting")), "intake", "intakes") + " waiting)");
  }
  return out;
}

}  // namespace

KioskHealth JudgeKiosk(std::optional<TimePoint> last_heard, const Json& heartbeat, TimePoint now,
                       const FleetSettings& settings) {
  KioskHealth h;
  if (!last_heard) {
    h.state = KioskState::kNeverHeard;
    h.problems.push_back(
        "No heartbeat yet: check that the kiosk's sender runs and that its delivery.url points here");
    return h;
  }
  h.problems = Reported(heartbeat, settings);
  const Seconds silent = std::chrono::duration_cast<Seconds>(now - *last_heard);
  if (silent > settings.silent_after) {
    h.state = KioskState::kSilent;
    h.problems.insert(h.problems.begin(), "Silent for " + Duration(silent) + " (more than the " +
                                              Duration(settings.silent_after) +
                                              " allowed): is it switched on and online?");
    return h;
  }
  h.state = h.problems.empty() ? KioskState::kOk : KioskState::kProblem;
  return h;
}

std::string Duration(Seconds d) {
  long long s = std::max<long long>(0, d.count());
  if (s < 60) return std::to_string(s) + " s";
  long long minutes = s / 60;
  if (minutes < 60) return std::to_string(minutes) + " min";
  long long hours = minutes / 60;
  if (hours < 24)
    return std::to_string(hours) + " h" + (minutes % 60 ? " " + std::to_string(minutes % 60) + " min" : "");
  long long days = hours / 24;
  return Plural(days, "day", "days") + (hours % 24 ? " " + std::to_string(hours % 24) + " h" : "");
}

std::string StateWord(KioskState s) {
  switch (s) {
    case KioskState::kOk:
      return "OK";
    case KioskState::kProblem:
      return "PROBLEM";
    case KioskState::kSilent:
      return "SILENT";
    case KioskState::kNeverHeard:
      break;
  }
  return "NEVER HEARD FROM";
}

std::string StateClass(KioskState s) {
  switch (s) {
    case KioskState::kOk:
      return "ok";
    case KioskState::kProblem:
      return "problem";
    case KioskState::kSilent:
      return "silent";
    case KioskState::kNeverHeard:
      break;
  }
  return "never";
}

}  // namespace core
