// The staff pages' templates (kiosk/inbox/templates/*.mustache), built into intake-inbox at compile time so
// that a program and its pages never disagree after an upgrade and nothing is looked up at run time.
#pragma once

#include <string>
#include <string_view>

namespace inbox {

// The text of templates/NAME.mustache; empty for a name that is not there.
const std::string& TemplateText(std::string_view name);

}  // namespace inbox
