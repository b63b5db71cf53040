"""The domain model: the one contract between ingest, stores, analysis, UI and export.

Everything that crosses a module boundary is one of these pydantic models. The kind enums
are the only place new entity or relationship kinds may come from: stores turn them into
Neo4j labels and relationship types, so a value that is not a member can never reach a query.

>>> mou = Relationship(kind=RelationshipKind.SIGNED_MOU_WITH, source="msit", target="ionq",
...                    evidence=[Evidence(source="article-1", quote="... signed a memorandum ...")])
>>> mou.key
'SIGNED_MOU_WITH|ionq|msit|'
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Slug = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[a-z0-9][a-z0-9._-]*$"),
]
"""A stable identifier: lower-case letters, digits, '.', '_' and '-', e.g. ``samsung-electronics``."""

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
AttributeValue = str | int | float | bool | list[str]


def _reject_numbers(value: object) -> object:
    # pydantic would read 2026 as seconds since 1970; a year alone is not a date.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("a date is written YYYY-MM-DD, e.g. 2026-01-29")
    return value


IsoDate = Annotated[date, BeforeValidator(_reject_numbers)]


def _web_address(value: str) -> str:
    if not re.match(r"https?://[^\s/$.?#][^\s]*$", value, flags=re.IGNORECASE):
        raise ValueError("a web address starts with http:// or https://, e.g. https://ionq.com")
    return value


WebAddress = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_web_address)]


class EntityKind(StrEnum):
    """What a stakeholder is. Each member becomes a Neo4j label beside the common ``Entity``."""

    COMPANY = "Company"
    GOVERNMENT_BODY = "GovernmentBody"
    RESEARCH_INSTITUTE = "ResearchInstitute"
    UNIVERSITY = "University"
    CLUSTER = "Cluster"
    CONSORTIUM = "Consortium"
    PROGRAMME = "Programme"
    PERSON = "Person"
    PLACE = "Place"


class EntityStatus(StrEnum):
    """Whether a stakeholder exists yet: clusters to be designated are ``planned``; an extractor's
    new finds are ``proposed`` until a person accepts them."""

    ACTIVE = "active"
    PLANNED = "planned"
    PROPOSED = "proposed"
    DISSOLVED = "dissolved"


class RelationshipKind(StrEnum):
    """The kinds of tie. Each member becomes a Neo4j relationship type."""

    MEMBER_OF = "MEMBER_OF"
    PARTNERS_WITH = "PARTNERS_WITH"
    SIGNED_MOU_WITH = "SIGNED_MOU_WITH"
    INVESTS_IN = "INVESTS_IN"
    FUNDS = "FUNDS"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    LEADS = "LEADS"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    ESTABLISHES = "ESTABLISHES"
    COLLABORATES_WITH = "COLLABORATES_WITH"

    @property
    def symmetric(self) -> bool:
        """A symmetric tie reads the same both ways (A partners with B is B partners with A);
        its ends are stored in a canonical order so both spellings are one relationship."""
        return self in SYMMETRIC_KINDS


SYMMETRIC_KINDS: frozenset[RelationshipKind] = frozenset(
    {RelationshipKind.PARTNERS_WITH, RelationshipKind.SIGNED_MOU_WITH, RelationshipKind.COLLABORATES_WITH}
)


class RelationshipStatus(StrEnum):
    PLANNED = "planned"
    ANNOUNCED = "announced"
    ACTIVE = "active"
    ENDED = "ended"


class SourceKind(StrEnum):
    NEWS = "news"
    GOVERNMENT = "government"
    PRESS_RELEASE = "press_release"
    DATASET = "dataset"
    MANUAL = "manual"
    SYNTHETIC = "synthetic"


class Visibility(StrEnum):
    """Who may read a source: later a store can show each reader only what they may see."""

    PUBLIC = "public"
    CONSORTIUM = "consortium"
    RESTRICTED = "restricted"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)


class Source(_Model):
    """A document that states facts: an article, a press release, a dataset, a person's note."""

    id: Slug
    title: NonEmpty
    kind: SourceKind = SourceKind.NEWS
    publisher: str | None = None
    author: str | None = None
    url: WebAddress | None = None
    published: IsoDate | None = None
    local_copy: str | None = Field(
        default=None, description="Path of a stored copy, relative to the data root."
    )
    visibility: Visibility = Visibility.PUBLIC


class Evidence(_Model):
    """Why we believe a relationship: which source says so, and where."""

    source: Slug = Field(description="The id of a Source.")
    quote: str | None = Field(default=None, description="The sentence the relationship rests on.")
    locator: str | None = Field(default=None, description="Where in the source: a page, a line, a paragraph.")
    extracted_by: str = Field(default="manual", description="'manual', or the extractor's name and version.")

    @field_validator("quote", "locator")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        # nothing but white space says nothing: no quote, not an empty one (stores keep no empty
        # quote apart from a missing one, so both read back the same)
        return value or None

    @model_validator(mode="after")
    def _quote_or_locator(self) -> Self:
        if not (self.quote or self.locator):
            raise ValueError("evidence needs a quote or a locator")
        return self

    @property
    def anchor(self) -> str:
        """What this evidence cites of its source: the quote, else the locator. Evidence is
        identified by (source, anchor), so two sentences of one source (even on one line) are
        two records, and loading the same sentence again updates its locator in place."""
        return self.quote or self.locator or ""


class Entity(_Model):
    """A stakeholder or a place. ``id`` is its key everywhere."""

    id: Slug
    kind: EntityKind
    name: NonEmpty
    aliases: list[NonEmpty] = Field(
        default_factory=list, description="Other names, Korean names, abbreviations."
    )
    status: EntityStatus = EntityStatus.ACTIVE
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code, e.g. KR.")
    region: str | None = None
    sectors: list[Slug] = Field(default_factory=list, description="e.g. quantum_computing, semiconductors.")
    description: str | None = None
    website: WebAddress | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    attributes: dict[str, AttributeValue] = Field(
        default_factory=dict, description="Facts that fit no field, e.g. a programme's targets."
    )

    @field_validator("country")
    @classmethod
    def _iso_country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code such as KR or US")
        return code

    @field_validator("sectors", mode="before")
    @classmethod
    def _sector_slugs(cls, value: object) -> object:
        if isinstance(value, list):
            return [re.sub(r"[\s-]+", "_", str(item).strip().lower()) for item in value]
        return value

    @model_validator(mode="after")
    def _coordinates_in_pairs(self) -> Self:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together: give both or neither")
        return self

    def names(self) -> list[str]:
        """Every name this entity answers to, its id included."""
        return [self.id, self.name, *self.aliases]


class Relationship(_Model):
    """A tie between two entities, with the evidence that it exists.

    Its identity is :attr:`key`: (kind, source, target, since), the ends of a symmetric kind in
    canonical order. Re-ingesting the same fact merges into one relationship; a second source
    adds evidence to it; a new ``since`` date is a new fact.
    """

    kind: RelationshipKind
    source: NonEmpty = Field(
        description="An entity id; in data files also a name or alias that names one entity."
    )
    target: NonEmpty = Field(
        description="An entity id; in data files also a name or alias that names one entity."
    )
    since: IsoDate | None = None
    until: IsoDate | None = None
    status: RelationshipStatus = RelationshipStatus.ACTIVE
    amount: float | None = Field(default=None, ge=0)
    currency: str | None = Field(default=None, description="ISO 4217 code, e.g. USD or KRW.")
    note: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    @field_validator("currency")
    @classmethod
    def _iso_currency(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError("currency must be an ISO 4217 code such as USD or KRW")
        return code

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.source == self.target:
            raise ValueError("a relationship needs two different ends")
        if self.since and self.until and self.until < self.since:
            raise ValueError("until is before since")
        if self.currency and self.amount is None:
            raise ValueError("currency given without an amount")
        if self.kind.symmetric and self.target < self.source:
            self.source, self.target = self.target, self.source
        return self

    @property
    def key(self) -> str:
        return relationship_key(self.kind, self.source, self.target, self.since)


def relationship_key(kind: RelationshipKind, source: str, target: str, since: date | None) -> str:
    """The identity of a relationship as one string, the same in every store."""
    if target < source and kind in SYMMETRIC_KINDS:
        source, target = target, source
    # a StrEnum member is its value: joining it directly skips the enum's slow attribute lookup
    return "|".join((kind, source, target, since.isoformat() if since else ""))


class Dataset(_Model):
    """The content of one data file: what `ckg ingest` reads and `ckg schema` describes."""

    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)


def normalise_name(name: str) -> str:
    """The form names are matched in: Unicode NFKC, case-folded, spaces collapsed.

    >>> normalise_name("  SK  Telecom ")
    'sk telecom'
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
