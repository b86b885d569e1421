// app.json: the clinic name, the fixed screens and every button and message, in every language.
#include "core/content/content_loader.h"

#include "core/content/ui_keys.h"

#include <algorithm>

namespace core {

namespace {

const Json* Section(const JsonReader& r, const Json& j, const char* key) {
  const Json* s = r.Field(j, "", key, true);
  return s && r.IsObject(*s, Child("", key)) ? s : nullptr;
}

// ui.day_forms: {"fr": {"1": "1er"}}: by declared language, days 1 to 31, each a non-empty string.
void ParseDayForms(const Json& forms, const JsonReader& r, AppText& out) {
  const std::string p = "/ui/day_forms";
  if (!r.IsObject(forms, p)) return;
  const auto& langs = r.languages();
  for (const auto& [lang, days] : forms.items()) {
    const std::string lp = Child(p, lang);
    if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
      r.Error(lp, "language \"" + lang + "\" is not declared in manifest.json");
      continue;
    }
    if (!r.IsObject(days, lp)) continue;
    for (const auto& [day, form] : days.items()) {
      const std::string dp = Child(lp, day);
      int n = 0;
      bool number = !day.empty() && day.size() <= 2 &&
                    std::all_of(day.begin(), day.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (number) n = std::stoi(day);
      if (!number || n < 1 || n > 31 || day[0] == '0') {
        r.Error(dp, "must be a day of the month, 1 to 31, found \"" + day + "\"");
      } else if (!form.is_string() || form.get<std::string>().empty()) {
        r.Error(dp, "must be a non-empty string, e.g. \"1er\"");
      } else {
        out.day_forms[lang][n] = form.get<std::string>();
      }
    }
  }
}

}  // namespace

void ParseAppText(const Json& j, const JsonReader& r, AppText& out) {
  if (!r.IsObject(j, "")) return;
  r.AllowOnly(j, "", {"$comment", "clinic_name", "attract", "language", "review", "thank_you", "idle", "ui"});
  out.clinic_name = r.String(j, "", "clinic_name", true);
  if (const Json* a = Section(r, j, "attract")) {
    const std::string p = "/attract";
    r.AllowOnly(*a, p, {"title", "subtitle", "tap_to_start", "highlights", "rotate_s"});
    out.attract.title = r.LocalText(*a, p, "title", true);
    out.attract.subtitle = r.LocalText(*a, p, "subtitle", false);
    out.attract.tap_to_start = r.LocalText(*a, p, "tap_to_start", true);
    if (auto v = r.Int(*a, p, "rotate_s", false, 2, 120)) out.attract.rotate_s = *v;
    if (const Json* h = r.Field(*a, p, "highlights", false); h && r.IsArray(*h, p + "/highlights")) {
      for (size_t i = 0; i < h->size(); ++i)
        out.attract.highlights.push_back(r.LocalText((*h)[i], Child(p + "/highlights", i)));
    }
  }
  if (const Json* l = Section(r, j, "language")) {
    r.AllowOnly(*l, "/language", {"title"});
    out.language.title = r.LocalText(*l, "/language", "title", true);
  }
  if (const Json* v = Section(r, j, "review")) {
    const std::string p = "/review";
    r.AllowOnly(*v, p, {"title", "intro", "edit", "not_answered", "submit"});
    out.review.title = r.LocalText(*v, p, "title", true);
    out.review.intro = r.LocalText(*v, p, "intro", false);
    out.review.edit = r.LocalText(*v, p, "edit", true);
    out.review.not_answered = r.LocalText(*v, p, "not_answered", true);
    out.review.submit = r.LocalText(*v, p, "submit", true);
  }
  if (const Json* t = Section(r, j, "thank_you")) {
    const std::string p = "/thank_you";
    r.AllowOnly(*t, p, {"title", "body", "return_s"});
    out.thank_you.title = r.LocalText(*t, p, "title", true);
    out.thank_you.body = r.LocalText(*t, p, "body", true);
    if (auto v = r.Int(*t, p, "return_s", false, 3, 120)) out.thank_you.return_s = *v;
  }
  if (const Json* i = Section(r, j, "idle")) {
    const std::string p = "/idle";
    r.AllowOnly(*i, p, {"title", "body", "continue", "start_over"});
    out.idle.title = r.LocalText(*i, p, "title", true);
    out.idle.body = r.LocalText(*i, p, "body", true);
    out.idle.continue_ = r.LocalText(*i, p, "continue", true);
    out.idle.start_over = r.LocalText(*i, p, "start_over", true);
  }
  const Json* ui = Section(r, j, "ui");
  if (!ui) return;
  const auto& known = UiKeys();
  const auto& optional = OptionalUiKeys();
  for (const auto& [key, value] : ui->items()) {
    if (key == "months") continue;
    if (key == "day_forms") {
      ParseDayForms(value, r, out);
      continue;
    }
    if (std::find(known.begin(), known.end(), key) == known.end() &&
        std::find(optional.begin(), optional.end(), key) == optional.end()) {
      r.Error(Child("/ui", key), "unknown key \"" + key + "\": the kiosk never shows it (misspelt?)");
      continue;
    }
    out.ui[key] = r.LocalText(value, Child("/ui", key));
  }
  for (std::string_view key : UiKeys()) {
    if (!ui->contains(key)) r.Error("/ui", "missing required \"" + std::string(key) + "\"");
  }
  const Json* months = r.Field(*ui, "/ui", "months", true);
  if (months && r.IsArray(*months, "/ui/months")) {
    if (months->size() != 12)
      r.Error("/ui/months", "must list 12 month names, found " + std::to_string(months->size()));
    for (size_t i = 0; i < months->size(); ++i)
      out.months.push_back(r.LocalText((*months)[i], Child("/ui/months", i)));
  }
}

}  // namespace core
