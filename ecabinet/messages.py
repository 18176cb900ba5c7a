"""Every user-facing message of the core, in Vietnamese and English, keyed by a stable code."""

from __future__ import annotations

from typing import Any

# code -> (English, Vietnamese). Parameters use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("{what} {ref} was not found.", "Không tìm thấy {what} {ref}."),
    "ambiguous": (
        "{ref} matches more than one {what}; give more of the id.",
        "{ref} khớp với nhiều {what}; hãy nhập dài hơn.",
    ),
    "permission_denied": (
        "{actor} may not {action}.",
        "{actor} không có quyền {action}.",
    ),
    "no_actor": (
        "No acting user was given for this change.",
        "Chưa xác định người thực hiện thay đổi này.",
    ),
    "stale_edit": (
        "{what} was changed by someone else (version {current}, your copy is version {expected}). "
        "Reload it and make your change again.",
        "{what} đã được người khác sửa (phiên bản {current}, bản của bạn là {expected}). "
        "Hãy tải lại rồi sửa lại.",
    ),
    "session_transition": (
        "A session that is {state} cannot be {target}.",
        "Phiên họp đang ở trạng thái «{state}» không thể chuyển sang «{target}».",
    ),
    "session_not_editable": (
        "The session is {state}; its agenda can no longer be changed.",
        "Phiên họp đang ở trạng thái «{state}»; không thể sửa chương trình nữa.",
    ),
    "publish_empty": (
        "A session without agenda items cannot be published.",
        "Không thể phát hành phiên họp chưa có nội dung nào.",
    ),
    "field_required": ("{field} is required.", "Cần nhập {field}."),
    "field_invalid": ("{field} is not valid: {reason}.", "{field} không hợp lệ: {reason}."),
    "subitem_depth": (
        "An agenda item can have sub-items, but a sub-item cannot.",
        "Một nội dung có thể có nội dung con, nhưng nội dung con thì không.",
    ),
    "already_bootstrapped": (
        "This database already has a secretariat officer; sign in as them instead.",
        "Cơ sở dữ liệu đã có cán bộ Văn phòng Chính phủ; hãy đăng nhập bằng tài khoản đó.",
    ),
    "database_newer": (
        "This database was written by a newer version of e-Cabinet ({revision}); update the app.",
        "Cơ sở dữ liệu do phiên bản e-Cabinet mới hơn tạo ra ({revision}); hãy cập nhật ứng dụng.",
    ),
    "database_unreachable": (
        "The database cannot be opened: {reason}",
        "Không mở được cơ sở dữ liệu: {reason}",
    ),
    "demo_exists": (
        "This database already holds data; the demo is only created in an empty database.",
        "Cơ sở dữ liệu đã có dữ liệu; chỉ tạo dữ liệu mẫu trong cơ sở dữ liệu trống.",
    ),
    "blob_missing": (
        "The file {sha256} is missing from the file store.",
        "Thiếu tệp {sha256} trong kho tệp.",
    ),
    "blob_corrupt": (
        "The stored file {sha256} is damaged (its content no longer matches its hash).",
        "Tệp đã lưu {sha256} bị hỏng (nội dung không còn khớp mã băm).",
    ),
    "disk_write_failed": (
        "The file could not be written: {reason}. Nothing was changed.",
        "Không ghi được tệp: {reason}. Chưa có gì bị thay đổi.",
    ),
}

# Names of things and actions, used as parameters above.
WORDS: dict[str, tuple[str, str]] = {
    "session": ("session", "phiên họp"),
    "item": ("agenda item", "nội dung"),
    "document": ("document", "tài liệu"),
    "member": ("member", "thành viên"),
    "organisation": ("organisation", "cơ quan"),
    "ballot": ("opinion ballot", "phiếu lấy ý kiến"),
    "vote": ("vote", "biểu quyết"),
    "manage_sessions": ("prepare sessions", "chuẩn bị phiên họp"),
    "view_session": ("see this session", "xem phiên họp này"),
    "view_document": ("see this document", "xem tài liệu này"),
    "run_session": ("run the session", "điều hành phiên họp"),
    "manage_members": ("manage members", "quản lý thành viên"),
    "view_audit": ("read the audit log", "xem nhật ký kiểm tra"),
    "draft": ("draft", "dự thảo"),
    "published": ("published", "đã phát hành"),
    "in_progress": ("in progress", "đang họp"),
    "closed": ("closed", "đã kết thúc"),
    "minutes_approved": ("minutes approved", "đã duyệt biên bản"),
    "title": ("The title", "tiêu đề"),
    "start": ("The start time", "thời gian bắt đầu"),
    "minutes": ("The planned minutes", "số phút dự kiến"),
    "name": ("The name", "họ tên"),
}


def word(key: str, lang: str) -> str:
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "vi" else pair[0]


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """The message for `code` in `lang` ("vi" or "en"); word-keys among the parameters are translated."""
    en, vi = MESSAGES.get(code, (code, code))
    template = vi if lang == "vi" else en
    values = {k: word(v, lang) if isinstance(v, str) else v for k, v in params.items()}
    try:
        text = template.format(**values)
    except (KeyError, IndexError):
        text = template
    return text[:1].upper() + text[1:]
