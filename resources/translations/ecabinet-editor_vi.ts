<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Add &amp;item</source>
        <translation>Thêm &amp;nội dung</translation>
    </message>
    <message>
        <source>Add an agenda item after the current one</source>
        <translation>Thêm một nội dung vào sau nội dung đang chọn</translation>
    </message>
    <message>
        <source>Add &amp;sub-item</source>
        <translation>Thêm nội dung &amp;con</translation>
    </message>
    <message>
        <source>Add a sub-item under the current item</source>
        <translation>Thêm một nội dung con vào nội dung đang chọn</translation>
    </message>
    <message>
        <source>&amp;Edit item…</source>
        <translation>&amp;Sửa nội dung…</translation>
    </message>
    <message>
        <source>Change the current item&apos;s details</source>
        <translation>Sửa thông tin của nội dung đang chọn</translation>
    </message>
    <message>
        <source>&amp;Remove item</source>
        <translation>&amp;Xóa nội dung</translation>
    </message>
    <message>
        <source>Remove the current item with its sub-items and documents</source>
        <translation>Xóa nội dung đang chọn cùng các nội dung con và tài liệu của nó</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move the current item up</source>
        <translation>Chuyển nội dung đang chọn lên trên</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Chuyển xuốn&amp;g</translation>
    </message>
    <message>
        <source>Move the current item down</source>
        <translation>Chuyển nội dung đang chọn xuống dưới</translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation>Đưa lên cấp &amp;trên</translation>
    </message>
    <message>
        <source>Make the current sub-item an item of its own, after its parent</source>
        <translation>Biến nội dung con đang chọn thành một nội dung riêng, đứng sau nội dung cha</translation>
    </message>
    <message>
        <source>I&amp;ndent</source>
        <translation>Thụt vào cấp &amp;dưới</translation>
    </message>
    <message>
        <source>Make the current item a sub-item of the item above it</source>
        <translation>Biến nội dung đang chọn thành nội dung con của nội dung ngay trên</translation>
    </message>
    <message>
        <source>Add &amp;documents…</source>
        <translation>Thêm tài liệ&amp;u…</translation>
    </message>
    <message>
        <source>Add PDF files to the current item (or drop them on the item)</source>
        <translation>Thêm tệp PDF vào hồ sơ của nội dung đang chọn (hoặc thả tệp vào nội dung)</translation>
    </message>
    <message>
        <source>Re&amp;place document…</source>
        <translation>Th&amp;ay thế tài liệu…</translation>
    </message>
    <message>
        <source>Replace the current document with a new version, giving the reason</source>
        <translation>Thay tài liệu đang chọn bằng phiên bản mới, kèm lý do</translation>
    </message>
    <message>
        <source>Document &amp;properties…</source>
        <translation>Thuộc tính tài l&amp;iệu…</translation>
    </message>
    <message>
        <source>Rename the current document, change its kind or classification, choose who receives it</source>
        <translation>Đổi tên tài liệu đang chọn, đổi loại hoặc độ mật, chọn người nhận</translation>
    </message>
    <message>
        <source>Remo&amp;ve document</source>
        <translation>&amp;Bỏ tài liệu khỏi hồ sơ</translation>
    </message>
    <message>
        <source>Remove the current document, imported by mistake (its files are kept)</source>
        <translation>Xóa tài liệu đang chọn khi đã thêm nhầm (tệp vẫn được giữ lại)</translation>
    </message>
    <message>
        <source>Document &amp;history</source>
        <translation>Lịc&amp;h sử tài liệu</translation>
    </message>
    <message>
        <source>Every version of the current document: who, when and why</source>
        <translation>Mọi phiên bản của tài liệu đang chọn: ai thêm, khi nào và vì sao</translation>
    </message>
    <message>
        <source>&amp;Open document</source>
        <translation>&amp;Mở tài liệu</translation>
    </message>
    <message>
        <source>Read the current document (Enter)</source>
        <translation>Đọc tài liệu đang chọn (Enter)</translation>
    </message>
    <message>
        <source>Items in order with their documents. Drag an item to move it, drop PDF files on an item to add them; Enter opens a document or edits an item</source>
        <translation>Các nội dung theo thứ tự, kèm tài liệu. Kéo một nội dung để chuyển chỗ, thả tệp PDF vào một nội dung để thêm vào hồ sơ; Enter mở tài liệu hoặc sửa nội dung</translation>
    </message>
    <message>
        <source>Items in order; each item&apos;s documents are listed under it. Enter opens a document</source>
        <translation>Các nội dung theo thứ tự; tài liệu của mỗi nội dung nằm ngay dưới nội dung đó. Enter mở tài liệu</translation>
    </message>
    <message>
        <source>Undo the last agenda change</source>
        <translation>Hoàn tác thay đổi gần nhất trong chương trình</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>Làm lại thay đổi vừa hoàn tác</translation>
    </message>
    <message>
        <source>No items yet. Press Insert to add the first item; then drop PDF files on an item.</source>
        <translation>Chưa có nội dung nào. Nhấn Insert để thêm nội dung đầu tiên, sau đó thả tệp PDF vào nội dung để thêm tài liệu.</translation>
    </message>
    <message>
        <source>The agenda has no items yet.</source>
        <translation>Chương trình chưa có nội dung nào.</translation>
    </message>
    <message>
        <source>Add sub-item «{title}»</source>
        <translation>Thêm nội dung con «{title}»</translation>
    </message>
    <message>
        <source>Add item «{title}»</source>
        <translation>Thêm nội dung «{title}»</translation>
    </message>
    <message>
        <source>Edit item «{title}»</source>
        <translation>Sửa nội dung «{title}»</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Xóa nội dung</translation>
    </message>
    <message>
        <source>Remove «{title}» with {subs} sub-items and {documents} documents?

Undo (Ctrl+Z) brings them back, each document with its versions and its recipients.</source>
        <translation>Xóa «{title}» cùng {subs} nội dung con và {documents} tài liệu?

Hoàn tác (Ctrl+Z) sẽ khôi phục lại, mỗi tài liệu đủ các phiên bản và danh sách người nhận.</translation>
    </message>
    <message>
        <source>Edit document «{title}»</source>
        <translation>Sửa tài liệu «{title}»</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Remove «{title}» from the dossier?

Undo (Ctrl+Z) brings it back with its versions and its recipients; its files stay in the file store.</source>
        <translation>Xóa «{title}» khỏi hồ sơ?

Hoàn tác (Ctrl+Z) sẽ khôi phục tài liệu cùng các phiên bản và danh sách người nhận; tệp vẫn được giữ trong kho tệp.</translation>
    </message>
    <message>
        <source>Remove document «{title}»</source>
        <translation>Xóa tài liệu «{title}»</translation>
    </message>
    <message>
        <source>Remove item «{title}»</source>
        <translation>Xóa nội dung «{title}»</translation>
    </message>
    <message>
        <source>Indent «{title}» as a sub-item</source>
        <translation>Chuyển «{title}» thành nội dung con</translation>
    </message>
    <message>
        <source>Outdent «{title}»</source>
        <translation>Đưa «{title}» lên cấp trên</translation>
    </message>
    <message>
        <source>Move item «{title}»</source>
        <translation>Chuyển chỗ nội dung «{title}»</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Document properties</source>
        <translation>Thuộc tính tài liệu</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tên tài liệu:</translation>
    </message>
    <message>
        <source>The document&apos;s name as members see it</source>
        <translation>Tên tài liệu mà các thành viên nhìn thấy</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại tài liệu:</translation>
    </message>
    <message>
        <source>Submission, draft, appraisal report, annex or other</source>
        <translation>Tờ trình, dự thảo, báo cáo thẩm tra, phụ lục hoặc tài liệu khác</translation>
    </message>
    <message>
        <source>&amp;Classification:</source>
        <translation>Độ &amp;mật:</translation>
    </message>
    <message>
        <source>A classified document goes only to the people ticked below</source>
        <translation>Tài liệu mật chỉ gửi đến những người được chọn dưới đây</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>The current version&apos;s file (Ctrl+R replaces it)</source>
        <translation>Tệp của phiên bản hiện hành (Ctrl+R để thay thế)</translation>
    </message>
    <message>
        <source>{name}, version {number}, {pages} pages</source>
        <translation>{name}, phiên bản {number}, {pages} trang</translation>
    </message>
    <message>
        <source>&amp;Recipients (Space ticks):</source>
        <translation>&amp;Người nhận (phím Space để chọn):</translation>
    </message>
    <message>
        <source>Who receives this document; only those invited to the session can open it</source>
        <translation>Những người nhận tài liệu này; chỉ người được mời dự phiên họp mới mở được</translation>
    </message>
    <message>
        <source>{name} (not invited)</source>
        <translation>{name} (không được mời)</translation>
    </message>
    <message>
        <source>&amp;All members</source>
        <translation>Chọn tất cả thành &amp;viên</translation>
    </message>
    <message>
        <source>Tick every Government member (guests stay as they are)</source>
        <translation>Chọn mọi thành viên Chính phủ (khách mời giữ nguyên)</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Bỏ chọn hết</translation>
    </message>
    <message>
        <source>Untick everyone</source>
        <translation>Bỏ chọn tất cả mọi người</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Lư&amp;u</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>{count} of {total} ticked</source>
        <translation>Đã chọn {count}/{total}</translation>
    </message>
    <message>
        <source>A normal document goes to everyone invited (guests only when it is meant for guests); the people ticked here are its readers once it, or its item, is classified.</source>
        <translation>Tài liệu thường được gửi đến mọi người được mời (khách mời chỉ nhận khi tài liệu dành cho khách mời); những người được chọn ở đây sẽ là người đọc khi tài liệu hoặc nội dung của nó được đặt độ mật.</translation>
    </message>
    <message>
        <source>Classified, and nobody is ticked: only the secretariat will see this document.</source>
        <translation>Tài liệu mật chưa chọn người nhận nào: chỉ Văn phòng Chính phủ xem được tài liệu này.</translation>
    </message>
    <message>
        <source>Classified: only the people ticked here, if invited, will see this document.</source>
        <translation>Tài liệu mật: chỉ những người được chọn ở đây, nếu được mời dự họp, mới xem được tài liệu này.</translation>
    </message>
    <message>
        <source>{count} of them are not invited to the session.</source>
        <translation>Trong đó {count} người không được mời dự phiên họp.</translation>
    </message>
</context>
<context>
    <name>DocumentHistoryDialog</name>
    <message>
        <source>Document history</source>
        <translation>Lịch sử tài liệu</translation>
    </message>
    <message>
        <source>«{title}»: {count} versions, the current one last.</source>
        <translation>«{title}»: {count} phiên bản, phiên bản hiện hành ở cuối.</translation>
    </message>
    <message>
        <source>Who added each version, when, and why it replaced the one before</source>
        <translation>Ai thêm từng phiên bản, khi nào, và vì sao thay phiên bản trước</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
</context>
<context>
    <name>DossierImporter</name>
    <message>
        <source>Checking «{name}» ({done} of {total})…</source>
        <translation>Đang kiểm tra «{name}» ({done}/{total})…</translation>
    </message>
    <message>
        <source>Adding documents to «{title}»</source>
        <translation>Thêm tài liệu vào «{title}»</translation>
    </message>
    <message>
        <source>That password does not open «{name}». Try again, or leave it empty to skip the file:</source>
        <translation>Mật khẩu này không mở được «{name}». Hãy nhập lại, hoặc để trống để bỏ qua tệp:</translation>
    </message>
    <message>
        <source>«{name}» is encrypted. Enter its password to add it, or leave it empty to skip it:</source>
        <translation>«{name}» được mã hóa. Nhập mật khẩu để thêm tệp, hoặc để trống để bỏ qua:</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Cần mật khẩu</translation>
    </message>
    <message>
        <source>Replace document</source>
        <translation>Thay thế tài liệu</translation>
    </message>
    <message>
        <source>Why is «{title}» replaced? The reason is kept in its history:</source>
        <translation>Vì sao thay thế «{title}»? Lý do được lưu trong lịch sử tài liệu:</translation>
    </message>
    <message>
        <source>Replacing «{title}»</source>
        <translation>Đang thay thế «{title}»</translation>
    </message>
    <message>
        <source>Document replaced, with warnings</source>
        <translation>Đã thay thế tài liệu, có cảnh báo</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf *.PDF);;All files (*)</source>
        <translation>Tài liệu PDF (*.pdf *.PDF);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>Thêm tài liệu</translation>
    </message>
    <message>
        <source>Choose the new version</source>
        <translation>Chọn phiên bản mới</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Kết quả nhập tài liệu</translation>
    </message>
    <message>
        <source>«{item}»: {added} of {total} files added.</source>
        <translation>«{item}»: đã thêm {added}/{total} tệp.</translation>
    </message>
    <message>
        <source>{count} refused; nothing was stored for them.</source>
        <translation>{count} tệp bị từ chối; không lưu gì từ các tệp này.</translation>
    </message>
    <message>
        <source>Check the warnings before the dossier is distributed.</source>
        <translation>Hãy xem các cảnh báo trước khi phát hành hồ sơ.</translation>
    </message>
    <message>
        <source>The new documents are indexed for search in the background.</source>
        <translation>Tài liệu mới đang được lập chỉ mục tìm kiếm ở chế độ nền.</translation>
    </message>
    <message>
        <source>Each file and what became of it</source>
        <translation>Từng tệp và kết quả nhập</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Co&amp;py report</source>
        <translation>Sao &amp;chép kết quả</translation>
    </message>
    <message>
        <source>Copy the report to the clipboard, to send or keep</source>
        <translation>Sao chép kết quả vào bộ nhớ tạm để gửi hoặc lưu</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Reason or warnings</source>
        <translation>Lý do hoặc cảnh báo</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Đã thêm</translation>
    </message>
    <message>
        <source>Added, with warnings</source>
        <translation>Đã thêm, có cảnh báo</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Not imported: the import was stopped</source>
        <translation>Chưa nhập: đã dừng nhập</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit agenda item {number}</source>
        <translation>Sửa nội dung {number}</translation>
    </message>
    <message>
        <source>New sub-item</source>
        <translation>Nội dung con mới</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>Nội dung mới</translation>
    </message>
    <message>
        <source>A sub-item of «{title}»</source>
        <translation>Nội dung con của «{title}»</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tên nội dung:</translation>
    </message>
    <message>
        <source>What the Government is asked to consider</source>
        <translation>Vấn đề trình Chính phủ xem xét</translation>
    </message>
    <message>
        <source>&amp;Presenter:</source>
        <translation>&amp;Cơ quan trình:</translation>
    </message>
    <message>
        <source>The body that presents the item (cơ quan trình)</source>
        <translation>Cơ quan trình nội dung này</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>Decision, discussion or information</source>
        <translation>Quyết định, thảo luận hoặc thông báo</translation>
    </message>
    <message>
        <source>Planned &amp;minutes:</source>
        <translation>Số &amp;phút dự kiến:</translation>
    </message>
    <message>
        <source>Time planned for the item; the session&apos;s planned end follows from the total</source>
        <translation>Thời gian dự kiến cho nội dung; giờ kết thúc dự kiến của phiên họp tính theo tổng thời gian</translation>
    </message>
    <message>
        <source>&amp;Classification:</source>
        <translation>Độ &amp;mật:</translation>
    </message>
    <message>
        <source>A classified item&apos;s documents go only to the members named for each</source>
        <translation>Tài liệu của nội dung có độ mật chỉ gửi tới những thành viên được chỉ định</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Lư&amp;u</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>&amp;Edit session…</source>
        <translation>&amp;Sửa phiên họp…</translation>
    </message>
    <message>
        <source>Change the title, time, place, chair and invitations</source>
        <translation>Sửa tên, thời gian, địa điểm, chủ tọa và thành phần mời</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Phát hành…</translation>
    </message>
    <message>
        <source>Send the agenda and documents to the invited members; later changes are marked</source>
        <translation>Gửi chương trình và tài liệu tới thành viên được mời; các thay đổi sau đó được đánh dấu</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>&amp;Khai mạc…</translation>
    </message>
    <message>
        <source>The session begins: attendance and votes are possible</source>
        <translation>Bắt đầu phiên họp: có thể điểm danh và biểu quyết</translation>
    </message>
    <message>
        <source>&amp;Close session…</source>
        <translation>&amp;Bế mạc…</translation>
    </message>
    <message>
        <source>The session ends: no more votes; the minutes follow</source>
        <translation>Kết thúc phiên họp: không biểu quyết thêm; tiếp theo là lập biên bản</translation>
    </message>
    <message>
        <source>Publish the session</source>
        <translation>Phát hành phiên họp</translation>
    </message>
    <message>
        <source>Publish «{title}»? The invited members receive its agenda and documents; every later change is marked as changed since publishing.</source>
        <translation>Phát hành «{title}»? Thành viên được mời sẽ nhận chương trình và tài liệu; mọi thay đổi sau đó được đánh dấu là đã thay đổi sau khi phát hành.</translation>
    </message>
    <message>
        <source>Open the session</source>
        <translation>Khai mạc phiên họp</translation>
    </message>
    <message>
        <source>Open «{title}» now? Attendance and votes become possible; the agenda is then fixed.</source>
        <translation>Khai mạc «{title}» ngay bây giờ? Có thể điểm danh và biểu quyết; chương trình không còn sửa được.</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Bế mạc phiên họp</translation>
    </message>
    <message>
        <source>Close «{title}»? No more votes can be recorded; the minutes can then be drafted.</source>
        <translation>Bế mạc «{title}»? Không thể ghi nhận biểu quyết nữa; sau đó có thể dự thảo biên bản.</translation>
    </message>
    <message>
        <source>Session published with a warning</source>
        <translation>Đã phát hành phiên họp, có cảnh báo</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Phiên họp mới</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>Sửa phiên họp</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại phiên họp:</translation>
    </message>
    <message>
        <source>Regular, thematic, extraordinary or standing members</source>
        <translation>Thường kỳ, chuyên đề, bất thường hoặc họp Thường trực Chính phủ</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tên phiên họp:</translation>
    </message>
    <message>
        <source>The session&apos;s title as it appears on every document</source>
        <translation>Tên phiên họp như ghi trên mọi văn bản</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>The minutes&apos; number, if known (— for none)</source>
        <translation>Số biên bản, nếu đã có (— là chưa có)</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Ngày và giờ:</translation>
    </message>
    <message>
        <source>When the session starts (local time)</source>
        <translation>Thời điểm bắt đầu phiên họp (giờ địa phương)</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <source>Where the session is held, or that it is online</source>
        <translation>Nơi họp, hoặc họp trực tuyến</translation>
    </message>
    <message>
        <source>C&amp;hair:</source>
        <translation>&amp;Chủ tọa:</translation>
    </message>
    <message>
        <source>Who chairs: the Prime Minister or a deputy</source>
        <translation>Người chủ tọa: Thủ tướng hoặc Phó Thủ tướng được ủy quyền</translation>
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
        <source>Invited &amp;members (Space ticks):</source>
        <translation>Thành viên được &amp;mời (Space để chọn):</translation>
    </message>
    <message>
        <source>Invited &amp;guests (they speak, never vote):</source>
        <translation>&amp;Khách mời (được phát biểu, không biểu quyết):</translation>
    </message>
    <message>
        <source>Members invited to attend and vote; Space ticks or unticks</source>
        <translation>Thành viên được mời dự họp và biểu quyết; Space để chọn hoặc bỏ chọn</translation>
    </message>
    <message>
        <source>Guests invited to attend; Space ticks or unticks</source>
        <translation>Đại biểu được mời dự họp; Space để chọn hoặc bỏ chọn</translation>
    </message>
    <message>
        <source>Invite &amp;all</source>
        <translation>Mờ&amp;i tất cả</translation>
    </message>
    <message>
        <source>Tick every Government member</source>
        <translation>Chọn mọi thành viên Chính phủ</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Bỏ chọn hết</translation>
    </message>
    <message>
        <source>Untick every Government member</source>
        <translation>Bỏ chọn mọi thành viên Chính phủ</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Lư&amp;u</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>{count} of {total} invited</source>
        <translation>Đã mời {count}/{total}</translation>
    </message>
</context>
<context>
    <name>VersionTableModel</name>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thêm</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>First version</source>
        <translation>Phiên bản đầu tiên</translation>
    </message>
    <message>
        <source>SHA-256: {sha}</source>
        <translation>SHA-256: {sha}</translation>
    </message>
</context>
</TS>
