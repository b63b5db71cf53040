"""Articles as the extractor reads them: a title, a date, and body paragraphs that know where they
are in the file, from plain text, Markdown or a saved HTML page.

What is not the story is set aside here, so no rule ever reads it: a page's navigation, scripts,
asides and footer; headings and one-line labels ("Top News", "READ NEXT"); the byline; a
dateline ("SEOUL, March 4 (Newswire) —"). Each paragraph keeps a locator that evidence cites:
``line N`` of a text or Markdown file, ``paragraph N`` of a page.

>>> article = read_article(Path("data/sources/2026-01-29-korea-quantum-strategy.txt"))
>>> article.title, article.published, article.author
('South Korea: Outlines Long-Term Strategy to Lead Global Quantum Chip Production', datetime.date(2026, 1, 29), 'Rekha Prajapati')
"""  # noqa: E501

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from graph.errors import BadInputError, Problem
from ingest.extract.amounts import parse_date_text

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_SENTENCE_END = re.compile(r"[.!?…\"”’)\]]$")
_INNER_SENTENCE_END = re.compile(r"[a-z0-9][.!?] +[A-Z]")  # "... a Series A round. The other investors were:"
# "SEOUL, March 4 (Newswire) — ", "ULSAN, South Korea, Oct. 10, 2030 /PRNewswire/ -- "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,40})"
    r"(,\s*[A-Z][A-Za-z.'-]+(\s+[A-Z][A-Za-z.'-]+){0,2})?"  # the region or country
    r"(?P<date>,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(,\s*\d{4})?)?"
    r"(\s*\([^)]{1,40}\)|\s*/[^/]{1,60}/)?"  # the agency: "(Yonhap)", "/PRNewswire/"
    r"\s*(—|–|--|-)\s+"
)
_BYLINE = re.compile(r"^\s*(by\s+)?(?P<author>[^|,\n]{3,60}?)\s*(\||,)\s*(?P<date>.*\d{4}.*)$", re.IGNORECASE)
_BYLINE_LENGTH = 100  # a longer line is the story's first sentence, even when it holds a date
_HEAD = 8  # the paragraphs at the top of a page that may hold its title, byline and date


@dataclass(frozen=True)
class Block:
    """One paragraph of the story. ``text`` has its line breaks turned into spaces (offsets kept),
    ``line`` is the file line it starts on (None for HTML)."""

    text: str
    locator: str
    line: int | None = None

    def locator_at(self, offset: int, original_breaks: tuple[int, ...]) -> str:
        """The locator of the character at ``offset``: its own line in a text file."""
        if self.line is None:
            return self.locator
        return f"line {self.line + sum(1 for b in original_breaks if b < offset)}"


@dataclass
class Article:
    path: Path
    title: str
    published: date | None
    author: str | None = None
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    breaks: dict[int, tuple[int, ...]] = field(default_factory=dict)  # block index -> line-break offsets
    date_given: bool = False  # True when the date came from --published rather than the page

    def locator(self, block_index: int, offset: int) -> str:
        return self.blocks[block_index].locator_at(offset, self.breaks.get(block_index, ()))


def read_article(path: Path, title: str | None = None, published: date | None = None) -> Article:
    """Read an article; ``title`` and ``published`` override what the file says. Raises
    BadInputError for a file that cannot be read or that holds no story."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BadInputError([Problem(str(path), "", f"cannot read: {error.strerror}")]) from error
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        article = _read_html(path, raw)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise BadInputError(
                [Problem(str(path), "", f"not UTF-8 text (byte {error.start}); save the article as UTF-8")]
            ) from error
        article = _read_markdown(path, text) if suffix in MARKDOWN_SUFFIXES else _read_text(path, text)
    if title:
        article.title = title
    if published:
        article.published, article.date_given = published, True
    if not article.blocks:
        raise BadInputError([Problem(str(path), "", "no paragraphs of text found in the article")])
    if not article.title:
        article.title = article.blocks[0].text[:80]
    return article


# -- plain text ----------------------------------------------------------------------------------


def _paragraphs(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, with the (1-based) line each starts on."""
    found: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if found and found[-1][0] + len(found[-1][1]) == number:
                found[-1][1].append(line)
            else:
                found.append((number, [line]))
    return found


def _is_label(lines: list[str]) -> bool:
    """Headings or page labels: short lines that do not end a sentence."""
    return all(
        sum(any(char.isalnum() for char in word) for word in line.split()) <= 16  # "|" is no word
        and not _SENTENCE_END.search(line.strip())
        and not _INNER_SENTENCE_END.search(line)
        for line in lines
    )


def _split_head(paragraphs: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """The first lines of a text file one by one when they are labels or a byline: a title
    directly above its byline is two things, not one paragraph."""
    result: list[tuple[int, list[str]]] = []
    for position, (number, lines) in enumerate(paragraphs):
        if (
            position < 6
            and len(lines) > 1
            and all(_is_label([line]) or _BYLINE.match(line) for line in lines)
        ):
            result += [(number + offset, [line]) for offset, line in enumerate(lines)]
        else:
            result.append((number, lines))
    return result


def _read_text(path: Path, text: str) -> Article:
    paragraphs = _split_head(_paragraphs(text.splitlines()))
    article = Article(path=path, title="", published=None)
    head = paragraphs[:_HEAD]
    for index, (number, lines) in enumerate(head):
        line = lines[0].strip()
        if not article.title and len(lines) == 1 and len(line.split()) >= 4 and _is_label(lines):
            article.title = line
            continue
        byline = _BYLINE.match(line) if len(lines) == 1 and len(line) <= _BYLINE_LENGTH else None
        if article.published is None and byline and (found := parse_date_text(byline.group("date"))):
            article.published = found
            article.author = byline.group("author").strip() or None
            paragraphs[index] = (number, [])
        elif article.published is None and len(lines) == 1 and len(line) < 60:
            found = parse_date_text(line)
            if found:
                article.published = found
                paragraphs[index] = (number, [])
    for number, lines in paragraphs:
        if len(lines) > 1 and _is_section_label(lines[0]) and not _is_label(lines[1:]):
            number, lines = number + 1, lines[1:]
        if not lines or _is_label(lines) or " ".join(lines).strip() == article.title:
            continue
        _add_block(article, lines, f"line {number}", number)
    return article


def _is_section_label(line: str) -> bool:
    """ "POSCO HOLDINGS / D-WAVE" right above a roundup item's first line: a label in capitals,
    not the start of the item's first sentence."""
    letters = [char for char in line if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters) and _is_label([line])


def _add_block(article: Article, lines: list[str], locator: str, line: int | None) -> None:
    joined = "\n".join(line.rstrip() for line in lines)
    breaks = tuple(i for i, char in enumerate(joined) if char == "\n")
    flat = joined.replace("\n", " ")
    dateline = _DATELINE.match(flat)
    if dateline:  # "SEOUL, March 4 (Newswire) — ": where and when, not the story
        if article.published is None and dateline.group("date"):
            article.published = parse_date_text(dateline.group("date").lstrip(", "))
        shift = dateline.end()
        flat = flat[shift:]
        if line is not None:
            line += sum(1 for b in breaks if b < shift)
        breaks = tuple(b - shift for b in breaks if b >= shift)
    if flat.strip():
        article.breaks[len(article.blocks)] = breaks
        article.blocks.append(Block(text=flat, locator=locator, line=line))


# -- Markdown ------------------------------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_PREFIX = re.compile(r"^\s{0,3}(>\s?|[-*+]\s+|\d+[.)]\s+)")


def _read_markdown(path: Path, text: str) -> Article:
    lines = text.splitlines()
    meta: dict[str, object] = {}
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), None)
        if end is not None:
            try:
                loaded = yaml.safe_load("\n".join(lines[1:end]))
            except yaml.YAMLError:
                loaded = None
            meta = loaded if isinstance(loaded, dict) else {}
            lines = [""] * (end + 1) + lines[end + 1 :]  # keep line numbers
    article = Article(path=path, title=str(meta.get("title") or ""), published=None)
    when = meta.get("date") or meta.get("published")
    article.published = when if isinstance(when, date) else parse_date_text(str(when or ""))
    article.author = str(meta["author"]) if meta.get("author") else None
    article.url = str(meta["url"]) if meta.get("url") else None
    cleaned: list[str] = []
    items: set[int] = set()  # the (1-based) lines that are items of a list
    for line in lines:
        if line.lstrip().startswith("#"):
            heading = line.lstrip("# ").strip()
            article.title = article.title or heading
            cleaned.append("")  # a heading ends a paragraph and is not part of the story
            continue
        if _MD_PREFIX.match(line):
            items.add(len(cleaned) + 1)
        line = _MD_PREFIX.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", _MD_EMPHASIS.sub(r"\2", line))
        cleaned.append(line)
    for position, (number, block) in enumerate(_lists_joined(_paragraphs(cleaned), items)):
        if _is_label(block) or " ".join(block).strip() == article.title:
            if article.published is None and position < _HEAD and len(block) == 1:
                article.published = _short_line_date(block[0])  # "*Seoul, June 18, 2030*"
            continue
        _add_block(article, block, f"line {number}", number)
    return article


def _lists_joined(paragraphs: list[tuple[int, list[str]]], items: set[int]) -> list[tuple[int, list[str]]]:
    """A list right after a paragraph that ends with a colon is the rest of its sentence ("The
    alliance starts with nine members:" and the members, one a line); the blank line between them
    stays, so that locators still count lines."""
    joined: list[tuple[int, list[str]]] = []
    for number, lines in paragraphs:
        previous = joined[-1] if joined else None
        is_list = all(number + offset in items for offset in range(len(lines)))
        if previous is not None and is_list and previous[1][-1].rstrip().endswith(":"):
            gap = number - (previous[0] + len(previous[1]))
            joined[-1] = (previous[0], [*previous[1], *[""] * gap, *lines])
        else:
            joined.append((number, lines))
    return joined


def _short_line_date(line: str) -> date | None:
    """The date a short line at the top of a page gives: a byline or a dateline of its own."""
    return parse_date_text(line) if len(line.strip()) <= _BYLINE_LENGTH else None


# -- HTML ----------------------------------------------------------------------------------------

_NOT_STORY = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "iframe")
_META_DATES = ("article:published_time", "og:published_time", "datePublished", "date", "pubdate", "dc.date")


def _read_html(path: Path, raw: bytes) -> Article:
    soup = BeautifulSoup(raw, "lxml")
    title = _meta(soup, "og:title") or ""
    heading = soup.find("h1")
    if not title and heading:
        title = heading.get_text(" ", strip=True)
    if not title and soup.title and soup.title.string:
        title = re.split(r"\s+[|–-]\s+", soup.title.string.strip())[0]
    article = Article(path=path, title=title, published=_html_date(soup))
    article.author = _meta(soup, "author") or _meta(soup, "article:author")
    canonical = soup.find("link", rel="canonical")
    article.url = _meta(soup, "og:url") or (
        str(canonical.get("href")) if isinstance(canonical, Tag) else None
    )
    for tag in soup.find_all(_NOT_STORY):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    number = 0
    for element in root.find_all(["p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6"]):
        if element.find_parent(["p", "li", "blockquote"]) is not None:
            continue  # text inside a paragraph is read with it
        text = " ".join(element.get_text(" ", strip=True).split())
        if not text or element.name.startswith("h"):
            continue
        classes = " ".join(element.get("class") or [])
        byline = _BYLINE.match(text) if len(text) <= _BYLINE_LENGTH else None
        if "byline" in classes or (byline and text.lower().startswith("by ")):
            if article.published is None and byline:
                article.published = parse_date_text(byline.group("date"))
            article.author = article.author or (byline.group("author").strip() if byline else None)
            continue
        if (
            element.name == "li"
            and article.blocks
            and article.blocks[-1].text.rstrip().endswith(_LIST_GOES_ON)
        ):
            # "The other investors were:" and its items ("A;", "B, an arm of C;", "and D."):
            # one sentence, as the writer wrote it
            last = article.blocks[-1]
            article.blocks[-1] = Block(
                text=f"{last.text.rstrip()} {text}", locator=last.locator, line=last.line
            )
            continue
        if _is_label([text]) or _STANDFIRST & set(classes.split()):
            continue  # a standfirst ("dek") sums the story up, as the headline does
        number += 1
        _add_block(article, [text], f"paragraph {number}", None)
    return article


_STANDFIRST = frozenset(["dek", "standfirst", "subtitle", "subhead", "summary", "kicker", "strapline"])
_LIST_GOES_ON = (":", ";", ",", " and", " or")
"""How a paragraph or list item ends when the list item after it continues its sentence."""


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    if isinstance(tag, Tag) and tag.get("content"):
        return str(tag["content"]).strip() or None
    return None


def _html_date(soup: BeautifulSoup) -> date | None:
    for name in _META_DATES:
        found = parse_date_text(_meta(soup, name) or "")
        if found:
            return found
    time_tag = soup.find("time")
    if isinstance(time_tag, Tag):
        found = parse_date_text(str(time_tag.get("datetime") or time_tag.get_text()))
        if found:
            return found
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and (found := parse_date_text(str(item.get("datePublished", "")))):
                return found
    return None
