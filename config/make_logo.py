#!/usr/bin/python3
"""Draws the default clinic logo, config/logo.png: a plum disc with a white ring and a four-point sparkle.

usage: config/make_logo.py [OUT.png]   (standard library only; 4x4 supersampled for smooth edges)
Another clinic replaces the PNG (theme.logo in kiosk.json); this script only makes ours.
"""
import math
import struct
import sys
import zlib

SIZE, SS = 256, 4
PLUM, WHITE = (0x8B, 0x3D, 0x60), (255, 255, 255)


def sparkle(x, y, cx, cy, r):
    """Inside a four-point star centred at (cx, cy) with arms of length r (concave sides)."""
    dx, dy = abs(x - cx) / r, abs(y - cy) / r
    return dx <= 1 and dy <= 1 and math.sqrt(dx) + math.sqrt(dy) <= 1


def colour_at(x, y):
    """(rgb, alpha) of one sample, in logo coordinates 0..SIZE."""
    c = SIZE / 2
    d = math.hypot(x - c, y - c)
    if d > SIZE * 0.48:
        return PLUM, 0.0
    if sparkle(x, y, c, c, SIZE * 0.30) or sparkle(x, y, c + SIZE * 0.2, c - SIZE * 0.2, SIZE * 0.08):
        return WHITE, 1.0
    if SIZE * 0.40 <= d <= SIZE * 0.43:
        return WHITE, 1.0
    return PLUM, 1.0


def pixel(px, py):
    r = g = b = a = 0.0
    for sy in range(SS):
        for sx in range(SS):
            rgb, alpha = colour_at(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
            r, g, b, a = r + rgb[0] * alpha, g + rgb[1] * alpha, b + rgb[2] * alpha, a + alpha
    if a == 0:
        return bytes((0, 0, 0, 0))
    return bytes((round(r / a), round(g / a), round(b / a), round(255 * a / (SS * SS))))


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + row for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "config/logo.png"
    rows = [b"".join(pixel(x, y) for x in range(SIZE)) for y in range(SIZE)]
    with open(out, "wb") as f:
        f.write(png(SIZE, SIZE, rows))


if __name__ == "__main__":
    main()
