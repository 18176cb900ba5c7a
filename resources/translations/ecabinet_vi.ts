<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AgendaModel</name>
    <message>
        <source>Planned time of each item, counted from the session&apos;s start</source>
        <translation>Thời gian dự kiến của từng nội dung, tính từ giờ bắt đầu phiên họp</translation>
    </message>
    <message>
        <source>Agenda item / document</source>
        <translation>Nội dung / tài liệu</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Cơ quan trình</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Số phút</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>Giờ dự kiến</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Đã thay đổi</translation>
    </message>
    <message>
        <source>You have not opened this document yet</source>
        <translation>Bạn chưa mở tài liệu này</translation>
    </message>
    <message>
        <source>Changed since you read it, or since the session was published</source>
        <translation>Đã thay đổi sau khi bạn đọc, hoặc sau khi phát hành phiên họp</translation>
    </message>
    <message>
        <source>Changed since the session was published</source>
        <translation>Đã thay đổi sau khi phát hành phiên họp</translation>
    </message>
    <message>
        <source>Running total at the end of this item: {minutes} minutes</source>
        <translation>Cộng dồn đến hết nội dung này: {minutes} phút</translation>
    </message>
    <message>
        <source>File: {name} (version {version})</source>
        <translation>Tệp: {name} (phiên bản {version})</translation>
    </message>
</context>
<context>
    <name>Classification</name>
    <message>
        <source>Normal</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation>Tuyệt mật</translation>
    </message>
</context>
<context>
    <name>DocumentKind</name>
    <message>
        <source>Submission</source>
        <translation>Tờ trình</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Appraisal report</source>
        <translation>Báo cáo thẩm tra</translation>
    </message>
    <message>
        <source>Annex</source>
        <translation>Phụ lục</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Tài liệu khác</translation>
    </message>
</context>
<context>
    <name>ErrorDisplay</name>
    <message>
        <source>Something went wrong that e-Cabinet did not expect, and the action was not completed. Copy the details and send them to the secretariat&apos;s IT support.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến, thao tác chưa được thực hiện. Hãy sao chép thông tin chi tiết và gửi cho bộ phận hỗ trợ công nghệ thông tin của Văn phòng Chính phủ.</translation>
    </message>
    <message>
        <source>e-Cabinet</source>
        <translation>e-Cabinet</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Sao &amp;chép chi tiết</translation>
    </message>
    <message>
        <source>Copy the message and its details to the clipboard</source>
        <translation>Sao chép thông báo và thông tin chi tiết vào bộ nhớ tạm</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Create demo data?</source>
        <translation>Tạo dữ liệu mẫu?</translation>
    </message>
    <message>
        <source>This database is empty. e-Cabinet can fill it with demonstration data: the Government&apos;s members and secretariat staff (fictional names) and sessions with their agendas and documents.

Choose No to start with an empty database; you will then be asked for the name of the first secretariat officer.</source>
        <translation>Cơ sở dữ liệu này đang trống. e-Cabinet có thể tạo dữ liệu mẫu để trình diễn: các thành viên Chính phủ và cán bộ Văn phòng Chính phủ (tên giả định), các phiên họp cùng chương trình và tài liệu.

Chọn «Không» để bắt đầu với cơ sở dữ liệu trống; khi đó bạn sẽ được hỏi họ tên của cán bộ Văn phòng Chính phủ đầu tiên.</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>Đang tạo dữ liệu mẫu…</translation>
    </message>
    <message>
        <source>First secretariat officer</source>
        <translation>Cán bộ Văn phòng Chính phủ đầu tiên</translation>
    </message>
    <message>
        <source>Full name of the first secretariat officer (Government Office):</source>
        <translation>Họ và tên cán bộ Văn phòng Chính phủ đầu tiên:</translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Thảo luận</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Thông báo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>e-Cabinet — Government sessions</source>
        <translation>e-Cabinet — Phiên họp Chính phủ</translation>
    </message>
    <message>
        <source>GOVERNMENT · e-Cabinet</source>
        <translation>CHÍNH PHỦ · e-Cabinet</translation>
    </message>
    <message>
        <source>Acting &amp;as:</source>
        <translation>Người &amp;dùng:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Tải &amp;lại</translation>
    </message>
    <message>
        <source>Load the data again (F5)</source>
        <translation>Tải lại dữ liệu (F5)</translation>
    </message>
    <message>
        <source>Choose &amp;profile…</source>
        <translation>Chọn &amp;người dùng…</translation>
    </message>
    <message>
        <source>Choose who is using e-Cabinet (Ctrl+P)</source>
        <translation>Chọn người đang sử dụng e-Cabinet (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>Close e-Cabinet (Ctrl+Q)</source>
        <translation>Đóng e-Cabinet (Ctrl+Q)</translation>
    </message>
    <message>
        <source>&amp;About e-Cabinet</source>
        <translation>&amp;Giới thiệu e-Cabinet</translation>
    </message>
    <message>
        <source>Version and purpose (F1)</source>
        <translation>Phiên bản và mục đích (F1)</translation>
    </message>
    <message>
        <source>No profile chosen</source>
        <translation>Chưa chọn người dùng</translation>
    </message>
    <message>
        <source>Acting as {name} — {role}</source>
        <translation>Người dùng: {name} — {role}</translation>
    </message>
    <message>
        <source>About e-Cabinet</source>
        <translation>Giới thiệu e-Cabinet</translation>
    </message>
    <message>
        <source>e-Cabinet {version}

Paperless Government sessions: agendas, dossiers, opinion ballots, votes and minutes, working offline.

Data: {home}</source>
        <translation>e-Cabinet {version}

Phiên họp Chính phủ không giấy: chương trình, hồ sơ, phiếu lấy ý kiến, biểu quyết và biên bản, làm việc được cả khi không có mạng.

Dữ liệu: {home}</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>Who is using e-Cabinet: every page shows what this person may see (Ctrl+P)</source>
        <translation>Người đang sử dụng e-Cabinet: mỗi trang hiển thị những gì người này được xem (Ctrl+P)</translation>
    </message>
    <message>
        <source>No profile yet</source>
        <translation>Chưa có người dùng</translation>
    </message>
    <message>
        <source>This laptop belongs to one member and always acts as them</source>
        <translation>Máy này thuộc về một thành viên và luôn làm việc với tư cách thành viên đó</translation>
    </message>
    <message>
        <source>Waiting for the first package</source>
        <translation>Chờ gói đầu tiên</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Secretariat leaders</source>
        <translation>Lãnh đạo Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>Secretariat officers</source>
        <translation>Chuyên viên Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>Government members</source>
        <translation>Thành viên Chính phủ</translation>
    </message>
    <message>
        <source>Invited guests</source>
        <translation>Đại biểu mời dự</translation>
    </message>
    <message>
        <source>Secretariat leader</source>
        <translation>Lãnh đạo Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>Secretariat officer</source>
        <translation>Chuyên viên Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>Government member</source>
        <translation>Thành viên Chính phủ</translation>
    </message>
    <message>
        <source>Invited guest</source>
        <translation>Đại biểu mời dự</translation>
    </message>
</context>
<context>
    <name>SessionKind</name>
    <message>
        <source>Regular</source>
        <translation>Thường kỳ</translation>
    </message>
    <message>
        <source>Thematic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <source>Extraordinary</source>
        <translation>Bất thường</translation>
    </message>
    <message>
        <source>Standing members&apos; meeting</source>
        <translation>Họp Thường trực Chính phủ</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Government sessions</source>
        <translation>Phiên họp Chính phủ</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Lọc:</translation>
    </message>
    <message>
        <source>Title, kind, state or chair</source>
        <translation>Tiêu đề, loại, trạng thái hoặc chủ tọa</translation>
    </message>
    <message>
        <source>Show only the sessions whose text contains this (Ctrl+F)</source>
        <translation>Chỉ hiện các phiên họp có chứa nội dung này (Ctrl+F)</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open a session</source>
        <translation>Nhấn Enter hoặc nháy đúp để mở phiên họp</translation>
    </message>
    <message>
        <source>&amp;Open session</source>
        <translation>&amp;Mở phiên họp</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>Phiên họp &amp;mới…</translation>
    </message>
    <message>
        <source>Prepare a new session: details, invitations, then its agenda (Ctrl+N)</source>
        <translation>Chuẩn bị phiên họp mới: thông tin, thành phần mời, rồi chương trình (Ctrl+N)</translation>
    </message>
    <message>
        <source>Choose a profile in the toolbar to see sessions.</source>
        <translation>Hãy chọn người dùng trên thanh công cụ để xem các phiên họp.</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} phiên họp</translation>
    </message>
    <message>
        <source>{shown} of {count} sessions</source>
        <translation>{shown}/{count} phiên họp</translation>
    </message>
</context>
<context>
    <name>SessionState</name>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã phát hành</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang họp</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Minutes approved</source>
        <translation>Đã duyệt biên bản</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Date</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chủ tọa</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>&amp;Back to the sessions</source>
        <translation>&amp;Quay lại danh sách</translation>
    </message>
    <message>
        <source>Back to the list of sessions (Esc)</source>
        <translation>Quay lại danh sách phiên họp (Esc)</translation>
    </message>
    <message>
        <source>&amp;Agenda and documents</source>
        <translation>&amp;Chương trình và tài liệu</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Thời gian:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Địa điểm:</translation>
    </message>
    <message>
        <source>Chair:</source>
        <translation>Chủ tọa:</translation>
    </message>
    <message>
        <source>Planned length:</source>
        <translation>Thời lượng dự kiến:</translation>
    </message>
    <message>
        <source>The session&apos;s state</source>
        <translation>Trạng thái phiên họp</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>Số {number}</translation>
    </message>
    <message>
        <source>(scheduled to end at {time})</source>
        <translation>(lịch định kết thúc lúc {time})</translation>
    </message>
    <message>
        <source>The planned end is the start plus the items&apos; planned minutes</source>
        <translation>Giờ kết thúc dự kiến bằng giờ bắt đầu cộng tổng số phút dự kiến của các nội dung</translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} phút</translation>
    </message>
    <message>
        <source>({hours} h {rest} min)</source>
        <translation>({hours} giờ {rest} phút)</translation>
    </message>
    <message>
        <source>{items} items, {documents} documents</source>
        <translation>{items} nội dung, {documents} tài liệu</translation>
    </message>
    <message>
        <source>The sum of the items&apos; planned minutes, counted from the start</source>
        <translation>Tổng số phút dự kiến của các nội dung, tính từ giờ bắt đầu</translation>
    </message>
    <message>
        <source>For you: {new} new documents, {changed} changed since you read them.</source>
        <translation>Dành cho bạn: {new} tài liệu mới, {changed} tài liệu đã thay đổi sau khi bạn đọc.</translation>
    </message>
    <message>
        <source>For you: {new} new documents.</source>
        <translation>Dành cho bạn: {new} tài liệu mới.</translation>
    </message>
    <message>
        <source>For you: {changed} documents changed since you read them.</source>
        <translation>Dành cho bạn: {changed} tài liệu đã thay đổi sau khi bạn đọc.</translation>
    </message>
    <message>
        <source>{count} items and documents changed since the session was published; the members see them marked as changed.</source>
        <translation>{count} nội dung và tài liệu đã thay đổi sau khi phát hành phiên họp; thành viên sẽ thấy chúng được đánh dấu là đã thay đổi.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <source>Government sessions: agendas and documents</source>
        <translation>Phiên họp Chính phủ: chương trình và tài liệu</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Language and data folders</source>
        <translation>Ngôn ngữ và thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Ngôn ngữ giao diện:</translation>
    </message>
    <message>
        <source>The language of menus, labels and messages; it changes at once</source>
        <translation>Ngôn ngữ của menu, nhãn và thông báo; thay đổi ngay lập tức</translation>
    </message>
    <message>
        <source>Data of this installation</source>
        <translation>Dữ liệu của bản cài đặt này</translation>
    </message>
    <message>
        <source>Home folder:</source>
        <translation>Thư mục dữ liệu:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <source>Preferences file:</source>
        <translation>Tệp cấu hình:</translation>
    </message>
</context>
</TS>
