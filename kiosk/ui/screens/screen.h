// What every screen function gets: the frame's input, the paint context, UI state, and where intents go.
#pragma once

#include <vector>

#include "core/visit/intents.h"
#include "ui/kiosk_ui.h"
#include "ui/paint.h"

namespace ui {

struct ScreenContext {
  const FrameInput& in;
  Paint& paint;
  UiState& state;
  std::vector<core::Intent>& intents;
  ImVec2 size;  // the window

  const Theme& theme() const { return paint.theme; }
  // The client's language; before they choose one (attract, "Still there?"), the content's default.
  const std::string& lang() const { return in.content.LanguageOr(in.session.language); }
  const std::string& T(const core::Text& text) const { return text.In(lang()); }
  const std::string& Ui(std::string_view key) const { return in.content.app.Ui(key).In(lang()); }
  void Emit(core::Intent intent) { intents.push_back(std::move(intent)); }
};

void DrawAttract(ScreenContext& c);
void DrawLanguage(ScreenContext& c);
void DrawStep(ScreenContext& c);
void DrawReview(ScreenContext& c);
void DrawSubmitting(ScreenContext& c);
void DrawThankYou(ScreenContext& c);
void DrawStillThere(ScreenContext& c);
void DrawDatePicker(ScreenContext& c);
// The "Demo" badge: its width; drawn at the top centre (attract), or from `left`, vertically centred on
// `centre_y` (the header, beside the clinic's name).
float DemoMarkerWidth(const ScreenContext& c);
void DrawDemoMarkerCentred(ScreenContext& c);
void DrawDemoMarkerBeside(ScreenContext& c, float left, float centre_y);

// Shared chrome: the header (clinic name), progress line and bar, the footer with Back and Next.
// Returns the y where the page content starts.
float DrawHeader(ScreenContext& c, bool with_progress);
float FooterTop(const ScreenContext& c);
// Back on the left, the primary action (labelled `primary`, doing `action`) on the right.
void DrawFooter(ScreenContext& c, const std::string& primary, core::Intent action);

// A vertically scrolling area between header and footer with drag-to-scroll and inertia.
// Between Begin and End, draw with ImGui's cursor (origin at the area's top-left, width `ContentWidth`).
void BeginScrollArea(ScreenContext& c, const char* id, float top, float bottom);
void EndScrollArea(ScreenContext& c);
float ContentWidth(const ScreenContext& c);
float ContentLeft(const ScreenContext& c);

}  // namespace ui
