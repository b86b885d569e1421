// Rendering one staff page: its template (kiosk/inbox/templates/) with its values inside the layout, every
// value HTML-escaped. For the files that gather a page's values (pages.cpp, fleet_page.cpp).
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

#include "core/content/content.h"

namespace inbox {

std::string Render(const core::Content& content, const std::string& page, const std::string& title,
                   const std::string& user, const std::string& csrf, kainjow::mustache::data values);

}  // namespace inbox
