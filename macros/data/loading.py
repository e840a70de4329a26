"""Load the data folder into validated models, once, reporting every problem together."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from .checks import check_site
from .containment import OUTSIDE, containment_problems, inside
from .data_warnings import data_warnings, iso_date_warnings
from .duty_checks import check_duty_files
from .errors import DataError, DataProblem
from .loaded_files import M, Loaded, YearFiles
from .messages import problems_from_validation
from .models import (
    DialoguesFile, DisclosuresFile, DutiesFile, InspectionBoardFile, LegalDocumentsFile, Plan, Reception, ReportsFile, School,
    SiteData, StaffConferencesFile, WorkingDaySwapsFile,
)
from .placeholders import unfilled_blanks
from .privacy import personal_data_problems
from .yaml_source import SourceFile, read_yaml

SCHOOL_FILE = "school.yml"
DOCUMENTS_FILE = "legal_documents.yml"
YEARS_FOLDER = "years"
PLAN_FILE = "plan.yml"
DIALOGUES_FILE = "dialogues.yml"
REPORTS_FILE = "reports.yml"
RECEPTION_FILE = "reception.yml"
DUTIES_FILE = "duties.yml"
SWAPS_FILE = "working_day_swaps.yml"
CONFERENCES_FILE = "staff_conferences.yml"
BOARD_FILE = "inspection_board.yml"
DISCLOSURES_FILE = "disclosures.yml"
ATTACHMENTS_FOLDER = "files"

def load_site_data(data_dir: Path) -> SiteData:
    """Read and check every data file under ``data_dir``; raise ``DataError`` listing all problems.

    Problems that do not stop publishing (odd deadlines, long gaps) come back as
    ``SiteData.warnings``.
    """
    data_dir = Path(data_dir)
    problems: list[DataProblem] = []
    sources: list[SourceFile] = []
    problems += containment_problems(data_dir)

    def load(relative: Path, model: type[M], required: bool = True) -> Loaded[M] | None:
        loaded = _load(data_dir, relative, model, problems, required)
        if loaded is not None:
            sources.append(loaded.source)
        return loaded

    complete = True
    school = load(Path(SCHOOL_FILE), School)
    documents = load(Path(DOCUMENTS_FILE), LegalDocumentsFile)
    duties = load(Path(DUTIES_FILE), DutiesFile, required=False)
    swaps = load(Path(SWAPS_FILE), WorkingDaySwapsFile, required=False)
    for loaded, name in ((duties, DUTIES_FILE), (swaps, SWAPS_FILE)):
        if loaded is None and (data_dir / name).exists():
            complete = False
    years = []
    for folder in _year_folders(data_dir):
        relative = folder.relative_to(data_dir)
        plan = load(relative / PLAN_FILE, Plan)
        optional = [load(relative / name, model, required=False) for name, model in _OPTIONAL_YEAR_FILES]
        if plan is None or any(loaded is None and (folder / name).exists() for loaded, (name, _) in zip(optional, _OPTIONAL_YEAR_FILES)):
            complete = False
        if plan is not None:
            years.append(YearFiles(folder, plan, *optional))
    if not years and not problems:
        problems.append(DataProblem(f"{data_dir.name}/{YEARS_FOLDER}", 1, None, "chưa có kế hoạch năm học nào (cần years/<năm học>/plan.yml)"))

    problems += check_site(school, documents, years)
    problems += check_duty_files(duties, swaps, documents, years)
    if school is not None:
        problems += personal_data_problems(sources, school.model.public_contacts)
    if problems or school is None or documents is None or not complete:
        raise DataError(problems)

    years.sort(key=lambda year: year.plan.model.school_year)
    return SiteData(
        school=school.model,
        legal_documents=documents.model.documents,
        years=[year.school_year() for year in years],
        warnings=data_warnings(documents.model.documents, years) + iso_date_warnings(sources),
        duties=duties.model.duties if duties else [],
        day_swaps=swaps.model.swaps if swaps else [],
    )


_OPTIONAL_YEAR_FILES: list[tuple[str, type[BaseModel]]] = [
    (DIALOGUES_FILE, DialoguesFile),
    (REPORTS_FILE, ReportsFile),
    (RECEPTION_FILE, Reception),
    (CONFERENCES_FILE, StaffConferencesFile),
    (BOARD_FILE, InspectionBoardFile),
    (DISCLOSURES_FILE, DisclosuresFile),
]


def _year_folders(data_dir: Path) -> list[Path]:
    years = data_dir / YEARS_FOLDER
    if not years.is_dir():
        return []
    return sorted(folder for folder in years.iterdir() if folder.is_dir())


def _load(
    data_dir: Path, relative: Path, model: type[M], problems: list[DataProblem], required: bool
) -> Loaded[M] | None:
    display_name = f"{data_dir.name}/{relative.as_posix()}"
    path = data_dir / relative
    if not (path.exists() or path.is_symlink()):
        if required:
            problems.append(DataProblem(display_name, 1, None, "không tìm thấy tệp này"))
        return None
    # A link or special file is reported once, by the walk of the data folder (containment_problems).
    reported = any(problem.file == display_name for problem in problems)
    if not inside(path, data_dir):
        if not reported:
            problems.append(DataProblem(display_name, 1, None, OUTSIDE))
        return None
    if not path.is_file():
        if not reported:
            problems.append(
                DataProblem(display_name, 1, None, "phải là một tệp YAML, không phải thư mục hay thiết bị; hãy đổi tên hoặc xóa nó")
            )
        return None
    try:
        source = read_yaml(path, display_name)
    except DataError as error:
        problems += error.problems
        return None
    if not isinstance(source.value, dict):
        problems.append(DataProblem(display_name, 1, None, "tệp phải là một nhóm trường (tên: giá trị), không được trống"))
        return None
    if blanks := unfilled_blanks(source):
        # A template is filled in first; its other mistakes are reported once it is.
        problems += blanks
        return None
    try:
        return Loaded(model.model_validate(source.value), source)
    except ValidationError as error:
        problems += problems_from_validation(error, source, model)
        return None
