"""The Qt renderer's faces and text: a sans 黑体, a Kai 楷体, the substitutions named, numbers never spaced out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from zjdesk.report.page_spec import FONTS

pytestmark = pytest.mark.usefixtures("qt_application")


def test_heading_levels_get_faces_of_their_own_look() -> None:
    from PySide6.QtGui import QFontDatabase

    from zjdesk.report.qt_text import face_used

    heiti, kaiti, fangsong = face_used("heiti"), face_used("kaiti"), face_used("fangsong")
    assert len({heiti, kaiti, fangsong}) == 3  # 黑体, 楷体 and the body's 仿宋 never look alike
    assert heiti in ("黑体", "SimHei", "Microsoft YaHei", "微软雅黑") or "Sans" in heiti or "Hei" in heiti
    assert kaiti in ("楷体_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", "AR PL UKai CN", "LXGW WenKai")
    if QFontDatabase.hasFamily("cwTeXFangSong"):
        # A Traditional-only 仿宋 would set half the characters in another face: it only fills in.
        assert fangsong != "cwTeXFangSong"


def test_the_substitutes_are_named_where_the_gb_faces_are_missing() -> None:
    from PySide6.QtGui import QFontDatabase

    from zjdesk.report.qt_document import font_notice
    from zjdesk.report.qt_text import face_used, font_substitutions

    substitutions = dict(font_substitutions())
    for face in FONTS.values():
        if QFontDatabase.hasFamily(face.name):
            assert face.name not in substitutions
        else:
            assert substitutions[face.name] == face_used(face.key)
    notice = font_notice()
    if substitutions:
        assert "本机未安装公文字体" in notice and "仿宋_GB2312 → " in notice
    else:
        assert notice == ""


class _GlyphRecorder:
    """Stands in for a QPainter: records where each character's glyphs are drawn."""

    def __init__(self) -> None:
        self.x: list[float] = []

    def setPen(self, _pen) -> None:  # type: ignore[no-untyped-def]
        pass

    def drawGlyphRun(self, origin: QPointF, run) -> None:  # type: ignore[no-untyped-def]
        self.x.extend(origin.x() + position.x() for position in run.positions())


def test_justified_lines_space_out_characters_but_never_a_number() -> None:
    from zjdesk.report.qt_text import PT, draw_lines, lay_out, single_role

    text = "根据湛江市2010年至2024年的统计数据整理形成本评价报告的基础材料" * 2
    block = lay_out(text, single_role("body"), 442.25 * PT)
    assert len(block.lines) >= 2 and block.lines[0].justify
    recorder = _GlyphRecorder()
    draw_lines(recorder, block, QPointF(0, 0), range(0, 1))  # type: ignore[arg-type]
    line = block.lines[0]
    xs = recorder.x
    assert len(xs) == line.end - line.start
    number = text.index("2010")
    inside = [xs[i + 1] - xs[i] for i in range(number, number + 3)]
    natural = block.advances[number : number + 3]
    assert inside == pytest.approx(natural, abs=0.01)  # the digits keep their own advances
    first_gap = xs[1] - xs[0]
    assert first_gap > block.advances[0] + 1  # between Chinese characters the line's slack is spread
    # The line ends on the text block's right edge.
    assert xs[-1] + block.advances[line.end - 1] == pytest.approx(442.25 * PT, abs=0.5)
