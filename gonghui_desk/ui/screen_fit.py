"""Windows that stay on a laptop's screen: a dialog's body scrolls, its buttons never do.

Many union PCs are 1366×768 laptops: after the taskbar and a title bar about 700 px of
height are left, and a long form (医疗救助, a hardship file) is taller than that. Every
dialog therefore opens no larger than the screen it is on, less the window frame, and one
whose body is a form carries that body in a scroll area with the button box below it, so
保存 / 取消 always show. A dialog that grows while open (another kind of aid chosen) is
moved back up when its foot would leave the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# What a window manager draws around a window, before Qt can tell: a title bar and resize
# borders as Windows 10/11 draw them at 100 % (frameless offscreen windows report none).
FRAME = QMargins(8, 32, 8, 8)


class BodyScroll(QScrollArea):
    """A frameless scroll area whose size hint is its whole content's, so a dialog opens
    as large as its form needs and scrolls only when the screen is smaller."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(body)

    def sizeHint(self) -> QSize:
        body = self.widget()
        if body is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return body.sizeHint().expandedTo(body.minimumSizeHint()) + QSize(frame, frame)


def frame_margins(window: QWidget) -> QMargins:
    """The window's frame as drawn once shown, and never less than ``FRAME``."""
    outer, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        max(FRAME.left(), inner.left() - outer.left()),
        max(FRAME.top(), inner.top() - outer.top()),
        max(FRAME.right(), outer.right() - inner.right()),
        max(FRAME.bottom(), outer.bottom() - inner.bottom()),
    )


def screen_area(window: QWidget) -> QRect:
    """The free part of the screen the window is on (or will open on, over its parent):
    the taskbar left out."""
    parent = window.parentWidget()
    owner = parent.window() if parent is not None and not window.isVisible() else window
    screen = owner.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def client_area(window: QWidget) -> QRect:
    """Where the window's contents may lie: the free screen less the window's frame."""
    return screen_area(window).marginsRemoved(frame_margins(window))


class ScreenKeeper(QObject):
    """Moves its window back on the screen whenever it is shown: Qt centres a dialog over
    its parent only after the show event, with the frame it can guess, which can put a
    title bar or a foot off the screen. So the check runs as soon as that is done."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            QTimer.singleShot(0, self, lambda: keep_on_screen(watched))
        return False


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Resize ``window`` to ``wanted`` (its size hint where that is missing or 0), no
    larger than the screen allows; if it is showing, move it so that it lies wholly on
    the screen, and whenever it is shown again."""
    if window.findChild(ScreenKeeper) is None:
        window.installEventFilter(ScreenKeeper(window))
    for scroll in window.findChildren(BodyScroll):
        # a box just shown or hidden in the body: its new size, not the one laid out last
        body = scroll.widget()
        inner = body.layout() if body is not None else None
        if inner is not None:
            inner.invalidate()
        scroll.updateGeometry()
    area = client_area(window)
    hint = window.sizeHint()
    size = QSize(wanted.width() if wanted is not None and wanted.width() > 0 else hint.width(),
                 wanted.height() if wanted is not None and wanted.height() > 0
                 else hint.height())
    if size.height() > area.height() and window.findChild(BodyScroll) is not None:
        # the body will scroll: leave room for the scroll bar rather than hide a column
        size = QSize(size.width() + scroll_bar_width(window), size.height())
    window.resize(size.boundedTo(area.size()).expandedTo(window.minimumSize()))
    if window.isVisible():
        keep_on_screen(window)


def keep_on_screen(window: QWidget) -> None:
    """Move a shown window back inside the screen where its frame sticks out (a maximised
    window is the window manager's to place)."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = client_area(window)
    place = window.geometry()
    x = max(area.left(), min(place.left(), area.right() - place.width() + 1))
    y = max(area.top(), min(place.top(), area.bottom() - place.height() + 1))
    if (x, y) != (place.left(), place.top()):
        window.move(window.pos() + QPoint(x - place.left(), y - place.top()))


def scroll_bar_width(widget: QWidget) -> int:
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, widget)


def scroll_body(dialog: QDialog, width: int = 0, height: int = 0) -> BodyScroll:
    """Move everything in ``dialog``'s layout but its button boxes into a scroll area,
    keep the button boxes under it, and fit the dialog to the screen at ``width`` ×
    ``height`` (0: as large as the body asks).

    Called once the dialog has laid out its body, so a dialog keeps building its layout
    as it always has; the items keep their order and stretch.
    """
    layout = dialog.layout()
    if not isinstance(layout, QBoxLayout):
        raise TypeError(f"{type(dialog).__name__} has no box layout to scroll")
    body = QWidget()
    body.setObjectName("dialog_body")
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    kept: list[QWidget] = []
    while layout.count():
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item is None:
            break
        widget, child = item.widget(), item.layout()
        if isinstance(widget, QDialogButtonBox):
            kept.append(widget)
        elif widget is not None:
            inner.addWidget(widget, stretch)
        elif child is not None:
            inner.addLayout(child, stretch)
        else:  # a spacing or a stretch
            inner.addItem(item)
            inner.setStretch(inner.count() - 1, stretch)
    scroll = BodyScroll(body)
    layout.addWidget(scroll, 1)
    for widget in kept:
        layout.addWidget(widget)
    fit_to_screen(dialog, QSize(width, height))
    return scroll


def scroll_tabs(tabs: QTabWidget) -> None:
    """Put each tab's page that does not scroll by itself into a scroll area, so a record
    dialog can be shorter than its longest tab; the tabs keep their order and titles."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is None or isinstance(page, QAbstractScrollArea):
            continue
        title, tip = tabs.tabText(index), tabs.tabToolTip(index)
        enabled = tabs.isTabEnabled(index)
        tabs.removeTab(index)
        tabs.insertTab(index, BodyScroll(page), title)
        tabs.setTabToolTip(index, tip)
        tabs.setTabEnabled(index, enabled)
    tabs.setCurrentIndex(0)
