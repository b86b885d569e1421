// Rendering ImGui's draw data whole or within one rectangle, on SDL's renderer.
#include "platform/region_render.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstddef>

namespace platform {

void RenderAll(SDL_Renderer* renderer, ImDrawData* data, ClearColour clear) {
  SDL_SetRenderDrawColor(renderer, clear.r, clear.g, clear.b, 255);
  SDL_RenderClear(renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(data);
}

// The same draw calls as ImGui_ImplSDLRenderer_RenderDrawData, each clip rectangle cut down to `region`.
void RenderRegion(SDL_Renderer* renderer, ImDrawData* data, const PixelRect& region, ClearColour clear) {
  int width = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  int height = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  SDL_RenderSetViewport(renderer, nullptr);
  SDL_RenderSetClipRect(renderer, nullptr);
  SDL_BlendMode blend = SDL_BLENDMODE_NONE;
  SDL_GetRenderDrawBlendMode(renderer, &blend);
  SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);  // as SDL_RenderClear: the colour, not a blend
  SDL_SetRenderDrawColor(renderer, clear.r, clear.g, clear.b, 255);
  SDL_Rect area{region.x0, region.y0, region.x1 - region.x0, region.y1 - region.y0};
  SDL_RenderFillRect(renderer, &area);
  SDL_SetRenderDrawBlendMode(renderer, blend);
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    const ImDrawVert* vertices = list->VtxBuffer.Data;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      PixelRect clip =
          CommandClip(cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w, width, height)
              .Within(region);
      if (clip.empty() || cmd.UserCallback) continue;
      SDL_Rect r{clip.x0, clip.y0, clip.x1 - clip.x0, clip.y1 - clip.y0};
      SDL_RenderSetClipRect(renderer, &r);
      const ImDrawVert* v = vertices + cmd.VtxOffset;
      SDL_RenderGeometryRaw(
          renderer, static_cast<SDL_Texture*>(cmd.TextureId),
          reinterpret_cast<const float*>(reinterpret_cast<const char*>(v) + offsetof(ImDrawVert, pos)),
          sizeof(ImDrawVert),
          reinterpret_cast<const SDL_Color*>(reinterpret_cast<const char*>(v) + offsetof(ImDrawVert, col)),
          sizeof(ImDrawVert),
          reinterpret_cast<const float*>(reinterpret_cast<const char*>(v) + offsetof(ImDrawVert, uv)),
          sizeof(ImDrawVert), list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset),
          list->IdxBuffer.Data + cmd.IdxOffset, static_cast<int>(cmd.ElemCount), sizeof(ImDrawIdx));
    }
  }
  SDL_RenderSetClipRect(renderer, nullptr);
}

}  // namespace platform
