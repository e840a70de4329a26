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

from .dates import DATE_PATTERN, FIRST_YEAR, LAST_YEAR, YEAR_RANGE_MESSAGE, parse_date
from .errors import DataProblem

# In YAML a date is text, "25/02/2023"; the JSON Schema of the data files says so.
DateText = Annotated[str, Field(pattern=DATE_PATTERN)]
Date = Annotated[date, BeforeValidator(parse_date, json_schema_input_type=DateText)]

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
    governing_body: Text | None = Field(description="cơ quan chủ quản hiện nay (null nếu chưa rõ)")
    district: Text | None = Field(default=None, description="địa bàn hiện nay (xã, phường, …)")
    place: Text | None = Field(
        default=None,
        description="địa danh hiện nay ghi ở dòng ngày tháng của văn bản; lệnh new-year chép vào kế hoạch năm mới (null nếu chưa rõ)",
    )
    address: Text | None = Field(description="địa chỉ (null nếu chưa rõ)")
    public_contacts: list[Contact] = Field(
        default_factory=list, description="các liên hệ công khai chính thức của nhà trường"
    )
    roles: list[Role] = Field(min_length=1, description="các vai trò, bộ phận được nêu trong kế hoạch")
    staff_count: int | None = Field(
        default=None,
        ge=0,
        description="số cán bộ, công chức, viên chức, người lao động của đơn vị (null nếu chưa rõ); "
        "dùng để biết nghĩa vụ nào của Luật Thực hiện dân chủ ở cơ sở áp dụng",
    )


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
        if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
            raise PydanticCustomError("year_range", YEAR_RANGE_MESSAGE)
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


# A paragraph that cites nothing may be written as plain text.
ParagraphItem = Annotated[Paragraph, BeforeValidator(Paragraph.from_plain_text, json_schema_input_type=Text | Paragraph)]


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
        description="loại: quy (quý), 6-thang (6 tháng), 9-thang (9 tháng), nam (năm), dot-xuat (đột xuất)"
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
    draft: bool = Field(
        default=False,
        description="dự thảo: true khi kế hoạch chưa được ký ban hành (lệnh new-year ghi sẵn true); "
        "khi đã ký, điền số, ngày ký, người ký rồi đổi thành false",
    )
    document_kind: Text = Field(description="tên loại văn bản, nguyên văn (KẾ HOẠCH)")
    title: Text = Field(description="trích yếu, nguyên văn")
    subtitle: Text | None = Field(default=None, description="dòng dưới trích yếu (ví dụ: Năm học: 2023-2024)")
    governing_body: Text | None = Field(
        default=None,
        description="cơ quan chủ quản ghi ở đầu văn bản, như khi ký; không đổi theo school.yml (null nếu chưa rõ: bản in để trống)",
    )
    issuing_unit: Text | None = Field(description="đơn vị ban hành, như khi ký (null nếu chưa rõ: bản in để trống)")
    district: Text | None = Field(
        default=None, description="địa bàn (huyện, xã, …) mà văn bản nêu, như khi ký (null nếu văn bản không nêu)"
    )
    number: Text | None = Field(description="số, ký hiệu văn bản (null nếu chưa rõ)")
    date: Date | None = Field(description="ngày ký (null nếu chưa rõ)")
    place: Text | None = Field(default=None, description="địa danh ghi ở dòng ngày tháng, như khi ký (null nếu chưa rõ)")
    signer: Signer = Field(description="người ký")
    recipients: Annotated[list[Text], Field(min_length=1)] | None = Field(
        default=None,
        description="nơi nhận, mỗi nơi một dòng, nguyên văn như văn bản đã ký, không cần gạch đầu dòng (null nếu chưa rõ)",
    )
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
    start_date: Date | None = Field(
        default=None, description="ngày bắt đầu năm học dùng để tính hạn (bỏ trống: 01/09 năm đầu)"
    )
    end_date: Date | None = Field(
        default=None, description="ngày kết thúc năm học dùng để tính hạn (bỏ trống: 31/08 năm sau)"
    )

    @field_validator("school_year")
    @classmethod
    def _consecutive_years(cls, value: str) -> str:
        match = re.match(SCHOOL_YEAR_PATTERN, value)
        if match and not (FIRST_YEAR <= int(match[1]) and int(match[2]) <= LAST_YEAR):
            raise PydanticCustomError("school_year_range", "năm học ngoài khoảng hợp lý: " + YEAR_RANGE_MESSAGE)
        if match and int(match[2]) != int(match[1]) + 1:
            raise PydanticCustomError(
                "school_year", "năm học phải gồm hai năm liền nhau, ví dụ 2023-2024"
            )
        return value

    @property
    def start_year(self) -> int:
        return int(self.school_year[:4])

    @property
    def first_day(self) -> date:
        """First day of the school year for deadlines; 1 September unless the plan says otherwise."""
        return self.start_date or date(self.start_year, 9, 1)

    @property
    def last_day(self) -> date:
        return self.end_date or date(self.start_year + 1, 8, 31)

    def duty_text(self, duty: Duty) -> str:
        """The words of the plan that set a duty: its quote, or its whole paragraph."""
        task = next(task for task in [*self.organisation, self.reporting.supervision] if duty in task.duties)
        return duty.quote or task.text

    def all_duties(self) -> list[Duty]:
        tasks = [*self.organisation, self.reporting.supervision]
        return [duty for task in tasks for duty in task.duties]


Time = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="giờ dạng 14:30")]


class QuestionAnswer(Model):
    question: Text = Field(description="ý kiến, câu hỏi được nêu (không ghi tên người hỏi)")
    answer: Text | None = Field(default=None, description="nội dung trả lời (null nếu chưa trả lời)")


class FollowUp(Model):
    action: Text = Field(description="việc cần làm sau buổi đối thoại")
    owner: Id | None = Field(description="mã vai trò thực hiện (null nếu chưa phân công)")
    due_date: Date | None = Field(default=None, description="hạn thực hiện, dạng ngày/tháng/năm")
    done: bool = Field(default=False, description="đã hoàn thành hay chưa (true/false)")


class DialogueSession(Model):
    id: Id = Field(description="mã buổi đối thoại")
    duty: Id = Field(description="mã nhiệm vụ trong kế hoạch mà buổi này thực hiện (ví dụ doi-thoai-dinh-ky)")
    status: Literal["planned", "held", "postponed", "cancelled"] = Field(
        description="trạng thái: planned (dự kiến), held (đã tổ chức), postponed (hoãn), cancelled (hủy)"
    )
    date: Date | None = Field(description="ngày tổ chức, dạng ngày/tháng/năm (null nếu chưa định)")
    time: Time | None = Field(default=None, description="giờ bắt đầu (giờ Việt Nam), dạng 14:30")
    place: Text | None = Field(default=None, description="địa điểm")
    chair: Id | None = Field(default=None, description="mã vai trò chủ trì")
    participants: Text | None = Field(default=None, description="thành phần tham dự (không ghi tên riêng)")
    agenda: list[Text] = Field(default_factory=list, description="nội dung dự kiến")
    minutes_summary: Text | None = Field(default=None, description="tóm tắt biên bản đã công bố")
    questions: list[QuestionAnswer] = Field(default_factory=list, description="ý kiến nêu ra và trả lời")
    follow_ups: list[FollowUp] = Field(default_factory=list, description="việc cần làm tiếp theo")
    note: Text | None = Field(default=None, description="ghi chú (ví dụ lý do hoãn)")


class DialoguesFile(Model):
    sessions: list[DialogueSession] = Field(description="các buổi đối thoại trong năm học")


class ReportSummary(Model):
    results: list[Text] = Field(min_length=1, description="kết quả đạt được")
    limitations: list[Text] = Field(default_factory=list, description="hạn chế, tồn tại")
    next_steps: list[Text] = Field(default_factory=list, description="phương hướng, nhiệm vụ tiếp theo")


ReportKind = Literal["quy", "6-thang", "9-thang", "nam", "dot-xuat"]


class ReportRecord(Model):
    """What happened to a report: submitted when, to whom, and its published summary."""

    id: Id = Field(description="mã báo cáo; trùng mã báo cáo trong kế hoạch nếu là báo cáo định kỳ")
    name: Text | None = Field(default=None, description="tên báo cáo (bắt buộc với báo cáo đột xuất)")
    kind: ReportKind | None = Field(
        default=None,
        description="loại (bắt buộc với báo cáo đột xuất): quy (quý), 6-thang (6 tháng), 9-thang (9 tháng), nam (năm), dot-xuat (đột xuất)",
    )
    period: Text | None = Field(default=None, description="kỳ báo cáo (ví dụ: Quý I năm học 2023-2024)")
    due_date: Date | None = Field(default=None, description="hạn nộp của báo cáo đột xuất")
    submitted: bool = Field(default=False, description="đã nộp hay chưa (true/false)")
    submitted_date: Date | None = Field(default=None, description="ngày nộp, dạng ngày/tháng/năm")
    recipient: Text | None = Field(default=None, description="nơi nhận báo cáo")
    summary: ReportSummary | None = Field(default=None, description="tóm tắt công bố (null nếu chưa công bố)")
    attachment: Text | None = Field(
        default=None, description="tệp đính kèm (ví dụ bản PDF đã ký) trong thư mục files/ của năm học"
    )


class ReportsFile(Model):
    reports: list[ReportRecord] = Field(description="tình hình thực hiện các báo cáo")


class ComplaintFigures(Model):
    period: Text = Field(description="kỳ thống kê (ví dụ: Học kỳ I)")
    received: int = Field(ge=0, description="số đơn đã nhận")
    resolved: int = Field(ge=0, description="số đơn đã giải quyết xong")
    in_progress: int = Field(ge=0, description="số đơn đang giải quyết")
    complaints: int = Field(ge=0, description="trong đó: khiếu nại")
    denunciations: int = Field(ge=0, description="trong đó: tố cáo")
    petitions: int = Field(ge=0, description="trong đó: kiến nghị, phản ánh")


class Channel(Model):
    kind: Literal["in_person", "phone", "email", "letterbox", "website"] = Field(
        description="hình thức: in_person (trực tiếp), phone, email, letterbox (hòm thư góp ý), website"
    )
    detail: Text | None = Field(default=None, description="chi tiết (số điện thoại, e-mail công khai của trường, vị trí hòm thư)")


class Reception(Model):
    receivers: list[Id] = Field(description="mã các vai trò tiếp công dân")
    schedule: Text | None = Field(description="ngày, giờ tiếp (null nếu chưa công bố)")
    place: Text | None = Field(description="địa điểm tiếp (null nếu chưa công bố)")
    channels: list[Channel] = Field(default_factory=list, description="các kênh tiếp nhận")
    figures: list[ComplaintFigures] = Field(
        default_factory=list, description="số liệu tổng hợp đơn thư theo kỳ (chỉ số liệu, không ghi tên)"
    )


# --- The law's recurring duties: the catalogue and the records that fulfil them ----------


class LegalBasis(Model):
    document: Id = Field(description="mã văn bản trong data/legal_documents.yml")
    article: Text = Field(description="điều, khoản của văn bản (ví dụ: Điều 51, khoản 3 Điều 52)")


RuleKind = Literal["yearly_within", "every_months", "each_period", "working_days_after", "days_after", "posted_for", "term"]
RecordSource = Literal[
    "hoi-nghi", "ra-soat-nghi-quyet", "nhiem-ky-ban-ttnd", "cong-nhan-ban-ttnd", "bao-cao-ban-ttnd",
    "tra-loi-kien-nghi", "cong-khai-dung-han", "cong-khai-du-ngay", "doi-thoai",
]


class DutyRule(Model):
    """When a duty falls due. Each kind reads one number: months, days or years."""

    kind: RuleKind = Field(
        description="loại quy tắc: yearly_within (mỗi năm một lần, chậm nhất N tháng từ đầu năm học), "
        "every_months (ít nhất N tháng một lần), each_period (mỗi kỳ N tháng: 3 = hằng quý, 6, 12), "
        "working_days_after (trong N ngày làm việc sau sự việc), days_after (trong N ngày sau sự việc), "
        "posted_for (niêm yết ít nhất N ngày liên tục), term (nhiệm kỳ N năm)"
    )
    months: int | None = Field(default=None, gt=0, le=24, description="số tháng (yearly_within, every_months, each_period)")
    days: int | None = Field(default=None, gt=0, le=366, description="số ngày (working_days_after, days_after, posted_for)")
    years: int | None = Field(default=None, gt=0, le=10, description="số năm (term)")


class Applicability(Model):
    staff_more_than: int = Field(ge=0, description="chỉ áp dụng với đơn vị có nhiều hơn số người này")


class StatutoryDuty(Model):
    """A duty the law sets for the unit, with its basis and the rule that makes it due."""

    id: Id = Field(description="mã nghĩa vụ")
    name: Text = Field(description="tên ngắn của nghĩa vụ")
    requirement: Text = Field(description="văn bản yêu cầu gì, nói ngắn gọn")
    basis: list[LegalBasis] = Field(min_length=1, description="căn cứ: văn bản và điều, khoản")
    rule: DutyRule = Field(description="quy tắc tính hạn")
    applies_to: Applicability | None = Field(default=None, description="phạm vi áp dụng (bỏ trống: mọi đơn vị)")
    records: RecordSource = Field(
        description="số liệu dùng để xét: hoi-nghi, ra-soat-nghi-quyet (tệp staff_conferences.yml); nhiem-ky-ban-ttnd, "
        "cong-nhan-ban-ttnd, bao-cao-ban-ttnd, tra-loi-kien-nghi (tệp inspection_board.yml); "
        "cong-khai-dung-han, cong-khai-du-ngay (tệp disclosures.yml)"
    )


class DutiesFile(Model):
    duties: list[StatutoryDuty] = Field(description="các nghĩa vụ định kỳ theo luật")


class DaySwap(Model):
    day_off: Date = Field(description="ngày thường được nghỉ, dạng ngày/tháng/năm")
    work_day: Date = Field(description="ngày làm bù (thường là thứ Bảy), dạng ngày/tháng/năm")
    note: Text | None = Field(default=None, description="văn bản, thông báo hoán đổi (nếu biết)")


class WorkingDaySwapsFile(Model):
    swaps: list[DaySwap] = Field(description="các ngày làm việc được hoán đổi theo thông báo hằng năm của Chính phủ")


class ConferenceReview(Model):
    date: Date = Field(description="ngày rà soát, đánh giá việc thực hiện nghị quyết hội nghị")
    summary: Text | None = Field(default=None, description="tóm tắt kết quả rà soát đã thông báo")


class StaffConference(Model):
    id: Id = Field(description="mã hội nghị")
    date: Date = Field(description="ngày tổ chức hội nghị cán bộ, công chức, viên chức, người lao động")
    resolution_summary: Text | None = Field(default=None, description="tóm tắt nghị quyết hội nghị")
    reviews: list[ConferenceReview] = Field(default_factory=list, description="các lần rà soát nghị quyết (6 tháng một lần)")


class StaffConferencesFile(Model):
    conferences: list[StaffConference] = Field(description="các hội nghị cán bộ, công chức, viên chức, người lao động")


class BoardMember(Model):
    role: Text = Field(description="chức danh trong Ban (Trưởng ban, Phó Trưởng ban, Thành viên)")
    name: Text | None = Field(default=None, description="họ tên, chỉ ghi nếu nhà trường quyết định công khai")


class BoardTerm(Model):
    id: Id = Field(description="mã nhiệm kỳ")
    elected_date: Date = Field(description="ngày hội nghị bầu Ban thanh tra nhân dân (bắt đầu nhiệm kỳ)")
    confirmed_date: Date | None = Field(default=None, description="ngày ban chấp hành công đoàn ra quyết định công nhận")
    end_date: Date | None = Field(default=None, description="ngày kết thúc nhiệm kỳ (null nếu đang trong nhiệm kỳ)")
    members: list[BoardMember] = Field(default_factory=list, description="các thành viên (chức danh; tên nếu công khai)")


class BoardReport(Model):
    id: Id = Field(description="mã báo cáo")
    kind: Literal["quy", "6-thang", "nam", "nhiem-ky"] = Field(description="loại: quy, 6-thang, nam, nhiem-ky")
    period: int | None = Field(
        default=None, ge=1, le=4, description="kỳ thứ mấy trong năm học: quý 1–4, 6 tháng 1–2 (bỏ trống với nam, nhiem-ky)"
    )
    submitted_date: Date = Field(description="ngày gửi báo cáo")
    recipient: Text | None = Field(default=None, description="nơi nhận (ban chấp hành công đoàn, hội nghị)")
    summary: Text | None = Field(default=None, description="tóm tắt công bố")


class BoardRecommendation(Model):
    id: Id = Field(description="mã kiến nghị")
    subject: Text = Field(description="nội dung kiến nghị, nói ngắn gọn (không ghi tên người)")
    sent_date: Date = Field(description="ngày Ban gửi kiến nghị đến người đứng đầu")
    reply_date: Date | None = Field(default=None, description="ngày người đứng đầu trả lời (null nếu chưa trả lời)")


class InspectionBoardFile(Model):
    terms: list[BoardTerm] = Field(
        default_factory=list, description="các nhiệm kỳ của Ban trong năm học (kể cả nhiệm kỳ bắt đầu từ năm trước)"
    )
    reports: list[BoardReport] = Field(default_factory=list, description="các báo cáo của Ban")
    recommendations: list[BoardRecommendation] = Field(default_factory=list, description="các kiến nghị của Ban")


DisclosureKind = Literal["ke-hoach", "tai-chinh", "tai-san", "nhan-su", "thanh-tra", "khac"]
DisclosurePlace = Literal["trang-web", "bang-tin", "hoi-nghi", "van-ban"]


class Disclosure(Model):
    """An entry of the disclosure register: what was disclosed and when, never the document itself."""

    id: Id = Field(description="mã mục công khai")
    title: Text = Field(description="tên nội dung công khai (không chép nội dung văn bản nội bộ)")
    kind: DisclosureKind = Field(
        description="nhóm nội dung theo Điều 46: ke-hoach, tai-chinh (ngân sách, tài chính), tai-san, nhan-su, "
        "thanh-tra (kết quả thanh tra, kiểm tra), khac"
    )
    decision_date: Date = Field(description="ngày quyết định, ban hành nội dung")
    posted_from: Date | None = Field(default=None, description="ngày bắt đầu công khai (null nếu chưa công khai)")
    posted_until: Date | None = Field(default=None, description="ngày cuối cùng còn niêm yết (null nếu vẫn đang niêm yết)")
    places: list[DisclosurePlace] = Field(
        default_factory=list, description="nơi công khai: trang-web, bang-tin (bảng tin), hoi-nghi, van-ban"
    )


class DisclosuresFile(Model):
    entries: list[Disclosure] = Field(description="sổ theo dõi công khai")


class SchoolYear(Model):
    """A school year: its plan, and what the school reports of it so far (None: not published)."""

    plan: Plan
    dialogues: list[DialogueSession] | None = None
    reports: list[ReportRecord] | None = None
    reception: Reception | None = None
    conferences: list[StaffConference] | None = None
    board: InspectionBoardFile | None = None
    disclosures: list[Disclosure] | None = None

    @property
    def school_year(self) -> str:
        return self.plan.school_year


class SiteData(Model):
    """Everything the site publishes, validated and cross-checked."""

    school: School
    legal_documents: list[LegalDocument]
    years: list[SchoolYear] = Field(description="các năm học, năm mới nhất sau cùng")
    warnings: list[DataProblem] = Field(default_factory=list, description="cảnh báo không chặn việc đăng")
    duties: list[StatutoryDuty] = Field(default_factory=list, description="các nghĩa vụ định kỳ theo luật")
    day_swaps: list[DaySwap] = Field(default_factory=list, description="các ngày làm việc được hoán đổi")

    def role(self, role_id: str) -> Role:
        return next(role for role in self.school.roles if role.id == role_id)

    def document(self, document_id: str) -> LegalDocument:
        return next(document for document in self.legal_documents if document.id == document_id)

    def year(self, school_year: str) -> SchoolYear:
        return next(year for year in self.years if year.school_year == school_year)

    def plan(self, school_year: str) -> Plan:
        return self.year(school_year).plan

    @property
    def plans(self) -> list[Plan]:
        return [year.plan for year in self.years]

    @property
    def current_plan(self) -> Plan:
        return self.years[-1].plan
