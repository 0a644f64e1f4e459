from __future__ import annotations

from kg.records import Source
from kg.split import split

from conftest import FIXTURES


def _page():
    return split(Source(path="page.txt", text=(FIXTURES / "page.txt").read_text(encoding="utf-8")))


def test_split_cuts_page_into_articles():
    articles = _page()
    assert [a.title for a in articles] == ["青山区打造“绿芯工坊”助力小微企业", "江津区白沙镇建成老街书房"]
    assert [a.path for a in articles] == ["page.txt#1", "page.txt#2"]


def test_split_keeps_byline_with_article():
    first, second = _page()
    assert first.authors == ("周明远",)
    assert first.byline == "青山日报记者 周明远"
    assert second.authors == ("陶小禾", "罗一帆")  # byline and photo credit
    assert "青山日报记者 周明远" in first.text


def test_split_reads_source_line():
    first, second = _page()
    assert first.source is None
    assert second.source == "江津日报"


def test_split_rejoins_line_broken_by_layout():
    first, _ = _page()
    assert "覆盖全区12个镇街。" in first.text


def test_split_keeps_section_headings_inside_article():
    text = "## 标题一\n\n正文第一段。\n\n### 小标题\n\n正文第二段。\n"
    (article,) = split(Source(path="a.md", text=text))
    assert article.title == "标题一"
    assert "小标题" in article.text and "正文第二段。" in article.text


def test_split_caption_does_not_break_a_sentence():
    text = "### 标题\n\n这是一段被版面\n\n图为园区一角 (本报资料图)\n\n打断的句子。\n"
    (article,) = split(Source(path="a.txt", text=text))
    assert "这是一段被版面打断的句子。" in article.text
    assert "图为园区一角" in article.text


def test_split_article_ids_are_stable_and_content_based():
    a = _page()
    b = _page()
    assert [x.id for x in a] == [x.id for x in b]
    assert a[0].id != a[1].id


def test_split_date_from_file_name_and_metadata():
    (article,) = split(Source(path="news-20240315.txt", text="### 标题\n\n正文。"))
    assert article.date == "2024-03-15"
    (article,) = split(Source(path="x.jsonl#1", text="正文。", meta=(("date", "20200101"), ("title", "题目"))))
    assert article.date == "2020-01-01"
    assert article.title == "题目"
    assert article.text.startswith("题目\n")


def test_split_news_agency_lead_gives_source():
    (article,) = split(Source(path="a.txt", text="# 标题\n\n新华网消息(记者连线)：某地举行活动。"))
    assert article.source == "新华网"


def test_split_reads_the_byline_that_opens_the_first_paragraph():
    cases = {
        "（记者 陈一帆）3月12日，青山区召开会议。": ("陈一帆",),
        "本报讯（记者 周明远 通讯员 王蕾）近日，青山区召开会议。": ("周明远", "王蕾"),
        "新华社重庆3月5日电（记者 罗一帆）青山区召开会议。": ("罗一帆",),
        "他说（这是第一次）不对。": (),
    }
    for text, authors in cases.items():
        (article,) = split(Source(path="x.txt", text=text))
        assert article.authors == authors, text


def test_split_does_not_join_a_dateline_to_the_line_before():
    """A headline without the ### mark and a paragraph that opens with a dateline (某某日报讯（记者…）):
    two paragraphs, not one (活力|湖北日报 read as one name)."""
    text = "武当山:以武会友 文旅融合添活力\n\n湖北日报讯(记者 郭晓峰 通讯员 陈敏)10月12日,文化节开幕。\n"
    [article] = split(Source(id="s", path="s.txt", text=text))
    assert "添活力\n湖北日报讯" in article.text
