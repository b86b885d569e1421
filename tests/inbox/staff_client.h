// A signed-in staff member of the test inbox: sign-in through the real login form (cookie and CSRF), then
// GET and form POSTs with the session cookie. Shared by the staff pages tests and the reliability suite.
#pragma once

#include "inbox/passwords.h"
#include "inbox_fixture.h"

namespace inbox_test {

inline const std::string kPassword = "correct horse battery";

// The value of cookie `name` in a response's Set-Cookie headers ("" when absent).
inline std::string SetCookieValue(const httplib::Result& r, const std::string& name) {
  if (!r) return {};
  for (const auto& [key, value] : r->headers) {
    if (key == "Set-Cookie" && value.rfind(name + "=", 0) == 0)
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
  }
  return {};
}

// The value of the first hidden csrf field in a page.
inline std::string CsrfIn(const std::string& html) {
  const std::string marker = "name=\"csrf\" value=\"";
  auto at = html.find(marker);
  if (at == std::string::npos) return {};
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

struct Staff : Inbox {
  explicit Staff(const Json& extra = Json::object()) : Inbox(extra) {
    REQUIRE(app->staff().SetUser("vanessa", inbox::HashPassword(kPassword).value(), clock.Now()).ok());
  }

  // Signs in; returns the response to POST /login. `session` holds the cookie when it worked.
  httplib::Result SignIn(const std::string& user, const std::string& password) {
    auto form = Client()->Get("/login");
    REQUIRE(Status(form) == 200);
    const std::string login_cookie = SetCookieValue(form, "__Host-inbox_login");
    httplib::Params params{{"user", user}, {"password", password}, {"csrf", CsrfIn(form->body)}};
    auto r = Client()->Post("/login", {{"Cookie", "__Host-inbox_login=" + login_cookie}}, params);
    session = SetCookieValue(r, "__Host-inbox_session");
    return r;
  }

  httplib::Headers Cookie() const { return {{"Cookie", "__Host-inbox_session=" + session}}; }
  httplib::Result Get(const std::string& path) const { return Client()->Get(path, Cookie()); }
  httplib::Result PostForm(const std::string& path, httplib::Params params) const {
    return Client()->Post(path, Cookie(), params);
  }
  std::string Csrf() const { return CsrfIn(Get("/")->body); }

  std::string Store(Json intake) const {
    REQUIRE(Status(Post(intake)) == 201);
    return intake["intake_id"];
  }

  std::string session;
};

}  // namespace inbox_test
