"""A 10,000-member roster exported as a form: print figure | ours | peer | ratio, in seconds.

    python bench/forms_export.py [--runs N] [--members N]

The database: the demo branch with 11,000 people on file, of whom about 10,000 are members
on the day (the rest left or moved on), built once and kept in bench/.cache.
Ours: ``export member-roster`` as the 报表 page and the command line run it — the
members as of today read in batches, drawn with the title block, the repeated column
header, wrapped cells, page numbers and the sign-off block, saved through a .partial file.
Peers, in the same run, reading the same rows through the same query and showing the same
20 values per row:
- PDF: a bare reportlab platypus ``Table`` (header repeated, grid lines, the same embedded
  font and size) built by ``SimpleDocTemplate`` on landscape A4;
- .xlsx: bare openpyxl in write-only mode appending the values, no styles.
Goals: ours ≤ 1.3 × the peer for both. Medians over the runs; ours and the peers take turns,
so machine noise hits all of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gonghui_desk.clock import Clock  # noqa: E402
from gonghui_desk.db.database import Database, open_database  # noqa: E402
from gonghui_desk.exchange.forms.export import export_form  # noqa: E402
from gonghui_desk.exchange.forms.member_roster import columns  # noqa: E402
from gonghui_desk.exchange.forms.model import format_value  # noqa: E402
from gonghui_desk.exchange.forms.spec import FormParams  # noqa: E402
from gonghui_desk.services.demo import fill_demo  # noqa: E402
from gonghui_desk.services.member_export import fetch_export_rows  # noqa: E402
from gonghui_desk.services.members import MemberFilter, search_ids  # noqa: E402
from gonghui_desk.services.operations import run_once  # noqa: E402
from gonghui_desk.services.profile import load_profile  # noqa: E402

CACHE = HERE / ".cache"
GOAL = 1.3
AS_OF = dt.date(2026, 11, 21)


def database(members: int) -> Database:
    path = CACHE / f"forms-{members}.sqlite3"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        building = path.with_name(path.name + ".building")
        building.unlink(missing_ok=True)
        db = open_database(building, clock=Clock(AS_OF))
        run_once(db, "生成演示数据", lambda tx: fill_demo(tx, members))
        db.close()
        building.rename(path)
    return open_database(path)


def same_rows(db: Database) -> tuple[list[str], list[list[object]]]:
    """What the peers draw: the form's header and values, read through the same query."""
    cols = columns(load_profile(db.sessions).unit_name)
    ids = search_ids(db.sessions, MemberFilter(member_on=AS_OF))
    rows: list[list[object]] = []
    for start in range(0, len(ids), 500):
        for number, r in enumerate(fetch_export_rows(db.sessions, ids[start:start + 500],
                                                     as_of=AS_OF), start + 1):
            rows.append([number, *(c.value(r) for c in cols)])
    return ["序号", *(c.header for c in cols)], rows


def ours(db: Database, path: Path) -> None:
    for _ in export_form(db.sessions, "member-roster", FormParams(as_of=AS_OF, today=AS_OF),
                         path):
        pass


def peer_pdf(db: Database, path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from gonghui_desk.exchange.render.pdf_page import FONT, register_font

    register_font()
    header, rows = same_rows(db)
    data = [header] + [[format_value(v) for v in row] for row in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7),
                               ("GRID", (0, 0), (-1, -1), 0.6, "black")]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=40, rightMargin=40,
                      topMargin=40, bottomMargin=45).build([table])


def peer_xlsx(db: Database, path: Path) -> None:
    from openpyxl import Workbook

    header, rows = same_rows(db)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员信息")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def timed(work: Callable[[Database, Path], None], db: Database, path: Path) -> float:
    start = time.perf_counter()
    work(db, path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--members", type=int, default=11_000)
    args = parser.parse_args()
    db = database(args.members)
    try:
        count = len(search_ids(db.sessions, MemberFilter(member_on=AS_OF)))
        times: dict[str, list[float]] = {k: [] for k in ("ours-pdf", "peer-pdf", "ours-xlsx",
                                                         "peer-xlsx")}
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)
            for _ in range(args.runs):
                times["ours-pdf"].append(timed(ours, db, out / "ours.pdf"))
                times["peer-pdf"].append(timed(peer_pdf, db, out / "peer.pdf"))
                times["ours-xlsx"].append(timed(ours, db, out / "ours.xlsx"))
                times["peer-xlsx"].append(timed(peer_xlsx, db, out / "peer.xlsx"))
    finally:
        db.close()
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"member-roster of {count} members, median of {args.runs} runs (seconds)")
    print(f"{'figure':<46}{'ours':>8}{'peer':>8}{'ratio':>8}  goal")
    for kind, peer in (("pdf", "bare reportlab Table"), ("xlsx", "bare openpyxl write-only")):
        ratio = median[f"ours-{kind}"] / median[f"peer-{kind}"]
        verdict = "met" if ratio <= GOAL else "NOT met"
        print(f"{'roster to .' + kind + ' vs ' + peer:<46}{median[f'ours-{kind}']:>8.2f}"
              f"{median[f'peer-{kind}']:>8.2f}{ratio:>8.2f}  ≤ {GOAL} ({verdict})")


if __name__ == "__main__":
    main()
