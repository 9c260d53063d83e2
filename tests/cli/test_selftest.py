"""``zjdesk --self-test``: every step runs and is reported; a failing step is named and fails the run."""

from __future__ import annotations

import io
import sys

import pytest

from zjdesk import selftest
from zjdesk.cli import main


def test_self_test_passes_and_prints_one_line_per_step() -> None:
    out = io.StringIO()
    assert selftest.run_self_test(out) == 0
    lines = out.getvalue().splitlines()
    step_lines = [line for line in lines if line.startswith("[")]
    assert len(step_lines) == len(selftest.STEPS)
    for number, (title, _step) in enumerate(selftest.STEPS, start=1):
        assert step_lines[number - 1].startswith(f"[{number}/{len(selftest.STEPS)}] {title} … 通过")
    assert lines[0].startswith("zjdesk ")
    assert lines[-1].startswith("自检通过")


def test_self_test_opens_the_demo_year_in_the_window() -> None:
    out = io.StringIO()
    selftest.run_self_test(out)
    window_line = next(line for line in out.getvalue().splitlines() if "在主窗口中打开" in line)
    assert "湛江市人民政府驻广州办事处" in window_line
    assert "评分面板：" in window_line and window_line.endswith("优")  # the window scored the year live


def test_a_failing_step_is_named_and_stops_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def broken(context: selftest.SelfTestContext) -> str:
        raise selftest.SelfTestFailure("故意失败")

    def never(context: selftest.SelfTestContext) -> str:
        ran.append("never")
        return ""

    steps = [selftest.STEPS[0], ("坏掉的一步", broken), ("之后的一步", never)]
    monkeypatch.setattr(selftest, "STEPS", steps)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    text = out.getvalue()
    assert "[2/3] 坏掉的一步 … 失败：故意失败" in text
    assert text.splitlines()[-1] == "自检失败：第 2 步“坏掉的一步”。"
    assert ran == []


def test_an_unexpected_error_shows_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def crashing(context: selftest.SelfTestContext) -> str:
        raise KeyError("missing")

    monkeypatch.setattr(selftest, "STEPS", [("出错的一步", crashing)])
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    assert "Traceback" in out.getvalue()
    assert "KeyError" in out.getvalue()


def test_network_step_fails_when_a_network_client_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "http.client", sys.modules.get("http.client") or object())
    with pytest.raises(selftest.SelfTestFailure, match=r"http\.client"):
        selftest.step_no_network(selftest.SelfTestContext(folder=None))  # type: ignore[arg-type]


def test_self_test_leaves_no_files_behind(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert selftest.run_self_test(io.StringIO()) == 0
    assert list(tmp_path.iterdir()) == []


def test_cli_flag_runs_the_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    assert "自检通过" in capsys.readouterr().out


def test_score_step_fails_when_the_score_differs_from_the_stated_one(tmp_path) -> None:
    from decimal import Decimal

    from zjdesk.demo import demo_year

    year = demo_year()
    year.indicator_set.indicators[0].judged_score = Decimal("3")  # the engine no longer gives the published 100
    year.indicator_set.indicators[0].deduction_reason = "测试"
    context = selftest.SelfTestContext(folder=tmp_path, results={"year": year})
    with pytest.raises(selftest.SelfTestFailure, match="98"):
        selftest.step_score_and_checks(context)


def test_score_step_reports_the_demo_score_and_findings(tmp_path) -> None:
    from zjdesk.demo import demo_year

    year = demo_year()
    context = selftest.SelfTestContext(folder=tmp_path, results={"year": year})
    detail = selftest.step_score_and_checks(context)
    assert "自评 100 分（优）" in detail
    assert "请核对" in detail
    assert context.results["score"].grade == "优"


def test_export_step_rejects_a_broken_office_file(tmp_path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(selftest.SelfTestFailure, match=r"broken\.docx"):
        selftest._zip_member_text(broken, "word/document.xml")


def test_export_and_import_steps_write_and_read_the_report(tmp_path) -> None:
    from zjdesk.demo import demo_year

    context = selftest.SelfTestContext(folder=tmp_path, results={"year": demo_year()})
    detail = selftest.step_export(context)
    assert "PDF" in detail and "页" in detail
    written = sorted(path.suffix for path in (tmp_path / "导出").iterdir())
    assert written == [".docx", ".pdf", ".xlsx"]
    assert "单位名称一致" in selftest.step_import_docx(context)


def test_chinese_step_fails_without_the_translation_file(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLibraryInfo

    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(tmp_path))
    with pytest.raises(selftest.SelfTestFailure, match="qtbase_zh_CN"):
        selftest.step_chinese_ui(selftest.SelfTestContext(folder=tmp_path))
