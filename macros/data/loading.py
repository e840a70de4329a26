"""Load the data folder into validated models, once, reporting every problem together."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .checks import check_site
from .errors import DataError, DataProblem
from .messages import problems_from_validation
from .models import LegalDocumentsFile, Plan, School, SiteData
from .yaml_source import SourceFile, read_yaml

SCHOOL_FILE = "school.yml"
DOCUMENTS_FILE = "legal_documents.yml"
YEARS_FOLDER = "years"
PLAN_FILE = "plan.yml"

M = TypeVar("M", bound=BaseModel)


def load_site_data(data_dir: Path) -> SiteData:
    """Read and check every data file under ``data_dir``; raise ``DataError`` listing all problems."""
    data_dir = Path(data_dir)
    problems: list[DataProblem] = []

    school = _load(data_dir, Path(SCHOOL_FILE), School, problems)
    documents = _load(data_dir, Path(DOCUMENTS_FILE), LegalDocumentsFile, problems)
    plans = [_load(data_dir, path, Plan, problems) for path in _plan_files(data_dir)]
    if not plans and not problems:
        problems.append(DataProblem(f"{data_dir.name}/{YEARS_FOLDER}", 1, None, "chưa có kế hoạch năm học nào (cần years/<năm học>/plan.yml)"))

    valid_plans = [plan for plan in plans if plan is not None]
    problems += check_site(school, documents, valid_plans)
    if problems or school is None or documents is None:
        raise DataError(problems)

    plan_models = sorted((plan for plan, _ in valid_plans), key=lambda plan: plan.school_year)
    return SiteData(school=school[0], legal_documents=documents[0].documents, plans=plan_models)


def _plan_files(data_dir: Path) -> list[Path]:
    years = data_dir / YEARS_FOLDER
    if not years.is_dir():
        return []
    return sorted(path.relative_to(data_dir) for path in years.glob(f"*/{PLAN_FILE}"))


def _load(data_dir: Path, relative: Path, model: type[M], problems: list[DataProblem]) -> tuple[M, SourceFile] | None:
    display_name = f"{data_dir.name}/{relative.as_posix()}"
    path = data_dir / relative
    if not path.is_file():
        problems.append(DataProblem(display_name, 1, None, "không tìm thấy tệp này"))
        return None
    try:
        source = read_yaml(path, display_name)
    except DataError as error:
        problems += error.problems
        return None
    if not isinstance(source.value, dict):
        problems.append(DataProblem(display_name, 1, None, "tệp phải là một nhóm trường (tên: giá trị), không được trống"))
        return None
    try:
        return model.model_validate(source.value), source
    except ValidationError as error:
        problems += problems_from_validation(error, source, model)
        return None
