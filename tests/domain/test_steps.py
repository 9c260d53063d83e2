"""Messages that send the officer to a step name a step that exists."""

from __future__ import annotations

from zjdesk.domain.checks import run_checks
from zjdesk.domain.model import YearData
from zjdesk.domain.steps import STEPS, step_index_of_path


def test_required_field_messages_name_the_step_that_holds_the_field() -> None:
    findings = [finding for finding in run_checks(YearData()) if finding.check == "required_missing"]
    assert findings
    for finding in findings:
        step = STEPS[step_index_of_path(finding.path)]
        assert f"“{step.title}”一步" in finding.message, (finding.path, finding.message)
