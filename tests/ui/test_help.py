"""The user manual as the chair meets it: F1 at the page they are on, its pictures there,
帮助 → 保存使用手册为 PDF…, and ``help-pdf`` writing a PDF that prints the Chinese and the
screenshots on any PC."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QTextDocument
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.assets import help_path
from gonghui_desk.ui.help_manual import TEXT_AREA, TOPIC_OF_PAGE, TOPICS, whole_manual
from gonghui_desk.ui.help_window import save_manual_as_pdf

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
ROOT = Path(__file__).resolve().parents[2]


def page_text(key: str) -> str:
    return help_path(f"{key}.md").read_text(encoding="utf-8")


def images_of(key: str) -> list[str]:
    return IMAGE.findall(page_text(key))


def test_every_topic_has_its_page_its_title_and_its_pictures() -> None:
    shown = 0
    for topic in TOPICS:
        path = help_path(f"{topic.key}.md")
        assert path.is_file(), path
        assert page_text(topic.key).splitlines()[0] == f"# {topic.title}"
        for name in images_of(topic.key):
            image = QImage(str(path.parent / name))
            assert not image.isNull(), f"{topic.key}.md shows {name}, which is missing"
            # Light enough for the installer, narrow enough for the PDF's text width.
            assert image.width() <= 1000, name
            assert (path.parent / name).stat().st_size < 150 * 1024, name
            shown += 1
    assert shown >= len(TOPICS) - 1  # every page but 快捷键 shows its screen


def test_home_picture_shows_the_first_steps() -> None:
    assert "images/home.png" in images_of("start")
    assert "首次使用" in page_text("start")


def test_f1_opens_the_manual_at_the_page_shown(window, qtbot) -> None:
    assert window.actions_.help_action.shortcut() == QKeySequence("F1")
    window.show_page("members")
    window.actions_.help_action.trigger()
    manual = window.help_window
    assert manual is not None
    qtbot.waitUntil(manual.isVisible)
    assert manual.page_title() == "会员"
    assert manual.contents.currentItem().text() == "会员"
    assert "会员页列出所有会员" in manual.browser.toPlainText()
    picture = manual.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("images/members.png"))
    assert isinstance(picture, QImage | QPixmap) and not picture.isNull()
    qtbot.waitUntil(lambda: manual.browser.horizontalScrollBar().maximum() == 0)  # none cut
    manual.resize(640, 600)  # a narrower window: the pictures follow
    qtbot.waitUntil(lambda: manual.browser.horizontalScrollBar().maximum() == 0)

    window.show_page("contracts")
    assert window.show_help() is manual  # the same window, turned to the new page
    assert manual.page_title() == "集体合同"
    assert "新建合同" in manual.browser.toPlainText()
    manual.close()


def test_f1_on_every_page_opens_its_topic(window) -> None:
    titles = {topic.key: topic.title for topic in TOPICS}
    for page, key in TOPIC_OF_PAGE.items():
        window.show_page(page)
        manual = window.show_help()
        assert manual.page_title() == titles[key], page
        first = page_text(key).split("\n\n")[1][:12]  # the page's opening words
        assert first in manual.browser.toPlainText(), page
    manual.close()


def test_save_manual_as_pdf_writes_where_asked_and_says_so(window, tmp_path, monkeypatch
                                                           ) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *rest: said.append(text))
    target = tmp_path / "手册" / "使用手册.pdf"
    target.parent.mkdir()
    assert save_manual_as_pdf(window, target) == target
    assert target.read_bytes().startswith(b"%PDF")
    assert not target.with_name(target.name + ".partial").exists()
    assert said and str(target) in said[0]


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def manual_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("manual")
    out = folder / "工会桌面使用手册.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GONGHUI_DATA_DIR=str(folder / "data"),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "gonghui_desk", "help-pdf", str(out)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


def test_help_pdf_holds_every_topic_in_the_embedded_font(manual_pdf) -> None:
    text = _run("pdftotext", "-layout", str(manual_pdf), "-")
    for topic in TOPICS:
        assert topic.title in text, topic.title
    assert "新建合同" in text and "立即备份" in text
    fonts = _run("pdffonts", str(manual_pdf)).splitlines()[2:]
    assert fonts, "no font in the PDF"
    for line in fonts:  # name type encoding emb sub uni object ID
        assert line.split()[-5] == "yes", line
    pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(manual_pdf)), re.M)[1])
    assert pages >= len(TOPICS)


def test_help_pdf_prints_the_screenshots(manual_pdf) -> None:
    listed = _run("pdfimages", "-list", str(manual_pdf)).splitlines()[2:]
    # page num type width …: the screenshots themselves, not a missing picture's icon
    widths = [int(line.split()[3]) for line in listed if line.split()[2] == "image"]
    pictures = {name for topic in TOPICS for name in images_of(topic.key)}
    assert len([w for w in widths if w >= 600]) >= len(pictures), widths


def test_screenshots_fit_the_pdf_text_width(gui_app) -> None:
    manual = whole_manual()
    widths = []
    block = manual.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            image = it.fragment().charFormat().toImageFormat()
            if image.isValid():
                widths.append(image.width())
            it += 1
        block = block.next()
    assert widths and all(0 < w <= TEXT_AREA.width() for w in widths), widths
    titles = [b for b in _blocks(manual) if b.text() in {t.title for t in TOPICS}]
    assert all(b.textList() is None for b in titles)  # no stray bullet before a title


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()
