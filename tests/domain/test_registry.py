"""The field registry: every figure is declared once on the model, and everything else follows the declaration."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.checks import run_checks
from zjdesk.domain.field_info import info_of
from zjdesk.domain.model import Breakdown, Figures
from zjdesk.domain.rates import RATES, input_label
from zjdesk.domain.registry import amount_fields, breakdown_parts, figure_fields, info_at, label_of


def test_every_figure_and_part_is_declared() -> None:
    undeclared = [item.name for cls in (Figures, Breakdown) for item in dataclasses.fields(cls) if info_of(item) is None]
    assert undeclared == []


def test_names_are_unique_and_carry_rules_point_at_fields_of_the_same_kind() -> None:
    labels = [item.info.label for item in figure_fields()]
    assert len(labels) == len(set(labels))
    by_name = {item.name: item for item in figure_fields()}
    for item in figure_fields():
        if item.info.carry == "from":
            assert by_name[item.info.carry_from].info.kind == item.info.kind


def test_each_figure_is_read_back_under_its_own_name() -> None:
    # The data sheet prints a figure's name; the importer must know that name among the figure's words.
    for item in figure_fields():
        if item.info.words:
            assert any(re.fullmatch(words, item.info.label) for words in item.info.words), item.info.label


def test_lookup_by_path_walks_lists_and_breakdowns() -> None:
    assert label_of("figures.budget.basic") == "全年预算数的基本支出"
    assert label_of("figures.budget.total") == "全年预算数"
    assert label_of("profile.staff.3.actual") == "在职人数"
    assert info_at("figures.budget_adjustment").signed
    assert info_at("cover.notice_title") is None
    assert label_of("no.such.field", "—") == "—"


def test_rate_formulas_use_the_declared_names() -> None:
    for rate in RATES:
        if rate.formula_text:
            continue
        for path in rate.inputs:
            assert input_label(path) in rate.formula


def test_carry_forward_follows_each_declaration() -> None:
    last = demo_year()
    last.figures.carry_over = Decimal("12.50")
    last.figures.three_public_actual = Decimal("3.20")
    figures = carry_forward(last).figures
    for item in figure_fields():
        value = getattr(figures, item.name)
        if item.info.carry == "from":
            assert value == getattr(last.figures, item.info.carry_from)
        elif item.info.kind == "breakdown":
            assert value == Breakdown()
        else:
            assert value is None, item.name


def test_a_negative_amount_is_red_unless_its_declaration_allows_it() -> None:
    for path, _name, info in amount_fields():
        year = demo_year()
        parent, _, last = path.rpartition(".")
        target = year
        for part in parent.split("."):
            target = getattr(target, part)
        setattr(target, last, Decimal("-1.00"))
        negative = [finding for finding in run_checks(year) if finding.check == "negative_amount" and finding.path == path]
        assert bool(negative) != info.signed, path


def test_breakdown_parts_are_named_once() -> None:
    assert [part.info.label for part in breakdown_parts()] == ["合计", "基本支出", "项目支出", "其他支出"]
