// The staff pages as server-rendered HTML (no JavaScript): login, the list, one intake, the audit log, from
// the templates in kiosk/inbox/templates. Every value is escaped; every form that changes something carries
// the session's CSRF token.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "inbox/intake_store.h"
#include "inbox/staff_store.h"

namespace inbox {

struct PageContext {
  const core::Content& content;
  std::string user, csrf;             // empty on the login page
  std::optional<int> retention_days;  // set: each intake shows when it will be deleted
  bool publisher = false;             // the menu offers "Publish content"
};

struct ListView {
  std::string view = "all";  // all, today, unreviewed, flagged
  std::string search;
  std::string export_from, export_to;  // prefilled dates of the export form
};

std::string LoginPage(const core::Content& content, const std::string& login_csrf, const std::string& error);
std::string ListPage(const PageContext& ctx, const ListView& view, const std::vector<StoredIntake>& rows);
std::string IntakePage(const PageContext& ctx, const StoredIntake& intake);
std::string AuditPage(const PageContext& ctx, const std::vector<AuditEntry>& entries);
std::string MessagePage(const PageContext& ctx, const std::string& title, const std::string& message);

// The stylesheet served at /style.css (screen, tablet and print).
const std::string& StyleSheet();

}  // namespace inbox
