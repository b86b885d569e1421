// The signature model: finger strokes on a canvas, the "enough ink" rule, and rasterising to pixels.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
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
  // Confirmed with the keypad by the statement ui.confirm_consent_by_key instead of drawn (no strokes), where
  // the question allows it (Question::keyed_confirmation)
  bool keyed = false;
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

// Undo and redo of whole strokes, per pad (a signature question's id): each pad has its own redo stack, so
// Redo on one pad never brings back a stroke undone on another (the client's pad never gets the guardian's
// stroke). Undo takes the pad's last stroke; Redo puts back what Undo took off, newest first; a new
// stroke or Clear forgets that pad's redo.
class StrokeHistory {
 public:
  void Add(std::string_view pad, Signature& s, Stroke stroke);
  bool Undo(std::string_view pad, Signature& s);  // false: nothing to undo
  bool Redo(std::string_view pad, Signature& s);  // false: nothing to redo on this pad
  void Clear(std::string_view pad);
  // Strokes Redo could bring back on this pad.
  size_t Redoable(std::string_view pad) const;
  bool empty() const { return undone_.empty(); }  // no pad has anything to redo
  bool operator==(const StrokeHistory&) const = default;

 private:
  std::map<std::string, std::vector<Stroke>, std::less<>> undone_;  // per pad, newest last
};

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, row-major
};

// Dark ink on white, anti-aliased round-capped smoothed lines `thickness` pixels wide, scaled to
// out_width x out_height.
Image Rasterize(const Signature& s, int out_width, int out_height, float thickness = 3.0f);

}  // namespace core
