// SDL window, software renderer and ImGui backend glue.
#include "platform/sdl_window.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "platform/audio_watch.h"
#include "platform/no_gl_window.h"
#include "platform/wayland_presenter.h"

namespace platform {

namespace {

// Where a fullscreen kiosk window goes and how it is asked for. SDL's X11 driver turns a fullscreen request
// into a message to the window manager and then polls for up to 100 ms for the window to change; with no
// window manager (Xvfb, a bare X server) nothing answers and the whole 100 ms passes before the first frame.
// There a borderless window placed over the whole display is the same picture without the wait. Elsewhere
// (Wayland: cage) the compositor is asked for fullscreen and answers at once.
struct Placement {
  int x, y, w, h;
  Uint32 flags;
};

// The fullscreen request is made at the display's size too: SDL 2.26's Wayland window keeps the size it was
// asked for as its size in pixels until the compositor resizes it, so asked for at another size its first
// frames were drawn at that size and then, after a resize, through a copy (see FitFrameToWindow).
Placement FullscreenPlacement(const WindowOptions& o) {
  SDL_Rect display{};
  bool known = SDL_GetDisplayBounds(0, &display) == 0 && display.w > 0 && display.h > 0;
  bool x11 = std::strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0;
  if (x11 && known) return {display.x, display.y, display.w, display.h, SDL_WINDOW_BORDERLESS};
  return {SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, known ? display.w : o.width,
          known ? display.h : o.height, SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS};
}

// SDL_Init connects to the D-Bus session bus (for screensaver and input-method helpers a kiosk does not use).
// With no session bus (a kiosk's service has none) and DISPLAY set (cage sets it for Xwayland), libdbus
// forks and execs dbus-launch to start one: 8-20 ms of every start, to fail anyway. Say there is none.
void NoSessionBusAutolaunch() {
  if (std::getenv("DBUS_SESSION_BUS_ADDRESS")) return;
  const char* runtime_dir = std::getenv("XDG_RUNTIME_DIR");
  std::error_code ec;
  if (runtime_dir && std::filesystem::exists(std::filesystem::path(runtime_dir) / "bus", ec)) return;
  setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
}

}  // namespace

core::Result<std::unique_ptr<SdlWindow>> SdlWindow::Create(const WindowOptions& o) {
  using R = core::Result<std::unique_ptr<SdlWindow>>;
  if (o.headless) setenv("SDL_VIDEODRIVER", "dummy", 1);
  // No GPU is assumed: the software renderer is light and predictable (override with SDL_RENDER_DRIVER).
  SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  // No client-side decorations on Wayland: cage asks clients to draw their own, SDL then hands the window to
  // libdecor, and libdecor without its plugins (not installed on a kiosk) leaves the window unmapped: a
  // black screen under cage. A kiosk never wants a title bar anyway.
  SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
  if (o.fullscreen) {
    // Kiosk mode: keep the keyboard (no Alt+Tab out while grabbed), never minimise on focus loss.
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  }
  NoSessionBusAutolaunch();
  auto phase_done = o.phase_done ? o.phase_done : [](const char*) {};
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
    return R::Fail(std::string("SDL_Init: ") + SDL_GetError());
  // Each time the audio watch or the voice opens SDL's audio, SDL posts an "added" event per output: the
  // watch lists the outputs itself (platform/audio_watch.h), so those events would only wake the loop.
  SDL_EventState(SDL_AUDIODEVICEADDED, SDL_IGNORE);
  SDL_EventState(SDL_AUDIODEVICEREMOVED, SDL_IGNORE);
  phase_done("SDL_Init (video, timer)");
  std::unique_ptr<SdlWindow> w(new SdlWindow());
  Placement at{SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width, o.height, 0};
  if (!o.headless)
    at = o.fullscreen ? FullscreenPlacement(o) : Placement{at.x, at.y, at.w, at.h, SDL_WINDOW_RESIZABLE};
  Uint32 flags = at.flags | SDL_WINDOW_ALLOW_HIGHDPI;
  // Wayland on SDL 2.26: no EGL for a window drawn in software; SDL's own way if it will not take that.
  Uint32 no_gl = o.headless ? 0 : NoGlWindowFlag();
  w->window_ = SDL_CreateWindow(o.title.c_str(), at.x, at.y, at.w, at.h, flags | no_gl);
  ReleaseNoGlHold(no_gl);
  if (!w->window_ && no_gl) w->window_ = SDL_CreateWindow(o.title.c_str(), at.x, at.y, at.w, at.h, flags);
  if (!w->window_) return R::Fail(std::string("SDL_CreateWindow: ") + SDL_GetError());
  phase_done("window creation");
  if (!w->UseWaylandPresenter()) w->renderer_ = SDL_CreateRenderer(w->window_, -1, 0);
  if (!w->renderer_) return R::Fail(std::string("SDL_CreateRenderer: ") + SDL_GetError());
  if (!o.headless) SDL_ShowCursor(SDL_DISABLE);
  if (o.fullscreen && !o.headless) SDL_SetWindowKeyboardGrab(w->window_, SDL_TRUE);
  ImGui_ImplSDL2_InitForSDLRenderer(w->window_);
  ImGui_ImplSDLRenderer_Init(w->renderer_);
  w->backends_ = true;
  w->pixels_on_demand_ = o.headless && !o.render_every_frame;
  phase_done("renderer creation, ImGui backends");
  w->phase_done_ = o.phase_done;
  return w;
}

// SDL 2.26 gives Wayland windows no software framebuffer: asked for its software renderer it falls back to
// OpenGL (llvmpipe without a GPU: +60 MB and +200 ms before the first frame). So on Wayland the software
// renderer draws straight into shared-memory buffers that WaylandPresenter hands to the compositor. SDL
// still owns the window and its input.
bool SdlWindow::UseWaylandPresenter() {
  presenter_ = WaylandPresenter::For(window_);
  if (!presenter_) return false;
  SDL_GetWindowSizeInPixels(window_, &frame_w_, &frame_h_);
  // The renderer's surface is a view of a presenter buffer; each Present points it at a free one (an
  // application may change a surface's pixels). The renderer does not own it: base_ lives with the window.
  void* pixels = presenter_->Acquire(frame_w_, frame_h_);
  if (pixels) {
    base_ = SDL_CreateRGBSurfaceWithFormatFrom(pixels, frame_w_, frame_h_, 32, frame_w_ * 4,
                                               SDL_PIXELFORMAT_RGB888);
  }
  if (base_) renderer_ = SDL_CreateSoftwareRenderer(base_);
  if (renderer_) return true;
  if (base_) SDL_FreeSurface(base_);
  base_ = nullptr;
  presenter_.reset();
  return false;
}

// A surface cannot change size. If the window does (another screen: not part of a kiosk's day), the renderer
// draws into a target texture of the window's size from then on, copied into a buffer at each Present.
void SdlWindow::FitFrameToWindow() {
  int w = 0, h = 0;
  SDL_GetWindowSizeInPixels(window_, &w, &h);
  if (w == frame_w_ && h == frame_h_) return;
  SDL_Texture* frame = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, w, h);
  if (!frame) return;  // keep drawing at the old size: a wrong size beats no picture
  if (!frame_) {
    // The presenter replaces its buffers at the new size: the surface must not keep pointing into them.
    unused_pixels_.assign(static_cast<size_t>(base_->pitch) * base_->h, 0);
    base_->pixels = unused_pixels_.data();
  }
  SDL_SetRenderTarget(renderer_, frame);
  ForgetFrames();
  if (frame_) SDL_DestroyTexture(frame_);
  frame_ = frame;
  frame_w_ = w;
  frame_h_ = h;
}

SdlWindow::~SdlWindow() {
  if (backends_) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
  }
  if (frame_) SDL_DestroyTexture(frame_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (base_) SDL_FreeSurface(base_);
  presenter_.reset();
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

Events SdlWindow::Wait(int timeout_ms) {
  Events ev;
  SDL_Event e;
  bool got = timeout_ms > 0 ? SDL_WaitEventTimeout(&e, timeout_ms) : SDL_PollEvent(&e);
  while (got) {
    if (e.type != SDL_TEXTINPUT) ImGui_ImplSDL2_ProcessEvent(&e);
    switch (e.type) {
      case SDL_QUIT:
        ev.quit = true;
        break;
      case SDL_WINDOWEVENT:
        ev.resized |= e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED;
        if (e.window.event == SDL_WINDOWEVENT_EXPOSED)
          show_all_ = true;  // the window system lost the picture
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_RESIZED ||
            e.window.event == SDL_WINDOWEVENT_SHOWN || e.window.event == SDL_WINDOWEVENT_RESTORED) {
          ForgetFrames();  // SDL may have made a new window surface
        }
        ev.input |= e.window.event == SDL_WINDOWEVENT_EXPOSED || ev.resized;
        break;
      case SDL_MOUSEBUTTONUP:
        finger_lifted_ = e.button.which == SDL_TOUCH_MOUSEID;
        ev.input = true;
        break;
      case SDL_MOUSEMOTION:
        if (e.motion.which != SDL_TOUCH_MOUSEID) finger_lifted_ = false;
        ev.input = true;
        break;
      case SDL_MOUSEBUTTONDOWN:
        finger_lifted_ = false;
        ev.input = true;
        break;
      case SDL_TEXTINPUT:
        ev.text += e.text.text;
        ev.input = true;
        break;
      case SDL_KEYDOWN:
        ev.keys.push_back({e.key.keysym.sym, e.key.keysym.mod});
        ev.input = true;
        break;
      case SDL_USEREVENT:
        ev.audio_changed |= e.user.code == kAudioChangedCode;
        break;
      case SDL_MOUSEWHEEL:
      case SDL_KEYUP:
      case SDL_FINGERDOWN:
      case SDL_FINGERMOTION:
      case SDL_FINGERUP:
        ev.input = true;
        break;
      default:
        break;
    }
    got = SDL_PollEvent(&e);
  }
  return ev;
}

void SdlWindow::NewFrame() {
  if (presenter_) FitFrameToWindow();
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  if (finger_lifted_ && !ImGui::GetIO().MouseDown[0]) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void SdlWindow::ForgetFrames() {
  for (auto& f : drawn_) f = FrameTriangles{};
  on_screen_ = -1;
  show_all_ = true;
}

void SdlWindow::Present(const core::Rgba& clear, core::Image* capture) {
  if (phase_done_) phase_done_("first frame: widgets laid out (ImGui)");
  ImGui::Render();
  if (pixels_on_demand_ && !capture) return;
  ImDrawData* data = ImGui::GetDrawData();
  bool into_buffer = presenter_ && !frame_;  // Wayland: draw straight into a free shared-memory buffer
  int slot = frame_ ? kFrameSlot : 0;
  if (into_buffer) {
    void* pixels = presenter_->Acquire(frame_w_, frame_h_);
    if (pixels) base_->pixels = pixels;
    slot = presenter_->Acquired();
  }
  // What to draw into the target (against the frame it holds) and what to show (against the one on screen).
  FrameTriangles frame =
      FrameTriangles::Of(*data, static_cast<int>(data->DisplaySize.x), static_cast<int>(data->DisplaySize.y));
  ClearColour colour{static_cast<unsigned char>(clear[0] * 255), static_cast<unsigned char>(clear[1] * 255),
                     static_cast<unsigned char>(clear[2] * 255)};  // as SDL_SetRenderDrawColor got it before
  frame.clear = static_cast<uint32_t>(colour.r) << 16 | static_cast<uint32_t>(colour.g) << 8 | colour.b;
  std::optional<PixelRect> redraw, shown;  // nullopt: all of it
  if (slot >= 0) {
    redraw = Damage(drawn_[slot], frame);
    if (on_screen_ == slot) shown = redraw;
    if (on_screen_ >= 0 && on_screen_ != slot) shown = Damage(drawn_[on_screen_], frame);
  }
  if (show_all_) shown.reset();
  if (!redraw) {
    RenderAll(renderer_, data, colour);
  } else if (!redraw->empty()) {
    RenderRegion(renderer_, data, *redraw, colour);
  }
  if (redraw && pixels_on_demand_) CheckPartialFrame(data, colour, *redraw);  // scripted runs, not benchmarks
  if (phase_done_) phase_done_("first frame: rasterised (software)");
  last_redraw_ = redraw;
  if (slot >= 0) {
    drawn_[slot] = std::move(frame);
  } else {
    ForgetFrames();  // no buffer: drawn whole into whatever the surface pointed at
  }
  if (capture) {
    capture->width = width();
    capture->height = height();
    capture->rgba.assign(static_cast<size_t>(capture->width) * capture->height * 4, 0);
    SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, capture->rgba.data(),
                         capture->width * 4);
  }
  bool changed = !shown || !shown->empty();
  if (changed) Show(shown, slot);
  show_all_ = false;
  if (phase_done_) std::exchange(phase_done_, nullptr)("first frame: presented");
}

// Hands the frame to the window system: all of it, or the rectangle that changed.
void SdlWindow::Show(const std::optional<PixelRect>& changed, int slot) {
  SDL_Rect r{};
  if (changed) r = {changed->x0, changed->y0, changed->x1 - changed->x0, changed->y1 - changed->y0};
  if (presenter_ && !frame_) {
    SDL_RenderFlush(renderer_);
    int ww = 0, wh = 0;
    SDL_GetWindowSize(window_, &ww, &wh);
    bool pixels_are_units = ww == frame_w_ && wh == frame_h_;  // damage is in surface units
    int damage[4] = {r.x, r.y, r.w, r.h};
    presenter_->Commit(changed && pixels_are_units ? damage : nullptr);
    on_screen_ = slot;
  } else if (presenter_) {
    if (presenter_->Show(renderer_, frame_w_, frame_h_)) on_screen_ = slot;
  } else if (changed) {
    SDL_RenderFlush(renderer_);
    SDL_UpdateWindowSurfaceRects(window_, &r, 1);
    on_screen_ = slot;
  } else {
    SDL_RenderPresent(renderer_);
    on_screen_ = slot;
  }
}

// Headless: the partial frame just drawn (`redraw` of it; empty: nothing), against the whole frame drawn
// again from scratch, which it leaves on the target.
void SdlWindow::CheckPartialFrame(ImDrawData* data, ClearColour clear, const PixelRect& redraw) {
  int w = width(), h = height();
  std::vector<Uint32> partial(static_cast<size_t>(w) * h), whole(partial.size());
  SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ARGB8888, partial.data(), w * 4);
  RenderAll(renderer_, data, clear);
  SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ARGB8888, whole.data(), w * 4);
  size_t differ = 0, first = 0;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (partial[i] != whole[i] && differ++ == 0) first = i;
  }
  if (differ == 0) return;
  mismatch_ = "a frame drawn in part (" + std::to_string(redraw.x0) + "," + std::to_string(redraw.y0) +
              " to " + std::to_string(redraw.x1) + "," + std::to_string(redraw.y1) +
              ") differs from the whole frame in " + std::to_string(differ) + " pixels, the first at " +
              std::to_string(first % w) + "," + std::to_string(first / w);
}

int SdlWindow::width() const {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  return w;
}

int SdlWindow::height() const {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  return h;
}

}  // namespace platform
