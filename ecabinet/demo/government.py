"""The Government of Vietnam as demo data: real bodies, fictional people, sample agendas.

The structure follows Resolution 176/2025/QH15 (the 2025 restructuring): 14 ministries and 3 ministry-level
agencies (Văn phòng Chính phủ, Thanh tra Chính phủ, Ngân hàng Nhà nước Việt Nam; Ủy ban Dân tộc became part of
Bộ Dân tộc và Tôn giáo). The Government then has 25 members with a vote: the Prime Minister, 7 Deputy Prime
Ministers, 14 ministers and 3 heads of ministry-level agencies. So "more than half of all members" is 13 and
"two thirds" is 17 with this data (DOMAIN.md's ~27 counts the structure before 2025).

Every person's name is invented; any likeness to a real official is unintended. Plain data only: the seeding
service turns these specs into rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OrgKindName = Literal["government", "ministry", "ministry_level", "agency", "other"]
RoleName = Literal["member", "secretariat", "secretariat_leader", "guest"]
ItemKindName = Literal["decision", "discussion", "information"]
ClassificationName = Literal["normal", "confidential", "secret"]
DocKindName = Literal["submission", "draft", "appraisal", "annex"]


@dataclass(frozen=True)
class OrgSpec:
    """Một cơ quan: the Government, a ministry, a ministry-level agency, or another invited body."""

    code: str
    name: str
    short_name: str
    kind: OrgKindName


@dataclass(frozen=True)
class PersonSpec:
    full_name: str
    title: str
    org_code: str
    role: RoleName
    has_vote: bool
    is_head_of_government: bool = False


@dataclass(frozen=True)
class DocSpec:
    """Một tài liệu trong hồ sơ: tờ trình, dự thảo, báo cáo thẩm định/tổng hợp, phụ lục."""

    kind: DocKindName
    title: str
    pages: int


@dataclass(frozen=True)
class ItemSpec:
    """Một nội dung trong chương trình phiên họp."""

    title: str
    presenter_code: str
    kind: ItemKindName
    planned_minutes: int
    classification: ClassificationName
    documents: tuple[DocSpec, ...]
    sub_items: tuple[ItemSpec, ...] = ()


GOVERNMENT_CODE = "CP"

# In the order of Resolution 176/2025/QH15, then the bodies that only send guests.
ORGANISATIONS: tuple[OrgSpec, ...] = (
    OrgSpec("CP", "Chính phủ", "Chính phủ", "government"),
    OrgSpec("BQP", "Bộ Quốc phòng", "Bộ Quốc phòng", "ministry"),
    OrgSpec("BCA", "Bộ Công an", "Bộ Công an", "ministry"),
    OrgSpec("BNG", "Bộ Ngoại giao", "Bộ Ngoại giao", "ministry"),
    OrgSpec("BNV", "Bộ Nội vụ", "Bộ Nội vụ", "ministry"),
    OrgSpec("BTP", "Bộ Tư pháp", "Bộ Tư pháp", "ministry"),
    OrgSpec("BTC", "Bộ Tài chính", "Bộ Tài chính", "ministry"),
    OrgSpec("BCT", "Bộ Công Thương", "Bộ Công Thương", "ministry"),
    OrgSpec("BNNMT", "Bộ Nông nghiệp và Môi trường", "Bộ NN&MT", "ministry"),
    OrgSpec("BXD", "Bộ Xây dựng", "Bộ Xây dựng", "ministry"),
    OrgSpec("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ VHTTDL", "ministry"),
    OrgSpec("BKHCN", "Bộ Khoa học và Công nghệ", "Bộ KH&CN", "ministry"),
    OrgSpec("BGDDT", "Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT", "ministry"),
    OrgSpec("BYT", "Bộ Y tế", "Bộ Y tế", "ministry"),
    OrgSpec("BDTTG", "Bộ Dân tộc và Tôn giáo", "Bộ DT&TG", "ministry"),
    OrgSpec("NHNN", "Ngân hàng Nhà nước Việt Nam", "NHNN", "ministry_level"),
    OrgSpec("TTCP", "Thanh tra Chính phủ", "TTCP", "ministry_level"),
    OrgSpec("VPCP", "Văn phòng Chính phủ", "VPCP", "ministry_level"),
    OrgSpec("VPCTN", "Văn phòng Chủ tịch nước", "VPCTN", "other"),
    OrgSpec("UBNDHN", "Ủy ban nhân dân thành phố Hà Nội", "UBND TP Hà Nội", "other"),
)


def _member(full_name: str, title: str, org_code: str, *, head: bool = False) -> PersonSpec:
    return PersonSpec(full_name, title, org_code, "member", has_vote=True, is_head_of_government=head)


MEMBERS: tuple[PersonSpec, ...] = (
    _member("Trương Minh Khang", "Thủ tướng Chính phủ", "CP", head=True),
    _member("Vũ Đức Thuận", "Phó Thủ tướng Thường trực Chính phủ", "CP"),
    _member("Đinh Thị Bích Ngọc", "Phó Thủ tướng Chính phủ", "CP"),
    _member("Phạm Hữu Nghĩa", "Phó Thủ tướng Chính phủ", "CP"),
    _member("Hoàng Văn Tường", "Phó Thủ tướng Chính phủ", "CP"),
    _member("Lê Bảo Trung", "Phó Thủ tướng Chính phủ", "CP"),
    _member("Đỗ Mạnh Quyết", "Phó Thủ tướng Chính phủ", "CP"),
    _member("Tạ Quang Vinh", "Phó Thủ tướng Chính phủ", "CP"),
    _member("Cao Văn Thạch", "Bộ trưởng Bộ Quốc phòng", "BQP"),
    _member("Quách Minh Trí", "Bộ trưởng Bộ Công an", "BCA"),
    _member("Ngô Hải Đăng", "Bộ trưởng Bộ Ngoại giao", "BNG"),
    _member("Lưu Thị Kim Oanh", "Bộ trưởng Bộ Nội vụ", "BNV"),
    _member("Trịnh Công Hậu", "Bộ trưởng Bộ Tư pháp", "BTP"),
    _member("Dương Khắc Toàn", "Bộ trưởng Bộ Tài chính", "BTC"),
    _member("Phùng Đức Lộc", "Bộ trưởng Bộ Công Thương", "BCT"),
    _member("Hà Thế Vĩnh", "Bộ trưởng Bộ Nông nghiệp và Môi trường", "BNNMT"),
    _member("Mạc Văn Thiện", "Bộ trưởng Bộ Xây dựng", "BXD"),
    _member("Kiều Minh Châu", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"),
    _member("Tôn Thất Khoa", "Bộ trưởng Bộ Khoa học và Công nghệ", "BKHCN"),
    _member("La Thị Thanh Tâm", "Bộ trưởng Bộ Giáo dục và Đào tạo", "BGDDT"),
    _member("Võ Ngọc Diệp", "Bộ trưởng Bộ Y tế", "BYT"),
    _member("Lò Văn Thưởng", "Bộ trưởng Bộ Dân tộc và Tôn giáo", "BDTTG"),
    _member("Bạch Thị Phương Lan", "Thống đốc Ngân hàng Nhà nước Việt Nam", "NHNN"),
    _member("Khổng Văn Bình", "Tổng Thanh tra Chính phủ", "TTCP"),
    _member("Châu Quốc Hưng", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "VPCP"),
)

SECRETARIAT: tuple[PersonSpec, ...] = (
    PersonSpec(
        "Lê Thị Hoài Thu", "Vụ trưởng Vụ Tổng hợp, Văn phòng Chính phủ", "VPCP", "secretariat_leader", False
    ),
    PersonSpec(
        "Nguyễn Thị Mai Anh", "Chuyên viên Vụ Tổng hợp, Văn phòng Chính phủ", "VPCP", "secretariat", False
    ),
    PersonSpec("Trần Đức Huy", "Chuyên viên Vụ Tổng hợp, Văn phòng Chính phủ", "VPCP", "secretariat", False),
)

GUESTS: tuple[PersonSpec, ...] = (
    PersonSpec("Huỳnh Tấn Lực", "Chủ nhiệm Văn phòng Chủ tịch nước", "VPCTN", "guest", False),
    PersonSpec("Thái Hữu Phước", "Thứ trưởng Bộ Tài chính", "BTC", "guest", False),
    PersonSpec("Chu Ngọc Khôi", "Chủ tịch Ủy ban nhân dân thành phố Hà Nội", "UBNDHN", "guest", False),
)

# Page counts keep the whole pack near 215 pages, so generating the demo stays quick.
REGULAR_SESSION_ITEMS: tuple[ItemSpec, ...] = (
    ItemSpec(
        "Tình hình kinh tế - xã hội tháng, nhiệm vụ và giải pháp trọng tâm thời gian tới",
        "BTC",
        "discussion",
        60,
        "normal",
        (
            DocSpec(
                "submission", "Báo cáo tình hình kinh tế - xã hội tháng và nhiệm vụ, giải pháp trọng tâm", 16
            ),
            DocSpec(
                "appraisal", "Báo cáo tổng hợp ý kiến thành viên Chính phủ về tình hình kinh tế - xã hội", 6
            ),
            DocSpec("annex", "Phụ lục số liệu các chỉ tiêu kinh tế - xã hội chủ yếu", 8),
        ),
    ),
    ItemSpec(
        "Tình hình thực hiện và giải ngân kế hoạch vốn đầu tư công năm 2026",
        "BTC",
        "discussion",
        30,
        "normal",
        (
            DocSpec(
                "submission", "Báo cáo tình hình giải ngân vốn đầu tư công và các giải pháp thúc đẩy", 12
            ),
            DocSpec(
                "annex",
                "Phụ lục tỷ lệ giải ngân vốn đầu tư công của các bộ, cơ quan trung ương và địa phương",
                10,
            ),
        ),
    ),
    ItemSpec(
        "Dự thảo Nghị định quy định chi tiết về phân cấp, phân quyền trong lĩnh vực xây dựng",
        "BXD",
        "decision",
        25,
        "normal",
        (
            DocSpec(
                "submission", "Tờ trình dự thảo Nghị định về phân cấp, phân quyền trong lĩnh vực xây dựng", 7
            ),
            DocSpec(
                "draft",
                "Dự thảo Nghị định quy định chi tiết về phân cấp, phân quyền trong lĩnh vực xây dựng",
                18,
            ),
            DocSpec("appraisal", "Báo cáo thẩm định dự thảo Nghị định của Bộ Tư pháp", 6),
        ),
    ),
    ItemSpec(
        "Các đề nghị xây dựng luật",
        "BTP",
        "decision",
        45,
        "normal",
        (
            DocSpec("appraisal", "Báo cáo thẩm định các đề nghị xây dựng luật", 6),
            DocSpec(
                "annex", "Phụ lục tổng hợp ý kiến các bộ, cơ quan ngang bộ về các đề nghị xây dựng luật", 5
            ),
        ),
        sub_items=(
            ItemSpec(
                "Đề nghị xây dựng Luật sửa đổi, bổ sung một số điều của Luật Bảo vệ môi trường",
                "BNNMT",
                "decision",
                20,
                "normal",
                (
                    DocSpec(
                        "submission",
                        "Tờ trình đề nghị xây dựng Luật sửa đổi, bổ sung Luật Bảo vệ môi trường",
                        8,
                    ),
                    DocSpec(
                        "annex", "Báo cáo đánh giá tác động của chính sách trong đề nghị xây dựng Luật", 6
                    ),
                ),
            ),
            ItemSpec(
                "Đề nghị xây dựng Luật Cán bộ, công chức (sửa đổi)",
                "BNV",
                "decision",
                20,
                "normal",
                (
                    DocSpec("submission", "Tờ trình đề nghị xây dựng Luật Cán bộ, công chức (sửa đổi)", 8),
                    DocSpec("annex", "Báo cáo tổng kết thi hành Luật Cán bộ, công chức", 7),
                ),
            ),
        ),
    ),
    ItemSpec(
        "Dự thảo Nghị quyết của Chính phủ về nhiệm vụ, giải pháp đẩy mạnh chuyển đổi số quốc gia",
        "BKHCN",
        "decision",
        25,
        "normal",
        (
            DocSpec("submission", "Tờ trình dự thảo Nghị quyết về đẩy mạnh chuyển đổi số quốc gia", 6),
            DocSpec("draft", "Dự thảo Nghị quyết về nhiệm vụ, giải pháp đẩy mạnh chuyển đổi số quốc gia", 12),
            DocSpec("appraisal", "Báo cáo tổng hợp ý kiến góp ý dự thảo Nghị quyết", 5),
        ),
    ),
    ItemSpec(
        "Dự thảo Nghị định quy định chi tiết về công nghiệp quốc phòng, an ninh và động viên công nghiệp",
        "BQP",
        "decision",
        20,
        "confidential",
        (
            DocSpec("submission", "Tờ trình dự thảo Nghị định về công nghiệp quốc phòng, an ninh", 6),
            DocSpec(
                "draft", "Dự thảo Nghị định về công nghiệp quốc phòng, an ninh và động viên công nghiệp", 14
            ),
            DocSpec("appraisal", "Báo cáo thẩm định dự thảo Nghị định của Bộ Tư pháp", 5),
        ),
    ),
    ItemSpec(
        "Tình hình cải cách hành chính, cắt giảm và đơn giản hóa thủ tục hành chính",
        "VPCP",
        "information",
        15,
        "normal",
        (
            DocSpec(
                "submission",
                "Báo cáo tình hình thực hiện cải cách thủ tục hành chính và dịch vụ công trực tuyến",
                10,
            ),
            DocSpec("annex", "Phụ lục danh mục thủ tục hành chính được cắt giảm, đơn giản hóa", 6),
        ),
    ),
    ItemSpec(
        "Công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng",
        "TTCP",
        "information",
        15,
        "normal",
        (
            DocSpec(
                "submission", "Báo cáo công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo", 9
            ),
            DocSpec("annex", "Phụ lục kết quả thanh tra, kiểm tra theo lĩnh vực", 5),
        ),
    ),
    ItemSpec(
        "Tình hình thực hiện chính sách tiền tệ và hoạt động ngân hàng",
        "NHNN",
        "information",
        15,
        "normal",
        (
            DocSpec("submission", "Báo cáo tình hình thực hiện chính sách tiền tệ và hoạt động ngân hàng", 8),
            DocSpec("annex", "Phụ lục diễn biến lãi suất, tỷ giá và tín dụng", 5),
        ),
    ),
)

PAST_SESSION_ITEMS: tuple[ItemSpec, ...] = (
    ItemSpec(
        "Tình hình kinh tế - xã hội tháng trước và nhiệm vụ trọng tâm",
        "BTC",
        "discussion",
        45,
        "normal",
        (
            DocSpec("submission", "Báo cáo tình hình kinh tế - xã hội tháng trước", 6),
            DocSpec("annex", "Phụ lục số liệu kinh tế - xã hội", 3),
        ),
    ),
    ItemSpec(
        "Dự thảo Nghị định về quản lý, kết nối và chia sẻ dữ liệu số",
        "BCA",
        "decision",
        25,
        "normal",
        (
            DocSpec("submission", "Tờ trình dự thảo Nghị định về kết nối và chia sẻ dữ liệu số", 4),
            DocSpec("draft", "Dự thảo Nghị định về quản lý, kết nối và chia sẻ dữ liệu số", 6),
        ),
    ),
    ItemSpec(
        "Phương án phân bổ vốn đầu tư công trung hạn còn lại",
        "BTC",
        "decision",
        20,
        "normal",
        (DocSpec("submission", "Tờ trình phương án phân bổ vốn đầu tư công trung hạn còn lại", 5),),
    ),
    ItemSpec(
        "Công tác bảo vệ chủ quyền biên giới và an ninh quốc gia",
        "BQP",
        "information",
        15,
        "confidential",
        (DocSpec("submission", "Báo cáo tình hình bảo vệ chủ quyền biên giới và an ninh quốc gia", 4),),
    ),
)


def all_people() -> tuple[PersonSpec, ...]:
    """Members, then the secretariat, then guests."""
    return MEMBERS + SECRETARIAT + GUESTS


def org_by_code(code: str) -> OrgSpec:
    for org in ORGANISATIONS:
        if org.code == code:
            return org
    raise KeyError(code)
