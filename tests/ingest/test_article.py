"""Reading articles: the title, date and author from the page, the body without the page around it,
and locators that point at the line or paragraph a sentence is on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.errors import BadInputError
from ingest.extract.article import read_article

ROOT = Path(__file__).parents[2]
SEED_ARTICLE = ROOT / "data" / "sources" / "2026-01-29-korea-quantum-strategy.txt"
DEV = Path(__file__).parent / "articles" / "dev"


def test_plain_text_title_byline_and_boilerplate() -> None:
    article = read_article(SEED_ARTICLE)
    assert article.title == "South Korea: Outlines Long-Term Strategy to Lead Global Quantum Chip Production"
    assert (article.published, article.author) == (date(2026, 1, 29), "Rekha Prajapati")
    texts = [block.text for block in article.blocks]
    assert not any(t.startswith(("Top News", "READ NEXT", "National Vision")) for t in texts)
    assert [b.locator for b in article.blocks][:3] == ["line 6", "line 12", "line 16"]
    lines = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    for block in article.blocks:
        assert block.line is not None and block.text.strip() in lines[block.line - 1]


def test_markdown_front_matter_links_and_dateline(tmp_path: Path) -> None:
    article = read_article(DEV / "2026-03-04-kt-xanadu.md")
    assert (article.title, article.published) == (
        "KT teams up with Xanadu on photonic quantum networks",
        date(2026, 3, 4),
    )
    first = article.blocks[0].text
    assert first.startswith(
        "KT Corp., South Korea's second-largest mobile carrier"
    )  # no "SEOUL, March 4 ... —"
    assert "**" not in first and "(https://" not in " ".join(b.text for b in article.blocks)


def test_html_metadata_and_only_the_story() -> None:
    article = read_article(DEV / "2026-04-15-skt-ionq.html")
    assert (article.title, article.published, article.author) == (
        "SK Telecom and IonQ deepen quantum ties",
        date(2026, 4, 15),
        "Cho Hana",
    )
    texts = " ".join(block.text for block in article.blocks)
    assert "analytics" not in texts and "Home" not in texts and "Nvidia" not in texts  # script, nav, aside
    assert [b.locator for b in article.blocks] == [f"paragraph {n}" for n in range(1, 6)]
    assert "’" in texts  # &rsquo; decoded


def test_press_release_dateline_keeps_the_lead_and_gives_the_date(tmp_path: Path) -> None:
    """A dateline with a country, a year and a wire service ends in the story's first sentence:
    the sentence is read, not taken for a byline, and the dateline's date is the article's."""
    path = tmp_path / "release.txt"
    path.write_text(
        "Multiverse and HD KSOE to open a design centre\n\n"
        "ULSAN, South Korea, Oct. 10, 2030 /Korea Press Release Service/ -- Multiverse Computing, a "
        "Spanish developer of quantum software, and HD KSOE today announced a strategic partnership.\n\n"
        "The two companies will open a centre in Ulsan.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.published == date(2030, 10, 10)
    assert [b.text[:26] for b in article.blocks] == [
        "Multiverse Computing, a Sp",
        "The two companies will ope",
    ]
    assert article.blocks[0].locator == "line 3"


def test_a_date_on_its_own_line_or_in_a_short_html_byline(tmp_path: Path) -> None:
    markdown = tmp_path / "story.md"
    markdown.write_text("# A consortium\n\n*Seoul, June 18, 2030*\n\nMSIT launched a consortium.\n")
    assert read_article(markdown).published == date(2030, 6, 18)
    page = tmp_path / "page.html"
    page.write_text(
        '<html><body><h1>A consortium</h1><p class="byline">By Staff Writer | December 9, 2026</p>'
        "<p>MSIT launched a consortium on Tuesday.</p></body></html>"
    )
    article = read_article(page)
    assert (article.published, article.author) == (date(2026, 12, 9), "Staff Writer")
    assert [b.text for b in article.blocks] == ["MSIT launched a consortium on Tuesday."]


def test_a_roundup_items_label_in_capitals_is_not_part_of_its_first_sentence(tmp_path: Path) -> None:
    page = tmp_path / "briefs.txt"
    page.write_text(
        "QUANTUM BRIEFS: POSCO turns to D-Wave\n\nKorea Industry Daily | Aug. 14, 2036\n\n"
        "POSCO HOLDINGS / D-WAVE\nPOSCO Holdings and D-Wave Quantum signed an agreement.\n"
        "D-Wave is based in Burnaby.\n\nLG UPLUS\nLG Uplus has joined the QITC.\n",
        encoding="utf-8",
    )
    blocks = read_article(page).blocks
    assert [b.text for b in blocks] == [
        "POSCO Holdings and D-Wave Quantum signed an agreement. D-Wave is based in Burnaby.",
        "LG Uplus has joined the QITC.",
    ]
    assert [b.line for b in blocks] == [6, 10]


def test_a_markdown_list_after_a_colon_continues_the_sentence(tmp_path: Path) -> None:
    page = tmp_path / "release.md"
    page.write_text(
        "# Alliance launched\n\n*Press release | Ministry of Science and ICT | Sejong, 10 March 2036 | For "
        "immediate release*\n\nThe alliance starts with two members:\n\n- **KT**;\n- **Naver Cloud**.\n\n"
        "- Another list, after a full stop, stands apart.\n",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.published == date(2036, 3, 10)
    texts = [block.text for block in article.blocks]
    assert texts[0].startswith("The alliance starts with two members:") and texts[0].endswith(
        "KT; Naver Cloud."
    )
    assert texts[1:] == ["Another list, after a full stop, stands apart."]
    offset = texts[0].index("Naver")
    assert (article.locator(0, 0), article.locator(0, offset)) == ("line 5", "line 8")


def test_title_and_date_given_override_the_page(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("KT and IonQ signed a memorandum of understanding on Friday.\n", encoding="utf-8")
    article = read_article(path, title="A note", published=date(2026, 5, 8))
    assert (article.title, article.published, article.date_given) == ("A note", date(2026, 5, 8), True)
    assert read_article(path).published is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no paragraphs of text found in the article"),
        (b"Top News\n\nREAD NEXT\n", "no paragraphs of text found in the article"),
        (b"Caf\xe9 society signs deal.\n", "not UTF-8 text (byte 3)"),
    ],
)
def test_unreadable_articles_say_why(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(BadInputError) as raised:
        read_article(path)
    assert message in str(raised.value)
