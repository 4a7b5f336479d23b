"""The program as a user gets it: the console command, the real window, an installed wheel."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run(*args, env=None, cwd=None, timeout=120):
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd,
        timeout=timeout, check=False,
    )


def test_module_entry_point_runs_demo_and_check(tmp_path):
    db = tmp_path / "x.db"
    first = run("-m", "gonghui_desk", "--db", str(db), "demo", "--members", "3000")
    assert first.returncode == 0, first.stderr
    second = run("-m", "gonghui_desk", "--db", str(db), "check")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "结构版本：通过" in second.stdout


def test_the_real_window_opens_on_a_fresh_database(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGHUI_BENCH_QUIT_WHEN_SHOWN="1")
    result = run("-m", "gonghui_desk", "--db", str(tmp_path / "fresh.db"), env=env)
    assert result.returncode == 0, result.stderr
    assert "shown" in result.stdout
    log = Path(env["GONGHUI_DATA_DIR"]) / "logs" / "gonghui-desk.log"
    assert "main window shown" in log.read_text(encoding="utf-8")


def test_wheel_carries_font_licence_translation_and_migrations(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = (tmp_path / "dist").glob("gonghui_desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "gonghui_desk/resources/fonts/wqy-microhei.ttc",
        "gonghui_desk/resources/fonts/LICENSE-Apache-2.0.txt",
        "gonghui_desk/resources/i18n/gonghui_desk_zh_CN.qm",
        "gonghui_desk/resources/icons/gonghui-desk.png",
        "gonghui_desk/db/migrations/env.py",
        "gonghui_desk/db/migrations/script.py.mako",
        "gonghui_desk/db/migrations/versions/0001_branch_profile.py",
    ):
        assert needed in names, needed

    # Installed (unpacked) away from the checkout, the package finds its own resources.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = run(
        "-c",
        "from gonghui_desk import assets; print(assets.font_path()); "
        "print(assets.translation_path('zh_CN').is_file())",
        env=dict(os.environ, PYTHONPATH=str(site)),
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    font, has_translation = probe.stdout.split()
    assert Path(font).is_relative_to(site)
    assert has_translation == "True"
