"""Backups and restore: verified copies, a rotation policy, and an atomic swap back.

A backup is made with SQLite's online backup API and checked with ``integrity_check``
before it gets its final name (db.engine.backup_file). Restore verifies the chosen file,
backs up the current database, and swaps the verified copy in with one rename.

Each backup is labelled with what it came before (its reason in the file name, the detail
in a note beside it, db.backup_notes). Those taken before an import, an undo of one, a
restore or an upgrade are safety copies: rotation keeps them for at least
``keep_safety_days`` whatever else happens that day, and does not count them as the day's
backup, so the backup on exit can never push out the copy from before an import.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gonghui_desk.db import backup_notes, disk
from gonghui_desk.db import engine as eng
from gonghui_desk.db.database import Database
from gonghui_desk.db.models import AppSetting
from gonghui_desk.db.session import session_scope
from gonghui_desk.errors import (
    DatabaseNewer,
    DatabaseNotOurs,
    FieldProblem,
    UserError,
    ValidationError,
)
from gonghui_desk.services.operations import Tx

log = logging.getLogger(__name__)
REASONS = {
    "manual": "手动备份",
    "exit": "退出时自动备份",
    "upgrade": "升级前",
    "import": "导入前",
    "undo": "撤销导入前",
    "restore": "恢复前",
}
# Taken because something big is about to change: kept for days, whatever the rotation.
SAFETY_REASONS = frozenset({"import", "undo", "restore", "upgrade"})
DEFAULT_KEEP_SAFETY_DAYS = 30
# ``-2``, ``-3`` … when a second backup for the same reason falls in the same second.
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+)(?:-(?P<n>\d+))?\.sqlite3$"
)


@dataclass(frozen=True)
class BackupPolicy:
    folder: Path
    keep_daily: int = 7
    keep_monthly: int = 12
    keep_safety_days: int = DEFAULT_KEEP_SAFETY_DAYS


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: dt.datetime
    reason: str
    size: int
    counts: dict[str, int]
    detail: str = ""  # what it came before: "会员.xlsx，第 3 批"
    officer: str = ""  # who took it, when known

    @property
    def label(self) -> str:
        """In full: 导入前（会员.xlsx，第 3 批）, 恢复前, 手动备份 …"""
        base = REASONS.get(self.reason, self.reason)
        return f"{base}（{self.detail}）" if self.detail else base

    @property
    def reason_label(self) -> str:
        return self.label

    @property
    def is_safety_copy(self) -> bool:
        return self.reason in SAFETY_REASONS

    @property
    def members(self) -> int:
        return self.counts.get("member", 0)


@dataclass(frozen=True)
class RestoreResult:
    before: BackupInfo  # the backup of what was replaced
    restored: eng.FileFacts  # what the restored file holds


def counts_text(counts: dict[str, int]) -> str:
    """How much a database or backup holds, in the chair's words."""
    return f"会员 {counts.get('member', 0)} 人，会籍记录 {counts.get('membership_event', 0)} 条"


def current_counts(db: Database) -> dict[str, int]:
    """Record counts of the open database (for 'what would be replaced')."""
    return eng.describe_file(db.path, verify=False).counts if db.path else {}


def default_folder(db: Database) -> Path:
    path = db.path
    if path is None:
        raise UserError("只有本机数据库文件可以备份。")
    return path.parent / "backups"


def load_policy(db: Database) -> BackupPolicy:
    with session_scope(db.sessions) as session:
        values = {s.key: s.value for s in session.query(AppSetting).filter(
            AppSetting.key.like("backup.%"))}
    folder = values.get("backup.folder")
    default = BackupPolicy(Path())

    def number(key: str, fallback: int) -> int:
        text = values.get(f"backup.{key}", "")
        try:
            return int(text) if text else fallback
        except ValueError:  # a hand-edited setting: the default rather than no backups page
            log.warning("backup setting %s=%r is not a number, using %s", key, text, fallback)
            return fallback

    return BackupPolicy(
        folder=Path(folder) if folder else default_folder(db),
        keep_daily=number("keep_daily", default.keep_daily),
        keep_monthly=number("keep_monthly", default.keep_monthly),
        keep_safety_days=number("keep_safety_days", default.keep_safety_days),
    )


SAVE_POLICY = "保存备份设置"


def save_policy(tx: Tx, policy: BackupPolicy) -> None:
    """Validate and save where backups go and how long they are kept (an operation)."""
    problems = []
    if not 1 <= policy.keep_daily <= 365:
        problems.append(FieldProblem("保留每日备份", "应在 1 到 365 份之间。"))
    if not 0 <= policy.keep_monthly <= 120:
        problems.append(FieldProblem("保留每月备份", "应在 0 到 120 份之间。"))
    if not 1 <= policy.keep_safety_days <= 3650:
        problems.append(FieldProblem(
            "操作前备份保留天数",
            "应在 1 到 3650 天之间（导入、撤销导入、恢复和升级前的备份至少保留这么多天）。",
            "keep_safety_days",
        ))
    if not str(policy.folder).strip():
        problems.append(FieldProblem("备份文件夹", "必须填写。"))
    if problems:
        raise ValidationError(problems)
    for key, value in (
        ("backup.folder", str(policy.folder)),
        ("backup.keep_daily", str(policy.keep_daily)),
        ("backup.keep_monthly", str(policy.keep_monthly)),
        ("backup.keep_safety_days", str(policy.keep_safety_days)),
    ):
        tx.session.merge(AppSetting(key=key, value=value))


def _explain(error: BaseException, folder: Path) -> str:
    code = getattr(error, "errno", None)
    text = str(error).lower()
    if disk.is_disk_full(error) or "no space" in text:
        why = f"{disk.disk_state(folder)}，备份没有完成，也没有留下不完整的文件"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text:
        why = "没有写入权限，或该位置是只读的"
    elif code == errno.ENOTDIR or code == errno.EEXIST:
        why = "该路径不是文件夹"
    elif code == errno.ENOENT:
        why = "该位置不存在（U 盘或网络共享是否已连接？）"
    else:
        why = str(error)
    return (
        f"无法写入备份文件夹 {folder}：{why}。数据库没有受到影响。"
        "请换一个文件夹，或腾出空间后再备份。"
    )


def back_up(db: Database, folder: Path, reason: str = "manual",
            now: dt.datetime | None = None, *, detail: str = "") -> BackupInfo:
    """Write a verified copy of the open database into ``folder``, stamped with ``now``
    (by default the book's clock) and labelled with ``reason`` and ``detail``."""
    source = db.path
    if source is None:
        raise UserError("只有本机数据库文件可以备份。")
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    taken = (now or db.clock.now()).replace(microsecond=0)
    target = _free_name(folder, f"{source.stem}-{taken:%Y%m%d-%H%M%S}-{reason}")
    try:
        # Through the book's own engine: on a full disk it holds the file alone.
        eng.backup_file(source, target, engine=db.engine)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(_explain(exc, folder)) from exc
    officer = db.officer.display
    try:
        backup_notes.write_note(target, reason=reason, detail=detail, officer=officer,
                                taken=taken.isoformat(sep=" "))
    except OSError as exc:
        # The verified copy is what protects the data, and its name still marks it as a
        # safety copy: keep it, and say in the log that its label lost the detail.
        log.warning("backup %s kept without its note (%s): %s", target, detail, exc)
    facts = eng.describe_file(target, verify=False)  # backup_file has just verified it
    return BackupInfo(target, taken, reason, target.stat().st_size, facts.counts, detail, officer)


def _free_name(folder: Path, name: str) -> Path:
    """``name.sqlite3``, or ``name-2.sqlite3`` … when a backup already has it: a second
    import in the same second must not replace the safety copy of the first."""
    target = folder / f"{name}.sqlite3"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{name}-{number}.sqlite3"
    return target


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """The backups in ``folder``, newest first (``stem`` limits them to one database)."""
    found = []
    if not folder.is_dir():
        return []
    for path in folder.glob("*.sqlite3"):
        match = _NAME.match(path.name)
        if not match or (stem is not None and match["stem"] != stem):
            continue
        taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        facts = eng.describe_file(path, verify=False)
        note = backup_notes.read_note(path)
        found.append(BackupInfo(path, taken, match["reason"], path.stat().st_size, facts.counts,
                                note.get("detail", ""), note.get("officer", "")))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def safe_until(backup: BackupInfo, policy: BackupPolicy) -> dt.date | None:
    """The last day rotation keeps a safety copy; ``None`` for any other backup."""
    if not backup.is_safety_copy:
        return None
    return backup.taken.date() + dt.timedelta(days=policy.keep_safety_days)


def rotate(folder: Path, stem: str, policy: BackupPolicy,
           now: dt.datetime | None = None) -> list[Path]:
    """Keep the newest backup of each of the last N days and M months, every manual one,
    and every safety copy until ``keep_safety_days`` have passed (counting from ``now``,
    by default the newest backup's time); safety copies never count as a day's backup."""
    backups = list_backups(folder, stem)
    if not backups:
        return []
    today = (now or backups[0].taken).date()
    keep_days: list[dt.date] = []
    keep_months: list[tuple[int, int]] = []
    removed = []
    for backup in backups:
        if backup.reason == "manual":
            continue
        until = safe_until(backup, policy)
        if until is not None:
            keep = today <= until
        else:
            day, month = backup.taken.date(), (backup.taken.year, backup.taken.month)
            keep = False
            if day not in keep_days and len(keep_days) < policy.keep_daily:
                keep_days.append(day)
                keep = True
            if month not in keep_months and len(keep_months) < policy.keep_monthly:
                keep_months.append(month)
                keep = True
        if not keep:
            backup.path.unlink(missing_ok=True)
            backup_notes.remove_note(backup.path)
            removed.append(backup.path)
    return removed


def back_up_and_rotate(db: Database, reason: str, folder: Path | None = None, *,
                       detail: str = "") -> BackupInfo:
    """A backup into the configured folder (or ``folder``), then the rotation policy there.

    ``reason`` is one of ``REASONS``; ``detail`` says what it came before, for its label
    (``"会员.xlsx，第 3 批"`` makes 导入前（会员.xlsx，第 3 批）).
    """
    policy = load_policy(db)
    target = folder or policy.folder
    info = back_up(db, target, reason, detail=detail)
    if db.path is not None and target == policy.folder:
        rotate(target, db.path.stem, policy, now=info.taken)
    return info


def check_restorable(file: Path) -> eng.FileFacts:
    """Refuse a file that is not ours, is damaged, or is from a newer version."""
    from gonghui_desk.db import migrate

    if not file.is_file():
        raise UserError(f"找不到备份文件 {file}。")
    facts = eng.describe_file(file)
    if facts.state is not eng.FileState.OURS:
        raise DatabaseNotOurs(f"文件 {file} 不是工会桌面的数据库或备份，不能用来恢复。")
    if facts.integrity:
        raise UserError(
            f"备份文件 {file} 已损坏（完整性检查未通过：{facts.integrity[0]}），不能用来恢复。"
            "请选择另一份备份。"
        )
    if facts.revision is not None and not migrate.is_known(facts.revision):
        raise DatabaseNewer(
            f"备份文件 {file} 由更新版本的工会桌面写入，本版本不能恢复它。请先升级工会桌面。"
        )
    return facts


def restore(db: Database, file: Path) -> RestoreResult:
    """Replace the open database by ``file``; says what was backed up and what came in.

    ``db`` is closed afterwards: open the database again (an older backup is migrated then).
    Until the final rename the current database is untouched.
    """
    target = db.path
    if target is None:
        raise UserError("只有本机数据库文件可以恢复。")
    if file.resolve() == target.resolve():
        raise UserError("不能用正在使用的数据库恢复它自己。")
    restored = check_restorable(file)
    before = back_up_and_rotate(db, "restore", detail=f"将用 {file.name} 恢复")
    staging = target.with_name(target.name + ".restoring")
    try:
        eng.backup_file(file, staging)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(_explain(exc, target.parent)) from exc
    db.close()
    eng.replace_file(staging, target)
    return RestoreResult(before, restored)
