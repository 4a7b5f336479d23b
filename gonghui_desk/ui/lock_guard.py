"""While the app is locked, only the lock window is on screen; unlocking brings back the rest.

Every other window of the app (the main window, dialogs, message boxes, previews, progress
dialogs) is taken off the screen with ``WA_DontShowOnScreen`` rather than ``hide()``:
hiding a dialog that runs ``exec()`` ends its event loop, and the code waiting on it would
carry on as if the officer had cancelled. Taken off the screen, each window keeps its
state as it was (half-typed text, focus, a running ``exec()``) and comes back as it was.

A hidden modal dialog still blocks the windows under it, so the lock screen is its own
application-modal window, shown last: the newest modal window is the one that takes input.
Windows that open while locked (a reminder from a timer) are taken off the screen as they
show, and come back on unlock after the others.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from gonghui_desk.ui.widgets.lock_screen import LockScreen

log = logging.getLogger(__name__)
OFF_SCREEN = Qt.WidgetAttribute.WA_DontShowOnScreen
NEVER_HIDDEN = (Qt.WindowType.ToolTip, Qt.WindowType.Desktop)


def on_screen(widget: QWidget) -> bool:
    """Whether the window is really shown: ``isVisible()`` stays true while taken off."""
    handle = widget.windowHandle()
    return widget.isVisible() and handle is not None and handle.isVisible()


def close_popups() -> None:
    """Menus and drop-down lists take all input while open; the lock screen needs it."""
    QToolTip.hideText()
    closed: set[int] = set()
    while (popup := QApplication.activePopupWidget()) is not None and id(popup) not in closed:
        closed.add(id(popup))
        popup.close()


def forget(widget: QWidget) -> None:
    """Put a window closed while off the screen back to an ordinary closed window."""
    widget.setAttribute(OFF_SCREEN, False)
    if widget.windowHandle() is not None:
        # Qt keeps a message box closed while off the screen among its modal windows,
        # where it would go on blocking the main window. Dropping its native window
        # clears that; Qt makes a new one if it shows again.
        widget.destroy()


class LockGuard(QObject):
    """Takes the app's windows off the screen behind ``lock_window`` and puts them back."""

    def __init__(self, lock_window: LockScreen, owner: QWidget) -> None:
        super().__init__(owner)
        self.lock_window = lock_window
        self.owner = owner
        self.engaged = False
        self._hidden: list[QWidget] = []
        self._active: QWidget | None = None
        # The lock window has no parent (so it has its own taskbar button while the main
        # window is off the screen); it goes when the main window goes.
        owner.destroyed.connect(lock_window.deleteLater)

    @property
    def hidden(self) -> list[QWidget]:
        """The windows taken off the screen, in the order they come back."""
        return [widget for widget in self._hidden if isValid(widget)]

    def engage(self) -> None:
        """Take every window off the screen and show the lock window where the owner is."""
        if self.engaged:
            return
        close_popups()
        self._active = QApplication.activeWindow()
        for widget in self._stacking_order():
            self._take_off(widget)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.engaged = True
        self._present()
        log.info("locked: %d window(s) taken off the screen", len(self._hidden))

    def release(self) -> None:
        """Put back every window still open, then take the lock window away."""
        if not self.engaged:
            return
        self._stop()
        for widget in self.hidden:
            handle = widget.windowHandle()
            if widget.isVisible() and handle is not None:
                widget.setAttribute(OFF_SCREEN, False)
                handle.show()
            else:  # closed by the program while locked: it stays closed
                forget(widget)
        self.lock_window.hide()
        active = self._active
        # It came back last, so on top; give it the keyboard again.
        if active is not None and isValid(active) and on_screen(active):
            active.activateWindow()
        self._hidden.clear()
        self._active = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not isinstance(watched, QWidget) or not watched.isWindow():
            return False
        if kind == QEvent.Type.Show:
            self._shown_while_locked(watched)
        elif kind == QEvent.Type.Hide and not event.spontaneous():
            if watched is self.owner:
                self._owner_closed()
            elif watched in self._hidden:
                # Closed by the program while locked (a finished task's progress dialog).
                QTimer.singleShot(0, lambda: self._closed_while_locked(watched))
        return False

    # -- internals ----------------------------------------------------------------------

    def _stacking_order(self) -> list[QWidget]:
        """Visible windows from the bottom up, as far as Qt knows it.

        Qt lists windows in the order they first appeared, which is how dialogs opened
        from one another stack; the active window (and the modal one, which is on top
        of its parent) go last so they come back on top.
        """
        by_handle = {
            widget.windowHandle(): widget for widget in QApplication.topLevelWidgets()
        }
        ordered = [by_handle[handle] for handle in QApplication.topLevelWindows()
                   if handle in by_handle]
        for top in (QApplication.activeModalWidget(), self._active):
            if top in ordered:
                ordered.remove(top)
                ordered.append(top)
        return [widget for widget in ordered
                if on_screen(widget) and self._belongs_off_screen(widget)]

    def _belongs_off_screen(self, widget: QWidget) -> bool:
        if widget.windowType() in NEVER_HIDDEN:
            return False
        # The lock window's own menus, tooltips and messages (a wrong-password or
        # error box) must show.
        ancestor: QWidget | None = widget
        while ancestor is not None:
            if ancestor is self.lock_window:
                return False
            ancestor = ancestor.parentWidget()
        return True

    def _take_off(self, widget: QWidget) -> None:
        widget.setAttribute(OFF_SCREEN, True)
        if widget not in self._hidden:
            self._hidden.append(widget)

    def _shown_while_locked(self, widget: QWidget) -> None:
        # A window kept off the screen by someone else (Qt does that for native file
        # dialogs) is left alone.
        if not self._belongs_off_screen(widget) or (
            widget.testAttribute(OFF_SCREEN) and widget not in self._hidden
        ):
            return
        if widget.windowType() == Qt.WindowType.Popup:
            QTimer.singleShot(0, widget.close)  # it would take the lock screen's input
            return
        # At its Show event it is not on the screen yet: off it goes before it gets there.
        self._take_off(widget)
        log.info("a window opened while locked stays off the screen until unlock")
        QTimer.singleShot(0, lambda: self._settle(widget))

    def _settle(self, widget: QWidget) -> None:
        """After a window opened while locked has finished showing."""
        if not self.engaged or not isValid(widget) or not widget.isVisible():
            return
        if widget.isModal():
            # Taken off in the middle of showing, a modal window is listed twice among
            # Qt's modal windows; taking it off again once shown leaves it listed once,
            # so that closing it later clears it.
            widget.setAttribute(OFF_SCREEN, False)
            widget.setAttribute(OFF_SCREEN, True)
            # The newest modal window takes input: the lock window goes back on top.
            self.lock_window.hide()
            self._present()

    def _closed_while_locked(self, widget: QWidget) -> None:
        # Shown again meanwhile, it is off the screen again; unlocked meanwhile, the
        # release has seen to it.
        if isValid(widget) and not widget.isVisible() and widget in self._hidden:
            self._hidden.remove(widget)
            forget(widget)

    def _owner_closed(self) -> None:
        """The main window was closed while locked: the program is ending, nothing comes
        back; the windows off the screen go with the program."""
        self._stop()
        self._hidden.clear()
        self._active = None
        self.lock_window.hide()

    def _present(self) -> None:
        self.lock_window.show_over(self.owner)

    def _stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.engaged = False
