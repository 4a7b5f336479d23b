"""A throwaway PostgreSQL cluster for the tests: made in a temporary folder, reached only
through a Unix socket in it (no TCP port), gone when the run ends.

``initdb`` refuses to run as root, so as root the cluster belongs to Debian's unprivileged
``postgres`` user (``runuser``) and lives in a folder that user can enter (not root's home);
as anyone else it simply belongs to them. Each pytest-xdist worker starts its own cluster,
so that tests never share a server. A test gets a fresh database copied from a template
that was migrated once (``CREATE DATABASE … TEMPLATE``: a tenth of a second, where
migrating anew takes two).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"
TEMPLATE = "book_template"


class NoServer(RuntimeError):
    """PostgreSQL's server programs are not installed here."""


def server_bin() -> Path:
    """Debian keeps the server's programs out of PATH, under /usr/lib/postgresql/N/bin."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise NoServer(
        "PostgreSQL's server is not installed (no initdb): run `bash packaging/dev.sh test`, "
        "which installs Debian's postgresql package, or pass --engine sqlite.")


def _as_owner(owner: str | None, args: list[str]) -> list[str]:
    return ["runuser", "-u", owner, "--", *args] if owner else args


@dataclass
class Cluster:
    """A running cluster and how to reach it."""

    folder: Path
    owner: str | None  # the OS user it runs as when we are root; None: ourselves
    bin: Path
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))
    _to_drop: list[str] = field(default_factory=list)

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+psycopg://{user}{secret}@/{database}?host={self.socket_dir}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = subprocess.run(
            [str(self.bin / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
             "-h", self.socket_dir, "-U", SUPERUSER, "-d", database, "-c", sql],
            capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def new_database(self, template: str = TEMPLATE) -> str:
        name = f"book_{os.getpid()}_{next(self._names)}"
        self.psql(f"CREATE DATABASE {name} TEMPLATE {template}")
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def drop_later(self, name: str, keep: int = 3) -> None:
        """Drop ``name`` once ``keep`` newer databases have been handed back."""
        self._to_drop.append(name)
        while len(self._to_drop) > keep:
            self.drop_database(self._to_drop.pop(0))

    def stop(self) -> None:
        subprocess.run(
            _as_owner(self.owner, [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"),
                                   "-m", "immediate", "-w", "stop"]),
            capture_output=True, timeout=60, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(*, durable: bool = False) -> Cluster:
    """initdb, then start a server that listens on nothing but a socket in its folder;
    ``durable`` keeps a real server's fsync and commit settings (for benchmarks)."""
    bin_dir = server_bin()
    owner = SUPERUSER if os.geteuid() == 0 else None
    # /tmp, short: a Unix socket's path is limited to about 100 characters.
    folder = Path(tempfile.mkdtemp(prefix="ghpg", dir="/tmp"))
    if owner:
        shutil.chown(folder, user=owner)
    data = folder / "data"
    init = subprocess.run(
        _as_owner(owner, [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER,
                          "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
                          *([] if durable else ["--no-sync"])]),
        capture_output=True, text=True, timeout=120, check=False)
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stderr.strip()}")
    # Durability is not what these tests are about: fsync off makes each test's database
    # copy and each commit cheap. Password sign-in is tested over the socket with md5/scram.
    cheap = "" if durable else "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    options = f"-c listen_addresses='' {cheap}-c max_connections=200 -k {folder}"
    started = subprocess.run(
        _as_owner(owner, [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                          "-l", str(folder / "server.log"), "-w", "start"]),
        capture_output=True, text=True, timeout=120, check=False)
    if started.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace") if (
            folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()} {log[-800:]}")
    return Cluster(folder, owner, bin_dir)
