// Filling the privacy notice's placeholders from the config (see privacy_text.h).
#include "core/content/privacy_text.h"

#include <string_view>

namespace core {

PrivacyFacts PrivacyFactsOf(const Config& config) {
  PrivacyFacts f;
  f.delivery_configured = config.delivery.configured();
  f.delivered_days = config.retention_delivered_days;
  f.today_list_hours = config.staff.today_list_hours;
  f.clinic_days = config.retention_clinic_days;
  f.lead_days = config.retention_lead_days;
  return f;
}

namespace {

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

struct Filler {
  const Content& content;
  const PrivacyFacts& facts;
  Problems& problems;

  // {delivery} and {clinic_retention}: one of two ui texts, in the text's language.
  void Choose(std::string& s, const std::string& language, const std::string& file, const std::string& ptr,
              std::string_view placeholder, const std::string& key) {
    for (size_t at = s.find(placeholder); at != std::string::npos; at = s.find(placeholder, at)) {
      auto it = content.app.ui.find(key);
      if (it == content.app.ui.end() || !it->second.by_language.count(language)) {
        problems.push_back(
            {file, ptr,
             "uses " + std::string(placeholder) + " but app.json has no /ui/" + key + "/" + language});
        return;
      }
      const std::string& with = it->second.by_language.find(language)->second;
      s.replace(at, placeholder.size(), with);
      at += with.size();
    }
  }

  std::optional<int> Period(const std::string& name) const {
    if (name == "delivered_days" && facts.delivered_days > 0) return facts.delivered_days;
    if (name == "today_list_hours") return facts.today_list_hours;
    if (name == "clinic_days") return facts.clinic_days;
    if (name == "lead_days") return facts.lead_days;
    return std::nullopt;
  }

  void Periods(std::string& s, const std::string& file, const std::string& ptr) {
    for (size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
      size_t close = s.find('}', open);
      if (close == std::string::npos) return;
      std::string name = s.substr(open + 1, close - open - 1);
      if (!EndsWith(name, "_days") && !EndsWith(name, "_hours")) continue;
      std::optional<int> value = Period(name);
      if (!value) {
        const char* why = name == "clinic_days"
                              ? ": set retention.clinic_days in the kiosk config to how long "
                                "the clinic's system keeps an intake"
                          : name == "delivered_days"
                              ? ": retention.delivered_days is 0, so delivered answers are never deleted"
                              : ": no such period in the kiosk config";
        problems.push_back({file, ptr, "promises a period the config does not have, {" + name + "}" + why});
        continue;
      }
      s.replace(open, close - open + 1, std::to_string(*value));
    }
  }

  void Fill(Text& text, const std::string& file, const std::string& ptr) {
    for (auto& [language, s] : text.by_language) {
      std::string at = ptr + "/" + language;
      Choose(s, language, file, at, "{delivery}",
             facts.delivery_configured ? "privacy_sent" : "privacy_not_sent");
      Choose(s, language, file, at, "{clinic_retention}",
             facts.clinic_days ? "privacy_clinic_days" : "privacy_clinic_days_unset");
      Periods(s, file, at);
    }
  }

  void Questions(std::vector<Question>& list, const std::string& file, const std::string& ptr) {
    for (size_t i = 0; i < list.size(); ++i) {
      std::string at = ptr + "/" + std::to_string(i);
      Fill(list[i].label, file, at + "/label");
      Fill(list[i].help, file, at + "/help");
      Fill(list[i].body, file, at + "/body");
      Questions(list[i].follow_ups, file, at + "/follow_ups");
    }
  }

  void Steps(std::vector<Step>& steps, const std::string& file) {
    for (size_t i = 0; i < steps.size(); ++i) {
      std::string at = "/steps/" + std::to_string(i);
      Fill(steps[i].intro, file, at + "/intro");
      Questions(steps[i].questions, file, at + "/questions");
    }
  }
};

}  // namespace

Problems FillPrivacy(Content& content, const PrivacyFacts& facts) {
  Problems problems;
  Filler filler{content, facts, problems};
  filler.Steps(content.steps, "questionnaire.json");
  if (content.demo) filler.Steps(content.demo->steps, "demo.json");
  return problems;
}

}  // namespace core
