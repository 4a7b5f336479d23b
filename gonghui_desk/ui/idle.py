"""Notices when nobody has used the app for a while (for the idle lock)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

USER_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """Installed as an application event filter; emits ``idle`` after the interval."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)

    def set_interval_ms(self, milliseconds: int) -> None:
        """0 switches the watcher off."""
        self.timer.stop()
        self.timer.setInterval(milliseconds)
        if milliseconds > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_EVENTS and self.timer.interval() > 0:
            self.timer.start()
        return False
