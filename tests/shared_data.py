"""Where the reference originals are: the provincial template and the paper forms.

They sit in ``shared/data`` beside the checkout (the project's reference material, not
part of it); a test that compares a form with its original reads it from there.
"""

from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MEMBER_TEMPLATE = SHARED_DATA / "provincial_member_template.xlsx"
PAPER_FORMS = SHARED_DATA / "forms"
