"""The one-folder build, as a chair's PC gets it: built with PyInstaller, then run without
the development Python — a fresh database, demo data, the check, a PDF form with its font
embedded, and the window's screenshots in Chinese — proving it carries all it needs."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, GONGHUI_VENV=str(Path(sys.executable).parent.parent),
               GONGHUI_BUILD_WORK=str(out / "work"))
    # Building is not what runs as of another day: PyInstaller's own subprocess waits break
    # under libfaketime (README, for developers), so the build runs on the real clock.
    env.pop("LD_PRELOAD", None)
    started = time.monotonic()
    built = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), str(out / "dist")],
                           capture_output=True, text=True, env=env, timeout=1200, check=False)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    folder = out / "dist" / "gonghui-desk"
    size = sum(f.stat().st_size for f in folder.rglob("*")
               if f.is_file() and not f.is_symlink()) / 2**20
    print(f"\nbundle built in {time.monotonic() - started:.0f} s, {size:.0f} MB: "
          f"{built.stdout.strip().splitlines()[-1]}")
    return folder


def run_bundled(bundle, tmp_path, *args):
    # No PYTHONPATH or venv: only what is inside the folder can be imported.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "GONGHUI_DATA_DIR": str(tmp_path / "data"), "LANG": "C.UTF-8"}
    return subprocess.run([str(bundle / "gonghui-desk"), "--db", str(tmp_path / "s.sqlite3"),
                           *args], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=300, check=False)


def test_the_bundle_runs_every_part_of_the_program(bundle, tmp_path):
    for args in (("init",), ("demo", "--members", "500"), ("check",),
                 ("export", "member-roster", "--out", "x.pdf"), ("screenshots", "shots"),
                 ("help-pdf", "manual.pdf")):
        result = run_bundled(bundle, tmp_path, *args)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        if args == ("check",):
            assert "结构版本：通过" in result.stdout
    fonts = subprocess.run(["pdffonts", str(tmp_path / "x.pdf")], capture_output=True,
                           text=True, check=True).stdout
    assert "WenQuanYiMicroHei" in fonts and " yes yes yes " in fonts
    text = subprocess.run(["pdftotext", str(tmp_path / "x.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "工会会员信息采集表" in text
    shots = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert shots == ["01-home.png", "02-members.png", "03-hardship.png", "04-recuperation.png",
                     "05-contracts.png", "06-reports.png", "07-settings.png", "08-about.png"]
    assert all((tmp_path / "shots" / name).stat().st_size > 5_000 for name in shots)
    manual = subprocess.run(["pdftotext", str(tmp_path / "manual.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert "首次使用" in manual and "快捷键" in manual  # the manual's pages travel along


def test_the_bundle_carries_its_parts_and_not_what_it_never_uses(bundle):
    inside = bundle / "_internal"
    for needed in ("gonghui_desk/resources/fonts/wqy-microhei.ttc",
                   "gonghui_desk/resources/i18n/gonghui_desk_zh_CN.qm",
                   "gonghui_desk/resources/icons/gonghui-desk.png",
                   "gonghui_desk/resources/help/start.md",
                   "gonghui_desk/resources/help/images/home.png",
                   "PySide6/QtCharts.abi3.so",
                   "gonghui_desk/db/migrations/env.py",
                   "gonghui_desk/db/migrations/versions/0010_contracts.py"):
        assert (inside / needed).is_file(), needed
    names = {p.name for p in inside.rglob("*")}
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6",
                   "QtWebEngineWidgets.abi3.so", "libqgtk3.so"):
        assert unused not in names, unused


def test_the_bundled_program_says_its_version(bundle, tmp_path):
    from gonghui_desk import __version__

    result = run_bundled(bundle, tmp_path, "--version")
    assert result.returncode == 0 and __version__ in result.stdout
