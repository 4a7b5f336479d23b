"""aid_payment: what the medical and study aid applications ask beyond the file

The patient's sex and employer (a patient who is not a recorded household member) and the
student's 民族, 政治面貌, phone, 高考分数, 类别 (本科/大专), 是否本届, 录取时间 and 毕业时间.
Payments already on file get blanks: nothing is guessed for them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_COLUMNS = (("patient_gender", 2), ("patient_work_unit", 100), ("student_ethnicity", 20),
                ("student_political_status", 20), ("student_phone", 20), ("study_level", 10))
OPTIONAL_COLUMNS = (("exam_score", sa.Integer()), ("current_cohort", sa.Boolean()),
                    ("admitted_on", sa.Date()), ("graduating_on", sa.Date()))


def upgrade() -> None:
    with op.batch_alter_table("aid_payment") as batch:
        for name, length in TEXT_COLUMNS:
            batch.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
        for name, kind in OPTIONAL_COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    # The server defaults only filled the payments already on file; the model supplies values.
    with op.batch_alter_table("aid_payment") as batch:
        for name, length in TEXT_COLUMNS:
            batch.alter_column(name, existing_type=sa.String(length=length), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("aid_payment") as batch:
        for name, _ in reversed(OPTIONAL_COLUMNS):
            batch.drop_column(name)
        for name, _ in reversed(TEXT_COLUMNS):
            batch.drop_column(name)
