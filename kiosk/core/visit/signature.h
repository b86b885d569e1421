// The signature model: finger strokes on a canvas, the "enough ink" rule, and rasterising to pixels.
#pragma once

#include <cstdint>
#include <vector>

namespace core {

struct Point {
  float x = 0, y = 0;  // canvas pixels, origin top-left
  bool operator==(const Point&) const = default;
};

struct Stroke {
  std::vector<Point> points;
  bool operator==(const Stroke&) const = default;
};

struct Signature {
  std::vector<Stroke> strokes;
  float width = 0, height = 0;  // canvas size the points are in
  bool operator==(const Signature&) const = default;
};

// Total length of all strokes, as a fraction of the canvas width.
double InkLength(const Signature& s);
// A tap or a dot is not a signature: at least this much ink (fraction of the canvas width).
inline constexpr double kMinInk = 0.35;
bool HasEnoughInk(const Signature& s);

// A smooth line through a stroke's touch samples (a Catmull-Rom spline through every sample), with
// points at most `max_step` apart, so a fast finger draws curves, not corners.
std::vector<Point> Smooth(const std::vector<Point>& samples, float max_step = 2.0f);

// Undo and redo of whole strokes. `undone` holds what Undo took off, newest last; a new stroke forgets it.
void AddStroke(Signature& s, Stroke stroke, std::vector<Stroke>& undone);
bool UndoStroke(Signature& s, std::vector<Stroke>& undone);  // false: nothing to undo
bool RedoStroke(Signature& s, std::vector<Stroke>& undone);  // false: nothing to redo

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, row-major
};

// Dark ink on white, anti-aliased round-capped smoothed lines `thickness` pixels wide, scaled to
// out_width x out_height.
Image Rasterize(const Signature& s, int out_width, int out_height, float thickness = 3.0f);

}  // namespace core
