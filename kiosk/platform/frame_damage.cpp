// Frame damage from ImGui's draw data: the triangles that differ between two frames, and a rectangle around
// them that no triangle crosses.
#include "platform/frame_damage.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace platform {

namespace {

uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

uint64_t Fingerprint(const ImDrawVert* v[3], const void* texture, const PixelRect& clip) {
  uint64_t h = Mix(reinterpret_cast<uintptr_t>(texture), static_cast<uint64_t>(clip.x0) << 32 | clip.y0);
  h = Mix(h, static_cast<uint64_t>(clip.x1) << 32 | static_cast<uint32_t>(clip.y1));
  for (int i = 0; i < 3; ++i) {
    uint32_t words[sizeof(ImDrawVert) / 4];
    static_assert(sizeof(ImDrawVert) % 4 == 0);
    std::memcpy(words, v[i], sizeof words);
    for (uint32_t w : words) h = Mix(h, w);
  }
  return h;
}

// The pixels a triangle may touch: its bounds, widened for rounding and for SDL turning rectangles into
// blits.
PixelRect Bounds(const ImDrawVert* v[3]) {
  float x0 = std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x});
  float y0 = std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y});
  float x1 = std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x});
  float y1 = std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y});
  static constexpr float kLimit = 1e6f;  // far outside any screen; keeps the conversions to int defined
  auto clamp = [](float f) { return std::clamp(f, -kLimit, kLimit); };
  return {static_cast<int>(std::floor(clamp(x0))) - 2, static_cast<int>(std::floor(clamp(y0))) - 2,
          static_cast<int>(std::ceil(clamp(x1))) + 2, static_cast<int>(std::ceil(clamp(y1))) + 2};
}

}  // namespace

void PixelRect::Add(const PixelRect& o) {
  if (o.empty()) return;
  if (empty()) {
    *this = o;
    return;
  }
  x0 = std::min(x0, o.x0);
  y0 = std::min(y0, o.y0);
  x1 = std::max(x1, o.x1);
  y1 = std::max(y1, o.y1);
}

PixelRect PixelRect::Within(const PixelRect& o) const {
  return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
}

PixelRect CommandClip(float clip_x0, float clip_y0, float clip_x1, float clip_y1, int width, int height) {
  float x0 = std::max(clip_x0, 0.0f), y0 = std::max(clip_y0, 0.0f);
  float x1 = std::min(clip_x1, static_cast<float>(width)), y1 = std::min(clip_y1, static_cast<float>(height));
  if (x1 <= x0 || y1 <= y0) return {};
  int x = static_cast<int>(x0), y = static_cast<int>(y0);
  return {x, y, x + static_cast<int>(x1 - x0), y + static_cast<int>(y1 - y0)};
}

FrameTriangles FrameTriangles::Of(const ImDrawData& data, int width, int height) {
  FrameTriangles frame;
  // Only what the kiosk draws: one viewport at the origin, one pixel per unit, no draw callbacks.
  if (data.DisplayPos.x != 0 || data.DisplayPos.y != 0 || data.FramebufferScale.x != 1 ||
      data.FramebufferScale.y != 1) {
    return frame;
  }
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback) return FrameTriangles{};
      PixelRect clip =
          CommandClip(cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w, width, height);
      if (clip.empty()) continue;
      const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
      const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
      for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawVert* v[3] = {vtx + idx[i], vtx + idx[i + 1], vtx + idx[i + 2]};
        PixelRect area = Bounds(v).Within(clip);
        if (area.empty()) continue;
        frame.triangles.push_back({Fingerprint(v, cmd.TextureId, clip), area});
      }
    }
  }
  frame.width = width;
  frame.height = height;
  return frame;
}

std::optional<PixelRect> Damage(const FrameTriangles& before, const FrameTriangles& after) {
  if (before.width <= 0 || after.width <= 0 || before.width != after.width || before.height != after.height ||
      before.clear != after.clear)
    return std::nullopt;
  const auto& b = before.triangles;
  const auto& a = after.triangles;
  // The triangles both frames start and end with, in the same order, are the same picture there.
  size_t head = 0;
  while (head < b.size() && head < a.size() && b[head].key == a[head].key) ++head;
  size_t tail = 0;
  while (tail < b.size() - head && tail < a.size() - head &&
         b[b.size() - 1 - tail].key == a[a.size() - 1 - tail].key) {
    ++tail;
  }
  PixelRect damage;
  for (size_t i = head; i < b.size() - tail; ++i) damage.Add(b[i].area);
  for (size_t i = head; i < a.size() - tail; ++i) damage.Add(a[i].area);
  damage = damage.Within({0, 0, after.width, after.height});
  if (damage.empty()) return PixelRect{};
  // Grow it until no triangle of the new frame crosses its edge: one drawn only in part would differ.
  for (bool grown = true; grown;) {
    grown = false;
    for (const auto& t : a) {
      if (t.area.Touches(damage) && !damage.Holds(t.area)) {
        damage.Add(t.area);
        grown = true;
      }
    }
  }
  return damage.Within({0, 0, after.width, after.height});
}

}  // namespace platform
