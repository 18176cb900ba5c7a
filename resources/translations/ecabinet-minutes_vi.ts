<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="100"/>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="101"/>
        <source>Subjec&amp;t:</source>
        <translation>&amp;Trích yếu:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="102"/>
        <source>&amp;Started:</source>
        <translation>&amp;Bắt đầu:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="103"/>
        <source>&amp;Place:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="104"/>
        <source>C&amp;hair:</source>
        <translation>C&amp;hủ tọa:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="105"/>
        <source>Sec&amp;retary:</source>
        <translation>Th&amp;ư ký:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="106"/>
        <source>&amp;Ended:</source>
        <translation>&amp;Kết thúc:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="107"/>
        <source>Recip&amp;ients:</source>
        <translation>&amp;Nơi nhận:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="110"/>
        <source>(the session&apos;s)</source>
        <translation>(theo phiên họp)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="111"/>
        <source>One per line; “Lưu: VT, Hồ sơ.” is always added last</source>
        <translation>Mỗi nơi nhận một dòng; dòng “Lưu: VT, Hồ sơ.” luôn được thêm vào cuối</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="112"/>
        <source>Attendance (from the attendance records)</source>
        <translation>Thành phần tham dự (theo điểm danh)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="125"/>
        <source>(none)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="181"/>
        <source>Present: %1 of %2 members</source>
        <translation>Có mặt: %1/%2 thành viên</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="183"/>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="183"/>
        <source>Represented by a deputy</source>
        <translation>Vắng mặt, cử người dự thay</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/header_form.py" line="183"/>
        <source>Guests</source>
        <translation>Đại biểu mời dự</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="133"/>
        <source>Facts from the session (filled in by e-Cabinet)</source>
        <translation>Thông tin từ phiên họp (e-Cabinet tự điền)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="134"/>
        <source>&amp;Discussion summary</source>
        <translation>Tóm tắt &amp;thảo luận</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="135"/>
        <source>Chair&apos;s conc&amp;lusion</source>
        <translation>&amp;Kết luận của chủ tọa</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="136"/>
        <source>Include in the &amp;notice of conclusions</source>
        <translation>Đưa vào thông &amp;báo kết luận</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="137"/>
        <source>The notice goes out within 5 working days of the session</source>
        <translation>Thông báo kết luận được ban hành trong vòng 5 ngày làm việc sau phiên họp</translation>
    </message>
</context>
<context>
    <name>MinutesFacts</name>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="29"/>
        <source>Presenter:</source>
        <translation>Cơ quan trình:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="30"/>
        <source>Documents:</source>
        <translation>Hồ sơ trình:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="34"/>
        <source>%n without objection</source>
        <translation>
            <numerusform>%n thành viên không có ý kiến khác</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="40"/>
        <source>wish to speak: %1</source>
        <translation>đăng ký phát biểu: %1</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="46"/>
        <source>object: %1</source>
        <translation>không đồng ý: %1</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="51"/>
        <source>Positions before the session:</source>
        <translation>Ý kiến trước phiên họp:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="57"/>
        <source>Opinion ballot «%1»:</source>
        <translation>Phiếu lấy ý kiến «%1»:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="62"/>
        <source>Speakers:</source>
        <translation>Phát biểu tại phiên họp:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="65"/>
        <source>Secret vote</source>
        <translation>Biểu quyết kín</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="67"/>
        <source>Open vote</source>
        <translation>Biểu quyết công khai</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/item_panel.py" line="71"/>
        <source>%1 for, %2 against, %3 abstain</source>
        <translation>%1 tán thành, %2 không tán thành, %3 không biểu quyết</translation>
    </message>
</context>
<context>
    <name>MinutesPage</name>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="164"/>
        <location filename="../../ecabinet/ui/minutes/page.py" line="170"/>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="167"/>
        <source>Minutes of a session and its printed outputs</source>
        <translation>Biên bản phiên họp và các văn bản in</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="171"/>
        <source>&amp;Session:</source>
        <translation>&amp;Phiên họp:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="172"/>
        <source>&amp;Parts of the minutes</source>
        <translation>Các &amp;mục của biên bản</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="173"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="174"/>
        <source>Print and save</source>
        <translation>In và lưu</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="178"/>
        <location filename="../../ecabinet/ui/minutes/page.py" line="370"/>
        <location filename="../../ecabinet/ui/minutes/page.py" line="403"/>
        <source>&amp;Update preview</source>
        <translation>&amp;Cập nhật bản xem trước</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="179"/>
        <source>Render the minutes as they will print</source>
        <translation>Dựng biên bản đúng như khi in</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="183"/>
        <source>&amp;Approve…</source>
        <translation>&amp;Duyệt…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="184"/>
        <source>Approve and lock the minutes (a secretariat leader)</source>
        <translation>Duyệt và khóa biên bản (lãnh đạo Văn phòng Chính phủ)</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="188"/>
        <source>&amp;Correct…</source>
        <translation>Đ&amp;ính chính…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="189"/>
        <source>Open approved minutes for a correction, with its reason</source>
        <translation>Mở biên bản đã duyệt để đính chính, kèm lý do</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="214"/>
        <source>Only the secretariat keeps the minutes.</source>
        <translation>Chỉ Văn phòng Chính phủ ghi biên bản.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="236"/>
        <source>No session has begun yet: minutes are written from the opening of a session.</source>
        <translation>Chưa có phiên họp nào bắt đầu: biên bản được ghi từ khi khai mạc phiên họp.</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="294"/>
        <source>Session details and attendance</source>
        <translation>Thông tin phiên họp và thành phần tham dự</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="309"/>
        <source>Notice of conclusions due by %1</source>
        <translation>Hạn ban hành thông báo kết luận: %1</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="316"/>
        <source>Approved version %1 — SHA-256 %2</source>
        <translation>Bản đã duyệt lần %1 — SHA-256 %2</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="336"/>
        <source>Approved and locked</source>
        <translation>Đã duyệt và khóa</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="338"/>
        <source>Correction: %1</source>
        <translation>Đang đính chính: %1</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="339"/>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="421"/>
        <source>Approve the minutes of «%1»? They will be locked; a later change needs a correction with its reason.</source>
        <translation>Duyệt biên bản «%1»? Biên bản sẽ bị khóa; muốn sửa sau này phải đính chính và nêu lý do.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecabinet/ui/minutes/page.py" line="424"/>
        <source>%n item(s) have no conclusion.</source>
        <translation>
            <numerusform>%n nội dung chưa có kết luận.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="425"/>
        <source>Approve the minutes</source>
        <translation>Duyệt biên bản</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="444"/>
        <source>Correct the minutes</source>
        <translation>Đính chính biên bản</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/page.py" line="444"/>
        <source>Why are the approved minutes corrected?</source>
        <translation>Lý do đính chính biên bản đã duyệt:</translation>
    </message>
</context>
<context>
    <name>OutputsPanel</name>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="81"/>
        <source>Printed outputs</source>
        <translation>Văn bản in</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="83"/>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="84"/>
        <source>Session resolution</source>
        <translation>Nghị quyết phiên họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="85"/>
        <source>Notice of conclusions</source>
        <translation>Thông báo kết luận</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="86"/>
        <source>Attendance sheet</source>
        <translation>Danh sách dự họp</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="87"/>
        <source>Opinion summary of a &amp;ballot:</source>
        <translation>Báo cáo tổng hợp ý kiến của phiế&amp;u:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="88"/>
        <source>Result of a &amp;vote:</source>
        <translation>Kết quả biểu &amp;quyết:</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="92"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="93"/>
        <source>Choose a printer and print this document</source>
        <translation>Chọn máy in và in văn bản này</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="95"/>
        <source>Save as PDF…</source>
        <translation>Lưu thành PDF…</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="96"/>
        <source>Write this document to a PDF file</source>
        <translation>Ghi văn bản này ra tệp PDF</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/outputs_panel.py" line="148"/>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../ecabinet/ui/minutes/preview.py" line="27"/>
        <source>Press “Update preview” to see the minutes as they will print.</source>
        <translation>Bấm “Cập nhật bản xem trước” để xem biên bản đúng như khi in.</translation>
    </message>
</context>
<context>
    <name>RichTextEditor</name>
    <message>
        <location filename="../../ecabinet/ui/minutes/editor.py" line="93"/>
        <source>Bold</source>
        <translation>Chữ đậm</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/editor.py" line="94"/>
        <source>Italic</source>
        <translation>Chữ nghiêng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/editor.py" line="95"/>
        <source>Underline</source>
        <translation>Gạch chân</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/editor.py" line="96"/>
        <source>Bulleted list</source>
        <translation>Danh sách gạch đầu dòng</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/editor.py" line="97"/>
        <source>Numbered list</source>
        <translation>Danh sách đánh số</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/editor.py" line="98"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ecabinet/ui/minutes/editor.py" line="99"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
</context>
</TS>
