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
    # Dossier import (ecabinet.agenda.importer): why a file was refused, and the risks of one accepted.
    "file_unreadable": (
        "The file cannot be read: {reason}. Nothing was stored.",
        "Không đọc được tệp: {reason}. Chưa lưu gì.",
    ),
    "pdf_too_large": (
        "The file is too large ({size_mb} MB; the limit is {limit_mb} MB). Nothing was stored.",
        "Tệp quá lớn ({size_mb} MB; giới hạn là {limit_mb} MB). Chưa lưu gì.",
    ),
    "pdf_not_pdf": (
        "This is not a PDF file. Nothing was stored.",
        "Đây không phải tệp PDF. Chưa lưu gì.",
    ),
    "pdf_damaged": (
        "The PDF file is damaged and cannot be read ({reason}). Nothing was stored.",
        "Tệp PDF bị hỏng, không đọc được ({reason}). Chưa lưu gì.",
    ),
    "pdf_encrypted": (
        "The PDF is encrypted, a password is needed to open it. Nothing was stored.",
        "Tệp PDF được mã hóa, cần mật khẩu để mở. Chưa lưu gì.",
    ),
    "pdf_wrong_password": (
        "The password given does not open this encrypted PDF. Nothing was stored.",
        "Mật khẩu đã nhập không mở được tệp PDF mã hóa này. Chưa lưu gì.",
    ),
    "pdf_no_pages": (
        "The PDF has no pages. Nothing was stored.",
        "Tệp PDF không có trang nào. Chưa lưu gì.",
    ),
    "pdf_duplicate": (
        "This file is already attached to the item as «{title}» (version {number}); it was not added again.",
        "Tệp này đã có trong hồ sơ của nội dung với tên «{title}» (phiên bản {number}); không thêm lần nữa.",
    ),
    "pdf_same_as_current": (
        "This file is the same as the current version of «{title}»; no new version was made.",
        "Tệp này giống hệt phiên bản hiện hành của «{title}»; không tạo phiên bản mới.",
    ),
    "pdf_has_attachments": (
        "The PDF carries embedded files ({names}). They are not shown as pages and may hide content or "
        "harmful software: check them before the dossier is distributed.",
        "Tệp PDF có tệp đính kèm bên trong ({names}). Các tệp này không hiện thành trang và có thể chứa nội "
        "dung ẩn hoặc phần mềm độc hại: hãy kiểm tra trước khi phát hành hồ sơ.",
    ),
    "pdf_has_javascript": (
        "The PDF contains JavaScript, which some readers run when the file is opened.",
        "Tệp PDF có chứa mã JavaScript, một số trình đọc sẽ chạy mã này khi mở tệp.",
    ),
    "pdf_has_launch": (
        "The PDF contains an action that opens other files or programs on the reader's computer.",
        "Tệp PDF có lệnh mở tệp hoặc chương trình khác trên máy của người đọc.",
    ),
    "pdf_has_forms": (
        "The PDF has {count} form fields; what is typed into them is not part of the stored document.",
        "Tệp PDF có {count} trường biểu mẫu; nội dung nhập vào các trường này không thuộc tài liệu đã lưu.",
    ),
    "pdf_submits_data": (
        "A form in the PDF can send what is typed into it to {target}.",
        "Biểu mẫu trong tệp PDF có thể gửi nội dung đã nhập tới {target}.",
    ),
    "pdf_decrypted": (
        "The PDF was encrypted; a decrypted copy was stored, so that it can be searched, printed and compiled.",
        "Tệp PDF được mã hóa; đã lưu bản giải mã để có thể tìm kiếm, in và ghép bộ tài liệu.",
    ),
    # The warning code of ecabinet.agenda.sessions.publish_session (DOMAIN.md, Workflows: 3 days' notice).
    "late_publication": (
        "Published less than {days} days before the session starts: members may not have time to read the "
        "dossiers.",
        "Phát hành chưa đủ {days} ngày trước phiên họp: thành viên có thể không đủ thời gian nghiên cứu hồ sơ.",
    ),
    # Board books (ecabinet.bookbuild).
    "bookbuild_not_allowed": (
        "{actor} may not compile the board book of {reader}: only the reader or the secretariat may.",
        "{actor} không được tạo bộ tài liệu của {reader}: chỉ người nhận hoặc Văn phòng Chính phủ được tạo.",
    ),
    "bookbuild_session_hidden": (
        "{reader} cannot see this session yet (it is a draft, or they are not invited), so it has no board "
        "book for them.",
        "{reader} chưa được xem phiên họp này (phiên họp còn là dự thảo hoặc người này không được mời), nên "
        "chưa có bộ tài liệu cho người này.",
    ),
    "bookbuild_empty": (
        "The session has no document with a file for {reader}; the board book would be empty.",
        "Phiên họp chưa có tài liệu nào (có tệp) dành cho {reader}; bộ tài liệu sẽ trống.",
    ),
    "bookbuild_bad_pdf": (
        "The document «{title}» cannot be compiled ({reason}); no board book was written.",
        "Không ghép được tài liệu «{title}» ({reason}); chưa tạo bộ tài liệu.",
    ),
    "bookbuild_encrypted": (
        "The stored file of «{title}» is encrypted; import it again with its password so that a readable "
        "copy is kept. No board book was written.",
        "Tệp đã lưu của «{title}» được mã hóa; hãy nhập lại kèm mật khẩu để lưu bản đọc được. "
        "Chưa tạo bộ tài liệu.",
    ),
    # --- voting and opinions (ecabinet.voting): rules, attendance, votes, ballots, positions, speakers ---
    "rule_unknown": (
        "There is no {kind} rule named «{name}».",
        "Không có quy tắc {kind} nào tên «{name}».",
    ),
    "attendance_closed": (
        "Attendance is taken only for a published session or one in progress; this one is {state}.",
        "Chỉ điểm danh khi phiên họp đã phát hành hoặc đang họp; phiên họp này đang ở trạng thái «{state}».",
    ),
    "not_invited": (
        "{name} is not invited to this session.",
        "{name} không có trong danh sách mời dự phiên họp này.",
    ),
    "represent_member_only": (
        "Only a Government member can be represented by a deputy; {name} is not one.",
        "Chỉ thành viên Chính phủ mới được cử người dự thay; {name} không phải thành viên Chính phủ.",
    ),
    "deputy_required": (
        "Give the name of the deputy who attends in place of {name}.",
        "Cần ghi họ tên người dự họp thay {name}.",
    ),
    "not_in_room": ("{name} is not in the room.", "{name} không có mặt tại phòng họp."),
    "session_not_in_progress": (
        "This is possible only while the session is in progress; it is {state}.",
        "Chỉ làm được việc này khi phiên họp đang diễn ra; phiên họp đang ở trạng thái «{state}».",
    ),
    "quorum_not_met": (
        "The quorum is not met: {present} of {total} members are present, {needed} are needed.",
        "Chưa đủ số thành viên dự họp: có mặt {present}/{total} thành viên, cần {needed}.",
    ),
    "vote_already_open": (
        "Another vote of this session is still open; close it first.",
        "Phiên họp đang có một biểu quyết chưa kết thúc; hãy kết thúc biểu quyết đó trước.",
    ),
    "vote_replace_invalid": (
        "Only an annulled vote on the same item can be replaced; vote {ref} is not one.",
        "Chỉ thay thế được một biểu quyết đã hủy của cùng nội dung; biểu quyết {ref} không phải như vậy.",
    ),
    "vote_already_replaced": (
        "Vote {ref} has already been replaced by another vote.",
        "Biểu quyết {ref} đã được thay thế bằng một biểu quyết khác.",
    ),
    "no_voting_right": ("{name} has no voting right.", "{name} không có quyền biểu quyết."),
    "voter_represented": (
        "{name} is represented by a deputy, and a deputy does not vote.",
        "{name} cử người dự họp thay, mà người dự thay không được biểu quyết.",
    ),
    "voter_absent": (
        "{name} is not in the room and cannot vote.",
        "{name} không có mặt tại phòng họp nên không thể biểu quyết.",
    ),
    "voter_arrived_late": (
        "{name} arrived after this vote was opened and does not take part in it.",
        "{name} đến sau khi bắt đầu biểu quyết nên không tham gia lượt biểu quyết này.",
    ),
    "already_voted": (
        "{name} has already voted on this motion; a vote cannot be cast twice or changed.",
        "{name} đã biểu quyết về nội dung này; không thể biểu quyết lại hay thay đổi phiếu.",
    ),
    "vote_not_open": (
        "The vote is {state}; it takes no more votes.",
        "Biểu quyết đang ở trạng thái «{state}»; không nhận thêm phiếu.",
    ),
    "vote_transition": (
        "A vote that is {state} cannot be {target}.",
        "Không thể {target} biểu quyết đang ở trạng thái «{state}».",
    ),
    "secret_tally_mismatch": (
        "The secret vote cannot be closed: {participants} members took part but {counted} choices were "
        "counted. The database needs checking.",
        "Không thể kết thúc biểu quyết kín: có {participants} thành viên tham gia nhưng đếm được {counted} "
        "phiếu. Cần kiểm tra lại cơ sở dữ liệu.",
    ),
    "votes_locked": (
        "The minutes of this session are approved; its votes can no longer change.",
        "Biên bản phiên họp đã được duyệt; không thể thay đổi các biểu quyết của phiên họp nữa.",
    ),
    "deadline_past": ("The deadline {deadline} has already passed.", "Thời hạn {deadline} đã qua."),
    "ballot_recipient_invalid": (
        "{name} is not a Government member; opinion ballots go to members only.",
        "{name} không phải thành viên Chính phủ; phiếu lấy ý kiến chỉ gửi thành viên Chính phủ.",
    ),
    "ballot_no_recipients": (
        "The ballot has no recipients.",
        "Phiếu lấy ý kiến chưa có người nhận.",
    ),
    "ballot_too_many_questions": (
        "A ballot has at most {limit} questions.",
        "Một phiếu lấy ý kiến có tối đa {limit} câu hỏi.",
    ),
    "ballot_document_other_item": (
        "«{document}» is not a document of this item.",
        "«{document}» không thuộc hồ sơ của nội dung này.",
    ),
    "ballot_document_not_distributed": (
        "«{document}» is classified and {count} of the ballot's recipients are not among its named recipients.",
        "Tài liệu «{document}» có độ mật và {count} người nhận phiếu chưa có tên trong danh sách nhận tài liệu.",
    ),
    "ballot_transition": (
        "A ballot that is {state} cannot be {target}.",
        "Không thể {target} phiếu lấy ý kiến đang ở trạng thái «{state}».",
    ),
    "ballot_self_approval": (
        "{name} drafted this ballot; another secretariat leader must approve it.",
        "{name} là người soạn phiếu này; cần một lãnh đạo khác phê duyệt.",
    ),
    "ballot_not_due": (
        "The ballot cannot be closed before its deadline ({deadline}): {missing} members have not answered "
        "every question yet.",
        "Chưa thể kết thúc phiếu trước thời hạn ({deadline}): còn {missing} thành viên chưa trả lời đủ các câu hỏi.",
    ),
    "ballot_not_open": (
        "The ballot is {state}; it takes no answers.",
        "Phiếu lấy ý kiến đang ở trạng thái «{state}»; không nhận ý kiến trả lời.",
    ),
    "ballot_deadline_passed": (
        "The deadline ({deadline}) has passed: answers can no longer be given or changed.",
        "Đã hết thời hạn trả lời ({deadline}): không thể gửi hoặc sửa ý kiến nữa.",
    ),
    "not_a_recipient": (
        "{name} is not asked for an opinion on this ballot.",
        "{name} không thuộc danh sách được lấy ý kiến của phiếu này.",
    ),
    "comment_required": (
        "A comment is required with the answer «{choice}».",
        "Cần ghi rõ ý kiến khi chọn «{choice}».",
    ),
    "positions_closed": (
        "Positions are stated after the agenda is published and before the session starts; this session is "
        "{state}.",
        "Chỉ nêu ý kiến trước phiên họp sau khi chương trình đã phát hành và trước khi họp; phiên họp này đang "
        "ở trạng thái «{state}».",
    ),
    "speaking_closed": (
        "Requests to speak are taken for a published session or one in progress; this one is {state}.",
        "Chỉ nhận đăng ký phát biểu khi phiên họp đã phát hành hoặc đang họp; phiên họp này đang ở trạng thái "
        "«{state}».",
    ),
    "already_in_queue": (
        "{name} is already in the queue of speakers on this item.",
        "{name} đã có trong danh sách đăng ký phát biểu về nội dung này.",
    ),
    "queue_mismatch": (
        "The new order must list exactly the waiting requests of this item, each once.",
        "Thứ tự mới phải gồm đúng các lượt đăng ký đang chờ của nội dung này, mỗi lượt một lần.",
    ),
    "someone_speaking": (
        "{name} is still speaking; end that turn first.",
        "{name} đang phát biểu; hãy kết thúc lượt phát biểu đó trước.",
    ),
    "speaking_state": (
        "This request to speak is {state}; it cannot be {action}.",
        "Lượt đăng ký phát biểu đang ở trạng thái «{state}»; không thể {action}.",
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
    "reason": ("The reason", "lý do"),
    # --- voting and opinions (ecabinet.voting) ---
    "rule_kind_quorum": ("quorum", "số thành viên dự họp tối thiểu"),
    "rule_kind_majority": ("majority", "biểu quyết thông qua"),
    "voting_time": ("The time", "thời điểm"),
    "needs_time_zone": ("a time zone is needed", "cần ghi múi giờ"),
    "voting_motion": ("The motion", "nội dung biểu quyết"),
    "voting_reason": ("The reason", "lý do"),
    "voting_scope": ("The scope", "phạm vi"),
    "item_or_session": ("give an item or a session, not both", "cần chọn một nội dung hoặc một phiên họp"),
    "ballot_deadline": ("The deadline", "thời hạn trả lời"),
    "ballot_question": ("question", "câu hỏi"),
    "voting_position": ("position", "ý kiến trước phiên họp"),
    "speaking_request": ("request to speak", "lượt đăng ký phát biểu"),
    "record_for_others": (
        "vote or answer on another member's behalf",
        "biểu quyết hoặc trả lời thay thành viên khác",
    ),
    "view_ballot_report": ("see the opinion summary", "xem báo cáo tổng hợp ý kiến"),
    "state_position": ("state a position on this item", "nêu ý kiến về nội dung này"),
    "approve_ballots": ("approve opinion ballots", "phê duyệt phiếu lấy ý kiến"),
    "vote_open": ("open", "đang biểu quyết"),
    "vote_closed": ("closed", "đã kết thúc"),
    "vote_annulled": ("annulled", "đã hủy"),
    "vote_action_close": ("closed", "kết thúc"),
    "vote_action_annul": ("annulled", "hủy"),
    "ballot_draft": ("a draft", "dự thảo"),
    "ballot_submitted": ("submitted", "chờ phê duyệt"),
    "ballot_approved": ("approved", "đã phê duyệt"),
    "ballot_returned": ("returned", "bị trả lại"),
    "ballot_sent": ("sent", "đã gửi"),
    "ballot_closed": ("closed", "đã kết thúc"),
    "ballot_action_submit": ("submitted", "trình duyệt"),
    "ballot_action_approve": ("approved", "phê duyệt"),
    "ballot_action_return": ("returned", "trả lại"),
    "ballot_action_send": ("sent", "gửi"),
    "ballot_action_close": ("closed", "kết thúc"),
    "ballot_action_edit": ("edited", "sửa"),
    "choice_disagree": ("Disagree", "Không đồng ý"),
    "choice_other": ("Other opinion", "Ý kiến khác"),
    "speaking_waiting": ("waiting", "đang chờ"),
    "speaking_speaking": ("speaking", "đang phát biểu"),
    "speaking_done": ("done", "đã phát biểu xong"),
    "speaking_withdrawn": ("withdrawn", "đã rút"),
    "speaking_action_start": ("started", "bắt đầu"),
    "speaking_action_stop": ("stopped", "kết thúc"),
    "speaking_action_withdraw": ("withdrawn", "rút"),
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


# --- sync by export files (ecabinet.sync, ecabinet.security): keys, packages and why one was refused ---------
MESSAGES.update(
    {
        "sync_no_profile": (
            "This installation has no profile yet: run `ecabinet profile init` first.",
            "Máy này chưa được thiết lập hồ sơ: hãy chạy `ecabinet profile init` trước.",
        ),
        "sync_profile_exists": (
            "This installation already has a profile and keys; it stays as it is.",
            "Máy này đã có hồ sơ và khóa; giữ nguyên như cũ.",
        ),
        "sync_keystore_damaged": (
            "The key store {path} is damaged and cannot be read.",
            "Kho khóa {path} bị hỏng, không đọc được.",
        ),
        "sync_keystore_other_installation": (
            "The keys in this home folder belong to another installation than this database.",
            "Khóa trong thư mục này thuộc về một máy khác, không khớp với cơ sở dữ liệu đang mở.",
        ),
        "sync_weak_passphrase": (
            "The passphrase needs at least {minimum} characters.",
            "Mật khẩu bảo vệ khóa phải có ít nhất {minimum} ký tự.",
        ),
        "sync_wrong_passphrase": (
            "The passphrase is wrong; the keys stay locked.",
            "Mật khẩu không đúng; khóa vẫn bị khóa.",
        ),
        "sync_no_passphrase": (
            "A passphrase is needed: set ECABINET_PASSPHRASE or give --passphrase-file.",
            "Cần mật khẩu bảo vệ khóa: đặt biến ECABINET_PASSPHRASE hoặc dùng --passphrase-file.",
        ),
        "sync_key_file_invalid": (
            "The key file cannot be used: {detail}.",
            "Không dùng được tệp khóa này: {detail}.",
        ),
        "sync_key_is_own": (
            "This is this installation's own key.",
            "Đây là khóa của chính máy này.",
        ),
        "sync_key_wrong_role": (
            "The key of a {role} installation cannot be used here: the secretariat exchanges packages with "
            "members' laptops, and a laptop only with the secretariat.",
            "Không dùng được khóa của máy {role} ở đây: Văn phòng Chính phủ trao đổi gói với máy của thành "
            "viên, còn máy của thành viên chỉ trao đổi với Văn phòng Chính phủ.",
        ),
        "sync_key_member_unknown": (
            "The key names member {member}, who is not in this installation's directory.",
            "Khóa ghi tên thành viên {member}, nhưng danh bạ của máy này không có người đó.",
        ),
        "sync_fingerprint_short": (
            "Type at least the first {digits} characters of the fingerprint.",
            "Hãy nhập ít nhất {digits} ký tự đầu của dấu vân tay khóa.",
        ),
        "sync_key_not_found": (
            "No key with fingerprint {fingerprint} is known here; import its key file first.",
            "Máy này không có khóa nào mang dấu vân tay {fingerprint}; hãy nhập tệp khóa trước.",
        ),
        "sync_key_revoked": (
            "The key {fingerprint} was revoked and cannot be trusted again.",
            "Khóa {fingerprint} đã bị thu hồi, không thể tin cậy lại.",
        ),
        "sync_revoke_own": (
            "This installation's own key cannot be revoked here; make new keys with `keys rotate`.",
            "Không thể thu hồi khóa của chính máy này; hãy tạo khóa mới bằng `keys rotate`.",
        ),
        "sync_no_peer_key": (
            "There is no trusted key for {who}: import their key file and confirm its fingerprint first.",
            "Chưa có khóa tin cậy của {who}: hãy nhập tệp khóa và xác nhận dấu vân tay trước.",
        ),
        "sync_ambiguous_peer": (
            "More than one installation is trusted for {who}; revoke the old one first.",
            "Có nhiều máy được tin cậy cho {who}; hãy thu hồi khóa của máy cũ trước.",
        ),
        "sync_classified_needs_encryption": (
            "The package holds classified documents, so it must be encrypted.",
            "Gói có tài liệu mật nên bắt buộc phải mã hóa.",
        ),
        "sync_watermark_failed": (
            "A classified document could not be watermarked ({reason}); no package was written.",
            "Không đóng được dấu tên người nhận lên tài liệu mật ({reason}); chưa tạo gói nào.",
        ),
        "sync_export_cancelled": (
            "The export was cancelled: no package was written and nothing was changed.",
            "Đã hủy xuất gói: không có gói nào được ghi và không có gì thay đổi.",
        ),
        "sync_already_applied": (
            "This package was already applied on {date}; nothing was changed.",
            "Gói này đã được nhập ngày {date}; không có gì thay đổi.",
        ),
        # Refusals of a package: each says which check failed; nothing was changed.
        "sync_unreadable": (
            "The package {path} cannot be read: {reason}. Nothing was changed.",
            "Không đọc được gói {path}: {reason}. Không có gì thay đổi.",
        ),
        "sync_not_a_package": (
            "The file is not an e-Cabinet package ({detail}). Nothing was changed.",
            "Tệp này không phải gói đồng bộ e-Cabinet ({detail}). Không có gì thay đổi.",
        ),
        "sync_damaged": (
            "The package is damaged or incomplete, perhaps cut off while copying ({detail}). "
            "Nothing was changed.",
            "Gói bị hỏng hoặc không đầy đủ, có thể do sao chép bị ngắt giữa chừng ({detail}). "
            "Không có gì thay đổi.",
        ),
        "sync_manifest_invalid": (
            "The package's table of contents cannot be read ({detail}); the file is damaged or was altered. "
            "Nothing was changed.",
            "Không đọc được mục lục của gói ({detail}); tệp bị hỏng hoặc đã bị sửa. Không có gì thay đổi.",
        ),
        "sync_format_newer": (
            "The package was made by a newer e-Cabinet (format {version}; this app reads up to {supported}). "
            "Update the app, then import it again. Nothing was changed.",
            "Gói được tạo bởi phiên bản e-Cabinet mới hơn (định dạng {version}; ứng dụng này đọc được đến "
            "{supported}). Hãy cập nhật ứng dụng rồi nhập lại. Không có gì thay đổi.",
        ),
        "sync_format_unsupported": (
            "The package's format ({version}) is not one this app reads. Nothing was changed.",
            "Ứng dụng không đọc được định dạng gói này ({version}). Không có gì thay đổi.",
        ),
        "sync_too_large": (
            "Part {name} of the package is too large ({size} bytes; at most {limit}). Nothing was changed.",
            "Phần {name} của gói quá lớn ({size} byte; tối đa {limit}). Không có gì thay đổi.",
        ),
        "sync_too_many_entries": (
            "The package has too many parts ({count}; at most {limit}). Nothing was changed.",
            "Gói có quá nhiều phần ({count}; tối đa {limit}). Không có gì thay đổi.",
        ),
        "sync_compressed_entry": (
            "Part {name} of the package is compressed or encrypted by the zip itself, which e-Cabinet never "
            "does. Nothing was changed.",
            "Phần {name} của gói bị nén hoặc mã hóa theo kiểu zip, điều mà e-Cabinet không bao giờ làm. "
            "Không có gì thay đổi.",
        ),
        "sync_unsafe_path": (
            "The package holds a part with an unsafe name ({name}) that points outside the package. "
            "Nothing was changed.",
            "Gói có một phần mang tên không an toàn ({name}), trỏ ra ngoài gói. Không có gì thay đổi.",
        ),
        "sync_unexpected_entry": (
            "The package holds a part that its table of contents does not list ({name}). Nothing was changed.",
            "Gói có một phần không nằm trong mục lục ({name}). Không có gì thay đổi.",
        ),
        "sync_duplicate_entry": (
            "The package holds the part {name} twice. Nothing was changed.",
            "Gói có phần {name} hai lần. Không có gì thay đổi.",
        ),
        "sync_missing_entry": (
            "The part {name} listed in the package's table of contents is missing. Nothing was changed.",
            "Thiếu phần {name} có trong mục lục của gói. Không có gì thay đổi.",
        ),
        "sync_entry_hash": (
            "The part {name} was changed or damaged after the package was signed (its hash does not match). "
            "Nothing was changed.",
            "Phần {name} đã bị sửa đổi hoặc hư hỏng sau khi gói được ký (mã băm không khớp). "
            "Không có gì thay đổi.",
        ),
        "sync_file_hash": (
            "The file {name} inside the package does not match its fingerprint. Nothing was changed.",
            "Tệp {name} trong gói không khớp với mã băm của nó. Không có gì thay đổi.",
        ),
        "sync_bad_signature": (
            "The package was changed after it was signed (the signature does not match). Nothing was changed.",
            "Gói đã bị sửa đổi sau khi ký (chữ ký không khớp). Không có gì thay đổi.",
        ),
        "sync_unknown_key": (
            "The package is signed with a key this installation does not know ({fingerprint}). Import the "
            "sender's key file and confirm its fingerprint first. Nothing was changed.",
            "Gói được ký bằng một khóa mà máy này không biết ({fingerprint}). Hãy nhập tệp khóa của người gửi "
            "và xác nhận dấu vân tay trước. Không có gì thay đổi.",
        ),
        "sync_untrusted_key": (
            "The sender's key {fingerprint} has not been confirmed yet. Compare the fingerprint with the "
            "sender by phone, then trust the key. Nothing was changed.",
            "Khóa của người gửi {fingerprint} chưa được xác nhận. Hãy gọi điện đối chiếu dấu vân tay với người "
            "gửi rồi xác nhận tin cậy khóa. Không có gì thay đổi.",
        ),
        "sync_revoked_key": (
            "The package is signed with the key {fingerprint}, which was revoked on {date}. Nothing was changed.",
            "Gói được ký bằng khóa {fingerprint}, khóa này đã bị thu hồi ngày {date}. Không có gì thay đổi.",
        ),
        "sync_signer_mismatch": (
            "The package claims another sender than the owner of the key that signed it ({fingerprint}). "
            "Nothing was changed.",
            "Gói ghi người gửi khác với chủ của khóa đã ký gói ({fingerprint}). Không có gì thay đổi.",
        ),
        "sync_wrong_recipient": (
            "This package is meant for another installation ({recipient}), not this one. Nothing was changed.",
            "Gói này dành cho một máy khác ({recipient}), không phải máy này. Không có gì thay đổi.",
        ),
        "sync_unknown_recipient_key": (
            "The package was encrypted for a key this installation does not have ({fingerprint}). "
            "Nothing was changed.",
            "Gói được mã hóa cho một khóa mà máy này không có ({fingerprint}). Không có gì thay đổi.",
        ),
        "sync_decrypt_failed": (
            "Part {name} of the package cannot be decrypted with this installation's key. Nothing was changed.",
            "Không giải mã được phần {name} của gói bằng khóa của máy này. Không có gì thay đổi.",
        ),
        "sync_wrong_direction": (
            "A package from a {sender} installation cannot be imported on a {local} installation. "
            "Nothing was changed.",
            "Không thể nhập gói từ máy {sender} vào máy {local}. Không có gì thay đổi.",
        ),
        "sync_replay": (
            "Package number {sequence} from {sender} was already used by another package; this one is a "
            "replay and was refused. Nothing was changed.",
            "Số thứ tự {sequence} của {sender} đã được dùng cho một gói khác; gói này bị từ chối vì là gói "
            "phát lại. Không có gì thay đổi.",
        ),
        "sync_older": (
            "This package (number {sequence}) is older than the last one applied from {sender} (number {last}). "
            "Import the newest package instead. Nothing was changed.",
            "Gói này (số {sequence}) cũ hơn gói đã nhập gần nhất từ {sender} (số {last}). Hãy nhập gói mới "
            "nhất. Không có gì thay đổi.",
        ),
        "sync_bad_ack": (
            "The package confirms our package number {ack}, but only {sent} were ever sent. Nothing was changed.",
            "Gói xác nhận đã nhận gói số {ack} của máy này, nhưng máy này mới gửi {sent} gói. "
            "Không có gì thay đổi.",
        ),
        "sync_record_invalid": (
            "Change record {line} of the package is not valid: {detail}. Nothing was changed.",
            "Bản ghi thay đổi số {line} trong gói không hợp lệ: {detail}. Không có gì thay đổi.",
        ),
        "sync_unknown_table": (
            "Change record {line} names a table packages never carry ({table}). Nothing was changed.",
            "Bản ghi thay đổi số {line} nhắc đến một bảng dữ liệu mà gói không bao giờ mang ({table}). "
            "Không có gì thay đổi.",
        ),
        "sync_table_not_allowed": (
            "Change record {line} would change {table}, which only the secretariat may change. "
            "Nothing was changed.",
            "Bản ghi thay đổi số {line} định sửa {table}, việc chỉ Văn phòng Chính phủ được làm. "
            "Không có gì thay đổi.",
        ),
        "sync_other_member": (
            "Change record {line} would change {table} of another member. Nothing was changed.",
            "Bản ghi thay đổi số {line} định sửa {table} của một thành viên khác. Không có gì thay đổi.",
        ),
        "sync_member_delete": (
            "Change record {line} would delete {table}; a member's package may only withdraw their own "
            "positions. Nothing was changed.",
            "Bản ghi thay đổi số {line} định xóa {table}; gói của thành viên chỉ được rút ý kiến trước phiên "
            "họp của chính mình. Không có gì thay đổi.",
        ),
        "sync_not_visible": (
            "Change record {line} refers to a record this member was not given ({what}). Nothing was changed.",
            "Bản ghi thay đổi số {line} nhắc đến {what} không được gửi cho thành viên này. "
            "Không có gì thay đổi.",
        ),
        "sync_secret_vote": (
            "Change record {line} carries a vote in a secret ballot; secret votes are cast in the meeting "
            "room, never by package. Nothing was changed.",
            "Bản ghi thay đổi số {line} mang phiếu của một cuộc biểu quyết kín; biểu quyết kín chỉ thực hiện "
            "tại phòng họp, không qua gói đồng bộ. Không có gì thay đổi.",
        ),
        "sync_no_vote_right": (
            "Change record {line} carries a vote, but this person does not vote. Nothing was changed.",
            "Bản ghi thay đổi số {line} mang một phiếu biểu quyết, nhưng người này không có quyền biểu quyết. "
            "Không có gì thay đổi.",
        ),
        "sync_missing_reference": (
            "Change record {line} refers to a record that is neither here nor in the package "
            "({column} = {ref}). Nothing was changed.",
            "Bản ghi thay đổi số {line} nhắc đến một bản ghi không có ở máy này cũng như trong gói "
            "({column} = {ref}). Không có gì thay đổi.",
        ),
        "sync_missing_file": (
            "The package lacks the file {sha256} that change record {line} needs. Nothing was changed.",
            "Gói thiếu tệp {sha256} mà bản ghi thay đổi số {line} cần. Không có gì thay đổi.",
        ),
        "sync_unencrypted_classified": (
            "Change record {line} carries classified content in a package that is not encrypted. "
            "Nothing was changed.",
            "Bản ghi thay đổi số {line} mang nội dung mật trong một gói không được mã hóa. "
            "Không có gì thay đổi.",
        ),
        "sync_conflict": (
            "The package's changes contradict the records here ({detail}). Nothing was changed.",
            "Các thay đổi trong gói mâu thuẫn với dữ liệu ở máy này ({detail}). Không có gì thay đổi.",
        ),
        # One change of an applied package recorded as refused; the member sees the same text.
        "sync_late_answer": (
            "The answer to «{ballot}» arrived after the deadline ({deadline}) and was recorded as refused.",
            "Ý kiến trả lời phiếu «{ballot}» đến sau thời hạn ({deadline}) nên được ghi nhận là bị từ chối.",
        ),
        "sync_late_position": (
            "The position on «{item}» arrived after the session had begun and was recorded as refused.",
            "Ý kiến trước phiên họp về «{item}» đến sau khi phiên họp đã bắt đầu nên được ghi nhận là bị "
            "từ chối.",
        ),
        "sync_late_speaking": (
            "The request to speak on «{item}» arrived after the session had ended and was recorded as refused.",
            "Đăng ký phát biểu về «{item}» đến sau khi phiên họp đã kết thúc nên được ghi nhận là bị từ chối.",
        ),
        "sync_vote_final": (
            "The vote on «{motion}» had already been cast; a vote is never changed, so the change was "
            "recorded as refused.",
            "Phiếu biểu quyết về «{motion}» đã được bỏ trước đó; phiếu đã bỏ không thể thay đổi nên thay đổi "
            "này được ghi nhận là bị từ chối.",
        ),
        "sync_not_in_room": (
            "The vote on «{motion}» came from a member not recorded as present when the vote opened; it was "
            "recorded as refused.",
            "Phiếu biểu quyết về «{motion}» của một thành viên không được ghi nhận có mặt khi bắt đầu biểu "
            "quyết nên được ghi nhận là bị từ chối.",
        ),
        "sync_late_vote": (
            "The vote on «{motion}» arrived after the vote had closed and was recorded as refused.",
            "Phiếu biểu quyết về «{motion}» đến sau khi biểu quyết đã kết thúc nên được ghi nhận là bị "
            "từ chối.",
        ),
    }
)
WORDS.update(
    {
        "run_sync": ("run the sync", "thực hiện đồng bộ"),
        "peer:secretariat": ("the secretariat", "Văn phòng Chính phủ"),
        "role:secretariat": ("secretariat", "Văn phòng Chính phủ"),
        "role:member": ("member's", "của thành viên"),
        "key": ("key", "khóa"),
        "table:organisations": ("the organisations", "danh sách cơ quan"),
        "table:members": ("the member directory", "danh bạ thành viên"),
        "table:sessions": ("a session", "phiên họp"),
        "table:invitations": ("the invitations", "danh sách mời họp"),
        "table:agenda_items": ("the agenda", "chương trình phiên họp"),
        "table:documents": ("a document", "tài liệu"),
        "table:document_versions": ("a document's file", "tệp tài liệu"),
        "table:distributions": ("who receives a document", "danh sách nhận tài liệu"),
        "table:opinion_ballots": ("an opinion ballot", "phiếu lấy ý kiến"),
        "table:ballot_questions": ("a ballot's question", "câu hỏi của phiếu lấy ý kiến"),
        "table:ballot_documents": ("a ballot's documents", "tài liệu kèm phiếu lấy ý kiến"),
        "table:ballot_recipients": ("who a ballot is sent to", "danh sách nhận phiếu lấy ý kiến"),
        "table:votes": ("a vote", "cuộc biểu quyết"),
        "table:conclusions": ("a conclusion", "kết luận"),
        "table:sync_notices": ("a sync notice", "thông báo đồng bộ"),
        "table:attendance": ("the attendance", "điểm danh"),
        "table:read_receipts": ("a reading receipt", "xác nhận đã đọc"),
        "table:item_positions": ("a position before the session", "ý kiến trước phiên họp"),
        "table:speaking_requests": ("a request to speak", "đăng ký phát biểu"),
        "table:opinion_answers": ("an opinion answer", "ý kiến trả lời phiếu"),
        "table:vote_casts": ("a vote cast", "phiếu biểu quyết"),
    }
)


# --- minutes and printed outputs (ecabinet.minutes) -------------------------------------------------------------
MESSAGES.update(
    {
        "minutes_locked": (
            "The minutes are approved and locked; open a correction (with its reason) to change them.",
            "Biên bản đã được duyệt và khóa; muốn sửa phải mở đính chính (nêu lý do).",
        ),
        "minutes_not_open": (
            "Minutes are written once the session has begun; this session is {state}.",
            "Chỉ ghi biên bản khi phiên họp đã bắt đầu; phiên họp đang ở trạng thái «{state}».",
        ),
        "minutes_session_not_closed": (
            "The minutes can be approved only after the session is closed; it is {state}.",
            "Chỉ duyệt biên bản sau khi phiên họp kết thúc; phiên họp đang ở trạng thái «{state}».",
        ),
        "minutes_changed": (
            "The minutes changed after you previewed them; preview them again before approving.",
            "Biên bản đã thay đổi sau khi bạn xem trước; hãy xem lại trước khi duyệt.",
        ),
        "minutes_signers_missing": (
            "The minutes need both a chair and a secretary before they can be approved.",
            "Biên bản phải có chủ tọa và thư ký trước khi duyệt.",
        ),
        "minutes_times_missing": (
            "The minutes need the start and end times of the session before they can be approved.",
            "Biên bản phải có thời gian bắt đầu và kết thúc phiên họp trước khi duyệt.",
        ),
        "minutes_times_order": (
            "The session must end after it starts.",
            "Thời gian kết thúc phải sau thời gian bắt đầu phiên họp.",
        ),
        "minutes_unchanged": (
            "The correction changes nothing: the minutes would print exactly as version {number}.",
            "Bản đính chính không thay đổi gì: biên bản in ra giống hệt bản lần {number}.",
        ),
        "minutes_not_approved": (
            "Only approved minutes can be corrected; these are not approved.",
            "Chỉ đính chính được biên bản đã duyệt; biên bản này chưa được duyệt.",
        ),
        "minutes_no_version": (
            "The minutes of this session have not been approved yet.",
            "Biên bản phiên họp này chưa được duyệt.",
        ),
        "minutes_text_too_long": (
            "{field} is too long (at most {limit} characters).",
            "{field} quá dài (tối đa {limit} ký tự).",
        ),
        "report_no_decisions": (
            "No decision item of this session has a conclusion yet, so there is no resolution to draft.",
            "Chưa có nội dung quyết định nào của phiên họp có kết luận, nên chưa thể dự thảo nghị quyết.",
        ),
        "report_no_conclusions": (
            "No item of this session has a conclusion marked for the notice yet.",
            "Chưa có nội dung nào của phiên họp có kết luận cần thông báo.",
        ),
        "report_vote_not_closed": (
            "The vote has no result yet (it is open, or was annulled before closing).",
            "Biểu quyết chưa có kết quả (đang diễn ra hoặc đã bị hủy trước khi kết thúc).",
        ),
    }
)
WORDS.update(
    {
        "minutes_record": ("the minutes", "biên bản"),
        "minutes_version": ("version of the minutes", "bản biên bản"),
        "minutes_draft": ("read or edit the draft minutes", "xem hoặc sửa dự thảo biên bản"),
        "approve_minutes": ("approve the minutes", "duyệt biên bản"),
        "minutes_discussion": ("The discussion summary", "tóm tắt thảo luận"),
        "minutes_conclusion": ("The conclusion", "kết luận"),
        "minutes_opening": ("The opening text", "phần mở đầu"),
        "minutes_closing": ("The closing text", "phần kết thúc"),
        "minutes_subject": ("The subject", "trích yếu"),
        "minutes_place": ("The place", "địa điểm"),
        "minutes_number": ("The number", "số biên bản"),
        "minutes_opened_at": ("The start time", "thời gian bắt đầu"),
        "minutes_closed_at": ("The end time", "thời gian kết thúc"),
        "minutes_holiday": ("A holiday", "ngày nghỉ lễ"),
        "minutes_not_a_field": ("not a field of the minutes", "không phải là mục của biên bản"),
        "minutes_positive_number": ("a whole number from 1", "số nguyên từ 1 trở lên"),
        "table:minutes": ("the minutes", "biên bản"),
        "table:minutes_items": ("the minutes of an item", "biên bản của nội dung"),
        "table:minutes_versions": ("an approved version of the minutes", "bản biên bản đã duyệt"),
    }
)


# --- managing a dossier after import (ecabinet.agenda.documents) ------------------------------------------------
MESSAGES.update(
    {
        "document_in_ballot": (
            "«{title}» cannot be removed: the opinion ballot «{ballot}» asks about it.",
            "Không thể xóa «{title}»: phiếu lấy ý kiến «{ballot}» đang hỏi ý kiến về tài liệu này.",
        ),
        "item_in_ballot": (
            "«{title}» cannot be removed: the opinion ballot «{ballot}» is about it.",
            "Không thể xóa «{title}»: phiếu lấy ý kiến «{ballot}» gắn với nội dung này.",
        ),
        "item_has_record": (
            "«{title}» cannot be removed: members have already stated positions, asked to speak, voted or been "
            "minuted on it.",
            "Không thể xóa «{title}»: thành viên đã nêu ý kiến, đăng ký phát biểu, biểu quyết hoặc đã có biên bản "
            "về nội dung này.",
        ),
        "document_exists": (
            "«{title}» is already in the dossier; it was not put back a second time.",
            "«{title}» đã có trong hồ sơ; không khôi phục thêm lần nữa.",
        ),
    }
)
