"""一、（一）单位机构设置、部门职能情况: structured where the sentences allow, kept as typed otherwise.

Each paragraph is read by the first recogniser that understands all of it: the unit's own
establishment and staff, the counts of sections and subordinate units, a subordinate unit, the
retirees, the list of sections, one section's duties. A paragraph no recogniser fully
understands is kept word for word in ``profile.notes``, so nothing is lost or half-read.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from zjdesk.docx_import.result import Collector
from zjdesk.docx_import.text import join_broken_lines
from zjdesk.domain.limits import MAX_COUNT_DIGITS
from zjdesk.domain.model import RetireeGroup, Section, StaffCategory, SubordinateUnit, UnitProfile

# A count has at most MAX_COUNT_DIGITS digits: a longer number is no count of people, and the
# paragraph holding it is kept as typed (int() of thousands of digits would even raise).
_COUNT = rf"\d{{1,{MAX_COUNT_DIGITS}}}(?!\d)"


def _pattern(text: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(text.replace(r"\d+", _COUNT), flags)


_UNIT_SUFFIX = r"(?:科|室|处|股|部|中心|所|站|队|组|办)"
_FOUNDED = re.compile(r"^(?P<short>[^，,。]{1,20}?)(?:于)?成立于(?P<founded>\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?)$")
_RANK = re.compile(r"^(?:为|是|属)?(?:机构规格为)?(?P<rank>[^，,。]{1,8}级)(?:编制|单位|机构)?$")
_ESTABLISHMENT = _pattern(r"^(?:核定|行政|人员)?编制(?:数)?(?:为|共)?(?P<count>\d+)\s*[名人个]$")
_CATEGORY = _pattern(r"^(?:其中[：:]?)?(?P<name>[^\d，,。（(]{1,12}?)(?P<count>\d+)\s*[名人](?:[（(](?P<note>[^）)]*)[）)])?$")
_LEADERSHIP = re.compile(r"^领导职数(?:为)?(?P<posts>[^，,。]+)$")
_ACTUAL = _pattern(r"^(?P<asof>[^，,。]*?)(?:实有|在职|在编)(?:人员)?(?P<count>\d+)\s*[名人]$")
_COUNTS = _pattern(
    rf"^内设(?P<sections>\d+)个(?:科室|处室|内设机构|{_UNIT_SUFFIX})[，,；;]\s*(?:(?:下属|辖下)(?:的)?二级预算单位(?:数量)?(?:为|共)?(?P<units>\d+)个|无(?:下属|辖下)(?:的)?二级预算单位)[。；;]?$"
)
_SUBORDINATE = _pattern(
    r"^(?:辖下|下属)(?:的)?(?P<name>[^，,。]{2,20}?)(?:是|为)(?P<nature>[^，,。]{2,30}?)[，,]\s*核定编制(?P<est>\d+)\s*名[。，,；;]\s*"
    r"(?:目前|现)?(?:实有|在职)(?:人员)?(?P<act>\d+)\s*[人名](?:[。，,；;]\s*(?P<note>.*))?$",
    re.DOTALL,
)
_RETIREES = _pattern(
    r"^(?P<lead>[^，,。]{0,12}?)退休人员(?:共)?(?P<total>\d+)\s*[人名][。，,；;]?\s*(?:其中[：:]?\s*(?P<groups>.*))?$", re.DOTALL
)
_RETIREE_GROUP = _pattern(r"^(?P<origin>[^\d，,。；;]{1,20}?)(?P<count>\d+)\s*[人名]$")
_SECTION_LIST = _pattern(
    r"^(?:部门职能情况[：:])?\s*内设(?P<names>[^。]*?)(?P<count>\d+)个(?:科室|处室|内设机构)(?:[，,；;]\s*(?:辖下|下属)(?P<units>[^。]*?))?[。；;]?\s*(?:其中[：:])?$"
)
_DUTIES = re.compile(
    rf"^(?P<name>[^，,。：:；;\s]{{1,15}}?{_UNIT_SUFFIX})\s*[：:]?\s*(?:(?:的)?主要职(?:责|能)(?:是|为)?[：:]?\s*(?P<main>.+)|(?P<duty>负责.+))$",
    re.DOTALL,
)


def _clauses(sentence: str) -> list[str]:
    return [part.strip() for part in re.split(r"[，,]", sentence) if part.strip()]


def _sentences(paragraph: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=。)", paragraph) if part.strip().strip("。")]


def _read_staff(paragraph: str, profile: UnitProfile) -> bool:
    """广州办成立于…，正处级编制，核定编制17名，其中公务员8名，…。2024年年底在职15人，其中…。"""
    # Collected first and applied only when every clause was understood.
    fields: dict[str, object] = {}
    categories: dict[str, StaffCategory] = {item.name: copy.copy(item) for item in profile.staff}
    mode = ""
    for sentence in _sentences(paragraph):
        for clause in _clauses(sentence.rstrip("。；;")):
            if found := _FOUNDED.match(clause):
                fields.update(short_name=found["short"].strip(), founded=found["founded"].replace(" ", ""))
            elif found := _ESTABLISHMENT.match(clause):
                fields["establishment_total"], mode = int(found["count"]), "establishment"
            elif found := _ACTUAL.match(clause):
                fields.update(staff_as_of=found["asof"].strip(), actual_total=int(found["count"]))
                mode = "actual"
            elif found := _LEADERSHIP.match(clause):
                fields["leadership_posts"] = found["posts"].strip()
            elif (found := _CATEGORY.match(clause)) and mode:
                category = categories.setdefault(found["name"].strip(), StaffCategory(name=found["name"].strip()))
                setattr(category, mode, int(found["count"]))
                if found["note"]:
                    category.note = found["note"].strip()
            elif found := _RANK.match(clause):
                fields["rank"] = found["rank"].strip()
            else:
                return False
    if not fields and len(categories) == len(profile.staff):
        return False
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.staff = list(categories.values())
    return True


def _read_counts(paragraph: str, profile: UnitProfile) -> bool:
    return bool(_COUNTS.match(paragraph))


def _read_subordinate(paragraph: str, profile: UnitProfile) -> bool:
    found = _SUBORDINATE.match(paragraph)
    if not found:
        return False
    profile.subordinate_units.append(
        SubordinateUnit(
            name=found["name"].strip(),
            nature=found["nature"].strip(),
            establishment=int(found["est"]),
            actual=int(found["act"]),
            note=(found["note"] or "").strip(),
        )
    )
    return True


def _read_retirees(paragraph: str, profile: UnitProfile) -> bool:
    found = _RETIREES.match(paragraph)
    if not found:
        return False
    groups: list[RetireeGroup] = []
    for part in re.split(r"[，,、；;]", (found["groups"] or "").rstrip("。")):
        if not part.strip():
            continue
        group = _RETIREE_GROUP.match(part.strip())
        if not group:
            return False
        groups.append(RetireeGroup(origin=group["origin"].strip(), count=int(group["count"])))
    profile.retirees_total = int(found["total"])
    profile.retirees = groups
    return True


def _read_section_list(paragraph: str, profile: UnitProfile) -> bool:
    return bool(_SECTION_LIST.match(paragraph))


def _read_duties(paragraph: str, profile: UnitProfile) -> bool:
    found = _DUTIES.match(paragraph)
    if not found:
        return False
    name = found["name"].strip()
    for unit in profile.subordinate_units:
        if unit.name == name:
            unit.duties = (found["main"] or found["duty"]).strip().rstrip("。；;")
            return True
    duties = (found["duty"] or found["main"]).strip().rstrip("。；;")
    profile.sections.append(Section(name=name, duties=duties))
    return True


_READERS: tuple[Callable[[str, UnitProfile], bool], ...] = (
    _read_counts,
    _read_section_list,
    _read_subordinate,
    _read_retirees,
    _read_duties,
    _read_staff,
)


def parse_profile(lines: list[str], out: Collector) -> None:
    """Fill ``year.profile`` from the section's lines."""
    profile = out.year.profile
    summaries: list[str] = []
    for paragraph in join_broken_lines(lines):
        for reader in _READERS:
            # Each reader changes the profile only when it understood the whole paragraph.
            if reader(paragraph, profile):
                if reader in (_read_counts, _read_section_list):
                    summaries.append(paragraph)
                break
        else:
            profile.notes.append(paragraph)
    _check_summaries(summaries, profile)
    _report(profile, out)


def _check_summaries(summaries: list[str], profile: UnitProfile) -> None:
    # The counts and the list of sections are written from the structure on export; a summary that
    # disagrees with the structure read would be lost, so it is kept as a note instead.
    names = [section.name for section in profile.sections]
    for paragraph in summaries:
        counts = _COUNTS.match(paragraph)
        listing = _SECTION_LIST.match(paragraph)
        agrees = True
        if counts:
            agrees = int(counts["sections"]) == len(names) and int(counts["units"] or 0) == len(profile.subordinate_units)
        elif listing:
            listed = [name for name in re.split(r"[、，,和及]", listing["names"]) if name.strip()]
            agrees = listed == names and int(listing["count"]) == len(names)
        if not agrees:
            profile.notes.append(paragraph)


def _report(profile: UnitProfile, out: Collector) -> None:
    parts = []
    if profile.establishment_total is not None:
        parts.append(f"核定编制{profile.establishment_total}名")
    if profile.actual_total is not None:
        parts.append(f"在职{profile.actual_total}人")
    if profile.staff:
        parts.append(f"人员类别{len(profile.staff)}类")
    if profile.sections:
        parts.append(f"内设科室{len(profile.sections)}个")
    if profile.subordinate_units:
        parts.append(f"下属单位{len(profile.subordinate_units)}个")
    if profile.retirees_total is not None:
        parts.append(f"退休人员{profile.retirees_total}人")
    if profile.notes:
        parts.append(f"{len(profile.notes)}段按原文保留")
    out.note("单位机构设置、部门职能情况：" + ("，".join(parts) if parts else "未识别出结构化内容"))
