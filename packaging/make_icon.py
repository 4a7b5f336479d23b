"""Make resources/icons/gonghui-desk.ico (Windows: program, shortcuts, installer) from the
PNG: 16, 24, 32, 48, 64 and 256 pixels, each stored as PNG inside the .ico.

    python packaging/make_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 256)


def png_bytes(image: QImage, size: int) -> bytes:
    scaled = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scaled.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(["make_icon", "-platform", "offscreen"])
    image = QImage(str(ICONS / "gonghui-desk.png"))
    if image.isNull():
        print("cannot read gonghui-desk.png", file=sys.stderr)
        return 1
    target = ICONS / "gonghui-desk.ico"
    target.write_bytes(ico([(size, png_bytes(image, size)) for size in SIZES]))
    print(f"wrote {target} ({target.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
