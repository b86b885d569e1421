// demo.json: { "attract": { "title", "subtitle" }, "steps": [...same as questionnaire.json...],
//              "thank_you": { "title", "body", "return_s" } }
#include "core/visit/demo_flow.h"

#include "core/content/content_loader.h"

namespace core {

void ParseDemoFlow(const Json& j, const JsonReader& r, Content& content) {
  if (!r.IsObject(j, "")) return;
  r.AllowOnly(j, "", {"$comment", "attract", "steps", "thank_you"});
  DemoFlow demo;
  // The attract screen's welcome in demo mode (optional): the clinic's own speaks of a consultation.
  if (const Json* a = r.Field(j, "", "attract", false); a && r.IsObject(*a, "/attract")) {
    r.AllowOnly(*a, "/attract", {"title", "subtitle"});
    demo.attract_title = r.LocalText(*a, "/attract", "title", true);
    demo.attract_subtitle = r.LocalText(*a, "/attract", "subtitle", false);
  }
  if (const Json* t = r.Field(j, "", "thank_you", true); t && r.IsObject(*t, "/thank_you")) {
    r.AllowOnly(*t, "/thank_you", {"title", "body", "return_s"});
    demo.thank_you_title = r.LocalText(*t, "/thank_you", "title", true);
    demo.thank_you_body = r.LocalText(*t, "/thank_you", "body", true);
    if (auto v = r.Int(*t, "/thank_you", "return_s", false, 3, 60)) demo.return_s = *v;
  }
  Json steps_only = Json::object();  // the other keys were checked above
  if (j.contains("steps")) steps_only["steps"] = j["steps"];
  Content flow = content;
  flow.steps.clear();
  ParseQuestionnaire(steps_only, r, flow);
  flow.Index();
  CheckQuestionnaire(flow, r);
  bool consent_required = false;
  for (size_t i = 0; i < flow.steps.size(); ++i) {
    for (size_t k = 0; k < flow.steps[i].questions.size(); ++k) {
      std::string ptr = Child(Child(Child("/steps", i), "questions"), k);
      ForEachQuestion({flow.steps[i].questions[k]}, [&](const Question& q) {
        if (!q.flags.empty())
          r.Error(ptr, "question \"" + q.id + "\" raises flags: a demo flow asks no health screening");
        if (q.type == QuestionType::kConsent && q.required) consent_required = true;
      });
    }
  }
  if (!flow.steps.empty() && !consent_required) {
    r.Error("/steps", "a demo flow needs a required consent question (marketing consent keeps a lead)");
  }
  demo.steps = std::move(flow.steps);
  content.demo = std::move(demo);
}

Content DemoContent(const Content& content) {
  Content demo = content;
  if (!content.demo) return demo;
  demo.steps = content.demo->steps;
  if (!content.demo->attract_title.empty()) {
    demo.app.attract.title = content.demo->attract_title;
    demo.app.attract.subtitle = content.demo->attract_subtitle;
  }
  demo.app.thank_you.title = content.demo->thank_you_title;
  demo.app.thank_you.body = content.demo->thank_you_body;
  demo.app.thank_you.return_s = content.demo->return_s;
  demo.Index();
  return demo;
}

}  // namespace core
