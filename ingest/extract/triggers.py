"""The phrases that state a relationship, as spaCy Matcher patterns: "signed a memorandum of
understanding", "partnered with", "will invest", "formed a consultative body". A rule asks for
its trigger by label and then looks for the parties around it (:mod:`ingest.extract.sentence`).

Patterns match word forms (``LOWER``), since the blank pipeline has no lemmatizer; each verb
lists the forms news uses.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher

from ingest.extract.lexicon import BODY_NOUNS, CLUSTER_NOUNS, FACILITY_NOUNS, PROGRAMME_NOUNS
from ingest.extract.nlp import pipeline

Pattern = list[dict[str, Any]]


def _words(text: str, op: str | None = None) -> dict[str, Any]:
    pattern: dict[str, Any] = {"LOWER": {"IN": text.split()}}
    if op is not None:
        pattern["OP"] = op
    return pattern


def _gap(most: int) -> dict[str, Any]:
    """Up to ``most`` words that do not end the clause."""
    return {
        "LOWER": {"NOT_IN": [";", ":", "—", "while", "whereas", "but", "which", "who"]},
        "OP": f"{{0,{most}}}",
    }


SIGN = _words(
    "sign signs signed signing ink inks inked inking seal seals sealed conclude concluded concludes "
    "strike strikes struck striking reach reaches reached reaching"
)
DOCUMENT = _words(
    "mou mous memorandum memoranda agreement agreements pact accord accords loi deal deals contract"
)
LETTER_OF_INTENT = [{"LOWER": "letter"}, {"LOWER": "of"}, {"LOWER": "intent"}]
OPEN = _words(
    "establish establishes established establishing open opens opened opening launch launches launched "
    "launching build builds built building found founds founded create creates created set sets "
    "incorporate incorporates incorporated"
)
FORM = _words(
    "form forms formed forming launch launches launched launching establish establishes established "
    "create creates created found founded set"
)
RELEASE = _words(
    "release releases released announce announces announced unveil unveils unveiled launch launches "
    "launched publish publishes published adopt adopts adopted finalize finalized finalise finalised"
)

TRIGGERS: dict[str, list[Pattern]] = {
    "MOU": [
        [SIGN, _gap(6), DOCUMENT],
        # "signed a five-year renewal of their research agreement"
        [SIGN, _gap(2), _words("renewal extension"), {"LOWER": "of"}, _gap(4), DOCUMENT],
        [SIGN, _gap(6), *LETTER_OF_INTENT],
    ],
    "MOU_AFTER": [[DOCUMENT, _gap(3), SIGN]],  # "the agreement the carriers signed", "an MOU was signed"
    # "A memorandum ... on building a computer in Pohang was signed Wednesday by A, B and C"
    "SIGNED_BY": [[_words("was were been being"), SIGN, _gap(3), {"LOWER": "by"}]],
    "INVESTORS": [
        [
            _words("count counts counted"),
            _gap(6),
            {"LOWER": "among"},
            _words("its their"),
            _words("investors backers shareholders"),
        ],
        [
            _words("investors backers shareholders"),
            {"ORTH": ",", "OP": "?"},
            _words("include includes including"),
        ],
    ],
    "BRINGS_TOGETHER": [
        [_words("bring brings brought bringing"), {"LOWER": "together"}],
        [_words("comprise comprises comprising")],
        [_words("consist consists consisting"), {"LOWER": "of"}],
    ],
    "PARTNER": [
        [_words("partner partners partnered partnering"), {"LOWER": "with"}],
        [_words("team teams teamed teaming"), {"LOWER": "up"}, {"LOWER": "with"}],
        [_words("join joins joined joining"), {"LOWER": "hands"}, {"LOWER": "with"}],
        [_words("join joins joined joining"), {"LOWER": "forces"}, {"LOWER": "with"}],
        [_words("teamed teaming"), {"LOWER": "with"}],
        [
            _words(
                "forge forged form formed announce announced launch launched strike struck enter entered "
                "sign signs signed"
            ),
            _gap(3),
            _words("partnership partnerships"),
        ],
        [{"LOWER": "in"}, _words("partnership")],
        [_words("partnered partnering")],
        # "A and B renewed their research partnership", "extended their alliance"
        [
            _words(
                "renew renews renewed renewing extend extends extended extending expand expands expanded "
                "deepen deepens deepened strengthen strengthens strengthened"
            ),
            _words("their its the"),
            _gap(2),
            _words("partnership partnerships alliance"),
        ],
    ],
    "CHOSE_PARTNER": [
        [
            _words("select selects selected choose chooses chose chosen pick picks picked tap taps tapped"),
            _gap(8),
            {"LOWER": "as"},
            _gap(3),
            _words("partner partners"),
        ],
    ],
    "SPUN_OUT": [
        [_words("spun spin"), _words("out off"), _words("of from")],
        [_words("spin-off spinoff spin-out spinout"), _words("of from")],
    ],
    "COLLABORATE": [
        [
            _words("collaborate collaborates collaborated collaborating"),
        ],
        [_words("cooperate cooperates cooperated cooperating")],
        [_words("co-operate co-operates co-operated co-operating")],
        [
            _words("work works worked working"),
            {"LOWER": {"IN": ["closely", "together"]}, "OP": "?"},
            {"LOWER": "with"},
        ],
        [{"LOWER": "in"}, _words("collaboration cooperation co-operation")],
        [{"LOWER": "joint"}, _words("research development"), {"LOWER": "with"}],
        [_words("study studies studied studying research researches researching"), {"LOWER": "with"}],
        [_words("co-develop co-develops co-developed co-developing co-design co-designs co-designed")],
        [_words("developed co-developed designed"), {"LOWER": "jointly", "OP": "?"}, {"LOWER": "with"}],
        [
            {"LOWER": "jointly"},  # "are now jointly writing software", "will jointly test"
            {"LOWER": {"REGEX": "^(develop|research|build|stud|writ|design|test|creat|produc|explor|work)"}},
        ],
        [  # "will develop software together", "have been developing a controller together"
            _words("develop develops developing design designs designing build builds building"),
            _gap(4),
            {"LOWER": "together"},
        ],
    ],
    # "Those transmitters were developed jointly by LG Uplus and ETRI"
    "JOINTLY_BY": [
        [_words("developed designed built created written"), {"LOWER": "jointly"}, {"LOWER": "by"}]
    ],
    "INVEST": [
        [_words("invest invests invested investing")],
        [_words("investment investments"), {"LOWER": "in"}],
        [
            _words("acquire acquires acquired take takes took buy buys bought buying"),
            _gap(3),
            _words("stake stakes"),
        ],
        [_words("acquire acquires acquired acquiring"), {"LOWER": {"NOT_IN": ["a", "an"]}}],
        # "Hyundai Motor is also a shareholder in IonQ", "holds a 10% stake in", "owns shares in"
        [
            _words("shareholder shareholders stakeholder stakeholders investor investors backer"),
            {"LOWER": "in"},
        ],
        [_words("hold holds held holding own owns owned owning"), _gap(3), _words("stake stakes")],
        [_words("hold holds held holding own owns owned owning"), _gap(1), {"LOWER": "shares"}],
        [_words("bought buys buy buying purchased"), _gap(2), _words("stake stakes shares")],
        # "will put its first 12 billion won into Norma", "poured $50 million into"
        [_words("put puts putting pour pours poured pouring inject injects injected injecting")],
    ],
    "RAISE": [
        [_words("raise raises raised raising secure secures secured close closes closed attract attracted")],
    ],
    "LED_BY": [[_words("led co-led"), {"LOWER": "by"}], [{"LOWER": "backed"}, {"LOWER": "by"}]],
    "FUND": [
        [
            _words("fund funds funded funding finance finances financed financing"),
            {"LOWER": {"NOT_IN": ["round", "rounds"]}},
        ],
        [_words("allocate allocates allocated allocating earmark earmarks earmarked earmarking")],
        [_words("set sets"), {"LOWER": "aside"}],
        [_words("provide provides provided providing pledge pledges pledged commit commits committed")],
        [_words("contribute contributes contributed"), {"LOWER": {"NOT_IN": ["to"]}}],
        [_words("put puts"), {"LOWER": "up"}],
        [_words("chip chips chipped chipping"), {"LOWER": "in"}],
        [_words("grant grants granted award awards awarded give gives gave given")],
        [_words("support supports supported")],
        # "has added 2.4 billion won", "added a further 2 billion won"; not "added that"
        [_words("add adds added adding"), {"LIKE_NUM": True}],
        [_words("spend spends spent spending"), {"LIKE_NUM": True}],  # "will spend 30 billion won on"
        [
            _words("add adds added adding"),
            _words("a another further"),
            {"LOWER": "further", "OP": "?"},
            {"LIKE_NUM": True},
        ],
    ],
    "AGREED_TO": [[_words("agreed agree agrees"), {"LOWER": "to"}]],
    "RECEIVE": [[_words("receive receives received receiving get gets got obtain obtains obtained")]],
    "JOIN": [
        [_words("join joins joined joining")],
        [
            _words("become became becomes is was are were"),
            {"LOWER": {"IN": ["a", "an"]}},
            _gap(2),
            _words("member members"),
        ],
        # "has been admitted as a member of", "was accepted as a full member of"
        [
            _words("admitted accepted approved welcomed"),
            {"LOWER": "as"},
            {"LOWER": {"IN": ["a", "an"]}},
            _gap(2),
            _words("member members"),
        ],
        [_words("member members"), {"LOWER": "of"}],
    ],
    "MEMBERS_INCLUDE": [[_words("members member"), _words("include includes including")]],
    "BODY_INCLUDES": [[_words("include includes included comprise comprises comprised")]],
    # "Its other founding members are Quandela, LG Uplus and KERI": what "its" stands for
    "ITS_MEMBERS": [
        [
            _words("its their"),
            _words("other", "?"),
            _words("founding first initial full core", "?"),
            _words("members"),
            _words("will", "?"),
            _words("be are include includes comprise"),
        ]
    ],
    # "The new members of the cluster are A; B; and C", "the alliance's founding members include"
    "MEMBERS_OF_ARE": [
        [_words("members"), {"LOWER": "of"}, _gap(6), _words("are include includes comprise")],
        [
            {"LOWER": {"IN": ["'s", "’s"]}},
            _words("new other founding first initial full core", "?"),
            _words("members"),
            _words("are include includes comprise"),
        ],
    ],
    # "with LG Electronics and the Korea Development Bank among the new investors"
    "AMONG_INVESTORS": [
        [
            {"LOWER": "among"},
            _words("its their the"),
            _words("new existing other first lead", "?"),
            _words("investors backers shareholders"),
        ]
    ],
    # "Samsung Next is among Classiq's investors", "A and B are among the backers of X"
    "AMONG_WHOSE_INVESTORS": [
        [
            _words("is are was were"),
            {"LOWER": "also", "OP": "?"},
            {"LOWER": "among"},
            {"LOWER": {"NOT_IN": [",", ";", ":", "—", "-", "the", "its", "their"]}, "OP": "{1,5}"},
            {"LOWER": {"IN": ["'s", "’s", "'"]}},
            _words("new existing other early first lead biggest largest", "?"),
            _words("investors backers shareholders"),
        ],
        [
            _words("is are was were"),
            {"LOWER": "also", "OP": "?"},
            {"LOWER": "among"},
            {"LOWER": "the"},
            _words("new existing other early first lead biggest largest", "?"),
            _words("investors backers shareholders"),
            _words("in of"),
        ],
    ],
    # "with Hanwha Aerospace, LIG Nex1 and KIST among its founding members"
    "AMONG_MEMBERS": [
        [
            {"LOWER": "among"},
            _words("its their the"),
            _words("founding first new initial industrial industry corporate core", "?"),
            _words("members partners participants"),
        ]
    ],
    "PARTICIPATE": [
        [_words("participate participates participated participating")],
        [_words("take takes took taking taken"), {"LOWER": "part"}],
    ],
    "LEAD": [
        [
            _words("lead leads leading head heads heading chair chairs chairing"),
            _gap(6),
            _words("consortium alliance group body council project programme program initiative effort team"),
        ],
    ],
    "OWNED_BY": [[_words("owned majority-owned wholly-owned backed controlled"), {"LOWER": "by"}]],
    "CHAIRED_BY": [
        [_words("chaired headed led run operated directed managed coordinated"), {"LOWER": "by"}],
        [  # "to be chaired for its first two years by MSIT"
            _words("chaired headed led run"),
            {"LOWER": "for"},
            {"IS_ALPHA": True, "OP": "?"},
            {"IS_ALPHA": True, "OP": "?"},
            {"IS_ALPHA": True, "OP": "?"},
            {"IS_ALPHA": True},
            {"LOWER": "by"},
        ],
        [  # "is run day to day by Busan Technopark", "operated jointly by"
            _words("run operated managed"),
            {"LOWER": {"IN": ["day", "to", "-", "jointly", "locally", "independently"]}, "OP": "+"},
            {"LOWER": "by"},
        ],
        [  # "is run on the ministry's behalf by KEIT", "managed on its behalf by"
            _words("run operated managed"),
            {"LOWER": "on"},
            {"IS_ALPHA": True, "OP": "?"},
            {"IS_ALPHA": True, "OP": "?"},
            {"LOWER": {"IN": ["'s", "’s"]}, "OP": "?"},
            {"LOWER": "behalf"},
            {"LOWER": "by"},
        ],
    ],
    "FORM_BODY": [[FORM, _gap(6), {"LOWER": {"IN": sorted(BODY_NOUNS)}}]],
    "OPEN_NAMED": [
        [OPEN, {"LOWER": "up", "OP": "?"}],
        [_words("inaugurate inaugurates inaugurated unveil unveiled")],
    ],
    "OPEN_FACILITY": [[OPEN, {"LOWER": "up", "OP": "?"}, _gap(6), {"LOWER": {"IN": sorted(FACILITY_NOUNS)}}]],
    "DESIGNATE": [
        [
            _words(
                "designate designates designated designating select selects selected create creates created"
            ),
            _gap(10),
            {"LOWER": {"IN": sorted(CLUSTER_NOUNS)}},
        ],
        [
            _words("establish establishes established build builds"),
            _gap(10),
            {"LOWER": {"IN": sorted(CLUSTER_NOUNS)}},
        ],
    ],
    "RELEASE_PLAN": [[RELEASE, _gap(5), {"LOWER": {"IN": sorted(PROGRAMME_NOUNS)}}]],
    "ANNOUNCED_BY": [
        [RELEASE, _gap(3), {"LOWER": "by"}],
        [_words("led drawn drafted"), _gap(2), {"LOWER": "by"}],
    ],
    "FOUNDED": [[_words("founded co-founded cofounded"), {"LOWER": {"NOT_IN": ["by", "in", "on", "as"]}}]],
    "FOUNDED_BY": [
        [_words("founded co-founded established started created formed"), _gap(4), {"LOWER": "by"}],
        [{"LOWER": "set"}, {"LOWER": "up"}, _gap(2), {"LOWER": "by"}],
    ],
    "SUBSIDIARY": [
        [_words("subsidiary unit affiliate division arm"), {"LOWER": "of"}],
        [_words("controls owns")],
    ],
    "BASED_IN": [
        [_words("based headquartered located"), {"LOWER": "in"}],
        [{"LOWER": "home"}, {"LOWER": "to"}],
        [_words("has have had"), _words("its their"), _words("headquarters hq base"), {"LOWER": "in"}],
        [_words("moved relocated"), _words("its their"), _words("headquarters hq base"), {"LOWER": "to"}],
        [
            _words("has have"),
            {"LOWER": {"IN": ["an", "offices"]}},
            {"LOWER": "office", "OP": "?"},
            {"LOWER": "in"},
        ],
    ],
}


@lru_cache(maxsize=1)
def trigger_matcher() -> Matcher:
    matcher = Matcher(pipeline().vocab)
    for label, patterns in TRIGGERS.items():
        matcher.add(label, patterns)
    return matcher
