"""Every UI string has a Chinese translation, and the compiled one is what the app loads."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gonghui_desk.assets import translation_path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "gonghui_desk_zh_CN.ts"


def lupdate() -> str:
    found = Path(sys.executable).with_name("pyside6-lupdate")
    return str(found) if found.is_file() else shutil.which("pyside6-lupdate") or "pyside6-lupdate"


def test_every_ui_string_in_the_code_has_a_zh_cn_translation(tmp_path):
    scratch = tmp_path / "scan.ts"
    shutil.copy(TS, scratch)
    sources = sorted(str(p) for p in (ROOT / "gonghui_desk").rglob("*.py"))
    subprocess.run(
        [lupdate(), "-silent", "-locations", "none", "-no-obsolete", *sources, "-ts", str(scratch)],
        check=True,
    )
    missing = []
    for context in ET.parse(scratch).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [translation.text] + [n.text for n in translation.iter("numerusform")]
            if translation.get("type") == "unfinished" or not any(t and t.strip() for t in texts):
                missing.append(f"{name}: {message.findtext('source')!r}")
    assert missing == [], "strings without a Chinese translation (update the .ts):\n" + "\n".join(
        missing
    )
    assert len(list(ET.parse(scratch).getroot().iter("message"))) > 50


def test_compiled_translation_is_current():
    compiled = translation_path("zh_CN")
    if not compiled.is_file():
        pytest.fail(f"{compiled} missing: the test command compiles it (packaging/dev.sh)")
    assert compiled.stat().st_mtime >= TS.stat().st_mtime


def test_english_needs_no_translator(gui_app):
    from gonghui_desk.ui.i18n import install_translators

    assert install_translators(gui_app, "en") == []
    install_translators(gui_app, "zh_CN")  # keep the session's language as it was


def test_the_file_dialog_speaks_chinese(gui_app, qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
    assert not any("Look in" in text or "Files of" in text for text in labels)
