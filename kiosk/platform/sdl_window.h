// The SDL window and software renderer with ImGui's SDL backends: events in, frames out, pixels back.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"
#include "core/content/config.h"
#include "core/visit/signature.h"
#include "platform/frame_damage.h"
#include "platform/region_render.h"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;
struct SDL_Surface;
struct ImDrawData;

namespace platform {

class WaylandPresenter;

// An image on the renderer, for ImGui::Image / AddImage (ImTextureID is the SDL_Texture*).
struct Texture {
  void* id = nullptr;
  int width = 0, height = 0;
};

struct WindowOptions {
  bool headless = false;  // SDL dummy video driver: no screen, pixels read back for screenshots
  bool fullscreen = true;
  int width = 1920, height = 1080;
  std::string title = "Kiosk";
  // Headless only: rasterise every frame (benchmarks). Otherwise a headless frame is laid out and checked
  // but turned into pixels only when it is captured (screenshots), which keeps scripted runs fast.
  bool render_every_frame = false;
  // Told when each phase of the start has ended (SDL_Init, the window, the renderer, then the first frame's
  // layout, rasterising and presenting), so --report-first-frame can show what the start costs.
  std::function<void(const char* phase)> phase_done;
};

// What happened while waiting for input.
struct Events {
  bool input = false;  // a touch, click, key or text: something to draw and an activity for the idle timer
  bool quit = false;   // the window was closed (development only; kiosk mode ignores it)
  bool resized = false;
  bool audio_changed = false;  // an audio output came or went, or the headphone jack changed (AudioWatch)
  struct Key {
    int code = 0;       // SDL_Keycode
    unsigned mods = 0;  // SDL_Keymod held with it
    bool operator==(const Key&) const = default;
  };
  std::vector<Key> keys;  // keys pressed (and held keys' repeats), in order
  std::string text;       // UTF-8 typed on a physical keyboard (kept whole: ImGui 1.86 drops emoji and other
                          // characters beyond the 16-bit range)
};

class SdlWindow {
 public:
  // Creates the window and renderer and initialises ImGui's SDL backends (an ImGui context must exist).
  static core::Result<std::unique_ptr<SdlWindow>> Create(const WindowOptions& options);
  ~SdlWindow();
  SdlWindow(const SdlWindow&) = delete;
  SdlWindow& operator=(const SdlWindow&) = delete;

  // Blocks until an event arrives or `timeout_ms` passes (0: just drain); feeds events to ImGui.
  Events Wait(int timeout_ms);
  // Starts an ImGui frame. After a finger lifts, the mouse is moved off-screen so nothing stays hovered.
  void NewFrame();
  // Renders ImGui's draw data over `clear`; when `capture` is set, reads the frame back into it. Only what
  // changed since the frame the target holds is drawn and shown (the attract rotation: one band).
  void Present(const core::Rgba& clear, core::Image* capture = nullptr);
  // What the last Present drew: nullopt all of it, an empty rect nothing, else that rectangle.
  const std::optional<PixelRect>& last_redraw() const { return last_redraw_; }
  // The next Present draws and shows the whole frame (call when a texture it uses has been replaced).
  void ForgetFrames();
  // Headless: a partial frame that did not come out exactly as the whole frame drawn from scratch (each
  // captured partial frame is checked), described; empty if none. Clears it.
  std::string TakeMismatch() { return std::exchange(mismatch_, {}); }
  int width() const;
  int height() const;
  // Loads a PNG (stb_image) into a texture owned by the renderer; errors name the file.
  core::Result<Texture> LoadTexture(const std::filesystem::path& png);

 private:
  SdlWindow() = default;
  // On Wayland the software renderer draws into presenter_'s buffers through base_ (or, once the window has
  // changed size, into frame_, copied into them).
  bool UseWaylandPresenter();
  void FitFrameToWindow();
  void Show(const std::optional<PixelRect>& changed, int slot);
  void CheckPartialFrame(ImDrawData* data, ClearColour clear, const PixelRect& redraw);
  // What each target holds (by slot: the window surface or Wayland buffer 0, Wayland buffer 1, frame_), so
  // the next frame drawn into it draws only what differs.
  static constexpr int kFrameSlot = 2;
  std::array<FrameTriangles, 3> drawn_{};
  int on_screen_ = -1;    // the slot last shown
  bool show_all_ = true;  // the window system may have lost the picture (exposed, resized): show all of it
  std::optional<PixelRect> last_redraw_;
  std::string mismatch_;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<WaylandPresenter> presenter_;
  SDL_Texture* frame_ = nullptr;
  SDL_Surface* base_ = nullptr;
  std::vector<unsigned char> unused_pixels_;  // what base_ points at once frame_ is drawn into instead
  int frame_w_ = 0, frame_h_ = 0;
  bool backends_ = false;
  bool finger_lifted_ = false;
  bool pixels_on_demand_ = false;                // headless without render_every_frame
  std::function<void(const char*)> phase_done_;  // until the first frame is on screen
};

}  // namespace platform
