"""The window at start: 首页's member figures on the screen before the database layer is
loaded, the same figures once the book is open, and none for a book that must be upgraded
first."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from gonghui_desk.clock import Clock
from gonghui_desk.db import migrate
from gonghui_desk.db.database import open_database
from gonghui_desk.domain import membership as ms
from tests.factories import make_member, write

DAY = dt.date(2026, 11, 21)
ROOT = Path(__file__).resolve().parents[2]


def _book(path: Path) -> Path:
    db = open_database(path, clock=Clock(DAY))
    try:
        def members(tx) -> None:
            make_member(tx.session, id_number="110105199003071234", events=[(ms.JOIN, DAY)])
            make_member(tx.session, id_number="110105199003075678")
            make_member(tx.session, id_number="110105199003079012",
                        events=[(ms.JOIN, dt.date(2020, 1, 1)),
                                (ms.WITHDRAW, dt.date(2026, 6, 1))])

        write(db, members)
    finally:
        db.close()
    return path


def _texts(cards) -> dict[str, str]:
    return {key: card.figure.text() for key, card in cards.items()}


EXPECTED = {"members": "2", "active": "2", "reserved": "0", "joined": "1", "left_year": "1",
            "left": "1"}


@pytest.fixture
def startup(gui_app, data_dir, tmp_path):
    from gonghui_desk import app

    made = []

    def start(book: Path):
        made.append(app.Startup(str(book), Clock(DAY)))
        return made[-1]

    yield start
    for each in made:
        each.handler.uninstall()
        each.window.close()
        if each.window.attached:
            each.window.context.db.close()


@pytest.mark.today("2026-11-21")
def test_the_window_shows_the_figures_before_the_book_is_open_and_keeps_them(startup, tmp_path):
    started = startup(_book(tmp_path / "branch.sqlite3"))
    window = started.window
    window.show()
    assert started.show_opening_figures()
    opening = window.opening_home
    assert not window.attached
    assert window.stack.currentWidget() is opening
    assert _texts(opening.figures.cards) == EXPECTED
    assert opening.figures.cards["joined"].caption.text() == "2026 年入会及转入"
    assert "正在打开数据库" in opening.note.text()  # it says the book is not open yet
    started.attach_database()
    home = window.pages["home"]
    assert window.opening_home is None
    assert window.stack.currentWidget() is home
    assert _texts(home.cards) == EXPECTED


@pytest.mark.today("2026-11-21")
def test_a_book_to_upgrade_shows_no_figures_until_it_is_open(startup, tmp_path):
    book = _book(tmp_path / "branch.sqlite3")
    old = create_engine(f"sqlite:///{book}")
    migrate.downgrade(old, "0013")  # as a book last written by the previous version
    old.dispose()
    started = startup(book)
    window = started.window
    window.show()
    assert not started.show_opening_figures()
    assert window.opening_home is None
    assert window.stack.currentWidget() is window.loading_label  # "opening the database…"
    started.attach_database()  # the upgrade, as before, then the figures
    assert _texts(window.pages["home"].cards) == EXPECTED


@pytest.mark.today("2026-11-21")
def test_the_figures_are_on_the_screen_before_sqlalchemy_is_loaded(tmp_path, data_dir):
    # A fresh interpreter: in this one the database layer is loaded long since.
    book = _book(tmp_path / "branch.sqlite3")
    script = textwrap.dedent(f"""
        import json, sys
        from gonghui_desk import app
        from gonghui_desk.clock import Clock
        import datetime as dt
        startup = app.Startup({str(book)!r}, Clock(dt.date(2026, 11, 21)))
        startup.window.show()
        shown = startup.show_opening_figures()
        startup.app.processEvents()
        cards = startup.window.opening_home.figures.cards if shown else {{}}
        print(json.dumps({{
            "shown": shown,
            "figures": {{key: card.figure.text() for key, card in cards.items()}},
            "sqlalchemy": "sqlalchemy" in sys.modules,
        }}))
        startup.handler.uninstall()
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"shown": True, "figures": EXPECTED, "sqlalchemy": False}
