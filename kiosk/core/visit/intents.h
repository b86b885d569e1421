// What a client (or the clock) can do to a visit. Screens return these; Apply carries them out.
#pragma once

#include <string>
#include <variant>

#include "core/visit/session.h"

namespace core {

namespace intent {
struct Start {};  // tap on the attract screen
struct ChooseLanguage {
  std::string code;
};
struct Next {};
struct Back {};
struct SetAnswer {
  std::string question_id;
  Answer value;
};
struct ClearAnswer {
  std::string question_id;
};
// A multi-choice card tapped: the option is chosen if it was not, and no longer chosen if it was. Applied to
// the session's own answer (not to the screen's copy of it), so two taps between frames both count.
struct ToggleOption {
  std::string question_id;
  std::string option_id;
};
struct EditStep {
  std::string step_id;
};  // from the review screen
struct Submit {};
struct SubmitDone {
  bool saved = false;
};                    // the app reports whether the outbox committed
struct Activity {};   // any touch or key: keeps the visit alive ("I'm still here")
struct StartOver {};  // wipe now and return to the attract screen
struct Tick {};       // time passed (idle countdown, thank-you return)
}  // namespace intent

using Intent =
    std::variant<intent::Start, intent::ChooseLanguage, intent::Next, intent::Back, intent::SetAnswer,
                 intent::ClearAnswer, intent::ToggleOption, intent::EditStep, intent::Submit,
                 intent::SubmitDone, intent::Activity, intent::StartOver, intent::Tick>;

}  // namespace core
