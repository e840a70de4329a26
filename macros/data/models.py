"""Data models of the site: the school, its roles, legal documents and yearly plans.

Every field carries a Vietnamese description: validation messages and the
editor's tools show it next to the field name, so that a clerk who reads
``purposes`` also reads "mục đích".

Unknown values are ``None`` and are shown as unknown; nothing is defaulted to
an invented value.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from .dates import parse_date

Date = Annotated[date, BeforeValidator(parse_date)]

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, description="mã định danh (chữ thường không dấu, số, gạch nối)")]
Text = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    """Base of every data model: strict types, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Contact(Model):
    kind: Literal["phone", "email", "website", "address"] = Field(
        description="loại liên hệ: phone (điện thoại), email, website, address (địa chỉ)"
    )
    value: Text = Field(description="giá trị công khai (số điện thoại, địa chỉ e-mail, …)")
    label: Text | None = Field(default=None, description="ghi chú hiển thị (ví dụ: Văn phòng nhà trường)")


class Role(Model):
    id: Id = Field(description="mã vai trò, dùng để tham chiếu trong kế hoạch")
    name: Text = Field(description="tên vai trò như cách gọi trong văn bản")
    description: Text | None = Field(default=None, description="mô tả ngắn")


class School(Model):
    name: Text = Field(description="tên trường")
    governing_body: Text | None = Field(description="cơ quan chủ quản (null nếu chưa rõ)")
    district: Text | None = Field(default=None, description="địa bàn (quận, huyện, …)")
    address: Text | None = Field(description="địa chỉ (null nếu chưa rõ)")
    public_contacts: list[Contact] = Field(
        default_factory=list, description="các liên hệ công khai chính thức của nhà trường"
    )
    roles: list[Role] = Field(min_length=1, description="các vai trò, bộ phận được nêu trong kế hoạch")


class LegalDocument(Model):
    id: Id = Field(description="mã văn bản, dùng để tham chiếu")
    kind: Text = Field(description="loại văn bản (Luật, Kế hoạch, Công văn, Chỉ thị, Quy định, …)")
    number: Text | None = Field(description="số, ký hiệu (null nếu văn bản không nêu)")
    date: Date | None = Field(description="ngày ban hành, dạng ngày/tháng/năm (null nếu chưa rõ)")
    year: int | None = Field(default=None, description="năm ban hành khi chỉ biết năm")
    issuer: Text | None = Field(description="cơ quan ban hành (null nếu chưa rõ)")
    title: Text | None = Field(description="trích yếu nội dung (null nếu chưa rõ)")

    @field_validator("year")
    @classmethod
    def _plausible_year(cls, value: int | None) -> int | None:
        if value is not None and not 1945 <= value <= 2100:
            raise PydanticCustomError("year_range", "năm phải nằm trong khoảng 1945–2100")
        return value


class LegalDocumentsFile(Model):
    documents: list[LegalDocument] = Field(description="danh sách văn bản pháp lý được trích dẫn")


class Paragraph(Model):
    """A paragraph of official text, optionally citing legal documents."""

    text: Text = Field(description="nguyên văn đoạn văn")
    cites: list[Id] = Field(default_factory=list, description="mã các văn bản được nhắc đến trong đoạn")

    @classmethod
    def from_plain_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


ParagraphItem = Annotated[Paragraph, BeforeValidator(Paragraph.from_plain_text)]


class Section(Model):
    heading: Text = Field(description="tiêu đề mục, nguyên văn (ví dụ: 1. Mục đích)")
    items: list[ParagraphItem] = Field(min_length=1, description="các đoạn nội dung, nguyên văn, theo thứ tự")


class Duty(Model):
    """One responsibility inside a paragraph of the plan: who does what, and when."""

    id: Id = Field(description="mã nhiệm vụ")
    owner: Id | None = Field(description="mã vai trò chịu trách nhiệm; null nếu kế hoạch không nêu tên")
    quote: Text | None = Field(
        default=None, description="câu trích nguyên văn trong đoạn (bỏ trống: cả đoạn)"
    )
    when: Text | None = Field(default=None, description="thời gian, tần suất đúng như văn bản ghi")
    every_months: int | None = Field(
        default=None, gt=0, le=24, description="nhiệm vụ định kỳ: ít nhất bao nhiêu tháng một lần"
    )
    due_date: Date | None = Field(default=None, description="hạn hoàn thành, dạng ngày/tháng/năm")
    legal_basis: list[Id] = Field(default_factory=list, description="mã các văn bản làm căn cứ")


class Task(Model):
    """A paragraph of part III or IV, split into the duties it assigns."""

    text: Text = Field(description="nguyên văn đoạn văn")
    duties: list[Duty] = Field(min_length=1, description="các nhiệm vụ nêu trong đoạn")


class Report(Model):
    id: Id = Field(description="mã báo cáo")
    name: Text = Field(description="tên báo cáo, nguyên văn (ví dụ: Báo cáo Quý I)")
    kind: Literal["quy", "6-thang", "9-thang", "nam", "dot-xuat"] = Field(
        description="loại: quy, 6-thang, 9-thang, nam, dot-xuat"
    )
    due_as_written: Text | None = Field(description="hạn nộp đúng như văn bản ghi (null nếu không nêu)")
    due_date: Date | None = Field(description="hạn nộp dạng ngày/tháng/năm (null nếu không nêu)")


class Reporting(Model):
    heading: Text = Field(description="tiêu đề phần, nguyên văn")
    supervision: Task = Field(description="đoạn về kiểm tra, giám sát")
    reports_lead: Text = Field(description="câu dẫn trước danh sách báo cáo, nguyên văn")
    reports: list[Report] = Field(description="các báo cáo định kỳ, theo thứ tự trong văn bản")


class Signer(Model):
    title: Text | None = Field(description="chức vụ người ký (null nếu chưa rõ)")
    name: Text | None = Field(description="họ tên người ký (null nếu chưa rõ)")


SCHOOL_YEAR_PATTERN = r"^(\d{4})-(\d{4})$"


class Plan(Model):
    school_year: Annotated[str, Field(pattern=SCHOOL_YEAR_PATTERN)] = Field(
        description="năm học, dạng 2023-2024"
    )
    document_kind: Text = Field(description="tên loại văn bản, nguyên văn (KẾ HOẠCH)")
    title: Text = Field(description="trích yếu, nguyên văn")
    subtitle: Text | None = Field(default=None, description="dòng dưới trích yếu (ví dụ: Năm học: 2023-2024)")
    issuing_unit: Text = Field(description="đơn vị ban hành")
    number: Text | None = Field(description="số, ký hiệu văn bản (null nếu chưa rõ)")
    date: Date | None = Field(description="ngày ký (null nếu chưa rõ)")
    place: Text | None = Field(default=None, description="địa danh ghi ở dòng ngày tháng (null nếu chưa rõ)")
    signer: Signer = Field(description="người ký")
    legal_bases: list[ParagraphItem] = Field(min_length=1, description="các căn cứ, nguyên văn")
    preamble: list[Text] = Field(default_factory=list, description="các đoạn mở đầu, nguyên văn")
    part_one_heading: Text = Field(description="tiêu đề phần I, nguyên văn")
    purposes: Section = Field(description="mục đích")
    requirements: Section = Field(description="yêu cầu")
    content_heading: Text = Field(description="tiêu đề phần II, nguyên văn")
    content: list[Section] = Field(min_length=1, description="các mục nội dung của phần II")
    organisation_heading: Text = Field(description="tiêu đề phần III, nguyên văn")
    organisation: list[Task] = Field(min_length=1, description="các đoạn của phần III, tổ chức thực hiện")
    reporting: Reporting = Field(description="phần IV, chế độ thông tin báo cáo")
    closing: Text | None = Field(default=None, description="câu kết, nguyên văn")

    @field_validator("school_year")
    @classmethod
    def _consecutive_years(cls, value: str) -> str:
        match = re.match(SCHOOL_YEAR_PATTERN, value)
        if match and int(match[2]) != int(match[1]) + 1:
            raise PydanticCustomError(
                "school_year", "năm học phải gồm hai năm liền nhau, ví dụ 2023-2024"
            )
        return value

    @property
    def start_year(self) -> int:
        return int(self.school_year[:4])

    def all_duties(self) -> list[Duty]:
        tasks = [*self.organisation, self.reporting.supervision]
        return [duty for task in tasks for duty in task.duties]


class SiteData(Model):
    """Everything the site publishes, validated and cross-checked."""

    school: School
    legal_documents: list[LegalDocument]
    plans: list[Plan] = Field(description="kế hoạch các năm học, năm mới nhất sau cùng")

    def role(self, role_id: str) -> Role:
        return next(role for role in self.school.roles if role.id == role_id)

    def document(self, document_id: str) -> LegalDocument:
        return next(document for document in self.legal_documents if document.id == document_id)

    def plan(self, school_year: str) -> Plan:
        return next(plan for plan in self.plans if plan.school_year == school_year)

    @property
    def current_plan(self) -> Plan:
        return self.plans[-1]
