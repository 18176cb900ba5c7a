<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AnswerForm</name>
    <message>
        <source>&amp;Send answers</source>
        <translation>&amp;Gửi ý kiến</translation>
    </message>
    <message>
        <source>Send your answers to the secretariat</source>
        <translation>Gửi ý kiến trả lời đến Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>Send your answers to the secretariat (Ctrl+Enter)</source>
        <translation>Gửi ý kiến trả lời đến Văn phòng Chính phủ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>&amp;Hoàn tác thay đổi</translation>
    </message>
    <message>
        <source>Show your answers as last sent</source>
        <translation>Hiện lại ý kiến như lần gửi gần nhất</translation>
    </message>
    <message>
        <source>Choose a ballot in the list</source>
        <translation>Chọn một phiếu trong danh sách</translation>
    </message>
    <message>
        <source>Deadline: {deadline}</source>
        <translation>Hạn trả lời: {deadline}</translation>
    </message>
    <message>
        <source>Agenda item: {title}</source>
        <translation>Nội dung: {title}</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Tài liệu:</translation>
    </message>
    <message>
        <source>The ballot is closed: your answers are final.</source>
        <translation>Phiếu đã kết thúc: ý kiến của bạn là chính thức.</translation>
    </message>
    <message>
        <source>The deadline ({deadline}) has passed: your answers are final.</source>
        <translation>Đã hết hạn trả lời ({deadline}): ý kiến của bạn là chính thức, không thể sửa nữa.</translation>
    </message>
    <message>
        <source>The deadline ({deadline}) has passed without an answer from you.</source>
        <translation>Đã hết hạn trả lời ({deadline}) mà bạn chưa gửi ý kiến.</translation>
    </message>
    <message>
        <source>Changes not sent yet.</source>
        <translation>Có thay đổi chưa gửi.</translation>
    </message>
    <message>
        <source>Answers sent. You can change them until {deadline}.</source>
        <translation>Đã gửi ý kiến. Bạn có thể sửa đến {deadline}.</translation>
    </message>
    <message>
        <source>Please answer every question by {deadline}.</source>
        <translation>Đề nghị trả lời tất cả các câu hỏi trước {deadline}.</translation>
    </message>
    <message>
        <source>Send answers</source>
        <translation>Gửi ý kiến</translation>
    </message>
    <message>
        <source>Choose an answer to at least one question first.</source>
        <translation>Hãy chọn ý kiến cho ít nhất một câu hỏi trước.</translation>
    </message>
    <message>
        <source>Answers sent at {time}.</source>
        <translation>Đã gửi ý kiến lúc {time}.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Invited as</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Giờ đến</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Đã ra về</translation>
    </message>
    <message>
        <source>Reason or deputy</source>
        <translation>Lý do hoặc người dự thay</translation>
    </message>
    <message>
        <source>Deputy: {name}</source>
        <translation>Người dự thay: {name}</translation>
    </message>
    <message>
        <source>votes</source>
        <translation>có quyền biểu quyết</translation>
    </message>
    <message>
        <source>does not vote</source>
        <translation>không biểu quyết</translation>
    </message>
    <message>
        <source>In the room: counts towards the quorum</source>
        <translation>Có mặt: được tính vào túc số</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>A&amp;ttendance</source>
        <translation>Đ&amp;iểm danh</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Mark present: arrived now</source>
        <translation>Ghi có mặt: đến lúc này</translation>
    </message>
    <message>
        <source>Absent…</source>
        <translation>Vắng mặt…</translation>
    </message>
    <message>
        <source>Mark absent, with the reason</source>
        <translation>Ghi vắng mặt, kèm lý do</translation>
    </message>
    <message>
        <source>Represented…</source>
        <translation>Cử người dự thay…</translation>
    </message>
    <message>
        <source>A deputy attends in the member&apos;s place (does not vote or count for the quorum)</source>
        <translation>Người dự thay dự họp thay thành viên (không biểu quyết, không tính vào túc số)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Ra về</translation>
    </message>
    <message>
        <source>Left the room now</source>
        <translation>Rời phòng họp lúc này</translation>
    </message>
    <message>
        <source>P present · A absent · R represented by a deputy · L left the room (on the selected rows)</source>
        <translation>P có mặt · A vắng mặt · R cử người dự thay · L ra về (áp dụng cho các dòng đang chọn)</translation>
    </message>
    <message>
        <source>Keys: P present · A absent · R represented · L left</source>
        <translation>Phím: P có mặt · A vắng mặt · R người dự thay · L ra về</translation>
    </message>
    <message>
        <source>The secretariat and the chair keep the attendance.</source>
        <translation>Văn phòng Chính phủ và chủ tọa điểm danh.</translation>
    </message>
    <message>
        <source>{invited} invited · {here} in the room · {absent} absent · {represented} represented · {unknown} not recorded</source>
        <translation>{invited} được mời · {here} có mặt · {absent} vắng · {represented} dự thay · {unknown} chưa điểm danh</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Reason for the absence of {names}:</source>
        <translation>Lý do vắng mặt của {names}:</translation>
    </message>
    <message>
        <source>Represented by a deputy</source>
        <translation>Cử người dự thay</translation>
    </message>
    <message>
        <source>Full name and title of the deputy attending for {names}:</source>
        <translation>Họ tên, chức vụ người dự họp thay {names}:</translation>
    </message>
</context>
<context>
    <name>AttendanceStatus</name>
    <message>
        <source>Not recorded</source>
        <translation>Chưa điểm danh</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Represented</source>
        <translation>Cử người dự thay</translation>
    </message>
</context>
<context>
    <name>BallotDialog</name>
    <message>
        <source>Edit opinion ballot</source>
        <translation>Sửa phiếu lấy ý kiến</translation>
    </message>
    <message>
        <source>New opinion ballot</source>
        <translation>Phiếu lấy ý kiến mới</translation>
    </message>
    <message>
        <source>&amp;Session:</source>
        <translation>&amp;Phiên họp:</translation>
    </message>
    <message>
        <source>Agenda &amp;item:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tiêu đề:</translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation>&amp;Câu hỏi:</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>Tài liệ&amp;u:</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>&amp;Danh sách nhận phiếu:</translation>
    </message>
    <message>
        <source>Dead&amp;line:</source>
        <translation>&amp;Hạn trả lời:</translation>
    </message>
    <message>
        <source>The session whose agenda item the ballot asks about</source>
        <translation>Phiên họp có nội dung cần lấy ý kiến</translation>
    </message>
    <message>
        <source>The agenda item asked about, or none for a ballot on its own</source>
        <translation>Nội dung cần lấy ý kiến, hoặc để trống nếu phiếu không gắn với nội dung nào</translation>
    </message>
    <message>
        <source>The item&apos;s title when left empty</source>
        <translation>Để trống thì dùng tên nội dung</translation>
    </message>
    <message>
        <source>One question per line</source>
        <translation>Mỗi dòng một câu hỏi</translation>
    </message>
    <message>
        <source>One question per line; each is answered Agree, Disagree or Other</source>
        <translation>Mỗi dòng một câu hỏi; mỗi câu được trả lời Đồng ý, Không đồng ý hoặc Ý kiến khác</translation>
    </message>
    <message>
        <source>The documents asked about, pinned to their current version (Space)</source>
        <translation>Tài liệu xin ý kiến, cố định ở phiên bản hiện tại (phím cách để chọn)</translation>
    </message>
    <message>
        <source>Who is asked for an opinion (Space ticks or clears a name)</source>
        <translation>Những người được lấy ý kiến (phím cách để chọn hoặc bỏ chọn)</translation>
    </message>
    <message>
        <source>All &amp;voting members</source>
        <translation>Tất cả thành viên có quyền &amp;biểu quyết</translation>
    </message>
    <message>
        <source>Tick every Government member with a voting right</source>
        <translation>Chọn mọi thành viên Chính phủ có quyền biểu quyết</translation>
    </message>
    <message>
        <source>Clear a&amp;ll</source>
        <translation>&amp;Xóa hết lựa chọn</translation>
    </message>
    <message>
        <source>Clear every name</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <source>Answers are taken until this moment; after it they are final</source>
        <translation>Nhận ý kiến đến thời điểm này; sau đó ý kiến là chính thức</translation>
    </message>
    <message>
        <source>The ballot is saved as a draft; it is sent only after a secretariat leader approves it.</source>
        <translation>Phiếu được lưu ở trạng thái dự thảo; chỉ được gửi sau khi lãnh đạo Vụ phê duyệt.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Save the ballot (Enter)</source>
        <translation>Lưu phiếu (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Đóng, không lưu (Esc)</translation>
    </message>
    <message>
        <source>(no session)</source>
        <translation>(không thuộc phiên họp)</translation>
    </message>
    <message>
        <source>{name} (no vote)</source>
        <translation>{name} (không có quyền biểu quyết)</translation>
    </message>
    <message>
        <source>(none: a ballot on its own)</source>
        <translation>(không: phiếu độc lập)</translation>
    </message>
    <message>
        <source>The ballot&apos;s title</source>
        <translation>Tiêu đề phiếu</translation>
    </message>
</context>
<context>
    <name>BallotFlag</name>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
</context>
<context>
    <name>BallotPanel</name>
    <message>
        <source>Agenda item:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Hạn trả lời:</translation>
    </message>
    <message>
        <source>Drafted and approved by:</source>
        <translation>Người soạn, người duyệt:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Quy tắc:</translation>
    </message>
    <message>
        <source>Returned because:</source>
        <translation>Lý do trả lại:</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>Change a draft or returned ballot</source>
        <translation>Sửa phiếu dự thảo hoặc phiếu bị trả lại</translation>
    </message>
    <message>
        <source>Su&amp;bmit</source>
        <translation>&amp;Trình duyệt</translation>
    </message>
    <message>
        <source>Hand the ballot to a secretariat leader</source>
        <translation>Trình lãnh đạo Vụ phê duyệt phiếu</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>Phê d&amp;uyệt</translation>
    </message>
    <message>
        <source>Approve the ballot for sending (leaders only)</source>
        <translation>Phê duyệt để gửi phiếu (chỉ lãnh đạo)</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>T&amp;rả lại…</translation>
    </message>
    <message>
        <source>Send the ballot back to its drafter with a reason (leaders only)</source>
        <translation>Trả lại người soạn kèm lý do (chỉ lãnh đạo)</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>&amp;Gửi phiếu</translation>
    </message>
    <message>
        <source>Send the ballot to its recipients</source>
        <translation>Gửi phiếu đến những người được lấy ý kiến</translation>
    </message>
    <message>
        <source>Cl&amp;ose ballot</source>
        <translation>&amp;Kết thúc phiếu</translation>
    </message>
    <message>
        <source>Close after the deadline, or once everyone has answered</source>
        <translation>Kết thúc sau khi hết hạn, hoặc khi mọi người đã trả lời</translation>
    </message>
    <message>
        <source>Pr&amp;int summary…</source>
        <translation>&amp;In báo cáo tổng hợp…</translation>
    </message>
    <message>
        <source>The opinion summary as it prints (Báo cáo tổng hợp ý kiến): preview, print, save as PDF</source>
        <translation>Báo cáo tổng hợp ý kiến như khi in: xem trước, in, lưu thành PDF</translation>
    </message>
    <message>
        <source>&amp;Questions and documents</source>
        <translation>&amp;Câu hỏi và tài liệu</translation>
    </message>
    <message>
        <source>Opinion s&amp;ummary</source>
        <translation>Tổng &amp;hợp ý kiến</translation>
    </message>
    <message>
        <source>Counts, names, comments and the result by the rule</source>
        <translation>Số lượng, danh sách, ý kiến cụ thể và kết quả theo quy tắc</translation>
    </message>
    <message>
        <source>Choose a ballot in the list</source>
        <translation>Chọn một phiếu trong danh sách</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>version {number}, {pages} pages</source>
        <translation>phiên bản {number}, {pages} trang</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Không có tài liệu</translation>
    </message>
    <message>
        <source>Recipients ({count})</source>
        <translation>Người được lấy ý kiến ({count})</translation>
    </message>
    <message>
        <source>The summary starts once the ballot is sent.</source>
        <translation>Báo cáo tổng hợp có sau khi phiếu được gửi.</translation>
    </message>
    <message>
        <source>Final: no answer can change any more</source>
        <translation>Chính thức: không còn ý kiến nào thay đổi được</translation>
    </message>
    <message>
        <source>Provisional: answers are taken until {deadline}</source>
        <translation>Tạm thời: đang nhận ý kiến đến {deadline}</translation>
    </message>
    <message>
        <source>Question {number}</source>
        <translation>Câu {number}</translation>
    </message>
    <message>
        <source>{answered} of {asked} members asked have answered every question; the Government has {total} members with a voting right.</source>
        <translation>{answered}/{asked} thành viên được lấy ý kiến đã trả lời đủ các câu hỏi; Chính phủ có {total} thành viên có quyền biểu quyết.</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Ý kiến cụ thể</translation>
    </message>
    <message>
        <source>recorded by {name}</source>
        <translation>do {name} ghi nhận</translation>
    </message>
    <message>
        <source>Members without an answer ({count})</source>
        <translation>Thành viên chưa trả lời ({count})</translation>
    </message>
    <message>
        <source>Return the ballot</source>
        <translation>Trả lại phiếu</translation>
    </message>
    <message>
        <source>Why is the ballot returned to its drafter?</source>
        <translation>Lý do trả lại phiếu cho người soạn:</translation>
    </message>
    <message>
        <source>Send the ballot</source>
        <translation>Gửi phiếu</translation>
    </message>
    <message>
        <source>Send «{title}» to {count} members? They can answer until {deadline}.</source>
        <translation>Gửi phiếu «{title}» đến {count} thành viên? Thành viên trả lời đến {deadline}.</translation>
    </message>
    <message>
        <source>Preparing the opinion summary…</source>
        <translation>Đang lập báo cáo tổng hợp ý kiến…</translation>
    </message>
    <message>
        <source>Close the ballot</source>
        <translation>Kết thúc phiếu</translation>
    </message>
    <message>
        <source>Close «{title}»? No answer can be given or changed afterwards.</source>
        <translation>Kết thúc phiếu «{title}»? Sau đó không thể gửi hoặc sửa ý kiến nữa.</translation>
    </message>
</context>
<context>
    <name>BallotState</name>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã trình</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
</context>
<context>
    <name>BallotTableModel</name>
    <message>
        <source>Ballot</source>
        <translation>Phiếu lấy ý kiến</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <source>My answer</source>
        <translation>Ý kiến của tôi</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Đã trả lời</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <source>The deadline has passed</source>
        <translation>Đã quá hạn trả lời</translation>
    </message>
    <message>
        <source>The deadline is less than two days away and answers are missing</source>
        <translation>Còn chưa đến hai ngày là hết hạn mà vẫn thiếu ý kiến</translation>
    </message>
</context>
<context>
    <name>InviteRole</name>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Khách mời</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>Live session</source>
        <translation>Phiên họp trực tiếp</translation>
    </message>
    <message>
        <source>The session in progress: attendance, quorum, speakers and votes</source>
        <translation>Phiên họp đang diễn ra: điểm danh, túc số, phát biểu và biểu quyết</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>&amp;Session:</source>
        <translation>&amp;Phiên họp:</translation>
    </message>
    <message>
        <source>The session shown; the one in progress comes first</source>
        <translation>Phiên họp đang hiển thị; phiên họp đang diễn ra được chọn trước</translation>
    </message>
    <message>
        <source>Agenda &amp;item:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
    <message>
        <source>The item whose speakers and votes are shown</source>
        <translation>Nội dung có danh sách phát biểu và biểu quyết đang hiển thị</translation>
    </message>
    <message>
        <source>&amp;Votes</source>
        <translation>&amp;Biểu quyết</translation>
    </message>
    <message>
        <source>Open a vote, record votes, the tally and the result (F8, F9)</source>
        <translation>Mở biểu quyết, ghi nhận phiếu, kết quả kiểm phiếu (F8, F9)</translation>
    </message>
    <message>
        <source>Spea&amp;kers</source>
        <translation>Đăng &amp;ký phát biểu</translation>
    </message>
    <message>
        <source>The queue of speakers on this item (F6 gives the floor, F7 ends)</source>
        <translation>Danh sách đăng ký phát biểu về nội dung này (F6 mời phát biểu, F7 dừng)</translation>
    </message>
    <message>
        <source>Close the live view</source>
        <translation>Đóng màn hình phiên họp trực tiếp</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Đóng cửa sổ này</translation>
    </message>
    <message>
        <source>Live session</source>
        <translation>Phiên họp trực tiếp</translation>
    </message>
    <message>
        <source>Choose a profile in the toolbar.</source>
        <translation>Hãy chọn người sử dụng trên thanh công cụ.</translation>
    </message>
    <message>
        <source>No session to show.</source>
        <translation>Không có phiên họp để hiển thị.</translation>
    </message>
    <message>
        <source>Live session — {title}</source>
        <translation>Phiên họp trực tiếp — {title}</translation>
    </message>
    <message>
        <source>Quorum met</source>
        <translation>Đủ túc số</translation>
    </message>
    <message>
        <source>Quorum not met</source>
        <translation>Chưa đủ túc số</translation>
    </message>
    <message>
        <source>{present} of {total} members with a voting right are in the room; {needed} are needed</source>
        <translation>{present}/{total} thành viên có quyền biểu quyết đang có mặt; cần {needed}</translation>
    </message>
</context>
<context>
    <name>OpenVoteDialog</name>
    <message>
        <source>Replacement vote</source>
        <translation>Biểu quyết thay thế</translation>
    </message>
    <message>
        <source>Open a vote</source>
        <translation>Mở biểu quyết</translation>
    </message>
    <message>
        <source>Agenda item:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>&amp;Motion:</source>
        <translation>&amp;Nội dung biểu quyết:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Hình thức:</translation>
    </message>
    <message>
        <source>Approve: {title}</source>
        <translation>Thông qua: {title}</translation>
    </message>
    <message>
        <source>What the members vote For, Against or Abstain on</source>
        <translation>Vấn đề thành viên biểu quyết Tán thành, Không tán thành hoặc Không biểu quyết</translation>
    </message>
    <message>
        <source>&amp;Open vote: each member&apos;s choice is recorded</source>
        <translation>Biểu quyết &amp;công khai: ghi nhận lựa chọn của từng thành viên</translation>
    </message>
    <message>
        <source>&amp;Secret vote: only who took part is recorded</source>
        <translation>Biểu quyết &amp;kín: chỉ ghi nhận ai đã tham gia</translation>
    </message>
    <message>
        <source>The members in the room with a voting right when the vote opens may vote; the quorum is checked now.</source>
        <translation>Các thành viên có quyền biểu quyết có mặt khi mở biểu quyết được biểu quyết; túc số được kiểm tra ngay lúc này.</translation>
    </message>
    <message>
        <source>It replaces the annulled vote «{motion}» ({reason}).</source>
        <translation>Biểu quyết này thay thế biểu quyết đã hủy «{motion}» ({reason}).</translation>
    </message>
    <message>
        <source>Open &amp;the vote</source>
        <translation>&amp;Mở biểu quyết</translation>
    </message>
    <message>
        <source>Put the motion to the vote (Enter in a field other than the motion)</source>
        <translation>Đưa nội dung ra biểu quyết (Enter khi con trỏ không ở ô nội dung)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>OpinionChoice</name>
    <message>
        <source>Agree</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <source>Other opinion</source>
        <translation>Ý kiến khác</translation>
    </message>
</context>
<context>
    <name>OpinionsPage</name>
    <message>
        <source>Opinions</source>
        <translation>Phiếu lấy ý kiến</translation>
    </message>
    <message>
        <source>Written opinion ballots: drafting, answers and summaries</source>
        <translation>Lấy ý kiến thành viên Chính phủ bằng văn bản: soạn phiếu, trả lời, tổng hợp</translation>
    </message>
    <message>
        <source>Opinion ballots</source>
        <translation>Phiếu lấy ý kiến thành viên Chính phủ</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Xem:</translation>
    </message>
    <message>
        <source>Which ballots the list shows</source>
        <translation>Những phiếu hiển thị trong danh sách</translation>
    </message>
    <message>
        <source>Ne&amp;w ballot…</source>
        <translation>Tạo &amp;phiếu mới…</translation>
    </message>
    <message>
        <source>Draft a new opinion ballot</source>
        <translation>Soạn một phiếu lấy ý kiến mới</translation>
    </message>
    <message>
        <source>Ballot &amp;list</source>
        <translation>&amp;Danh sách phiếu</translation>
    </message>
    <message>
        <source>Overdue ballots are red, those due soon amber; Enter moves to the selected ballot</source>
        <translation>Phiếu quá hạn tô đỏ, sắp đến hạn tô vàng; Enter để chuyển đến phiếu đang chọn</translation>
    </message>
    <message>
        <source>Go to the ballot</source>
        <translation>Chuyển đến phiếu</translation>
    </message>
    <message>
        <source>Move to the selected ballot&apos;s details</source>
        <translation>Chuyển đến nội dung chi tiết của phiếu đang chọn</translation>
    </message>
    <message>
        <source>Choose a profile in the toolbar to see opinion ballots.</source>
        <translation>Hãy chọn người sử dụng trên thanh công cụ để xem phiếu lấy ý kiến.</translation>
    </message>
    <message>
        <source>All ballots</source>
        <translation>Tất cả các phiếu</translation>
    </message>
    <message>
        <source>Needing attention (overdue, due soon)</source>
        <translation>Cần lưu ý (quá hạn, sắp đến hạn)</translation>
    </message>
    <message>
        <source>All my ballots</source>
        <translation>Tất cả phiếu gửi tôi</translation>
    </message>
    <message>
        <source>Needing my answer soon</source>
        <translation>Cần tôi trả lời sớm</translation>
    </message>
    <message>
        <source>Open for answers</source>
        <translation>Đang nhận ý kiến</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>{count} ballots shown; scroll down for more</source>
        <translation>Đang hiển thị {count} phiếu; cuộn xuống để xem thêm</translation>
    </message>
    <message>
        <source>{count} ballots</source>
        <translation>{count} phiếu</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Question {number}</source>
        <translation>Câu {number}</translation>
    </message>
    <message>
        <source>The arrow keys move between the three answers</source>
        <translation>Dùng phím mũi tên để chuyển giữa ba lựa chọn</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Ý kiến cụ thể:</translation>
    </message>
    <message>
        <source>Required with Disagree and Other opinion</source>
        <translation>Bắt buộc khi chọn Không đồng ý hoặc Ý kiến khác</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>không bắt buộc</translation>
    </message>
    <message>
        <source>required</source>
        <translation>bắt buộc</translation>
    </message>
    <message>
        <source>given</source>
        <translation>đã ghi</translation>
    </message>
</context>
<context>
    <name>SpeakersModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>&amp;Queue of speakers:</source>
        <translation>Danh sách &amp;chờ phát biểu:</translation>
    </message>
    <message>
        <source>Ctrl+Up / Ctrl+Down or drag to reorder the waiting; F6 gives the floor, F7 ends the turn</source>
        <translation>Ctrl+Lên / Ctrl+Xuống hoặc kéo thả để sắp xếp người chờ; F6 mời phát biểu, F7 dừng lượt phát biểu</translation>
    </message>
    <message>
        <source>Who speaks now and who waits, in the chair&apos;s order</source>
        <translation>Người đang phát biểu và người đang chờ, theo thứ tự chủ tọa sắp xếp</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <source>Someone invited to the session, to add to the queue</source>
        <translation>Người được mời dự phiên họp, để thêm vào danh sách</translation>
    </message>
    <message>
        <source>&amp;Add to queue</source>
        <translation>&amp;Thêm vào danh sách</translation>
    </message>
    <message>
        <source>Add the person chosen to the queue</source>
        <translation>Thêm người đã chọn vào danh sách đăng ký phát biểu</translation>
    </message>
    <message>
        <source>&amp;Ask to speak</source>
        <translation>&amp;Xin phát biểu</translation>
    </message>
    <message>
        <source>Ask to speak on this item</source>
        <translation>Đăng ký phát biểu về nội dung này</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Rút đăng ký</translation>
    </message>
    <message>
        <source>Withdraw the selected waiting request</source>
        <translation>Rút lượt đăng ký đang chờ được chọn</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move the selected request up the queue</source>
        <translation>Đưa lượt đăng ký được chọn lên trước</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
    <message>
        <source>Move the selected request down the queue</source>
        <translation>Đưa lượt đăng ký được chọn xuống sau</translation>
    </message>
    <message>
        <source>&amp;Give the floor</source>
        <translation>&amp;Mời phát biểu</translation>
    </message>
    <message>
        <source>The selected person starts speaking</source>
        <translation>Người được chọn bắt đầu phát biểu</translation>
    </message>
    <message>
        <source>&amp;End turn</source>
        <translation>&amp;Dừng phát biểu</translation>
    </message>
    <message>
        <source>Whoever speaks stops; the time is kept</source>
        <translation>Người đang phát biểu dừng lại; thời gian được ghi nhận</translation>
    </message>
    <message>
        <source>No one is speaking</source>
        <translation>Không có ai đang phát biểu</translation>
    </message>
    <message>
        <source>Speaking: {name} — {time}</source>
        <translation>Đang phát biểu: {name} — {time}</translation>
    </message>
</context>
<context>
    <name>SpeakingState</name>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Đang phát biểu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã phát biểu</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Đã rút</translation>
    </message>
</context>
<context>
    <name>SummaryPreview</name>
    <message>
        <source>Print preview — {title}</source>
        <translation>Xem trước bản in — {title}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Print the summary (Ctrl+P)</source>
        <translation>In báo cáo (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>Save the summary as a PDF file (Ctrl+S)</source>
        <translation>Lưu báo cáo thành tệp PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Close the preview (Esc)</source>
        <translation>Đóng bản xem trước (Esc)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>VoteChoice</name>
    <message>
        <source>For</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Không biểu quyết</translation>
    </message>
</context>
<context>
    <name>VoteKind</name>
    <message>
        <source>Secret vote</source>
        <translation>Biểu quyết kín</translation>
    </message>
    <message>
        <source>Open vote</source>
        <translation>Biểu quyết công khai</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <source>Vote &amp;history:</source>
        <translation>&amp;Lịch sử biểu quyết:</translation>
    </message>
    <message>
        <source>The votes on this item, latest last</source>
        <translation>Các lượt biểu quyết về nội dung này, lượt mới nhất ở cuối</translation>
    </message>
    <message>
        <source>&amp;Members present with a vote:</source>
        <translation>Thành &amp;viên có mặt có quyền biểu quyết:</translation>
    </message>
    <message>
        <source>Select a member and press 1 For, 2 Against, 3 Abstain to record their vote</source>
        <translation>Chọn thành viên rồi nhấn 1 Tán thành, 2 Không tán thành, 3 Không biểu quyết để ghi nhận phiếu</translation>
    </message>
    <message>
        <source>Who may vote and who has voted</source>
        <translation>Ai được biểu quyết và ai đã biểu quyết</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Ghi nhận:</translation>
    </message>
    <message>
        <source>Record «For» for the selected member</source>
        <translation>Ghi nhận «Tán thành» cho thành viên được chọn</translation>
    </message>
    <message>
        <source>Record «Against» for the selected member</source>
        <translation>Ghi nhận «Không tán thành» cho thành viên được chọn</translation>
    </message>
    <message>
        <source>Record «Abstain» for the selected member</source>
        <translation>Ghi nhận «Không biểu quyết» cho thành viên được chọn</translation>
    </message>
    <message>
        <source>Your vote:</source>
        <translation>Biểu quyết của bạn:</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;Tán thành</translation>
    </message>
    <message>
        <source>Vote For the motion</source>
        <translation>Tán thành nội dung biểu quyết</translation>
    </message>
    <message>
        <source>A&amp;gainst</source>
        <translation>Kh&amp;ông tán thành</translation>
    </message>
    <message>
        <source>Vote Against the motion</source>
        <translation>Không tán thành nội dung biểu quyết</translation>
    </message>
    <message>
        <source>A&amp;bstain</source>
        <translation>Không biểu &amp;quyết</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <source>&amp;Open vote…</source>
        <translation>&amp;Mở biểu quyết…</translation>
    </message>
    <message>
        <source>Put a motion on this item to the vote</source>
        <translation>Đưa một nội dung của mục này ra biểu quyết</translation>
    </message>
    <message>
        <source>&amp;Close vote</source>
        <translation>Kết thú&amp;c biểu quyết</translation>
    </message>
    <message>
        <source>Close the vote and show its result</source>
        <translation>Kết thúc biểu quyết và xem kết quả</translation>
    </message>
    <message>
        <source>A&amp;nnul…</source>
        <translation>&amp;Hủy biểu quyết…</translation>
    </message>
    <message>
        <source>Annul the vote with a reason, then open its replacement</source>
        <translation>Hủy biểu quyết kèm lý do, rồi mở biểu quyết thay thế</translation>
    </message>
    <message>
        <source>Show &amp;result</source>
        <translation>Xem kết q&amp;uả</translation>
    </message>
    <message>
        <source>The result of the closed vote</source>
        <translation>Kết quả của lượt biểu quyết đã kết thúc</translation>
    </message>
    <message>
        <source>No vote on this item yet.</source>
        <translation>Chưa có biểu quyết nào về nội dung này.</translation>
    </message>
    <message>
        <source>Choose an agenda item.</source>
        <translation>Hãy chọn một nội dung.</translation>
    </message>
    <message>
        <source>opened by {name} at {time}</source>
        <translation>do {name} mở lúc {time}</translation>
    </message>
    <message>
        <source>replaces an annulled vote</source>
        <translation>thay thế một biểu quyết đã hủy</translation>
    </message>
    <message>
        <source>annulled: {reason}</source>
        <translation>đã hủy: {reason}</translation>
    </message>
    <message>
        <source>{voted} of {eligible} members have voted</source>
        <translation>{voted}/{eligible} thành viên đã biểu quyết</translation>
    </message>
    <message>
        <source>Secret vote: the counts are shown once the vote is closed.</source>
        <translation>Biểu quyết kín: kết quả chỉ hiển thị khi kết thúc biểu quyết.</translation>
    </message>
    <message>
        <source>The vote was annulled before it closed; it has no counts.</source>
        <translation>Biểu quyết đã bị hủy trước khi kết thúc nên không có kết quả kiểm phiếu.</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Phiếu</translation>
    </message>
    <message>
        <source>You have voted.</source>
        <translation>Bạn đã biểu quyết.</translation>
    </message>
    <message>
        <source>Your vote (the vote is not open):</source>
        <translation>Biểu quyết của bạn (chưa mở biểu quyết):</translation>
    </message>
    <message>
        <source>Cast your vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Vote «{choice}» on «{motion}»? A vote cannot be changed.</source>
        <translation>Biểu quyết «{choice}» đối với «{motion}»? Không thể thay đổi phiếu sau khi đã biểu quyết.</translation>
    </message>
    <message>
        <source>Close the vote</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
    <message>
        <source>Close the vote on «{motion}»? {voted} of {eligible} members have voted.</source>
        <translation>Kết thúc biểu quyết về «{motion}»? {voted}/{eligible} thành viên đã biểu quyết.</translation>
    </message>
    <message>
        <source>Annul the vote</source>
        <translation>Hủy biểu quyết</translation>
    </message>
    <message>
        <source>Why is the vote on «{motion}» annulled? A replacement vote can be opened next.</source>
        <translation>Lý do hủy biểu quyết về «{motion}»? Sau đó có thể mở biểu quyết thay thế.</translation>
    </message>
</context>
<context>
    <name>VoteResultDialog</name>
    <message>
        <source>Vote result</source>
        <translation>Kết quả biểu quyết</translation>
    </message>
    <message>
        <source>closed at {time}</source>
        <translation>kết thúc lúc {time}</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Quy tắc:</translation>
    </message>
    <message>
        <source>Needed to pass:</source>
        <translation>Số phiếu cần để thông qua:</translation>
    </message>
    <message>
        <source>Did not vote:</source>
        <translation>Chưa biểu quyết:</translation>
    </message>
    <message>
        <source>Members in the room when the vote opened:</source>
        <translation>Thành viên có mặt khi mở biểu quyết:</translation>
    </message>
    <message>
        <source>Quorum:</source>
        <translation>Túc số:</translation>
    </message>
    <message>
        <source>No result: the vote was annulled before it closed.</source>
        <translation>Không có kết quả: biểu quyết đã bị hủy trước khi kết thúc.</translation>
    </message>
    <message>
        <source>{threshold} of a base of {base}</source>
        <translation>{threshold} trên cơ sở {base}</translation>
    </message>
    <message>
        <source>annulled: {reason}</source>
        <translation>đã hủy: {reason}</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Close the result (Esc)</source>
        <translation>Đóng kết quả (Esc)</translation>
    </message>
</context>
<context>
    <name>VoteState</name>
    <message>
        <source>Open</source>
        <translation>Đang biểu quyết</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>VotersModel</name>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Voted</source>
        <translation>Đã biểu quyết</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Lựa chọn</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Người ghi nhận</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Rồi</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Chưa</translation>
    </message>
    <message>
        <source>(secret)</source>
        <translation>(kín)</translation>
    </message>
</context>
</TS>
