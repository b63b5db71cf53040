"""Who heads what, from the titles news gives people: "Pasqal CEO Loic Henriet", "Daejeon Mayor
Lee Jang-woo", "Science Minister Bae Kyung-hoon" (the ministry whose name says science),
"Christian Weedbrook, founder and chief executive of Xanadu", "Its chief executive, Niccolo
de Masi". A deputy, a vice-president or a former chief leads nothing."""

from __future__ import annotations

from graph.model import EntityKind, RelationshipKind
from ingest.extract.lexicon import LEADING_TITLES, NOT_LEADING, TITLE_WORDS
from ingest.extract.mentions import ORGANISATIONS
from ingest.extract.sentence import Finding, Mention, Sentence
from ingest.extract.state import ArticleState

_HEADED = ORGANISATIONS | {EntityKind.PLACE, EntityKind.PROGRAMME, EntityKind.CLUSTER, None}
_TITLE_PARTS = TITLE_WORDS | {"executive", "officer", "chief", "and", "co-founder"}


_APPOINTED = frozenset({"named", "appointed", "chosen", "elected", "picked", "tapped"})


def appointed(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Park Ji-hoon, a professor at Korea University, was named the alliance's first chair",
    "Kim was appointed head of the centre": the person leads what the title is of."""
    findings: list[Finding] = []
    doc = s.span.doc
    for person in s.mentions:
        if state.kind(person) is not EntityKind.PERSON:
            continue
        j = person.end
        if j < s.span.end and doc[j].text == ",":  # past ", a professor of physics at X,"
            j += 1
            while j < s.span.end and doc[j].text != ",":
                j += 1
            j += 1
        while j < s.span.end and doc[j].lower_ in {"was", "is", "has", "been", "will", "be", "also"}:
            j += 1
        past = _past_appointing_verb(s, j)
        if past is None:
            continue
        j = past
        while j < s.span.end and doc[j].lower_ in {"as", "the", "its"}:
            j += 1
        owner = s.at(j)
        if owner is not None and owner.end < s.span.end and doc[owner.end].text in {"'s", "’s"}:
            k = owner.end + 1
            titles: list[str] = []
            while k < s.span.end and doc[k].lower_ in _TITLE_PARTS | {"first", "new", "founding"}:
                titles.append(doc[k].lower_)
                k += 1
        else:
            titles = []
            k = j
            while k < s.span.end and doc[k].lower_ in _TITLE_PARTS | {"first", "new", "founding"}:
                titles.append(doc[k].lower_)
                k += 1
            if k >= s.span.end or doc[k].lower_ != "of":
                continue
            after = s.first_party_after(k + 1, limit=3)
            owner = after[0] if after else None
        if owner is None or not _leads(titles) or state.kind(owner) not in _HEADED:
            continue
        findings.append(
            Finding(
                RelationshipKind.LEADS, person.id, owner.id, "appointed", 0.8, s, person.start, dated=False
            )
        )
    return findings


def _past_appointing_verb(s: Sentence, j: int) -> int | None:
    """Past "named", "takes over as" or "becomes" at ``j``, else None."""
    doc = s.span.doc
    words = [t.lower_ for t in doc[j : min(j + 3, s.span.end)]]
    if words[:1] and words[0] in _APPOINTED:
        return j + 1
    if words[:1] and words[0] in _TAKES and words[1:3] == ["over", "as"]:
        return j + 3  # "Lee Ga-eun takes over as chair of the KQIA"
    if words[:1] and words[0] in _BECOMES:
        return j + 1  # "Chae Min-gyu becomes its first president"
    return None


_TAKES = frozenset({"takes", "took", "take", "taking", "taken"})
_BECOMES = frozenset({"becomes", "became", "become"})


def titled_people(s: Sentence, state: ArticleState) -> list[Finding]:
    findings: list[Finding] = []
    for person in s.mentions:
        if state.kind(person) is None and person.end - person.start == 2 and person.via == "name":
            organisation, _ = _title_is(s, person, state)
            copula = person.end < s.span.end and s.span.doc[person.end].lower_ in {"is", "remains"}
            if organisation is None and copula:  # "Camille Rousseau is chief executive of Quandela Korea"
                organisation, _ = _title_after(s, person, state)
            if organisation is not None:  # "Its chief executive is Subodh Kulkarni": a person
                state.registry.get(person.id).kind = EntityKind.PERSON
                person.kind = EntityKind.PERSON
        if state.kind(person) is not EntityKind.PERSON:
            continue
        for organisation, rule in (
            _title_before(s, person, state),
            _title_after(s, person, state),
            _title_is(s, person, state),
        ):
            if organisation is not None and organisation != person.id:
                findings.append(
                    Finding(
                        RelationshipKind.LEADS,
                        person.id,
                        organisation,
                        rule,
                        0.85,
                        s,
                        person.start,
                        dated=False,
                    )
                )
                break
    return findings


def _title_before(s: Sentence, person: Mention, state: ArticleState) -> tuple[str | None, str]:
    doc = s.span.doc
    j = person.start - 1
    if j >= s.span.start and doc[j].text == ",":
        j -= 1  # "Its chief executive, Niccolo de Masi"
    portfolio = _minister_of(s, person, state)
    if portfolio is not None:
        return portfolio, "minister-of"
    titles: list[str] = []
    while j >= s.span.start and doc[j].lower_ in _TITLE_PARTS and s.at(j) is None:
        titles.insert(0, doc[j].lower_)
        j -= 1
    if not _leads(titles) or (j >= s.span.start and doc[j].lower_ in NOT_LEADING):
        return None, ""
    if "minister" in titles:
        return _minister(s, j, state), "minister-of-topic"
    if (j < s.span.start or s.at(j) is None) and {"mayor", "governor"} & set(titles):
        return _governed(s, person, state), "mayor-or-governor"
    if j >= s.span.start and doc[j].text in {"'s", "’s"}:
        j -= 1
    before = s.at(j) if j >= s.span.start else None
    if before is not None and state.kind(before) in _HEADED:
        return before.id, "title-of"
    if j >= s.span.start and doc[j].lower_ in {"its", "their"}:
        # "The Tel Aviv-based company opened an office ..., its chief executive, X, said": the
        # organisation the sentence opens with, when it names no other; "Its chief executive,
        # X, said" opening a sentence: the first organisation of the one before
        earlier = [m for m in s.mentions if m.start < j and s.party(m) and state.kind(m) in ORGANISATIONS]
        if len({m.id for m in earlier}) == 1 and earlier[0].start <= s.span.start + 2:
            return earlier[0].id, "title-of-subject"  # one organisation before "its": no doubt whose
        if earlier:
            return None, ""
        if s.previous is not None:
            owner = next(
                (m for m in s.previous.mentions if s.previous.party(m) and m.kind in ORGANISATIONS), None
            )
            return (owner.id if owner else None), "title-of-previous"
    return None, ""


def _minister_of(s: Sentence, person: Mention, state: ArticleState) -> str | None:
    """ "Minister of Science and ICT Yoo Sang-im": the ministry named by the words after "of"
    (the Ministry of Science and ICT); a vice or deputy minister leads nothing."""
    doc = s.span.doc
    topic: list[str] = []
    j = person.start - 1
    while j > s.span.start and person.start - j <= 8:
        word = doc[j].lower_
        if word == "of" and doc[j - 1].lower_ == "minister":
            if j - 2 >= s.span.start and doc[j - 2].lower_ in NOT_LEADING:
                return None
            return _ministry(state, topic, None) if topic else None
        inside = s.at(j)
        if not (doc[j].is_title or doc[j].is_upper or word in {"and", "&"}) or (
            inside is not None and state.kind(inside) is not None
        ):
            return None
        topic.insert(0, word)
        j -= 1
    return None


def _ministry_of_country(state: ArticleState, found: str | None, country: str) -> str | None:
    """``found`` if it is ``country``'s ministry: "France's Minister of Science" is not the
    ministry the article named, which is another country's or, where the article does not say,
    Korea's (the country these articles are about)."""
    item = state.registry.items.get(found) if found is not None else None  # a store entity: not said
    known = item.country if item is not None else None
    return found if known == country or (known is None and country == "KR") else None


def _country_after(s: Sentence, index: int, state: ArticleState) -> str | None:
    """The country of "of France" right after a portfolio, if it names one."""
    doc = s.span.doc
    if index + 1 >= s.span.end or doc[index].lower_ != "of":
        return None
    place = s.at(index + 1)
    if place is None or state.kind(place) is not EntityKind.PLACE:
        return None
    return state.registry.get(place.id).country or "elsewhere"


def _portfolio_after(s: Sentence, j: int, state: ArticleState) -> list[str]:
    """The capitalised words of a portfolio from token ``j``: "Science and ICT" in "Minister of
    Science and ICT, said"; none when a name of a known kind stands there."""
    doc = s.span.doc
    topic: list[str] = []
    while j < s.span.end and (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in {"and", "&"}):
        inside = s.at(j)
        if inside is not None and state.kind(inside) is not None:
            return []
        topic.append(doc[j].lower_)
        j += 1
    return topic if topic and topic[-1] not in {"and", "&"} else []


def _minister(s: Sentence, j: int, state: ArticleState) -> str | None:
    """ "Korean Science Minister": the ministry whose name has "science", of Korea if that
    narrows it; "Danish Minister": Denmark's one ministry in the article."""
    doc = s.span.doc
    topic: list[str] = []
    country: str | None = None
    while j >= s.span.start:
        found = s.at(j)
        if found is not None and state.kind(found) is EntityKind.PLACE:
            country = state.registry.get(found.id).country
            break
        if found is not None or not (
            doc[j].is_title or doc[j].is_upper or doc[j].lower_ in {"and", "&", ","}
        ):
            break  # "Science and ICT Minister", "Trade, Industry and Energy Minister"
        topic.insert(0, doc[j].lower_)
        j -= 1
    return _ministry(state, topic, country)


def _title_after(s: Sentence, person: Mention, state: ArticleState) -> tuple[str | None, str]:
    """ "X, founder and chief executive of Xanadu," or "X, Xanadu's chief executive,"."""
    doc = s.span.doc
    j = person.end
    copula = doc[j].lower_ in {"is", "remains"} if j < s.span.end else False
    if j >= s.span.end or (doc[j].text != "," and not copula):
        return None, ""  # "X, chief executive of Y," and "X is chief executive of Y"
    j += 1
    if copula and j < s.span.end and doc[j].lower_ in {"a", "an"}:
        return None, ""  # "X is a director of Samsung": one of several
    owner: Mention | None = None
    if (found := s.at(j)) is not None and found.end < s.span.end and doc[found.end].text in {"'s", "’s"}:
        owner, j = found, found.end + 1
    elif found is not None and found.end < s.span.end and doc[found.end].lower_ in _TITLE_PARTS:
        owner, j = found, found.end  # "Hwang Hyeon-sik, LG Uplus chief executive, said"
    titles: list[str] = []
    while j < s.span.end and doc[j].lower_ in _TITLE_PARTS | {"the", "a", "of"} and s.at(j) is None:
        titles.append(doc[j].lower_)
        j += 1
    if (
        owner is None
        and j + 1 < s.span.end
        and doc[j].lower_ in {"who", "which"}
        and doc[j + 1].lower_ in _HEADS
    ):
        after = s.first_party_after(j + 2, limit=2)  # "Kang Ji-hoon, the minister who heads MSIT"
        owner = after[0] if after else None
        titles.append("head")
    if not _leads([t for t in titles if t != "of"]) or any(word in NOT_LEADING for word in titles):
        return None, ""
    if owner is not None and state.kind(owner) is EntityKind.PLACE and "minister" in titles:
        # "Pierre Dupont, France's Minister of Science,": France's ministry, if the article names it
        portfolio = _portfolio_after(s, j, state) if titles[-1] == "of" else []
        of_country = state.registry.get(owner.id).country or "elsewhere"
        return _ministry_of_country(state, _ministry(state, portfolio, of_country), of_country), "title-after"
    if owner is None and titles[-2:] == ["minister", "of"]:
        portfolio = _portfolio_after(s, j, state)
        country = _country_after(s, j + len(portfolio), state)  # "Minister of Science of France"
        ministry = _ministry(state, portfolio, country)
        if ministry is not None:  # "Lee Jae-hoon, Minister of Science and ICT,": the Ministry of ...
            return ministry, "title-after"
    if owner is None and titles and titles[-1] == "of":
        after = s.first_party_after(j, limit=2)
        owner = after[0] if after else None
    if owner is not None and state.kind(owner) in _HEADED:
        return owner.id, "title-after"
    return None, ""


_HEADS = frozenset(["heads", "leads", "runs", "chairs", "directs", "headed", "led", "ran"])


def _title_is(s: Sentence, person: Mention, state: ArticleState) -> tuple[str | None, str]:
    """ "Its current chief executive is Subodh Kulkarni": the organisation of the sentence
    before, when "its" opens this one."""
    doc = s.span.doc
    j = person.start - 1
    if j <= s.span.start or doc[j].lower_ not in {"is", "was"}:
        return None, ""
    j -= 1
    titles: list[str] = []
    while j >= s.span.start and doc[j].lower_ in _TITLE_PARTS | {"current", "new"}:
        titles.insert(0, doc[j].lower_)
        j -= 1
    if not _leads([t for t in titles if t not in {"current", "new"}]) or j < s.span.start:
        return None, ""
    if doc[j].lower_ in {"its", "their"} and j == s.span.start and s.previous is not None:
        owner = next(
            (m for m in s.previous.mentions if s.previous.party(m) and m.kind in ORGANISATIONS), None
        )
        return (owner.id if owner else None), "title-is"
    if doc[j].text in {"'s", "’s"} and (found := s.at(j - 1)) is not None and state.kind(found) in _HEADED:
        return found.id, "title-is"
    return None, ""


def _governed(s: Sentence, person: Mention, state: ArticleState) -> str | None:
    """ "Governor Kim Jin-tae said the province ...": the city or province the sentence names
    after the title, else the latest the article named (never a country)."""
    governments = {EntityKind.PLACE, EntityKind.GOVERNMENT_BODY}
    doc = s.span.doc
    title = doc[person.start - 1].lower_ if person.start > s.span.start else ""
    if title in {"governor", "mayor"}:  # a governor heads a province, a mayor a city

        def fits(entity_id: str, name: str) -> bool:
            return entity_id not in state.countries and ("province" in name.lower()) == (title == "governor")

        for mention in s.mentions:
            if (
                mention.start > person.start
                and state.kind(mention) in governments
                and fits(mention.id, state.name(mention.id))
            ):
                return mention.id
        for entity_id, kind, name in reversed(state.history.seen):
            if kind in governments and fits(entity_id, name):
                return entity_id
    for mention in s.mentions:
        if (
            mention.start > person.start
            and state.kind(mention) in governments
            and mention.id not in state.countries
        ):
            return mention.id
    for entity_id, kind, _ in reversed(state.history.seen):
        if kind is EntityKind.PLACE and entity_id not in state.countries:
            return entity_id
    return None


def _leads(titles: list[str]) -> bool:
    if not titles or any(word in NOT_LEADING for word in titles):
        return False
    if titles[-1] == "officer":
        titles = titles[:-1]  # "Chief Executive Officer"
    if titles[-2:] == ["chief", "executive"] or "ceo" in titles:
        return True
    return any(word in LEADING_TITLES - {"chief", "executive"} for word in titles)


def _ministry(state: ArticleState, topic: list[str], country: str | None) -> str | None:
    """The one ministry (in the article, else in the store) whose name holds every topic word
    (and, given a country, that is that country's)."""
    words = [word for word in topic if word not in {"the", "and", "&", ",", "of"}]
    found = state.registry.find_named(EntityKind.GOVERNMENT_BODY, ["ministry", *words], country=country)
    if found is None and words:  # "Innovation Minister" of the "Department of Innovation, Science and ..."
        found = state.registry.find_named(EntityKind.GOVERNMENT_BODY, ["department", *words], country=country)
    return found


RULES = [titled_people, appointed]
