"""Pictures for the boot test (tests/deploy/vm/boot_test.py): QMP screendumps (PPM) and the kiosk's headless
renders (PNG) read into RGB bytes, PNGs written so a person can look at the screendumps, and a tolerant
comparison of a screen with a render. Python standard library only (zlib, struct)."""
import struct
import zlib


class Image:
    def __init__(self, width, height, rgb):
        self.width, self.height, self.rgb = width, height, rgb

    def pixel(self, x, y):
        i = (y * self.width + x) * 3
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit P6 PPM")
    w, h = int(fields[1]), int(fields[2])
    pos += 1  # the one whitespace byte after maxval
    return Image(w, h, data[pos:pos + w * h * 3])


def write_png(path, img):
    raw = bytearray()
    stride = img.width * 3
    for y in range(img.height):
        raw.append(0)
        raw += img.rgb[y * stride:(y + 1) * stride]

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", img.width, img.height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(bytes(raw), 3)))
        f.write(chunk(b"IEND", b""))


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(path):
    """8-bit RGB or RGBA, non-interlaced (what the kiosk's screenshots are); alpha is dropped."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat = 8, bytearray()
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if color == 2 else 4
    stride = w * bpp
    raw = zlib.decompress(bytes(idat))
    prev = bytearray(stride)
    out = bytearray()
    for y in range(h):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], upleft)) & 0xFF
        out += line
        prev = line
    if bpp == 4:
        rgb = bytearray(w * h * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = out[0::4], out[1::4], out[2::4]
        out = rgb
    return Image(w, h, bytes(out))


def _samples(img, step):
    return [img.pixel(x, y) for y in range(step // 2, img.height, step) for x in range(step // 2, img.width, step)]


def _is_ink(p, background):
    return max(abs(p[0] - background[0]), abs(p[1] - background[1]), abs(p[2] - background[2])) > 24


def similarity(screen, reference, step=6, tolerance=40):
    """How much of what the reference draws (its non-background samples, and the screen's) is the same on the
    screen: 1.0 identical, about 0 for a black or a different screen. Tolerant of antialiasing and of a few
    regions that change (the attract screen's rotating highlight)."""
    if (screen.width, screen.height) != (reference.width, reference.height):
        return 0.0
    background = reference.pixel(1, 1)
    a, b = _samples(screen, step), _samples(reference, step)
    considered = same = 0
    for p, q in zip(a, b):
        if not (_is_ink(p, background) or _is_ink(q, background)):
            continue
        considered += 1
        if max(abs(p[0] - q[0]), abs(p[1] - q[1]), abs(p[2] - q[2])) <= tolerance:
            same += 1
    return same / considered if considered else 1.0


def mostly_one_colour(img, step=16):
    """True when the screen is (nearly) a single colour: black, a blank console."""
    s = _samples(img, step)
    first = s[0]
    return sum(1 for p in s if max(abs(p[i] - first[i]) for i in range(3)) <= 16) > 0.98 * len(s)


def find_colour_box(img, colour, top=0, bottom=None, tolerance=12):
    """Bounding box (x0, y0, x1, y1) of pixels of `colour` between rows top and bottom, or None."""
    bottom = img.height if bottom is None else bottom
    xs, ys = [], []
    for y in range(top, bottom, 2):
        for x in range(0, img.width, 2):
            p = img.pixel(x, y)
            if max(abs(p[i] - colour[i]) for i in range(3)) <= tolerance:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)
