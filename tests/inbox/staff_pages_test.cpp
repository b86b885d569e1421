// The staff pages over real HTTPS: sign-in with throttling, CSRF on every form, sessions that expire and
// end at logout, the list (flags first), an intake page, mark reviewed, export and the audit log.
#include "inbox/passwords.h"
#include "inbox/rules/staff_rules.h"
#include "inbox_fixture.h"
#include "staff_client.h"

using namespace inbox_test;

namespace {

// The intake with one flag of `tier`: the first the repository's content defines for that tier (the inbox
// accepts only the content's own flags).
Json WithFlag(Json intake, const std::string& tier, const std::string& reason) {
  static const core::Content content = core::LoadContent(std::string(KIOSK_SOURCE_DIR) + "/content").value();
  for (const auto& step : content.steps) {
    for (const auto& q : step.questions) {
      for (const auto& f : q.flags) {
        if (core::ToString(f.tier) != tier) continue;
        Json flag = {{"id", f.id}, {"question_id", q.id}, {"tier", tier}, {"reason", reason}};
        if (f.tier == core::Tier::kDefer) flag["wait_days"] = f.wait_days;
        intake["flags"] = Json::array({flag});
        return intake;
      }
    }
  }
  FAIL("the content has no flag of tier " << tier);
  return intake;
}

}  // namespace

TEST_CASE("signing in sets a Secure, HttpOnly, SameSite=Strict session cookie and opens the list") {
  Staff s;
  auto r = s.SignIn("vanessa", kPassword);
  REQUIRE(Status(r) == 303);
  CHECK(r->get_header_value("Location") == "/");
  std::string cookie;
  for (const auto& [k, v] : r->headers)
    if (k == "Set-Cookie" && v.rfind("__Host-inbox_session=", 0) == 0) cookie = v;
  CHECK(cookie.find("Secure") != std::string::npos);
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  auto list = s.Get("/");
  REQUIRE(Status(list) == 200);
  CHECK(list->get_header_value("Cache-Control") == "no-store");
  CHECK(list->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(list->body.find("vanessa") != std::string::npos);
}

TEST_CASE("pages without a session go to the sign-in page; a wrong password is refused") {
  Staff s;
  auto list = s.Client()->Get("/");
  REQUIRE(Status(list) == 303);
  CHECK(list->get_header_value("Location") == "/login");
  CHECK(Status(s.SignIn("vanessa", "wrong password")) == 401);
  CHECK(s.session.empty());
  CHECK(Status(s.SignIn("nobody", kPassword)) == 401);
}

TEST_CASE("five failed sign-ins lock the name for 15 minutes, even with the right password") {
  Staff s;
  for (int i = 0; i < core::kMaxLoginFailures; ++i)
    CHECK(Status(s.SignIn("vanessa", "guess " + std::to_string(i))) == 401);
  auto locked = s.SignIn("vanessa", kPassword);
  CHECK(Status(locked) == 429);
  CHECK(locked->body.find("Too many failed sign-ins") != std::string::npos);
  s.clock.Advance(std::chrono::minutes(16));
  CHECK(Status(s.SignIn("vanessa", kPassword)) == 303);
}

TEST_CASE("a form without the right CSRF token is refused with 403 and changes nothing") {
  Staff s;
  const std::string id = s.Store(BaseIntake());
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  CHECK(Status(s.PostForm("/intakes/" + id + "/reviewed", {})) == 403);
  CHECK(Status(s.PostForm("/intakes/" + id + "/reviewed", {{"csrf", "forged"}})) == 403);
  CHECK(s.app->intakes().Get(id).value()->reviewed_at.empty());
  CHECK(Status(s.PostForm("/export", {{"from", "2026-01-01"}, {"to", "2026-12-31"}, {"format", "csv"}})) ==
        403);
  CHECK(Status(s.PostForm("/logout", {})) == 403);
  // Sign-in itself needs the token from its own form.
  auto r = s.Client()->Post("/login", httplib::Params{{"user", "vanessa"}, {"password", kPassword}});
  CHECK(Status(r) == 403);
}

TEST_CASE("after unreviewed stop and defer flags, the newest come first, flagged or not, reviewed or not") {
  Staff s;
  auto store = [&s](Json intake, const std::string& name, int days_ago) {
    intake["answers"]["first_name"] = name;
    intake["submitted_at"] = core::ToRfc3339(s.clock.Now() - std::chrono::days(days_ago));
    intake["started_at"] = intake["submitted_at"];
    return s.Store(intake);
  };
  auto unflagged = [] {
    Json intake = BaseIntake();
    intake["flags"] = Json::array();
    return intake;
  };
  store(WithFlag(BaseIntake(), "stop", "Pregnant"), "Stella", 3);
  const std::string rita = store(unflagged(), "Rita", 1);
  store(unflagged(), "Nina", 0);
  REQUIRE(s.app->intakes().MarkReviewed(rita, "vanessa", s.clock.Now()).value());
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  const std::string all = s.Get("/")->body;
  REQUIRE(all.find("Rita") != std::string::npos);
  CHECK(all.find("Stella") < all.find("Nina"));
  CHECK(all.find("Nina") < all.find("Rita"));  // today's, not yet reviewed, above yesterday's reviewed one
}

TEST_CASE("the list shows stop and defer flags first, then the newest; filters and name search work") {
  Staff s;
  Json old_stop = WithFlag(BaseIntake(), "stop", "Pregnant");
  old_stop["submitted_at"] = "2026-01-02T10:00:00.000Z";
  old_stop["started_at"] = old_stop["submitted_at"];
  old_stop["answers"]["first_name"] = "Stella";
  Json newest = BaseIntake();
  newest["flags"] = Json::array();
  newest["answers"]["first_name"] = "Nina";
  newest["submitted_at"] = core::ToRfc3339(s.clock.Now());
  newest["started_at"] = newest["submitted_at"];
  s.Store(old_stop);
  s.Store(newest);
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  const std::string all = s.Get("/")->body;
  CHECK(all.find("Stella") < all.find("Nina"));
  CHECK(all.find("badge stop\">STOP") != std::string::npos);
  const std::string flagged = s.Get("/?view=flagged")->body;
  CHECK(flagged.find("Stella") != std::string::npos);
  CHECK(flagged.find("Nina") == std::string::npos);
  const std::string today = s.Get("/?view=today")->body;
  CHECK(today.find("Nina") != std::string::npos);
  CHECK(today.find("Stella") == std::string::npos);
  const std::string search = s.Get("/?q=nin")->body;
  CHECK(search.find("Nina") != std::string::npos);
  CHECK(search.find("Stella") == std::string::npos);
}

TEST_CASE(
    "an intake page shows flags first, answers in the client's language, consents and signature; "
    "marking it reviewed records who and when; views are audited") {
  Staff s;
  Json intake = WithFlag(BaseIntake(), "stop", "Pregnant or breastfeeding");
  intake["language"] = "es";
  const std::string id = s.Store(intake);
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  auto page = s.Get("/intakes/" + id);
  REQUIRE(Status(page) == 200);
  const std::string& html = page->body;
  CHECK(html.find("Pregnant or breastfeeding") < html.find("<dl>"));
  CHECK(html.find("<div class=\"qa flagged stop\">") != std::string::npos);  // the answer that raised it
  CHECK(html.find("Cicatrices de acné") != std::string::npos);               // the Spanish option label
  CHECK(html.find("2026-12") != std::string::npos);                          // the consent text version
  CHECK(html.find("data:image/png;base64,iVBORw0KGgo") != std::string::npos);
  CHECK(html.find("front-desk-1") != std::string::npos);
  auto marked = s.PostForm("/intakes/" + id + "/reviewed", {{"csrf", CsrfIn(html)}});
  CHECK(Status(marked) == 303);
  auto stored = s.app->intakes().Get(id).value();
  CHECK(stored->reviewed_by == "vanessa");
  CHECK_FALSE(stored->reviewed_at.empty());
  CHECK(s.Get("/intakes/" + id)->body.find("Reviewed by <strong>vanessa") != std::string::npos);
  auto audit = s.app->staff().AuditLog().value();
  REQUIRE(audit.size() >= 2);
  CHECK(audit.back().action == "view");
  CHECK(audit.back().intake_ids == id);
}

TEST_CASE("export of a date range as CSV and JSON holds the intakes of those days and is audited") {
  Staff s;
  Json in_range = BaseIntake();
  in_range["submitted_at"] = "2026-03-10T12:00:00.000Z";
  in_range["started_at"] = in_range["submitted_at"];
  in_range["answers"]["first_name"] = "=HYPERLINK(\"x\")";
  in_range["answers"]["last_name"] = "Ann;=cmd|' /C calc'!A0";  // a cell of its own where ";" separates
  Json outside = BaseIntake();
  outside["submitted_at"] = "2026-05-10T12:00:00.000Z";
  outside["started_at"] = outside["submitted_at"];
  const std::string id = s.Store(in_range);
  s.Store(outside);
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  const std::string csrf = s.Csrf();
  auto csv = s.PostForm("/export",
                        {{"csrf", csrf}, {"from", "2026-03-01"}, {"to", "2026-03-31"}, {"format", "csv"}});
  REQUIRE(Status(csv) == 200);
  CHECK(csv->get_header_value("Content-Disposition").find("intakes-2026-03-01-to-2026-03-31.csv") !=
        std::string::npos);
  CHECK(csv->body.find(id) != std::string::npos);
  CHECK(csv->body.find(outside["intake_id"].get<std::string>()) == std::string::npos);
  CHECK(csv->body.find("\"'=HYPERLINK(\"\"x\"\")") != std::string::npos);     // never a live formula
  CHECK(csv->body.find("\"Ann;'=cmd|' /C calc'!A0\"") != std::string::npos);  // nor after a ";"
  auto json = s.PostForm("/export",
                         {{"csrf", csrf}, {"from", "2026-03-01"}, {"to", "2026-03-31"}, {"format", "json"}});
  REQUIRE(Status(json) == 200);
  Json exported = Json::parse(json->body);
  REQUIRE(exported.size() == 1);
  CHECK(exported[0]["intake"]["intake_id"] == id);
  auto audit = s.app->staff().AuditLog().value();
  REQUIRE(audit.size() >= 2);
  CHECK(audit[0].action == "export json");
  CHECK(audit[0].intake_ids == id);
  CHECK(audit[0].user == "vanessa");
}

TEST_CASE("a session ends after the configured idle time and at logout") {
  Staff s;
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  s.clock.Advance(std::chrono::minutes(29));
  CHECK(Status(s.Get("/")) == 200);  // each request pushes the end on
  s.clock.Advance(std::chrono::minutes(31));
  CHECK(Status(s.Get("/")) == 303);
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  CHECK(Status(s.PostForm("/logout", {{"csrf", s.Csrf()}})) == 303);
  CHECK(Status(s.Get("/")) == 303);
}

TEST_CASE("what a client typed is escaped on every page that shows it (templates escape by default)") {
  Staff s;
  Json intake = BaseIntake();
  intake["answers"]["first_name"] = "<script>alert(1)</script>";
  intake["answers"]["last_name"] = "\"><img src=x onerror=alert(2)>";
  const std::string id = s.Store(intake);
  REQUIRE(Status(s.SignIn("vanessa", kPassword)) == 303);
  for (const std::string& path : std::vector<std::string>{"/", "/?q=script", "/intakes/" + id}) {
    CAPTURE(path);
    const std::string html = s.Get(path)->body;
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img src=x") == std::string::npos);
    CHECK(html.find("{{") == std::string::npos);  // no template tag left unrendered
  }
}
