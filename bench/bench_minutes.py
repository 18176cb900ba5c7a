"""The minutes of a 30-item session with 27 members (about 40 pages), against a bare reportlab document of the
same paragraphs, both rendered in the same run.

Ours: `render_minutes(draft, final=True)` — building the story (letterhead, form fields, attendance, per item
the facts, rich-text discussion and conclusion, vote tables with 27 names) and laying it out. Reference: a
`SimpleDocTemplate` with one plain `Paragraph` per text our story holds (every paragraph, every table cell),
in the same embedded serif: what any reportlab document of that text costs. The draft is synthetic (no
database): this measures printing, not the queries that gather the facts.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from typing import Any

from bench.harness import Context, Measurement, benchmark

N_ITEMS = 30
N_MEMBERS = 27
BOUND = 2.0
T0 = datetime(2026, 11, 5, 1, 0, tzinfo=UTC)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Xuân")
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hương",
    "Khang",
    "Lan",
    "Long",
    "Mai",
    "Nghĩa",
    "Phương",
    "Quyết",
)
MINISTRIES = (
    "Bộ Quốc phòng",
    "Bộ Công an",
    "Bộ Ngoại giao",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Tài chính",
    "Bộ Công Thương",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Xây dựng",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Y tế",
    "Bộ Dân tộc và Tôn giáo",
)
SENTENCES = (
    "Các thành viên Chính phủ cơ bản thống nhất với nội dung trình, đánh giá hồ sơ được chuẩn bị công phu.",
    "Một số ý kiến đề nghị làm rõ cơ sở chính trị, pháp lý và thực tiễn của các chính sách đề xuất.",
    "Cần bảo đảm tính thống nhất, đồng bộ với hệ thống pháp luật, không làm phát sinh thủ tục hành chính mới.",
    "Việc phân cấp, phân quyền phải gắn với phân bổ nguồn lực và tăng cường kiểm tra, giám sát.",
    "Đề nghị cơ quan chủ trì tiếp thu tối đa ý kiến các bộ, ngành và giải trình cụ thể các ý kiến chưa tiếp thu.",
    "Tác động của chính sách đối với người dân, doanh nghiệp cần được đánh giá đầy đủ hơn.",
    "Nguồn lực bảo đảm thực hiện được bố trí trong dự toán ngân sách nhà nước đã được giao.",
    "Các bộ, ngành, địa phương theo chức năng, nhiệm vụ được giao chủ động triển khai, bảo đảm tiến độ.",
)


def synthetic_draft(seed: int = 5) -> Any:
    """A closed regular session: 27 members, 30 items, facts and texts of a realistic size."""
    from ecabinet.minutes.calendar import HANOI
    from ecabinet.minutes.draft import (
        AttendanceFacts,
        AttendanceLine,
        BallotFacts,
        ItemMinutes,
        MinutesDraft,
        Person,
        PositionFacts,
        QuestionFacts,
        VoteFacts,
    )
    from ecabinet.model import (
        AttendanceStatus,
        BallotState,
        Classification,
        ItemKind,
        MinutesState,
        SessionKind,
        SessionState,
        VoteState,
    )
    from ecabinet.voting.rules import QUORUM_RULES

    rng = random.Random(seed)
    names = []
    while len(names) < N_MEMBERS:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name not in names:
            names.append(name)
    titles = ["Thủ tướng Chính phủ"] + ["Phó Thủ tướng Chính phủ"] * 6
    titles += [f"Bộ trưởng {m}" for m in MINISTRIES]
    titles += [
        "Thống đốc Ngân hàng Nhà nước Việt Nam",
        "Tổng Thanh tra Chính phủ",
        "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc",
        "Bộ trưởng Bộ Thông tin và Truyền thông",
        "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
    ]

    def line(n: int, status: AttendanceStatus, **kw: Any) -> AttendanceLine:
        base = {"reason": "", "deputy_name": "", "arrived_at": T0, "left_at": None}
        base.update(kw)
        return AttendanceLine(uuid.uuid4(), names[n], titles[n], status, **base)

    present = tuple(line(n, AttendanceStatus.PRESENT) for n in range(N_MEMBERS - 2))
    absent = (line(N_MEMBERS - 2, AttendanceStatus.ABSENT, reason="đi công tác nước ngoài", arrived_at=None),)
    represented = (
        line(
            N_MEMBERS - 1, AttendanceStatus.REPRESENTED, deputy_name="Thứ trưởng Đỗ Văn Dự", arrived_at=None
        ),
    )
    attendance = AttendanceFacts(
        (*present, *absent, *represented),
        present,
        absent,
        represented,
        (),
        N_MEMBERS,
        QUORUM_RULES["two_thirds_of_all"].evaluate(N_MEMBERS, len(present)),
    )

    def paragraphs(count: int) -> str:
        return "".join(f"<p>{' '.join(rng.sample(SENTENCES, 3))}</p>" for _ in range(count))

    items = []
    for n in range(1, N_ITEMS + 1):
        decision = n % 3 != 1
        votes: tuple[VoteFacts, ...] = ()
        if decision:
            secret = n % 5 == 0
            voters = [p.name for p in present]
            against, abstain = voters[-3:-1], voters[-1:]
            votes = (
                VoteFacts(
                    uuid.uuid4(),
                    f"Thông qua nội dung số {n}",
                    secret,
                    VoteState.CLOSED,
                    T0 + timedelta(minutes=5 * n),
                    T0 + timedelta(minutes=5 * n + 3),
                    len(voters),
                    (len(voters) - 3, 2, 1),
                    () if secret else tuple(voters[:-3]),
                    () if secret else tuple(against),
                    () if secret else tuple(abstain),
                    0,
                    "Tán thành: quá nửa tổng số; nếu ngang nhau, theo ý kiến của Thủ tướng",
                    f"Thông qua: {len(voters) - 3} tán thành / {N_MEMBERS} thành viên (cần quá nửa tổng số: 14)",
                    True,
                    "Đủ số thành viên dự họp: 25 có mặt / 27 thành viên (cần ít nhất hai phần ba tổng số: 18)",
                    "",
                    None,
                ),
            )
        ballots: tuple[BallotFacts, ...] = ()
        if n % 6 == 0:
            question = QuestionFacts(
                1,
                "Đồng ý với dự thảo?",
                tuple(names[:22]),
                tuple(names[22:23]),
                tuple(names[23:24]),
                tuple(names[24:]),
                ((names[22], "disagree", "Đề nghị làm rõ thêm phạm vi điều chỉnh."),),
                f"Thông qua: 22 đồng ý / {N_MEMBERS} thành viên (cần quá nửa tổng số: 14)",
                True,
            )
            ballots = (
                BallotFacts(
                    uuid.uuid4(),
                    f"Lấy ý kiến về nội dung số {n}",
                    BallotState.CLOSED,
                    T0 - timedelta(days=2),
                    T0 - timedelta(days=6),
                    True,
                    N_MEMBERS,
                    N_MEMBERS,
                    "Đồng ý: quá nửa tổng số",
                    (question,),
                    tuple(names[24:]),
                ),
            )
        items.append(
            ItemMinutes(
                uuid.uuid4(),
                None,
                str(n),
                f"Nội dung số {n}: dự thảo văn bản quy định chi tiết một số điều của luật chuyên ngành",
                ItemKind.DECISION if decision else ItemKind.DISCUSSION,
                Classification.NORMAL,
                MINISTRIES[n % len(MINISTRIES)],
                ("Tờ trình", "Dự thảo", "Báo cáo thẩm định của Bộ Tư pháp"),
                PositionFacts(20, tuple(names[3:5]), ((names[8], "cần đánh giá tác động"),), 4),
                ballots,
                tuple(names[3:7]),
                votes,
                paragraphs(2)
                + "<ul><li>bổ sung đánh giá tác động;</li><li>rà soát thủ tục hành chính.</li></ul>",
                1,
                paragraphs(2),
                1,
                True,
            )
        )
    opened = datetime(2026, 11, 5, 8, 0, tzinfo=HANOI)
    return MinutesDraft(
        session_id=uuid.uuid4(),
        session_title="Phiên họp Chính phủ thường kỳ tháng 10 năm 2026",
        session_kind=SessionKind.REGULAR,
        session_state=SessionState.CLOSED,
        minutes_state=MinutesState.DRAFT,
        version=1,
        number=19,
        subject="Phiên họp Chính phủ thường kỳ tháng 10 năm 2026",
        place="Trụ sở Chính phủ, Hà Nội",
        opened_at=opened,
        closed_at=opened + timedelta(hours=8),
        chair_id=None,
        chair=Person(names[0], titles[0]),
        secretary_id=None,
        secretary=Person(names[22], titles[22]),
        opening="",
        closing="",
        recipients=("Thủ tướng, các Phó Thủ tướng Chính phủ", "Các thành viên Chính phủ"),
        correction_reason="",
        attendance=attendance,
        items=tuple(items),
        classification=Classification.NORMAL,
        versions=(),
        meeting_date=date(2026, 11, 5),
        notice_due=date(2026, 11, 12),
    )


def _texts(flowables: list[Any], out: list[str]) -> None:
    """Every text our story holds, as paragraph markup: paragraphs, and the cells of its tables."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import KeepTogether, Paragraph, Table

    for f in flowables:
        if isinstance(f, Paragraph):
            out.append(f.text)
        elif isinstance(f, KeepTogether):
            _texts(list(f._content), out)
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    if isinstance(cell, str):
                        if cell:
                            out.append(escape(cell))
                    elif isinstance(cell, (list, tuple)):
                        _texts(list(cell), out)
                    else:
                        _texts([cell], out)


@benchmark(
    "minutes", "minutes of a 30-item, 27-member session vs a bare reportlab document of its paragraphs"
)
def minutes(ctx: Context) -> list[Measurement]:
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from ecabinet.minutes.pdf import minutes_story, render_minutes
    from ecabinet.pdf.fonts import register_fonts

    draft = synthetic_draft()
    fonts = register_fonts()
    texts: list[str] = []
    _texts(minutes_story(draft, final=True), texts)
    style = ParagraphStyle("bare", fontName=fonts.regular, fontSize=13, leading=17, spaceAfter=6)

    def ours() -> bytes:
        return render_minutes(draft, final=True)

    def reference() -> bytes:
        buffer = BytesIO()
        doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=True, initialFontName=fonts.regular)
        doc.build([Paragraph(t, style) for t in texts])
        return buffer.getvalue()

    pages = len(PdfReader(BytesIO(ours())).pages)
    bare_pages = len(PdfReader(BytesIO(reference())).pages)
    ctx.progress(f"{pages} pages ours, {bare_pages} pages bare; {len(texts)} paragraphs")
    return [
        ctx.compare(f"render_{pages}_pages", ours, "bare reportlab, same paragraphs", reference, bound=BOUND)
    ]
