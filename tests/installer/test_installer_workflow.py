""".github/workflows/windows.yml: valid, tests on Windows, fails on every error, signs when it can, releases tags."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML  # comes with check-jsonschema (the test extra)

REPO = Path(__file__).resolve().parents[2]
WORKFLOW_PATH = REPO / ".github" / "workflows" / "windows.yml"
WORKFLOW = YAML(typ="safe").load(WORKFLOW_PATH.read_text(encoding="utf-8"))
JOBS = WORKFLOW["jobs"]
# Programs a PowerShell step may run; each must be followed by a check of its exit status.
NATIVE_COMMAND = re.compile(r"^(python|pip|choco|makensis|signtool|gh|git|& )", re.IGNORECASE)


def _steps(job: str) -> list[dict]:
    return JOBS[job]["steps"]


def _step(job: str, name: str) -> dict:
    matches = [step for step in _steps(job) if step.get("name") == name]
    assert len(matches) == 1, f"{job}: no step {name!r}"
    return matches[0]


def _powershell_scripts() -> list[tuple[str, str]]:
    scripts = []
    for job_name, job in JOBS.items():
        shell = job.get("defaults", {}).get("run", {}).get("shell", "bash")
        for step in job["steps"]:
            if "run" in step and step.get("shell", shell) == "pwsh":
                scripts.append((f"{job_name}: {step.get('name', step['run'][:30])}", step["run"]))
    return scripts


def test_workflow_matches_the_github_actions_schema() -> None:
    # The schema ships with check-jsonschema: no network.
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW_PATH)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: windows-latest\n    step: []\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0


@pytest.mark.parametrize(("where", "script"), _powershell_scripts())
def test_every_program_a_step_runs_has_its_exit_status_checked(where: str, script: str) -> None:
    lines = [line.strip() for line in script.splitlines() if line.strip() and not line.strip().startswith("#")]
    for index, line in enumerate(lines):
        if NATIVE_COMMAND.match(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            assert "$LASTEXITCODE" in following, f"{where}: {line!r} is not followed by a $LASTEXITCODE check"
    # Scripts of our own throw on failure, which fails the step (pwsh runs steps with ErrorActionPreference Stop).
    for line in lines:
        if line.startswith(".\\installer\\"):
            name = line.split()[0].removeprefix(".\\installer\\")
            assert 'ErrorActionPreference = "Stop"' in (REPO / "installer" / name).read_text(encoding="utf-8")


def test_choco_failures_are_not_hidden() -> None:
    lines = [line.strip() for _where, script in _powershell_scripts() for line in script.splitlines()]
    installs = [index for index, line in enumerate(lines) if line.startswith("choco install")]
    assert len(installs) == 3  # NSIS twice, the renderers once
    for index in installs:
        # 3010 is Chocolatey's "installed, a restart is pending": a success.
        assert lines[index + 1].startswith("if ($LASTEXITCODE -notin @(0, 3010)) { throw"), lines[index]


def test_tests_run_on_windows_with_both_supported_pythons() -> None:
    job = JOBS["tests"]
    assert job["runs-on"] == "windows-latest"
    pythons = {entry["python"]: entry["pins"] for entry in job["strategy"]["matrix"]["include"]}
    # 3.12 with the pinned versions the program is built from, 3.11 as a source install gets it.
    assert pythons == {"3.12": "installer/constraints.txt", "3.11": ""}
    assert "python -m pytest" in _step("tests", "Tests")["run"]


def test_installer_is_built_on_python_312_at_the_pinned_versions_after_the_tests() -> None:
    job = JOBS["installer"]
    assert job["needs"] == "tests"
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.12"
    install = _step("installer", "Install zjdesk and the build tools at the pinned versions")["run"]
    assert '-e ".[build]" -c installer/constraints.txt' in install
    runs = [step.get("run", "") for step in job["steps"]]
    bundle = runs.index(".\\installer\\build-windows.ps1 -SkipInstaller")
    installer = runs.index(".\\installer\\build-windows.ps1 -InstallerOnly")
    assert bundle < installer
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert "dist/zjdesk-*-setup.exe" in upload["with"]["path"] and upload["with"]["if-no-files-found"] == "error"


def test_signing_runs_only_with_a_certificate_and_says_so_without() -> None:
    job = JOBS["installer"]
    assert job["env"]["SIGNING"] == "${{ secrets.WINDOWS_SIGNING_CERTIFICATE != '' }}"
    names = [step.get("name") for step in job["steps"]]
    programs = _step("installer", "Sign zjdesk.exe and zjdesk-cli.exe")
    setup = _step("installer", "Sign the installer")
    for step in (programs, setup, _step("installer", "Signing certificate")):
        assert step["if"] == "env.SIGNING == 'true'"
    assert "sign-windows.ps1 dist\\zjdesk\\zjdesk.exe dist\\zjdesk\\zjdesk-cli.exe" in programs["run"]
    assert "sign-windows.ps1" in setup["run"] and "setup.exe" in setup["run"]
    # Programs are signed before they go into the installer, the installer after it is built.
    assert names.index(programs["name"]) < names.index("Build the installer") < names.index(setup["name"])
    notice = _step("installer", "No signing certificate")
    assert notice["if"] == "env.SIGNING != 'true'" and "::notice" in notice["run"]
    signer = (REPO / "installer" / "sign-windows.ps1").read_text(encoding="utf-8")
    assert "sign /fd SHA256 /td SHA256 /tr" in signer and "verify /pa" in signer
    assert signer.isascii()


def test_a_version_tag_publishes_a_release() -> None:
    job = JOBS["release"]
    assert job["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert job["needs"] == "installer"
    assert job["permissions"] == {"contents": "write"}
    assert WORKFLOW["permissions"] == {"contents": "read"}  # only the release job may write
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert '"$GITHUB_REF_NAME" != "v$version"' in runs  # the tag must be the version in pyproject.toml
    assert "gh release create" in runs and "--prerelease" in runs


def test_powershell_scripts_stay_ascii() -> None:
    # Windows PowerShell 5.1 reads a file without BOM in the ANSI code page.
    for script in (REPO / "installer").glob("*.ps1"):
        assert script.read_text(encoding="utf-8").isascii(), script.name
