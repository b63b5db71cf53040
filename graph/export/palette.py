"""Colours and markers by kind, the same in diagrams, GEXF (Gephi shows them) and the HTML view.

Entity kinds take the Okabe-Ito palette, designed to stay distinct under the common forms of
colour blindness, plus a neutral grey; each kind also has its own marker shape, so a diagram
printed in grey still tells kinds apart. Relationship kinds take Paul Tol's "muted" palette
and a line style, for the same reason.
"""

from __future__ import annotations

from graph.model import EntityKind, RelationshipKind

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

KIND_COLOURS: dict[EntityKind, str] = {
    EntityKind.COMPANY: OKABE_ITO["blue"],
    EntityKind.GOVERNMENT_BODY: OKABE_ITO["vermillion"],
    EntityKind.RESEARCH_INSTITUTE: OKABE_ITO["bluish_green"],
    EntityKind.UNIVERSITY: OKABE_ITO["sky_blue"],
    EntityKind.CLUSTER: OKABE_ITO["orange"],
    EntityKind.CONSORTIUM: OKABE_ITO["reddish_purple"],
    EntityKind.PROGRAMME: OKABE_ITO["yellow"],
    EntityKind.PERSON: OKABE_ITO["black"],
    EntityKind.PLACE: OKABE_ITO["grey"],
}

KIND_MARKERS: dict[EntityKind, str] = {
    EntityKind.COMPANY: "o",
    EntityKind.GOVERNMENT_BODY: "s",
    EntityKind.RESEARCH_INSTITUTE: "D",
    EntityKind.UNIVERSITY: "^",
    EntityKind.CLUSTER: "h",
    EntityKind.CONSORTIUM: "p",
    EntityKind.PROGRAMME: "v",
    EntityKind.PERSON: "P",
    EntityKind.PLACE: "X",
}

TOL_MUTED = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)

RELATIONSHIP_STYLES: dict[RelationshipKind, tuple[str, str]] = {
    RelationshipKind.MEMBER_OF: (TOL_MUTED[0], "solid"),
    RelationshipKind.PARTNERS_WITH: (TOL_MUTED[7], "solid"),
    RelationshipKind.SIGNED_MOU_WITH: (TOL_MUTED[6], "solid"),
    RelationshipKind.INVESTS_IN: (TOL_MUTED[3], "solid"),
    RelationshipKind.FUNDS: (TOL_MUTED[4], "dashed"),
    RelationshipKind.LOCATED_IN: (TOL_MUTED[1], "dotted"),
    RelationshipKind.PART_OF: (TOL_MUTED[2], "dashed"),
    RelationshipKind.LEADS: (TOL_MUTED[8], "dashdot"),
    RelationshipKind.PARTICIPATES_IN: (TOL_MUTED[5], "solid"),
    RelationshipKind.ESTABLISHES: (TOL_MUTED[0], "dashdot"),
    RelationshipKind.COLLABORATES_WITH: (TOL_MUTED[7], "dashed"),
}
"""(colour, line style) per relationship kind: no two kinds share both."""


def rgb(colour: str) -> tuple[int, int, int]:
    """``'#E69F00'`` as ``(230, 159, 0)``."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
