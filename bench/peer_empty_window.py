"""The peer for the start-up benchmark: a bare PySide6 script showing an empty QMainWindow,
reporting the same way the app does when run with GONGHUI_BENCH_QUIT_WHEN_SHOWN."""

import resource
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 720)
    window.show()

    def report() -> None:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"shown peak_rss_kb={peak_kb}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
