<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BookBuildDialog</name>
    <message>
        <source>Build board book</source>
        <translation>Tạo bộ tài liệu</translation>
    </message>
    <message>
        <source>&amp;Reader:</source>
        <translation>&amp;Người nhận:</translation>
    </message>
    <message>
        <source>Whose book: it holds the documents this person may see, classified ones marked with their name</source>
        <translation>Bộ tài liệu của ai: gồm các tài liệu người đó được xem; tài liệu mật mang tên người nhận</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Lưu thành:</translation>
    </message>
    <message>
        <source>The PDF file to write; an existing file is replaced only when you agree</source>
        <translation>Tệp PDF sẽ ghi; tệp đã có chỉ bị thay thế khi bạn đồng ý</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>Choose the folder and file name</source>
        <translation>Chọn thư mục và tên tệp</translation>
    </message>
    <message>
        <source>The board book has a cover, a table of contents and bookmarks; each copy is recorded in the audit log. Building runs in the background and can be cancelled.</source>
        <translation>Bộ tài liệu có bìa, mục lục và dấu trang; mỗi bản được ghi vào nhật ký kiểm tra. Việc tạo chạy ngầm và có thể hủy.</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Tạo</translation>
    </message>
    <message>
        <source>Build the board book now (Enter)</source>
        <translation>Tạo bộ tài liệu ngay (Enter)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Close without building (Esc)</source>
        <translation>Đóng mà không tạo (Esc)</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>Hãy chọn người dùng trước.</translation>
    </message>
    <message>
        <source>{name} (invited guest)</source>
        <translation>{name} (đại biểu mời)</translation>
    </message>
    <message>
        <source>Nobody is invited to this session yet.</source>
        <translation>Phiên họp này chưa mời ai.</translation>
    </message>
    <message>
        <source>Board book - {session} - {reader}</source>
        <translation>Bộ tài liệu - {session} - {reader}</translation>
    </message>
    <message>
        <source>Save the board book as</source>
        <translation>Lưu bộ tài liệu thành</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Type where to save the board book, or choose it with Browse.</source>
        <translation>Hãy nhập nơi lưu bộ tài liệu, hoặc bấm Chọn.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Thay thế tệp?</translation>
    </message>
    <message>
        <source>{path} already exists. Replace it with the new board book?</source>
        <translation>Đã có tệp {path}. Thay thế bằng bộ tài liệu mới?</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>Đang tạo…</translation>
    </message>
    <message>
        <source>Building the board book for {name}…</source>
        <translation>Đang tạo bộ tài liệu cho {name}…</translation>
    </message>
    <message>
        <source>The board book for {name} is ready: {pages} pages, {documents} documents.
{path}</source>
        <translation>Đã tạo xong bộ tài liệu cho {name}: {pages} trang, {documents} tài liệu.
{path}</translation>
    </message>
    <message>
        <source>Left out, as they have no file yet: {titles}.</source>
        <translation>Chưa đưa vào vì chưa có tệp: {titles}.</translation>
    </message>
    <message>
        <source>Board book ready</source>
        <translation>Đã tạo bộ tài liệu</translation>
    </message>
    <message>
        <source>Open it in the reader now?</source>
        <translation>Mở ngay trong trình đọc?</translation>
    </message>
    <message>
        <source>Board book — {name}</source>
        <translation>Bộ tài liệu — {name}</translation>
    </message>
    <message>
        <source>Stopped. No file was written.</source>
        <translation>Đã dừng. Không có tệp nào được ghi.</translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message>
        <source>This document cannot be shown</source>
        <translation>Không hiển thị được tài liệu này</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Sao &amp;chép chi tiết</translation>
    </message>
    <message>
        <source>Copy the message and its details, to send to IT support</source>
        <translation>Sao chép thông báo và chi tiết để gửi bộ phận hỗ trợ kỹ thuật</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>Words in this document</source>
        <translation>Từ trong tài liệu này</translation>
    </message>
    <message>
        <source>Every match is highlighted; Enter or F3 goes to the next, Shift+Enter or Shift+F3 back</source>
        <translation>Mọi kết quả đều được tô sáng; Enter hoặc F3 đến kết quả sau, Shift+Enter hoặc Shift+F3 quay lại</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Đóng thanh tìm kiếm (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n kết quả</numerusform>
        </translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current}/{total}</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Private notes: kept on this computer only. They are never sent to the secretariat or to anyone else, and no one else can read them.</source>
        <translation>Ghi chú riêng: chỉ lưu trên máy tính này. Không bao giờ được gửi cho Văn phòng Chính phủ hay bất kỳ ai, và không ai khác đọc được.</translation>
    </message>
    <message>
        <source>&amp;Note on page {page}</source>
        <translation>&amp;Ghi chú trang {page}</translation>
    </message>
    <message>
        <source>Write your note on this page; it is saved as you type.</source>
        <translation>Viết ghi chú cho trang này; ghi chú được lưu ngay khi gõ.</translation>
    </message>
    <message>
        <source>Your private note on the page being read (Ctrl+Shift+N)</source>
        <translation>Ghi chú riêng của bạn cho trang đang đọc (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;Pages with notes</source>
        <translation>Các &amp;trang có ghi chú</translation>
    </message>
    <message>
        <source>Enter goes to the page</source>
        <translation>Enter để đến trang đó</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>Chưa lưu…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Note removed</source>
        <translation>Đã xóa ghi chú</translation>
    </message>
    <message>
        <source>Page {page}: {text}</source>
        <translation>Trang {page}: {text}</translation>
    </message>
</context>
<context>
    <name>ReaderWindow</name>
    <message>
        <source>Opening the document…</source>
        <translation>Đang mở tài liệu…</translation>
    </message>
    <message>
        <source>Contents and pages</source>
        <translation>Mục lục và các trang</translation>
    </message>
    <message>
        <source>My private notes</source>
        <translation>Ghi chú riêng của tôi</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Tài liệu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Đi đến</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>T&amp;ìm</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Trang &amp;sau</translation>
    </message>
    <message>
        <source>Go to the next page</source>
        <translation>Đến trang sau</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Trang &amp;trước</translation>
    </message>
    <message>
        <source>Go to the previous page</source>
        <translation>Đến trang trước</translation>
    </message>
    <message>
        <source>&amp;First page</source>
        <translation>Trang đầ&amp;u</translation>
    </message>
    <message>
        <source>Go to the first page</source>
        <translation>Đến trang đầu</translation>
    </message>
    <message>
        <source>&amp;Last page</source>
        <translation>Trang &amp;cuối</translation>
    </message>
    <message>
        <source>Go to the last page</source>
        <translation>Đến trang cuối</translation>
    </message>
    <message>
        <source>&amp;Go to page…</source>
        <translation>Đến &amp;trang số…</translation>
    </message>
    <message>
        <source>Type a page number</source>
        <translation>Nhập số trang</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Quay lại</translation>
    </message>
    <message>
        <source>Back to where you were before the last jump</source>
        <translation>Quay lại chỗ đang đọc trước lần chuyển trang vừa rồi</translation>
    </message>
    <message>
        <source>For&amp;ward</source>
        <translation>Tiến &amp;tới</translation>
    </message>
    <message>
        <source>Forward again after going back</source>
        <translation>Tiến tới lại sau khi đã quay lại</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Make the pages larger</source>
        <translation>Hiển thị trang lớn hơn</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <source>Make the pages smaller</source>
        <translation>Hiển thị trang nhỏ hơn</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Kích thước thật</translation>
    </message>
    <message>
        <source>Show the pages at 100 %</source>
        <translation>Hiển thị trang ở 100 %</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Vừa &amp;chiều rộng</translation>
    </message>
    <message>
        <source>Pages as wide as the window</source>
        <translation>Trang rộng bằng cửa sổ</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>Vừa &amp;trọn trang</translation>
    </message>
    <message>
        <source>A whole page in the window</source>
        <translation>Trọn một trang trong cửa sổ</translation>
    </message>
    <message>
        <source>&amp;Find in the document…</source>
        <translation>&amp;Tìm trong tài liệu…</translation>
    </message>
    <message>
        <source>Find words in this document</source>
        <translation>Tìm từ trong tài liệu này</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Tìm kết quả &amp;sau</translation>
    </message>
    <message>
        <source>Go to the next match</source>
        <translation>Đến kết quả tiếp theo</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Tìm kết quả t&amp;rước</translation>
    </message>
    <message>
        <source>Go to the previous match</source>
        <translation>Đến kết quả trước</translation>
    </message>
    <message>
        <source>&amp;Side panel</source>
        <translation>&amp;Bảng bên</translation>
    </message>
    <message>
        <source>Show or hide the contents and pages</source>
        <translation>Hiện hoặc ẩn mục lục và các trang</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Mục lục</translation>
    </message>
    <message>
        <source>The document&apos;s table of contents</source>
        <translation>Mục lục của tài liệu</translation>
    </message>
    <message>
        <source>Page &amp;thumbnails</source>
        <translation>Ảnh thu nhỏ các tra&amp;ng</translation>
    </message>
    <message>
        <source>A small picture of each page</source>
        <translation>Ảnh thu nhỏ của từng trang</translation>
    </message>
    <message>
        <source>Not&amp;es panel</source>
        <translation>Bảng &amp;ghi chú</translation>
    </message>
    <message>
        <source>Show or hide your private notes</source>
        <translation>Hiện hoặc ẩn ghi chú riêng của bạn</translation>
    </message>
    <message>
        <source>My &amp;note on this page</source>
        <translation>Ghi chú &amp;riêng cho trang này</translation>
    </message>
    <message>
        <source>Write a private note on this page</source>
        <translation>Viết ghi chú riêng cho trang này</translation>
    </message>
    <message>
        <source>Who has &amp;read it…</source>
        <translation>Ai đã đọ&amp;c…</translation>
    </message>
    <message>
        <source>Who has opened this version</source>
        <translation>Những ai đã mở phiên bản này</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Close this document</source>
        <translation>Đóng tài liệu này</translation>
    </message>
    <message>
        <source>The page being read; type a number and press Enter (Ctrl+G)</source>
        <translation>Trang đang đọc; nhập số trang rồi nhấn Enter (Ctrl+G)</translation>
    </message>
    <message>
        <source>Zoom (Ctrl++ larger, Ctrl+- smaller)</source>
        <translation>Tỷ lệ hiển thị (Ctrl++ phóng to, Ctrl+- thu nhỏ)</translation>
    </message>
    <message>
        <source>Pages of the document</source>
        <translation>Các trang của tài liệu</translation>
    </message>
    <message>
        <source>The file {path} does not exist (any more).</source>
        <translation>Không (còn) có tệp {path}.</translation>
    </message>
    <message>
        <source>The file of this document is not a PDF that can be shown (it may be damaged or protected with a password).</source>
        <translation>Tệp của tài liệu này không phải là PDF hiển thị được (có thể tệp bị hỏng hoặc được bảo vệ bằng mật khẩu).</translation>
    </message>
    <message>
        <source>The file on this computer is missing or damaged. Ask the secretariat to send the document again (a new sync package brings the file back).</source>
        <translation>Tệp trên máy tính này bị thiếu hoặc bị hỏng. Hãy đề nghị Văn phòng Chính phủ gửi lại tài liệu (gói đồng bộ mới sẽ mang tệp về).</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>{title} — e-Cabinet reader</source>
        <translation>{title} — Trình đọc e-Cabinet</translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>/ %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Trang {page}/{count}</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Phiên bản {number}</translation>
    </message>
</context>
<context>
    <name>ReadersDialog</name>
    <message>
        <source>Who has read it — {title}</source>
        <translation>Ai đã đọc — {title}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Người được mời</translation>
    </message>
    <message>
        <source>Opened the current version</source>
        <translation>Đã mở phiên bản hiện hành</translation>
    </message>
    <message>
        <source>Each invited person and when they first opened this version</source>
        <translation>Từng người được mời và thời điểm lần đầu mở phiên bản này</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Close this list (Esc)</source>
        <translation>Đóng danh sách này (Esc)</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Chưa đọc</translation>
    </message>
    <message>
        <source>{done} of {total} invited have opened the current version.</source>
        <translation>{done}/{total} người được mời đã mở phiên bản hiện hành.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Find words in the titles and text of every dossier you may see (Ctrl+K)</source>
        <translation>Tìm từ trong tiêu đề và nội dung mọi hồ sơ bạn được xem (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search the dossiers</source>
        <translation>Tìm kiếm trong hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>Words from a title or the text; accents optional: dau tu cong</source>
        <translation>Từ trong tiêu đề hoặc nội dung; có thể gõ không dấu: dau tu cong</translation>
    </message>
    <message>
        <source>All words must appear; &quot;words in quotes&quot; must stand together. Down goes to the results, Enter opens the first one (Ctrl+K)</source>
        <translation>Phải có đủ mọi từ; &quot;các từ trong ngoặc kép&quot; phải đứng liền nhau. Mũi tên xuống để đến kết quả, Enter mở kết quả đầu tiên (Ctrl+K)</translation>
    </message>
    <message>
        <source>Enter opens the document at the page of the match</source>
        <translation>Enter mở tài liệu tại trang có kết quả</translation>
    </message>
    <message>
        <source>Make them searchable &amp;now</source>
        <translation>Cho phép tìm &amp;ngay</translation>
    </message>
    <message>
        <source>Read the text of the documents not yet searchable (in the background)</source>
        <translation>Đọc nội dung các tài liệu chưa tìm được (chạy ngầm)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>Choose a profile first: search shows what that person may see.</source>
        <translation>Hãy chọn người dùng trước: kết quả tìm kiếm chỉ gồm những gì người đó được xem.</translation>
    </message>
    <message>
        <source>Type words to search for.</source>
        <translation>Nhập từ cần tìm.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Không tìm thấy “{query}”.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n matches, best first:</source>
        <translation>
            <numerusform>%n kết quả đầu tiên, phù hợp nhất trước:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found: %n, best first:</source>
        <translation>
            <numerusform>%n kết quả, phù hợp nhất trước:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Documents whose text cannot be searched yet: %n.</source>
        <translation>
            <numerusform>%n tài liệu chưa tìm được theo nội dung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Making the documents searchable…</source>
        <translation>Đang xử lý để tìm được tài liệu…</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{session}
{item}
Enter opens it in the reader</source>
        <translation>{session}
{item}
Enter để mở trong trình đọc</translation>
    </message>
    <message>
        <source>in the title</source>
        <translation>trong tiêu đề</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>trang {page}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <source>The document&apos;s own table of contents (Ctrl+Shift+O)</source>
        <translation>Mục lục của chính tài liệu (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>A small picture of each page (Ctrl+Shift+T)</source>
        <translation>Ảnh thu nhỏ của từng trang (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>This document has no table of contents. See the pages instead.</source>
        <translation>Tài liệu này không có mục lục. Xem các trang thay thế.</translation>
    </message>
    <message>
        <source>Enter or a click goes to the heading</source>
        <translation>Enter hoặc bấm chuột để đến đề mục</translation>
    </message>
    <message>
        <source>Enter or a click goes to the page</source>
        <translation>Enter hoặc bấm chuột để đến trang</translation>
    </message>
</context>
</TS>
