"""One sentence as the rules see it: its tokens, the entities mentioned in it, the triggers found
in it, and the questions every rule asks: who is the subject of this verb, who comes after this
preposition, is it planned or done, when did it happen.

The subject of a trigger is the nearest group of mentions before it in the same clause that is
not the object of a preposition ("in South Korea"), a possessive ("the ministry's"), or a
modifier ("US-based", "French"). A group is a list: "Samsung Electronics, LG Electronics, and SK
Telecom". Without a parser these are approximations, and each rule's confidence says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span

from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from ingest.extract.amounts import Money, find_dates, find_money
from ingest.extract.lexicon import CURRENCY_SIGNS, PREPOSITIONS, TITLE_WORDS

CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "while", "whereas", "but", "although", "though"})
_SEPARATORS = frozenset({",", "and", "&", "as", "well"})
_APPOSITION = frozenset({"a", "an", "the", "which", "who", "its", "based", "headquartered", "whose"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_SKIPPABLE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_PLANNED = frozenset(
    {"will", "would", "shall", "plans", "plan", "planning", "aims", "intends", "expected", "set"}
)
_SUBJECT_BLOCKERS = frozenset({"with", "by", "from", "between", "than", "against", "among", "like"})
_VERB_HELPERS = frozenset(
    {"will", "would", "be", "is", "was", "are", "were", "to", "has", "have", "been", "also"}
)
# Words that open an aside between a name and its verb: "SDT, a maker of sensors, has raised",
# "The park, in the west of the city, was set up by"
_APPOSITION_OPENERS = frozenset(
    {"a", "an", "the", "one", "its", "which", "who", "whose", "where", "in", "near", "outside"}
)
_CLAUSE_VERBS = frozenset(
    [
        "has",
        "have",
        "had",
        "will",
        "would",
        "is",
        "are",
        "was",
        "were",
        "said",
        "says",
        "signed",
        "agreed",
        "plans",
        "announced",
        "can",
        "could",
        "may",
    ]
)
_SAY = frozenset({"said", "says", "announced", "added", "noted", "stated", "confirmed", "told"})
_NOT_EVENT_DATE = frozenset({"by", "until", "through", "before", "from", "since", "till", "after", "next"})


@dataclass
class Mention:
    start: int  # token offsets in the paragraph's doc
    end: int
    id: str
    kind: EntityKind | None
    via: str = "name"  # "name", "anaphora", "based"
    modifier: bool = False  # "US-based", "French": says where something is; not a party
    partner: str | None = None  # "the two companies": the second of the pair
    others: tuple[str, ...] = ()  # "the three companies": the rest of the group


@dataclass
class Sentence:
    span: Span
    mentions: list[Mention]
    locator: str
    triggers: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    previous: Sentence | None = None

    @property
    def text(self) -> str:
        return self.span.text.strip()

    # -- mentions ----------------------------------------------------------------------------

    def at(self, index: int) -> Mention | None:
        for mention in self.mentions:
            if mention.start <= index < mention.end:
                return mention
        return None

    def name_end(self, mention: Mention) -> int:
        """The token after ``mention`` and the short bracket that may follow it: "the Korea
        Institute of Science and Technology Information (KISTI), a Daejeon-based institute"."""
        doc = self.span.doc
        j = mention.end
        if j < self.span.end and doc[j].text == "(":
            for k in range(j + 1, min(self.span.end, j + 5)):
                if doc[k].text == ")":
                    return k + 1
        return j

    def named_before(self, index: int) -> Mention | None:
        """The mention that ends at token ``index``, or whose short bracket does."""
        doc = self.span.doc
        if doc[index].text == ")":
            for k in range(index - 1, max(self.span.start, index - 5) - 1, -1):
                if doc[k].text == "(":
                    before = self.at(k - 1) if k > self.span.start else None
                    return before if before is not None and self.name_end(before) == index + 1 else None
        return self.at(index)

    def possessive(self, mention: Mention) -> bool:
        doc = self.span.doc
        return mention.end < len(doc) and doc[mention.end].text in _POSSESSIVE

    def after_preposition(self, mention: Mention) -> bool:
        """Whether ``mention`` is the object of a preposition ("in South Korea", "with US-based
        quantum computing company IonQ"), looking past articles, descriptions and modifiers."""
        doc = self.span.doc
        j = mention.start - 1
        if doc[mention.start].lower_ in {"the", "a", "an", "both"}:  # "the carriers": a whole phrase
            return j >= self.span.start and doc[j].lower_ in PREPOSITIONS
        if j >= self.span.start and doc[j].lower_ in _SCENES and j <= self.span.start + 3:
            return False  # "At the ceremony Classiq and KT signed": an opening phrase ended before the name
        steps = 0
        while j >= self.span.start and steps < 6:
            token = doc[j]
            other = self.at(j)
            if other is not None and (other.modifier or self.possessive(other)):
                j = other.start - 1  # "in Incheon's Songdo district"
            elif token.text in _POSSESSIVE:
                j -= 1
            elif token.lower_ in PREPOSITIONS:
                return True
            elif token.lower_ in _SKIPPABLE or (token.is_lower and token.is_alpha and not token.is_stop):
                j -= 1
            else:
                return False
            steps += 1
        return False

    def describes_a_noun(self, mention: Mention, besides: frozenset[str] = frozenset({"and"})) -> bool:
        """Whether a lower-case word (other than ``besides``) follows the name, which then only
        describes it: "former KT executives", "the Korea Quantum Industry Alliance working group"."""
        doc = self.span.doc
        after = self.name_end(mention)
        return (
            after < self.span.end
            and doc[after].is_lower
            and doc[after].is_alpha
            and doc[after].lower_ not in besides
        )

    def party(self, mention: Mention) -> bool:
        """A mention that can be a party to a relationship here: not a modifier or possessive."""
        return not mention.modifier and not self.possessive(mention)

    def group_left(self, mention: Mention, *, whole: bool = False) -> list[Mention]:
        """The list that ends with ``mention``; ``whole`` keeps its first item even after a
        preposition ("with A, B and C among its members")."""
        group = [mention]
        while True:
            previous = self._neighbour(group[0].start - 1, -1)
            if previous is None or self.after_preposition(previous):
                # "ORNL, the largest laboratory of the DOE, and KISTI": the item before the
                # apposition, not the name inside it
                previous = self._before_apposition(group[0].start - 1) or previous
            if previous is None or not self.party(previous):
                return _with_partners(group)
            if self.after_preposition(previous):
                if whole:
                    group.insert(0, previous)
                return _with_partners(group)
            group.insert(0, previous)

    def _before_apposition(self, index: int) -> Mention | None:
        """The list item before an apposition that ends at ``index``: "Multiverse Computing, a
        Spanish developer of software, and HD KSOE" gives Multiverse Computing."""
        doc = self.span.doc
        j = index
        if j >= self.span.start and doc[j].lower_ == "the":
            j -= 1  # "..., and the Korea Institute of ..."
        if j >= self.span.start and doc[j].lower_ in {"and", "&"}:
            j -= 1
        if j <= self.span.start or doc[j].text != ",":
            return None
        end = self._apposition_start(j, self.span.start)
        return self.named_before(end) if end is not None else None

    def group_right(self, mention: Mention) -> list[Mention]:
        group = [mention]
        while True:
            following = self._neighbour(group[-1].end, +1)
            if (
                following is None
                or not self.party(following)
                or self._opens_clause(following)
                or (len(group) == 1 and self._subject_of_next_clause(following))
            ):
                return _with_partners(group)
            group.append(following)

    def _subject_of_next_clause(self, mention: Mention) -> bool:
        """ "invest 50 billion won in a new fund, and the ministry will invest a further 20
        billion won": after ", and", a name followed by its own verb starts a clause of its own
        (after one object only: "including A, B, and C have formed" ends a list)."""
        doc = self.span.doc
        before, after = mention.start - 1, self.name_end(mention)
        if before > self.span.start and doc[before].lower_ == "the":
            before -= 1
        return (
            before - 1 > self.span.start
            and doc[before].lower_ == "and"
            and doc[before - 1].text == ","
            and after < self.span.end
            and doc[after].lower_ in _CLAUSE_VERBS - {"said", "says", "announced"}
        )

    def _named_item(self, index: int) -> bool:
        """ "A, the Korea Institute of Ocean Science and Technology (KIOST) and B": a name after
        "the" that is followed by the rest of a list, not an apposition."""
        doc = self.span.doc
        named = self.at(index + 1)
        if doc[index].lower_ != "the" or named is None or named.modifier or named.start != index + 1:
            return False
        if named.kind is EntityKind.PLACE:
            return False  # "Rigetti, the Berkeley, California-based maker"
        return named.end < self.span.end and doc[named.end].lower_ in {",", "and"}

    def _opens_clause(self, mention: Mention) -> bool:
        """ "..., and Rigetti Computing, a US maker, has agreed": a new subject, not a list item;
        nor is "to KAIST, and LG 3 billion won to POSTECH", a clause with its verb left out."""
        doc = self.span.doc
        j = mention.end
        if j < self.span.end and (doc[j].like_num or doc[j].text[:1] in CURRENCY_SIGNS):
            return True
        if not (j + 1 < self.span.end and doc[j].text == "," and doc[j + 1].lower_ in _APPOSITION):
            return False  # the last of a list is followed by its verb: "A, B, and C have formed"
        j += 1
        while j < self.span.end and doc[j].text not in {",", ".", ";"}:
            j += 1
        return j + 1 < self.span.end and doc[j + 1].lower_ in _CLAUSE_VERBS

    def _neighbour(self, index: int, step: int) -> Mention | None:
        """The mention on the other side of a list separator next to ``index`` ("A, B and C"),
        looking past the words that describe either item: articles, up to three describing
        words, place adjectives and possessives ("KIST and Denmark's Ministry of ...",
        "BlackRock and Microsoft's venture fund M12")."""
        doc = self.span.doc
        j = index
        seen_separator = False
        commas = 0
        fillers = 0
        while self.span.start <= j < self.span.end:
            found = self.at(j)
            token = doc[j]
            if found is not None and not found.modifier and not self.possessive(found):
                return found if seen_separator else None
            if (
                found is not None
                or token.text in _POSSESSIVE
                or token.lower_ in _SKIPPABLE
                or (token.is_lower and token.is_alpha and not token.is_stop)
            ):
                fillers += 1
                if fillers > 4:
                    return None
                if found is not None:
                    j = found.start - 1 if step < 0 else found.end
                    continue
            elif token.lower_ in _SEPARATORS:
                commas += token.text == ","
                if commas > 1 or (seen_separator and fillers):
                    return None  # two commas, or words between two separators: not one list
                if (
                    token.text == ","
                    and step > 0
                    and j + 1 < self.span.end
                    and doc[j + 1].lower_ in _APPOSITION
                    and not self._named_item(j + 1)
                ):
                    return None  # "IonQ, a US company": an apposition, not the next item
                seen_separator = True
                fillers = 0
            else:
                return None
            j += step
        return None

    # -- clauses and slots -------------------------------------------------------------------

    def _breaks(self, j: int) -> bool:
        doc = self.span.doc
        if doc[j].lower_ not in CLAUSE_BREAKS:
            return False
        # "South Korea : has released": a colon with space on both sides is typography, not a break
        return not (doc[j].text == ":" and j > 0 and doc[j - 1].whitespace_)

    def clause_start(self, index: int) -> int:
        for j in range(index - 1, self.span.start - 1, -1):
            if self._breaks(j):
                return j + 1
        return self.span.start

    def clause_end(self, index: int) -> int:
        for j in range(index, self.span.end):
            if self._breaks(j):
                return j
        return self.span.end

    def subject(self, index: int, max_gap: int = 10) -> list[Mention]:
        """The parties acting at token ``index``: the nearest group before it in its clause."""
        doc = self.span.doc
        j = index - 1
        gap = 0
        start = self.clause_start(index)
        while j >= start:
            found = self.at(j)
            if found is not None:
                if self.party(found) and not self.after_preposition(found):
                    return self.group_left(found)
                j = found.start - 1
                gap += 1
                continue
            word = doc[j].lower_
            if word == ",":
                opening = self._apposition_start(j, start)
                if opening is not None:  # "SDT, a Seoul-based maker of sensors, has raised"
                    j = opening
                    continue
            if word == "and" and max_gap < 14:
                max_gap += 4  # "opened an office in X and announced a partnership": one subject
            if word in {"it", "they"}:
                return self._pronoun(j)
            if word in {"which", "who"}:
                before = j - 1 if j - 1 >= start and doc[j - 1].text != "," else j - 2
                antecedent = self.at(before) if before >= start else None
                if antecedent is None and j - 1 >= start and doc[j - 1].text == ",":
                    # "Aegiq, the Sheffield-based maker of photonic hardware, which has joined"
                    opening = self._apposition_start(j - 1, self.span.start)
                    antecedent = self.at(opening) if opening is not None else None
                return self.group_left(antecedent) if antecedent is not None else []
            if word in _SUBJECT_BLOCKERS:
                # "Exail signed an MOU with the province and will open a lab": past "with" lies the
                # clause that the verb after "and" continues; its subject acts here too
                return self._coordinated_subject(index, start)
            gap += 1
            if gap > max_gap:
                return []
            j -= 1
        return []

    def _coordinated_subject(self, index: int, start: int) -> list[Mention]:
        """The subject of the clause that the verb at ``index`` continues after "and" (with only
        auxiliaries between them), when that clause opens with its subject."""
        doc = self.span.doc
        j = index - 1
        while j > start and doc[j].lower_ in _VERB_HELPERS:
            j -= 1
        if doc[j].lower_ != "and":
            return []
        first = next((m for m in self.mentions if m.start >= start and self.party(m)), None)
        if first is None or first.start >= j or self.after_preposition(first) or first.start - start > 2:
            return []
        return self.group_right(first)

    def apposed(self, index: int, limit: int = 10) -> Mention | None:
        """The name an apposition right before ``index`` describes: "Quantinuum, the quantum
        computing company [majority-owned by]" gives Quantinuum."""
        doc = self.span.doc
        j = index - 1
        steps = 0
        while j > self.span.start and steps < limit:
            token = doc[j]
            found = self.at(j)
            if token.text == ",":
                named = self.named_before(j - 1)
                return named if named is not None and self.party(named) else None
            if found is not None and found.modifier:
                j = found.start - 1  # "the Berkeley, California-based maker"
            elif (
                token.lower_ in {"the", "a", "an"}
                or (token.is_alpha and token.is_lower)
                or "-" in token.text
                or token.like_num
                or token.text in {"$", "€", "£", "₩"}
                or (token.is_upper and token.is_alpha and len(token.text) <= 4)  # "the IT services arm"
            ):
                j -= 1
            else:
                return None
            steps += 1
        return None

    def _apposition_start(self, comma: int, start: int) -> int | None:
        """Given the comma that closes an apposition (", a maker of sensors,"), the comma that
        opens it, when a name stands right before that one."""
        doc = self.span.doc
        for k in range(comma - 1, max(start, comma - 20) - 1, -1):
            if doc[k].text == "," and not (k + 1 < comma and (self._place_list(k) or self._based_in(k))):
                opens = k + 1 < comma and (
                    doc[k + 1].lower_ in _APPOSITION_OPENERS
                    or (doc[k + 1].is_lower and doc[k + 1].lower_.endswith("ed"))  # ", formed in 2021 by"
                )
                named = self.named_before(k - 1) if k - 1 >= start else None
                return named.end - 1 if opens and named is not None else None
        return None

    def _based_in(self, comma: int) -> bool:
        """A comma inside "the Sherbrooke, Quebec-based developer": a place's region, not an
        aside's edge."""
        word = self.span.doc[comma + 1]  # the tokenizer keeps "Quebec-based" in one piece
        return word.text[:1].isupper() and word.lower_.endswith("-based")

    def _place_list(self, comma: int) -> bool:
        """A comma inside "Broomfield, Colorado, and Cambridge, England": not a clause's edge."""
        doc = self.span.doc
        after = self.at(comma + 1) if doc[comma + 1].lower_ != "and" else self.at(comma + 2)
        before = self.at(comma - 1)
        return bool(
            after and before and after.kind is EntityKind.PLACE and before.kind in {EntityKind.PLACE, None}
        )

    def _pronoun(self, index: int) -> list[Mention]:
        """What "it" stands for: X in "X said (on Tuesday) (that) it ...", else, when "it" opens
        its sentence, the first party named in the sentence before."""
        doc = self.span.doc
        for j in range(index - 1, max(self.span.start, index - 6) - 1, -1):
            if doc[j].lower_ in _SAY:
                return self.subject(j)
        for j in range(index - 1, self.span.start - 1, -1):
            if doc[j].lower_ == doc[index].lower_:  # "it joined X, and it signed Y": the same "it"
                return self._pronoun(j)
        if index - self.span.start <= 3 and self.previous is not None:
            for mention in self.previous.mentions:
                if self.previous.party(mention) and mention.kind is not EntityKind.PLACE:
                    return [mention]
        after_and = (
            index - 2 > self.span.start and doc[index - 1].lower_ == "and" and doc[index - 2].text == ","
        )
        if index - 1 > self.span.start and (doc[index - 1].lower_ in _CLAUSE_OPENERS or after_and):
            # "Qunova ... will expand in Japan, where it opened a Tokyo office": the sentence's subject
            first = next((m for m in self.mentions if m.start < index), None)
            near_start = first is not None and first.start <= self.span.start + 2
            if first is not None and near_start and self.party(first) and first.kind is not EntityKind.PLACE:
                return [first]
        return []

    def object(self, index: int, prepositions: frozenset[str], limit: int = 8) -> list[Mention]:
        """The parties after the first of ``prepositions`` following ``index`` in its clause:
        "with US-based quantum computing company IonQ" gives IonQ."""
        doc = self.span.doc
        end = self.clause_end(index)
        j = index
        while j < min(end, index + limit):
            if doc[j].lower_ in prepositions and not (j > 0 and doc[j - 1].lower_ in _NOT_AN_OBJECT):
                return self.first_party_after(j + 1, end)
            j += 1
        return []

    def listed_after(self, index: int) -> list[Mention]:
        """The parties listed from ``index`` to the sentence's end, past what the writer says of
        each: "were: A; B, the investment arm of C; D, which also backed it; and E" gives A, B, D
        and E. Items with such descriptions are set apart by semicolons; a list without them is
        read as any list is."""
        doc = self.span.doc
        if not any(t.text == ";" for t in doc[index : self.span.end]):
            return self._listed_past_appositions(self.first_party_after(index, limit=4))
        listed: list[Mention] = []
        described = False
        for j in range(index, self.span.end):
            token = doc[j]
            if token.text == ";":
                described = False
            elif token.lower_ in {"which", "who", "that"} or (
                token.text == "," and j + 1 < self.span.end and doc[j + 1].lower_ in {"a", "an", "the"}
            ):
                described = True
            found = self.at(j)
            if found is not None and found.start == j and not described and self.party(found):
                listed.append(found)
        return listed

    def _listed_past_appositions(self, listed: list[Mention]) -> list[Mention]:
        """ "A (IDQ), the Geneva-based maker of equipment, B and C, a Busan-based maker": the list
        goes on past an apposition, at the next comma or "and" that a name follows."""
        doc = self.span.doc
        while listed:
            comma = self.name_end(listed[-1])
            if not (
                comma + 1 < self.span.end
                and doc[comma].text == ","
                and doc[comma + 1].lower_ in {"a", "an", "the"}
            ):
                return listed
            following = self._item_after_apposition(comma + 2)
            if following is None:
                return listed
            listed = listed + self.group_right(following)
        return listed

    def _item_after_apposition(self, start: int) -> Mention | None:
        """The name at the first comma or "and" from ``start`` that a name follows, unless the
        apposition ends the clause first."""
        doc = self.span.doc
        for k in range(start, self.span.end - 1):
            if doc[k].text in {";", ":", "."} or doc[k].lower_ in _ENDS_ITEM:
                return None
            if doc[k].lower_ in {",", "and"}:
                at = k + 2 if doc[k + 1].lower_ == "the" else k + 1
                found = self.at(at) if at < self.span.end else None
                if found is not None and found.start == at and self.party(found):
                    return found
        return None

    def first_party_after(self, index: int, end: int | None = None, limit: int = 7) -> list[Mention]:
        doc = self.span.doc
        end = self.span.end if end is None else end
        j = index
        described = False
        while j < min(end, index + limit):
            found = self.at(j)
            if found is not None:
                if self.party(found):
                    return self.group_right(found)
                j = found.end
                continue
            token = doc[j]
            if described and token.lower_ in PREPOSITIONS:
                return []  # "in a startup incubator in Yangjae": the object is the incubator
            described = described or (token.is_alpha and token.is_lower and not token.is_stop)
            if not (
                token.lower_ in _SKIPPABLE
                or (token.is_alpha and token.is_lower)
                or token.text in _POSSESSIVE | {"-"}
                or (token.lower_ in TITLE_WORDS and self.at(j + 1) is not None)  # "by Professor X"
            ):
                return []
            j += 1
        return []

    # -- what, when and how much --------------------------------------------------------------

    def status(self, index: int) -> RelationshipStatus:
        doc = self.span.doc
        words = [t.lower_ for t in doc[self.clause_start(index) : index + 1]]
        if "plans" in words and any(w in {"announced", "unveiled", "revealed"} for w in words):
            return RelationshipStatus.ANNOUNCED
        if any(word in _PLANNED for word in words) or "to" in words[-3:]:
            return RelationshipStatus.PLANNED
        return RelationshipStatus.ACTIVE

    def event_date(self, index: int, reference: date | None) -> date | None:
        """A day the sentence gives for the event at ``index`` (not a deadline: "by July")."""
        doc = self.span.doc
        clause = doc[self.clause_start(index) : self.clause_end(index)]
        for mention in find_dates(clause, reference):
            before = doc[mention.start - 1].lower_ if mention.start > 0 else ""
            if mention.precision == "day" and before not in _NOT_EVENT_DATE:
                return mention.value
        return None

    def money(self, start: int, end: int) -> list[Money]:
        return [m for m in find_money(self.span) if start <= m.start and m.end <= end]

    def found(self, label: str) -> list[tuple[int, int]]:
        return self.triggers.get(label, [])


# "according to a joint statement", "due to", "thanks to": a preposition that takes no party
_NOT_AN_OBJECT = frozenset({"according", "due", "thanks", "owing", "close", "compared", "next"})
_CLAUSE_OPENERS = frozenset({"where"})  # "after it opened" may be anyone named before


_ENDS_ITEM = frozenset({"which", "who", "while", "whereas", "but"})
"""Words that end an apposition within a list: what follows is a clause, not the next item."""

_SCENES = frozenset(
    ["ceremony", "event", "meeting", "conference", "summit", "forum", "signing", "exhibition", "launch"]
)
"""Where or when something happened, which no name right after it describes."""


def _with_partners(group: list[Mention]) -> list[Mention]:
    expanded: list[Mention] = []
    for mention in group:
        expanded.append(mention)
        if mention.partner is not None:
            expanded.append(Mention(mention.start, mention.end, mention.partner, None, mention.via))
        expanded += [
            Mention(mention.start, mention.end, other, None, mention.via) for other in mention.others
        ]
    return expanded


@dataclass
class Finding:
    """A relationship a rule found, before it is merged with the others and written down."""

    kind: RelationshipKind
    source: str
    target: str
    rule: str
    confidence: float
    sentence: Sentence
    at: int  # the trigger's token: where status and date are read
    amount: float | None = None
    currency: str | None = None
    status: RelationshipStatus | None = None
    also: list[Sentence] = field(default_factory=list)  # further sentences it rests on
    note: str | None = None
    dated: bool = True  # an event with a date (an MOU), not a state (a location)


def first_per_start(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One match per trigger word: the shortest from each start, none inside another's span."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(matches, key=lambda m: (m[0], m[1] - m[0])):
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end))
    return chosen
