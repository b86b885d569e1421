// Draws ImGui's draw data on the SDL renderer: all of it, or only inside one rectangle while the rest of the
// target keeps the picture it already holds.
#pragma once

#include "platform/frame_damage.h"

struct SDL_Renderer;
struct ImDrawData;

namespace platform {

struct ClearColour {
  unsigned char r, g, b;
};

// The whole target: cleared, then every draw command (ImGui's SDL renderer backend).
void RenderAll(SDL_Renderer* renderer, ImDrawData* data, ClearColour clear);
// Only `region`: cleared, then every draw command clipped to it. Given a rectangle from Damage(), the pixels
// are exactly those RenderAll would give.
void RenderRegion(SDL_Renderer* renderer, ImDrawData* data, const PixelRect& region, ClearColour clear);

}  // namespace platform
