"""Windows and dialogs sized to the screen they open on, title bar and all, at any display scaling.

On a 1366×768 laptop at 150 % the screen is 911×512 logical pixels, less the taskbar: a window
made for 1360×860 would put its title bar or its buttons off-screen. Every top-level window of the
program is sized here, from the screen's available geometry (which excludes the taskbar) less the
room the window frame takes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

# Room the window frame takes beside the client area (borders; title bar), which
# availableGeometry still includes: Windows 10/11 at any scaling stays within these logical pixels.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48


def available_geometry(widget: QWidget) -> QRect | None:
    """The available geometry of the screen ``widget`` (or its parent) is on, or the primary screen's."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def client_room(widget: QWidget) -> QSize | None:
    """The largest client area a top-level window can have on its screen with its frame still on it."""
    available = available_geometry(widget)
    if available is None:
        return None
    return QSize(available.width() - FRAME_WIDTH, available.height() - FRAME_HEIGHT)


def centre_on_screen(window: QWidget) -> None:
    """Put ``window`` in the middle of its screen's available area (its frame inside it)."""
    available = available_geometry(window)
    if available is None:
        return
    frame = window.frameGeometry()
    frame.setSize(window.size() + QSize(FRAME_WIDTH, FRAME_HEIGHT))
    frame.moveCenter(available.center())
    window.move(max(available.left(), frame.left()), max(available.top(), frame.top()))


PREFERRED_SIZE = (1360, 860)


def fit_to_screen(window: QWidget, preferred: tuple[int, int] = PREFERRED_SIZE, *, grow: bool = False) -> None:
    """Give ``window`` its ``preferred`` size, or most of the screen where that is smaller, centred.

    With ``grow``, a large screen (1920×1080) gives the window more room too, up to 85 % of it.
    The window's minimum size is lowered where the screen is smaller still (the pages scroll).
    """
    width, height = preferred
    available = available_geometry(window)
    room = client_room(window)
    if available is not None and room is not None:
        if grow:
            width = max(width, min(available.width() * 85 // 100, 1680))
            height = max(height, min(available.height() * 88 // 100, 1000))
        width = min(width, room.width())
        height = min(height, room.height())
        minimum = window.minimumSize()
        window.setMinimumSize(min(minimum.width(), room.width()), min(minimum.height(), room.height()))
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    centre_on_screen(window)


def fit_dialog(dialog: QWidget, width: int, height: int = 0) -> None:
    """Size a dialog to ``width`` (and its content's height, or ``height``), within its screen, centred."""
    room = client_room(dialog)
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    wanted_height = height or dialog.sizeHint().height()
    if room is not None:
        width = min(width, room.width())
        wanted_height = min(wanted_height, room.height())
        dialog.setMaximumSize(room)
        minimum = dialog.minimumSize()
        dialog.setMinimumSize(min(minimum.width(), room.width()), min(minimum.height(), room.height()))
    dialog.resize(width, max(wanted_height, dialog.minimumHeight()))
    centre_on_screen(dialog)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls when the screen is shorter than it (a dialog's tab)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
