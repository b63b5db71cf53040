"""Where organisations are, as news says it in passing: "US-based IonQ", "French startup Pasqal",
"the Netherlands' Ministry of Economic Affairs", "Pasqal, a French developer", "IonQ,
headquartered in College Park", "Daejeon is home to KRISS", and a list that follows "Leading
South Korean companies ...": "Firms including A, B and C have formed ..."."""

from __future__ import annotations

from graph.model import EntityKind, RelationshipKind
from ingest.extract.lexicon import DESCRIPTOR_KINDS, GROUP_NOUNS, PREPOSITIONS
from ingest.extract.mentions import ORGANISATIONS
from ingest.extract.phrases import place_after
from ingest.extract.sentence import Finding, Mention, Sentence
from ingest.extract.state import ArticleState

_LOCATABLE = ORGANISATIONS | {None}
_LIST_INTRODUCERS = frozenset({"including", "like", "such"})


def _located(
    org: Mention, place: Mention, rule: str, confidence: float, s: Sentence, state: ArticleState
) -> Finding:
    """The finding, and the organisation's country when the article proposes it and the place
    is a country (so "Danish Minister" can find Denmark's ministry later)."""
    known, where = state.registry.get(org.id), state.registry.get(place.id)
    if not known.in_store and known.country is None and where.country and where.id == _country_id(where.name):
        known.country = where.country
    return Finding(RelationshipKind.LOCATED_IN, org.id, place.id, rule, confidence, s, org.start, dated=False)


def _country_id(name: str) -> str:
    from ingest.extract.places import COUNTRIES
    from ingest.extract.registry import slugify

    return next((slugify(c.name) for c in COUNTRIES if c.name == name), "")


_REGION_NOUNS = frozenset({"province", "state", "region", "city", "county", "prefecture"})


def place_modifiers(s: Sentence, state: ArticleState) -> list[Finding]:
    """A place used as an adjective right before an organisation: "US-based quantum computing
    company IonQ", "Canadian quantum computing company Xanadu", "the Netherlands' Ministry"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for place in s.mentions:
        if not place.modifier or state.kind(place) is not EntityKind.PLACE:
            continue
        j = place.end
        if j < s.span.end and doc[j].text in {"'s", "’s", "'", "’"}:
            j += 1
        steps = 0
        while j < s.span.end and steps < 5:
            found = s.at(j)
            if found is not None:
                if _city_of_district(s, found, state) is not None:
                    break  # "Daejeon's Yuseong district": a district is no stakeholder
                if not found.modifier and state.kind(found) in _LOCATABLE:
                    rule = "based" if place.via == "based" else "place-adjective"
                    findings.append(_located(found, place, rule, 0.85 if rule == "based" else 0.8, s, state))
                break
            token = doc[j]
            if token.lower_ == "of" and doc[j - 1].lower_ in _REGION_NOUNS:
                j += 1  # "the Canadian province of Quebec"
                steps += 1
                continue
            if (
                token.lower_ in GROUP_NOUNS | PREPOSITIONS  # "a Korean site near KAIST": the site's
                or token.is_stop
                or not (token.is_lower and (token.is_alpha or "-" in token.text))
            ):
                break
            j += 1
            steps += 1
    return findings


_GROUP_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
# words before a later name that leave the description standing ("an institute under the NST")
_BEFORE_A_NAME = frozenset({"by", "of", "with", "from", "to", "under", "the", "a", "an"})


def where_based(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Gwangju Metropolitan City, where GIST is based, has promised ...": the organisation is
    in the place the clause describes."""
    findings: list[Finding] = []
    doc = s.span.doc
    for place in s.mentions:
        comma = s.name_end(place)
        if state.kind(place) is not EntityKind.PLACE or place.modifier or comma + 4 >= s.span.end:
            continue
        if doc[comma].text != "," or doc[comma + 1].lower_ != "where":
            continue
        based = s.at(comma + 2)
        if based is None or not s.party(based) or state.kind(based) not in _LOCATABLE:
            continue
        verb = s.name_end(based)
        words = [t.lower_ for t in doc[verb : min(s.span.end, verb + 3)]]
        if (
            words[:1] in (["is"], ["are"])
            and _STAYS & set(words[1:])
            and not {"not", "no", "longer"} & set(words)
        ):
            findings.append(_located(based, place, "where-based", 0.8, s, state))
    return findings


_COPULAS = frozenset({"is", "was", "are", "were", "remains"})


def appositions(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Pasqal, a French developer of ...", "QuTech, the Delft-based quantum institute", "KT Corp.,
    South Korea's second-largest mobile carrier": the description says where it is."""
    findings: list[Finding] = []
    doc = s.span.doc
    for org in s.mentions:
        comma = s.name_end(org)  # past "(KISTI)"
        if org.modifier or state.kind(org) not in _LOCATABLE or comma + 2 >= s.span.end:
            continue
        copula = doc[comma].lower_ in {"is", "was"} and org.start == s.span.start  # "KT is Korea's ..."
        if doc[comma].text != "," and not copula:
            continue
        if doc[comma + 1].lower_ in {"which", "who", "that"} and doc[comma + 2].lower_ not in _COPULAS:
            continue  # "LG Innotek, which Korean media had named": the clause's subject is another
        place: Mention | None = None
        described = False
        plural = False  # "Norma and Qunova, two Seoul-based software companies": each of them
        for j in range(comma + 1, min(s.span.end, comma + 10)):
            token = doc[j]
            found = s.at(j)
            if found is not None and not found.modifier:
                if doc[j - 1].is_lower and doc[j - 1].lower_ not in _BEFORE_A_NAME | PREPOSITIONS:
                    described = False  # "KT Corp., Canadian quantum company Xanadu": Xanadu's description
                elif (
                    doc[j - 1].lower_ == "in"
                    and described
                    and doc[comma + 1].lower_ in {"a", "an", "the"}
                    and state.kind(found) is EntityKind.PLACE
                    and not s.possessive(found)  # not "the largest investor in Seoul's fund"
                ):
                    place = (
                        place or found
                    )  # "ETRI, a state-run institute in Daejeon," (not "which has a unit in")
                break
            # "KT is one of Korea's operators", "KAIST is a university in Daejeon"; not "KT is in
            # talks with Korea's largest bank"
            continues = (token.lower_ == "of" and doc[j - 1].lower_ == "one") or (
                token.lower_ == "in" and described
            )
            if copula and found is None and token.lower_ in PREPOSITIONS and not continues:
                break
            if token.text in {",", ";", "."} and found is None:  # not the one in "Sherbrooke, Quebec-based"
                break
            after_preposition = doc[j - 1].lower_ in PREPOSITIONS and doc[j - 2].lower_ != "one"
            if found is not None and state.kind(found) is EntityKind.PLACE and not after_preposition:
                place = place or found  # not "the largest investor in Seoul's quantum fund"
            elif token.lower_ in DESCRIPTOR_KINDS:
                described = True
                plural = plural or (token.lower_.endswith("s") and doc[comma + 1].lower_ in _GROUP_COUNTS)
        if place is not None and described:
            rule = "based" if place.via == "based" else "described-as-place"
            listed = (
                s.group_left(org, whole=True)[-_GROUP_COUNTS[doc[comma + 1].lower_] :] if plural else [org]
            )
            findings += [_located(each, place, rule, 0.8, s, state) for each in listed if each.id != place.id]
    return findings


def based_in(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "IonQ, headquartered in College Park", "IQM, which is based in Espoo", and the other way
    round, "Daejeon is home to KRISS"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in s.found("BASED_IN"):
        if doc[start].lower_ == "home":
            places = [m for m in s.subject(start) if state.kind(m) is EntityKind.PLACE]
            orgs = [m for m in s.first_party_after(end) if state.kind(m) in _LOCATABLE]
            rule = "home-to"
        else:
            apposed = s.apposed(start)  # "Hanwha Aerospace, a Hanwha Group company headquartered in"
            orgs = [
                m
                for m in s.subject(start, max_gap=3)
                or _relative_subject(s, start)
                or ([apposed] if apposed else [])
                if state.kind(m) in _LOCATABLE
            ]
            after = s.first_party_after(end, limit=3)
            for unknown in (m for m in after if state.kind(m) is None):
                state.registry.get(unknown.id).kind = EntityKind.PLACE  # "based in Chuncheon": a place
                unknown.kind = EntityKind.PLACE
            places = [_city_of_district(s, m, state) or m for m in after if state.kind(m) is EntityKind.PLACE]
            if not places and (city := place_after(s, end - 1, state, limit=2)) is not None:
                places = [city]  # "headquartered in Seoul's Gangnam district": the city
            offices = doc[start].lower_ in {"has", "have"}
            places = places if offices else places[:1]  # "has offices in A, B and C": all three
            rule = "has-offices-in" if offices else "based-in"
        for org in orgs:
            for place in places:
                findings.append(_located(org, place, rule, 0.85, s, state))
    return findings


_DISTRICTS = frozenset({"district", "districts", "county", "gu", "ward", "neighbourhood", "neighborhood"})


def _city_of_district(s: Sentence, mention: Mention, state: ArticleState) -> Mention | None:
    """The city in "Daejeon's Yuseong district": the organisations there are in the city."""
    doc = s.span.doc
    end = s.name_end(mention)
    if end >= s.span.end or doc[end].lower_ not in _DISTRICTS or mention.start < s.span.start + 2:
        return None
    if doc[mention.start - 1].text not in {"'s", "’s"}:
        return None
    city = s.at(mention.start - 2)
    return city if city is not None and state.kind(city) is EntityKind.PLACE else None


def _relative_subject(s: Sentence, index: int) -> list[Mention]:
    """ "Qblox, which supplies control electronics to labs around the world, is headquartered in
    Delft": the name that opens the sentence, before its relative clause."""
    doc = s.span.doc
    opening = next((m for m in s.mentions if s.party(m)), None)
    if opening is None or opening.start > s.span.start + 1 or opening.end + 2 >= index:
        return []
    if doc[opening.end].text != "," or doc[opening.end + 1].lower_ not in {"which", "who"}:
        return []
    closing = [j for j in range(opening.end + 2, index) if doc[j].text == ","]
    return (
        [opening]
        if closing and all(t.lower_ in {"is", "was", "are", "were"} for t in doc[closing[-1] + 1 : index])
        else []
    )


def listed_groups(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "South Korean firms such as A and B" in one sentence; or "Leading South Korean companies
    are ..." followed by a sentence opening "Firms including A, B, and C ..."."""
    findings: list[Finding] = []
    doc = s.span.doc
    carried = state.group_place
    state.group_place = None
    if carried is not None and carried[1] is s.previous:
        opening = [t.lower_ for t in doc[s.span.start : s.span.start + 3]]
        if opening and opening[0] in GROUP_NOUNS | {"they", "these"} and _LIST_INTRODUCERS & set(opening):
            carried_place = carried[0]
            for org in s.first_party_after(s.span.start + 2, limit=3):
                if state.kind(org) in _LOCATABLE:
                    findings.append(
                        Finding(
                            RelationshipKind.LOCATED_IN,
                            org.id,
                            carried_place,
                            "group-listed",
                            0.75,
                            s,
                            org.start,
                            also=[carried[1]],
                            dated=False,
                        )
                    )
    for place in s.mentions:
        if not place.modifier or state.kind(place) is not EntityKind.PLACE or place.via == "based":
            continue
        j = place.end
        while j < min(s.span.end, place.end + 3) and doc[j].lower_ not in GROUP_NOUNS:
            if not (doc[j].is_lower and doc[j].is_alpha):
                break
            j += 1
        if j >= s.span.end or doc[j].lower_ not in GROUP_NOUNS:
            continue
        listed = s.first_party_after(j + 1, limit=3)
        if listed:
            for org in listed:
                if state.kind(org) in _LOCATABLE:
                    findings.append(_located(org, place, "group-listed", 0.8, s, state))
        else:
            state.group_place = (place.id, s)
    return findings


_SITES = frozenset({"campus", "headquarters", "hq", "site", "premises"})
_STAYS = frozenset({"based", "located", "headquartered", "housed", "hosted"})


def campuses(s: Sentence, state: ArticleState) -> list[Finding]:
    """What "will be based at SKKU's Suwon campus" (or "at the KRISS campus in Daejeon") is in
    that place. The campus's owner is not located there by it: an organisation's campus in a
    city is one of its sites, and the answers do not read it as where the organisation is. Its
    headquarters is: "at KT's headquarters in Seoul" places KT in Seoul."""
    findings: list[Finding] = []
    doc = s.span.doc
    for token in s.span:
        if token.lower_ not in _SITES:
            continue
        owner: Mention | None = None
        place: Mention | None = None
        j = token.i - 1
        while j >= s.span.start and token.i - j <= 5:
            found = s.at(j)
            if found is not None and state.kind(found) is EntityKind.PLACE and place is None:
                place = found  # "Suwon campus"
                j = found.start - 1
                continue
            if found is not None and state.kind(found) in ORGANISATIONS:
                owner = found  # "SKKU's", "the KRISS"
                break
            if not (doc[j].text in {"'s", "’s", "'"} or (doc[j].is_alpha and doc[j].is_lower)):
                break
            j -= 1
        if owner is None:
            continue
        k = token.i + 1
        if k + 1 < s.span.end and doc[k].lower_ == "in":  # "Songdo campus in Incheon": the city
            after = s.at(k + 1)
            place = after if after is not None and state.kind(after) is EntityKind.PLACE else place
        if place is None or place.id in state.countries:
            continue
        if token.lower_ in {"headquarters", "hq"}:  # "at KT's headquarters in Seoul": its seat
            findings.append(_located(owner, place, "headquarters-in", 0.8, s, state))
        m = owner.start - 1
        while m > s.span.start and doc[m].lower_ in {"the", "at", "on", "in"}:
            m -= 1
        if doc[m].lower_ in _STAYS:  # "The alliance will be based at SKKU's Suwon campus"
            for guest in s.subject(m, max_gap=4):
                if guest.id != owner.id and state.kind(guest) in _LOCATABLE | {EntityKind.CLUSTER}:
                    findings.append(_located(guest, place, "based-at-campus", 0.75, s, state))
    return findings


RULES = [place_modifiers, appositions, where_based, based_in, listed_groups, campuses]
