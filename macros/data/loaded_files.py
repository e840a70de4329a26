"""What loading makes of the data files: each validated model beside the file it came from.

The checks read these (for the lines of their messages) and loading produces them;
they live apart from both so that neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from .models import (
    DialoguesFile, DisclosuresFile, InspectionBoardFile, Plan, Reception, ReportsFile, SchoolYear, StaffConferencesFile,
)
from .yaml_source import SourceFile

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated model and the file it came from (for the lines of later messages)."""

    model: M
    source: SourceFile


@dataclass(frozen=True)
class YearFiles:
    folder: Path
    plan: Loaded[Plan]
    dialogues: Loaded[DialoguesFile] | None
    reports: Loaded[ReportsFile] | None
    reception: Loaded[Reception] | None
    conferences: Loaded[StaffConferencesFile] | None = None
    board: Loaded[InspectionBoardFile] | None = None
    disclosures: Loaded[DisclosuresFile] | None = None

    def school_year(self) -> SchoolYear:
        return SchoolYear(
            plan=self.plan.model,
            dialogues=self.dialogues.model.sessions if self.dialogues else None,
            reports=self.reports.model.reports if self.reports else None,
            reception=self.reception.model if self.reception else None,
            conferences=self.conferences.model.conferences if self.conferences else None,
            board=self.board.model if self.board else None,
            disclosures=self.disclosures.model.entries if self.disclosures else None,
        )
