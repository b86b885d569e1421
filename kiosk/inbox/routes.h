// The inbox's HTTP routes, registered on one server.
#pragma once

#include <httplib.h>

#include "inbox/inbox_app.h"

namespace inbox {

void AddRoutes(httplib::Server& server, InboxApp& app);
// POST /intakes, POST /heartbeats and GET /healthz.
void AddReceivingRoutes(httplib::Server& server, InboxApp& app);
// The staff pages (staff_routes.cpp).
void AddStaffRoutes(httplib::Server& server, InboxApp& app);

}  // namespace inbox
