"""Draw zjdesk's icon with Qt and write ``resources/icons/zjdesk.png`` and ``zjdesk.ico``.

The icon is a red rounded square with a white report sheet and a gold check mark (a report that
has been self-evaluated). Each size of the .ico is drawn at that size, not scaled down from a bitmap,
so the small sizes stay sharp. Qt writes one image per .ico file, so the multi-size container is
written here: 16–128 px as 32-bit BMP entries (what every Windows version and NSIS read), 256 px as
a PNG entry (the Vista+ convention for the large size).

Run from the repository root:  python installer/make_icon.py
The output is committed; run this again only when the drawing changes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256
DESIGN_SIZE = 256.0  # the drawing's own coordinate system

RED_TOP = QColor("#d0312d")
RED_BOTTOM = QColor("#a3161a")
SHEET = QColor("#ffffff")
SHEET_FOLD = QColor("#e4e4e4")
LINES = QColor("#b9bec7")
CHECK = QColor("#f2b01e")


def draw_icon(size: int) -> QImage:
    """The icon drawn at ``size`` × ``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / DESIGN_SIZE, size / DESIGN_SIZE)

    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, DESIGN_SIZE))
    gradient.setColorAt(0.0, RED_TOP)
    gradient.setColorAt(1.0, RED_BOTTOM)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)

    # The report sheet with a folded top-right corner.
    left, top, right, bottom, fold = 60.0, 40.0, 196.0, 216.0, 40.0
    sheet = QPainterPath()
    sheet.moveTo(left, top)
    sheet.lineTo(right - fold, top)
    sheet.lineTo(right, top + fold)
    sheet.lineTo(right, bottom)
    sheet.lineTo(left, bottom)
    sheet.closeSubpath()
    painter.setBrush(SHEET)
    painter.drawPath(sheet)
    corner = QPainterPath()
    corner.moveTo(right - fold, top)
    corner.lineTo(right - fold, top + fold)
    corner.lineTo(right, top + fold)
    corner.closeSubpath()
    painter.setBrush(SHEET_FOLD)
    painter.drawPath(corner)

    # Text lines; fewer at small sizes, where thin lines would only blur.
    line_count = 2 if size < 32 else 3
    painter.setBrush(LINES)
    for index in range(line_count):
        width = 76.0 if index == 0 else 100.0
        painter.drawRoundedRect(QRectF(left + 18, top + 24 + index * 30, width, 14), 7, 7)

    # The check mark.
    pen = QPen(CHECK, 26 if size >= 32 else 32)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath()
    check.moveTo(92, 160)
    check.lineTo(122, 188)
    check.lineTo(176, 128)
    painter.drawPath(check)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode the icon as PNG")
    buffer.close()
    return bytes(data)


def bmp_entry_bytes(image: QImage) -> bytes:
    """An .ico image entry as a 32-bit BITMAPINFOHEADER DIB: bottom-up BGRA rows, then the AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((size + 31) // 32) * 4
    for y in reversed(range(size)):
        row = bytearray()
        mask = bytearray(mask_stride)
        for x in range(size):
            pixel = argb.pixel(x, y)  # 0xAARRGGBB, not premultiplied
            row += struct.pack("<I", pixel)  # little-endian: B, G, R, A
            if (pixel >> 24) == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: list[QImage]) -> bytes:
    """A multi-size .ico container holding ``images`` (square, at most 256 px)."""
    entries = [png_bytes(image) if image.width() >= 256 else bmp_entry_bytes(image) for image in images]
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for image, entry in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(entry), offset)
        offset += len(entry)
    return directory + b"".join(entries)


def main(argv: list[str] | None = None) -> int:
    """Write the icon files into ``resources/icons`` (or the folder given as the only argument)."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "resources" / "icons"
    out_dir.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication([])
    (out_dir / "zjdesk.png").write_bytes(png_bytes(draw_icon(PNG_SIZE)))
    (out_dir / "zjdesk.ico").write_bytes(ico_bytes([draw_icon(size) for size in ICO_SIZES]))
    print(f"wrote {out_dir / 'zjdesk.png'} and {out_dir / 'zjdesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
