// Rendering one staff page: its template (kiosk/inbox/templates/NAME.mustache) with its values, inside the
// layout, every value HTML-escaped by the inbox's one rule. Shared by every page (pages.cpp,
// publish_pages.cpp).
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

#include "inbox/pages.h"

namespace inbox {

// A template that fails to parse is a build defect: the page is then one line naming it (no template tag
// reaches a browser), which every page test would show.
std::string RenderPage(const PageContext& ctx, const std::string& page, const std::string& title,
                       kainjow::mustache::data values);

// The same for a page of no publisher (the Kiosks page): its layout names no "Publish content".
std::string Render(const core::Content& content, const std::string& page, const std::string& title,
                   const std::string& user, const std::string& csrf, kainjow::mustache::data values);

}  // namespace inbox
