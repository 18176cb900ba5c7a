<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CreatePage</name>
    <message>
        <source>This installation&apos;s keys</source>
        <translation>Khóa của máy này</translation>
    </message>
    <message>
        <source>Fingerprint of the new key:</source>
        <translation>Dấu vân tay của khóa mới:</translation>
    </message>
    <message>
        <source>Making the keys…</source>
        <translation>Đang tạo khóa…</translation>
    </message>
    <message>
        <source>The keys could not be made: {reason}
Nothing was set up; try again from the Sync centre.</source>
        <translation>Không tạo được khóa: {reason}
Chưa có gì được thiết lập; hãy thử lại từ trang Đồng bộ.</translation>
    </message>
    <message>
        <source>the laptop of {name}</source>
        <translation>máy của thành viên {name}</translation>
    </message>
    <message>
        <source>This installation is now {who}.</source>
        <translation>Từ nay máy này là {who}.</translation>
    </message>
    <message>
        <source>Next, in Sync → Keys: export this installation&apos;s key file and give it to the other side; import theirs; then compare the fingerprints by phone and trust them.</source>
        <translation>Bước tiếp theo, tại Đồng bộ → Khóa: xuất tệp khóa của máy này và gửi cho bên kia; nhập tệp khóa của họ; rồi gọi điện đối chiếu dấu vân tay khóa và xác nhận tin cậy.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Export sync packages</source>
        <translation>Xuất gói đồng bộ</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Xuất gói</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Xong</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>Import sync packages</source>
        <translation>Nhập gói đồng bộ</translation>
    </message>
    <message>
        <source>e-Cabinet sync packages (*.ecab);;All files (*)</source>
        <translation>Gói đồng bộ e-Cabinet (*.ecab);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>Thư mục lưu gói</translation>
    </message>
    <message>
        <source>Import a key file</source>
        <translation>Nhập tệp khóa</translation>
    </message>
    <message>
        <source>e-Cabinet key files (*.key *.json);;All files (*)</source>
        <translation>Tệp khóa e-Cabinet (*.key *.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Save this installation&apos;s key file</source>
        <translation>Lưu tệp khóa của máy này</translation>
    </message>
    <message>
        <source>e-Cabinet key files (*.key)</source>
        <translation>Tệp khóa e-Cabinet (*.key)</translation>
    </message>
</context>
<context>
    <name>FingerprintCheckDialog</name>
    <message>
        <source>Compare the key&apos;s fingerprint</source>
        <translation>Đối chiếu dấu vân tay khóa</translation>
    </message>
    <message>
        <source>Is this the key of {who}?</source>
        <translation>Đây có đúng là khóa của {who}?</translation>
    </message>
    <message>
        <source>A key file of {kind} «{who}», made on {date}.</source>
        <translation>Tệp khóa của {kind} «{who}», tạo lúc {date}.</translation>
    </message>
    <message>
        <source>Call {who} on a number you already know and ask them to read out the fingerprint shown on their computer (Sync → Keys). Trust the key only if all 16 groups match: a file can be swapped on the way, a phone voice much less easily.</source>
        <translation>Hãy gọi cho {who} theo số điện thoại anh/chị đã biết từ trước và nhờ họ đọc dấu vân tay khóa hiển thị trên máy của họ (Đồng bộ → Khóa). Chỉ tin cậy khóa khi cả 16 nhóm đều khớp: tệp khóa có thể bị đánh tráo trên đường chuyển, còn giọng nói qua điện thoại thì khó hơn nhiều.</translation>
    </message>
    <message>
        <source>I compared all 16 groups and every one &amp;matches</source>
        <translation>Tôi đã đối chiếu đủ 16 nhóm và tất cả đều &amp;khớp</translation>
    </message>
    <message>
        <source>&amp;Trust this key</source>
        <translation>&amp;Tin cậy khóa này</translation>
    </message>
    <message>
        <source>Accept packages signed with this key from now on</source>
        <translation>Từ nay chấp nhận các gói được ký bằng khóa này</translation>
    </message>
    <message>
        <source>It does &amp;not match / later</source>
        <translation>Không khớp / để &amp;sau</translation>
    </message>
    <message>
        <source>Keep the key untrusted: its packages are refused</source>
        <translation>Chưa tin cậy khóa: các gói ký bằng khóa này sẽ bị từ chối</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>A folder on this computer or a USB stick; the file names carry the package number.</source>
        <translation>Một thư mục trên máy này hoặc trên USB; tên tệp có kèm số thứ tự của gói.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>Thư &amp;mục:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <source>Choose the folder in a file dialog</source>
        <translation>Chọn thư mục trong hộp thoại tệp</translation>
    </message>
    <message>
        <source>Files to write:</source>
        <translation>Các tệp sẽ ghi:</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Thư mục {folder} không tồn tại.</translation>
    </message>
    <message>
        <source>Where the packages go, and what they carry</source>
        <translation>Nơi lưu các gói và nội dung của từng gói</translation>
    </message>
    <message>
        <source>What each package carries:</source>
        <translation>Mỗi gói mang theo:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Carries</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Each package is signed with this installation&apos;s key and encrypted for its recipient. The sizes are close estimates: watermarked copies are stamped only when the packages are written.</source>
        <translation>Mỗi gói được ký bằng khóa của máy này và mã hóa riêng cho người nhận. Dung lượng là ước tính sát: bản đóng dấu tên người nhận chỉ được tạo khi ghi gói.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>Counting what each package carries…</source>
        <translation>Đang đếm nội dung của từng gói…</translation>
    </message>
    <message numerus="yes">
        <source>In all: %n package(s), about {size}.</source>
        <translation>
            <numerusform>Tổng cộng: %n gói, khoảng {size}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n phiên họp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n tài liệu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ballot(s)</source>
        <translation>
            <numerusform>%n phiếu lấy ý kiến</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n ý kiến trả lời</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other change(s)</source>
        <translation>
            <numerusform>%n thay đổi khác</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n tệp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n watermarked)</source>
        <translation>
            <numerusform>(%n tệp đóng dấu tên người nhận)</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing new (only the acknowledgement)</source>
        <translation>không có gì mới (chỉ xác nhận đã nhận)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Máy</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Gói số</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Đã xuất</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Đã áp dụng</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>unknown sender</source>
        <translation>không rõ người gửi</translation>
    </message>
    <message>
        <source>unknown installation</source>
        <translation>máy không xác định</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) changed</source>
        <translation>
            <numerusform>%n bản ghi thay đổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) recorded as refused</source>
        <translation>
            <numerusform>%n thay đổi bị ghi nhận là từ chối</numerusform>
        </translation>
    </message>
    <message>
        <source>confirms their package {n}</source>
        <translation>xác nhận đã nhận gói số {n} của họ</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Khóa ngay</translation>
    </message>
    <message>
        <source>Lock e-Cabinet until the passphrase is typed again (Ctrl+L)</source>
        <translation>Khóa màn hình e-Cabinet cho đến khi nhập lại mật khẩu (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import sync packages</source>
        <translation>Nhập gói đồng bộ</translation>
    </message>
    <message numerus="yes">
        <source>Import %n sync package(s)</source>
        <translation>
            <numerusform>Nhập %n gói đồng bộ</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>Check each package whole, then apply it in one step or refuse it (Enter)</source>
        <translation>Kiểm tra toàn bộ từng gói, rồi áp dụng trọn gói trong một lần hoặc từ chối (Enter)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Checking and applying {file}…</source>
        <translation>Đang kiểm tra và áp dụng {file}…</translation>
    </message>
    <message>
        <source>Importing sync packages…</source>
        <translation>Đang nhập gói đồng bộ…</translation>
    </message>
    <message>
        <source>This installation has no keys yet: set it up in the Sync centre first.</source>
        <translation>Máy này chưa có khóa: hãy thiết lập máy tại trang Đồng bộ trước.</translation>
    </message>
    <message>
        <source>Reading the packages…</source>
        <translation>Đang đọc các gói…</translation>
    </message>
    <message>
        <source>Before import: what each package says about itself. Nothing is decrypted or changed yet; the import checks the signature and every part first, then applies the package whole or not at all.</source>
        <translation>Trước khi nhập: thông tin mỗi gói tự ghi về mình. Chưa có gì được giải mã hay thay đổi; khi nhập, ứng dụng kiểm tra chữ ký và từng phần của gói trước, rồi áp dụng trọn gói hoặc không áp dụng gì.</translation>
    </message>
    <message>
        <source>What the package says about itself:</source>
        <translation>Thông tin gói tự ghi về mình:</translation>
    </message>
    <message>
        <source>Before import:</source>
        <translation>Trước khi nhập:</translation>
    </message>
    <message>
        <source>key trusted here</source>
        <translation>khóa đã được tin cậy ở máy này</translation>
    </message>
    <message>
        <source>key not confirmed yet (Keys tab: compare and trust it)</source>
        <translation>khóa chưa được xác nhận (thẻ Khóa: đối chiếu rồi tin cậy khóa)</translation>
    </message>
    <message>
        <source>key revoked here</source>
        <translation>khóa đã bị thu hồi ở máy này</translation>
    </message>
    <message>
        <source>key unknown here (import the sender&apos;s key file first)</source>
        <translation>máy này chưa biết khóa (hãy nhập tệp khóa của người gửi trước)</translation>
    </message>
    <message>
        <source>this installation&apos;s own key: the package was made here</source>
        <translation>khóa của chính máy này: gói được tạo ra tại đây</translation>
    </message>
    <message>
        <source>Sender: {sender} — {key}</source>
        <translation>Người gửi: {sender} — {key}</translation>
    </message>
    <message>
        <source>Package {n}, made {date}; it confirms our package {ack}</source>
        <translation>Gói số {n}, tạo lúc {date}; xác nhận đã nhận gói số {ack} của máy này</translation>
    </message>
    <message>
        <source>Package {n}, made {date}</source>
        <translation>Gói số {n}, tạo lúc {date}</translation>
    </message>
    <message>
        <source>{records} change records and {files} files, {size} in all ({encrypted})</source>
        <translation>{records} bản ghi thay đổi và {files} tệp, tổng cộng {size} ({encrypted})</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>có mã hóa</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>không mã hóa</translation>
    </message>
    <message>
        <source>The last package applied here from this sender: {n}</source>
        <translation>Gói gần nhất của người gửi này đã áp dụng ở máy này: số {n}</translation>
    </message>
    <message>
        <source>It is addressed to another installation, not to this one.</source>
        <translation>Gói này gửi cho một máy khác, không phải máy này.</translation>
    </message>
    <message>
        <source>It was already applied here on {date}.</source>
        <translation>Gói này đã được áp dụng ở máy này lúc {date}.</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Đã áp dụng</translation>
    </message>
    <message>
        <source>Package {n} from {sender}: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged, {files} files.</source>
        <translation>Gói số {n} từ {sender}: {added} thêm mới, {changed} thay đổi, {removed} xóa, {unchanged} giữ nguyên, {files} tệp.</translation>
    </message>
    <message>
        <source>Changed: {tables}.</source>
        <translation>Đã thay đổi: {tables}.</translation>
    </message>
    <message>
        <source>Recorded as refused: {reason}</source>
        <translation>Ghi nhận là bị từ chối: {reason}</translation>
    </message>
    <message>
        <source>{sender} reports: {reason}</source>
        <translation>{sender} thông báo: {reason}</translation>
    </message>
    <message>
        <source>Already applied</source>
        <translation>Đã áp dụng trước đó</translation>
    </message>
    <message>
        <source>This package was applied here before, on {date}; nothing was changed.</source>
        <translation>Gói này đã được áp dụng ở máy này lúc {date}; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Chưa nhập</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>You stopped the import before this package.</source>
        <translation>Anh/chị đã dừng việc nhập trước gói này.</translation>
    </message>
    <message>
        <source>Trying {file}: every check, then its changes, undone…</source>
        <translation>Đang nhập thử {file}: kiểm tra toàn bộ, áp dụng thử các thay đổi rồi hoàn tác…</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>Đang kiểm tra các gói…</translation>
    </message>
    <message>
        <source>Before import: what each package says about itself, and what a trial import found — every check run and the changes tried, then undone. Nothing has changed yet; Import applies each package whole or not at all.</source>
        <translation>Trước khi nhập: thông tin mỗi gói tự ghi về mình, và kết quả nhập thử — đã chạy mọi bước kiểm tra, áp dụng thử các thay đổi rồi hoàn tác. Chưa có gì thay đổi; khi nhập, ứng dụng áp dụng trọn từng gói hoặc không áp dụng gì.</translation>
    </message>
    <message>
        <source>Each package was tried on its own, against this installation as it is now.</source>
        <translation>Mỗi gói được nhập thử riêng, trên dữ liệu hiện có của máy này.</translation>
    </message>
    <message>
        <source>Trial import:</source>
        <translation>Nhập thử:</translation>
    </message>
    <message>
        <source>it would be refused.</source>
        <translation>gói sẽ bị từ chối.</translation>
    </message>
    <message>
        <source>it was applied here before; importing it again changes nothing.</source>
        <translation>gói đã được áp dụng ở máy này trước đây; nhập lại sẽ không thay đổi gì.</translation>
    </message>
    <message>
        <source>Every check passed. {added} would be added, {changed} changed, {removed} removed; {unchanged} unchanged; {files} files.</source>
        <translation>Mọi bước kiểm tra đều đạt. Sẽ có {added} thêm mới, {changed} thay đổi, {removed} xóa; {unchanged} giữ nguyên; {files} tệp.</translation>
    </message>
    <message>
        <source>Would change: {tables}.</source>
        <translation>Sẽ thay đổi: {tables}.</translation>
    </message>
    <message>
        <source>Every check passed; nothing else would change.</source>
        <translation>Mọi bước kiểm tra đều đạt; ngoài ra không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Every check passed; nothing would change: every record is here already.</source>
        <translation>Mọi bước kiểm tra đều đạt; sẽ không có gì thay đổi: máy này đã có đủ mọi bản ghi.</translation>
    </message>
    <message>
        <source>Would be recorded as refused: {reason}</source>
        <translation>Sẽ được ghi nhận là bị từ chối: {reason}</translation>
    </message>
</context>
<context>
    <name>KeyManager</name>
    <message>
        <source>This installation&apos;s keys</source>
        <translation>Khóa của máy này</translation>
    </message>
    <message>
        <source>Fingerprint of this installation&apos;s key:</source>
        <translation>Dấu vân tay khóa của máy này:</translation>
    </message>
    <message>
        <source>Read these 16 groups out to the other side by phone</source>
        <translation>Đọc 16 nhóm ký tự này cho bên kia qua điện thoại</translation>
    </message>
    <message>
        <source>Give the key file to the other side (USB stick, e-mail) and read this fingerprint to them by phone: they trust the key only when every group matches.</source>
        <translation>Gửi tệp khóa cho bên kia (qua USB, thư điện tử) và đọc dấu vân tay khóa này cho họ qua điện thoại: họ chỉ tin cậy khóa khi mọi nhóm đều khớp.</translation>
    </message>
    <message>
        <source>&amp;Export key file…</source>
        <translation>Xuất tệ&amp;p khóa…</translation>
    </message>
    <message>
        <source>Save this installation&apos;s public key file</source>
        <translation>Lưu tệp khóa công khai của máy này</translation>
    </message>
    <message>
        <source>Make &amp;new keys…</source>
        <translation>Tạo khóa &amp;mới…</translation>
    </message>
    <message>
        <source>Replace this installation&apos;s keys; the old ones sign the new ones</source>
        <translation>Thay khóa của máy này; khóa cũ ký xác nhận khóa mới</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Đổi mật khẩ&amp;u…</translation>
    </message>
    <message>
        <source>Protect the keys with another passphrase</source>
        <translation>Bảo vệ khóa bằng một mật khẩu khác</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Khóa ng&amp;ay</translation>
    </message>
    <message>
        <source>Lock e-Cabinet until the passphrase is typed again</source>
        <translation>Khóa màn hình e-Cabinet cho đến khi nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Lock the screen after i&amp;dle time:</source>
        <translation>Tự khóa màn hình &amp;sau khi không dùng:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <source>Minutes without use before e-Cabinet locks and asks for the passphrase again (0: never)</source>
        <translation>Số phút không sử dụng trước khi e-Cabinet tự khóa màn hình và hỏi lại mật khẩu (0: không bao giờ)</translation>
    </message>
    <message>
        <source>Keys of the other installations</source>
        <translation>Khóa của các máy khác</translation>
    </message>
    <message>
        <source>&amp;Import key file…</source>
        <translation>&amp;Nhập tệp khóa…</translation>
    </message>
    <message>
        <source>Read the key file of a member&apos;s laptop or of the secretariat</source>
        <translation>Đọc tệp khóa của máy thành viên hoặc của Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>&amp;Trust…</source>
        <translation>Tin &amp;cậy…</translation>
    </message>
    <message>
        <source>Compare the selected key&apos;s fingerprint with its owner by phone, then trust it</source>
        <translation>Gọi điện đối chiếu dấu vân tay của khóa đang chọn với chủ khóa, rồi tin cậy khóa</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Thu &amp;hồi…</translation>
    </message>
    <message>
        <source>Refuse the selected key&apos;s packages from now on (a lost laptop)</source>
        <translation>Từ nay từ chối các gói ký bằng khóa đang chọn (khi mất máy)</translation>
    </message>
    <message>
        <source>Enter or double-click: compare and trust the selected key</source>
        <translation>Enter hoặc nhấp đúp: đối chiếu và tin cậy khóa đang chọn</translation>
    </message>
    <message>
        <source>This installation has no keys yet: set it up first (the button above).</source>
        <translation>Máy này chưa có khóa: hãy thiết lập máy trước (nút ở phía trên).</translation>
    </message>
    <message>
        <source>Laptop of {name}</source>
        <translation>Máy của thành viên {name}</translation>
    </message>
    <message>
        <source>Laptop of member {id} (the directory arrives with the first package)</source>
        <translation>Máy của thành viên có mã {id} (danh bạ sẽ đến cùng gói đầu tiên)</translation>
    </message>
    <message>
        <source>{kind} · keys made on {date}</source>
        <translation>{kind} · khóa tạo lúc {date}</translation>
    </message>
    <message>
        <source>No key of another installation yet: import the key file of the secretariat.</source>
        <translation>Chưa có khóa của máy nào khác: hãy nhập tệp khóa của Văn phòng Chính phủ.</translation>
    </message>
    <message>
        <source>No key of a member&apos;s laptop yet: import the key files the laptops exported.</source>
        <translation>Chưa có khóa của máy thành viên nào: hãy nhập các tệp khóa do máy của thành viên xuất ra.</translation>
    </message>
    <message>
        <source>Key file saved</source>
        <translation>Đã lưu tệp khóa</translation>
    </message>
    <message>
        <source>The key file is in {path}.

Give it to the other side, then read them this fingerprint by phone:
{fingerprint}</source>
        <translation>Tệp khóa đã được lưu tại {path}.

Hãy gửi tệp này cho bên kia, rồi đọc cho họ dấu vân tay khóa sau qua điện thoại:
{fingerprint}</translation>
    </message>
    <message>
        <source>New key trusted</source>
        <translation>Đã tin cậy khóa mới</translation>
    </message>
    <message>
        <source>This key of {who} replaces one you trusted, which signed it: it is trusted without a new phone check.</source>
        <translation>Khóa này của {who} thay cho một khóa đã được tin cậy và được chính khóa đó ký xác nhận, nên được tin cậy ngay mà không cần gọi điện đối chiếu lại.</translation>
    </message>
    <message>
        <source>Key already known</source>
        <translation>Khóa đã có</translation>
    </message>
    <message>
        <source>This key is already here ({status}).</source>
        <translation>Máy này đã có khóa này ({status}).</translation>
    </message>
    <message>
        <source>Making new keys…</source>
        <translation>Đang tạo khóa mới…</translation>
    </message>
    <message>
        <source>New keys made</source>
        <translation>Đã tạo khóa mới</translation>
    </message>
    <message>
        <source>New fingerprint:
{fingerprint}

Export the key file again and import it on every other installation; they accept it without a new phone check.</source>
        <translation>Dấu vân tay khóa mới:
{fingerprint}

Hãy xuất lại tệp khóa và nhập vào mọi máy khác; các máy đó chấp nhận khóa mới mà không cần gọi điện đối chiếu lại.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Đang đổi mật khẩu…</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Đã đổi mật khẩu</translation>
    </message>
    <message>
        <source>From now on, unlock e-Cabinet with the new passphrase.</source>
        <translation>Từ nay hãy dùng mật khẩu mới để mở khóa e-Cabinet.</translation>
    </message>
</context>
<context>
    <name>KeyTableModel</name>
    <message>
        <source>Whose</source>
        <translation>Của ai</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Loại máy</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Dấu vân tay khóa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Revoked on {date}: {reason}</source>
        <translation>Thu hồi lúc {date}: {reason}</translation>
    </message>
    <message>
        <source>Confirmed on {date}</source>
        <translation>Xác nhận tin cậy lúc {date}</translation>
    </message>
    <message>
        <source>Compare the fingerprint by phone, then trust it</source>
        <translation>Hãy gọi điện đối chiếu dấu vân tay khóa rồi tin cậy khóa</translation>
    </message>
    <message>
        <source>Fingerprint: {fingerprint}</source>
        <translation>Dấu vân tay khóa: {fingerprint}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>e-Cabinet is locked</source>
        <translation>e-Cabinet đã bị khóa</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without use. Type the passphrase to go on where you left off.</source>
        <translation>
            <numerusform>Màn hình đã tự khóa sau %n phút không sử dụng. Nhập mật khẩu để tiếp tục công việc đang làm.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the passphrase to go on where you left off.</source>
        <translation>Nhập mật khẩu để tiếp tục công việc đang làm.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>e-Cabinet — unlock</source>
        <translation>e-Cabinet — mở khóa</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <source>Whose laptop is this?</source>
        <translation>Đây là máy của thành viên nào?</translation>
    </message>
    <message>
        <source>The laptop always acts as this member; it cannot be changed later.</source>
        <translation>Máy này luôn làm việc với tư cách thành viên đó; sau này không thể đổi.</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>Thành &amp;viên:</translation>
    </message>
    <message>
        <source>Member &amp;id:</source>
        <translation>&amp;Mã thành viên:</translation>
    </message>
    <message>
        <source>The id the Government Office gives for this member (Sync → Members → Copy member id)</source>
        <translation>Mã do Văn phòng Chính phủ cung cấp cho thành viên này (Đồng bộ → Thành viên → Sao chép mã thành viên)</translation>
    </message>
    <message>
        <source>Choose the member from the directory.</source>
        <translation>Chọn thành viên trong danh bạ.</translation>
    </message>
    <message>
        <source>This laptop&apos;s database is still empty: its directory arrives with the first package. Type the member id the Government Office gave you; the Government Office checks it against its directory when it imports this laptop&apos;s key.</source>
        <translation>Cơ sở dữ liệu của máy này còn trống: danh bạ sẽ đến cùng gói đầu tiên. Hãy nhập mã thành viên do Văn phòng Chính phủ cung cấp; Văn phòng Chính phủ sẽ đối chiếu mã này với danh bạ khi nhập khóa của máy này.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>The keys stay the same; only the passphrase that protects them changes. Nobody can recover a forgotten passphrase.</source>
        <translation>Khóa vẫn giữ nguyên; chỉ mật khẩu bảo vệ khóa thay đổi. Không ai có thể khôi phục mật khẩu đã quên.</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>Đổ&amp;i mật khẩu</translation>
    </message>
    <message>
        <source>Make new keys</source>
        <translation>Tạo khóa mới</translation>
    </message>
    <message>
        <source>New keys are made and signed with the current ones, so the other installations accept them without a new phone check once they import the new key file. Packages already on their way can still be opened.</source>
        <translation>Khóa mới được tạo và được khóa hiện tại ký xác nhận, nên các máy khác chấp nhận khóa mới ngay khi nhập tệp khóa mới mà không cần gọi điện đối chiếu lại. Các gói đang trên đường chuyển vẫn mở được.</translation>
    </message>
    <message>
        <source>&amp;Make new keys</source>
        <translation>&amp;Tạo khóa mới</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>&amp;Mật khẩu mới:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <source>At least {n} characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Ít nhất {n} ký tự. Vài từ không liên quan đến nhau vừa dễ nhớ vừa khó đoán.</translation>
    </message>
    <message>
        <source>Type the same passphrase again, to be sure of it</source>
        <translation>Nhập lại đúng mật khẩu trên để chắc chắn không gõ nhầm</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>Ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>Quá ngắn: cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation>Yếu: hãy thêm vài từ nữa.</translation>
    </message>
    <message>
        <source>Fair: a longer passphrase is safer.</source>
        <translation>Trung bình: mật khẩu dài hơn sẽ an toàn hơn.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Tốt.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Mạnh.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Hai mật khẩu khác nhau.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>A passphrase for the keys</source>
        <translation>Mật khẩu bảo vệ khóa</translation>
    </message>
    <message>
        <source>Asked each time e-Cabinet starts, and after it locks itself.</source>
        <translation>Được hỏi mỗi khi mở e-Cabinet và sau mỗi lần màn hình tự khóa.</translation>
    </message>
    <message>
        <source>The keys that sign and open the packages are kept on this computer, sealed with this passphrase. Nobody can recover a forgotten passphrase: the keys would have to be made again and exchanged anew.</source>
        <translation>Khóa dùng để ký và mở các gói đồng bộ được lưu trên máy này, niêm phong bằng mật khẩu này. Không ai có thể khôi phục mật khẩu đã quên: khi đó phải tạo khóa mới và trao đổi khóa lại từ đầu.</translation>
    </message>
</context>
<context>
    <name>PeerTableModel</name>
    <message>
        <source>Installation</source>
        <translation>Máy</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Lần cuối nhận được</translation>
    </message>
    <message>
        <source>package {n}</source>
        <translation>gói {n}</translation>
    </message>
    <message>
        <source>up to package {n}</source>
        <translation>đến gói {n}</translation>
    </message>
    <message>
        <source>Fingerprint: {fingerprint}</source>
        <translation>Dấu vân tay khóa: {fingerprint}</translation>
    </message>
    <message>
        <source>package {n} sent ({ago})</source>
        <translation>đã gửi gói {n} ({ago})</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>chưa gửi gói nào</translation>
    </message>
    <message>
        <source>confirmed up to package {n}</source>
        <translation>đã xác nhận đến gói {n}</translation>
    </message>
    <message>
        <source>no package confirmed yet</source>
        <translation>chưa xác nhận gói nào</translation>
    </message>
    <message>
        <source>last received {ago} (package {n})</source>
        <translation>lần cuối nhận được {ago} (gói {n})</translation>
    </message>
    <message>
        <source>nothing received yet</source>
        <translation>chưa nhận được gói nào</translation>
    </message>
</context>
<context>
    <name>ProfileSetupWizard</name>
    <message>
        <source>Set up this installation</source>
        <translation>Thiết lập máy này</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Make the keys</source>
        <translation>&amp;Tạo khóa</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Xong</translation>
    </message>
    <message>
        <source>Set up &amp;later</source>
        <translation>Thiết lập &amp;sau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Who receives a package</source>
        <translation>Ai nhận gói</translation>
    </message>
    <message>
        <source>A member&apos;s laptop sends its package to the Government Office.</source>
        <translation>Máy của thành viên gửi gói về Văn phòng Chính phủ.</translation>
    </message>
    <message>
        <source>One package per member: each carries only what that member may see.</source>
        <translation>Mỗi thành viên một gói: mỗi gói chỉ chứa những gì thành viên đó được xem.</translation>
    </message>
    <message>
        <source>The package carries your answers, positions, speaking requests and reading receipts that the secretariat has not confirmed yet.</source>
        <translation>Gói mang các ý kiến trả lời phiếu, ý kiến trước phiên họp, đăng ký phát biểu và xác nhận đã đọc của anh/chị mà Văn phòng Chính phủ chưa xác nhận đã nhận.</translation>
    </message>
    <message>
        <source>Tick the members whose laptops should receive a package. A member needs a trusted key first (Keys tab). Each package holds everything that member may see and their laptop has not confirmed yet, so a lost package loses nothing.</source>
        <translation>Đánh dấu những thành viên cần nhận gói. Thành viên phải có khóa đã được tin cậy (thẻ Khóa). Mỗi gói chứa mọi thứ thành viên đó được xem mà máy của họ chưa xác nhận đã nhận, nên mất một gói cũng không mất dữ liệu.</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Chọn tất &amp;cả</translation>
    </message>
    <message>
        <source>Tick every member who has a trusted key</source>
        <translation>Đánh dấu mọi thành viên đã có khóa tin cậy</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>&amp;Bỏ chọn</translation>
    </message>
    <message>
        <source>next package: {n}</source>
        <translation>gói tiếp theo: số {n}</translation>
    </message>
    <message>
        <source>Key: {fingerprint}</source>
        <translation>Khóa: {fingerprint}</translation>
    </message>
    <message>
        <source>{chosen} of {ready} chosen</source>
        <translation>Đã chọn {chosen}/{ready}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Packages written</source>
        <translation>Các gói đã ghi</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Gói số</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
        <source>Show the packages in the file manager</source>
        <translation>Xem các gói trong trình quản lý tệp</translation>
    </message>
    <message>
        <source>Writing the packages…</source>
        <translation>Đang ghi các gói…</translation>
    </message>
    <message>
        <source>{upserts} sent, {deletes} withdrawn</source>
        <translation>{upserts} gửi đi, {deletes} rút lại</translation>
    </message>
    <message>
        <source>{files} ({marked} watermarked)</source>
        <translation>{files} ({marked} đóng dấu tên người nhận)</translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n package(s) written before you cancelled.</source>
        <translation>
            <numerusform>Đã dừng: đã ghi %n gói trước khi anh/chị hủy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) written, signed and encrypted.</source>
        <translation>
            <numerusform>Đã ghi %n gói, đã ký và mã hóa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Carry them to the recipients (USB stick, e-mail); each imports its own.</source>
        <translation>Hãy chuyển các gói đến người nhận (qua USB, thư điện tử); mỗi máy nhập gói của mình.</translation>
    </message>
    <message>
        <source>{who}: {reason}</source>
        <translation>{who}: {reason}</translation>
    </message>
    <message>
        <source>&amp;Cancel the export</source>
        <translation>&amp;Hủy xuất gói</translation>
    </message>
    <message>
        <source>Stop now: the package being written is not kept; those already written stay</source>
        <translation>Dừng ngay: gói đang ghi sẽ không được giữ lại; các gói đã ghi xong vẫn còn</translation>
    </message>
    <message>
        <source>Package {n} of {count}, for {who}: {done} of {total}</source>
        <translation>Gói {n}/{count}, cho {who}: {done} / {total}</translation>
    </message>
    <message>
        <source>All packages: about {done} of {total}</source>
        <translation>Tất cả các gói: khoảng {done} / {total}</translation>
    </message>
    <message>
        <source>Stopping: the package being written is not kept…</source>
        <translation>Đang dừng: gói đang ghi sẽ không được giữ lại…</translation>
    </message>
    <message>
        <source>The package for {who} was not kept.</source>
        <translation>Gói cho {who} không được giữ lại.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke a key</source>
        <translation>Thu hồi khóa</translation>
    </message>
    <message>
        <source>Revoke the key of {who}</source>
        <translation>Thu hồi khóa của {who}</translation>
    </message>
    <message>
        <source>From now on every package signed with this key is refused, and the key can never be trusted again. Do this when a laptop is lost or its passphrase became known.</source>
        <translation>Từ nay mọi gói ký bằng khóa này đều bị từ chối, và không bao giờ có thể tin cậy lại khóa này. Hãy thu hồi khi mất máy hoặc khi mật khẩu bị lộ.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>e.g. laptop lost on 12/11/2026</source>
        <translation>ví dụ: mất máy ngày 12/11/2026</translation>
    </message>
    <message>
        <source>Kept with the key and in the audit log</source>
        <translation>Được lưu cùng khóa và trong nhật ký kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Revoke the key</source>
        <translation>&amp;Thu hồi khóa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>What is this computer for?</source>
        <translation>Máy này dùng để làm gì?</translation>
    </message>
    <message>
        <source>Chosen once: it decides whom this installation exchanges packages with.</source>
        <translation>Chỉ chọn một lần: lựa chọn này quyết định máy này trao đổi gói đồng bộ với ai.</translation>
    </message>
    <message>
        <source>&amp;Government Office (server)</source>
        <translation>&amp;Văn phòng Chính phủ (máy chủ)</translation>
    </message>
    <message>
        <source>The secretariat&apos;s installation: prepares sessions, agendas and ballots, writes a package for each member&apos;s laptop and receives their answers. Staff choose who they are in the toolbar.</source>
        <translation>Máy của Văn phòng Chính phủ: chuẩn bị phiên họp, chương trình và phiếu lấy ý kiến, xuất gói cho máy của từng thành viên và nhận ý kiến của họ. Cán bộ chọn tên mình trên thanh công cụ.</translation>
    </message>
    <message>
        <source>&amp;Member&apos;s laptop</source>
        <translation>&amp;Máy của thành viên</translation>
    </message>
    <message>
        <source>One Government member&apos;s laptop: reads the documents offline, answers ballots, states positions, and sends them back to the Government Office. It always acts as that member.</source>
        <translation>Máy của một thành viên Chính phủ: đọc tài liệu khi không có mạng, trả lời phiếu lấy ý kiến, nêu ý kiến trước phiên họp và gửi về Văn phòng Chính phủ. Máy luôn làm việc với tư cách thành viên đó.</translation>
    </message>
    <message>
        <source>«Set up later» starts without keys (for a demonstration): nothing can be exported or imported until this installation is set up in the Sync centre.</source>
        <translation>«Thiết lập sau» mở ứng dụng khi chưa có khóa (để dùng thử): chưa xuất hay nhập được gói nào cho đến khi thiết lập máy tại trang Đồng bộ.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Sync packages with members&apos; laptops, keys and history</source>
        <translation>Gói đồng bộ với máy của thành viên, khóa và lịch sử</translation>
    </message>
    <message>
        <source>&amp;Export package…</source>
        <translation>X&amp;uất gói…</translation>
    </message>
    <message>
        <source>Write a package for the Government Office</source>
        <translation>Ghi gói gửi Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>Write packages for the members&apos; laptops</source>
        <translation>Ghi gói cho máy của các thành viên</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>&amp;Nhập gói…</translation>
    </message>
    <message>
        <source>Check and apply .ecab packages (or drop them on this page)</source>
        <translation>Kiểm tra và áp dụng các gói .ecab (hoặc kéo thả tệp vào trang này)</translation>
    </message>
    <message>
        <source>&amp;Copy member id</source>
        <translation>Sao chép &amp;mã thành viên</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;Lịch sử</translation>
    </message>
    <message>
        <source>Set &amp;up…</source>
        <translation>T&amp;hiết lập…</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Lọ&amp;c theo máy:</translation>
    </message>
    <message>
        <source>Copy the selected member&apos;s id, which their laptop&apos;s setup asks for</source>
        <translation>Sao chép mã của thành viên đang chọn, cần khi thiết lập máy của thành viên đó</translation>
    </message>
    <message>
        <source>&amp;Government Office</source>
        <translation>&amp;Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>Thành &amp;viên</translation>
    </message>
    <message>
        <source>Each installation this one exchanges packages with, and how far it got</source>
        <translation>Các máy trao đổi gói với máy này và tình trạng đồng bộ của từng máy</translation>
    </message>
    <message>
        <source>Packages written, applied and refused here</source>
        <translation>Các gói đã xuất, đã áp dụng và bị từ chối ở máy này</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <source>Fingerprints, key files, trust and revocation</source>
        <translation>Dấu vân tay khóa, tệp khóa, tin cậy và thu hồi</translation>
    </message>
    <message>
        <source>This installation has no profile and no keys yet, so it cannot export or import packages. Set it up as the Government Office&apos;s server or as a member&apos;s laptop.</source>
        <translation>Máy này chưa có hồ sơ và khóa nên chưa xuất hay nhập được gói. Hãy thiết lập máy thành máy chủ của Văn phòng Chính phủ hoặc máy của một thành viên.</translation>
    </message>
    <message>
        <source>Choose what this computer is for, and make its keys</source>
        <translation>Chọn vai trò của máy này và tạo khóa</translation>
    </message>
    <message>
        <source>Tip: drop .ecab package files anywhere on this page to import them.</source>
        <translation>Mẹo: kéo thả tệp gói .ecab vào bất kỳ chỗ nào trên trang này để nhập.</translation>
    </message>
    <message>
        <source>Enter or double-click: export a package for the selected members</source>
        <translation>Enter hoặc nhấp đúp: xuất gói cho các thành viên đang chọn</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>máy này</translation>
    </message>
    <message>
        <source>This installation is not set up for sync yet.</source>
        <translation>Máy này chưa được thiết lập để đồng bộ.</translation>
    </message>
    <message>
        <source>Laptop of {name}</source>
        <translation>Máy của thành viên {name}</translation>
    </message>
    <message>
        <source>This installation: {who} · key {fingerprint} …</source>
        <translation>Máy này: {who} · khóa {fingerprint} …</translation>
    </message>
    <message>
        <source>All installations</source>
        <translation>Tất cả các máy</translation>
    </message>
    <message>
        <source>Import sync packages</source>
        <translation>Nhập gói đồng bộ</translation>
    </message>
    <message>
        <source>This installation has no keys yet: set it up first (Sync → Set up…).</source>
        <translation>Máy này chưa có khóa: hãy thiết lập máy trước (Đồng bộ → Thiết lập…).</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>This installation</source>
        <translation>Của máy này</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Đã tin cậy</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Chưa xác nhận</translation>
    </message>
    <message>
        <source>Replaced by a newer key</source>
        <translation>Đã thay bằng khóa mới hơn</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <source>No key yet</source>
        <translation>Chưa có khóa</translation>
    </message>
    <message>
        <source>Government Office (secretariat)</source>
        <translation>Văn phòng Chính phủ</translation>
    </message>
    <message>
        <source>Government Office (server)</source>
        <translation>Văn phòng Chính phủ (máy chủ)</translation>
    </message>
    <message>
        <source>Member&apos;s laptop</source>
        <translation>Máy của thành viên</translation>
    </message>
    <message>
        <source>a member not in this directory</source>
        <translation>một thành viên không có trong danh bạ</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>vừa xong</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n phút trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n giờ trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n ngày trước</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <source>Unlock e-Cabinet</source>
        <translation>Mở khóa e-Cabinet</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>The passphrase that protects this computer&apos;s keys</source>
        <translation>Mật khẩu bảo vệ khóa của máy này</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Mở &amp;khóa</translation>
    </message>
    <message>
        <source>Open the keys with this passphrase (Enter)</source>
        <translation>Mở khóa bằng mật khẩu này (Enter)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <source>Close e-Cabinet without unlocking</source>
        <translation>Đóng e-Cabinet mà không mở khóa</translation>
    </message>
    <message>
        <source>This computer: {kind}</source>
        <translation>Máy này: {kind}</translation>
    </message>
    <message>
        <source>This computer: the laptop of {name}</source>
        <translation>Máy này: máy của thành viên {name}</translation>
    </message>
    <message>
        <source>This computer: a member&apos;s laptop that has not received its first package yet</source>
        <translation>Máy này: máy của thành viên, chưa nhận được gói đầu tiên</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Hãy nhập mật khẩu trước.</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Try again.</source>
        <translation>Mật khẩu không đúng. Hãy thử lại.</translation>
    </message>
</context>
</TS>
