#!/usr/bin/env python3
"""Draws MixDojo's icon (a dark rounded square with a white waveform over an EQ curve) as a PNG.

Standard library only; the PNG is committed, so this runs only when the icon changes:
    python3 packaging/make-icon.py src/main/resources/dev/mixdojo/ui/mixdojo.png
"""
import math
import struct
import sys
import zlib

SIZE = 256
SUPER = 4  # supersampling per axis, for smooth edges


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def colour_at(x, y):
    """RGBA of one supersample at (x, y) in icon pixels."""
    if not inside_rounded_square(x, y, SIZE, 48):
        return (0, 0, 0, 0)
    # background: deep blue, a little lighter at the top
    t = y / SIZE
    background = (int(28 + 20 * (1 - t)), int(44 + 30 * (1 - t)), int(92 + 40 * (1 - t)), 255)
    u = (x - 32) / (SIZE - 64)  # 0..1 across the drawing area
    if 0 <= u <= 1:
        # an EQ bell (amber), drawn as a band 7 px thick
        bell = 170 - 70 * math.exp(-((u - 0.62) / 0.13) ** 2)
        if abs(y - bell) < 3.5:
            return (255, 184, 64, 255)
        # a decaying waveform (white)
        wave = 112 + 52 * math.exp(-2.2 * u) * math.sin(2 * math.pi * 4.5 * u)
        if abs(y - wave) < 5:
            return (250, 250, 250, 255)
    return background


def main(path):
    rows = []
    for py in range(SIZE):
        row = bytearray([0])  # filter: none
        for px in range(SIZE):
            acc = [0, 0, 0, 0]
            for sy in range(SUPER):
                for sx in range(SUPER):
                    r, g, b, a = colour_at(px + (sx + 0.5) / SUPER, py + (sy + 0.5) / SUPER)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SUPER * SUPER
            alpha = acc[3] / n
            if acc[3]:
                row += bytes((round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as out:
        out.write(png)


if __name__ == "__main__":
    main(sys.argv[1])
