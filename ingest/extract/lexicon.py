"""The words the rules read news by: what an organisation's name ends in, what a title is, which
words introduce a facility or a body. Kept in one place so that a rule says what it looks for
("a facility noun after an opening verb") and this module says which words those are.
"""

from __future__ import annotations

from graph.model import EntityKind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end (or head) the name of a kind of organisation: "... Institute of ...", "... Alliance".
KIND_WORDS: dict[EntityKind, frozenset[str]] = {
    EntityKind.GOVERNMENT_BODY: _words(
        "administration agency assembly authority bureau cabinet commission department directorate "
        "government ministry office parliament secretariat service"
    ),
    EntityKind.UNIVERSITY: _words(
        "college dgist gist kaist postech unist universities university universität université"
    ),
    EntityKind.RESEARCH_INSTITUTE: _words(
        "academy center centre institute institutes lab laboratories laboratory labs observatory qutech "
        "testbed"
    ),
    EntityKind.CONSORTIUM: _words(
        "alliance association coalition committee consortium council federation forum network society"
    ),
    EntityKind.CLUSTER: _words("cluster complex hub park valley"),
    EntityKind.PROGRAMME: _words(
        "call fund initiative mission pilot plan program programme project roadmap strategy trial"
    ),
    EntityKind.COMPANY: _words(
        "ag bank capital chemical chemicals co co. company computers computing corp corp. corporation "
        "devices dynamics electronics gmbh group holdings hynix inc inc. industries innotek instruments "
        "llc ltd ltd. motors networks partners photonics plc quantinuum s.a. sa semiconductor semiconductors "
        "solutions systems technologies telecom telecommunications uplus ventures"
    ),
}

# Signs before an amount: "$40 million", "S$8 million", "₩1 trillion"
CURRENCY_SIGNS = frozenset("$€£¥₩")

# A company's legal form, written after its name or alone: "SK hynix Inc.", "DB HiTek Co., Ltd."
LEGAL_FORMS = _words("inc inc. ltd ltd. corp corp. co co. llc plc gmbh ag b.v. n.v. s.a. sa oy ab")

# The last word of a company's name that says so only there: "D-Wave Quantum", not the "Quantum
# Compact Steering Committee"
LAST_WORD_KINDS = {"quantum": EntityKind.COMPANY}

# Common nouns that say what the name next to them is: "US firm IonQ", "IonQ, a US company".
DESCRIPTOR_KINDS: dict[str, EntityKind] = {
    **dict.fromkeys(
        _words(
            "company companies firm firms startup start-up startups maker makers developer chipmaker "
            "chipmakers carrier carriers operator operators giant provider manufacturer conglomerate telco "
            "supplier vendor unicorn investor investors lender bank subsidiary affiliate spinoff spin-off "
            "spin-out spinout "
            "fund specialist specialists designer builder shipbuilder automaker producer outfit arm unit"
        ),
        EntityKind.COMPANY,
    ),
    **dict.fromkeys(_words("university universities college school"), EntityKind.UNIVERSITY),
    **dict.fromkeys(_words("institute lab laboratory"), EntityKind.RESEARCH_INSTITUTE),
    **dict.fromkeys(_words("ministry agency regulator government"), EntityKind.GOVERNMENT_BODY),
    **dict.fromkeys(_words("consortium alliance association group body"), EntityKind.CONSORTIUM),
    **dict.fromkeys(_words("programme program scheme initiative"), EntityKind.PROGRAMME),
}

# Titles before or after a person's name. LEADING_TITLES make the person the head of the
# organisation the title is attached to; the others name a person without making them its head.
LEADING_TITLES = _words(
    "ceo chair chairman chairperson chairwoman chancellor chief dean director executive governor head "
    "mayor minister premier president rector"
)
OTHER_TITLES = _words(
    "administrator ambassador analyst and cfo co-founder commissioner coo cto deputy dr dr. executive "
    "founder lead managing manager of officer prof. professor researcher secretary senator spokesman "
    "spokesperson spokeswoman the vice"
)
TITLE_WORDS = LEADING_TITLES | (OTHER_TITLES - {"and", "of", "the"})
NOT_LEADING = _words("acting assistant associate deputy ex- former vice")
NAME_PARTICLES = _words("al bin da de del della der di du la le van von")

# Capitalised words that are not names, or not alone: sentence openers, months, days, acronyms
# of things rather than organisations.
NOT_NAMES = _words(
    "5g 6g a according after ai all also although am an analysts and api apr april as at aug august "
    "before both but by ceo cfo chairman chief companies cpu cst cto dec december director each "
    "earlier est every executive feb february firms five for four friday fy gdp gmt governor gpu he "
    "her here his however i ict if in iot ip it its jan january jul july jun june kst last leading "
    "loi many mar march may mayor meanwhile minister monday more most mou mous news next nov november "
    "oct october officials on or other our phd photo pm president professor pst q1 q2 q3 q4 qpu "
    "quantum r&d read related reuters saturday sep separately sept september several she since so "
    "some source sunday that the their then there these they this those three thursday today top "
    "tuesday two under under-the utc we wednesday when while with yesterday yonhap you "
    "abroad beyond contrary elsewhere inside outside public later "
    # currency codes: "EUR 40 million"
    "eur usd krw gbp jpy cny chf cad aud sgd"
)
# People who work for an organisation ("Researchers at Korea University will work with Qunnect"):
# no name, and what they do, their organisation does
STAFF_WORDS = _words("researchers scientists engineers students staff team teams")
NOT_NAMES |= STAFF_WORDS | LEGAL_FORMS  # a legal form on its own is no name: "SK hynix Inc."
MONTHS_AND_DAYS = _words(
    "apr apr. april aug aug. august dec dec. december feb feb. february friday jan jan. january jul "
    "jul. july jun jun. june mar mar. march may monday nov nov. november oct oct. october saturday "
    "sep sep. sept sept. september sunday thursday tuesday wednesday"
)
PLACE_MODIFIER_SUFFIXES = ("-based", "-headquartered", "-born", "-listed")
BRAND_WORDS = _words("dgist gist kaist postech quantinuum qutech unist")
# Lower-case words that end a company's name after a capitalised one: "SK hynix"
LOWER_CASE_NAME_ENDS = _words("hynix")

GOVERNMENT_SUFFIXES = (
    ("metropolitan", "city"),
    ("metropolitan", "government"),
    ("metropolitan", "city", "government"),
    ("city", "government"),
    ("special", "city"),  # "Changwon Special City"
    ("provincial", "government"),
    ("city",),
    ("province",),
    ("county",),
    ("government",),
)

GROUP_NOUNS = _words(
    "carriers chipmakers companies conglomerates corporations firms groups institutes makers "
    "operators startups universities"
)
FACILITY_NOUNS = _words(
    "academy branch campus center centers centre centres facilities facility foundry hub hubs institute lab "
    "laboratories laboratory labs office school subsidiary testbed unit plant factory fab site fund"
)
SUBSIDIARY_WORDS = _words("subsidiary unit arm affiliate division")
"""What a company's own unit is called: "the subsidiary that was set up by", "a Korean subsidiary,
Pasqal Korea"."""
BODY_NOUNS = _words(
    "alliance association body coalition committee consortium council federation forum group network "
    "task-force taskforce"
)
CLUSTER_NOUNS = _words("cluster clusters complex complexes hub hubs valley zone zones")
PROGRAMME_NOUNS = _words(
    "blueprint initiative master-plan masterplan plan program programme roadmap strategy vision"
)
EVALUATIVE = _words(
    "ambitious bold broad comprehensive detailed first key landmark long-term major multi-year new "
    "overall sweeping"
)
COUNT_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
PREPOSITIONS = _words(
    "about across against alongside among at beside between by for from in into near of on over than "
    "through to toward towards under via with within without"
)
