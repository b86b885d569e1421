// POST /intakes and POST /heartbeats (the kiosks' sender) and GET /healthz (monitoring).
#include "inbox/routes.h"

#include "core/delivery/delivery_policy.h"

namespace inbox {

void AddReceivingRoutes(httplib::Server& server, InboxApp& app) {
  server.Post("/intakes", [&app](const httplib::Request& req, httplib::Response& res) {
    SignedRequest signed_request{
        req.get_header_value("webhook-id"), req.get_header_value("webhook-timestamp"),
        req.get_header_value("webhook-signature"), req.get_header_value("Authorization"), &req.body};
    Reply reply = app.receiver().Receive(signed_request);
    res.status = reply.status;
    res.set_header("Date", core::HttpDate(app.clock().Now()));  // lets a kiosk see that its clock is off
    if (!reply.intake_id.empty()) res.set_header("X-Intake-Id", reply.intake_id);
    res.set_content(core::DumpJson({{"status", reply.status}, {"reason", reply.reason}}) + "\n",
                    "application/json");
  });
  server.Post("/heartbeats", [&app](const httplib::Request& req, httplib::Response& res) {
    SignedRequest signed_request{
        req.get_header_value("webhook-id"), req.get_header_value("webhook-timestamp"),
        req.get_header_value("webhook-signature"), req.get_header_value("Authorization"), &req.body};
    Reply reply = app.heartbeats().Receive(signed_request);
    res.status = reply.status;
    res.set_header("Date", core::HttpDate(app.clock().Now()));
    res.set_content(core::DumpJson({{"status", reply.status}, {"reason", reply.reason}}) + "\n",
                    "application/json");
  });
  server.Get("/healthz", [&app](const httplib::Request&, httplib::Response& res) {
    auto count = app.intakes().Count();
    res.status = count ? 200 : 503;
    res.set_content(count ? "ok\n" : "database unavailable\n", "text/plain");
  });
}

void AddRoutes(httplib::Server& server, InboxApp& app) {
  AddReceivingRoutes(server, app);
  AddStaffRoutes(server, app);
  AddPublishRoutes(server, app);
}

}  // namespace inbox
