// SDL window, software renderer and ImGui backend glue.
#include "platform/sdl_window.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cfloat>
#include <cstdlib>

namespace platform {

core::Result<std::unique_ptr<SdlWindow>> SdlWindow::Create(const WindowOptions& o) {
  using R = core::Result<std::unique_ptr<SdlWindow>>;
  if (o.headless) setenv("SDL_VIDEODRIVER", "dummy", 1);
  // No GPU is assumed: the software renderer is light and predictable (override with SDL_RENDER_DRIVER).
  SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (o.fullscreen) {
    // Kiosk mode: keep the keyboard (no Alt+Tab out while grabbed), never minimise on focus loss.
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  }
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
    return R::Fail(std::string("SDL_Init: ") + SDL_GetError());
  std::unique_ptr<SdlWindow> w(new SdlWindow());
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (!o.headless) flags |= o.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
  w->window_ = SDL_CreateWindow(o.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width,
                                o.height, flags);
  if (!w->window_) return R::Fail(std::string("SDL_CreateWindow: ") + SDL_GetError());
  w->renderer_ = SDL_CreateRenderer(w->window_, -1, 0);
  if (!w->renderer_) return R::Fail(std::string("SDL_CreateRenderer: ") + SDL_GetError());
  if (!o.headless) SDL_ShowCursor(SDL_DISABLE);
  if (o.fullscreen && !o.headless) SDL_SetWindowKeyboardGrab(w->window_, SDL_TRUE);
  ImGui_ImplSDL2_InitForSDLRenderer(w->window_);
  ImGui_ImplSDLRenderer_Init(w->renderer_);
  w->backends_ = true;
  w->pixels_on_demand_ = o.headless && !o.render_every_frame;
  return w;
}

SdlWindow::~SdlWindow() {
  if (backends_) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
  }
  if (renderer_) SDL_DestroyRenderer(renderer_);
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
      case SDL_MOUSEWHEEL:
      case SDL_KEYDOWN:
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
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  if (finger_lifted_ && !ImGui::GetIO().MouseDown[0]) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void SdlWindow::Present(const core::Rgba& clear, core::Image* capture) {
  ImGui::Render();
  if (pixels_on_demand_ && !capture) return;
  SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(clear[0] * 255), static_cast<Uint8>(clear[1] * 255),
                         static_cast<Uint8>(clear[2] * 255), 255);
  SDL_RenderClear(renderer_);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  if (capture) {
    capture->width = width();
    capture->height = height();
    capture->rgba.assign(static_cast<size_t>(capture->width) * capture->height * 4, 0);
    SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, capture->rgba.data(),
                         capture->width * 4);
  }
  SDL_RenderPresent(renderer_);
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
