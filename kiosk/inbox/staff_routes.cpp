// The staff pages' routes: sign in and out, the list, one intake, mark reviewed, export, the audit log, the
// Kiosks page.
// A page needs a live session (else: to /login); a POST also needs the session's CSRF token (else: 403).
#include <optional>
#include <variant>

#include "core/base/csv.h"
#include "inbox/fleet_page.h"
#include "inbox/local_time.h"
#include "inbox/pages.h"
#include "inbox/passwords.h"
#include "inbox/routes.h"
#include "inbox/rules/intake_summary.h"
#include "inbox/rules/staff_rules.h"

namespace inbox {
namespace {

constexpr const char* kSessionCookie = "__Host-inbox_session";
constexpr const char* kLoginCookie = "__Host-inbox_login";
// A browser that signed in as a name before: exempt from that name's per-name and overall limits.
constexpr const char* kDeviceCookie = "__Host-inbox_device";
constexpr long kDeviceCookieSeconds = 90L * 24 * 3600;

// An Argon2id hash of a random password, checked for names that do not exist so that an unknown name takes
// as long to refuse as a wrong password.
const std::string& DummyHash() {
  static const std::string hash = [] {
    auto made = HashPassword(RandomToken());
    return made ? *made : std::string();
  }();
  return hash;
}

std::string Cookie(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t at = 0;
  while (at < header.size()) {
    size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(at, end - at);
    part.erase(0, part.find_first_not_of(' '));
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}

void SetCookie(httplib::Response& res, const std::string& name, const std::string& value, long max_age) {
  res.set_header("Set-Cookie", name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" +
                                   std::to_string(max_age));
}

void Html(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_content(html, "text/html; charset=utf-8");
}

// A field of a urlencoded form body; never the query string, where a token would leak into logs and
// Referer headers.
std::string FormField(const httplib::Request& req, const std::string& name) {
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) return {};
  httplib::Params fields;
  httplib::detail::parse_query_text(req.body, fields);
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

void Redirect(httplib::Response& res, const std::string& to) {
  res.status = 303;
  res.set_header("Location", to);
}

}  // namespace

std::optional<Session> RequireStaff(InboxApp& app, const httplib::Request& req, httplib::Response& res,
                                    const std::string* csrf) {
  auto found = app.staff().FindSession(Cookie(req, kSessionCookie), app.clock().Now());
  if (!found || !*found) {
    Redirect(res, "/login");
    return std::nullopt;
  }
  if (csrf && !SameToken(*csrf, (*found)->csrf)) {
    PageContext ctx{app.content(), (*found)->user, (*found)->csrf, app.config().retention_days,
                    (*found)->publisher};
    Html(res, 403,
         MessagePage(ctx, "Form expired",
                     "This form was not accepted. Go back, reload the page and try again."));
    return std::nullopt;
  }
  // The cookie slides with the session: its Max-Age starts again at every request.
  SetCookie(res, kSessionCookie, Cookie(req, kSessionCookie), app.config().session_minutes * 60L);
  return **found;
}

namespace {

class StaffRoutes {
 public:
  explicit StaffRoutes(InboxApp& app) : app_(app) {}

  // The request's session, or nullopt after answering (redirect to sign in, or 403 for a bad CSRF token).
  std::optional<Session> Require(const httplib::Request& req, httplib::Response& res, bool post) {
    const std::string csrf = post ? FormField(req, "csrf") : std::string();
    return RequireStaff(app_, req, res, post ? &csrf : nullptr);
  }

  PageContext Ctx(const Session& s) const {
    return PageContext{app_.content(), s.user, s.csrf, app_.config().retention_days, s.publisher};
  }

  void LoginForm(httplib::Response& res, int status, const std::string& error) {
    const std::string token = RandomToken();
    SetCookie(res, kLoginCookie, token, 3600);
    Html(res, status, LoginPage(app_.content(), token, error));
  }

  // Behind nginx (the unix socket) the client is nginx's X-Real-IP; serving HTTPS itself, the peer.
  std::string ClientAddress(const httplib::Request& req) const {
    if (!app_.config().unix_socket.empty()) return req.get_header_value("X-Real-IP");
    return req.remote_addr;
  }

  void Login(const httplib::Request& req, httplib::Response& res) {
    const std::string user = FormField(req, "user"), password = FormField(req, "password");
    if (!SameToken(FormField(req, "csrf"), Cookie(req, kLoginCookie)))
      return LoginForm(res, 403, "The sign-in form expired. Please try again.");
    const core::TimePoint now = app_.clock().Now();
    const std::string device = Cookie(req, kDeviceCookie);
    auto begun = app_.staff().BeginSignIn(user, ClientAddress(req), device, now);
    if (!begun) return LoginForm(res, 503, "The inbox cannot check sign-ins right now.");
    if (const auto* locked = std::get_if<core::SignInLock>(&*begun)) {
      const auto minutes = std::chrono::ceil<std::chrono::minutes>(locked->until - now).count();
      return LoginForm(
          res, 429,
          (locked->why == "address" || locked->why == "device"
               ? "Too many failed sign-ins from this browser. Try again in "
               : "Too many failed sign-ins. Try again from a browser you signed in with before, or in ") +
              std::to_string(minutes) + " minutes.");
    }
    // The same Argon2id work whether the name exists or not.
    auto hash = app_.staff().PasswordHash(user);
    const bool known = hash && *hash;
    const bool matches = PasswordMatches(password, known ? **hash : DummyHash());
    if (!known || !matches) return LoginForm(res, 401, "Name or password is not right.");
    auto remembered = app_.staff().SignInSucceeded(std::get<std::int64_t>(*begun), user, device, now);
    auto session = app_.staff().StartSession(user, now);
    if (!session || !remembered) return LoginForm(res, 503, "The inbox cannot start a session right now.");
    SetCookie(res, kSessionCookie, session->token, app_.config().session_minutes * 60L);
    SetCookie(res, kDeviceCookie, *remembered, kDeviceCookieSeconds);
    SetCookie(res, kLoginCookie, "", 0);
    Redirect(res, "/");
  }

  // "Log out everywhere": every session of this user ends, this one included.
  void LogoutEverywhere(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, true);
    if (!s) return;
    (void)app_.staff().EndSessionsOf(s->user, false);
    (void)app_.staff().Audit(s->user, "log out everywhere", {}, app_.clock().Now());
    SetCookie(res, kSessionCookie, "", 0);
    Redirect(res, "/login");
  }

  void List(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, false);
    if (!s) return;
    ListView view{
        req.has_param("view") ? req.get_param_value("view") : "all", req.get_param_value("q"), {}, {}};
    const core::Date today = app_.clock().Today();
    view.export_from = view.export_to = today.ToString();
    ListFilter filter;
    filter.name_contains = view.search;
    if (view.view == "today") {
      filter.submitted_from = LocalDayStart(today);
      filter.submitted_to = LocalDayStart(NextDay(today));
    } else if (view.view == "unreviewed") {
      filter.unreviewed_only = true;
    } else if (view.view == "flagged") {
      filter.flagged_only = true;
    } else if (view.view == "apart") {
      filter.apart = true;
    } else {
      view.view = "all";
    }
    auto rows = app_.intakes().List(filter);
    if (!rows)
      return Html(res, 503, MessagePage(Ctx(*s), "Unavailable", "The intakes cannot be read right now."));
    Html(res, 200, ListPage(Ctx(*s), view, *rows));
  }

  void Intake(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, false);
    if (!s) return;
    const std::string id = req.matches[1];
    auto found = app_.intakes().Get(id);
    if (!found || !*found)
      return Html(res, 404, MessagePage(Ctx(*s), "Not found", "There is no such intake."));
    (void)app_.staff().Audit(s->user, "view", {id}, app_.clock().Now());
    // Worded with the content version it was answered with (an earlier one, maybe).
    const core::Json& claimed = core::JsonMember((*found)->intake, "content");
    const core::Content* content = app_.contents().Find(core::JsonString(claimed, "id"),
                                                        core::JsonString(claimed, "version"), (*found)->demo);
    PageContext ctx{content ? *content : app_.content(), s->user, s->csrf, app_.config().retention_days,
                    s->publisher};
    Html(res, 200, IntakePage(ctx, **found));
  }

  void Reviewed(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, true);
    if (!s) return;
    const std::string id = req.matches[1];
    auto marked = app_.intakes().MarkReviewed(id, s->user, app_.clock().Now());
    if (!marked || !*marked)
      return Html(res, 404, MessagePage(Ctx(*s), "Not found", "There is no such intake."));
    (void)app_.staff().Audit(s->user, "mark reviewed", {id}, app_.clock().Now());
    Redirect(res, "/intakes/" + id);
  }

  void Export(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, true);
    if (!s) return;
    auto from = core::ParseDate(req.get_param_value("from")), to = core::ParseDate(req.get_param_value("to"));
    const std::string format = req.get_param_value("format");
    if (!from || !to || *to < *from || (format != "csv" && format != "json"))
      return Html(
          res, 400,
          MessagePage(Ctx(*s), "Export", "Choose a start and an end date, the end not before the start."));
    auto rows = app_.intakes().Range(LocalDayStart(*from), LocalDayStart(NextDay(*to)));
    if (!rows) return Html(res, 503, MessagePage(Ctx(*s), "Export", "The intakes cannot be read right now."));
    std::vector<std::string> ids;
    for (const auto& r : *rows) ids.push_back(r.id);
    (void)app_.staff().Audit(s->user, "export " + format, ids, app_.clock().Now());
    const std::string name = "intakes-" + from->ToString() + "-to-" + to->ToString() + "." + format;
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    if (format == "csv") {
      res.set_content(Csv(*rows), "text/csv; charset=utf-8");
    } else {
      core::Json out = core::Json::array();
      for (const auto& r : *rows) {
        out.push_back({{"intake", r.intake},
                       {"format", r.format},
                       {"received_at", r.received_at},
                       {"reviewed_by", r.reviewed_by},
                       {"reviewed_at", r.reviewed_at}});
      }
      res.set_content(core::DumpJson(out, 1) + "\n", "application/json");
    }
  }

  // One row per intake: delivery columns, then one column per answerable question in content order.
  std::string Csv(const std::vector<StoredIntake>& rows) const {
    std::vector<std::string> questions;
    for (const auto& step : app_.content().steps) {
      core::ForEachQuestion(step.questions, [&](const core::Question& q) {
        if (q.Answerable() && q.type != core::QuestionType::kConsent &&
            q.type != core::QuestionType::kSignature)
          questions.push_back(q.id);
      });
    }
    std::string out =
        "intake_id,submitted_at,received_at,kiosk_id,client_name,top_flag,flags,reviewed_by,reviewed_at";
    for (const auto& q : questions) {
      out.push_back(',');
      out.append(core::CsvField(q));
    }
    out += "\r\n";
    for (const auto& r : rows) {
      std::string flags;
      const core::Json& all_flags = r.intake.contains("flags") ? r.intake["flags"] : core::Json::array();
      for (const auto& f : all_flags) {
        if (!flags.empty()) flags.append("; ");
        flags.append(f.value("tier", std::string())).append(": ").append(f.value("reason", std::string()));
      }
      for (const auto& v : {r.id, r.submitted_at, r.received_at, r.kiosk_id, r.client_name, r.top_tier, flags,
                            r.reviewed_by}) {
        out.append(core::CsvField(v));
        out.push_back(',');
      }
      out += core::CsvField(r.reviewed_at);
      const core::Json answers = r.intake.contains("answers") ? r.intake["answers"] : core::Json::object();
      for (const auto& q : questions) {
        std::string value;
        if (auto it = answers.find(q); it != answers.end()) {
          if (it->is_string()) {
            value = it->get<std::string>();
          } else if (it->is_array()) {
            for (const auto& v : *it) {
              if (!value.empty()) value.push_back(';');
              value.append(v.is_string() ? v.get<std::string>() : v.dump());
            }
          } else {
            value = it->dump();
          }
        }
        out.push_back(',');
        out.append(core::CsvField(value));
      }
      out += "\r\n";
    }
    return out;
  }

  void Audit(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, false);
    if (!s) return;
    auto entries = app_.staff().AuditLog();
    if (!entries)
      return Html(res, 503, MessagePage(Ctx(*s), "Unavailable", "The audit log cannot be read right now."));
    Html(res, 200, AuditPage(Ctx(*s), *entries));
  }

  void Kiosks(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, false);
    if (!s) return;
    auto heard = app_.fleet().Latest();
    if (!heard)
      return Html(res, 503, MessagePage(Ctx(*s), "Unavailable", "The kiosks cannot be read right now."));
    std::vector<std::string> ids;
    for (const auto& [id, kiosk] : app_.config().kiosks) ids.push_back(id);
    const core::FleetSettings settings{core::Seconds(app_.config().fleet_silent_after_minutes * 60L),
                                       core::Seconds(app_.config().fleet_waiting_alert_minutes * 60L)};
    Html(res, 200, KiosksPage(Ctx(*s), ids, *heard, app_.clock().Now(), settings));
  }

  void Logout(const httplib::Request& req, httplib::Response& res) {
    auto s = Require(req, res, true);
    if (!s) return;
    (void)app_.staff().EndSession(Cookie(req, kSessionCookie));
    SetCookie(res, kSessionCookie, "", 0);
    Redirect(res, "/login");
  }

 private:
  InboxApp& app_;
};

}  // namespace

void AddStaffRoutes(httplib::Server& server, InboxApp& app) {
  auto routes = std::make_shared<StaffRoutes>(app);
  auto bind = [routes](void (StaffRoutes::*handler)(const httplib::Request&, httplib::Response&)) {
    return [routes, handler](const httplib::Request& req, httplib::Response& res) {
      ((*routes).*handler)(req, res);
    };
  };
  server.Get("/style.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(StyleSheet(), "text/css");
  });
  server.Get("/login",
             [routes](const httplib::Request&, httplib::Response& res) { routes->LoginForm(res, 200, ""); });
  server.Post("/login", bind(&StaffRoutes::Login));
  server.Post("/logout", bind(&StaffRoutes::Logout));
  server.Post("/logout-everywhere", bind(&StaffRoutes::LogoutEverywhere));
  server.Get("/", bind(&StaffRoutes::List));
  server.Get(R"(/intakes/([0-9a-f-]{36}))", bind(&StaffRoutes::Intake));
  server.Post(R"(/intakes/([0-9a-f-]{36})/reviewed)", bind(&StaffRoutes::Reviewed));
  server.Post("/export", bind(&StaffRoutes::Export));
  server.Get("/audit", bind(&StaffRoutes::Audit));
  server.Get("/kiosks", bind(&StaffRoutes::Kiosks));
}

}  // namespace inbox
