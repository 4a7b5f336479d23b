"""Compile the Qt Linguist translations (resources/i18n/*.ts → .qm).

Run by ``packaging/dev.sh`` and by the wheel build hook. The compiled files are build
products, not sources, so they are not in version control.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_lrelease() -> str | None:
    for name in ("pyside6-lrelease", "lrelease"):
        for program in (name, name + ".exe"):  # a venv's Scripts folder on Windows
            beside_python = Path(sys.executable).with_name(program)
            if beside_python.is_file():
                return str(beside_python)
        found = shutil.which(name)
        if found:
            return found
    return None


def compile_translations(root: Path = ROOT) -> list[Path]:
    """Compile every .ts; without lrelease, accept only .qm files that are up to date."""
    lrelease = find_lrelease()
    compiled = []
    for source in sorted((root / "resources" / "i18n").glob("*.ts")):
        target = source.with_suffix(".qm")
        if lrelease is not None:
            subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], check=True)
        elif not target.is_file() or target.stat().st_mtime < source.stat().st_mtime:
            raise RuntimeError(
                f"{target.name} is missing or older than {source.name} and no lrelease was "
                "found: install PySide6-Essentials where the build runs "
                "(pip wheel --no-build-isolation) or run packaging/dev.sh first"
            )
        compiled.append(target)
    return compiled


if __name__ == "__main__":
    for path in compile_translations():
        print(f"compiled {path.relative_to(ROOT)}", file=sys.stderr)
