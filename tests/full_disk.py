"""A real full disk for tests: a small tmpfs mounted for one test, and a way to fill it.

Mounting needs root (and a kernel that allows it in this container); where it is not
permitted the test is skipped, saying why. The monkeypatched variants of the same tests
run everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own, empty."""
    if not sys.platform.startswith("linux"):
        pytest.skip("a tmpfs disk is Linux only; the monkeypatched tests cover this elsewhere")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no mount command here to make a small disk")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not permitted here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the disk holding ``folder`` to the last byte; returns the filler file."""
    filler = folder / "filler.bin"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for chunk in (64 * 1024, 4096, 1):
            while True:
                try:
                    os.write(descriptor, b"\0" * chunk)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(descriptor)
    assert shutil.disk_usage(folder).free == 0
    return filler
