"""Turns a tmux `capture-pane -e` dump (text with SGR colour codes) into an SVG."""
import html
import re
import sys
import unicodedata

PALETTE = ["#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
           "#666666", "#d54e53", "#b9ca4a", "#e7c547", "#7aa6da", "#c397d8", "#70c0b1", "#eaeaea"]
FG, BG = PALETTE[7], PALETTE[0]
CW, CH = 8.4, 17  # cell width and height in px


def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def parse(lines):
    rows = []
    for line in lines:
        fg, bg, bold, rev, ul = None, None, False, False, False
        cells = []
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            m = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
            if not m:
                for ch in part:
                    cells.append((ch, fg, bg, bold, rev, ul))
                continue
            codes = [int(c) if c else 0 for c in m.group(1).split(";")]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    fg, bg, bold, rev, ul = None, None, False, False, False
                elif c == 1:
                    bold = True
                elif c == 4:
                    ul = True
                elif c == 7:
                    rev = True
                elif c == 22:
                    bold = False
                elif c == 24:
                    ul = False
                elif c == 27:
                    rev = False
                elif 30 <= c <= 37:
                    fg = PALETTE[c - 30]
                elif 90 <= c <= 97:
                    fg = PALETTE[c - 90 + 8]
                elif 40 <= c <= 47:
                    bg = PALETTE[c - 40]
                elif 100 <= c <= 107:
                    bg = PALETTE[c - 100 + 8]
                elif c == 39:
                    fg = None
                elif c == 49:
                    bg = None
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    n = codes[i + 2]
                    col = PALETTE[n] if n < 16 else FG
                    if c == 38:
                        fg = col
                    else:
                        bg = col
                    i += 2
                i += 1
        rows.append(cells)
    return rows


def main():
    rows = parse(sys.stdin.read().rstrip("\n").split("\n"))
    cols = max((sum(width(c[0]) for c in r) for r in rows), default=0)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{cols * CW:.0f}" height="{len(rows) * CH}" '
           f'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">',
           f'<rect width="100%" height="100%" fill="{BG}"/>']
    for y, row in enumerate(rows):
        x = 0
        for ch, fg, bg, bold, rev, ul in row:
            f, b = fg or FG, bg
            if rev:
                f, b = (bg or BG), (fg or FG)
            w = width(ch)
            if b:
                out.append(f'<rect x="{x * CW:.1f}" y="{y * CH}" width="{w * CW + 0.6:.1f}" height="{CH + 0.6}" fill="{b}"/>')
            if ch != " ":
                attrs = f'fill="{f}"' + (' font-weight="bold"' if bold else "") + (' text-decoration="underline"' if ul else "")
                out.append(f'<text x="{x * CW:.1f}" y="{y * CH + 13}" {attrs}>{html.escape(ch)}</text>')
            x += w
    out.append("</svg>")
    print("\n".join(out))


main()
