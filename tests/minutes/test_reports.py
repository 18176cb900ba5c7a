"""The other printed outputs: the resolution, the notice of conclusions, the opinion summary, the attendance
sheet, the vote result certificate — each with its facts, its place-and-date line and embedded fonts."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from ecabinet.errors import InvalidState
from ecabinet.minutes.draft import MinutesDraft
from ecabinet.minutes.outputs import OutputKind, produce, slug
from ecabinet.minutes.reports import (
    render_attendance_sheet,
    render_conclusions_notice,
    render_resolution,
)
from ecabinet.model import ItemKind
from tests.minutes.conftest import fonts_not_embedded, page_number_at_top, pdf_text, save_artifacts, squash
from tests.minutes.scenario import Scenario

DAY = date(2026, 11, 6)


def test_the_resolution_has_one_article_per_decision_with_a_conclusion(template_draft: MinutesDraft) -> None:
    data = render_resolution(template_draft, DAY)
    text = squash(pdf_text(data))
    for expected in (
        "Số: /NQ-CP",
        "Hà Nội, ngày 06 tháng 11 năm 2026",
        "NGHỊ QUYẾT",
        "QUYẾT NGHỊ:",
        "Điều 1. Dự thảo Nghị định quy định chi tiết về phân cấp, phân quyền trong lĩnh vực xây dựng",
        "trình Thủ tướng Chính phủ ký ban hành trước ngày 30 tháng 11 năm 2026",
        "Điều 2. Đề nghị xây dựng Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công",
        "Điều 3. Đề án bảo đảm an ninh mạng",
        "Điều 4. Tổ chức thực hiện",
        "TM. CHÍNH PHỦ",
        "THỦ TƯỚNG",
        "Trương Minh Khang",
        "- Lưu: VT, TH.",
    ):
        assert expected in text, expected
    assert "Tình hình kinh tế - xã hội tháng 10 và 10 tháng" not in text  # a discussion item: no article
    assert fonts_not_embedded(data) == []
    without = dataclasses.replace(
        template_draft, items=tuple(i for i in template_draft.items if i.kind is not ItemKind.DECISION)
    )
    with pytest.raises(InvalidState, match="resolution"):
        render_resolution(without)


def test_the_notice_of_conclusions(template_draft: MinutesDraft) -> None:
    data = render_conclusions_notice(template_draft, date(2026, 2, 3))
    text = squash(pdf_text(data))
    for expected in (
        "VĂN PHÒNG CHÍNH PHỦ",
        "Số: /TB-VPCP",
        "Hà Nội, ngày 03 tháng 02 năm 2026",  # leading zeros: day under 10, months 1 and 2
        "THÔNG BÁO",
        "Kết luận của Thủ tướng Chính phủ Trương Minh Khang",
        "tại Phiên họp Chính phủ thường kỳ tháng 10 năm 2026",
        "1. Về tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2026",
        "Chính phủ thống nhất đánh giá",
        "BỘ TRƯỞNG, CHỦ NHIỆM",
        "Châu Quốc Hưng",
    ):
        assert expected in text, expected
    assert fonts_not_embedded(data) == []
    assert template_draft.notice_due == date(2026, 11, 12)  # Thursday 5 Nov + 5 working days


def test_the_attendance_sheet(template_draft: MinutesDraft) -> None:
    data = render_attendance_sheet(template_draft)
    text = squash(pdf_text(data))
    for expected in (
        "Số: /DS-VPCP",
        "Hà Nội, ngày 05 tháng 11 năm 2026",  # the day of the session
        "DANH SÁCH",
        "Trương Minh Khang",
        "Có mặt",
        "Vắng mặt",
        "đi công tác nước ngoài",
        "Cử người dự thay",
        "Thứ trưởng Nguyễn Văn Dự dự thay",
        "đến 08:45",
        "II. ĐẠI BIỂU MỜI DỰ",
        "Thái Hữu Phước",
        "Có mặt: 23; vắng mặt: 1; cử người dự thay: 1.",
    ):
        assert expected in text, expected
    tops = page_number_at_top(data)
    assert not any(ch.isdigit() for ch in tops[0]) and "2" in tops[1].split()
    assert fonts_not_embedded(data) == []


def test_the_opinion_summary_and_the_vote_certificates(sc: Scenario) -> None:
    with sc.db.read() as s:
        ballot = produce(s, sc.officer, sc.db.blobs, OutputKind.BALLOT, sc.ballot_id, issued_on=DAY)
        named = produce(s, sc.officer, sc.db.blobs, OutputKind.VOTE, sc.open_vote_id, issued_on=DAY)
        secret = produce(s, sc.officer, sc.db.blobs, OutputKind.VOTE, sc.secret_vote_id, issued_on=DAY)
    text = squash(pdf_text(ballot.data))
    for expected in (
        "Số: /BC-VPCP",
        "BÁO CÁO",
        "Tổng hợp ý kiến thành viên Chính phủ",
        "21 thành viên 1 thành viên 1 thành viên 2 thành viên",
        "Kết quả: Thông qua: 21 đồng ý / 25 thành viên (cần quá nửa tổng số: 13).",
        "Tạ Quang Vinh (không đồng ý): Đề nghị bổ sung số liệu về thị trường bất động sản.",
        "Cao Văn Thạch (ý kiến khác): Cần đánh giá thêm tác động của thiên tai ở miền Trung.",
        "Thành viên chưa có ý kiến: Khổng Văn Bình, Châu Quốc Hưng.",
    ):
        assert expected in text, expected
    text = squash(pdf_text(named.data))
    for expected in (
        "Số: /BB-VPCP",
        "Xác nhận kết quả biểu quyết",
        "Nội dung: 2. Dự thảo Nghị định",
        "Thời gian biểu quyết: từ 09 giờ 00, ngày 05 tháng 11 năm 2026 đến 09 giờ 05",
        "Tổng số thành viên Chính phủ: 25.",
        "Quách Minh Trí",
        "Kết quả: Thông qua: 19 tán thành / 25 thành viên (cần quá nửa tổng số: 13).",
        "Đủ số thành viên dự họp: 23 có mặt / 25 thành viên",
        "THƯ KÝ",
        "CHỦ TỌA",
    ):
        assert expected in text, expected
    text = squash(pdf_text(secret.data))
    assert "20 thành viên 3 thành viên 0 thành viên" in text and "Biểu quyết kín" in text
    assert "Quách Minh Trí" not in text  # a secret vote names nobody
    for out in (ballot, named, secret):
        assert fonts_not_embedded(out.data) == []
    assert named.filename.startswith("ket-qua-bieu-quyet-2-") and named.filename.endswith(".pdf")


def test_file_names_are_plain_ascii() -> None:
    assert slug("Biên bản phiên họp 19: Đầu tư công!") == "bien-ban-phien-hop-19-dau-tu-cong"
    assert slug("…") == "e-cabinet"


def test_report_pages_are_kept_as_artifacts(template_draft: MinutesDraft) -> None:
    images = save_artifacts(render_resolution(template_draft, DAY), "resolution", 1, 1)
    images += save_artifacts(render_attendance_sheet(template_draft, DAY), "attendance", 1, 1)
    assert len(images) == 2
