// The completed intake as delivered: answers of visible questions, flags, consents, signatures.
// The contract is content/schema/intake.schema.json and the README's "Intake payload" section.
#pragma once

#include <functional>
#include <string>

#include "core/base/clock.h"
#include "core/content/content.h"
#include "core/content/json_reader.h"
#include "core/visit/session.h"

namespace core {

inline constexpr int kIntakeSchemaVersion = 1;

struct IntakeContext {
  std::string kiosk_id;
  TimePoint submitted_at;
  Date today;
  bool demo = false;
  // The signature as a base64 PNG (the encoder lives outside core, with the image library).
  std::function<std::string(const Signature&)> signature_png_base64;
};

Json BuildIntake(const Content& content, const Session& session, const IntakeContext& ctx);

}  // namespace core
