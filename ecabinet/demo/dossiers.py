"""Generated dossier PDFs for the demo: Vietnamese administrative documents laid out per Decree 30/2020/NĐ-CP.

The text is composed deterministically from a bank of hand-written sentences, so the same arguments always
give the same bytes, and the page count is exactly the one asked for: the layout engine asks for more body
text as it goes and stops when the closing block just fits on the last page.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.flowables import HRFlowable

from ecabinet.demo.government import GOVERNMENT_CODE, MEMBERS, ORGANISATIONS, OrgSpec
from ecabinet.pdf.fonts import FontSet, register_fonts

__all__ = ["render_dossier"]

_PAGE_W, _PAGE_H = A4
_LEFT, _RIGHT, _TOP, _BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
_FRAME_W = _PAGE_W - _LEFT - _RIGHT
_BODY_SIZE = 13
_LEADING = 18
_HEADING_ROOM = (
    3 * _LEADING + 14
)  # a heading moves to the next page unless two lines of its text fit under it

# Above the signature: the head's title, upper case (Decree 30, Appendix I).
_SIGNERS = {
    "CP": "TM. CHÍNH PHỦ<br/>THỦ TƯỚNG",
    "VPCP": "BỘ TRƯỞNG, CHỦ NHIỆM",
    "TTCP": "TỔNG THANH TRA",
    "NHNN": "THỐNG ĐỐC",
    "VPCTN": "CHỦ NHIỆM",
    "UBNDHN": "TM. ỦY BAN NHÂN DÂN<br/>CHỦ TỊCH",
}
_MARKS = {"normal": "", "confidential": "MẬT", "secret": "TỐI MẬT", "top_secret": "TUYỆT MẬT"}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# --- the sentence bank -------------------------------------------------------------------------------------
# {org} is the presenting body, {pct} a percentage, {n} a count; topics are picked from the document's title.

_GENERAL = (
    "Việc xây dựng và ban hành văn bản là cần thiết nhằm thể chế hóa kịp thời các chủ trương, đường lối của "
    "Đảng và chính sách, pháp luật của Nhà nước.",
    "Qua tổng kết thực tiễn thi hành cho thấy một số quy định hiện hành còn chồng chéo, chưa phù hợp với yêu "
    "cầu quản lý trong tình hình mới.",
    "Dự thảo đã được gửi lấy ý kiến các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
    "trung ương và đăng tải trên Cổng Thông tin điện tử Chính phủ theo quy định.",
    "{org} đã nghiên cứu, tiếp thu tối đa các ý kiến góp ý và giải trình cụ thể đối với những ý kiến chưa "
    "tiếp thu.",
    "Các quy định bảo đảm tính hợp hiến, hợp pháp và tính thống nhất, đồng bộ với hệ thống pháp luật.",
    "Nội dung đề xuất không làm phát sinh thủ tục hành chính mới và góp phần cắt giảm chi phí tuân thủ cho "
    "người dân, doanh nghiệp.",
    "Việc phân cấp, phân quyền phải gắn với phân bổ nguồn lực, nâng cao năng lực thực thi và tăng cường kiểm "
    "tra, giám sát.",
    "Quá trình xây dựng đã bám sát các nguyên tắc được quy định tại Luật Ban hành văn bản quy phạm pháp luật.",
    "Các nghị định hướng dẫn thi hành cần được ban hành đồng thời với thời điểm luật có hiệu lực, không để xảy "
    "ra tình trạng chậm, nợ đọng văn bản.",
    "Bộ Tư pháp đã tổ chức thẩm định và cơ bản thống nhất với bố cục, nội dung của dự thảo.",
    "Đề nghị các bộ, cơ quan ngang bộ tiếp tục rà soát, sửa đổi, bổ sung các nghị định, thông tư thuộc thẩm "
    "quyền để tháo gỡ vướng mắc phát sinh từ thực tiễn.",
    "Đối với những vấn đề còn ý kiến khác nhau, cơ quan chủ trì đã tổng hợp đầy đủ và báo cáo Chính phủ xem "
    "xét, quyết định.",
    "Nội dung được xây dựng trên cơ sở kế thừa các quy định còn phù hợp, đồng thời sửa đổi những nội dung đã "
    "bộc lộ bất cập qua thực tiễn thi hành.",
    "Việc tổ chức thực hiện không làm tăng biên chế và được bảo đảm từ nguồn ngân sách nhà nước đã được giao "
    "trong dự toán hằng năm.",
    "Đề nghị Chính phủ xem xét, cho ý kiến về các nội dung nêu trên để cơ quan chủ trì hoàn thiện hồ sơ theo "
    "quy định.",
    "Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện và tổng hợp kết quả báo cáo Thủ tướng Chính phủ.",
    "Các bộ, ngành, địa phương theo chức năng, nhiệm vụ được giao chủ động triển khai, bảo đảm tiến độ và chất "
    "lượng.",
    "Tăng cường công tác thông tin, truyền thông chính sách để tạo đồng thuận xã hội trong quá trình triển khai.",
    "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích; xử lý nghiêm các trường hợp vi phạm, "
    "thiếu trách nhiệm.",
    "Chính sách đề xuất đã được đánh giá tác động về kinh tế, xã hội, giới, thủ tục hành chính và hệ thống pháp "
    "luật.",
)

_TOPICS: dict[str, tuple[str, ...]] = {
    "economy": (
        "Tình hình kinh tế - xã hội tiếp tục chuyển biến tích cực, kinh tế vĩ mô cơ bản ổn định, lạm phát được "
        "kiểm soát, các cân đối lớn được bảo đảm.",
        "Chỉ số giá tiêu dùng bình quân tăng {pct}% so với cùng kỳ năm trước, nằm trong mục tiêu Quốc hội đề ra.",
        "Tổng kim ngạch xuất, nhập khẩu hàng hóa ước đạt {n} tỷ USD, cán cân thương mại tiếp tục xuất siêu.",
        "Thu ngân sách nhà nước đạt khá, ước đạt {pct}% dự toán năm; chi ngân sách bảo đảm các nhiệm vụ chi "
        "thường xuyên và an sinh xã hội.",
        "Số doanh nghiệp thành lập mới và quay trở lại hoạt động tăng so với cùng kỳ, thể hiện niềm tin của cộng "
        "đồng doanh nghiệp vào môi trường kinh doanh.",
        "Sản xuất công nghiệp tiếp tục phục hồi, chỉ số sản xuất toàn ngành công nghiệp tăng {pct}% so với cùng "
        "kỳ.",
        "Khu vực nông nghiệp phát triển ổn định, bảo đảm vững chắc an ninh lương thực quốc gia.",
        "Tuy nhiên, nền kinh tế vẫn còn những khó khăn, thách thức; sức mua trong nước phục hồi chậm, một số thị "
        "trường tiềm ẩn rủi ro.",
        "Các bộ, ngành, địa phương cần theo dõi sát diễn biến tình hình thế giới và trong nước để có giải pháp "
        "ứng phó kịp thời, hiệu quả.",
        "Công tác an sinh xã hội được quan tâm thực hiện; đời sống của nhân dân tiếp tục được cải thiện.",
    ),
    "investment": (
        "Giải ngân vốn đầu tư công là nhiệm vụ chính trị trọng tâm, góp phần thúc đẩy tăng trưởng, tạo việc làm "
        "và sinh kế cho người dân.",
        "Đến hết tháng, giải ngân vốn đầu tư công ước đạt {pct}% kế hoạch Thủ tướng Chính phủ giao.",
        "Một số bộ, cơ quan trung ương và địa phương có tỷ lệ giải ngân đạt thấp, chủ yếu do vướng mắc trong "
        "công tác giải phóng mặt bằng và nguồn cung vật liệu xây dựng.",
        "Người đứng đầu các bộ, ngành, địa phương chịu trách nhiệm trước Chính phủ về kết quả giải ngân vốn đầu "
        "tư công của cơ quan, đơn vị mình.",
        "Kiên quyết điều chuyển vốn từ các dự án giải ngân chậm sang các dự án có khả năng giải ngân tốt và có "
        "nhu cầu bổ sung vốn.",
        "Các tổ công tác của Thủ tướng Chính phủ đã kiểm tra, đôn đốc, tháo gỡ khó khăn, vướng mắc về đầu tư công "
        "tại các địa phương.",
        "Tập trung hoàn thành các công trình, dự án hạ tầng giao thông trọng điểm, bảo đảm chất lượng, an toàn "
        "và tiến độ.",
    ),
    "reform": (
        "Công tác cải cách hành chính tiếp tục được đẩy mạnh, trọng tâm là cắt giảm, đơn giản hóa thủ tục hành "
        "chính và điều kiện kinh doanh.",
        "Trong kỳ, các bộ, cơ quan đã cắt giảm, đơn giản hóa {n} thủ tục hành chính và quy định liên quan đến hoạt "
        "động kinh doanh.",
        "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình tiếp tục tăng, đạt "
        "{pct}%.",
        "Cổng Dịch vụ công quốc gia được nâng cấp, kết nối với Cơ sở dữ liệu quốc gia về dân cư, giúp giảm giấy "
        "tờ phải nộp cho người dân.",
        "Việc sắp xếp tổ chức bộ máy theo hướng tinh, gọn, mạnh, hiệu năng, hiệu lực, hiệu quả được triển khai "
        "đồng bộ.",
        "Vẫn còn tình trạng hồ sơ giải quyết quá hạn; thái độ phục vụ của một bộ phận cán bộ, công chức chưa đáp "
        "ứng yêu cầu.",
        "Đội ngũ cán bộ, công chức cần được đánh giá thực chất theo kết quả, sản phẩm công việc cụ thể.",
    ),
    "digital": (
        "Chuyển đổi số quốc gia được xác định là động lực quan trọng để phát triển nhanh và bền vững.",
        "Các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành cần được xây dựng bảo đảm đúng, đủ, sạch, sống "
        "và được kết nối, chia sẻ thông suốt.",
        "Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ đã góp phần tiết kiệm thời gian, chi "
        "phí và thay thế hàng trăm nghìn hồ sơ, tài liệu giấy.",
        "Bảo đảm an toàn, an ninh mạng đối với các hệ thống thông tin quan trọng là yêu cầu xuyên suốt trong quá "
        "trình chuyển đổi số.",
        "Khuyến khích doanh nghiệp công nghệ số trong nước tham gia phát triển các nền tảng số dùng chung.",
    ),
    "defence": (
        "Xây dựng nền công nghiệp quốc phòng, an ninh tự lực, tự cường, lưỡng dụng, hiện đại là nhiệm vụ chiến "
        "lược lâu dài.",
        "Cơ chế phối hợp giữa cơ sở công nghiệp quốc phòng, an ninh với doanh nghiệp công nghiệp dân sinh cần "
        "được quy định rõ ràng, minh bạch.",
        "Việc quản lý, sử dụng nguồn lực cho công nghiệp quốc phòng, an ninh phải bảo đảm đúng mục đích, hiệu "
        "quả và giữ bí mật theo quy định.",
        "Tình hình an ninh chính trị, trật tự, an toàn xã hội cơ bản được giữ vững; chủ quyền, lợi ích quốc gia "
        "được bảo vệ.",
    ),
    "monetary": (
        "Ngân hàng Nhà nước điều hành chính sách tiền tệ chủ động, linh hoạt, phối hợp chặt chẽ với chính sách "
        "tài khóa.",
        "Mặt bằng lãi suất cho vay tiếp tục xu hướng giảm; tỷ giá và thị trường ngoại tệ cơ bản ổn định.",
        "Tăng trưởng tín dụng toàn hệ thống đạt {pct}% so với cuối năm trước, tập trung vào các lĩnh vực sản "
        "xuất, kinh doanh và lĩnh vực ưu tiên.",
    ),
    "inspection": (
        "Toàn ngành thanh tra đã triển khai {n} cuộc thanh tra hành chính và kiểm tra chuyên ngành.",
        "Qua thanh tra đã phát hiện vi phạm, kiến nghị thu hồi về ngân sách nhà nước và xử lý hành chính đối với "
        "tổ chức, cá nhân có sai phạm.",
        "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện nghiêm túc; nhiều vụ việc phức tạp, "
        "kéo dài đã được giải quyết dứt điểm.",
        "Phòng, chống tham nhũng, tiêu cực tiếp tục được đẩy mạnh, gắn với thực hành tiết kiệm, chống lãng phí.",
    ),
    "environment": (
        "Bảo vệ môi trường phải được đặt ở vị trí trung tâm trong các quyết định phát triển, không đánh đổi môi "
        "trường lấy tăng trưởng kinh tế.",
        "Quy hoạch, kiến trúc và quản lý trật tự xây dựng đô thị cần được thực hiện đồng bộ, phù hợp với đặc "
        "điểm của từng địa phương.",
    ),
}

# Keywords of a title (compared without diacritics) that pick the topics of its body.
_TOPIC_WORDS = (
    ("kinh te - xa hoi", "economy"),
    ("dau tu cong", "investment"),
    ("von", "investment"),
    ("thu tuc hanh chinh", "reform"),
    ("cai cach", "reform"),
    ("cong chuc", "reform"),
    ("phan cap", "reform"),
    ("chuyen doi so", "digital"),
    ("du lieu", "digital"),
    ("quoc phong", "defence"),
    ("an ninh", "defence"),
    ("tien te", "monetary"),
    ("ngan hang", "monetary"),
    ("lai suat", "monetary"),
    ("tin dung", "monetary"),
    ("thanh tra", "inspection"),
    ("khieu nai", "inspection"),
    ("moi truong", "environment"),
    ("linh vuc xay dung", "environment"),
    ("do thi", "environment"),
)

_CLAUSES = (
    "Cơ quan có thẩm quyền có trách nhiệm tiếp nhận, giải quyết hồ sơ trong thời hạn {n} ngày làm việc kể từ "
    "ngày nhận đủ hồ sơ hợp lệ.",
    "Hồ sơ được nộp trực tiếp, qua dịch vụ bưu chính hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.",
    "Trường hợp từ chối, cơ quan có thẩm quyền phải trả lời bằng văn bản và nêu rõ lý do.",
    "Ủy ban nhân dân cấp tỉnh quyết định theo thẩm quyền và chịu trách nhiệm về quyết định của mình.",
    "Định kỳ hằng năm, các bộ, cơ quan ngang bộ báo cáo Thủ tướng Chính phủ về tình hình thực hiện Nghị định "
    "này.",
    "Kinh phí thực hiện được bảo đảm từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp "
    "khác.",
    "Việc kiểm tra, giám sát được thực hiện thường xuyên, công khai, minh bạch, không gây phiền hà cho tổ "
    "chức, cá nhân.",
    "Thông tin, dữ liệu được cập nhật, kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ "
    "liệu chuyên ngành.",
    "Tổ chức, cá nhân vi phạm quy định tại Nghị định này thì tùy theo tính chất, mức độ vi phạm mà bị xử lý "
    "theo quy định của pháp luật.",
    "Các hồ sơ đã được tiếp nhận trước ngày Nghị định này có hiệu lực thi hành thì tiếp tục được giải quyết "
    "theo quy định tại thời điểm tiếp nhận.",
    "Cơ quan được phân cấp không được phân cấp tiếp nhiệm vụ đã được phân cấp cho cơ quan, đơn vị khác.",
    "Quyết định phê duyệt phải được công khai trên cổng thông tin điện tử của cơ quan có thẩm quyền trong thời "
    "hạn {n} ngày kể từ ngày ký.",
    "Tổ chức, cá nhân có quyền yêu cầu cơ quan có thẩm quyền cung cấp thông tin về tình hình giải quyết hồ sơ "
    "của mình.",
    "Các bộ, cơ quan ngang bộ hướng dẫn thống nhất biểu mẫu, quy trình thực hiện trong phạm vi ngành, lĩnh vực "
    "được giao quản lý.",
    "Cơ quan chủ trì có trách nhiệm phối hợp với Bộ Tài chính bố trí kinh phí và hướng dẫn việc sử dụng theo "
    "quy định của pháp luật về ngân sách nhà nước.",
    "Việc điều chỉnh, bổ sung chỉ được thực hiện khi có sự thay đổi về chủ trương, quy hoạch hoặc điều kiện "
    "thực tế và phải được cấp có thẩm quyền chấp thuận.",
    "Hồ sơ, tài liệu được lưu trữ bằng bản giấy và bản điện tử theo quy định của pháp luật về lưu trữ.",
)

_SUBSECTIONS = (
    "Cơ sở chính trị, pháp lý",
    "Cơ sở thực tiễn",
    "Kết quả đạt được",
    "Tồn tại, hạn chế",
    "Nguyên nhân của tồn tại, hạn chế",
    "Bài học kinh nghiệm",
    "Giải pháp thực hiện",
    "Ý kiến của các bộ, cơ quan",
    "Đề xuất của cơ quan chủ trì",
    "Tác động về kinh tế - xã hội",
    "Tác động đối với hệ thống pháp luật",
    "Nguồn lực bảo đảm thực hiện",
    "Phân công trách nhiệm",
    "Kiểm tra, giám sát",
)

_ARTICLES = (
    "Điều kiện thực hiện",
    "Công khai thông tin",
    "Quyền và nghĩa vụ của tổ chức, cá nhân",
    "Phối hợp giữa các cơ quan",
    "Ứng dụng công nghệ thông tin",
    "Lưu trữ hồ sơ",
    "Thanh tra, kiểm tra",
    "Khen thưởng",
    "Quy định chuyển tiếp",
    "Thẩm quyền phê duyệt",
    "Điều chỉnh, bổ sung",
    "Theo dõi, đánh giá",
)

_SECTIONS = {
    "TTr": (
        "SỰ CẦN THIẾT BAN HÀNH",
        "MỤC ĐÍCH, QUAN ĐIỂM XÂY DỰNG",
        "QUÁ TRÌNH XÂY DỰNG DỰ THẢO",
        "BỐ CỤC VÀ NỘI DUNG CƠ BẢN",
        "NHỮNG VẤN ĐỀ CÒN Ý KIẾN KHÁC NHAU",
        "ĐÁNH GIÁ TÁC ĐỘNG VÀ ĐIỀU KIỆN BẢO ĐẢM THI HÀNH",
    ),
    "BC": (
        "TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN",
        "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THỜI GIAN TỚI",
        "TỔ CHỨC THỰC HIỆN",
        "KIẾN NGHỊ, ĐỀ XUẤT",
    ),
    "BCTD": (
        "VỀ SỰ CẦN THIẾT BAN HÀNH",
        "VỀ ĐỐI TƯỢNG, PHẠM VI ĐIỀU CHỈNH",
        "VỀ SỰ PHÙ HỢP VỚI CHỦ TRƯƠNG, ĐƯỜNG LỐI CỦA ĐẢNG",
        "VỀ TÍNH HỢP HIẾN, HỢP PHÁP VÀ TÍNH THỐNG NHẤT CỦA DỰ THẢO",
        "VỀ NGÔN NGỮ, KỸ THUẬT SOẠN THẢO",
    ),
    "PL": (
        "TÌNH HÌNH CHUNG",
        "SỐ LIỆU CỦA CÁC BỘ, CƠ QUAN",
        "SO SÁNH VỚI CÙNG KỲ",
        "DỰ KIẾN ĐẾN HẾT NĂM",
    ),
}

_CHAPTERS = (
    (
        "QUY ĐỊNH CHUNG",
        ("Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ", "Nguyên tắc thực hiện"),
    ),
    (
        "QUY ĐỊNH CỤ THỂ",
        ("Thẩm quyền quyết định", "Hồ sơ đề nghị", "Trình tự, thủ tục thực hiện", "Thời hạn giải quyết"),
    ),
    (
        "TRÁCH NHIỆM CỦA CÁC CƠ QUAN",
        (
            "Trách nhiệm của các bộ, cơ quan ngang bộ",
            "Trách nhiệm của Ủy ban nhân dân cấp tỉnh",
            "Chế độ báo cáo",
        ),
    ),
    (
        "BẢO ĐẢM THỰC HIỆN",
        ("Kinh phí thực hiện", "Kết nối, chia sẻ dữ liệu", "Kiểm tra, giám sát", "Xử lý vi phạm"),
    ),
)


# --- what one document is ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Org:
    code: str
    name: str
    head_name: str
    signer: str  # the head's title as it stands above a signature
    head_title: str  # "Bộ trưởng Bộ Xây dựng", for "Theo đề nghị của …"


@dataclass(frozen=True)
class _DocPlan:
    symbol: str  # TTr, BC, NĐ, NQ, PL
    doc_type: str  # TỜ TRÌNH, BÁO CÁO, NGHỊ ĐỊNH, NGHỊ QUYẾT, Phụ lục
    subject: str
    issuer: _Org
    presenter: _Org
    number: str  # "Số: 215/TTr-BTC"
    date: tuple[int, int, int]
    sections: tuple[str, ...]
    topics: tuple[str, ...]


def _fold(text: str) -> str:
    """Lower-case ASCII, for matching titles: "Đầu tư công" -> "dau tu cong"."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _org(presenter: str) -> _Org:
    folded = _fold(presenter).strip()
    spec: OrgSpec | None = next(
        (o for o in ORGANISATIONS if o.code.lower() == folded or _fold(o.name) == folded), None
    )
    if spec is None:
        code = "".join(w[0] for w in _fold(presenter).split() if w[0].isalpha()).upper() or "CQ"
        return _Org(code, presenter.strip(), "", "THỦ TRƯỞNG CƠ QUAN", f"Thủ trưởng {presenter.strip()}")
    if spec.code == GOVERNMENT_CODE:
        head = next((p for p in MEMBERS if p.is_head_of_government), None)
    else:
        head = next((p for p in MEMBERS if p.org_code == spec.code), None)
    default = "BỘ TRƯỞNG" if spec.kind == "ministry" else "THỦ TRƯỞNG CƠ QUAN"
    signer = _SIGNERS.get(spec.code, default)
    head_title = head.title if head else f"Thủ trưởng {spec.name}"
    return _Org(spec.code, spec.name, head.full_name if head else "", signer, head_title)


def _split_title(kind: str, title: str) -> tuple[str, str, str]:
    """(symbol, document type as printed, subject) from a title such as "Tờ trình dự thảo Nghị định …"."""
    folded = _fold(title)
    prefixes = (  # folded prefix, symbol, printed type
        ("bao cao tham dinh", "BC", "BÁO CÁO THẨM ĐỊNH"),
        ("to trinh", "TTr", "TỜ TRÌNH"),
        ("bao cao", "BC", "BÁO CÁO"),
        ("du thao nghi dinh", "NĐ", "NGHỊ ĐỊNH"),
        ("du thao nghi quyet", "NQ", "NGHỊ QUYẾT"),
        ("phu luc", "PL", "Phụ lục"),
    )
    for prefix, symbol, doc_type in prefixes:
        if folded.startswith(prefix + " "):
            # Folding keeps the length (one letter for one letter), so the prefix can be cut from the title.
            rest = title[len(prefix) :].strip()
            if symbol == "BC" and doc_type != "BÁO CÁO":
                rest = re.sub(r"\s+của (Bộ|Văn phòng|Thanh tra)\b.*$", "", rest)
            return symbol, doc_type, rest[:1].upper() + rest[1:]
    by_kind = {
        "submission": ("TTr", "TỜ TRÌNH"),
        "draft": ("NQ", "NGHỊ QUYẾT") if "nghi quyet" in folded else ("NĐ", "NGHỊ ĐỊNH"),
        "appraisal": ("BC", "BÁO CÁO"),
        "annex": ("PL", "Phụ lục"),
    }
    symbol, doc_type = by_kind.get(kind, ("BC", "BÁO CÁO"))
    return symbol, doc_type, title[:1].upper() + title[1:]


def _plan(kind: str, title: str, presenter: str, session_title: str, rng: random.Random) -> _DocPlan:
    symbol, doc_type, subject = _split_title(kind, title)
    presenting = _org(presenter)
    folded = _fold(title)
    issuer = presenting
    if symbol in ("NĐ", "NQ"):
        issuer = _org("CP")
    elif symbol == "BC" and "tham dinh" in folded:
        issuer = _org("BTP")
    match = re.search(r"tháng (\d{1,2}) năm (\d{4})", session_title)
    month, year = (int(match.group(1)), int(match.group(2))) if match else (rng.randint(1, 12), 2026)
    day = rng.randint(3, 25)
    if symbol in ("NĐ", "NQ"):
        number = f"Số:        /{year}/{symbol}-CP"
    else:
        number = f"Số: {rng.randint(108, 486)}/{'BC' if symbol == 'PL' else symbol}-{issuer.code}"
    section_key = "BCTD" if symbol == "BC" and "tham dinh" in folded else symbol
    topics = tuple(dict.fromkeys(topic for word, topic in _TOPIC_WORDS if re.search(rf"\b{word}\b", folded)))
    return _DocPlan(
        symbol=symbol,
        doc_type=doc_type,
        subject=subject,
        issuer=issuer,
        presenter=presenting,
        number=number,
        date=(day, month, year),
        sections=_SECTIONS.get(section_key, ()),
        topics=topics,  # none: the general, law-making sentences only
    )


def _date_text(date: tuple[int, int, int]) -> str:
    day, month, year = date
    # Decree 30: a leading 0 for days under 10 and for months 1 and 2.
    month_text = f"{month:02d}" if month <= 2 else str(month)
    return f"ngày {day:02d} tháng {month_text} năm {year}"


# --- styles -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    chapter: ParagraphStyle
    doc_type: ParagraphStyle
    subject: ParagraphStyle
    centre: ParagraphStyle
    italic: ParagraphStyle
    signer: ParagraphStyle
    recipients_head: ParagraphStyle
    recipients: ParagraphStyle


def _styles(fonts: FontSet) -> _Styles:
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=_BODY_SIZE,
        leading=_LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=1 * cm,
        spaceAfter=6,
    )
    heading = ParagraphStyle("heading", parent=body, fontName=fonts.bold, spaceBefore=6, alignment=TA_LEFT)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    return _Styles(
        body=body,
        heading=heading,
        subheading=ParagraphStyle("subheading", parent=heading, spaceBefore=0),
        chapter=ParagraphStyle(
            "chapter", parent=heading, alignment=TA_CENTER, firstLineIndent=0, spaceBefore=8
        ),
        doc_type=ParagraphStyle(
            "doc_type", parent=centre, fontName=fonts.bold, fontSize=14, leading=18, spaceAfter=0
        ),
        subject=ParagraphStyle(
            "subject", parent=centre, fontName=fonts.bold, fontSize=14, leading=18, spaceAfter=2
        ),
        centre=centre,
        italic=ParagraphStyle("italic", parent=body, fontName=fonts.italic),
        signer=ParagraphStyle("signer", parent=centre, fontName=fonts.bold, spaceAfter=0),
        recipients_head=ParagraphStyle(
            "recipients_head",
            parent=body,
            fontName=fonts.bold_italic,
            fontSize=12,
            leading=14,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        recipients=ParagraphStyle(
            "recipients",
            parent=body,
            fontSize=11,
            leading=13,
            leftIndent=7,
            firstLineIndent=-7,  # a wrapped recipient hangs under its text, not under the dash
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
    )


# --- flowables ----------------------------------------------------------------------------------------------


class _Letterhead(Flowable):
    """The Decree 30 first-page header: issuing body and number on the left, the national motto on the right."""

    _LEFT_W = 72 * mm
    _RULE_GAP = 7  # rules sit this far under the baseline, clear of dots below letters such as "Ự"

    def __init__(self, plan: _DocPlan, fonts: FontSet, classification: str) -> None:
        super().__init__()
        self._plan = plan
        self._fonts = fonts
        self._mark = _MARKS.get(classification, "")
        self._issuer_lines = _wrap_upper(plan.issuer.name.upper(), fonts.bold, 13, self._LEFT_W - 4)
        self._layout()

    def _layout(self) -> None:
        issuer_bottom = 15 * len(self._issuer_lines) - 2 + self._RULE_GAP
        motto_bottom = 29 + self._RULE_GAP
        self._number_base = max(issuer_bottom, motto_bottom) + 24
        self._mark_top = self._number_base + 10
        self.height = self._mark_top + (26 if self._mark else 0) + 14

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        fonts = self._fonts
        top = self.height
        left_c = self._LEFT_W / 2
        right_c = self._LEFT_W + (self.width - self._LEFT_W) / 2
        canv.setFillColor(colors.black)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.6)
        # Issuing body, upper case, bold, with a short rule centred below it.
        canv.setFont(fonts.bold, 13)
        y = top - 13
        for line in self._issuer_lines:
            canv.drawCentredString(left_c, y, line)
            y -= 15
        last = stringWidth(self._issuer_lines[-1], fonts.bold, 13)
        rule = max(last / 3, 18 * mm) if last > 24 * mm else last
        rule_y = y + 15 - self._RULE_GAP
        canv.line(left_c - rule / 2, rule_y, left_c + rule / 2, rule_y)
        # National motto and slogan; the slogan's rule is as long as the slogan.
        canv.setFont(fonts.bold, 12)
        canv.drawCentredString(right_c, top - 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        slogan = "Độc lập - Tự do - Hạnh phúc"
        canv.setFont(fonts.bold, 13)
        canv.drawCentredString(right_c, top - 29, slogan)
        width = stringWidth(slogan, fonts.bold, 13)
        canv.line(
            right_c - width / 2, top - 29 - self._RULE_GAP, right_c + width / 2, top - 29 - self._RULE_GAP
        )
        # Number on the left and place and date on the right share one line.
        base = top - self._number_base
        canv.setFont(fonts.regular, 13)
        canv.drawCentredString(left_c, base, self._plan.number)
        canv.setFont(fonts.italic, 13)
        canv.drawCentredString(right_c, base, f"Hà Nội, {_date_text(self._plan.date)}")
        if self._mark:
            _boxed(canv, fonts.bold, 13, self._mark, left_c, top - self._mark_top - 22)


def _wrap_upper(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _boxed(canv: Canvas, font: str, size: float, text: str, centre_x: float, base_y: float) -> None:
    width = stringWidth(text, font, size) + 14
    canv.setFont(font, size)
    canv.drawCentredString(centre_x, base_y, text)
    canv.setLineWidth(1)
    canv.rect(centre_x - width / 2, base_y - 5, width, size + 9, stroke=1, fill=0)


class _Feed(Flowable):
    """Marker at the end of the body: the document template replaces it with more text while pages remain."""


class _DossierTemplate(BaseDocTemplate):
    def __init__(
        self,
        buffer: BytesIO,
        *,
        target: int,
        chunks: Iterator[list[Flowable]],
        fillers: Iterator[Paragraph],
        closing: Callable[[], list[Flowable]],
        strict: bool,
        on_later_page: Callable[[Canvas, Any], None],
        on_first_page: Callable[[Canvas, Any], None],
        **kw: Any,
    ) -> None:
        super().__init__(buffer, **kw)
        frame = Frame(_LEFT, _BOTTOM, _FRAME_W, _PAGE_H - _TOP - _BOTTOM, 0, 0, 0, 0, id="body")
        self.addPageTemplates(
            [
                PageTemplate("first", [frame], onPage=on_first_page, autoNextPageTemplate="later"),
                PageTemplate("later", [frame], onPage=on_later_page),
            ]
        )
        self._target = target
        self._chunks = chunks
        self._fillers = fillers
        self._closing = closing
        # Built now only to be measured; built again at the end, once the article numbers are known.
        self._closing_h = _height(closing(), _FRAME_W)
        self._frame_h = _PAGE_H - _TOP - _BOTTOM
        self._strict = strict
        self._outline_count = 0
        self.pages = 0

    def afterPage(self) -> None:
        self.pages = self.page

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_ecabinet_outline", None)
        if outline is None:
            return
        text, level = outline
        key = f"s{self._outline_count}"
        self._outline_count += 1
        # Open at the heading itself, not at the top of its page.
        top = self.frame._y + flowable.getSpaceAfter() + getattr(flowable, "height", 0) + 6
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
        self.canv.addOutlineEntry(text, key, level=level, closed=False)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if flowables and isinstance(flowables[0], _Feed):
            self._feed(flowables)
            return
        super().handle_flowable(flowables)

    def _remaining(self) -> float:
        frame = self.frame
        return float(frame._y - frame._y1p)

    def _feed(self, flowables: list[Flowable]) -> None:
        """Put the next body text before the marker, or end the body so the closing block ends the last page.

        Far from the end, whole chunks (a heading with its text, a table) go in unmeasured. Near it, a chunk
        goes in only if it and the closing block still fit on the pages left; otherwise short paragraphs top
        up the last page. In strict mode (the retry) only the short paragraphs are used, everything measured.
        """
        pages_left = self._target - self.page  # pages still to come after this one
        if pages_left > 1 and not self._strict:
            flowables[0:0] = next(self._chunks)
            return
        # Each page break may waste a few lines: a split paragraph's widow, or a heading moved on.
        slack = 2 * _LEADING + _HEADING_ROOM
        room = self._remaining() + pages_left * (self._frame_h - slack) - self._closing_h
        chunk = [] if self._strict else next(self._chunks)
        if chunk and _height(chunk, _FRAME_W) <= room:
            flowables[0:0] = chunk
            return
        filler = next(self._fillers)
        if _height([filler], _FRAME_W) <= room:
            flowables.insert(0, filler)
            return
        del flowables[0]
        flowables.extend(self._closing())


def _height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        _w, h = f.wrap(width, 10_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


# --- the text -----------------------------------------------------------------------------------------------


def _roman(n: int) -> str:
    out = []
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Deck:
    """Draws items in a shuffled order and reshuffles only when all have been drawn, so text rarely repeats."""

    def __init__(self, rng: random.Random, items: list[str]) -> None:
        self._rng = rng
        self._items = items
        self._left: list[str] = []

    def draw(self, count: int) -> list[str]:
        picked: list[str] = []
        guard = 0
        while len(picked) < min(count, len(set(self._items))) and guard < 4 * count + len(self._items):
            guard += 1
            if not self._left:
                self._left = list(self._items)
                self._rng.shuffle(self._left)
            item = self._left.pop()
            if item not in picked:
                picked.append(item)
        return picked


class _Writer:
    """Composes the document's paragraphs from the sentence bank, deterministically from one seed."""

    def __init__(self, plan: _DocPlan, styles: _Styles, rng: random.Random, pages: int) -> None:
        self.plan = plan
        self.styles = styles
        self.rng = rng
        self.pages = pages
        topical = [s for topic in plan.topics for s in _TOPICS[topic]]
        self.sentences = _Deck(rng, topical + list(_GENERAL))
        self.clauses = _Deck(rng, list(_CLAUSES) + topical[:4])
        self.chapter = 0
        self.article = 0
        self.clause = 0

    # sentences and paragraphs

    def sentence(self, template: str) -> str:
        rng = self.rng
        pct = f"{rng.uniform(2.5, 97.5):.1f}".replace(".", ",")
        return template.format(org=self.plan.presenter.name, pct=pct, n=rng.randint(12, 480))

    def text(self, count: int, deck: _Deck | None = None) -> str:
        return " ".join(self.sentence(t) for t in (deck or self.sentences).draw(count))

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text), style or self.styles.body)

    def heading(
        self, text: str, level: int, style: ParagraphStyle | None = None, markup: str = ""
    ) -> Paragraph:
        p = Paragraph(
            markup or escape(text), style or (self.styles.heading if level == 0 else self.styles.subheading)
        )
        p._ecabinet_outline = (text, level)
        return p

    # the body, as chunks of flowables that belong together

    def chunks(self) -> Iterator[list[Flowable]]:
        if self.plan.symbol in ("NĐ", "NQ"):
            return self._articles()
        if self.plan.symbol == "PL":
            return self._tables()
        return self._sections()

    def _sections(self) -> Iterator[list[Flowable]]:
        names = self.plan.sections or _SECTIONS["BC"]
        # About five paragraphs a page, spread evenly over the sections.
        per_section = max(2, -(-self.pages * 5 // len(names)))
        rng = self.rng
        number = 0
        while True:
            name = names[number % len(names)]
            if number >= len(names):
                name += " (TIẾP THEO)"
            number += 1
            head = self.heading(f"{_roman(number)}. {name}", 0)
            written = 0
            subs = rng.sample(_SUBSECTIONS, len(_SUBSECTIONS))
            sub_no = 0
            while written < per_section:
                sub_name = subs[sub_no % len(subs)]
                sub_no += 1
                sub = self.heading(f"{sub_no}. {sub_name}", 1)
                count = rng.randint(2, 3)
                lead = [head] if sub_no == 1 else []
                yield [_keep_heading(), *lead, sub, self.para(self.text(rng.randint(3, 5)))]
                for _ in range(count - 1):
                    yield [self.para(self.text(rng.randint(3, 5)))]
                written += count

    def _articles(self) -> Iterator[list[Flowable]]:
        rng = self.rng
        per_chapter = max(2, -(-self.pages * 7 // (2 * len(_CHAPTERS))))  # ~3.5 articles a page
        doc = "Nghị định" if self.plan.symbol == "NĐ" else "Nghị quyết"
        spare_names = _Deck(rng, list(_ARTICLES))
        while True:
            title, article_names = _CHAPTERS[self.chapter % len(_CHAPTERS)]
            self.chapter += 1
            chapter = self.heading(
                f"Chương {_roman(self.chapter)}. {title}",
                0,
                self.styles.chapter,
                markup=f"Chương {_roman(self.chapter)}<br/>{escape(title)}",
            )
            for index in range(per_chapter):
                self.article += 1
                self.clause = 0
                name = article_names[index] if index < len(article_names) else spare_names.draw(1)[0]
                article = self.heading(f"Điều {self.article}. {name}", 1)
                if self.article == 1:
                    subject = self.plan.subject.removeprefix("Quy định ")
                    body = f"{doc} này quy định {_lower_first(subject)}."
                else:
                    body = self.text(rng.randint(1, 2), self.clauses)
                lead = [chapter] if index == 0 else []
                yield [_keep_heading(), *lead, article, self.clause_para(body)]
                for _ in range(rng.randint(1, 3)):
                    yield [self.clause_para(self.text(rng.randint(1, 2), self.clauses))]

    def clause_para(self, text: str) -> Paragraph:
        self.clause += 1
        return self.para(f"{self.clause}. {text}")

    def _tables(self) -> Iterator[list[Flowable]]:
        rng = self.rng
        names = self.plan.sections
        per_section = max(1, -(-self.pages * 2 // len(names)))  # ~2 tables a page
        periods = (
            "Kết quả trong tháng",
            "Lũy kế từ đầu năm",
            "So với cùng kỳ năm trước",
            "Ước thực hiện cả năm",
        )
        number = 0
        while True:
            number += 1
            head = self.heading(f"{_roman(number)}. {names[(number - 1) % len(names)]}", 0)
            for index in range(per_section):
                sub = self.heading(f"{index + 1}. {periods[index % len(periods)]}", 1)
                note = self.para(self.text(rng.randint(1, 2)))
                lead = [head] if index == 0 else []
                yield [_keep_heading(), *lead, sub, note, self.table()]

    def table(self) -> Table:
        rng = self.rng
        fonts_regular = self.styles.body.fontName
        fonts_bold = self.styles.heading.fontName
        if "investment" in self.plan.topics:
            columns = ("Kế hoạch (tỷ đồng)", "Đã giải ngân (tỷ đồng)")
        elif "reform" in self.plan.topics:
            columns = ("Số thủ tục hành chính", "Đã cắt giảm, đơn giản hóa")
        else:
            columns = ("Kế hoạch", "Thực hiện")
        head_style = ParagraphStyle(
            "th", parent=self.styles.centre, fontName=fonts_bold, fontSize=11, leading=13
        )
        header = [Paragraph(escape(t), head_style) for t in ("STT", "Bộ, cơ quan", *columns, "Tỷ lệ (%)")]
        bodies = [o for o in ORGANISATIONS if o.kind in ("ministry", "ministry_level")]
        chosen = sorted(rng.sample(range(len(bodies)), rng.randint(6, len(bodies))))
        rows: list[list[Any]] = [header]
        total_plan = total_done = 0
        for n, index in enumerate(chosen, start=1):
            planned = rng.randint(800, 48_000)
            done = int(planned * rng.uniform(0.3, 0.97))
            total_plan += planned
            total_done += done
            rows.append(
                [str(n), bodies[index].name, _thousands(planned), _thousands(done), _percent(done, planned)]
            )
        rows.append(
            [
                "",
                "Tổng cộng",
                _thousands(total_plan),
                _thousands(total_done),
                _percent(total_done, total_plan),
            ]
        )
        table = Table(
            rows, colWidths=[14 * mm, 66 * mm, 30 * mm, 32 * mm, 23 * mm], repeatRows=1, spaceAfter=8
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts_regular, 11, 13),
                    ("FONT", (0, -1), (-1, -1), fonts_bold, 11, 13),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (0, 1), (0, -1), "CENTER"),
                    ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def fillers(self) -> Iterator[Paragraph]:
        """Short paragraphs that top up the last page when the next chunk would not fit."""
        while True:
            if self.plan.symbol in ("NĐ", "NQ") and self.article:
                yield self.clause_para(self.text(1, self.clauses))
            else:
                yield self.para(self.text(self.rng.randint(1, 2)))


def _keep_heading() -> CondPageBreak:
    """A heading starts a new page unless it and two lines of its text fit on this one."""
    return CondPageBreak(_HEADING_ROOM)


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}".replace(".", ",") if whole else "-"


# --- first page and closing ---------------------------------------------------------------------------------


def _opening(plan: _DocPlan, writer: _Writer, fonts: FontSet, classification: str) -> list[Flowable]:
    styles = writer.styles
    presenter = plan.presenter.name
    story: list[Flowable] = []
    if plan.symbol == "PL":
        story += [
            Spacer(1, 22 if _MARKS.get(classification) else 0),
            Paragraph("Phụ lục", ParagraphStyle("pl", parent=styles.doc_type, fontSize=14)),
            Paragraph(escape(plan.subject.upper()), styles.subject),
            Paragraph(
                escape(
                    f"(Kèm theo Báo cáo số {plan.number.removeprefix('Số: ')} {_date_text(plan.date)} "
                    f"của {presenter})"
                ),
                ParagraphStyle("pl_ref", parent=styles.centre, fontName=fonts.italic),
            ),
            HRFlowable(width="30%", thickness=0.6, color=colors.black, spaceBefore=5, spaceAfter=10),
            writer.para(
                "Số liệu trong Phụ lục được tổng hợp từ báo cáo của các bộ, cơ quan ngang bộ và địa phương theo "
                "các nghị định hướng dẫn hiện hành, bao gồm cả kế hoạch vốn đầu tư công đã được giao.",
                styles.italic,
            ),
        ]
        return story
    story.append(_Letterhead(plan, fonts, classification))
    story.append(Spacer(1, 10))
    story.append(Paragraph(escape(plan.doc_type), styles.doc_type))
    story.append(Paragraph(escape(plan.subject), styles.subject))
    story.append(HRFlowable(width="25%", thickness=0.6, color=colors.black, spaceBefore=5, spaceAfter=8))
    if plan.symbol in ("NĐ", "NQ"):
        doc = "Nghị định" if plan.symbol == "NĐ" else "Nghị quyết"
        bases = [
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;",
            f"Theo đề nghị của {plan.presenter.head_title};",
        ]
        story += [writer.para(b, styles.italic) for b in bases]
        story.append(writer.para(f"Chính phủ ban hành {doc} {_lower_first(plan.subject)}.", styles.italic))
        return story
    if plan.symbol == "TTr":
        story.append(Paragraph("Kính gửi: Chính phủ.", styles.centre))
        intro = (
            f"Thực hiện Chương trình công tác năm {plan.date[2]} của Chính phủ, {presenter} đã chủ trì, phối hợp "
            f"với các bộ, cơ quan liên quan xây dựng hồ sơ {_lower_first(plan.subject)}. Hồ sơ đã được rà soát "
            "bảo đảm thống nhất với các luật, nghị định hiện hành, trong đó có các quy định về quản lý vốn đầu tư "
            f"công. {presenter} kính trình Chính phủ như sau:"
        )
    else:
        intro = (
            "Thực hiện Quy chế làm việc của Chính phủ và chỉ đạo của Thủ tướng Chính phủ, "
            f"{presenter} báo cáo {_lower_first(plan.subject)} như sau. Báo cáo đã tổng hợp kết quả thực hiện "
            "các luật, nghị định, nghị quyết của Chính phủ và tình hình giải ngân vốn đầu tư công của các bộ, "
            "ngành, địa phương."
        )
    story.append(writer.para(intro))
    return story


def _closing(plan: _DocPlan, writer: _Writer) -> list[Flowable]:
    styles = writer.styles
    presenter = plan.presenter.name
    story: list[Flowable] = []
    if plan.symbol == "PL":
        note = (
            f"Ghi chú: Số liệu tính đến {_date_text(plan.date)}; các bộ, cơ quan chịu trách nhiệm về tính chính "
            "xác của số liệu báo cáo."
        )
        return [writer.para(note, styles.italic)]
    subject = _lower_first(plan.subject)
    if plan.symbol in ("NĐ", "NQ"):
        doc = "Nghị định" if plan.symbol == "NĐ" else "Nghị quyết"
        chapter = writer.chapter + 1
        first = writer.article + 1
        story += [
            writer.heading(
                f"Chương {_roman(chapter)}. ĐIỀU KHOẢN THI HÀNH",
                0,
                styles.chapter,
                markup=f"Chương {_roman(chapter)}<br/>ĐIỀU KHOẢN THI HÀNH",
            ),
            writer.heading(f"Điều {first}. Hiệu lực thi hành", 1),
            writer.para(f"1. {doc} này có hiệu lực thi hành kể từ ngày ký ban hành."),
            writer.para(
                "2. Bãi bỏ các quy định tại các nghị định, quyết định của Chính phủ, Thủ tướng Chính phủ trái với "
                f"{doc} này. Các dự án đầu tư công đã được phê duyệt trước ngày {doc} này có hiệu lực thi hành "
                "tiếp tục thực hiện theo quy định tại thời điểm phê duyệt."
            ),
            writer.heading(f"Điều {first + 1}. Trách nhiệm thi hành", 1),
            writer.para(
                "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban "
                "nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan, tổ chức, cá nhân có liên quan "
                f"chịu trách nhiệm thi hành {doc} này./."
            ),
        ]
        recipients = [
            "- Ban Bí thư Trung ương Đảng;",
            "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
            "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
            "- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;",
            "- Văn phòng Quốc hội;",
            "- VPCP: BTCN, các PCN, Cổng TTĐT;",
            f"- Lưu: VT, {plan.presenter.code} (2b).",
        ]
    elif plan.symbol == "TTr":
        story.append(
            writer.para(
                f"Trên đây là Tờ trình về {subject}, {presenter} kính trình Chính phủ xem xét, quyết định./."
            )
        )
        recipients = [
            "- Như trên;",
            "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
            "- Văn phòng Chính phủ;",
            "- Bộ Tư pháp;",
            "- Lưu: VT, PC.",
        ]
    else:
        story.append(
            writer.para(
                f"Trên đây là báo cáo của {plan.issuer.name} về {subject}, kính trình Chính phủ xem xét, chỉ đạo./."
            )
        )
        recipients = [
            "- Chính phủ (để báo cáo);",
            "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
            "- Văn phòng Chính phủ;",
            f"- {presenter};" if plan.issuer.code != plan.presenter.code else "- Các bộ, cơ quan ngang bộ;",
            "- Lưu: VT, TH.",
        ]
    left: list[Flowable] = [Paragraph("Nơi nhận:", styles.recipients_head)]
    left += [Paragraph(escape(r), styles.recipients) for r in recipients]
    right: list[Flowable] = [
        Paragraph(plan.issuer.signer, styles.signer),
        Spacer(1, 62),
        Paragraph(escape(plan.issuer.head_name), styles.signer),
    ]
    signature = Table(
        [[left, right]],
        colWidths=[_FRAME_W * 0.5, _FRAME_W * 0.5],
        style=TableStyle(
            [
                # Cells hold flowables, but the table still sets its cell font: keep it ours, not Helvetica.
                ("FONT", (0, 0), (-1, -1), styles.body.fontName, _BODY_SIZE, _LEADING),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
        spaceBefore=10,
    )
    story.append(signature)
    return story


# --- the document -------------------------------------------------------------------------------------------


def render_dossier(
    kind: str,
    title: str,
    presenter: str,
    pages: int,
    session_title: str,
    seed: int,
    classification: str = "normal",
) -> bytes:
    """A generated Vietnamese administrative PDF of exactly ``pages`` A4 pages.

    ``kind`` is a document kind (submission, draft, appraisal, annex); ``presenter`` the presenting body's
    name or code ("Bộ Tài chính" or "BTC"); ``session_title`` supplies the month and year of the date
    ("Phiên họp Chính phủ thường kỳ tháng 11 năm 2026"). The same arguments always give the same bytes.
    """
    if pages < 1:
        raise ValueError("a dossier has at least one page")
    title = unicodedata.normalize("NFC", title)
    fonts = register_fonts()
    styles = _styles(fonts)
    for strict in (False, True):
        data, count = _build(
            kind, title, presenter, pages, session_title, seed, classification, fonts, styles, strict
        )
        if count == pages:
            return data
    # Only the fixed parts (letterhead, title, closing) can overflow: they need more pages than were asked for.
    raise ValueError(f"{title!r} needs more than {pages} page(s): its first page and closing make {count}")


def _build(
    kind: str,
    title: str,
    presenter: str,
    pages: int,
    session_title: str,
    seed: int,
    classification: str,
    fonts: FontSet,
    styles: _Styles,
    strict: bool,
) -> tuple[bytes, int]:
    rng = random.Random(seed)
    plan = _plan(kind, title, presenter, session_title, rng)
    writer = _Writer(plan, styles, rng, pages)
    mark = _MARKS.get(classification, "")
    opening = _opening(plan, writer, fonts, classification)

    def closing() -> list[Flowable]:
        return _closing(plan, writer)

    def first_page(canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.showOutline()
        if plan.symbol in ("NĐ", "NQ"):
            _boxed(canv, fonts.bold, 12, "DỰ THẢO", _PAGE_W - _RIGHT - 18 * mm, _PAGE_H - 14 * mm)
        if mark and plan.symbol == "PL":
            _boxed(canv, fonts.bold, 13, mark, _LEFT + 14 * mm, _PAGE_H - _TOP - 16)
        canv.restoreState()

    def later_page(canv: Canvas, doc: Any) -> None:
        canv.saveState()
        canv.setFont(fonts.regular, 13)
        canv.drawCentredString(_LEFT + _FRAME_W / 2, _PAGE_H - 13 * mm, str(doc.page))
        if mark:
            _boxed(canv, fonts.bold, 12, mark, _LEFT + 14 * mm, _PAGE_H - 13 * mm)
        canv.restoreState()

    buffer = BytesIO()
    doc = _DossierTemplate(
        buffer,
        target=pages,
        chunks=writer.chunks(),
        fillers=writer.fillers(),
        closing=closing,
        strict=strict,
        on_first_page=first_page,
        on_later_page=later_page,
        pagesize=A4,
        leftMargin=_LEFT,
        rightMargin=_RIGHT,
        topMargin=_TOP,
        bottomMargin=_BOTTOM,
        title=title,
        author=plan.issuer.name,
        subject=session_title,
        creator="e-Cabinet (demo data)",
        keywords=mark,
        invariant=True,
        lang="vi-VN",
        initialFontName=fonts.regular,
    )
    doc.build([*opening, _Feed()])
    return buffer.getvalue(), doc.pages
