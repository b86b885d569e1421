// The inbox's HTTP routes, registered on one server.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "inbox/inbox_app.h"

namespace inbox {

void AddRoutes(httplib::Server& server, InboxApp& app);
// POST /intakes, POST /heartbeats and GET /healthz.
void AddReceivingRoutes(httplib::Server& server, InboxApp& app);
// The staff pages (staff_routes.cpp).
void AddStaffRoutes(httplib::Server& server, InboxApp& app);
// Publishing content (publish_routes.cpp): the publishers' upload page, and the kiosks' signed requests for
// offered bundles and their reports.
void AddPublishRoutes(httplib::Server& server, InboxApp& app);

// The signed-in staff member of a request, or nullopt after answering (to the sign-in page; 403 when `csrf`,
// given for a POST, is not the session's token).
std::optional<Session> RequireStaff(InboxApp& app, const httplib::Request& req, httplib::Response& res,
                                    const std::string* csrf);

}  // namespace inbox
