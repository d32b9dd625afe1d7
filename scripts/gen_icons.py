#!/usr/bin/env python3
"""Writes the app icons: assets/icon.svg and assets/icon-192.png, assets/icon-512.png.

The icon is a dark red rounded square with a white ring and centre dot (a map marker seen from
above). Standard library only; the PNGs are drawn with 4x4 supersampling.
Run from the repository root: python3 scripts/gen_icons.py
"""
import struct
import zlib

BG = (0x8B, 0x1E, 0x1E)
FG = (0xFF, 0xFF, 0xFF)
RADIUS = 0.18  # corner radius, fraction of the side
RING_OUT, RING_IN, DOT = 0.30, 0.21, 0.09  # fractions of the side

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="{RADIUS * 512:.0f}" fill="#{BG[0]:02x}{BG[1]:02x}{BG[2]:02x}"/>
  <circle cx="256" cy="256" r="{(RING_OUT + RING_IN) / 2 * 512:.1f}" fill="none" stroke="#fff" stroke-width="{(RING_OUT - RING_IN) * 512:.1f}"/>
  <circle cx="256" cy="256" r="{DOT * 512:.1f}" fill="#fff"/>
</svg>
"""


def coverage(x, y):
    """(inside the square, on the white mark) for a point in [0,1]^2."""
    r = RADIUS
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    d = ((x - 0.5) ** 2 + (y - 0.5) ** 2) ** 0.5
    mark = RING_IN <= d <= RING_OUT or d <= DOT
    return inside, mark


def png(size):
    rows = []
    ss = 4
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            a = m = 0
            for sy in range(ss):
                for sx in range(ss):
                    x = (px + (sx + 0.5) / ss) / size
                    y = (py + (sy + 0.5) / ss) / size
                    inside, mark = coverage(x, y)
                    if inside:
                        a += 1
                        m += mark
            n = ss * ss
            alpha = a / n
            t = m / a if a else 0
            rgb = [round(BG[i] * (1 - t) + FG[i] * t) for i in range(3)]
            row += bytes(rgb + [round(alpha * 255)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    with open("assets/icon.svg", "w") as f:
        f.write(SVG)
    for size in (192, 512):
        with open(f"assets/icon-{size}.png", "wb") as f:
            f.write(png(size))
