// KioskApp: frame, intents, submit to the outbox, wipe.
#include "app/kiosk_app.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

#include "core/base/letter_case.h"
#include "core/base/uuid.h"
#include "core/touch/keyboard.h"
#include "core/visit/demo_flow.h"
#include "core/visit/flags.h"
#include "core/visit/idle.h"
#include "core/visit/intake.h"
#include "platform/png.h"
#include "ui/fonts.h"

namespace app {

// Every string of the content, so the font atlas holds exactly the glyphs it needs.
std::string AllTextOf(const core::Content& c) {
  std::string all = c.app.clinic_name;
  auto add = [&](const core::Text& t) {
    for (const auto& [lang, s] : t.by_language) all += s;
  };
  for (const auto& l : c.languages) all += l.name;
  for (const auto& [key, t] : c.app.ui) add(t);
  for (const auto& t : c.app.months) add(t);
  for (const auto& t : c.app.attract.highlights) add(t);
  for (const core::Text* t :
       {&c.app.attract.title, &c.app.attract.subtitle, &c.app.attract.tap_to_start, &c.app.language.title,
        &c.app.review.title, &c.app.review.intro, &c.app.review.edit, &c.app.review.not_answered,
        &c.app.review.submit, &c.app.thank_you.title, &c.app.thank_you.body, &c.app.idle.title,
        &c.app.idle.body, &c.app.idle.continue_, &c.app.idle.start_over}) {
    add(*t);
  }
  for (const auto& [id, layout] : c.keyboards) {  // the keys, and the capitals shift shows
    std::vector<std::string> rows = layout.letters;
    rows.insert(rows.end(), layout.symbols.begin(), layout.symbols.end());
    for (const auto& row : rows) {
      for (const auto& ch : core::SplitCodePoints(row)) all += ch + core::UpperLetter(ch);
    }
    for (const auto& [small, capital] : layout.capitals) all += capital;
    all += layout.symbols_key + layout.letters_key;
    for (const auto& s : layout.email_suffixes) all += s;
    for (const auto& m : layout.modifiers) {
      all += m.key;
      for (const auto& [from, to] : m.changes) all += to + core::UpperLetter(to);
    }
  }
  for (const auto& step : c.steps) {
    add(step.title);
    add(step.heading);
    add(step.intro);
    core::ForEachQuestion(step.questions, [&](const core::Question& q) {
      add(q.label);
      add(q.help);
      add(q.body);
      for (const auto& o : q.options) {
        add(o.label);
        add(o.description);
      }
    });
  }
  return all;
}

namespace {

// What the display font draws: the clinic name and the thank-you title (the countdown is digits).
std::string DisplayText(const core::Content& c) {
  std::string all = c.app.clinic_name;
  for (const auto& [lang, s] : c.app.thank_you.title.by_language) all += s;
  return all;
}

// Process start from /proc/self/stat (field 22, in clock ticks since boot) against the boot clock.
long MillisSinceProcessStart() {
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i) {
  }
  double started_s = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  return static_cast<long>((static_cast<double>(now.tv_sec) + now.tv_nsec / 1e9 - started_s) * 1000);
}

}  // namespace

KioskApp::KioskApp(core::Content content, core::Config config, std::unique_ptr<store::Outbox> outbox,
                   const core::Clock& clock, platform::SdlWindow& window, platform::FontFiles fonts)
    : content_(std::move(content)),
      config_(std::move(config)),
      outbox_(std::move(outbox)),
      clock_(clock),
      window_(window),
      font_stack_{{fonts.regular, 0}, {fonts.bold, 0}, {}, {}},
      glyph_text_(AllTextOf(content_)),
      env_{clock_, config_.idle, [] { return core::NewUuid(); }},
      ui_(config_.theme),
      clinic_content_(content_),
      demo_(config_.demo.enabled && content_.demo),
      keypad_(config_.keypad),
      speech_(std::make_unique<ClockVoice>(clock_)) {
  AddLanguageFonts();
  if (demo_) UseContent(core::DemoContent(clinic_content_));
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.MouseDrawCursor = false;
  io.SetClipboardTextFn = [](void*, const char*) {};
  io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
  io.ConfigInputTextCursorBlink = true;
  session_.screen_since = clock_.Now();
  PurgeExpired();
  RecordRunningContent();
  LoadLogo();
  RebuildFontsIfNeeded();
}

void KioskApp::LoadLogo() {
  if (config_.theme.logo.empty()) return;
  auto logo = window_.LoadTexture(config_.theme.logo);
  if (!logo) {
    spdlog::warn("logo not shown, the clinic name stands alone: {}", logo.error());
    return;
  }
  ui_.SetLogo({logo->id, ImVec2(static_cast<float>(logo->width), static_cast<float>(logo->height))});
}

// Noto Sans has no CJK: a language of the content in Chinese, Japanese or Korean brings Noto Sans CJK in its
// own variant, merged after Noto Sans (Latin letters and digits stay Noto Sans's).
void KioskApp::AddLanguageFonts() {
  for (const auto& lang : content_.languages) {
    auto cjk = platform::FindCjkFonts(lang.code);
    if (!cjk) continue;
    ui::FontFace regular{cjk->regular.file, cjk->regular.index}, bold{cjk->bold.file, cjk->bold.index};
    auto same = [&](const ui::FontFace& f) { return f.file == regular.file && f.index == regular.index; };
    if (std::any_of(font_stack_.fallback_regular.begin(), font_stack_.fallback_regular.end(), same)) continue;
    font_stack_.fallback_regular.push_back(regular);
    font_stack_.fallback_bold.push_back(bold);
  }
}

void KioskApp::RebuildFontsIfNeeded() {
  float em = ui_.Layout(window_.width(), window_.height());
  if (em == font_em_ && !glyphs_dirty_) return;
  bool grown = em == font_em_;
  font_em_ = em;
  auto start = std::chrono::steady_clock::now();
  for (int pass = 0; pass < 2; ++pass) {
    glyphs_dirty_ = false;
    ui_.SetFonts(ui::BuildFonts(font_stack_, em, glyph_text_, DisplayText(content_)));
    FindFallbackFaces();  // characters the fonts in use lack: one more build with the faces found for them
    if (!glyphs_dirty_) break;
  }
  glyphs_dirty_ = false;
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  window_.ForgetFrames();  // the new atlas may get the old one's address: draw everything again
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  spdlog::info("fonts built at {} px for {}x{}{}: atlas {}x{}, {} glyphs, {} ms", em, window_.width(),
               window_.height(), grown ? " (new characters)" : "", atlas.TexWidth, atlas.TexHeight,
               atlas.Fonts.empty() ? 0 : atlas.Fonts[0]->Glyphs.Size, ms.count());
}

void KioskApp::NeedGlyphs(std::string_view text) {
  for (char32_t c : ui::MissingGlyphs(ui_.theme().fonts.body, text)) {
    if (!glyphs_added_.insert(c).second)
      continue;  // added already: no font has it, or one is being looked for
    glyph_text_ += core::Utf8(c);
    glyphs_dirty_ = true;
  }
}

void KioskApp::FindFallbackFaces() {
  for (char32_t c : ui::MissingGlyphs(ui_.theme().fonts.body, glyph_text_)) {
    if (!glyphs_searched_.insert(c).second || c > 0xFFFF) continue;  // ImGui's glyphs stop at U+FFFF
    auto faces = platform::FindFontsFor(c);
    if (!faces) {
      // no code point in the log: it may be a letter of a client's name
      spdlog::warn("a character to draw is in no font on this machine: it shows as a box");
      continue;
    }
    ui::FontFace regular{faces->regular.file, faces->regular.index},
        bold{faces->bold.file, faces->bold.index};
    auto same = [&](const ui::FontFace& f) { return f.file == regular.file && f.index == regular.index; };
    if (std::any_of(font_stack_.fallback_regular.begin(), font_stack_.fallback_regular.end(), same)) continue;
    spdlog::info("fallback font {} for a character the fonts in use lack", regular.file);
    font_stack_.fallback_regular.push_back(regular);
    font_stack_.fallback_bold.push_back(bold);
    glyphs_dirty_ = true;
  }
}

std::string KioskApp::ScreenId() const {
  if (session_.screen == core::Screen::kStep && session_.step < content_.steps.size()) {
    return content_.steps[session_.step].id;
  }
  return core::ToString(session_.screen);
}

core::TimePoint KioskApp::NextWake() const {
  core::Date today = clock_.Today();
  auto vis = core::ComputeVisibility(content_, session_.answers, today);
  auto flags = core::ComputeFlags(content_, vis, today);
  ui::FrameInput in{content_, session_, vis, flags, clock_.Now(), today, config_.idle};
  core::TimePoint wake =
      std::min({core::NextIdleDeadline(session_, config_.idle), ui_.NextWake(in), next_purge_});
  if (speech_.Speaking()) wake = std::min(wake, clock_.Now() + core::Millis(50));  // the next utterance
  if (content_switch_ && ScreenId() == "attract") wake = std::min(wake, next_content_check_);
  return staff_ ? std::min(wake, staff_->NextWake()) : wake;
}

void KioskApp::Frame(core::Image* capture) {
  CheckForNewContent();
  for (const auto& [id, answer] : session_.answers) {  // typed text is drawn with its own glyphs, never "?"
    if (const auto* text = std::get_if<std::string>(&answer)) NeedGlyphs(*text);
  }
  RebuildFontsIfNeeded();
  if (clock_.Now() >= next_purge_) PurgeExpired();
  Apply(core::intent::Tick{});
  window_.NewFrame();
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  if (atlas.TexID && (atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32)) {
    atlas.ClearTexData();  // the renderer holds its own copy of the atlas: the CPU copies are dead weight
  }
  if (injected_) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(injected_->x, injected_->y);
    io.MouseDown[0] = injected_->down;
    ui_.Type(injected_->text);
    std::fill(injected_->text.begin(), injected_->text.end(), '\0');
    injected_->text.clear();
  }
  if (staff_) {
    ImGuiIO& io = ImGui::GetIO();
    staff_->Frame(io.MouseDown[0], io.MousePos.x, io.MousePos.y, io.DisplaySize.x, io.DisplaySize.y,
                  font_em_);
  }
  ImGui::NewFrame();
  core::Date today = clock_.Today();
  auto vis = core::ComputeVisibility(content_, session_.answers, today);
  auto flags = core::ComputeFlags(content_, vis, today);
  ui::FrameInput in{content_, session_, vis, flags, clock_.Now(), today, config_.idle};
  in.demo = demo_;
  if (staff_) in.staff = &staff_->View(demo_, clinic_content_.demo.has_value());
  auto intents = ui_.Draw(in);
  if (ImGui::GetIO().MouseClicked[0]) speech_.Interrupt();  // a touch stops what is being said
  // what was drawn is what is said: the session before this frame's intents, the focus as drawn
  speech_.AfterFrame({content_, session_, vis, flags, ui_.SpokenFocus(), ui_.read_aloud(),
                      core::CountdownLeft(session_, clock_.Now(), config_.idle)});
  window_.Present(ui_.theme().clear, capture);
  // Anything else drawn with a character the atlas lacks (staff's list, a reloaded content): the atlas grows
  // and the frame is drawn again at once.
  for (const auto& text : ui_.registry().texts()) NeedGlyphs(text);
  if (first_frame_ms_ < 0) {
    first_frame_ms_ = MillisSinceProcessStart();
    spdlog::info("first frame presented {} ms after start", first_frame_ms_);
  }
  for (const auto& intent : intents) Apply(intent);
  auto staff_intents = ui_.TakeStaffIntents();
  for (const auto& intent : staff_intents) HandleStaff(intent);
  bool changed = !intents.empty() || !staff_intents.empty() || glyphs_dirty_;
  frames_to_settle_ = changed ? 2 : std::max(0, frames_to_settle_ - 1);
}

void KioskApp::Apply(const core::Intent& intent) {
  core::Screen before = session_.screen;
  core::Effects fx = core::Apply(content_, session_, intent, env_);
  if (fx.submit) Submit();
  if (fx.wiped) {
    ui_.Wipe();
    ui_.SetReadAloud(core::ReadAloudAfter(ui_.read_aloud(), core::SpeechSwitch::kWipe));
    speech_.Wipe();  // silent, and nothing of this client kept to be said
  }
  if (session_.screen != before)
    spdlog::info("screen {} -> {}", core::ToString(before), core::ToString(session_.screen));
}

void KioskApp::PurgeExpired() {
  next_purge_ = clock_.Now() + std::chrono::hours(1);
  auto cutoff = clock_.Now() - std::chrono::days(config_.retention_lead_days);
  auto purged = outbox_->PurgeLeads(cutoff);
  if (!purged)
    spdlog::warn("old demo leads not deleted: {}", purged.error());
  else if (*purged > 0)
    spdlog::info("deleted {} demo lead(s) older than {} days", *purged, config_.retention_lead_days);
  if (staff_) staff_->ForgetOldEntries();
}

void KioskApp::Submit() {
  core::IntakeContext ctx{config_.kiosk_id, clock_.Now(), clock_.Today(), demo_,
                          platform::SignaturePngBase64};
  core::Json intake = core::BuildIntake(content_, session_, ctx);
  core::Status saved = outbox_->Put(session_.intake_id, core::DumpJson(intake), clock_.Now(), demo_);
  if (saved) {
    spdlog::info("{} {} committed to the outbox", demo_ ? "demo lead" : "intake", session_.intake_id);
    if (staff_) staff_->Submitted(intake, demo_);
  } else {
    spdlog::error("intake {} could not be saved: {}", session_.intake_id, saved.error());
    if (staff_) staff_->SaveFailed(saved.error());
  }
  core::Apply(content_, session_, core::intent::SubmitDone{saved.ok()}, env_);
}

}  // namespace app
