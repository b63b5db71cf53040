"""What a sentence does not assert: a tie it denies ("KT did not sign an agreement with
Rigetti"), one it only weighs ("is considering", "is in talks to join", "may invest") and one it
reports as hearsay ("according to people familiar with the matter", "reportedly"). The rules
find the tie's words either way; this module says when to drop what they found.

Planned ties stay: "will open", "plans to invest" and "has pledged to join" state an intention
the article reports as decided, and the answer files count them (as planned).

>>> from ingest.extract.nlp import pipeline
>>> doc = pipeline()("KT did not sign an agreement with Rigetti.")
>>> denied(doc[0 : len(doc)], 3)
True
>>> denied(doc[0 : len(doc)], 2)
False
"""

from __future__ import annotations

from spacy.tokens import Span

from graph.model import RelationshipKind

# ties that an event states (a location or a title is not weighed or denied this way)
HEDGED_KINDS = frozenset(
    {
        RelationshipKind.SIGNED_MOU_WITH,
        RelationshipKind.PARTNERS_WITH,
        RelationshipKind.COLLABORATES_WITH,
        RelationshipKind.INVESTS_IN,
        RelationshipKind.FUNDS,
        RelationshipKind.ESTABLISHES,
        RelationshipKind.MEMBER_OF,
        RelationshipKind.PARTICIPATES_IN,
    }
)
_NEGATIONS = frozenset(
    {
        "not",
        "n't",
        "never",
        "neither",
        "nor",
        "denied",
        "denies",
        "deny",
        "declined",
        "failed",
        "fail",
        "fails",
        "yet",
    }
)
_WEIGHING = frozenset(
    {
        "may",
        "might",
        "could",
        "considering",
        "considers",
        "consider",
        "weighing",
        "mulling",
        "exploring",
        "talks",
        "discussions",
        "negotiating",
        "negotiations",
        "reportedly",
        "rumoured",
        "rumored",
        "possible",
        "possibly",
        "whether",
        "if",
        "unless",
        "seeking",
        "hopes",
        "hoping",
        "applied",  # "had applied for funding from the ministry": asked, not given
        "applying",
        "requested",
        "invited",  # "which was invited to take part, has not joined": asked, not taking part
    }
)
_HEARSAY = (
    ("people", "familiar"),
    ("sources", "said"),
    ("sources", "say"),
    ("according", "to", "sources"),
    ("is", "said", "to"),
    ("are", "said", "to"),
    ("media", "reports"),
)
_WINDOW = 6  # words before the trigger that can deny or weigh it
# a comma closes what a negation can reach: "KT, which has not named a partner, signed ..."
_STOPS = frozenset({'"', "“", "”", ",", ";", ":", "—", "–", "but", "while", "whereas", "although", "though"})


def denied(span: Span, at: int) -> bool:
    """Whether the tie whose trigger is at token ``at`` of ``span`` is denied or only weighed:
    a negation or a weighing word among the few words before it, with no comma between."""
    doc = span.doc
    j = at - 1
    seen = 0
    while j >= span.start and seen < _WINDOW:
        word = doc[j].lower_
        if word in _STOPS:
            break
        if word in _NEGATIONS or word in _WEIGHING:
            return True
        if word == "no" and j + 1 < len(doc) and doc[j + 1].lower_ != "longer":
            return True
        seen += 1
        j -= 1
    return doc[at].lower_ in _WEIGHING


def hearsay(span: Span) -> bool:
    """Whether the sentence reports what unnamed others say (rumour, not a statement)."""
    words = [t.lower_ for t in span]
    for phrase in _HEARSAY:
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            return True
    return False
