// HTML for the staff pages. Layout: a top bar (clinic, user, log out), then the page. Flags are shown as
// coloured badges with words (STOP / DEFER / REVIEW), never colour alone.
#include "inbox/pages.h"

#include "inbox/local_time.h"
#include "inbox/retention.h"
#include "inbox/rules/intake_summary.h"
#include "inbox/rules/staff_rules.h"

namespace inbox {
namespace {

using core::HtmlEscape;
using core::Json;

std::string CsrfField(const std::string& csrf) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + HtmlEscape(csrf) + "\">";
}

std::string Layout(const core::Content& content, const std::string& title, const std::string& user,
                   const std::string& csrf, const std::string& body) {
  std::string clinic = HtmlEscape(content.app.clinic_name.empty() ? content.id : content.app.clinic_name);
  std::string html =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>" +
      HtmlEscape(title) + " · " + clinic +
      "</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>"
      "<header class=\"bar\"><a class=\"brand\" href=\"/\">" +
      clinic + " <span>Intake inbox</span></a>";
  if (!user.empty()) {
    html +=
        "<nav><a href=\"/\">Intakes</a><a href=\"/audit\">Audit log</a><span class=\"who\">" +
        HtmlEscape(user) + "</span><form method=\"post\" action=\"/logout\">" + CsrfField(csrf) +
        "<button class=\"link\">Log out</button></form><form method=\"post\" action=\"/logout-everywhere\">" +
        CsrfField(csrf) + "<button class=\"link\">Log out everywhere</button></form></nav>";
  }
  return html + "</header><main>" + body + "</main></body></html>\n";
}

std::string TierBadge(const std::string& tier) {
  if (tier.empty()) return "<span class=\"badge none\">No flags</span>";
  std::string upper;
  for (char c : tier) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "<span class=\"badge " + HtmlEscape(tier) + "\">" + HtmlEscape(upper) + "</span>";
}

// One answer in the content's words, in the client's language.
std::string AnswerText(const core::Content& content, const core::Question& q, const Json& a,
                       const std::string& lang) {
  auto option = [&](const Json& v) {
    std::string id = v.is_string() ? v.get<std::string>() : v.dump();
    const core::Option* o = q.FindOption(id);
    return HtmlEscape(o ? o->label.In(lang) : id);
  };
  if (a.is_boolean()) return HtmlEscape(content.app.Ui(a.get<bool>() ? "yes" : "no").In(lang));
  if (a.is_array()) {
    if (a.empty()) return "<span class=\"muted\">(none)</span>";
    std::string out = "<ul class=\"choices\">";
    for (const auto& v : a) out += "<li>" + option(v) + "</li>";
    return out + "</ul>";
  }
  if (q.type == core::QuestionType::kSingleChoice) return option(a);
  std::string text = a.is_string() ? a.get<std::string>() : a.dump();
  return text.empty() ? "<span class=\"muted\">(left empty)</span>" : HtmlEscape(text);
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
                const std::string& lang, std::string& out) {
  const Json& answers = core::JsonMember(intake, "answers");
  if (q.Answerable() && answers.is_object() && answers.contains(q.id)) {
    const std::string tier = FlagTierOf(intake, q.id);
    out += "<div class=\"qa" + (tier.empty() ? std::string() : " flagged " + HtmlEscape(tier)) + "\"><dt>" +
           HtmlEscape(q.label.In(lang)) + "</dt><dd>" + AnswerText(content, q, answers[q.id], lang) +
           "</dd></div>";
  }
  for (const auto& f : q.follow_ups) AnswerRows(content, f, intake, lang, out);
}

std::string FlagsBlock(const core::Content& content, const Json& intake, const std::string& lang) {
  const Json& flags = core::JsonMember(intake, "flags");
  if (!flags.is_array() || flags.empty())
    return "<section class=\"flags clear\"><h2>Screening</h2><p>No flags raised.</p></section>";
  std::string out = "<section class=\"flags\"><h2>Flags for the practitioner</h2><ul>";
  for (const auto& f : flags) {
    const core::Question* q = content.FindQuestion(core::JsonString(f, "question_id"));
    out += "<li class=\"flag " + HtmlEscape(core::JsonString(f, "tier")) + "\">" +
           TierBadge(core::JsonString(f, "tier")) + "<div><strong>" +
           HtmlEscape(core::JsonString(f, "reason")) + "</strong>";
    if (const Json& wait = core::JsonMember(f, "wait_days"); wait.is_number_integer())
      out += "<span class=\"wait\">Wait " + std::to_string(wait.get<int>()) + " days before treating</span>";
    if (q) out += "<span class=\"from\">From: " + HtmlEscape(q->label.In(lang)) + "</span>";
    out += "</div></li>";
  }
  return out + "</ul></section>";
}

std::string ConsentsAndSignatures(const core::Content& content, const Json& intake, const std::string& lang) {
  std::string out =
      "<section><h2>Consent</h2><table class=\"consents\"><thead><tr><th>Consent</th>"
      "<th>Agreed</th><th>Text version</th></tr></thead><tbody>";
  for (const auto& c : core::JsonMember(intake, "consents")) {
    const core::Question* q = content.FindQuestion(core::JsonString(c, "id"));
    const bool yes = core::JsonMember(c, "accepted") == true;
    out += "<tr><td>" + HtmlEscape(q ? q->label.In(lang) : core::JsonString(c, "id")) + "</td><td class=\"" +
           (yes ? "yes\">Yes" : "no\">No") + "</td><td>" + HtmlEscape(core::JsonString(c, "version")) +
           "</td></tr>";
  }
  out += "</tbody></table><div class=\"signatures\">";
  const Json& signatures = core::JsonMember(intake, "signatures");
  if (!signatures.is_object()) return out + "</div></section>";
  for (const auto& [id, sig] : signatures.items()) {
    const core::Question* q = content.FindQuestion(id);
    std::string png = core::JsonString(sig, "png_base64");
    out += "<figure><img alt=\"Signature\" src=\"data:image/png;base64," + HtmlEscape(png) +
           "\"><figcaption>" + HtmlEscape(q ? q->label.In(lang) : id) + "</figcaption></figure>";
  }
  return out + "</div></section>";
}

std::string Metadata(const StoredIntake& s, const Json& intake, std::optional<int> retention_days) {
  auto row = [](const std::string& k, const std::string& v) {
    return "<div class=\"qa\"><dt>" + k + "</dt><dd>" + HtmlEscape(v) + "</dd></div>";
  };
  const Json& content = core::JsonMember(intake, "content");
  return "<section class=\"meta\"><h2>Delivery</h2><dl>" + row("Intake id", s.id) + row("Kiosk", s.kiosk_id) +
         row("Started", LocalTime(core::JsonString(intake, "started_at"))) +
         row("Submitted", LocalTime(s.submitted_at)) + row("Received", LocalTime(s.received_at)) +
         row("Format", s.format) +
         row("Content", core::JsonString(content, "id") + " " + core::JsonString(content, "version")) +
         row("Language", core::JsonString(intake, "language")) +
         row("Demo", s.demo ? "yes (not a clinic record)" : "no") +
         row("Deleted", retention_days ? "after " + LocalTime(DeletedAfter(s.submitted_at, retention_days)) +
                                             " (retention: " + std::to_string(*retention_days) + " days)"
                                       : "never (no retention set)") +
         "</dl></section>";
}

// Every answer of an intake kept apart: the question id and the value as sent.
std::string RawAnswers(const Json& intake) {
  std::string out;
  for (const auto& [id, v] : core::JsonMember(intake, "answers").items()) {
    out += "<div class=\"qa\"><dt>" + HtmlEscape(id) + "</dt><dd>" +
           HtmlEscape(v.is_string() ? v.get<std::string>() : core::DumpJson(v)) + "</dd></div>";
  }
  return out;
}

std::string Name(const StoredIntake& s) {
  return s.client_name.empty() ? "(no name given)" : s.client_name;
}

}  // namespace

std::string LoginPage(const core::Content& content, const std::string& login_csrf, const std::string& error) {
  std::string body = "<section class=\"login\"><h1>Staff sign in</h1>";
  if (!error.empty()) body += "<p class=\"error\" role=\"alert\">" + HtmlEscape(error) + "</p>";
  body += "<form method=\"post\" action=\"/login\">" + CsrfField(login_csrf) +
          "<label>Name<input name=\"user\" autocomplete=\"username\" required autofocus></label>"
          "<label>Password<input name=\"password\" type=\"password\" autocomplete=\"current-password\" "
          "required></label><button class=\"primary\">Sign in</button></form></section>";
  return Layout(content, "Sign in", "", "", body);
}

std::string ListPage(const PageContext& ctx, const ListView& view, const std::vector<StoredIntake>& rows) {
  std::string body = "<div class=\"toolbar\"><nav class=\"tabs\">";
  for (const auto& [key, label] :
       std::vector<std::pair<std::string, std::string>>{{"all", "All"},
                                                        {"today", "Today"},
                                                        {"unreviewed", "Unreviewed"},
                                                        {"flagged", "Flagged"},
                                                        {"apart", "Unknown content"}}) {
    body += "<a href=\"/?view=" + key + "\"" +
            (view.view == key ? " class=\"on\" aria-current=\"page\"" : "") + ">" + label + "</a>";
  }
  body +=
      "</nav><form class=\"search\" method=\"get\" action=\"/\"><input type=\"hidden\" name=\"view\" "
      "value=\"" +
      HtmlEscape(view.view) + "\"><input type=\"search\" name=\"q\" placeholder=\"Search by name\" value=\"" +
      HtmlEscape(view.search) + "\"><button>Search</button></form></div>";
  if (view.view == "apart") {
    body +=
        "<p class=\"note\">Intakes made with a content version this inbox does not know are kept here, apart "
        "from the others and out of exports, their answers shown as sent. Add that version's folder to "
        "<code>earlier_content_dirs</code> in inbox.json to have the next ones checked and listed.</p>";
  }
  if (rows.empty()) {
    body += "<p class=\"empty\">No intakes here.</p>";
  } else {
    body +=
        "<table class=\"list\"><thead><tr><th>Flags</th><th>Client</th><th>Submitted</th><th>Kiosk</th>"
        "<th>Review</th>" +
        std::string(ctx.retention_days ? "<th>Deleted after</th>" : "") + "</tr></thead><tbody>";
    for (const auto& r : rows) {
      const bool urgent = r.top_tier == "stop" || r.top_tier == "defer";
      std::string cls =
          std::string(r.reviewed_at.empty() ? "new" : "done") + (urgent ? " urgent " + r.top_tier : "");
      std::string flags = TierBadge(r.top_tier);
      if (r.flag_count > 1)
        flags += "<span class=\"count\">" + std::to_string(r.flag_count) + " flags</span>";
      body +=
          "<tr class=\"" + cls + "\"><td>" + flags + "</td><td><a href=\"/intakes/" + HtmlEscape(r.id) +
          "\">" + HtmlEscape(Name(r)) + "</a>" + (r.demo ? " <span class=\"badge demo\">DEMO</span>" : "") +
          "</td><td>" + HtmlEscape(LocalTime(r.submitted_at)) + "</td><td>" + HtmlEscape(r.kiosk_id) +
          "</td><td>" +
          (r.reviewed_at.empty() ? "<span class=\"badge unreviewed\">NEW</span>"
                                 : "Reviewed by " + HtmlEscape(r.reviewed_by)) +
          "</td>" +
          (ctx.retention_days
               ? "<td>" + HtmlEscape(LocalTime(DeletedAfter(r.submitted_at, ctx.retention_days))) + "</td>"
               : "") +
          "</tr>";
    }
    body += "</tbody></table>";
  }
  body += "<form class=\"export\" method=\"post\" action=\"/export\">" + CsrfField(ctx.csrf) +
          "<h2>Export</h2><label>From<input type=\"date\" name=\"from\" required value=\"" +
          HtmlEscape(view.export_from) +
          "\"></label><label>To<input type=\"date\" name=\"to\" required value=\"" +
          HtmlEscape(view.export_to) +
          "\"></label><button name=\"format\" value=\"csv\">CSV</button>"
          "<button name=\"format\" value=\"json\">JSON</button></form>";
  return Layout(ctx.content, "Intakes", ctx.user, ctx.csrf, body);
}

std::string IntakePage(const PageContext& ctx, const StoredIntake& s) {
  const Json& intake = s.intake;
  std::string lang = core::JsonString(intake, "language");
  if (!ctx.content.HasLanguage(lang)) lang = ctx.content.default_language;
  std::string body = "<p class=\"back\"><a href=\"/\">&larr; All intakes</a></p><div class=\"title\"><h1>" +
                     HtmlEscape(Name(s)) + "</h1>" + TierBadge(s.top_tier) +
                     (s.demo ? "<span class=\"badge demo\">DEMO</span>" : "") + "</div>";
  body += "<div class=\"review-status\">";
  if (s.reviewed_at.empty()) {
    body +=
        "<span class=\"badge unreviewed\">NEW</span><span>Not reviewed yet</span><form method=\"post\" "
        "action=\"/intakes/" +
        HtmlEscape(s.id) + "/reviewed\">" + CsrfField(ctx.csrf) +
        "<button class=\"primary\">Mark reviewed</button></form>";
  } else {
    body += "<span class=\"done\">&#10003; Reviewed by <strong>" + HtmlEscape(s.reviewed_by) +
            "</strong> on " + HtmlEscape(LocalTime(s.reviewed_at)) + "</span>";
  }
  body += "</div>" + FlagsBlock(ctx.content, intake, lang);
  if (!s.known_content) {
    body +=
        "<section class=\"apart\"><h2>Answers as sent</h2><p class=\"note\">This intake names a content "
        "version this inbox does not know, so its answers could not be checked or worded: question ids "
        "and values as the kiosk sent them.</p><dl>" +
        RawAnswers(intake) + "</dl></section>";
    return Layout(ctx.content, Name(s), ctx.user, ctx.csrf, body + Metadata(s, intake, ctx.retention_days));
  }
  for (const auto& step : ctx.content.steps) {
    std::string rows;
    for (const auto& q : step.questions) AnswerRows(ctx.content, q, intake, lang, rows);
    if (!rows.empty())
      body += "<section><h2>" + HtmlEscape(step.title.In(lang)) + "</h2><dl>" + rows + "</dl></section>";
  }
  body += ConsentsAndSignatures(ctx.content, intake, lang) + Metadata(s, intake, ctx.retention_days);
  return Layout(ctx.content, Name(s), ctx.user, ctx.csrf, body);
}

std::string AuditPage(const PageContext& ctx, const std::vector<AuditEntry>& entries) {
  std::string body =
      "<h1>Audit log</h1><table class=\"list audit\"><thead><tr><th>When</th><th>Who</th>"
      "<th>What</th><th>Intake ids</th></tr></thead><tbody>";
  for (const auto& e : entries) {
    body += "<tr><td>" + HtmlEscape(LocalTime(e.at)) + "</td><td>" + HtmlEscape(e.user) + "</td><td>" +
            HtmlEscape(e.action) + "</td><td class=\"ids\">" + HtmlEscape(e.intake_ids) + "</td></tr>";
  }
  return Layout(ctx.content, "Audit log", ctx.user, ctx.csrf, body + "</tbody></table>");
}

std::string MessagePage(const PageContext& ctx, const std::string& title, const std::string& message) {
  return Layout(ctx.content, title, ctx.user, ctx.csrf,
                "<section class=\"message\"><h1>" + HtmlEscape(title) + "</h1><p>" + HtmlEscape(message) +
                    "</p><p><a href=\"/\">Back to the intakes</a></p></section>");
}

}  // namespace inbox
