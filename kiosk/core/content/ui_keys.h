// The keys of app.json "ui" the code reads (buttons, messages, staff words): one list, so check-content can
// require every one of them in every declared language and a test can find any key the code uses unlisted.
#pragma once

#include <string_view>
#include <vector>

namespace core {

const std::vector<std::string_view>& UiKeys();
// Keys the kiosk reads when the content has them: a flag message per tier (else ui.flag_message), the
// privacy notice's texts for {delivery} and {clinic_retention} (required by the placeholders that use them).
const std::vector<std::string_view>& OptionalUiKeys();

}  // namespace core
