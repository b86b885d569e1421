// Which part of the picture a frame changes, from ImGui's draw data: so an idle screen that changes one band
// (the attract screen's rotating highlight) redraws and shows that band, not the whole screen.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

struct ImDrawData;

namespace platform {

// Pixels [x0, x1) x [y0, y1).
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  long area() const { return empty() ? 0 : static_cast<long>(x1 - x0) * (y1 - y0); }
  bool Touches(const PixelRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool Holds(const PixelRect& o) const { return x0 <= o.x0 && y0 <= o.y0 && o.x1 <= x1 && o.y1 <= y1; }
  void Add(const PixelRect& o);
  PixelRect Within(const PixelRect& o) const;  // the intersection
};

// The clip rectangle a draw command gets on a `width` x `height` target, in whole pixels, exactly as
// ImGui's SDL renderer backend works it out.
PixelRect CommandClip(float clip_x0, float clip_y0, float clip_x1, float clip_y1, int width, int height);

// One frame's triangles in drawing order, as the renderer gets them: a fingerprint of each (its vertices,
// texture and clip) and the pixels it may touch. Triangles clipped away entirely are left out.
struct FrameTriangles {
  struct Triangle {
    uint64_t key;
    PixelRect area;
  };
  std::vector<Triangle> triangles;
  int width = 0, height = 0;  // 0: nothing known (never drawn, or a frame we cannot fingerprint)
  uint32_t clear = 0;         // the colour under the triangles (0xRRGGBB): part of the picture too

  static FrameTriangles Of(const ImDrawData& data, int width, int height);
};

// What must be drawn again to turn a picture of `before` into `after`. nullopt: all of it (also when the
// clear colour changed: high contrast on a page that is not white). An empty rect:
// nothing, the pictures are the same. Otherwise a rectangle that holds every triangle that differs and that
// no triangle of `after` crosses (each is wholly inside or wholly outside): clearing it and drawing into it,
// in order, the triangles that touch it gives exactly the pixels of the whole frame drawn from scratch.
std::optional<PixelRect> Damage(const FrameTriangles& before, const FrameTriangles& after);

}  // namespace platform
