"""The rich-text subset: Qt's HTML in, canonical safe markup out, printable by reportlab whatever came in."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from ecabinet.minutes import richtext
from ecabinet.minutes.layout import rich, styles

QT_HTML = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN" "http://www.w3.org/TR/REC-html40/strict.dtd">
<html><head><meta name="qrichtext" content="1" /><style type="text/css">
p, li { white-space: pre-wrap; }
</style></head><body style=" font-family:'Noto Sans'; font-size:10pt; font-weight:400;">
<p style=" margin-top:0px;">Giao <span style=" font-weight:700;">Bộ Xây dựng</span> chủ trì, \
<span style=" font-style:italic;">khẩn trương</span> <span style=" text-decoration: underline;">hoàn thiện</span>.</p>
<p style="-qt-paragraph-type:empty;"><br /></p>
<ol style="margin-top: 0px;"><li style="">rà soát;</li><li style="">báo cáo<br />trước ngày 30.</li></ol>
</body></html>"""


def test_qt_html_becomes_the_canonical_subset() -> None:
    clean = richtext.sanitize(QT_HTML)
    assert clean == (
        "<p>Giao <b>Bộ Xây dựng</b> chủ trì, <i>khẩn trương</i> <u>hoàn thiện</u>.</p>"
        "<ol><li>rà soát;</li><li>báo cáo<br/>trước ngày 30.</li></ol>"
    )
    assert richtext.sanitize(clean) == clean
    assert (
        richtext.to_plain(clean)
        == "Giao Bộ Xây dựng chủ trì, khẩn trương hoàn thiện.\n1. rà soát;\n2. báo cáo\ntrước ngày 30."
    )


def test_anything_else_is_dropped_or_escaped() -> None:
    dirty = (
        '<p onclick="x()">A<script>alert("x")</script><img src=x onerror=alert(1)>'
        '<a href="javascript:evil()">B</a> &lt;b&gt; <font color=red face="Helvetica">C</font>'
        "<style>p{}</style></p><para>D</para><!-- E -->"
    )
    assert richtext.sanitize(dirty) == "<p>AB &lt;b&gt; C</p><p>D</p>"
    assert richtext.sanitize("<b><i>x</b> y") == "<p><b><i>x</i></b> y</p>"
    assert richtext.sanitize("") == richtext.sanitize("<p> </p><br>") == ""
    assert richtext.is_empty("<ul><li> </li></ul>")


def test_plain_text_becomes_paragraphs_and_bullets() -> None:
    assert richtext.from_plain("Một\n\n- hai\n* ba\nbốn & <năm>") == (
        "<p>Một</p><ul><li>hai</li><li>ba</li></ul><p>bốn &amp; &lt;năm&gt;</p>"
    )


TAGS = st.sampled_from(
    ["p", "b", "i", "u", "ul", "ol", "li", "br", "span", "div", "script", "a", "para", "font", "strong", "em"]
)
PIECES = st.one_of(
    st.text(alphabet="aăâđêôơưÀẢẠ <>&\"'\n\t;ệỹ", max_size=8),
    TAGS.map(lambda t: f"<{t}>"),
    TAGS.map(lambda t: f"</{t}>"),
    st.just('<span style="font-weight:700; font-style:italic">'),
    st.just('<font face="Helvetica">'),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_any_input_sanitises_to_stable_markup_that_reportlab_prints(html: str) -> None:
    clean = richtext.sanitize(html)
    assert richtext.sanitize(clean) == clean
    assert set(re.findall(r"</?([a-z]+)", clean)) <= {"p", "b", "i", "u", "ul", "ol", "li", "br"}
    for flowable in rich(clean, styles()):
        assert isinstance(flowable, Paragraph)
        flowable.wrap(400, 1000)  # parses the markup: raises on anything reportlab cannot read
        assert all(getattr(f, "fontName", "") != "Helvetica" for f in flowable.frags)
