// Summaries for the inbox list.
#include "inbox/rules/intake_summary.h"

namespace core {
namespace {

std::string Str(const Json& obj, const char* key) {
  if (!obj.is_object()) return {};
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

int TierRank(const std::string& tier) {
  if (tier == "stop") return 0;
  if (tier == "defer") return 1;
  if (tier == "review") return 2;
  return 3;
}

IntakeSummary SummarizeIntake(const Json& intake) {
  IntakeSummary s;
  s.intake_id = Str(intake, "intake_id");
  s.kiosk_id = Str(intake, "kiosk_id");
  s.submitted_at = Str(intake, "submitted_at");
  const Json empty = Json::object();
  const Json& answers = intake.is_object() && intake.contains("answers") ? intake["answers"] : empty;
  std::string first = Str(answers, "first_name"), last = Str(answers, "last_name");
  s.client_name = first + (first.empty() || last.empty() ? "" : " ") + last;
  if (intake.is_object() && intake.contains("flags") && intake["flags"].is_array()) {
    for (const auto& flag : intake["flags"]) {
      std::string tier = Str(flag, "tier");
      ++s.flag_count;
      if (TierRank(tier) < TierRank(s.top_tier)) s.top_tier = tier;
    }
  }
  if (intake.is_object() && intake.contains("demo") && intake["demo"].is_boolean()) s.demo = intake["demo"];
  return s;
}

}  // namespace core
