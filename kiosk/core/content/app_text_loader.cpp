// app.json: the clinic name, the fixed screens and every button and message, in every language.
#include "core/content/content_loader.h"

namespace core {

namespace {

// Keys of "ui" every screen relies on.
const char* const kUiKeys[] = {"next",
                               "back",
                               "step_of",
                               "yes",
                               "no",
                               "required",
                               "invalid_email",
                               "invalid_phone",
                               "invalid_number",
                               "number_too_small",
                               "number_too_large",
                               "invalid_date",
                               "too_short",
                               "too_long",
                               "pattern_mismatch",
                               "age_out_of_range",
                               "sign_here",
                               "clear_signature",
                               "signature_required",
                               "flag_message",
                               "submitting",
                               "submit_failed",
                               "day",
                               "month",
                               "year",
                               "date_format",
                               "undo_stroke",
                               "redo_stroke",
                               "larger_text",
                               "high_contrast",
                               "problems_one",
                               "problems_many"};

const Json* Section(const JsonReader& r, const Json& j, const char* key) {
  const Json* s = r.Field(j, "", key, true);
  return s && r.IsObject(*s, Child("", key)) ? s : nullptr;
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
  for (const auto& [key, value] : ui->items()) {
    if (key == "months") continue;
    out.ui[key] = r.LocalText(value, Child("/ui", key));
  }
  for (const char* key : kUiKeys) {
    if (!ui->contains(key)) r.Error("/ui", std::string("missing required \"") + key + "\"");
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
