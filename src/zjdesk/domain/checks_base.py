"""What every check shares: the finding, its automatic fix, fingerprints and the context of one run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from zjdesk.domain.goal_scoring import QUALITATIVE
from zjdesk.domain.model import YearData
from zjdesk.domain.paths import iter_text_fields
from zjdesk.domain.scoring import YearScore
from zjdesk.domain.steps import Step, step_caption, step_for_path

RED, YELLOW, BLUE = "red", "yellow", "blue"
SEVERITY_ORDER = {RED: 0, YELLOW: 1, BLUE: 2}
SEVERITY_LABELS = {RED: "必须修改", YELLOW: "请核对", BLUE: "建议"}
# Checks whose findings only say "not filled in yet": on a new year they read as a to-do list
# (待填写), not as mistakes; the red ones still block the final export. The goal table's missing
# 实际完成值 is a blue to-do: the report can go out, the score waits for it.
TODO_CHECKS = frozenset({"required_missing", "judged_score_missing", "goal_row_incomplete", "goal_actual_missing"})

# The parts of a year whose texts are prose the report prints (free-text checks scan these).
PROSE_PARTS = (
    "cover",
    "profile",
    "tasks",
    "goals",
    "team",
    "process",
    "evaluation",
    "practices",
    "problems",
    "improvements",
    "other",
)
# Fields that are codes or names rather than prose: no punctuation or year rules apply.
# The stated grade is a label that must equal one of the set's grades (its own check fixes it to
# that); the text checks rewriting it would undo that fix for ever.
NON_PROSE_FIELDS = (
    "cover.notice_number",
    "cover.attachment_number",
    "cover.preparer_phone",
    "profile.founded",
    "cover.evaluation_year",
    "evaluation.stated_grade",
)


@dataclass
class Fix:
    """An automatic fix: set ``path`` from ``old`` to ``new`` (refused when the value changed meanwhile).

    With ``op="remove"`` the fix removes the item ``new`` from the list at ``path`` instead (``old``
    is not compared), so several such fixes from one run can all be applied.
    """

    label: str  # Chinese, for the button: 删除多余空格
    path: str
    old: Any
    new: Any
    op: str = "set"  # set | remove


@dataclass
class Finding:
    """One thing the checks found."""

    check: str  # stable identifier, e.g. breakdown_sum
    severity: str  # red | yellow | blue
    message: str  # Chinese: what is wrong and how to fix it
    path: str  # the dotted path of the field it concerns
    acknowledged: bool = False
    fix: Fix | None = None
    fingerprint: str = ""  # of the values the finding is about; binds an acknowledgement to them

    @property
    def step(self) -> Step:
        """The step of the program that holds the field (every message is shown with it)."""
        return step_for_path(self.path)

    @property
    def step_caption(self) -> str:
        """``第 5 步“支出情况”``: where the field is, for messages shown away from it (panel, CLI)."""
        return step_caption(self.path)

    @property
    def acknowledgeable(self) -> bool:
        """Red findings must be fixed; the others can be acknowledged."""
        return self.severity != RED

    @property
    def blocking(self) -> bool:
        """Whether it blocks the final export (every red finding does)."""
        return self.severity == RED

    @property
    def is_todo(self) -> bool:
        """A red or blue finding that asks for something still to be filled in, not for a mistake."""
        return self.severity in (RED, BLUE) and self.check in TODO_CHECKS


def blocking_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that block the final export (the red ones; red cannot be acknowledged)."""
    return [finding for finding in findings if finding.blocking]


def has_blocking(findings: Iterable[Finding]) -> bool:
    """Whether any finding blocks the final export."""
    return any(finding.blocking for finding in findings)


def fingerprint(*values: Any) -> str:
    """A short stable digest of the values a finding is about."""
    import hashlib  # when the checks first run, not when the window starts

    text = "\x1f".join("\x00" if value is None else str(value) for value in values)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _goal_prose(year: YearData) -> Iterator[tuple[str, str]]:
    """The prose of the goals: each goal's text, and each row's name, 定性 指标值 and 偏差原因 (not its codes and numbers).

    A 定性 row's 指标值 is words the report prints (全年平稳有序) and carries to the next year like its name.
    """
    for g, goal in enumerate(year.goals):
        yield f"goals.{g}.text", goal.text
        for r, row in enumerate(goal.indicators):
            yield f"goals.{g}.indicators.{r}.level3", row.level3
            if row.nature == QUALITATIVE:
                yield f"goals.{g}.indicators.{r}.target", row.target
            yield f"goals.{g}.indicators.{r}.deviation", row.deviation


def prose_fields(year: YearData) -> list[tuple[str, str]]:
    """Every (path, text) of the report's prose, in report order (the indicators' 扣分原因 last)."""
    fields: list[tuple[str, str]] = []
    for part in PROSE_PARTS:
        fields.extend(_goal_prose(year) if part == "goals" else iter_text_fields(getattr(year, part), part))
    for index, indicator in enumerate(year.indicator_set.indicators):
        fields.append((f"indicator_set.indicators.{index}.deduction_reason", indicator.deduction_reason))
    return [(path, text) for path, text in fields if text and path not in NON_PROSE_FIELDS]


@dataclass
class CheckContext:
    """What the checks of one run share, computed once."""

    year: YearData
    score: YearScore
    prose: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rates(self) -> dict[str, Decimal | None]:
        """The year's rates (as the score engine computed them)."""
        return self.score.rates

    @cached_property
    def joined_prose(self) -> str:
        """Every prose text in one string, for checks that first scan them all at once (joined once per run)."""
        return "\n".join(text for _, text in self.prose)
