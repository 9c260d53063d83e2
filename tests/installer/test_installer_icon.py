"""The icon: installer/make_icon.py draws it; the committed .ico holds every size Windows asks for."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
EXPECTED_SIZES = [16, 24, 32, 48, 64, 128, 256]


def _load_make_icon():
    spec = importlib.util.spec_from_file_location("make_icon", REPO / "installer" / "make_icon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ico_directory(data: bytes) -> list[tuple[int, int, int]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, _height, _colors, _reserved, _planes, _bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        entries.append((width or 256, size, offset))
    return entries


def _read_all(path: Path) -> list[QImage]:
    reader = QImageReader(str(path))
    images = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        images.append(image)
    return images


# Every test takes pytest-qt's ``qapp`` (a QApplication): a bare QGuiApplication created here would
# outlive the test and break every later test that needs widgets.


def test_committed_ico_has_every_size_and_decodes(qapp) -> None:
    data = (ICONS / "zjdesk.ico").read_bytes()
    directory = _ico_directory(data)
    assert [width for width, _size, _offset in directory] == EXPECTED_SIZES
    for _width, size, offset in directory:
        assert offset + size <= len(data)
    images = _read_all(ICONS / "zjdesk.ico")
    assert [image.width() for image in images] == EXPECTED_SIZES
    assert all(image.hasAlphaChannel() for image in images)


def test_committed_png_is_256_pixels_with_transparent_corners(qapp) -> None:
    image = QImage(str(ICONS / "zjdesk.png"))
    assert (image.width(), image.height()) == (256, 256)
    assert image.pixelColor(0, 0).alpha() == 0
    centre = image.pixelColor(128, 20)  # the red square, above the sheet
    assert centre.alpha() == 255 and centre.red() > 150 and centre.green() < 90


def test_make_icon_writes_the_same_sizes(qapp, tmp_path: Path) -> None:
    make_icon = _load_make_icon()
    assert make_icon.main([str(tmp_path)]) == 0
    images = _read_all(tmp_path / "zjdesk.ico")
    assert [image.width() for image in images] == EXPECTED_SIZES
    # Small sizes are stored as BMP entries (readable by every Windows version and NSIS), 256 px as PNG.
    data = (tmp_path / "zjdesk.ico").read_bytes()
    for width, _size, offset in _ico_directory(data):
        is_png = data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert is_png == (width == 256)
