// Names of screens, as scripts and logs use them.
#include "core/visit/session.h"

namespace core {

const char* ToString(Screen screen) {
  switch (screen) {
    case Screen::kAttract:
      return "attract";
    case Screen::kLanguage:
      return "language";
    case Screen::kStep:
      return "step";
    case Screen::kReview:
      return "review";
    case Screen::kSubmitting:
      return "submitting";
    case Screen::kThankYou:
      return "thank_you";
  }
  return "?";
}

}  // namespace core
