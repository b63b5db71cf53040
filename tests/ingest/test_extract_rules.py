"""The extractor's rules one phrasing at a time, on short news-style texts, and its quality on the
held-out articles (``articles/heldout/``), which the rules were not written against.

The held-out floors are the scores measured when each batch was last scored, less a margin: a
change that loses recall or precision on news the rules did not see shows here first.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.model import Relationship
from graph.store.sqlite import SqliteStore
from ingest.extract.article import read_article
from ingest.extract.base import Extraction
from ingest.extract.driver import extract_article
from ingest.extract.hedges import denied, hearsay
from ingest.extract.nlp import pipeline
from ingest.extract.rules import RuleExtractor
from ingest.loader import ingest_paths
from ingest.score import Score, read_answer, score

HELDOUT = Path(__file__).parent / "articles" / "heldout"
SEED_DATA = Path(__file__).parents[2] / "data" / "seed" / "korea-quantum.yaml"


def extract(tmp_path: Path, text: str) -> Extraction:
    path = tmp_path / "story.txt"
    path.write_text(f"Test story\n\n{text}\n", encoding="utf-8")
    return RuleExtractor().extract(read_article(path, published=date(2028, 1, 5)), [], "article-1")


def ties(found: Extraction) -> set[tuple[str, str, str]]:
    result = set()
    for proposed in found.relationships:
        rel: Relationship = proposed.relationship
        result.add((rel.kind.value, rel.source, rel.target))
    return result


def test_a_denied_agreement_is_not_proposed(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "KT did not sign a supply agreement with Rigetti Computing, a KT spokesperson said. "
        "KT signed an agreement with LG Uplus on Monday.",
    )
    mous = {t for t in ties(found) if t[0] == "SIGNED_MOU_WITH"}
    assert mous == {("SIGNED_MOU_WITH", "kt", "lg-uplus")}


def test_a_tie_only_weighed_or_in_talks_is_not_proposed(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Samsung Electronics is in talks to join the Quantum Alliance. "
        "SK hynix is considering whether to invest in Qunova Computing.",
    )
    assert not {t for t in ties(found) if t[0] in {"MEMBER_OF", "INVESTS_IN"}}


def test_hearsay_stays_but_less_sure_and_says_so(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Hanwha Aerospace will take a minority stake in Quantum Machines, according to people "
        "familiar with the matter.",
    )
    stake = next(p for p in found.relationships if p.relationship.kind.value == "INVESTS_IN")
    assert stake.confidence <= 0.5
    assert (stake.relationship.note or "").startswith("reported from unnamed sources")


def test_hedge_words_are_read_near_the_trigger_only() -> None:
    doc = pipeline()("KT, which has not named a partner yet, signed an agreement with KAIST.")
    sign = next(t.i for t in doc if t.text == "signed")
    assert not denied(doc[0 : len(doc)], sign)  # "not" belongs to the relative clause, words away
    assert hearsay(pipeline()("The deal is said to be worth $5 million.")[:])


def test_an_abbreviation_in_brackets_names_the_same_entity_later(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "The Korea Research Institute of Standards and Science (KRISS) has signed a memorandum of "
        "understanding with IonQ. KRISS will also work with the Korea Institute of Science and "
        "Technology Information (KISTI).",
    )
    kriss = next(e.entity for e in found.entities if e.entity.name.startswith("Korea Research"))
    assert "KRISS" in kriss.aliases
    assert ("COLLABORATES_WITH", "korea-institute-of-science-and-technology-information", kriss.id) in ties(
        found
    )


def test_members_listed_among_founding_members(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "The Quantum Sensing Alliance will be led by the Agency for Defense Development (ADD), with "
        "Hanwha Aerospace, LIG Nex1 and Korea University among its founding members.",
    )
    got = ties(found)
    assert ("LEADS", "agency-for-defense-development", "quantum-sensing-alliance") in got
    for member in ("hanwha-aerospace", "lig-nex1", "korea-university"):
        assert ("MEMBER_OF", member, "quantum-sensing-alliance") in got


def test_an_agreement_signed_in_the_passive_by_a_list(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "A memorandum of understanding on building a quantum computer in Pohang was signed Wednesday "
        "by French quantum company Pasqal, North Gyeongsang Province and Pohang University of "
        "Science and Technology (POSTECH).",
    )
    mous = {frozenset(t[1:]) for t in ties(found) if t[0] == "SIGNED_MOU_WITH"}
    assert mous == {
        frozenset({"pasqal", "north-gyeongsang-province"}),
        frozenset({"pasqal", "pohang-university-of-science-and-technology"}),
        frozenset({"north-gyeongsang-province", "pohang-university-of-science-and-technology"}),
    }


def test_a_minister_of_a_named_ministry_leads_it_a_vice_minister_does_not(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "The Ministry of Science and ICT will fund the centre. "
        '"It matters," Minister of Science and ICT Yoo Sang-im said. '
        "Vice Minister of Science and ICT Park Yun-kyu attended the ceremony.",
    )
    leads = {t for t in ties(found) if t[0] == "LEADS"}
    assert leads == {("LEADS", "yoo-sang-im", "ministry-of-science-and-ict")}


def test_a_chief_executive_stated_after_the_company(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Rigetti Computing was founded by physicist Chad Rigetti in 2013. "
        "Its current chief executive is Subodh Kulkarni.",
    )
    got = ties(found)
    assert ("ESTABLISHES", "chad-rigetti", "rigetti-computing") in got
    assert ("LEADS", "subodh-kulkarni", "rigetti-computing") in got


def test_a_round_led_by_one_with_others_participating(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Samsung Electronics has invested $50 million in Quantinuum as part of a $600 million "
        "funding round. The round was led by Quanta Computer, with NVentures and JPMorgan Chase "
        "also participating.",
    )
    investors = {t[1] for t in ties(found) if t[0] == "INVESTS_IN" and t[2] == "quantinuum"}
    assert investors == {"samsung-electronics", "quanta-computer", "nventures", "jpmorgan-chase"}


def test_holding_shares_and_renewing_a_partnership_are_read(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Hyundai Motor Company and IonQ on Tuesday renewed their research partnership. "
        "Hyundai Motor is also a shareholder in IonQ. KT holds a 5% stake in Xanadu.",
    )
    assert ties(found) >= {
        ("PARTNERS_WITH", "hyundai-motor-company", "ionq"),
        ("INVESTS_IN", "hyundai-motor-company", "ionq"),  # "Hyundai Motor" is the same company
        ("INVESTS_IN", "kt", "xanadu"),
    }
    assert "hyundai-motor" not in {e.entity.id for e in found.entities}


def test_a_school_opened_with_backers_money_is_funded_by_each(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "KAIST opened a graduate school of quantum engineering on Wednesday, backed by 25 billion "
        "won from Samsung Electronics and SK hynix over five years. The school is led by Dean Rhee "
        "Jung-soo. The school had also applied for funding from the Ministry of Science and ICT.",
    )
    found_ties = ties(found)
    school = next(t[2] for t in found_ties if t[0] == "ESTABLISHES" and t[1] == "kaist")
    assert found_ties == {
        ("ESTABLISHES", "kaist", school),
        ("PART_OF", school, "kaist"),
        ("FUNDS", "samsung-electronics", school),
        ("FUNDS", "sk-hynix", school),  # "SK hynix" is one name
        ("LEADS", "rhee-jung-soo", school),
    }  # and no funding from the ministry: the school only applied for it
    funds = [p.relationship for p in found.relationships if p.relationship.kind.value == "FUNDS"]
    assert {(f.amount, f.currency) for f in funds} == {(25_000_000_000, "KRW")}


def test_a_fund_a_city_launches_invests_and_is_managed(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Seoul launched a 100 billion won fund on Tuesday. The fund will be managed by Korea Venture "
        "Investment Corp. (KVIC). The fund will put 12 billion won into Norma and Qunova Computing.",
    )
    found_ties = ties(found)
    fund = next(t[2] for t in found_ties if t[0] == "ESTABLISHES" and t[1] == "seoul")
    assert found_ties >= {
        ("LEADS", "korea-venture-investment", fund),  # "Corp." is kept as an alias
        ("INVESTS_IN", fund, "norma"),
        ("INVESTS_IN", fund, "qunova-computing"),
    }


def test_the_three_and_a_new_laboratory_refer_back(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Hyundai Motor and IonQ brought in UNIST as a third partner. The three will jointly develop "
        "battery algorithms at a new laboratory on the UNIST campus. Hyundai Motor will fund the "
        "laboratory with 6 billion won. The laboratory will be headed by Kwak Sang-kyu.",
    )
    found_ties = ties(found)
    lab = next(t[2] for t in found_ties if t[0] == "LEADS" and t[1] == "kwak-sang-kyu")
    assert found_ties >= {
        ("COLLABORATES_WITH", "hyundai-motor", "ionq"),
        ("COLLABORATES_WITH", "hyundai-motor", "unist"),
        ("COLLABORATES_WITH", "ionq", "unist"),
        ("FUNDS", "hyundai-motor", lab),
    }


def test_a_plural_description_places_every_name_it_follows(tmp_path: Path) -> None:
    found = extract(
        tmp_path, "The fund will invest in Norma and Qunova Computing, two Seoul-based software companies."
    )
    assert {t for t in ties(found) if t[0] == "LOCATED_IN"} == {
        ("LOCATED_IN", "norma", "seoul"),
        ("LOCATED_IN", "qunova-computing", "seoul"),
    }


def test_it_in_a_later_clause_is_the_sentence_subject(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Qunova, which is backed by Samsung Ventures, will expand in Japan, where it opened a Tokyo "
        "office in 2027.",
    )
    found_ties = ties(found)
    office = next(t[2] for t in found_ties if t[0] == "ESTABLISHES")
    assert ("ESTABLISHES", "qunova", office) in found_ties
    assert ("LOCATED_IN", office, "tokyo") in found_ties


def test_deals_struck_or_reached_and_forces_joined_are_read(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "KT struck a deal with Rigetti Computing on Monday. Samsung Electronics reached an agreement "
        "with IonQ. LG Uplus joined forces with Quantinuum. SK Telecom teamed with Nokia on a test.",
    )
    assert ties(found) == {
        ("SIGNED_MOU_WITH", "kt", "rigetti-computing"),
        ("SIGNED_MOU_WITH", "ionq", "samsung-electronics"),
        ("PARTNERS_WITH", "lg-uplus", "quantinuum"),
        ("PARTNERS_WITH", "nokia", "sk-telecom"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "KT and SK Telecom failed to reach an agreement with IonQ.",
        "KT said it has yet to reach an agreement with IonQ.",
        "Samsung Electronics put its faith in Xanadu.",
        "KT holds talks about selling shares in Norma.",
        "Daejeon researchers opened a quantum lab on Monday.",
        "Kim Min-jun, Lee Ji-ho and Park Seo-yeon left Samsung Electronics, LG Electronics and SK hynix "
        "in 2024. The three have since signed an agreement with KAIST.",
    ],
)
def test_near_misses_of_the_new_phrasings_state_no_tie(tmp_path: Path, text: str) -> None:
    assert ties(extract(tmp_path, text)) == set()


def test_near_misses_keep_only_what_is_stated(tmp_path: Path) -> None:
    found = ties(extract(tmp_path, "KT bought a stake in Norma after it opened a Tokyo office."))
    assert found == {("INVESTS_IN", "kt", "norma")}  # "it" is not KT here
    found = ties(
        extract(
            tmp_path,
            "KAIST opened a quantum centre on Monday, while Norma, which is backed by 5 billion won from "
            "Samsung Ventures, expanded.",
        )
    )
    assert not {t for t in found if t[0] == "FUNDS"}  # Norma's backing, not the centre's
    found = ties(extract(tmp_path, "IonQ, Norma and Qunova, two Seoul-based startups, signed an agreement."))
    assert {t for t in found if t[0] == "LOCATED_IN"} == {
        ("LOCATED_IN", "norma", "seoul"),
        ("LOCATED_IN", "qunova", "seoul"),
    }


# measured when each batch was last scored (empty store), less about 0.05; the first-run scores
# (each batch scored once before any rule was changed for it) are in articles/heldout/README.md
FLOORS = {
    "batch1": (0.95, 0.74),
    "batch2": (0.9, 0.83),
    "batch3": (0.95, 0.76),
    "batch4": (0.95, 0.67),
    "batch5": (0.95, 0.68),
    "batch6": (0.95, 0.66),
    "batch7": (0.95, 0.64),
    "batch8": (0.9, 0.62),
    "batch9": (0.88, 0.59),
    "batch10": (0.9, 0.7),
    "batch11": (0.89, 0.57),
    "batch12": (0.84, 0.45),
    "batch13": (0.9, 0.65),
    "batch14": (0.95, 0.74),
    "batch15": (0.9, 0.68),
    "batch16": (0.88, 0.48),
    "batch17": (0.9, 0.7),
    "batch18": (0.9, 0.66),
    "batch19": (0.87, 0.6),  # not tuned on: its first run
}


@pytest.mark.parametrize("seeded", [False, True], ids=["empty-store", "seed-store"])
@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_news_quality_on_the_held_out_articles(batch: str, seeded: bool, tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "ckg.db")
    if seeded:  # the store's names are matched instead of proposed; the scores barely move
        ingest_paths(store, [SEED_DATA])
    total: Score | None = None
    try:
        for article in sorted((HELDOUT / batch).iterdir()):
            if article.name.endswith(".answer.yaml"):
                continue
            answer = read_answer(article.with_name(article.stem + ".answer.yaml"))
            one = score(extract_article(store, article), answer)
            total = one if total is None else total + one
    finally:
        store.close()
    assert total is not None
    precision, recall = FLOORS[batch]
    margin = 0.06 if seeded else 0.0
    assert total.relationships.precision >= precision - margin, total.wrong
    assert total.relationships.recall >= recall - margin, total.missed


def test_among_whose_investors_is_an_investment_and_not_among_is_none(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Israeli software firm Classiq opened an office in Seoul. Samsung Next, the venture unit of "
            "Samsung Electronics, is among Classiq's investors. Naver and Kakao Ventures are among the "
            "early backers of Classiq. SK hynix is not among Classiq's investors.",
        )
    )
    investments = {t for t in found if t[0] == "INVESTS_IN"}
    assert investments == {
        ("INVESTS_IN", "samsung-next", "classiq"),
        ("INVESTS_IN", "naver", "classiq"),
        ("INVESTS_IN", "kakao-ventures", "classiq"),
    }


def test_its_chief_executive_late_in_a_sentence_is_the_sentence_subjects(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Samsung Next is among the investors of Israeli software firm Classiq. The Tel Aviv-based "
            "company opened an office in Seoul in January, its chief executive, Nir Minerbi, said.",
        )
    )
    assert ("LEADS", "nir-minerbi", "classiq") in found
    assert not {t for t in found if t[0] == "LEADS" and t[2] != "classiq"}


def test_an_institute_under_a_body_after_its_abbreviation(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Korea Institute of Science and Technology Information (KISTI), a Daejeon-based institute "
            "under the National Research Council of Science and Technology (NST), signed an agreement "
            "with IonQ. KT, a carrier under pressure from IonQ, said it would wait.",
        )
    )
    kisti = "korea-institute-of-science-and-technology-information"
    assert ("LOCATED_IN", kisti, "daejeon") in found
    assert ("PART_OF", kisti, "national-research-council-of-science-and-technology") in found
    assert not {t for t in found if t[0] == "PART_OF" and t[1] == "kt"}


def test_the_french_company_is_the_one_introduced_as_french(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Busan chose French startup Quandela to supply the machine. LG Uplus, which is controlled by "
            "LG Corp., will house it. On Monday, the French company also signed a memorandum of "
            "understanding with KISTI.",
        )
    )
    mous = {t for t in found if t[0] == "SIGNED_MOU_WITH"}
    assert {frozenset(t[1:]) for t in mous} == {frozenset({"quandela", "kisti"})}
    assert ("LOCATED_IN", "lg-corp", "france") not in found


def test_a_consortium_set_up_and_named_in_the_next_sentence_and_its_members(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Busan Metropolitan City has set up a consortium to operate a photonic quantum computer, city "
            "officials said.\n\nThe Busan Photonic Quantum Consortium (BPQC) will be chaired by Pusan "
            "National University. Its other founding members are Quandela, LG Uplus and the Korea "
            "Electrotechnology Research Institute (KERI).",
        )
    )
    body = "busan-photonic-quantum-consortium"
    assert ("ESTABLISHES", "busan", body) in found
    assert ("LEADS", "pusan-national-university", body) in found
    members = {t[1] for t in found if t[0] == "MEMBER_OF" and t[2] == body}
    assert members == {"quandela", "lg-uplus", "korea-electrotechnology-research-institute"}


def test_a_consortium_named_two_sentences_later_is_not_taken_for_the_one_set_up(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Busan Metropolitan City has set up a consortium to operate a photonic quantum computer. "
            "Officials gave no date. The Quantum Alliance Consortium will be chaired by KT.",
        )
    )
    assert not {t for t in found if t[0] == "ESTABLISHES"}


def test_an_academy_launched_then_named_run_and_funded(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT (MSIT) on Tuesday launched a national academy that aims to "
            "train 2,000 quantum software developers.\n\nThe Quantum Software Academy (QSA) will be run by "
            "the Korea Institute of Science and Technology Information (KISTI).\n\nThe ministry will fund "
            "the academy with 27 billion won ($20 million) over five years.",
        )
    )
    academy = "quantum-software-academy"
    assert ("ESTABLISHES", "ministry-of-science-and-ict", academy) in found
    assert ("LEADS", "korea-institute-of-science-and-technology-information", academy) in found
    assert ("FUNDS", "ministry-of-science-and-ict", academy) in found
    assert not {t for t in found if "national-academy" in t[1] or "national-academy" in t[2]}


def test_where_a_university_is_based_places_it_and_is_not_the_subject(tmp_path: Path) -> None:
    found = ties(extract(tmp_path, "Gwangju, where GIST is based, signed an agreement with IonQ."))
    assert ("LOCATED_IN", "gist", "gwangju") in found
    mous = {frozenset(t[1:]) for t in found if t[0] == "SIGNED_MOU_WITH"}
    assert mous == {frozenset({"gwangju", "ionq"})}


def test_a_name_known_before_is_not_taken_for_what_was_just_set_up(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Korea Quantum Consortium met in Seoul on Monday. Busan Metropolitan City has set up a "
            "consortium to operate a photonic quantum computer.\n\nThe Korea Quantum Consortium "
            "welcomed it. The ministry launched a national academy for quantum engineers. The Korea "
            "Military Academy will host the first classes, said KAIST, which runs the Korea Military "
            "Academy's science courses.",
        )
    )
    assert not {t for t in found if t[0] == "ESTABLISHES" and t[2] in {"korea-quantum-consortium"}}
    assert not {t for t in found if "military" in t[1] or "military" in t[2]}


def test_a_round_led_by_another_is_not_among_whose_investors(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Qunova Computing raised 10 billion won. Korea Investment Partners is among the investors in "
            "the round led by Lightspeed.",
        )
    )
    assert ("INVESTS_IN", "korea-investment-partners", "lightspeed") not in found


def test_its_chief_executive_after_two_organisations_is_nobodys(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "After Google acquired Atlantic Quantum, its chief executive, Bharath Kannan, joined the team.",
        )
    )
    assert not {t for t in found if t[0] == "LEADS" and t[1] == "bharath-kannan"}


def test_a_french_product_does_not_make_its_buyer_french(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Quandela will ship French quantum computers to Samsung Electronics. KT signed an agreement "
            "with IonQ. On Monday, the French company also signed a memorandum of understanding with KISTI.",
        )
    )
    assert not {t for t in found if t[0] == "SIGNED_MOU_WITH" and "samsung-electronics" in t[1:]}


def test_a_description_refers_back_across_paragraphs(tmp_path: Path) -> None:
    """Token offsets count from each paragraph's start: an entity's position in the paragraph
    before says nothing about whether it is the subject of this sentence's clause."""
    found = extract(
        tmp_path,
        "Bluefors, the Finnish company whose refrigerators cool most quantum processors, will build "
        "its first factory outside Europe in Cheongju, the provincial government said.\n\n"
        "A memorandum of understanding on the project was signed on Tuesday by the Helsinki-based "
        "company and North Chungcheong Province.",
    )
    assert ("SIGNED_MOU_WITH", "bluefors", "north-chungcheong-province") in ties(found)


def test_a_list_whose_items_carry_appositions_and_the_pair_it_forms(tmp_path: Path) -> None:
    """ "A, a developer of X, and B (B2), the holding company of C, announced a partnership. The
    two companies will open ...": the list reads past both appositions, and "the two companies"
    are the pair just tied, not the last two names (C came after them)."""
    found = ties(
        extract(
            tmp_path,
            "Multiverse Computing, a Spanish developer of quantum software, and HD Korea Shipbuilding & "
            "Offshore Engineering (HD KSOE), the shipbuilding holding company of HD Hyundai, today "
            "announced a strategic partnership. The two companies will open a Quantum-AI Ship Design "
            "Centre in Ulsan.",
        )
    )
    ksoe = "hd-korea-shipbuilding-offshore-engineering"
    partners = {frozenset(t[1:]) for t in found if t[0] == "PARTNERS_WITH"}
    assert partners == {frozenset({"multiverse-computing", ksoe})}
    opened = {t[1] for t in found if t[0] == "ESTABLISHES"}
    assert opened == {"multiverse-computing", ksoe}


def test_members_listed_after_a_colon_join_the_body_the_article_is_about(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT launched the Korea Fault-Tolerant Quantum Computing "
            "Consortium on Tuesday. Six organisations signed up as members at the launch: Samsung "
            "Electronics, SK Telecom, Yonsei University and Riverlane.",
        )
    )
    body = "korea-fault-tolerant-quantum-computing-consortium"
    members = {t[1] for t in found if t[0] == "MEMBER_OF" and t[2] == body}
    assert {"samsung-electronics", "sk-telecom", "yonsei-university", "riverlane"} <= members
    assert {t[2] for t in found if t[0] == "MEMBER_OF"} == {body}


def test_taking_part_and_giving_money_without_saying_in_what(tmp_path: Path) -> None:
    """ "will take part in the centre's work", "has agreed to take part", "will contribute 4
    billion won.": the centre being set up, which the sentences are about; a named laboratory
    that nobody sets up is not what an amount goes to."""
    found = ties(
        extract(
            tmp_path,
            "KAIST and Pasqal will open a Neutral Atom Centre in Daejeon. "
            "UNIST will take part in the centre's simulation work. "
            "Korean Register, the classification society, has agreed to take part by drafting rules. "
            "Daejeon Metropolitan City will contribute 4 billion won ($2.9 million).",
        )
    )
    centre = "neutral-atom-centre"
    assert {("PARTICIPATES_IN", "unist", centre), ("PARTICIPATES_IN", "korean-register", centre)} <= found
    assert ("FUNDS", "daejeon", centre) in found
    unrelated = ties(
        extract(
            tmp_path,
            "KRISS and the Argonne National Laboratory signed a memorandum of understanding. "
            "KRISS will contribute 4.5 billion won over three years, while Argonne will provide access.",
        )
    )
    assert not {t for t in unrelated if t[0] == "FUNDS"}


def test_a_portfolio_of_several_words_and_the_ministry_it_names(tmp_path: Path) -> None:
    """ "Science and ICT Minister X" leads the science ministry; "the science ministry" is the
    one whose name says science, not the ministry named last."""
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT (MSIT) and the Ministry of Economy and Finance met. "
            '"We are ready," Science and ICT Minister Yoon Hae-jin said. '
            "The science ministry will contribute 2.5 billion won to the Korea Quantum Forum (KQF).",
        )
    )
    assert ("LEADS", "yoon-hae-jin", "ministry-of-science-and-ict") in found
    assert ("FUNDS", "ministry-of-science-and-ict", "korea-quantum-forum") in found
    assert not {t for t in found if t[1] == "science"}  # the portfolio's first word is no entity


def test_taking_part_are_a_list_with_what_each_will_do(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT launched the Quantum Machine Programme in 2029. "
            "Taking part in its second phase, which begins in May, are the Korea Institute of "
            "Machinery and Materials (KIMM), which will build the cryostats; two universities - "
            "KAIST and Hanyang University - which will design the qubits; and LG Innotek.",
        )
    )
    programme = "quantum-machine-programme"
    assert {
        ("PARTICIPATES_IN", "korea-institute-of-machinery-and-materials", programme),
        ("PARTICIPATES_IN", "kaist", programme),
        ("PARTICIPATES_IN", "hanyang-university", programme),
        ("PARTICIPATES_IN", "lg-innotek", programme),
    } <= found


def test_led_or_run_on_someones_behalf_and_a_ministry_paying_for_its_programme(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Trade, Industry and Energy (MOTIE) will put 64 billion won into its "
            "Quantum Sensor Programme. The programme is run on the ministry's behalf by the Korea "
            "Evaluation Institute of Industrial Technology (KEIT). The Quantum Chip Project will "
            "continue to be led by the Korea Research Institute of Standards and Science (KRISS).",
        )
    )
    motie, sensors = "ministry-of-trade-industry-and-energy", "quantum-sensor-programme"
    assert ("FUNDS", motie, sensors) in found and ("INVESTS_IN", motie, sensors) not in found
    assert ("LEADS", "korea-evaluation-institute-of-industrial-technology", sensors) in found
    assert ("LEADS", "korea-research-institute-of-standards-and-science", "quantum-chip-project") in found


def test_a_part_named_by_its_owner_as_an_adjective_or_after_arm_of(tmp_path: Path) -> None:
    """ "a Hanwha Group company headquartered in Changwon" places the company, not the group;
    "the ... arm of internet company Naver": Naver is not short for Naver Cloud here."""
    found = ties(
        extract(
            tmp_path,
            "Hanwha Aerospace, a Hanwha Group company headquartered in Changwon, signed an agreement "
            "with Infleqtion. The centre will be set up by Naver Cloud, the cloud services arm of "
            "internet company Naver. IonQ pledged 2 billion won to the International "
            "Telecommunication Union (ITU), the Geneva-based United Nations agency for digital technologies.",
        )
    )
    assert ("PART_OF", "hanwha-aerospace", "hanwha-group") in found
    assert ("LOCATED_IN", "hanwha-aerospace", "changwon") in found
    assert ("LOCATED_IN", "hanwha-group", "changwon") not in found
    assert ("PART_OF", "naver-cloud", "naver") in found
    itu = "international-telecommunication-union"
    assert {("PART_OF", itu, "united-nations"), ("LOCATED_IN", itu, "geneva")} <= found
    assert ("LOCATED_IN", "united-nations", "geneva") not in found


def test_signed_on_a_day_by_three_a_relative_launch_and_money_toward(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Quandela, a French maker of photonic computers, will install a machine at a new computing "
            "centre in Seongnam under a memorandum "
            "of understanding signed on Tuesday by the company, Gyeonggi Province and Naver Cloud. "
            "The Seongnam Photonic Centre will open in April. Gyeonggi Province will provide 15 "
            "billion won toward the centre. The centre is a pilot site of the Quantum Cloud Access "
            "Programme, which the Ministry of Science and ICT (MSIT) launched in 2029.",
        )
    )
    assert {
        ("SIGNED_MOU_WITH", "gyeonggi-province", "quandela"),  # the ends of a pair in name order
        ("SIGNED_MOU_WITH", "naver-cloud", "quandela"),
        ("SIGNED_MOU_WITH", "gyeonggi-province", "naver-cloud"),
        ("LOCATED_IN", "seongnam-photonic-centre", "seongnam"),
        ("FUNDS", "gyeonggi-province", "seongnam-photonic-centre"),
        ("ESTABLISHES", "ministry-of-science-and-ict", "quantum-cloud-access-programme"),
    } <= found


def test_the_lead_investor_and_investors_listed_after_a_colon(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Byeol Quantum raised 32 billion won in a Series A round. Korea Investment Partners led "
            "the round, putting in 12 billion won. The other investors were: SV Investment; Kakao "
            "Ventures, the early-stage investment arm of Kakao; QDNL Participations, a fund that "
            "invests only in quantum startups; and POSTECH Holdings.",
        )
    )
    byeol = "byeol-quantum"
    backers = {"korea-investment-partners", "sv-investment", "kakao-ventures", "qdnl-participations"}
    assert {("INVESTS_IN", backer, byeol) for backer in backers | {"postech-holdings"}} <= found
    assert ("INVESTS_IN", "kakao", byeol) not in found  # the owner of a backer is no backer


def test_a_list_in_a_saved_page_continues_its_sentence(tmp_path: Path) -> None:
    page = tmp_path / "round.html"
    page.write_text(
        "<html><head><title>Round</title></head><body><article>"
        "<p>Byeol Quantum raised 32 billion won in a Series A round. The other investors were:</p>"
        "<ul><li>SV Investment;</li><li>Kakao Ventures; and</li><li>POSTECH Holdings.</li></ul>"
        "</article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page, published=date(2031, 5, 27))
    assert article.blocks[-1].text.endswith("were: SV Investment; Kakao Ventures; and POSTECH Holdings.")
    found = ties(RuleExtractor().extract(article, [], "article-1"))
    assert {("INVESTS_IN", b, "byeol-quantum") for b in ("sv-investment", "kakao-ventures")} <= found


def test_researchers_at_an_organisation_and_studying_with(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "At Korea Maritime & Ocean University (KMOU), a Busan-based school for ship officers, "
            "researchers are working with ID Quantique on wireless links. Pusan National University "
            "(PNU) is studying with SK Broadband how the network behaves in a typhoon.",
        )
    )
    assert ("COLLABORATES_WITH", "id-quantique", "korea-maritime-ocean-university") in found
    assert ("COLLABORATES_WITH", "pusan-national-university", "sk-broadband") in found


def test_ordinary_sentence_openers_and_legal_forms_are_no_names(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "SK hynix Inc. signed an agreement with Quantum Motion. Outside Seoul, Haneul Photonics "
        "closed an 18 billion won Series A. Researchers at Korea University will work with Qunnect. "
        "Separately, Byeol Quantum opened an office.",
    )
    names = {proposed.entity.name for proposed in found.entities}
    assert not names & {"Inc", "Outside Seoul", "Series A", "Researchers", "Separately"}
    assert {"Haneul Photonics", "Byeol Quantum", "Korea University"} <= names
    assert ("COLLABORATES_WITH", "korea-university", "qunnect") in ties(found)


def test_taking_part_in_the_trials_a_round_led_later_and_funded_in_part(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "LG Uplus and Qunnect founded the Seoul Entanglement Consortium. Kakao has agreed to take "
            "part in the trials by hosting the far end of the link. LG Uplus is also putting $12 million "
            "into Qunnect as part of the startup's Series B round. The Series B round, whose total was "
            "not disclosed, was led by Airbus Ventures. Qunnect's research was funded in part by the "
            "National Science Foundation (NSF).",
        )
    )
    assert ("PARTICIPATES_IN", "kakao", "seoul-entanglement-consortium") in found
    assert ("INVESTS_IN", "airbus-ventures", "qunnect") in found
    assert ("FUNDS", "national-science-foundation", "qunnect") in found


def test_a_standfirst_is_not_the_story(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Link</title></head><body><article>"
        '<p class="dek">The Brooklyn startup will open an office in Seoul</p>'
        "<p>LG Uplus will build a network with Qunnect, a startup based in New York.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page, published=date(2032, 7, 8))
    assert [block.text for block in article.blocks] == [
        "LG Uplus will build a network with Qunnect, a startup based in New York."
    ]


def test_a_city_government_in_a_list_and_a_subsidiary_named_later(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Alpine Quantum Technologies (AQT), an Austrian maker of quantum computers, will set up a "
            "Korean subsidiary in Incheon. The company, the Incheon Metropolitan City government and "
            "the Incheon Free Economic Zone Authority (IFEZ) signed a three-way memorandum of "
            "understanding. Under it, IFEZ will pay the rent. The subsidiary, to be called AQT Korea, "
            "will start with 15 engineers. Its research was funded in part by the U.S. National "
            "Science Foundation (NSF).",
        )
    )
    aqt, ifez = "alpine-quantum-technologies", "incheon-free-economic-zone-authority"
    assert {
        ("SIGNED_MOU_WITH", aqt, "incheon"),
        ("SIGNED_MOU_WITH", aqt, ifez),
        ("SIGNED_MOU_WITH", "incheon", ifez),
        ("ESTABLISHES", aqt, "aqt-korea"),
        ("LOCATED_IN", "aqt-korea", "incheon"),
    } <= found
    assert ("LOCATED_IN", aqt, "incheon") not in found  # the city's government is no description
    assert not {t for t in found if t[1] == "united-states"}  # "the U.S. National Science Foundation"


def test_a_round_up_of_rounds_and_a_fund_that_funds_nothing(tmp_path: Path) -> None:
    """ "the Series B of Kyeol Quantum" is whose round the backers after it joined; "fund" as a
    noun ("the K-Quantum Fund, a fund of funds that ...") funds no one."""
    found = ties(
        extract(
            tmp_path,
            "Behind the activity is the K-Quantum Fund, a 300 billion won fund of funds that the "
            "Ministry of Science and ICT (MSIT) set up last year. The largest deal was the 45 billion "
            "won Series B of Kyeol Quantum, a Seoul-based developer of software. Mirae Asset Venture "
            "Investment led the round with 15 billion won. KB Investment, the K-Quantum Fund and "
            "Quantonation, the Paris-based quantum fund, also joined.",
        )
    )
    kyeol = "kyeol-quantum"
    backers = {"mirae-asset-venture-investment", "kb-investment", "k-quantum-fund", "quantonation"}
    assert {("INVESTS_IN", backer, kyeol) for backer in backers} <= found
    assert ("ESTABLISHES", "ministry-of-science-and-ict", "k-quantum-fund") in found
    assert not {t for t in found if t[0] == "FUNDS"}


def test_a_report_the_next_sentence_denies_is_no_tie(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Byeol Quantum raised 32 billion won in a Series A round. A local newspaper reported last "
            "month that Samsung Ventures had joined the round. Kwon denied it. SV Investment joined "
            "the round as well.",
        )
    )
    assert ("INVESTS_IN", "samsung-ventures", "byeol-quantum") not in found
    assert ("INVESTS_IN", "sv-investment", "byeol-quantum") in found


def test_a_legal_form_in_a_list_an_agreement_under_which_and_an_officer(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "SK hynix Inc. and Quantum Motion, a British developer of quantum computers, today "
            "announced a strategic partnership. Under a joint development agreement signed on Monday, "
            'the two companies will co-develop arrays of spin qubits. "It works," said Helen '
            "Marlow, Chief Executive Officer of Quantum Motion. Separately, Quantum Motion and Hana "
            "Bank signed a memorandum of understanding to jointly develop payment tests.",
        )
    )
    pair = ("quantum-motion", "sk-hynix")
    assert {
        ("PARTNERS_WITH", *pair),
        ("SIGNED_MOU_WITH", *pair),
        ("COLLABORATES_WITH", *pair),  # what the two will do, beside the agreement they do it under
        ("LEADS", "helen-marlow", "quantum-motion"),
        ("SIGNED_MOU_WITH", "hana-bank", "quantum-motion"),
    } <= found
    assert ("COLLABORATES_WITH", "hana-bank", "quantum-motion") not in found  # what the MOU is for


def test_a_company_described_then_placed_spun_out_and_signing_in_a_clause(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "DGIST launched the Daegu Brain Imaging Project. The Ministry of Health and Welfare has "
            "committed 9.2 billion won to the project. The Daegu city government has added 2.4 billion "
            "won. The sensors are built by Cerca Magnetics, a British company based in Nottingham that "
            "was spun out of the University of Nottingham in 2020. Cerca joined the project after "
            "signing a memorandum of understanding with DGIST, and it will open a service office in "
            "Daegu. KT will add 30 billion won, according to a joint statement.",
        )
    )
    cerca, project = "cerca-magnetics", "daegu-brain-imaging-project"
    assert {
        ("FUNDS", "daegu", project),
        ("LOCATED_IN", cerca, "united-kingdom"),
        ("LOCATED_IN", cerca, "nottingham"),
        ("ESTABLISHES", "university-of-nottingham", cerca),
        ("SIGNED_MOU_WITH", cerca, "dgist"),
        ("ESTABLISHES", cerca, "cerca-magnetics-service-office-in-daegu"),
    } <= found
    assert not {t for t in found if "statement" in t[2]}  # "according to" names no recipient


def test_the_network_a_report_called_wrong_and_an_institute_in_a_city(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "LG Uplus founded the Seoul Metro Entanglement Network. The Ministry of Science and ICT "
            "runs the Quantum Network Testbed Programme. The Electronics and Telecommunications "
            "Research Institute (ETRI), a state-run institute in Daejeon, will take part in the "
            "network. Pasqal, which has a subsidiary in Daejeon, will too. Byeol Quantum raised 9 "
            "billion won in a Series A round. Reports that Kakao Investment had joined the round were "
            "wrong, the company said.",
        )
    )
    etri = "electronics-and-telecommunications-research-institute"
    assert ("PARTICIPATES_IN", etri, "seoul-metro-entanglement-network") in found
    assert ("LOCATED_IN", etri, "daejeon") in found
    assert ("LOCATED_IN", "pasqal", "daejeon") not in found  # its subsidiary is there
    assert ("INVESTS_IN", "kakao-investment", "byeol-quantum") not in found


def test_a_compact_its_committee_chaired_for_a_while_and_gapped_pledges(tmp_path: Path) -> None:
    """ "chaired for its first two years by MSIT"; "ISED has committed C$10 million, TEM 6 million
    euros and NRF S$8 million": each gives to the programme the article is about."""
    found = extract(
        tmp_path,
        "The Ministry of Science and ICT (MSIT), the Department of Innovation (ISED), the Ministry of "
        "Economic Affairs (TEM) and the National Research Foundation (NRF) signed a memorandum of "
        "understanding. Under it, the four will form a Quantum Compact Steering Committee, to be "
        "chaired for its first two years by MSIT, and pool money in a joint research programme, "
        "Quantum Bridges. MSIT will put in 20 billion won over three years. ISED has committed C$10 "
        "million ($7.3 million), TEM 6 million euros and NRF S$8 million ($6.1 million).",
    )
    got = ties(found)
    committee, bridges = "quantum-compact-steering-committee", "quantum-bridges"
    msit = "ministry-of-science-and-ict"
    assert ("LEADS", msit, committee) in got
    funders = {
        msit,
        "department-of-innovation",
        "ministry-of-economic-affairs",
        "national-research-foundation",
    }
    assert {("FUNDS", funder, bridges) for funder in funders} <= got
    amounts = {
        (p.relationship.source, p.relationship.amount, p.relationship.currency)
        for p in found.relationships
        if p.relationship.kind.value == "FUNDS"
    }
    assert ("national-research-foundation", 8_000_000, "SGD") in amounts
    assert ("department-of-innovation", 10_000_000, "CAD") in amounts
    assert not {p.entity.name for p in found.entities} & {"C", "NRF S$8"}


def test_the_council_a_trial_and_each_of_which(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "On Thursday the National Research Council of Science & Technology (NST) voted. The "
            "Sejong-based council will launch the Quantum Flagship Programme in January. Working under "
            "KRISS will be ETRI, KIST and KIMM, each of which will take part in the flagship. KT and "
            "Hana Bank announced the start of the Quantum-Safe Banking Trial. The trial is led by KT. "
            "The ministry is providing 2.4 billion won (about $1.7 million) toward the trial. In a "
            "separate agreement, KT and PQShield have signed a partnership.",
        )
    )
    nst, flagship, trial = (
        "national-research-council-of-science-technology",
        "quantum-flagship-programme",
        ("quantum-safe-banking-trial"),
    )
    assert {
        ("LOCATED_IN", nst, "sejong"),
        ("ESTABLISHES", nst, flagship),
        ("PARTICIPATES_IN", "etri", flagship),
        ("PARTICIPATES_IN", "kist", flagship),
        ("PARTICIPATES_IN", "kimm", flagship),
        ("LEADS", "kt", trial),
        ("PARTNERS_WITH", "kt", "pqshield"),
    } <= found


def test_a_legal_form_leaves_the_name_and_a_fund_noun_funds_nothing(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        'DB HiTek Co., Ltd. ("DB HiTek"), a Korean foundry, agreed to acquire Lumiphase B.V., a Dutch '
        "developer of photonic chips, for EUR 180 million. Lumiphase's existing shareholders, including "
        "Innovation Industries, have agreed to sell. The Dutch state investment fund Invest-NL agreed "
        "too. LG Corp. did not comment.",
    )
    names = {proposed.entity.name for proposed in found.entities}
    assert {"DB HiTek", "Lumiphase", "LG Corp."} <= names
    assert not names & {"DB HiTek Co.", "Lumiphase B.V.", "EUR"}
    got = ties(found)
    assert ("INVESTS_IN", "innovation-industries", "lumiphase") in got
    assert ("INVESTS_IN", "db-hitek", "lumiphase") in got  # a buyer invests in what it buys
    assert not {t for t in got if t[0] == "FUNDS"}


def test_a_company_named_without_its_legal_form_keeps_it_as_an_alias(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "Seoul launched a 100 billion won fund. The fund will be managed by Korea Venture "
        "Investment Corp. (KVIC).",
    )
    kvic = next(p.entity for p in found.entities if p.entity.name == "Korea Venture Investment")
    assert {"Korea Venture Investment Corp.", "KVIC"} <= set(kvic.aliases)


def test_a_renewal_signed_past_an_apposition_and_a_programme_of_two_countries(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Oak Ridge National Laboratory (ORNL), the largest laboratory of the US Department of Energy "
            "(DOE), and the Korea Institute of Science and Technology Information (KISTI) signed a "
            "five-year renewal of their research agreement. The two sides will also develop software "
            "together. The joint work is called the Korea-US Hybrid Quantum Computing Programme. On the "
            "Korean side it is funded by the Ministry of Science and ICT (MSIT), which will provide 9.6 "
            "billion won over five years.",
        )
    )
    ornl, kisti = "oak-ridge-national-laboratory", "korea-institute-of-science-and-technology-information"
    assert {
        ("SIGNED_MOU_WITH", kisti, ornl),
        ("COLLABORATES_WITH", kisti, ornl),
        ("FUNDS", "ministry-of-science-and-ict", "korea-us-hybrid-quantum-computing-programme"),
    } <= found


def test_a_subsidiary_named_after_its_city_and_a_centre_selected_for_a_programme(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "SBQuantum, a Canadian maker of magnetometers, has set up a subsidiary in Busan, SBQuantum "
            "Korea, to service the sensors. DB HiTek will set up a photonics research centre in "
            "Eumseong. The centre has been selected for the Photonic Semiconductor Programme, which "
            "the Ministry of Trade, Industry and Energy (MOTIE) runs, and the ministry will provide it "
            "with 12 billion won.",
        )
    )
    centre = next(t[2] for t in found if t[0] == "ESTABLISHES" and t[1] == "db-hitek")
    assert "programme" not in centre  # "selected for the ... Programme" does not name the centre
    assert {
        ("ESTABLISHES", "sbquantum", "sbquantum-korea"),
        ("LOCATED_IN", "sbquantum-korea", "busan"),
        ("FUNDS", "ministry-of-trade-industry-and-energy", centre),
    } <= found


def test_a_stake_bought_and_a_description_read_to_its_head_noun(tmp_path: Path) -> None:
    found = extract(
        tmp_path,
        "LS Cable & System will buy a 60 percent stake in Qoax, a university spin-out that makes "
        "cryogenic cables.",
    )
    assert ("INVESTS_IN", "ls-cable-system", "qoax") in ties(found)
    qoax = next(p.entity for p in found.entities if p.entity.id == "qoax")
    assert qoax.kind.value == "Company"  # a spin-out, not a university


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial of something else, or a report of something else, keeps the tie
        ("Qlabs signed an MOU with Vexora, the newspaper reported. Vexora denied it had cut jobs.", 1),
        ("KT, which denied reports of layoffs, signed an MOU with LG.", 1),
        # a name before ", Industry Minister Kim said" is a name, not a portfolio
        ("Qlabs signed an MOU with Vexora, Industry Minister Kim said.", 1),
        # a company whose name ends in -ing, and a city's university
        ("Boeing will invest $10 million in IonQ.", 1),
        ("Nanjing University signed an MOU with KAIST.", 1),
        # what is acquired is a company, never a place or a thing
        ("KT acquired land in Busan for a plant.", 0),
        ("KT acquired the rights to a drug in Japan.", 0),
        ("IonQ, acquired in Seoul by Samsung, grew.", 0),
        # after a round, only the round is led, joined or listed
        ("IonQ raised $50 million in a funding round. KT led a series of protests against the plan.", 0),
        ("IonQ raised $50 million in a funding round. KT joined in the criticism.", 0),
        ("IonQ raised $50 million in a funding round. Investors were cautious: KT and LG shares fell.", 0),
        ("IonQ raised $50 million in a funding round. Participants in the meeting included: KT and SK.", 0),
        # "added that" gives nothing; "will soon fund" is the verb
        ("Samsung added that it would invest in the sector.", 0),
        ("Samsung and LG will soon fund the Quantum Alliance.", 2),
    ],
)
def test_new_rules_do_not_fire_on_ordinary_sentences(tmp_path: Path, text: str, expected: int) -> None:
    """Sentences a review of the rules of 2026-12-03 found them misreading: each gives exactly
    the ties it states."""
    assert len(ties(extract(tmp_path, text))) == expected


def test_a_speaker_after_a_subsidiary_in_a_city_is_not_its_name(tmp_path: Path) -> None:
    found = ties(extract(tmp_path, "KT set up a subsidiary in Busan, LG said."))
    assert not {t for t in found if "lg" in t[1:]}
    found = ties(extract(tmp_path, "Rigetti raised $10 million. The Series A of Rigetti was led by Intel."))
    assert found == {("INVESTS_IN", "intel", "rigetti")}  # the round's lead invests; it leads nothing


def test_leaders_named_by_what_they_head_and_a_relative_past_a_place(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT (MSIT) and the Department of Innovation, Science and "
            'Economic Development (ISED) signed an MOU. "It works," said Kang Ji-hoon, the minister '
            "who heads MSIT. Canadian Innovation Minister Claire Dubois agreed. The results will be "
            "checked by the Korea Research Institute of Chemical Technology (KRICT), a government-funded "
            "institute based in Daejeon, which is to work with the CNU team on catalysts.",
        )
    )
    assert {
        ("LEADS", "kang-ji-hoon", "ministry-of-science-and-ict"),
        ("LEADS", "claire-dubois", "department-of-innovation-science-and-economic-development"),
        ("COLLABORATES_WITH", "cnu", "korea-research-institute-of-chemical-technology"),
    } <= found
    assert not {t for t in found if t[0] == "COLLABORATES_WITH" and "daejeon" in t}


def test_the_members_of_a_body_are_a_list_set_apart_by_semicolons(tmp_path: Path) -> None:
    """ "The new members of the cluster are A; B (X); C, a ...; and D": each item, not the
    place inside an item's description; "the alliance's founding members include" too."""
    found = ties(
        extract(
            tmp_path,
            "The Incheon Songdo Quantum Cluster (ISQC) admitted five members on Thursday.\n\n"
            "The new members of the cluster are Inha University; Incheon National University (INU); "
            "SDT, a Seoul-based maker of control hardware; and Norma, a quantum software company.",
        )
    )
    members = {t[1] for t in found if t[0] == "MEMBER_OF"}
    assert members == {"inha-university", "incheon-national-university", "sdt", "norma"}
    assert {t[2] for t in found if t[0] == "MEMBER_OF"} == {"incheon-songdo-quantum-cluster"}
    owned = ties(
        extract(
            tmp_path,
            "The Korea Quantum Industry Alliance was launched in March. "
            "The Korea Quantum Industry Alliance's founding members include KT and Samsung SDS.",
        )
    )
    assert {t[1] for t in owned if t[0] == "MEMBER_OF"} == {"kt", "samsung-sds"}
    # the members of a company's board, or of a delegation, belong to no body the article names
    none = ties(
        extract(
            tmp_path,
            "The members of the KT delegation are Kim Young-shin and Park Jae-hyun. "
            "Members of Samsung's board include Lee Jae-yong.",
        )
    )
    assert not {t for t in none if t[0] == "MEMBER_OF"}


def test_a_province_government_sets_up_a_named_centre_that_its_governor_announced(tmp_path: Path) -> None:
    """ "The Chungcheongbuk-do Provincial Government" is the province (not a person named "The
    Chungcheongbuk-do"); the named centre is where the sentence sets it up; "the centre" is the
    Research Center, whichever spelling; a governor heads the province."""
    found = ties(
        extract(
            tmp_path,
            "The Chungcheongbuk-do Provincial Government will set up a Quantum Materials Research Center "
            "in Cheongju, Governor Yoon Chang-ho announced on Monday. The centre will be run by Chungbuk "
            "National University (CBNU).",
        )
    )
    centre, province = "quantum-materials-research-center", "north-chungcheong-province"
    assert {
        ("ESTABLISHES", province, centre),
        ("LOCATED_IN", centre, "cheongju"),
        ("LEADS", "yoon-chang-ho", province),
        ("LEADS", "chungbuk-national-university", centre),
    } <= found
    assert not {t for t in found if "the-chungcheongbuk-do" in t}


def test_a_programme_launched_by_one_and_managed_by_another(tmp_path: Path) -> None:
    """ "the Programme, which was launched by MSIT and is managed by IITP": the ministry set it up,
    the agency runs it (not the centre the sentence opens with)."""
    found = ties(
        extract(
            tmp_path,
            "KAIST opened a joint research centre in Daejeon. The centre has been selected for the "
            "Fault-Tolerant Quantum Computing Programme, which was launched by the Ministry of Science and "
            "ICT (MSIT) in 2034 and is managed by the Institute for Information and Communications "
            "Technology Planning and Evaluation (IITP).",
        )
    )
    programme = "fault-tolerant-quantum-computing-programme"
    iitp = "institute-for-information-and-communications-technology-planning-and-evaluation"
    assert {("ESTABLISHES", "ministry-of-science-and-ict", programme), ("LEADS", iitp, programme)} <= found
    assert not {t for t in found if t[0] == "LEADS" and t[1] == iitp and t[2] != programme}


def test_a_place_adjective_describes_the_words_it_stands_before(tmp_path: Path) -> None:
    """ "which Korean media had named", "a Korean site near KAIST": neither places the organisation."""
    found = ties(
        extract(
            tmp_path,
            "LG Innotek, which Korean media had named as a possible supplier, said it had not been "
            "approached. "
            "Alice & Bob is also looking at a second Korean site near KAIST.",
        )
    )
    assert not {t for t in found if t[0] == "LOCATED_IN"}


def test_the_two_sides_after_two_open_a_centre_together_are_the_two(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "Alice & Bob, a French start-up, and Sungkyunkwan University (SKKU) will open a joint research "
            "centre in Suwon, the two sides said on Thursday. The centre, to be named the SKKU-Alice & Bob "
            "Cat Qubit Center (SACQC), will work on cat qubits. A memorandum of understanding covering "
            "staffing was signed by the two sides at the university on Thursday morning.",
        )
    )
    mous = {t for t in found if t[0] == "SIGNED_MOU_WITH"}
    assert mous == {("SIGNED_MOU_WITH", "alice-bob", "sungkyunkwan-university")}


def test_a_press_releases_list_of_members_under_a_colon(tmp_path: Path) -> None:
    """A Markdown list after "The alliance starts with nine members:" finishes that sentence: each
    item is a member, described or not; the one that "will chair the alliance" leads it; the
    ministry that launched it alone set it up and is no member; "Minister of Science and ICT" after
    a name heads the Ministry of Science and ICT; "belongs to" is a part; "At the ceremony A and B
    signed" is A and B signing."""
    page = tmp_path / "release.md"
    page.write_text(
        "# MSIT launches Korea Quantum Software Alliance\n\n"
        "The Ministry of Science and ICT (MSIT) today launched the Korea Quantum Software Alliance "
        "(KQSA), a standing body that brings operators and universities together.\n\n"
        '"It is time," said Lee Jae-hoon, Minister of Science and ICT, at the launch.\n\n'
        "The alliance starts with three members:\n\n"
        "- **KT**, which will chair the alliance for its first term;\n"
        "- **Naver Cloud**;\n"
        "- the **Electronics and Telecommunications Research Institute (ETRI)**, which belongs to the "
        "National Research Council of Science and Technology (NST).\n\n"
        "At the ceremony Classiq and KT signed a memorandum of understanding.\n",
        encoding="utf-8",
    )
    store = SqliteStore(":memory:")
    found = ties(RuleExtractor().extract(read_article(page), list(store.entity_names()), "source"))
    alliance, msit = "korea-quantum-software-alliance", "ministry-of-science-and-ict"
    etri = "electronics-and-telecommunications-research-institute"
    assert {t[1] for t in found if t[0] == "MEMBER_OF"} == {"kt", "naver-cloud", etri}
    assert {
        ("ESTABLISHES", msit, alliance),
        ("LEADS", "kt", alliance),
        ("LEADS", "lee-jae-hoon", msit),
        ("PART_OF", etri, "national-research-council-of-science-and-technology"),
        ("SIGNED_MOU_WITH", "classiq", "kt"),
    } <= found


def test_a_consortium_described_by_its_leader_and_the_members_it_includes(tmp_path: Path) -> None:
    """ "a consortium led by KT": a new body that KT leads and belongs to; "The consortium also
    includes A (X), the ... maker of ..., B and C, a ... maker" lists A, B and C past their
    appositions; "Its other members are" the next sentence refers to the body too; "the project"
    is the named project, not the body."""
    found = ties(
        extract(
            tmp_path,
            "The authority has chosen a consortium led by KT, the telecom operator, to build the network. "
            "The consortium also includes ID Quantique (IDQ), the Geneva-based maker of key distribution "
            "equipment, Pukyong National University (PKNU) and Haeun Security, a Busan-based maker of "
            "encryptors.",
        )
    )
    members = {t[1] for t in found if t[0] == "MEMBER_OF"}
    assert members == {"kt", "id-quantique", "pukyong-national-university", "haeun-security"}
    bodies = {t[2] for t in found if t[0] == "MEMBER_OF"}
    assert len(bodies) == 1 and ("LEADS", "kt", next(iter(bodies))) in found
    later = ties(
        extract(
            tmp_path,
            "DAPA launched the Quantum Inertial Navigation Development Project. The work will be carried "
            "out by a consortium led by Hanwha Systems. Its other members are LIG Nex1, KAIST and Nuri "
            "Quantum. The Republic of Korea Navy will take part in the project by providing ships.",
        )
    )
    members = {t[1] for t in later if t[0] == "MEMBER_OF"}
    assert members == {"hanwha-systems", "lig-nex1", "kaist", "nuri-quantum"}
    project = "quantum-inertial-navigation-development-project"
    assert ("PARTICIPATES_IN", "republic-of-korea-navy", project) in later
    # a round, a named alliance or "a group led by" make no new body
    none = ties(
        extract(
            tmp_path,
            "Qunova raised 30 billion won in a round led by KIP. A group led by Samsung bought the plant.",
        )
    )
    assert not {t for t in none if t[0] == "MEMBER_OF"}


def test_a_subsidiary_set_up_by_its_parent_in_a_citys_district(tmp_path: Path) -> None:
    """ "Atom Computing Korea, the subsidiary that was set up last year by Atom Computing": set up
    by and a part of it; its managing director leads it; "headquartered in Daejeon's Yuseong
    district" places it in Daejeon (a district is no stakeholder); "are now jointly writing" is a
    collaboration."""
    found = ties(
        extract(
            tmp_path,
            '"It is small," says Yoon Seo-hyun, managing director of Atom Computing Korea, the subsidiary '
            "that was set up last year by Atom Computing, the neutral-atom company. Atom Computing Korea is "
            "headquartered in Daejeon's Yuseong district. SK Telecom and Atom Computing Korea are now "
            "jointly writing error-mitigation software.",
        )
    )
    korea = "atom-computing-korea"
    assert {
        ("ESTABLISHES", "atom-computing", korea),
        ("PART_OF", korea, "atom-computing"),
        ("LEADS", "yoon-seo-hyun", korea),
        ("LOCATED_IN", korea, "daejeon"),
    } <= found
    assert {("COLLABORATES_WITH", "sk-telecom", korea), ("COLLABORATES_WITH", korea, "sk-telecom")} & found
    assert {t for t in found if t[0] == "LOCATED_IN"} == {("LOCATED_IN", korea, "daejeon")}


def test_a_group_name_shared_by_several_named_units_is_the_group(tmp_path: Path) -> None:
    """ "Kakao" beside Kakao Enterprise, Kakao Mobility and Kakao Investment is none of them: the
    group, an entity of its own, with its own ties."""
    found = ties(
        extract(
            tmp_path,
            "Kakao Enterprise, the cloud unit of internet company Kakao, opened a quantum service. KAIST "
            "will work with Kakao Mobility on routing. Kakao Investment, the group's investment arm, "
            "bought a stake in IQM. Kakao, which is headquartered in Jeju, has cut costs.",
        )
    )
    assert {("PART_OF", "kakao-enterprise", "kakao"), ("LOCATED_IN", "kakao", "jeju")} <= found
    assert not {t for t in found if t[0] == "LOCATED_IN" and t[1] != "kakao"}


def test_a_consortium_formed_by_several_and_the_investors_of_the_one_before(tmp_path: Path) -> None:
    """ "K-QECC was formed by A, B, C and D": its members; "Its investors include" opening a
    sentence are the investors of the organisation the sentence before opens with; "has worked
    with SK Telecom under a partnership agreement" is a partnership; "headquartered in Seoul's
    Gangnam district" is in Seoul; "Governor Jung" is Jung Min-cheol; "invited to take part" is not
    taking part."""
    found = ties(
        extract(
            tmp_path,
            "The Korea Quantum Error Correction Consortium (K-QECC) was formed in 2036 by the Korea "
            "Research Institute of Standards and Science (KRISS), "
            "Korea University and SK Telecom. Riverlane has worked with SK Telecom since 2036 under a "
            "partnership agreement. Riverlane Korea is headquartered in Seoul's Gangnam district.\n\n"
            "Riverlane is headquartered in Cambridge. Its investors include Cambridge Innovation Capital "
            "and Amadeus Capital Partners.\n\n"
            "Governor Jung Min-cheol of South Jeolla Province opened the alliance. Governor Jung said it "
            "would grow. Gwangju Metropolitan City, which was invited to take part in K-QECC, declined.",
        )
    )
    body = "korea-quantum-error-correction-consortium"
    assert {t[1] for t in found if t[0] == "MEMBER_OF" and t[2] == body} == {
        "korea-research-institute-of-standards-and-science",
        "korea-university",
        "sk-telecom",
    }
    assert {
        ("INVESTS_IN", "cambridge-innovation-capital", "riverlane"),
        ("INVESTS_IN", "amadeus-capital-partners", "riverlane"),
        ("LOCATED_IN", "riverlane-korea", "seoul"),
    } <= found
    partnership = {("PARTNERS_WITH", "riverlane", "sk-telecom"), ("PARTNERS_WITH", "sk-telecom", "riverlane")}
    assert partnership & found
    assert not {t for t in found if t[0] == "COLLABORATES_WITH"}
    assert not {t for t in found if "jung" in t[1] and t[1] != "jung-min-cheol"}
    assert not {t for t in found if t[1] == "gwangju"}


def test_it_led_by_someone_is_what_was_just_set_up_and_a_title_after_is(tmp_path: Path) -> None:
    """ "A and B will open a joint laboratory. It will be led by Professor X": X leads the laboratory,
    not A; "Camille Rousseau is chief executive of Quandela Korea" is a person heading it."""
    found = ties(
        extract(
            tmp_path,
            "Oxford Quantum Circuits and UNIST will open a joint laboratory in Ulsan. It will be led by "
            "Professor Han Seo-yeon of the physics department. Camille Rousseau is chief executive of "
            "Quandela Korea.",
        )
    )
    led = {(t[1], t[2]) for t in found if t[0] == "LEADS"}
    lab = next(t[2] for t in found if t[0] == "ESTABLISHES" and t[1] == "unist")
    assert led == {("han-seo-yeon", lab), ("camille-rousseau", "quandela-korea")}


def test_who_runs_a_programme_and_the_units_a_company_or_ministry_has(tmp_path: Path) -> None:
    """ "the Hub Programme, which the Ministry of Science and ICT runs", "TIPS, a programme that
    the MSS runs", "JNTP, which runs the Talent Programme": each runner leads; a subsidiary a
    company opens under a name is a part of it; "the ministry's grant agency" too; "which manages
    the fund's assets" leads nothing."""
    found = ties(
        extract(
            tmp_path,
            "The lab was chosen for the Regional Quantum Hub Programme, which the Ministry of Science and "
            "ICT (MSIT) runs. The start-up joined TIPS, a start-up programme that the Ministry of SMEs and "
            "Startups (MSS) runs. Jeonnam Technopark (JNTP), which runs the Quantum Chemistry Talent "
            "Programme, will help. Pasqal will also open a Korean subsidiary, Pasqal Korea, in Pohang. "
            "The Korea Evaluation Institute of Industrial Technology (KEIT), the ministry's grant agency, "
            "will pay. Shinhan Bank, which manages the Quantum Growth Fund's assets, declined to comment.",
        )
    )
    assert {
        ("LEADS", "ministry-of-science-and-ict", "regional-quantum-hub-programme"),
        ("LEADS", "ministry-of-smes-and-startups", "tips"),
        ("LEADS", "jeonnam-technopark", "quantum-chemistry-talent-programme"),
        ("PART_OF", "pasqal-korea", "pasqal"),
        ("PART_OF", "korea-evaluation-institute-of-industrial-technology", "ministry-of-smes-and-startups"),
    } <= found
    assert not {t for t in found if t[1] == "shinhan-bank"}


def test_the_ministry_is_the_one_the_article_is_about(tmp_path: Path) -> None:
    """A ministry named once in passing ("The Ministry of Economy and Finance, which drafts the
    budget, ...") does not become "the ministry" of the sentences after it."""
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT (MSIT) released its quantum budget on Wednesday. The "
            "ministry will spend more on sensing. The Ministry of Economy and Finance, which drafts the "
            "national budget, had trimmed the request, officials said.\n\n"
            "The Korea Institute of Science and Technology Information (KISTI) is to receive 38 billion "
            "won from the ministry.",
        )
    )
    funders = {t[1] for t in found if t[0] == "FUNDS"}
    assert funders == {"ministry-of-science-and-ict"}


def test_shares_held_in_percent_and_the_unit_after_its_parent(tmp_path: Path) -> None:
    """ "LG Uplus owns 80 percent of the unit and Noeul the remaining 20 percent": both invest in
    the unit; "the unit" right after its parent is named is the unit ("SBQuantum Korea")."""
    found = ties(
        extract(
            tmp_path,
            "To sell the service to banks, LG Uplus has set up a subsidiary, U+ Quantum Security. LG Uplus "
            "owns 80 percent of the unit and Noeul the remaining 20 percent.\n\n"
            "SBQuantum opened SBQuantum Korea, a subsidiary in Busan, last year. SBQuantum makes "
            "magnetometers. The city of Busan has invested 2 billion won in the unit.",
        )
    )
    assert {
        ("INVESTS_IN", "lg-uplus", "u-quantum-security"),
        ("INVESTS_IN", "noeul", "u-quantum-security"),
        ("INVESTS_IN", "busan", "sbquantum-korea"),
    } <= found
    assert ("INVESTS_IN", "busan", "sbquantum") not in found


def test_joint_work_in_other_words_and_a_name_opening_a_sentence(tmp_path: Path) -> None:
    """ "have been developing a controller together", "were developed jointly by A and B", "has
    taken part in"; "Quantum Machines" opening a sentence is the name the article writes inside
    sentences too (not "Machines", though "quantum" alone is an ordinary word)."""
    found = ties(
        extract(
            tmp_path,
            "Coldgate makes quantum chips and sells them to Quantum Machines. Since 2036 Coldgate has "
            "taken part in the Cryogenic Electronics Programme. Quantum Machines and Coldgate have been "
            "developing a cryogenic pulse controller together since 2035. Those transmitters were "
            "developed jointly by LG Uplus and the Electronics and Telecommunications Research Institute "
            "(ETRI).",
        )
    )
    etri = "electronics-and-telecommunications-research-institute"
    assert ("PARTICIPATES_IN", "coldgate", "cryogenic-electronics-programme") in found
    collaborations = {frozenset(t[1:]) for t in found if t[0] == "COLLABORATES_WITH"}
    assert collaborations == {frozenset({"quantum-machines", "coldgate"}), frozenset({"lg-uplus", etri})}


@pytest.mark.parametrize(
    "text",
    [
        "The members of the KT consortium are Samsung SDS and LG CNS.",
        "The members of the Korea Quantum Industry Alliance are suing Naver.",
        "The ministry chose a consortium backed by Samsung Electronics to build the network.",
        "The complaint was filed by an association led by former KT executives.",
        "KT declined to chair the Korea Quantum Industry Alliance.",
        "KT may chair the Korea Quantum Industry Alliance next year.",
        "The Financial Services Commission, which oversees the Quantum Growth Fund, approved the deal.",
        "Edelman, Qunova's public relations agency, sent the statement.",
        "Like the Samsung unit, Qunova was founded by KAIST in 2020.",
        "Qunova, which once belonged to KT, is now independent.",
        "KT does not belong to the Korea Quantum Industry Alliance.",
        "Park Jae-hyun is a director of Samsung.",
        "The Ministry of Science and ICT (MSIT) released its budget. Pierre Dupont, France's Minister of "
        "Science, visited Seoul.",
        "KT bought a stake in Qunova last year. Its investors include Samsung Ventures and Naver.",
        "KT executives spoke at the forum Samsung organised and then signed an agreement with Naver.",
    ],
)
def test_the_new_phrasings_do_not_fire_on_near_misses(tmp_path: Path, text: str) -> None:
    """Sentences that look like the phrasings read since batch 13 but state none of those ties."""
    found = ties(extract(tmp_path, text))
    unwanted = {
        t
        for t in found
        if t[0] in {"MEMBER_OF", "LEADS", "PART_OF"}
        or (t[0] == "INVESTS_IN" and t[2] == "kt")
        or (t[0] == "SIGNED_MOU_WITH" and "samsung" in t[1] + t[2])
    }
    assert not unwanted


def test_formed_by_and_established_by_and_percentages_read_as_they_say(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "The Korea Quantum Industry Alliance was established by the Ministry of Science and ICT and "
            "the Ministry of Trade, Industry and Energy in 2030. KT owns 80 per cent of Qunova and Naver "
            "has 20 percent of Kakao.",
        )
    )
    alliance = "korea-quantum-industry-alliance"
    assert {t[0] for t in found if t[2] == alliance} == {"ESTABLISHES"}
    assert {(t[1], t[2]) for t in found if t[0] == "INVESTS_IN"} == {("kt", "qunova"), ("naver", "kakao")}


def test_a_clause_with_its_verb_left_out_is_no_list_item(tmp_path: Path) -> None:
    """ "KT will give 5 billion won to KAIST, and LG 3 billion won to POSTECH": LG gives, it does
    not receive (the clause after the comma has left its verb out)."""
    found = ties(extract(tmp_path, "KT will give 5 billion won to KAIST, and LG 3 billion won to POSTECH."))
    assert ("FUNDS", "kt", "kaist") in found
    assert not {t for t in found if t[0] == "FUNDS" and t[2] == "lg"}


def test_a_unit_named_with_a_legal_form_is_not_its_parent(tmp_path: Path) -> None:
    """ "Hanbit set up a US subsidiary, Hanbit Quantum Inc.": the legal form is what tells the unit
    from its parent Hanbit Quantum, so it stays in the unit's name; "Hanbit" is still the parent,
    not a group of the two."""
    found = ties(
        extract(
            tmp_path,
            "Hanbit Quantum, a Seoul-based maker of photonic chips, raised 42 billion won. Hanbit set up "
            "a US subsidiary, Hanbit Quantum Inc., in Boston last year. Hanbit will sign a partnership "
            "agreement with SK Telecom in May.",
        )
    )
    unit, parent = "hanbit-quantum-inc", "hanbit-quantum"
    assert {
        ("LOCATED_IN", parent, "seoul"),
        ("ESTABLISHES", parent, unit),
        ("PART_OF", unit, parent),
        ("LOCATED_IN", unit, "boston"),
        ("PARTNERS_WITH", parent, "sk-telecom"),
    } <= found
    assert not {t for t in found if "hanbit" in (t[1], t[2])}


def test_a_rounds_backers_listed_with_their_amounts_invest_in_its_raiser(tmp_path: Path) -> None:
    """A list of a round's backers, each with what it put in, after "the round was led by": each
    invests in the company that raised it, and "its first investment in Asia" is no investment in
    a place."""
    found = ties(
        extract(
            tmp_path,
            "Sorae Photonics has closed a 58 billion won Series C round. The round was led by Korea "
            "Investment Partners (KIP). According to the company:\n\n"
            "- Korea Investment Partners put in 20 billion won;\n"
            "- Hyundai CRADLE invested 12 billion won;\n"
            "- QDNL Participations, an Amsterdam-based fund, contributed 8 billion won, its first "
            "investment in Asia;\n"
            "- the Korea Development Bank added 10 billion won.\n",
        )
    )
    backers = {t[1] for t in found if t[0] == "INVESTS_IN" and t[2] == "sorae-photonics"}
    assert backers == {
        "korea-investment-partners",
        "hyundai-cradle",
        "qdnl-participations",
        "korea-development-bank",
    }
    assert not {t for t in found if t[0] in {"INVESTS_IN", "FUNDS"} and t[2] != "sorae-photonics"}


def test_a_subsidiary_named_in_the_next_sentence_and_a_clusters_other_members(tmp_path: Path) -> None:
    """ "has opened a Korean subsidiary ... The new company, Diraq Korea, will be headquartered in
    Hwaseong": the subsidiary described is Diraq Korea, a part of Diraq, and "It will be run by"
    is Diraq Korea; a cluster "the provincial government set up" is the province's, as is the
    agency that manages it; "Its other members include" after the cluster are its members."""
    found = ties(
        extract(
            tmp_path,
            "Diraq, the Sydney-based developer of quantum processors, has opened a Korean subsidiary. "
            "The new company, Diraq Korea, will be headquartered in Hwaseong. It will be run by managing "
            "director Lee Jae-sung.\n\n"
            "The Gyeonggi Provincial Government will give Diraq Korea 6 billion won. Diraq Korea has also "
            "been admitted as a member of the Gyeonggi Quantum Semiconductor Cluster (GQSC), which the "
            "provincial government set up in 2036. The cluster is managed by the Gyeonggi Business & "
            "Science Accelerator (GBSA), an agency of the provincial government. Its other members "
            "include Ajou University and Wonik IPS.\n\n"
            "Ajou University and Diraq Korea will open a joint laboratory. The laboratory will be headed "
            "by Ajou physicist Professor Nam Ki-hyun.",
        )
    )
    korea, cluster, province = "diraq-korea", "gyeonggi-quantum-semiconductor-cluster", "gyeonggi-province"
    assert {
        ("ESTABLISHES", "diraq", korea),
        ("PART_OF", korea, "diraq"),
        ("LOCATED_IN", korea, "hwaseong"),
        ("LEADS", "lee-jae-sung", korea),
        ("MEMBER_OF", korea, cluster),
        ("ESTABLISHES", province, cluster),
        ("PART_OF", "gyeonggi-business-science-accelerator", province),
        ("MEMBER_OF", "ajou-university", cluster),
        ("MEMBER_OF", "wonik-ips", cluster),
    } <= found
    assert ("LOCATED_IN", "diraq", "hwaseong") not in found
    assert {t[1] for t in found if t[0] == "LEADS" and t[2] not in {korea, province, cluster}} == {
        "nam-ki-hyun"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The government will give Diraq 6 billion won. The city government said so.",
        "Seoul and Busan met. The provincial government declined to comment.",
        "Park Ji-min, a former agency of the ministry official, spoke.",
        "The new company, which Diraq set up, will hire 40 engineers.",
    ],
)
def test_a_local_government_is_only_one_the_article_named_as_one(tmp_path: Path, text: str) -> None:
    """ "the provincial government" is a place only once the article named a place's government."""
    found = ties(extract(tmp_path, text))
    assert not {t for t in found if t[1] in {"seoul", "busan", "south-korea"} or t[0] == "PART_OF"}


def test_a_cluster_selected_for_a_programme_set_up_by_a_city_and_its_members(tmp_path: Path) -> None:
    """ "MSIT selected the GQPC for its Regional Quantum Cluster Programme": the cluster takes
    part in the programme (not a new cluster to be designated); "set up by Gwangju Metropolitan
    City and GIST": both established it; "X, the ... maker, which has joined the cluster": a
    member; "The cluster now has 19 members. Among them are A, B and C": members too; "the
    company" after "Gwangju's Cheomdan district" is the company, not the district."""
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT (MSIT) on Tuesday selected the Gwangju Quantum Photonics "
            "Cluster (GQPC) for its Regional Quantum Cluster Programme. The cluster was set up in 2037 by "
            "Gwangju Metropolitan City and the Gwangju Institute of Science and Technology (GIST).\n\n"
            "The other news is Aegiq, the British maker of photonic hardware, which has joined the cluster. "
            "Aegiq will open an office in Gwangju's Cheomdan district, and the company signed a "
            "memorandum of understanding with the city.\n\n"
            "The cluster now has 19 members. Among them are Chonnam National University, LG Innotek and "
            "Hanul Optics.\n\n"
            "Diraq Korea was selected in January for the Quantum Foundry Access Programme.",
        )
    )
    cluster = "gwangju-quantum-photonics-cluster"
    assert {
        ("PARTICIPATES_IN", cluster, "regional-quantum-cluster-programme"),
        ("ESTABLISHES", "gwangju", cluster),
        ("ESTABLISHES", "gwangju-institute-of-science-and-technology", cluster),
        ("MEMBER_OF", "aegiq", cluster),
        ("SIGNED_MOU_WITH", "aegiq", "gwangju"),
        ("MEMBER_OF", "chonnam-national-university", cluster),
        ("MEMBER_OF", "lg-innotek", cluster),
        ("MEMBER_OF", "hanul-optics", cluster),
        ("PARTICIPATES_IN", "diraq-korea", "quantum-foundry-access-programme"),
    } <= found
    assert not {t for t in found if "cheomdan" in (t[1], t[2]) or "designated" in t[2]}


@pytest.mark.parametrize(
    "text",
    [
        "KT was selected as the operator of the network, for which it will be paid.",
        "Samsung picked Naver for its cloud, not the Quantum Growth Programme.",
        "Among them are several start-ups. The alliance has 12 members.",
        "The council met. Among them are KT and Naver.",
    ],
)
def test_selected_and_among_them_need_a_programme_and_a_body(tmp_path: Path, text: str) -> None:
    found = ties(extract(tmp_path, text))
    assert not {t for t in found if t[0] in {"PARTICIPATES_IN", "MEMBER_OF"}}


def test_shareholders_past_an_aside_a_unit_incorporated_and_the_city_that_gives(tmp_path: Path) -> None:
    """ "Its shareholders include A and, since a round last spring, B" after "The company was spun
    out of ...": both invest in it; "has incorporated a Korean subsidiary ... The unit, QuEra
    Korea," is the unit set up; "will provide QuEra Korea with 5.5 billion won" funds it; "the
    city" after the city's government was named is that city, not a district named since."""
    found = ties(
        extract(
            tmp_path,
            "QuEra Computing said that it has incorporated a Korean subsidiary in Cheonan. The unit, QuEra "
            "Korea, has its headquarters in Cheonan. The company was spun out of Harvard University in "
            "2018. Its shareholders include Google and, since a funding round last spring, KB "
            "Investment.\n\n"
            "The Incheon Metropolitan City Government welcomed the news. QuEra will also lease space in "
            "Songdo. The city will provide QuEra Korea with 5.5 billion won.",
        )
    )
    korea = "quera-korea"
    assert {
        ("ESTABLISHES", "quera-computing", korea),
        ("PART_OF", korea, "quera-computing"),
        ("INVESTS_IN", "google", "quera-computing"),
        ("INVESTS_IN", "kb-investment", "quera-computing"),
        ("FUNDS", "incheon", korea),
    } <= found
    assert not {t for t in found if t[1] == "songdo"}


def test_co_investors_joined_a_name_before_an_acronym_and_a_subsidiary_not_planned(tmp_path: Path) -> None:
    """ "invest 27 billion won in Photonic, joining existing investors Microsoft and British
    Columbia Investment Management Corporation (BCI)": the two invested in Photonic too, and the
    acronym names the second alone; "Founded in 2016," is no name; "has no plans to establish a
    Korean subsidiary" sets none up."""
    found = ties(
        extract(
            tmp_path,
            "KT has also agreed to invest 27 billion won ($20 million) in Photonic, joining existing "
            "investors Microsoft and British Columbia Investment Management Corporation (BCI). Photonic "
            "has no plans to establish a Korean subsidiary at this time. Founded in 2016, the company was "
            "spun out of Simon Fraser University (SFU).",
        )
    )
    bci = "british-columbia-investment-management-corporation"
    assert {
        ("INVESTS_IN", "kt", "photonic"),
        ("INVESTS_IN", "microsoft", "photonic"),
        ("INVESTS_IN", bci, "photonic"),
        ("ESTABLISHES", "simon-fraser-university", "photonic"),
    } <= found
    assert not {t for t in found if t[0] == "PART_OF" or t[2] in {"microsoft", bci} or "founded" in t[1:]}


def test_an_affiliate_of_one_and_a_list_past_an_apposition_and_a_special_city(tmp_path: Path) -> None:
    """ "Noeul's investors include Kakao Ventures, the venture capital arm of Kakao, and SBVA":
    both invest, and only Kakao owns Kakao Ventures; "Changwon Special City" is the city; "which
    has had its headquarters in Changwon since 1976" places the institute there."""
    found = ties(
        extract(
            tmp_path,
            "Noeul's investors include Kakao Ventures, the venture capital arm of Kakao, and SBVA. The "
            "Gyeongsangnam-do Provincial Government and Changwon Special City opened the Changwon Quantum "
            "Sensing Cluster. Its first member is the Korea Electrotechnology Research Institute (KERI), "
            "which has had its headquarters in Changwon since 1976.",
        )
    )
    assert {
        ("INVESTS_IN", "kakao-ventures", "noeul"),
        ("INVESTS_IN", "sbva", "noeul"),
        ("PART_OF", "kakao-ventures", "kakao"),
        ("ESTABLISHES", "changwon", "changwon-quantum-sensing-cluster"),
        ("LOCATED_IN", "korea-electrotechnology-research-institute", "changwon"),
    } <= found
    assert {t for t in found if t[0] == "PART_OF"} == {("PART_OF", "kakao-ventures", "kakao")}


def test_a_park_an_aside_of_place_a_city_before_its_region_and_run_day_to_day(tmp_path: Path) -> None:
    """ "The park, in the west of the city, was set up ... by A and B, and is run day to day by C":
    the science park named before; "the Sherbrooke, Quebec-based developer ..., which has set up a
    Korean subsidiary, X," is based in Sherbrooke and sets X up."""
    found = ties(
        extract(
            tmp_path,
            "The city opened the Busan Quantum Science Park (BQSP) on Thursday. The park, in the west of "
            "the city, was set up in 2036 by Pusan National University (PNU) and Samsung Electronics, "
            "and is run day to day by Busan Technopark. The main tenant is Nord Quantique, the "
            "Sherbrooke, Quebec-based developer of bosonic qubits, which has set up a Korean subsidiary, "
            "Nord Quantique Korea.",
        )
    )
    park = "busan-quantum-science-park"
    assert {
        ("ESTABLISHES", "pusan-national-university", park),
        ("ESTABLISHES", "samsung-electronics", park),
        ("LEADS", "busan-technopark", park),
        ("LOCATED_IN", "nord-quantique", "sherbrooke"),
        ("ESTABLISHES", "nord-quantique", "nord-quantique-korea"),
        ("PART_OF", "nord-quantique-korea", "nord-quantique"),
    } <= found


@pytest.mark.parametrize(
    "text",
    [
        "KAIST met Park Ji-hoon on Monday. Park said the park was run by the city.",
        "Samsung, in a statement on Monday, said the deal was run by its lawyers.",
        "Daejeon, Korea-based investors joined. The fund was run by nobody.",
    ],
)
def test_a_park_and_an_aside_need_their_own_words(tmp_path: Path, text: str) -> None:
    """A person called Park is no science park; an aside that is a statement leaves the subject
    where it was; a comma before "Korea-based investors" in a list is no city's region."""
    found = ties(extract(tmp_path, text))
    assert not {t for t in found if t[0] in {"LEADS", "LOCATED_IN"} and "park" in t[1] + t[2]}
    assert not {t for t in found if t[0] == "LOCATED_IN" and t[2] == "daejeon"}


def test_take_part_in_it_the_facility_the_two_sides_here_and_a_new_clause_after_and(tmp_path: Path) -> None:
    """ "The project is led by KRISS. SNU and SAIT take part in it": the project; "will set up a
    Quantum Sensing Testbed ..., and the ministry will give the facility 27 billion won": the
    testbed, and the ministry is no second target of the first clause's investment; "KISTI has
    worked with IonQ ..., and the two sides will sign": the two this sentence names, not the
    pair the one before tied."""
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT (MSIT) presented its budget. The largest item is the Quantum "
            "Computing Flagship Project. The project is led by KRISS. Seoul National University (SNU) and "
            "the Samsung Advanced Institute of Technology (SAIT) take part in it.\n\n"
            "KRISS and the Korea Astronomy and Space Science Institute (KASI) will jointly set up a Quantum "
            "Sensing Testbed in Daejeon, and the ministry will give the facility 27 billion won over three "
            "years. KISTI has worked with IonQ since 2036, and the two sides will sign a new partnership "
            "agreement in April. The Korea Development Bank (KDB) will invest 50 billion won in a new "
            "Quantum Growth Fund, and the ministry will invest a further 20 billion won.",
        )
    )
    project, testbed, kasi = (
        "quantum-computing-flagship-project",
        "quantum-sensing-testbed",
        "korea-astronomy-and-space-science-institute",
    )
    assert {
        ("PARTICIPATES_IN", "seoul-national-university", project),
        ("PARTICIPATES_IN", "samsung-advanced-institute-of-technology", project),
        ("ESTABLISHES", kasi, testbed),
        ("LOCATED_IN", testbed, "daejeon"),
        ("FUNDS", "ministry-of-science-and-ict", testbed),
        ("PARTNERS_WITH", "ionq", "kisti"),
        ("INVESTS_IN", "korea-development-bank", "quantum-growth-fund"),
    } <= found
    assert not {t for t in found if t[0] == "PARTNERS_WITH" and kasi in t}
    assert not {t for t in found if t[1] == "korea-development-bank" and t[2] != "quantum-growth-fund"}


def test_take_part_in_it_with_nothing_named_before_takes_part_in_nothing(tmp_path: Path) -> None:
    """ "The scheme is to be run by KITECH, and Bluefors has agreed to take part in it": the scheme
    has no name, so the alliance named earlier is not what Bluefors takes part in."""
    found = ties(
        extract(
            tmp_path,
            "Bluefors joined the Korea Quantum Alliance last year. A 3 billion won scheme will be funded "
            "by the ministry. The scheme is to be run by the Korea Institute of Industrial Technology "
            "(KITECH), and Bluefors has agreed to take part in it.",
        )
    )
    assert not {t for t in found if t[0] == "PARTICIPATES_IN"}


def test_a_consortium_which_two_founded_with_others_has_them_all_as_members(tmp_path: Path) -> None:
    found = ties(
        extract(
            tmp_path,
            "SK Telecom and Deutsche Telekom have completed a trial, the two operators said. They will "
            "invite other members of the Global Telco AI Alliance, which both operators founded with "
            "Singtel, to join the trials.",
        )
    )
    alliance = "global-telco-ai-alliance"
    assert {("MEMBER_OF", "sk-telecom", alliance), ("MEMBER_OF", "deutsche-telekom", alliance)} <= found
    assert not {t for t in found if t[0] == "ESTABLISHES" and t[2] == alliance}


def test_a_korean_subsidiary_is_in_korea_and_so_is_korea_s_largest_operator(tmp_path: Path) -> None:
    """ "has set up a Korean subsidiary, X, headquartered in Busan": X is in Busan and in South
    Korea; "SK Telecom is Korea's largest mobile operator", "KT is one of Korea's three
    operators", "KAIST is a university in Daejeon": where each is."""
    found = ties(
        extract(
            tmp_path,
            "Nord Quantique has set up a Korean subsidiary, Nord Quantique Korea, headquartered in Busan. "
            "SK Telecom is Korea's largest mobile operator. KT Corporation is one of Korea's three mobile "
            "network operators. KAIST is a university in Daejeon.",
        )
    )
    assert {
        ("LOCATED_IN", "nord-quantique-korea", "busan"),
        ("LOCATED_IN", "nord-quantique-korea", "south-korea"),
        ("LOCATED_IN", "sk-telecom", "south-korea"),
        ("LOCATED_IN", "kt-corporation", "south-korea"),
        ("LOCATED_IN", "kaist", "daejeon"),
    } <= found


@pytest.mark.parametrize(
    "text",
    [
        "Samsung is the largest investor in Seoul's quantum fund.",
        "Samsung, the largest investor in Seoul's quantum fund, said it would invest more.",
        "SK Telecom is in talks with Korea's largest bank.",
        "Yesterday IonQ said it is a partner of Korea's biggest carrier.",
    ],
)
def test_a_place_of_another_noun_phrase_does_not_place_the_subject(tmp_path: Path, text: str) -> None:
    found = ties(extract(tmp_path, text))
    assert not {t for t in found if t[0] == "LOCATED_IN"}


def test_taking_over_as_chair_it_directed_by_and_a_subject_past_with_and(tmp_path: Path) -> None:
    """ "takes over as chair of X", "becomes chief executive of X": leads it; "UNIST opened the
    Ulsan Quantum Materials Center. It is directed by X": the centre; "Exail signed an MOU with
    KAIST and will open a joint laboratory with KERI": Exail and KERI set it up; "the alliance"
    is the one whose name says alliance, not an association named since."""
    found = ties(
        extract(
            tmp_path,
            "Lee Ga-eun takes over as chair of the Korea Quantum Industry Association (KQIA) from "
            "January. Kim Do-hyun became chief executive of Samsung SDS in 2030.\n\n"
            "UNIST opened the Ulsan Quantum Materials Center (UQMC) on Monday. It is directed by UNIST "
            "professor Hwang Min-jae.\n\n"
            "Exail signed a memorandum of understanding with KAIST on Wednesday and will open a joint "
            "laboratory with KERI in Changwon.\n\n"
            "The Korea Cryogenic Semiconductor Alliance (KCSA) was launched with the backing of the Korea "
            "Semiconductor Industry Association (KSIA). The alliance will be chaired by Hanyang University "
            "professor Seol Min-jun.",
        )
    )
    lab = "exail-and-keri-joint-laboratory-in-changwon"
    assert {
        ("LEADS", "lee-ga-eun", "korea-quantum-industry-association"),
        ("LEADS", "kim-do-hyun", "samsung-sds"),
        ("LEADS", "hwang-min-jae", "ulsan-quantum-materials-center"),
        ("SIGNED_MOU_WITH", "exail", "kaist"),
        ("ESTABLISHES", "exail", lab),
        ("ESTABLISHES", "keri", lab),
        ("LEADS", "seol-min-jun", "korea-cryogenic-semiconductor-alliance"),
    } <= found
    assert not {
        t for t in found if t[1] == "seol-min-jun" and t[2] != "korea-cryogenic-semiconductor-alliance"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Lee Ga-eun became a shareholder of Samsung SDS.",
        "Lee Ga-eun takes over as deputy chair of Samsung SDS.",
        "UNIST signed an agreement with KAIST on Monday. It is directed by UNIST professor Hwang Min-jae.",
        "Exail will open a laboratory next to KERI in Changwon.",
    ],
)
def test_becoming_a_shareholder_a_deputy_and_it_after_no_setting_up_lead_nothing(
    tmp_path: Path, text: str
) -> None:
    found = ties(extract(tmp_path, text))
    assert not {t for t in found if t[0] == "LEADS" or (t[0] == "ESTABLISHES" and t[1] == "keri")}


def test_a_count_of_organisations_listed_after_a_colon_and_a_council_which_several_launched(
    tmp_path: Path,
) -> None:
    """ "Five organisations launched the forum ...: A, B, C, D and E": the five are its members,
    and "the forum" refers back to it; "the council, which A, B, C and D launched": all four."""
    found = ties(
        extract(
            tmp_path,
            "Five organisations on Thursday launched the Korea Post-Quantum Cryptography Forum (KPQF) to "
            "agree test procedures: KT, Samsung SDS, Naver Cloud, the Korea Internet & Security Agency "
            "(KISA) and Seoul National University (SNU). The forum will be chaired by Samsung SDS.\n\n"
            "QuEra Korea will also join the Chungnam Quantum Industry Council, which Hoseo University, "
            "Soonchunhyang University, KAIST and the Chungnam Technopark launched in 2039.",
        )
    )
    forum, council = "korea-post-quantum-cryptography-forum", "chungnam-quantum-industry-council"
    members = [
        "kt",
        "samsung-sds",
        "naver-cloud",
        "korea-internet-security-agency",
        "seoul-national-university",
    ]
    founders = ["hoseo-university", "soonchunhyang-university", "kaist", "chungnam-technopark"]
    assert {("MEMBER_OF", m, forum) for m in members} <= found
    assert ("LEADS", "samsung-sds", forum) in found
    assert {("MEMBER_OF", f, council) for f in [*founders, "quera-korea"]} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Four organisations on Thursday launched the Quantum Safety Forum: KT, Samsung SDS, Naver Cloud "
        "and KISA, which chairs it, and Seoul National University.",
        "Five organisations on Thursday launched the Quantum Safety Forum: KT and Naver.",
    ],
)
def test_a_count_that_does_not_match_the_list_stands_for_nothing(tmp_path: Path, text: str) -> None:
    found = ties(extract(tmp_path, text))
    assert not {t for t in found if t[0] == "MEMBER_OF" and t[1] in {"samsung-sds", "naver"}}


def test_money_spent_on_added_of_its_own_and_committed_to_a_bodys_part(tmp_path: Path) -> None:
    """ "will spend 30 billion won on the cluster", "is adding 25 billion won of its own" (to what
    the article is about), "has committed 6 billion won to the cluster's first phase": each funds
    the cluster; money spent on roads funds no one."""
    found = ties(
        extract(
            tmp_path,
            "The Ministry of Science and ICT (MSIT) launched the Changwon Quantum Sensing Cluster on "
            "Monday. South Gyeongsang Province will spend 30 billion won on the cluster over five years. "
            "Changwon Special City is adding 12 billion won ($8.2 million) of its own. The ministry has "
            "committed 6 billion won (about $4.4 million) to the cluster's first phase. Busan will spend "
            "2 billion won on roads.",
        )
    )
    cluster = "changwon-quantum-sensing-cluster"
    assert {
        ("FUNDS", "south-gyeongsang-province", cluster),
        ("FUNDS", "changwon", cluster),
        ("FUNDS", "ministry-of-science-and-ict", cluster),
    } <= found
    assert not {t for t in found if t[1] == "busan"}


def test_a_rounds_leader_that_put_in_and_backers_that_took_part_as_did_another(tmp_path: Path) -> None:
    """ "The round was led by X, which put in 15 billion won. A and B also took part, as did C":
    all four invest in the company that raised the round (the sentence names no round)."""
    found = ties(
        extract(
            tmp_path,
            "Hanbit Quantum has raised 42 billion won ($29 million) in a Series B round, the company said "
            "Wednesday.\n\n"
            "The round was led by Stonebridge Ventures, which put in 15 billion won. The Industrial Bank "
            "of Korea (IBK) and LG Technology Ventures also took part, as did Quantonation, a Paris-based "
            "fund.\n\n"
            "KAIST held a workshop on Friday. Samsung and Naver also took part.",
        )
    )
    backers = ["stonebridge-ventures", "industrial-bank-of-korea", "lg-technology-ventures", "quantonation"]
    assert {("INVESTS_IN", b, "hanbit-quantum") for b in backers} <= found
    assert not {t for t in found if t[1] in {"samsung", "naver"}}
