"""All mapped models; importing this package registers every table on ``Base.metadata``."""

from gonghui_desk.db.models.annual import YearFiguresRow
from gonghui_desk.db.models.contracts import (
    CollectiveContract,
    ContractAttachment,
    ContractFile,
    ContractNegotiator,
    ContractRules,
)
from gonghui_desk.db.models.hardship import (
    AidPayment,
    DibaoStandard,
    HardshipFile,
    HardshipMoneyItem,
    HardshipRelative,
    HardshipStep,
    HardshipYear,
)
from gonghui_desk.db.models.history import ChangeRecord
from gonghui_desk.db.models.imports import ImportBatch, ImportBatchItem, ImportProfile
from gonghui_desk.db.models.members import Member, MembershipEvent
from gonghui_desk.db.models.profile import BranchProfileRow
from gonghui_desk.db.models.recuperation import (
    DepartmentQuota,
    RecuperationApplication,
    RecuperationOverride,
    RecuperationPolicy,
    RecuperationQuota,
    RecuperationStep,
    RecuperationTrip,
)
from gonghui_desk.db.models.settings import AppSetting, BookMark

__all__ = [
    "AidPayment",
    "AppSetting",
    "BookMark",
    "BranchProfileRow",
    "ChangeRecord",
    "CollectiveContract",
    "ContractAttachment",
    "ContractFile",
    "ContractNegotiator",
    "ContractRules",
    "DepartmentQuota",
    "DibaoStandard",
    "HardshipFile",
    "HardshipMoneyItem",
    "HardshipRelative",
    "HardshipStep",
    "HardshipYear",
    "ImportBatch",
    "ImportBatchItem",
    "ImportProfile",
    "Member",
    "MembershipEvent",
    "RecuperationApplication",
    "RecuperationOverride",
    "RecuperationPolicy",
    "RecuperationQuota",
    "RecuperationStep",
    "RecuperationTrip",
    "YearFiguresRow",
]
