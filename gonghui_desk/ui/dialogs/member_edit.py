"""Add or edit a member: every field, messages next to the field, duplicate warnings.

A valid resident ID fills in the date of birth and sex as soon as it is typed, and again
whenever it is corrected to another valid number; only a value the chair chose by hand
stays. A message under a field goes once the record no longer has that problem. Saving
asks the service to review the record first; a possible duplicate (same name and birth
date, or same mobile) is shown with a link to the existing record and needs a second
click on "Save anyway". The save itself is an operation, run by the context's runner.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.codes import RESIDENT_ID
from gonghui_desk.domain.idnumber import IdNumber, InvalidIdNumber, parse_id_number
from gonghui_desk.domain.member import CODE_LISTS, FIELD_NAMES, MemberData
from gonghui_desk.errors import FieldProblem, ValidationError
from gonghui_desk.services import member_records as records
from gonghui_desk.services.edit_conflicts import EditConflict
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.record_dialog import may_close
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.member_fields import title
from gonghui_desk.ui.screen_fit import fit_to_screen
from gonghui_desk.ui.style import ERROR_RED
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.widgets.fields import (
    CodeCombo,
    FieldRow,
    OptionalDateEdit,
    follow_changes,
    form_group,
)
from gonghui_desk.ui.widgets.inputs import to_qdate

TEXT_KEYS = ("name", "id_number", "phone", "post", "hukou_place", "work_unit",
             "native_place", "card_number")
DATE_KEYS = ("birth_date", "join_date")
CHECK_KEYS = ("migrant_worker", "dispatched")
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Identity", ("name", "id_type", "id_number", "gender", "birth_date", "ethnicity", "phone")),
    ("Work", ("department", "post", "work_unit", "employment_status", "tech_level",
              "new_employment_form", "dispatched", "migrant_worker")),
    ("Personal", ("education", "political_status", "hukou_type", "hukou_place",
                  "native_place")),
    ("Membership", ("join_date", "card_number", "model_worker_level")),
)


class MemberDialog(QDialog):
    open_member = Signal(int)  # the user followed a duplicate warning's link

    def __init__(
        self,
        context: AppContext,
        detail: records.MemberDetail | None,
        departments: list[str],
        handler: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.member_id = detail.id if detail else None
        self.seen_version = detail.version if detail else None  # refused if saved since
        self._confirmed_warnings: tuple[records.DuplicateHint, ...] = ()
        self.setWindowTitle(self.tr("Edit member") if detail else self.tr("Add member"))
        self.widgets: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        self._build_fields(departments)
        self.first_event: dict[str, QWidget] = {}

        grid = QGridLayout()
        boxes = [self._group(name, keys) for name, keys in GROUPS]
        grid.addWidget(boxes[0], 0, 0)
        grid.addWidget(boxes[1], 0, 1, 2, 1)
        grid.addWidget(boxes[2], 1, 0)
        grid.addWidget(boxes[3], 2, 0)
        if detail is None:
            grid.addWidget(self._first_event_box(handler), 2, 1)
        note_box = QGroupBox(title("note"))
        note_layout = QVBoxLayout(note_box)
        note_layout.addWidget(self.rows["note"])
        grid.addWidget(note_box, 3, 0, 1, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setTextFormat(Qt.TextFormat.RichText)
        self.general.linkActivated.connect(lambda link: self.open_member.emit(int(link)))
        self.general.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(900, 720))
        if detail is not None:
            self._fill(detail.data)
        else:
            self._fill(MemberData(
                ethnicity="汉族", employment_status="在岗", join_date=context.clock.today()
            ))
        id_field = self.widgets["id_number"]
        assert isinstance(id_field, QLineEdit)
        id_field.editingFinished.connect(self._id_finished)
        id_field.textChanged.connect(lambda _: self._derive_from_id())
        self._watch_hand_edits()
        follow_changes(self.rows, self._problems_now)
        self._opened_with = self._typed()

    def _typed(self) -> tuple[object, ...]:
        """What closing would lose: the fields, and a new member's first event."""
        return (self.draft(), self.first_event_draft() if self.first_event else None)

    def reject(self) -> None:
        """取消 or Esc: asks first when something typed would be lost."""
        if may_close(self, self._typed() != self._opened_with):
            super().reject()

    # -- building -----------------------------------------------------------------------

    def _build_fields(self, departments: list[str]) -> None:
        for key in FIELD_NAMES:
            widget: QWidget
            if key in TEXT_KEYS:
                widget = QLineEdit()
            elif key in DATE_KEYS:
                widget = OptionalDateEdit()
            elif key in CHECK_KEYS:
                widget = QCheckBox(self.tr("Yes"))
            elif key == "department":
                combo = QComboBox()
                combo.setEditable(True)
                combo.addItems(departments)
                combo.setCurrentIndex(-1)
                widget = combo
            elif key == "note":
                note = QPlainTextEdit()
                note.setFixedHeight(60)
                widget = note
            else:
                widget = CodeCombo(CODE_LISTS[key], blank=key != "id_type")
            widget.setObjectName(key)
            self.widgets[key] = widget
            self.rows[key] = FieldRow(widget)

    def _group(self, name: str, keys: tuple[str, ...]) -> QGroupBox:
        titles = {
            "Identity": self.tr("Identity and contact"),
            "Work": self.tr("Work"),
            "Personal": self.tr("Personal details"),
            "Membership": self.tr("Membership"),
        }
        return form_group(titles[name], [(title(key), self.rows[key]) for key in keys])

    def _first_event_box(self, handler: str) -> QGroupBox:
        box = QGroupBox(self.tr("How the member came in"))
        form = QFormLayout(box)
        kind = QComboBox()
        kind.addItems([ms.JOIN, ms.TRANSFER_IN])
        arrived = OptionalDateEdit()
        today = self.context.clock.today()
        arrived.set_value(today)
        arrived.setMaximumDate(to_qdate(today))
        union = QLineEdit()
        by = QLineEdit(handler)
        for key, widget in (("kind", kind), ("effective_date", arrived),
                            ("counterpart_union", union), ("handled_by", by)):
            widget.setObjectName(f"event_{key}")
            self.first_event[key] = widget
            self.rows[f"event_{key}"] = FieldRow(widget)
            form.addRow(title(key), self.rows[f"event_{key}"])
        hint = QLabel(self.tr("For 入会 the effective date is the date joined the union."))
        hint.setWordWrap(True)
        form.addRow(hint)

        def kind_changed() -> None:
            transfer = kind.currentText() == ms.TRANSFER_IN
            arrived.setEnabled(transfer)
            union.setEnabled(transfer)

        kind.currentIndexChanged.connect(kind_changed)
        kind_changed()
        return box

    # -- values -------------------------------------------------------------------------

    def _fill(self, data: MemberData) -> None:
        for key in FIELD_NAMES:
            widget = self.widgets[key]
            value = getattr(data, key)
            if isinstance(widget, QLineEdit):
                widget.setText(value or "")
            elif isinstance(widget, OptionalDateEdit):
                widget.set_value(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, CodeCombo):
                widget.set_value(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)

    def draft(self) -> MemberData:
        values: dict[str, object] = {}
        for key in FIELD_NAMES:
            widget = self.widgets[key]
            if isinstance(widget, QLineEdit):
                values[key] = widget.text()
            elif isinstance(widget, OptionalDateEdit):
                values[key] = widget.value()
            elif isinstance(widget, QCheckBox):
                values[key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentText()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
        return MemberData(**values)  # type: ignore[arg-type]

    def first_event_draft(self) -> ms.EventDraft:
        kind = self.first_event["kind"]
        arrived = self.first_event["effective_date"]
        union = self.first_event["counterpart_union"]
        by = self.first_event["handled_by"]
        assert isinstance(kind, QComboBox) and isinstance(arrived, OptionalDateEdit)
        assert isinstance(union, QLineEdit) and isinstance(by, QLineEdit)
        return ms.EventDraft(kind.currentText(), arrived.value(), "", union.text(), by.text())

    def _watch_hand_edits(self) -> None:
        """A birth date or sex the chair sets by hand is theirs: the ID no longer moves it
        (until they empty it again)."""
        birth = self.widgets["birth_date"]
        gender = self.widgets["gender"]
        assert isinstance(birth, OptionalDateEdit) and isinstance(gender, CodeCombo)
        # a value on file that the number does not give was chosen, not derived
        parsed = self._parsed_id()
        self.overridden = {
            "birth_date": parsed is not None and birth.value() not in (None, parsed.birth_date),
            "gender": parsed is not None and gender.value() not in ("", parsed.gender),
        }

        def birth_edited() -> None:
            self.overridden["birth_date"] = bool(birth.line.text().strip())

        def gender_chosen() -> None:
            self.overridden["gender"] = bool(gender.value())

        birth.edited.connect(birth_edited)
        gender.activated.connect(lambda _: gender_chosen())

    def _parsed_id(self) -> IdNumber | None:
        id_type = self.widgets["id_type"]
        number = self.widgets["id_number"]
        assert isinstance(id_type, QComboBox) and isinstance(number, QLineEdit)
        if id_type.currentText() != RESIDENT_ID or not number.text().strip():
            return None
        try:
            return parse_id_number(number.text(), today=self.context.clock.today())
        except InvalidIdNumber:
            return None

    def _derive_from_id(self) -> None:
        """Date of birth and sex follow a valid resident ID, except where set by hand."""
        parsed = self._parsed_id()
        if parsed is None:
            return
        birth = self.widgets["birth_date"]
        gender = self.widgets["gender"]
        assert isinstance(birth, OptionalDateEdit) and isinstance(gender, CodeCombo)
        if not self.overridden["birth_date"]:
            birth.set_value(parsed.birth_date)
        if not self.overridden["gender"]:
            gender.set_value(parsed.gender)

    def _id_finished(self) -> None:
        """Once the number is typed: say what is wrong with it, or write it in full."""
        number = self.widgets["id_number"]
        id_type = self.widgets["id_type"]
        assert isinstance(number, QLineEdit) and isinstance(id_type, QComboBox)
        if id_type.currentText() != RESIDENT_ID or not number.text().strip():
            return
        try:
            parsed = parse_id_number(number.text(), today=self.context.clock.today())
        except InvalidIdNumber as exc:
            self.rows["id_number"].show_message(exc.message)
            return
        self.rows["id_number"].show_message("")
        number.setText(parsed.number)

    def _problems_now(self) -> dict[str, str]:
        """The problems saving now would report, by row (to clear those put right)."""
        first = self.first_event_draft() if self.member_id is None else None
        review = records.review_member(self.context.db.sessions, self.draft(), self.member_id,
                                       today=self.context.clock.today(), first_event=first)
        found: dict[str, str] = {}
        for problem in review.problems:
            key = problem.key if problem.key in self.widgets else f"event_{problem.key}"
            found.setdefault(key, problem.message)
        return found

    # -- saving -------------------------------------------------------------------------

    def show_problems(self, problems: tuple[FieldProblem, ...] | list[FieldProblem]) -> None:
        for field_row in self.rows.values():
            field_row.show_message("")
        general = []
        for problem in problems:
            row = self.rows.get(problem.key) or self.rows.get(f"event_{problem.key}")
            if row is None:
                general.append(escape(str(problem)))
            else:
                row.show_message(problem.message)
        first = next((p.key for p in problems if p.key in self.widgets), None)
        if first is not None:
            self.widgets[first].setFocus()
        self._show_general(general, [])

    def _show_general(self, lines: list[str], hints: list[records.DuplicateHint]) -> None:
        parts = [f"<p style='color:{ERROR_RED}'>{line}</p>" for line in lines]
        if hints:
            parts.append("<p><b>" + escape(self.tr("Possibly the same person:")) + "</b></p>")
            parts += [f"<p>· <a href='{h.member_id}'>{escape(h.text)}</a></p>" for h in hints]
            parts.append("<p>" + escape(self.tr(
                "Click a name to look at that record, or click “Save anyway” if this is "
                "a different person.")) + "</p>")
        self.general.setText("".join(parts))
        self.general.setVisible(bool(parts))

    def accept(self) -> None:
        if unreadable_dates(self):
            return
        draft = self.draft()
        first = self.first_event_draft() if self.member_id is None else None
        review = records.review_member(self.context.db.sessions, draft, self.member_id,
                                       today=self.context.clock.today(), first_event=first)
        if review.problems:
            self.show_problems(review.problems)
            return
        if review.warnings and review.warnings != self._confirmed_warnings:
            self.show_problems([])
            self._show_general([], list(review.warnings))
            self._confirmed_warnings = review.warnings
            self.save_button.setText(self.tr("Save anyway"))
            return
        runner = self.context.runner
        try:
            if first is not None:
                self.member_id = runner.run(Op(
                    records.ADD_MEMBER, lambda tx: records.create_member(tx, draft, first))).value
            else:
                member_id, seen = self.member_id, self.seen_version
                assert member_id is not None
                runner.run(Op(records.EDIT_MEMBER,
                              lambda tx: records.update_member(tx, member_id, draft, seen)))
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        except EditConflict as conflict:  # another officer saved first: keep what was typed
            show_user_error(self, conflict)
            return
        super().accept()
