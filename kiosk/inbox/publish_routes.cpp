// Publishing content over HTTP. Staff with the publisher role: GET /publish (the page) and POST /publish (a
// multipart upload: archive, target, csrf). Kiosks' senders, signed like intakes (Standard Webhooks with
// the kiosk's secret): POST /content/offer (answers the bundle offered to that kiosk, or 204) and POST
// /content/report (what the kiosk did with it: installed, refused with the reason, rolled back).
#include "core/content/json_reader.h"
#include "core/delivery/delivery_policy.h"
#include "inbox/publish_pages.h"
#include "inbox/routes.h"

namespace inbox {
namespace {

void Page(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_content(html, "text/html; charset=utf-8");
}

void Answer(InboxApp& app, httplib::Response& res, int status, const std::string& reason) {
  res.status = status;
  res.set_header("Date", core::HttpDate(app.clock().Now()));
  res.set_content(core::DumpJson({{"status", status}, {"reason", reason}}) + "\n", "application/json");
}

PageContext Ctx(InboxApp& app, const Session& s) {
  return PageContext{app.content(), s.user, s.csrf, app.config().retention_days, s.publisher};
}

std::vector<PublishTarget> Targets(const core::InboxConfig& config) {
  std::vector<PublishTarget> out{{"all", KiosksOf(config, "all")}};
  for (const auto& [name, kiosks] : config.publishing.groups) out.push_back({name, kiosks});
  return out;
}

// Publishers only, and only where publishing is set up; else the page that says why (403 / 404).
bool MayPublish(InboxApp& app, const Session& s, httplib::Response& res) {
  if (!s.publisher) {
    Page(res, 403,
         MessagePage(Ctx(app, s), "Publish content",
                     "Publishing content needs the publisher role. Whoever runs the inbox gives it with "
                     "intake-inbox add-user NAME --publisher."));
    return false;
  }
  if (!app.signing_key()) {
    Page(res, 404,
         MessagePage(Ctx(app, s), "Publish content",
                     "Publishing is not set up on this inbox: inbox.json needs \"publishing\" with a "
                     "signing key (intake-inbox make-signing-key)."));
    return false;
  }
  return true;
}

void ShowPage(InboxApp& app, const Session& s, httplib::Response& res, int status, const PublishOutcome* o) {
  auto recent = app.publications().Recent();
  if (!recent)
    return Page(res, 503,
                MessagePage(Ctx(app, s), "Unavailable", "The publications cannot be read right now."));
  Page(res, status, PublishPage(Ctx(app, s), Targets(app.config()), *recent, o));
}

// The kiosk that signed a request to /content/..., whose body names the same kiosk; or nullopt answered.
std::optional<std::pair<std::string, core::Json>> SignedKiosk(InboxApp& app, const httplib::Request& req,
                                                              httplib::Response& res) {
  SignedRequest signed_request{req.get_header_value("webhook-id"), req.get_header_value("webhook-timestamp"),
                               req.get_header_value("webhook-signature"),
                               req.get_header_value("Authorization"), &req.body};
  auto kiosk = app.verifier().Verify(signed_request, app.clock().Now());
  if (!kiosk) {
    Answer(app, res, 401, kiosk.error());
    return std::nullopt;
  }
  auto body = core::ParseJson(req.body, {64 * 1024, 8});
  if (!body || !body->is_object()) {
    Answer(app, res, 400, "not a JSON object");
    return std::nullopt;
  }
  if (core::JsonString(*body, "kiosk_id") != *kiosk) {
    Answer(app, res, 403, "signed by kiosk " + *kiosk + " but naming another kiosk");
    return std::nullopt;
  }
  return std::make_pair(*kiosk, std::move(*body));
}

}  // namespace

void AddPublishRoutes(httplib::Server& server, InboxApp& app) {
  server.Get("/publish", [&app](const httplib::Request& req, httplib::Response& res) {
    auto s = RequireStaff(app, req, res, nullptr);
    if (!s || !MayPublish(app, *s, res)) return;
    ShowPage(app, *s, res, 200, nullptr);
  });
  server.Post("/publish", [&app](const httplib::Request& req, httplib::Response& res) {
    const std::string csrf = req.is_multipart_form_data() ? req.get_file_value("csrf").content : "";
    auto s = RequireStaff(app, req, res, &csrf);
    if (!s || !MayPublish(app, *s, res)) return;
    const std::string target = req.get_file_value("target").content;
    PublishOutcome outcome = PublishArchive(app, req.get_file_value("archive").content, target, s->user);
    if (outcome.published) {
      (void)app.staff().Audit(
          s->user, "publish content " + outcome.content_id + " " + outcome.content_version + " to " + target,
          {outcome.bundle_id}, app.clock().Now());
    }
    ShowPage(app, *s, res, outcome.published ? 200 : 422, &outcome);
  });
  server.Post("/content/offer", [&app](const httplib::Request& req, httplib::Response& res) {
    auto kiosk = SignedKiosk(app, req, res);
    if (!kiosk) return;
    auto offered = app.publications().TakeOffer(kiosk->first, app.clock().Now());
    if (!offered) return Answer(app, res, 503, "cannot read the offers now");
    if (!*offered) {
      res.status = 204;
      return;
    }
    res.status = 200;
    res.set_content(**offered, "application/json");
  });
  server.Post("/content/report", [&app](const httplib::Request& req, httplib::Response& res) {
    auto kiosk = SignedKiosk(app, req, res);
    if (!kiosk) return;
    const core::Json& body = kiosk->second;
    const std::string state = core::JsonString(body, "state");
    std::string detail = core::JsonString(body, "detail");
    if (state != "installed" && state != "refused" && state != "rolled_back")
      return Answer(app, res, 400, "state must be installed, refused or rolled_back");
    if (detail.size() > 500) {  // cut on a character boundary (PostgreSQL stores valid UTF-8 only)
      detail.resize(500);
      while (!detail.empty() && (static_cast<unsigned char>(detail.back()) & 0xC0) == 0x80) detail.pop_back();
      if (!detail.empty() && static_cast<unsigned char>(detail.back()) >= 0xC0) detail.pop_back();
    }
    auto reported = app.publications().Report(core::JsonString(body, "bundle_id"), kiosk->first, state,
                                              detail, app.clock().Now());
    if (!reported) return Answer(app, res, 503, "cannot record the report now");
    if (!*reported) return Answer(app, res, 404, "no such bundle was offered to this kiosk");
    Answer(app, res, 200, "recorded");
  });
}

}  // namespace inbox
