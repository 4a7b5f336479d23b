"""Importing a 100,000-row roster: print figure | ours | peer | ratio, in seconds.

    python bench/import_members.py [--runs N] [--rows N]

The roster: a 20-column .xlsx like an HR export of the demo branch (序号, 姓名, 性别, 出生
日期, 民族, 就业状况, 有效证件类别, 证件号码, 学历, 技术等级, 移动电话, 户籍类型, 户籍所在地,
政治面貌, 工作单位, 籍贯, 是否农民工会员, 部门, 岗位, 入会日期), every row valid, built once
and kept in bench/.cache.

Ours: the import as the command line runs it — read the sheet, find the header, check every
row (the member dialog's checks plus duplicates against the database), back up, write one
batch with a history entry for every row — into a fresh database, timed inside a child
process from reading to commit.
Peers, in the same run: python-calamine merely reading the sheet into Python lists
(``to_python``), and LibreOffice headless converting the file to CSV (its whole run).
Peak memory: the peak of the import child's resident set together with the second process
it starts to check rows (bench/tree_memory.py samples the process tree), beside the peak
of the calamine read on its own.

Goals: ours ≤ 1.5 × the calamine read, faster than LibreOffice, peak memory ≤ 400 MB.
Medians over the runs; ours and the peers alternate so machine noise hits all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tree_memory import run_sampled

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
RATIO_GOAL = 1.5
MEMORY_GOAL_MB = 400
HEADER = ["序号", "姓名", "性别", "出生日期", "民族", "就业状况", "有效证件类别", "证件号码",
          "学历", "技术等级", "移动电话", "户籍类型", "户籍所在地", "政治面貌", "工作单位",
          "籍贯", "是否农民工会员", "部门", "岗位", "入会日期"]

CALAMINE_CHILD = """
import sys, time, json
start = time.perf_counter()
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(json.dumps({"seconds": time.perf_counter() - start, "rows": len(rows)}))
"""

IMPORT_CHILD = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from gonghui_desk.db.database import open_database
from gonghui_desk.exchange.import_session import prepare_request, read_roster
from gonghui_desk.exchange.member_import import import_operation, plan_import
from gonghui_desk.services.operations import Runner
source, target = Path(sys.argv[1]), sys.argv[2]  # a file or a server URL
db = open_database(target)
opened = time.perf_counter()
sheet = read_roster(source)  # as the command reads it
read = time.perf_counter()
out = []
for _ in plan_import(db.sessions, prepare_request(db.sessions, sheet, source, "add",
                                                  db.clock.today()), out):
    pass
checked = time.perf_counter()
Runner(db).run(import_operation(out[0], valid_only=False))
written = time.perf_counter()
db.close()
print(json.dumps({
    "seconds": written - opened, "read": read - opened, "check": checked - read,
    "write": written - checked, "added": out[0].count("新增"),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def build_roster(rows: int) -> Path:
    path = CACHE / f"roster-{rows}.xlsx"
    if path.exists():
        return path
    import datetime as dt

    from openpyxl import Workbook

    from gonghui_desk.domain.demo import DemoBranch

    print(f"building {path.name} ({rows:,} rows)…", file=sys.stderr)
    CACHE.mkdir(exist_ok=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(HEADER)
    people = DemoBranch(1, dt.date(2026, 11, 21)).members(rows)  # a fixed day: the same file
    for number in range(1, rows + 1):
        p = next(people)
        sheet.append([
            number, p.name, p.gender, f"{p.birth_date:%Y/%m/%d}", p.ethnicity,
            p.employment_status if p.employment_status != "退休" else "在岗", p.id_type,
            p.id_number, p.education, p.tech_level, p.phone, p.hukou_type, p.hukou_place,
            p.political_status, p.work_unit, p.native_place, "是" if p.migrant_worker else "否",
            p.department, p.post, f"{p.join_date:%Y/%m/%d}",
        ])
    partial = path.with_name(path.name + ".partial")
    workbook.save(partial)
    partial.replace(path)
    return path


def _child(code: str, *args: str) -> dict[str, float]:
    """Run a child script; its figures, with the peak MB of it and any process it starts."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    out, peak = run_sampled([sys.executable, "-c", code, *args], environment)
    figures = json.loads(out.strip().splitlines()[-1])
    figures["tree_mb"] = peak
    return figures


def calamine_read(roster: Path) -> dict[str, float]:
    return _child(CALAMINE_CHILD, str(roster))


def our_import(roster: Path, folder: Path) -> dict[str, float]:
    target = folder / "import.sqlite3"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    return _child(IMPORT_CHILD, str(roster), str(target))


def libreoffice_csv(roster: Path, folder: Path) -> float | None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    start = time.perf_counter()
    subprocess.run([office, "--headless", "--convert-to", "csv", "--outdir", str(folder),
                    str(roster)], capture_output=True, check=True, timeout=1800,
                   env={**os.environ, "HOME": str(folder)})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    roster = build_roster(args.rows)
    ours: list[dict[str, float]] = []
    calamine: list[dict[str, float]] = []
    office: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["GONGHUI_DATA_DIR"] = str(folder / "data")
        for _ in range(args.runs):
            calamine.append(calamine_read(roster))
            ours.append(our_import(roster, folder))
            seconds = libreoffice_csv(roster, folder)
            if seconds is not None:
                office.append(seconds)
    ours_s = statistics.median(r["seconds"] for r in ours)
    peak = max(r["tree_mb"] for r in ours)
    calamine_peak = max(r["tree_mb"] for r in calamine)
    read_s = statistics.median(r["seconds"] for r in calamine)
    print(f"import of {args.rows:,} rows × 20 columns (.xlsx), {args.runs} runs, medians")
    print(f"{'figure':<40}{'ours':>10}{'peer':>10}{'ratio':>8}")
    print(f"{'import vs python-calamine read':<40}{ours_s:>10.2f}{read_s:>10.2f}"
          f"{ours_s / read_s:>8.2f}   goal ≤ {RATIO_GOAL}")
    if office:
        office_s = statistics.median(office)
        print(f"{'import vs LibreOffice → CSV':<40}{ours_s:>10.2f}{office_s:>10.2f}"
              f"{ours_s / office_s:>8.2f}   goal < 1")
    else:
        print("import vs LibreOffice → CSV: LibreOffice is not installed, not measured")
    print(f"{'peak memory, both processes (MB)':<40}{peak:>10.0f}{calamine_peak:>10.0f}"
          f"{peak / calamine_peak:>8.2f}   peer: the calamine read; goal ≤ {MEMORY_GOAL_MB} MB")
    parts = {k: statistics.median(r[k] for r in ours) for k in ("read", "check", "write")}
    print("ours in parts: " + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items())
          + f"; members added {int(ours[0]['added']):,}")


if __name__ == "__main__":
    main()
