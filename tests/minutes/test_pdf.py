"""The minutes PDF: the facts in its text (Vietnamese intact), fonts embedded, page numbers, marks, images."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from ecabinet.minutes.draft import MinutesDraft
from ecabinet.minutes.pdf import render_minutes
from ecabinet.model import Classification
from tests.minutes.conftest import (
    fonts_not_embedded,
    page_number_at_top,
    page_texts,
    pdf_text,
    save_artifacts,
    squash,
)


@pytest.fixture
def draft(template_draft: MinutesDraft) -> MinutesDraft:
    return template_draft


@pytest.fixture(scope="module")
def text(template_draft: MinutesDraft) -> str:
    return squash(unicodedata.normalize("NFC", pdf_text(render_minutes(template_draft))))


def test_the_form_fields_and_the_attendance(text: str) -> None:
    for expected in (
        "CHÍNH PHỦ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 19/BB-CP",
        "BIÊN BẢN",
        "Phiên họp Chính phủ thường kỳ tháng 10 năm 2026",
        "Thời gian bắt đầu: 08 giờ 00, ngày 05 tháng 11 năm 2026.",
        "Địa điểm: Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Hà Nội.",
        "Thành viên Chính phủ có mặt: 23/25 thành viên",
        "Ngô Hải Đăng, Bộ trưởng Bộ Ngoại giao (đến lúc 08 giờ 45)",
        "Bạch Thị Phương Lan, Thống đốc Ngân hàng Nhà nước Việt Nam, lý do: đi công tác nước ngoài",
        "Lò Văn Thưởng, Bộ trưởng Bộ Dân tộc và Tôn giáo, cử Thứ trưởng Nguyễn Văn Dự dự thay",
        "Đại biểu mời dự",
        "Huỳnh Tấn Lực, Chủ nhiệm Văn phòng Chủ tịch nước",
        "Đủ số thành viên dự họp: 23 có mặt / 25 thành viên (cần ít nhất hai phần ba tổng số: 17)",
        "Chủ trì (chủ tọa): Trương Minh Khang, Thủ tướng Chính phủ.",
        "Thư ký (người ghi biên bản): Châu Quốc Hưng, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ.",
        "Cuộc họp kết thúc vào 11 giờ 30, ngày 05 tháng 11 năm 2026./.",
        "THƯ KÝ",
        "CHỦ TỌA",
        "Nơi nhận:",
        "- Lưu: VT, Hồ sơ.",
    ):
        assert expected in text, expected
    # form 1.9 has no place-and-date line
    assert "Hà Nội, ngày" not in text


def test_each_item_with_its_facts_votes_and_conclusion(text: str) -> None:
    for expected in (
        "1. Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2026",
        "Cơ quan trình: Bộ Tài chính.",
        "Hồ sơ trình: Báo cáo tình hình kinh tế - xã hội tháng 10; Phụ lục số liệu các chỉ tiêu chủ yếu.",
        "21 đồng ý, 1 không đồng ý, 1 ý kiến khác, 2 chưa trả lời",
        "Thông qua: 21 đồng ý / 25 thành viên (cần quá nửa tổng số: 13)",
        "Ý kiến phát biểu tại phiên họp: Phạm Hữu Nghĩa, Huỳnh Tấn Lực.",
        "làm rõ nguyên nhân",
        "- đẩy nhanh công tác giải phóng mặt bằng;",
        "Kết luận của chủ tọa:",
        "Chính phủ thống nhất đánh giá tình hình kinh tế - xã hội tháng 10",
        # the open vote: rule, counts, names, result
        "Ý kiến của thành viên Chính phủ trước phiên họp: 2 thành viên không có ý kiến khác; đăng ký phát "
        "biểu: Phạm Hữu Nghĩa, Trịnh Công Hậu; không đồng ý: Hà Thế Vĩnh (cần làm rõ thẩm quyền của địa "
        "phương)",
        "Biểu quyết công khai về: Thông qua dự thảo Nghị định về phân cấp, phân quyền.",
        "Nguyên tắc biểu quyết: Tán thành: quá nửa tổng số; nếu ngang nhau, theo ý kiến của Thủ tướng.",
        "19 thành viên 2 thành viên 1 thành viên",
        "Quách Minh Trí",
        "Mạc Văn Thiện",
        "Không tham gia biểu quyết: 1 thành viên.",
        "Kết quả: Thông qua: 19 tán thành / 25 thành viên (cần quá nửa tổng số: 13).",
        # the secret vote: counts only
        "Biểu quyết kín về: Thông qua đề nghị xây dựng Luật",
        "20 thành viên 3 thành viên 0 thành viên",
        "Kết quả: Thông qua: 20 tán thành / 25 thành viên (cần quá nửa tổng số: 13).",
        "1. rà soát phạm vi sửa đổi;",
        "4. Đề án bảo đảm an ninh mạng cho các hệ thống thông tin quan trọng (Mật)",
    ):
        assert expected in text, expected


def test_a_secret_vote_names_nobody(draft: MinutesDraft) -> None:
    secret = draft.items[2].votes[0]
    assert secret.secret and secret.counts == (20, 3, 0)
    assert secret.names_for == secret.names_against == secret.names_abstain == ()
    opened = draft.items[1].votes[0]
    assert len(opened.names_for) == 19 and opened.names_against == ("Quách Minh Trí", "Phùng Đức Lộc")


def test_every_font_is_embedded_and_vietnamese_is_intact(draft: MinutesDraft) -> None:
    data = render_minutes(draft)
    assert fonts_not_embedded(data) == []
    assert b"Helvetica" not in data
    text = unicodedata.normalize("NFC", pdf_text(data))
    for word in ("Phương", "Thưởng", "Nghĩa", "Độc lập", "Hạnh phúc", "Đủ số", "Khổng", "Quyết"):
        assert word in text, word


def test_page_numbers_stand_at_the_top_from_page_two(draft: MinutesDraft) -> None:
    data = render_minutes(draft)
    tops = page_number_at_top(data)
    assert len(tops) >= 4
    assert not any(ch.isdigit() for ch in tops[0])
    for number, band in enumerate(tops[1:], 2):
        assert str(number) in band.split(), (number, band)


def test_the_classification_mark_and_the_draft_box(draft: MinutesDraft) -> None:
    pages = page_texts(render_minutes(draft))
    assert all("MẬT" in page for page in pages)  # a classified item marks every page
    assert "DỰ THẢO" in pages[0]
    normal = dataclasses.replace(
        draft,
        classification=Classification.NORMAL,
        items=tuple(i for i in draft.items if not i.classification.is_classified),
    )
    final = page_texts(render_minutes(normal, final=True))
    assert not any("MẬT" in page or "DỰ THẢO" in page for page in final)


def test_the_same_draft_gives_the_same_bytes(draft: MinutesDraft) -> None:
    assert render_minutes(draft, final=True) == render_minutes(draft, final=True)


def test_rendered_pages_are_kept_as_artifacts(draft: MinutesDraft) -> None:
    images = save_artifacts(render_minutes(draft), "minutes", 1, 3)
    assert len(images) == 3 and all(p.stat().st_size > 10_000 for p in images)
