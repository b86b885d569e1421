// Signature ink and rasterisation (distance-to-segment coverage, so it needs no graphics library).
#include "core/visit/signature.h"

#include <algorithm>
#include <cmath>

namespace core {

double InkLength(const Signature& s) {
  if (s.width <= 0) return 0;
  double total = 0;
  for (const auto& stroke : s.strokes) {
    for (size_t i = 1; i < stroke.points.size(); ++i) {
      total += std::hypot(stroke.points[i].x - stroke.points[i - 1].x,
                          stroke.points[i].y - stroke.points[i - 1].y);
    }
  }
  return total / s.width;
}

bool HasEnoughInk(const Signature& s) {
  return InkLength(s) >= kMinInk;
}

std::vector<Point> Smooth(const std::vector<Point>& p, float max_step) {
  if (p.size() < 3) return p;
  std::vector<Point> out{p[0]};
  for (size_t i = 0; i + 1 < p.size(); ++i) {
    // uniform Catmull-Rom through p1 -> p2, with the ends repeated as their own neighbours
    const Point& p0 = p[i == 0 ? 0 : i - 1];
    const Point& p1 = p[i];
    const Point& p2 = p[i + 1];
    const Point& p3 = p[std::min(i + 2, p.size() - 1)];
    float length = std::hypot(p2.x - p1.x, p2.y - p1.y);
    int n = std::clamp(static_cast<int>(std::ceil(length / std::max(0.5f, max_step))), 1, 64);
    for (int k = 1; k <= n; ++k) {
      float t = static_cast<float>(k) / static_cast<float>(n), t2 = t * t, t3 = t2 * t;
      auto at = [&](float a, float b, float c, float d) {
        return 0.5f *
               (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      };
      out.push_back({at(p0.x, p1.x, p2.x, p3.x), at(p0.y, p1.y, p2.y, p3.y)});
    }
  }
  return out;
}

void StrokeHistory::Add(std::string_view pad, Signature& s, Stroke stroke) {
  s.strokes.push_back(std::move(stroke));
  Clear(pad);
}

bool StrokeHistory::Undo(std::string_view pad, Signature& s) {
  if (s.strokes.empty()) return false;
  auto it = undone_.find(pad);
  if (it == undone_.end()) it = undone_.emplace(std::string(pad), std::vector<Stroke>{}).first;
  it->second.push_back(std::move(s.strokes.back()));
  s.strokes.pop_back();
  return true;
}

bool StrokeHistory::Redo(std::string_view pad, Signature& s) {
  auto it = undone_.find(pad);
  if (it == undone_.end() || it->second.empty()) return false;
  s.strokes.push_back(std::move(it->second.back()));
  it->second.pop_back();
  if (it->second.empty()) undone_.erase(it);
  return true;
}

void StrokeHistory::Clear(std::string_view pad) {
  if (auto it = undone_.find(pad); it != undone_.end()) undone_.erase(it);
}

size_t StrokeHistory::Redoable(std::string_view pad) const {
  auto it = undone_.find(pad);
  return it == undone_.end() ? 0 : it->second.size();
}

namespace {

float DistanceToSegment(float px, float py, Point a, Point b) {
  float dx = b.x - a.x, dy = b.y - a.y;
  float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
  return std::hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

void DrawSegment(Image& img, std::vector<float>& cover, Point a, Point b, float radius) {
  int x0 = std::max(0, static_cast<int>(std::floor(std::min(a.x, b.x) - radius - 1)));
  int x1 = std::min(img.width - 1, static_cast<int>(std::ceil(std::max(a.x, b.x) + radius + 1)));
  int y0 = std::max(0, static_cast<int>(std::floor(std::min(a.y, b.y) - radius - 1)));
  int y1 = std::min(img.height - 1, static_cast<int>(std::ceil(std::max(a.y, b.y) + radius + 1)));
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      float d = DistanceToSegment(x + 0.5f, y + 0.5f, a, b);
      float c = std::clamp(radius + 0.5f - d, 0.0f, 1.0f);
      float& cell = cover[static_cast<size_t>(y) * img.width + x];
      cell = std::max(cell, c);
    }
  }
}

}  // namespace

Image Rasterize(const Signature& s, int out_width, int out_height, float thickness) {
  Image img{out_width, out_height, {}};
  std::vector<float> cover(static_cast<size_t>(out_width) * out_height, 0.0f);
  float sx = s.width > 0 ? out_width / s.width : 1.0f;
  float sy = s.height > 0 ? out_height / s.height : 1.0f;
  for (const auto& stroke : s.strokes) {
    std::vector<Point> line = Smooth(stroke.points);
    for (size_t i = 0; i < line.size(); ++i) {
      Point a = line[i == 0 ? 0 : i - 1], b = line[i];
      DrawSegment(img, cover, {a.x * sx, a.y * sy}, {b.x * sx, b.y * sy}, thickness / 2);
    }
  }
  img.rgba.resize(cover.size() * 4);
  const std::uint8_t ink[3] = {0x1d, 0x1b, 0x3a};
  for (size_t i = 0; i < cover.size(); ++i) {
    for (int ch = 0; ch < 3; ++ch) {
      img.rgba[i * 4 + ch] = static_cast<std::uint8_t>(std::lround(255 + (ink[ch] - 255) * cover[i]));
    }
    img.rgba[i * 4 + 3] = 255;
  }
  return img;
}

}  // namespace core
