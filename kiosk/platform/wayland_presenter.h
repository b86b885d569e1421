// Shows the software renderer's frames on a Wayland window through shared memory (wl_shm), which SDL 2.26
// cannot do itself: its Wayland windows have no software framebuffer, so SDL_CreateRenderer falls back to
// OpenGL on llvmpipe (+60 MB, +200 ms to the first frame).
#pragma once

#include <memory>

struct SDL_Window;
struct SDL_Renderer;

namespace platform {

class WaylandPresenter {
 public:
  // For a window on SDL's Wayland driver; null elsewhere, or if the compositor offers no wl_shm.
  static std::unique_ptr<WaylandPresenter> For(SDL_Window* window);
  ~WaylandPresenter();
  WaylandPresenter(const WaylandPresenter&) = delete;
  WaylandPresenter& operator=(const WaylandPresenter&) = delete;

  // The pixels (XRGB8888, `width` * 4 bytes a row) of a buffer the compositor is not using, for the next
  // frame to be drawn into; null if no buffer could be made. A new size replaces the buffers.
  void* Acquire(int width, int height);
  // Which of the two buffers the last Acquire gave (0 or 1; -1: none). Each keeps the frame last drawn into
  // it.
  int Acquired() const;
  // Shows the buffer last acquired on the window; the compositor is told that only `damage` changed (x, y,
  // width, height; null: all of it).
  void Commit(const int* damage = nullptr);
  // Acquire, copy the renderer's current target (`width` x `height`) into the buffer, Commit. False if no
  // buffer could be made (the frame is dropped).
  bool Show(SDL_Renderer* renderer, int width, int height);

 private:
  struct State;
  explicit WaylandPresenter(std::unique_ptr<State> state);
  std::unique_ptr<State> s_;
};

}  // namespace platform
