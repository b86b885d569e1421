// BuildIntake: the visit as a JSON document.
#include "core/visit/intake.h"

#include "core/visit/flags.h"
#include "core/visit/review.h"
#include "core/visit/rules.h"

namespace core {

namespace {

Json ToJson(const Answer& a) {
  if (auto* b = std::get_if<bool>(&a)) return *b;
  if (auto* s = std::get_if<std::string>(&a)) return *s;
  if (auto* v = std::get_if<std::vector<std::string>>(&a)) return *v;
  return nullptr;
}

}  // namespace

Json BuildIntake(const Content& content, const Session& session, const IntakeContext& ctx) {
  Visibility vis = ComputeVisibility(content, session.answers, ctx.today);
  Json answers = Json::object(), consents = Json::array(), signatures = Json::object();
  for (size_t s : vis.steps) {
    ForEachQuestion(content.steps[s].questions, [&](const Question& q) {
      if (!vis.Shows(q.id) || !q.Answerable()) return;
      auto it = vis.answers.find(q.id);
      if (q.type == QuestionType::kConsent) {
        consents.push_back(
            {{"id", q.id}, {"version", q.version}, {"accepted", ConsentAccepted(vis.answers, q)}});
      } else if (q.type == QuestionType::kSignature) {
        if (it == vis.answers.end()) return;
        const auto& sig = std::get<Signature>(it->second);
        if (sig.keyed) {  // the statement as the client read it, in their language
          signatures[q.id] = {{"method", "keyed_confirmation"},
                              {"statement", content.app.Ui("confirm_consent_by_key").In(session.language)}};
          return;
        }
        signatures[q.id] = {{"png_base64", ctx.signature_png_base64 ? ctx.signature_png_base64(sig) : ""},
                            {"strokes", sig.strokes.size()},
                            {"media_type", "image/png"}};
      } else if (it != vis.answers.end() && q.type == QuestionType::kNumber) {
        // a JSON integer; validation let only digits within min..max through
        if (auto* s = std::get_if<std::string>(&it->second); s && ParseWholeNumber(*s))
          answers[q.id] = *ParseWholeNumber(*s);
      } else if (it != vis.answers.end()) {
        answers[q.id] = ToJson(it->second);
      }
    });
  }
  Json flags = Json::array();
  for (const auto& f : ComputeFlags(content, vis, ctx.today)) {
    Json flag = {
        {"id", f.flag_id}, {"question_id", f.question_id}, {"tier", ToString(f.tier)}, {"reason", f.reason}};
    if (f.tier == Tier::kDefer) flag["wait_days"] = f.wait_days;
    flags.push_back(std::move(flag));
  }
  return Json{{"schema_version", kIntakeSchemaVersion},
              {"intake_id", session.intake_id},
              {"kiosk_id", ctx.kiosk_id},
              {"started_at", ToRfc3339(session.started_at)},
              {"submitted_at", ToRfc3339(ctx.submitted_at)},
              {"language", session.language},
              {"content", {{"id", content.id}, {"version", content.version}}},
              {"demo", ctx.demo},
              {"answers", std::move(answers)},
              {"flags", std::move(flags)},
              {"consents", std::move(consents)},
              {"signatures", std::move(signatures)}};
}

}  // namespace core
