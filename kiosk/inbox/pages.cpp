// The staff pages: what each page shows, as data for its template (kiosk/inbox/templates/), rendered with
// kainjow::mustache, which HTML-escapes every value. No HTML is put together here. Flags are worded badges
// (STOP / DEFER / REVIEW), never colour alone.
#include "inbox/pages.h"

#include "inbox/local_time.h"
#include "inbox/page_render.h"
#include "inbox/retention.h"
#include "inbox/rules/intake_summary.h"
#include "inbox/rules/staff_rules.h"

namespace inbox {

using Data = kainjow::mustache::data;

namespace {

using core::Json;
using List = kainjow::mustache::list;

Data Badge(const std::string& tier) {
  Data badge;
  badge.set("none", tier.empty());
  badge.set("tier", tier);
  std::string word;
  for (char c : tier) word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  badge.set("word", word);
  return badge;
}

// One answer in the content's words, in the client's language.
Data Answer(const core::Content& content, const core::Question& q, const Json& a, const std::string& lang,
            const std::string& tier) {
  auto option = [&](const Json& v) {
    std::string id = v.is_string() ? v.get<std::string>() : v.dump();
    const core::Option* o = q.FindOption(id);
    return o ? o->label.In(lang) : id;
  };
  Data row;
  row.set("label", q.label.In(lang));
  if (!tier.empty()) row.set("tier", tier);
  if (a.is_array()) {
    row.set("no_choice", a.empty());
    List items;
    for (const auto& v : a) items.push_back(Data(option(v)));
    row.set("choices", !a.empty());
    row.set("items", items);
    return row;
  }
  std::string text;
  if (a.is_boolean()) {
    text = content.app.Ui(a.get<bool>() ? "yes" : "no").In(lang);
  } else if (q.type == core::QuestionType::kSingleChoice) {
    text = option(a);
  } else {
    text = a.is_string() ? a.get<std::string>() : a.dump();
  }
  row.set("empty", text.empty());
  row.set("text", !text.empty());
  row.set("value", text);
  return row;
}

// The most serious tier of the flags a question's answer raised, or "".
std::string FlagTierOf(const Json& intake, const std::string& question_id) {
  std::string tier;
  for (const auto& f : core::JsonMember(intake, "flags")) {
    if (core::JsonString(f, "question_id") == question_id &&
        core::TierRank(core::JsonString(f, "tier")) < core::TierRank(tier))
      tier = core::JsonString(f, "tier");
  }
  return tier;
}

// A question's answer row (and its follow-ups'); an answer that raised a flag is tinted by its tier.
void AnswerRows(const core::Content& content, const core::Question& q, const Json& intake,
                const std::string& lang, List& out) {
  const Json& answers = core::JsonMember(intake, "answers");
  if (q.Answerable() && answers.is_object() && answers.contains(q.id))
    out.push_back(Answer(content, q, answers[q.id], lang, FlagTierOf(intake, q.id)));
  for (const auto& f : q.follow_ups) AnswerRows(content, f, intake, lang, out);
}

List Flags(const core::Content& content, const Json& intake, const std::string& lang) {
  List out;
  for (const auto& f : core::JsonMember(intake, "flags")) {
    Data flag;
    const std::string tier = core::JsonString(f, "tier");
    flag.set("tier", tier);
    flag.set("badge", Badge(tier));
    flag.set("reason", core::JsonString(f, "reason"));
    if (const Json& wait = core::JsonMember(f, "wait_days"); wait.is_number_integer()) {
      Data days;
      days.set("days", std::to_string(wait.get<int>()));
      flag.set("wait", days);
    }
    if (const core::Question* q = content.FindQuestion(core::JsonString(f, "question_id"))) {
      Data from;
      from.set("label", q->label.In(lang));
      flag.set("from", from);
    }
    out.push_back(flag);
  }
  return out;
}

void ConsentsAndSignatures(const core::Content& content, const Json& intake, const std::string& lang,
                           Data& page) {
  List consents, signatures;
  for (const auto& c : core::JsonMember(intake, "consents")) {
    const core::Question* q = content.FindQuestion(core::JsonString(c, "id"));
    Data row;
    row.set("label", q ? q->label.In(lang) : core::JsonString(c, "id"));
    row.set("agreed", core::JsonMember(c, "accepted") == true);
    row.set("version", core::JsonString(c, "version"));
    consents.push_back(row);
  }
  const Json& all = core::JsonMember(intake, "signatures");
  for (const auto& [id, sig] : all.items()) {
    if (!sig.is_object()) continue;
    const core::Question* q = content.FindQuestion(id);
    Data figure;
    figure.set("png", core::JsonString(sig, "png_base64"));
    figure.set("keyed", core::JsonString(sig, "method") == "keyed_confirmation");  // confirmed by keys
    figure.set("statement", core::JsonString(sig, "statement"));
    figure.set("label", q ? q->label.In(lang) : id);
    signatures.push_back(figure);
  }
  page.set("consents", consents);
  page.set("signatures", signatures);
}

List Metadata(const StoredIntake& s, const Json& intake, std::optional<int> retention_days) {
  List rows;
  auto row = [&](const std::string& key, const std::string& value) {
    Data d;
    d.set("key", key);
    d.set("value", value);
    rows.push_back(d);
  };
  const Json& content = core::JsonMember(intake, "content");
  row("Intake id", s.id);
  row("Kiosk", s.kiosk_id);
  row("Started", LocalTime(core::JsonString(intake, "started_at")));
  row("Submitted", LocalTime(s.submitted_at));
  row("Received", LocalTime(s.received_at));
  row("Format", s.format);
  row("Content", core::JsonString(content, "id") + " " + core::JsonString(content, "version"));
  row("Language", core::JsonString(intake, "language"));
  row("Demo", s.demo ? "yes (not a clinic record)" : "no");
  row("Deleted", retention_days ? "after " + LocalTime(DeletedAfter(s.submitted_at, retention_days)) +
                                      " (retention: " + std::to_string(*retention_days) + " days)"
                                : "never (no retention set)");
  return rows;
}

// Every answer of an intake kept apart: the question id and the value as sent.
List RawAnswers(const Json& intake) {
  List out;
  for (const auto& [id, v] : core::JsonMember(intake, "answers").items()) {
    Data row;
    row.set("id", id);
    row.set("value", v.is_string() ? v.get<std::string>() : core::DumpJson(v));
    out.push_back(row);
  }
  return out;
}

std::string Name(const StoredIntake& s) {
  return s.client_name.empty() ? "(no name given)" : s.client_name;
}

}  // namespace

std::string LoginPage(const core::Content& content, const std::string& login_csrf, const std::string& error) {
  Data page;
  if (!error.empty()) {
    Data e;
    e.set("message", error);
    page.set("error", e);
  }
  return RenderPage(PageContext{content, "", login_csrf, std::nullopt}, "login", "Sign in", page);
}

std::string ListPage(const PageContext& ctx, const ListView& view, const std::vector<StoredIntake>& rows) {
  Data page;
  List tabs;
  for (const auto& [key, label] :
       std::vector<std::pair<std::string, std::string>>{{"all", "All"},
                                                        {"today", "Today"},
                                                        {"unreviewed", "Unreviewed"},
                                                        {"flagged", "Flagged"},
                                                        {"apart", "Unknown content"}}) {
    Data tab;
    tab.set("key", key);
    tab.set("label", label);
    tab.set("on", view.view == key);
    tabs.push_back(tab);
  }
  page.set("tabs", tabs);
  page.set("view", view.view);
  page.set("search", view.search);
  page.set("apart", view.view == "apart");
  page.set("retention", ctx.retention_days.has_value());
  List list;
  for (const auto& r : rows) {
    const bool urgent = r.top_tier == "stop" || r.top_tier == "defer";
    Data row;
    row.set("row_class",
            std::string(r.reviewed_at.empty() ? "new" : "done") + (urgent ? " urgent " + r.top_tier : ""));
    row.set("badge", Badge(r.top_tier));
    row.set("many_flags", r.flag_count > 1);
    row.set("flag_count", std::to_string(r.flag_count));
    row.set("id", r.id);
    row.set("name", Name(r));
    row.set("demo", r.demo);
    row.set("submitted", LocalTime(r.submitted_at));
    row.set("kiosk", r.kiosk_id);
    row.set("reviewed", !r.reviewed_at.empty());
    row.set("reviewed_by", r.reviewed_by);
    row.set("deleted_after", LocalTime(DeletedAfter(r.submitted_at, ctx.retention_days)));
    list.push_back(row);
  }
  page.set("any_rows", !rows.empty());
  page.set("rows", list);
  page.set("export_from", view.export_from);
  page.set("export_to", view.export_to);
  return RenderPage(ctx, "list", "Intakes", page);
}

std::string IntakePage(const PageContext& ctx, const StoredIntake& s) {
  const Json& intake = s.intake;
  std::string lang = core::JsonString(intake, "language");
  if (!ctx.content.HasLanguage(lang)) lang = ctx.content.default_language;
  Data page;
  page.set("name", Name(s));
  page.set("badge", Badge(s.top_tier));
  page.set("demo", s.demo);
  page.set("id", s.id);
  page.set("reviewed", !s.reviewed_at.empty());
  page.set("reviewed_by", s.reviewed_by);
  page.set("reviewed_at", LocalTime(s.reviewed_at));
  List flags = Flags(ctx.content, intake, lang);
  page.set("any_flags", !flags.empty());
  page.set("flags", flags);
  page.set("apart", !s.known_content);
  if (!s.known_content) {
    page.set("raw_answers", RawAnswers(intake));
  } else {
    List steps;
    for (const auto& step : ctx.content.steps) {
      List answers;
      for (const auto& q : step.questions) AnswerRows(ctx.content, q, intake, lang, answers);
      if (answers.empty()) continue;
      Data section;
      section.set("title", step.title.In(lang));
      section.set("answers", answers);
      steps.push_back(section);
    }
    page.set("steps", steps);
    ConsentsAndSignatures(ctx.content, intake, lang, page);
  }
  page.set("metadata", Metadata(s, intake, ctx.retention_days));
  return RenderPage(ctx, "intake", Name(s), page);
}

std::string AuditPage(const PageContext& ctx, const std::vector<AuditEntry>& entries) {
  Data page;
  List rows;
  for (const auto& e : entries) {
    Data row;
    row.set("when", LocalTime(e.at));
    row.set("user", e.user);
    row.set("action", e.action);
    row.set("ids", e.intake_ids);
    rows.push_back(row);
  }
  page.set("entries", rows);
  return RenderPage(ctx, "audit", "Audit log", page);
}

std::string MessagePage(const PageContext& ctx, const std::string& title, const std::string& message) {
  Data page;
  page.set("message", message);
  return RenderPage(ctx, "message", title, page);
}

}  // namespace inbox
