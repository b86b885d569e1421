// Keeps SDL 2.26 from starting OpenGL (EGL, Mesa, libLLVM) for a Wayland window the kiosk never draws into
// with OpenGL: 14 MB of memory and ~110 ms of window creation under cage.
#pragma once

#include <cstdint>

namespace platform {

// Call after SDL_Init, before SDL_CreateWindow. On SDL's Wayland driver before SDL 2.30 returns the window
// flag that stops SDL from loading OpenGL for the window (SDL_WINDOW_VULKAN, with a stand-in Vulkan loader
// that has no driver behind it); 0 elsewhere, or if SDL would not take it (then SDL does what it always did).
uint32_t NoGlWindowFlag();
// Call once the window exists (made with or without that flag): lets go of the stand-in loader's extra hold.
void ReleaseNoGlHold(uint32_t flag);

}  // namespace platform
