"""Places the extractor knows without a store: countries (with the adjectives news uses for them,
"French", "South Korean") and the cities and provinces quantum news tends to name.

A store's own entities take precedence: a place already in the store is matched as the store's
entity, so these only fill in what the store lacks. Ids are slugs of the English name, the ids
the seed data uses (``south-korea``, ``united-states``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-2; None for a continent
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()  # adjectives: "a French firm" is a firm located in France
    is_country: bool = False


def _country(name: str, code: str, aliases: str = "", demonyms: str = "") -> Place:
    return Place(name, code, _split(aliases), _split(demonyms), is_country=True)


def _city(name: str, code: str, aliases: str = "") -> Place:
    return Place(name, code, _split(aliases))


def _split(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(";") if item.strip())


COUNTRIES: tuple[Place, ...] = (
    _country("South Korea", "KR", "Korea;Republic of Korea;ROK;대한민국;한국", "South Korean;Korean"),
    _country("North Korea", "KP", "DPRK", "North Korean"),
    _country(
        "United States",
        "US",
        "US;U.S.;USA;U.S.A.;America;United States of America;미국",
        "American;US;U.S.",
    ),
    _country("Canada", "CA", "캐나다", "Canadian"),
    _country("Mexico", "MX", "", "Mexican"),
    _country("Brazil", "BR", "", "Brazilian"),
    _country(
        "United Kingdom",
        "GB",
        "UK;U.K.;Britain;Great Britain;England;Scotland;Wales;영국",
        "British;UK;English",
    ),
    _country("Ireland", "IE", "", "Irish"),
    _country("France", "FR", "프랑스", "French"),
    _country("Germany", "DE", "독일", "German"),
    _country("Netherlands", "NL", "the Netherlands;Holland;네덜란드", "Dutch"),
    _country("Belgium", "BE", "", "Belgian"),
    _country("Switzerland", "CH", "스위스", "Swiss"),
    _country("Austria", "AT", "", "Austrian"),
    _country("Italy", "IT", "", "Italian"),
    _country("Spain", "ES", "", "Spanish"),
    _country("Portugal", "PT", "", "Portuguese"),
    _country("Denmark", "DK", "덴마크", "Danish"),
    _country("Sweden", "SE", "", "Swedish"),
    _country("Norway", "NO", "", "Norwegian"),
    _country("Finland", "FI", "핀란드", "Finnish"),
    _country("Poland", "PL", "", "Polish"),
    _country("Czech Republic", "CZ", "Czechia", "Czech"),
    _country("Hungary", "HU", "", "Hungarian"),
    _country("Greece", "GR", "", "Greek"),
    _country("Turkey", "TR", "Türkiye", "Turkish"),
    _country("Israel", "IL", "이스라엘", "Israeli"),
    _country("United Arab Emirates", "AE", "UAE;U.A.E.", "Emirati"),
    _country("Saudi Arabia", "SA", "", "Saudi"),
    _country("Qatar", "QA", "", "Qatari"),
    _country("India", "IN", "인도", "Indian"),
    _country("China", "CN", "PRC;중국", "Chinese"),
    _country("Taiwan", "TW", "대만", "Taiwanese"),
    _country("Hong Kong", "HK", "", ""),
    _country("Japan", "JP", "일본", "Japanese"),
    _country("Singapore", "SG", "싱가포르", "Singaporean"),
    _country("Vietnam", "VN", "Viet Nam", "Vietnamese"),
    _country("Thailand", "TH", "", "Thai"),
    _country("Malaysia", "MY", "", "Malaysian"),
    _country("Indonesia", "ID", "", "Indonesian"),
    _country("Philippines", "PH", "the Philippines", "Filipino;Philippine"),
    _country("Australia", "AU", "호주", "Australian"),
    _country("New Zealand", "NZ", "", "New Zealand"),
    _country("South Africa", "ZA", "", "South African"),
    _country("Egypt", "EG", "", "Egyptian"),
    _country("Russia", "RU", "Russian Federation", "Russian"),
    _country("Ukraine", "UA", "", "Ukrainian"),
    _country("Estonia", "EE", "", "Estonian"),
    _country("Luxembourg", "LU", "", ""),
    _country("Chile", "CL", "", "Chilean"),
    _country("Argentina", "AR", "", "Argentine;Argentinian"),
)

CITIES: tuple[Place, ...] = (
    # South Korea: cities, and provinces (whose governments sign agreements in their own name)
    _city("Seoul", "KR", "서울"),
    _city("Busan", "KR", "부산"),
    _city("Incheon", "KR", "인천"),
    _city("Daegu", "KR", "대구"),
    _city("Daejeon", "KR", "대전"),
    _city("Gwangju", "KR", "광주"),
    _city("Ulsan", "KR", "울산"),
    _city("Sejong", "KR", "세종;Sejong City"),
    _city("Suwon", "KR", "수원"),
    _city("Seongnam", "KR", "성남"),
    _city("Pangyo", "KR", "판교"),
    _city("Songdo", "KR", "송도"),
    _city("Pohang", "KR", "포항"),
    _city("Changwon", "KR", "창원"),
    _city("Cheongju", "KR", "청주"),
    _city("Ochang", "KR", "오창"),
    _city("Jeonju", "KR", "전주"),
    _city("Gyeonggi Province", "KR", "Gyeonggi;Gyeonggi-do;경기도"),
    _city("Gangwon Province", "KR", "Gangwon;Gangwon-do;강원도"),
    _city("North Chungcheong Province", "KR", "North Chungcheong;Chungcheongbuk-do;Chungbuk;충청북도"),
    _city("South Chungcheong Province", "KR", "South Chungcheong;Chungcheongnam-do;Chungnam;충청남도"),
    _city("North Gyeongsang Province", "KR", "North Gyeongsang;Gyeongsangbuk-do;Gyeongbuk;경상북도"),
    _city("South Gyeongsang Province", "KR", "South Gyeongsang;Gyeongsangnam-do;Gyeongnam;경상남도"),
    _city("North Jeolla Province", "KR", "North Jeolla;Jeollabuk-do;Jeonbuk;전라북도"),
    _city("South Jeolla Province", "KR", "South Jeolla;Jeollanam-do;Jeonnam;전라남도"),
    _city("Jeju", "KR", "Jeju Island;Jeju Province;제주"),
    # elsewhere: where quantum firms, labs and their investors sit
    _city("Tokyo", "JP"),
    _city("Osaka", "JP"),
    _city("Tsukuba", "JP"),
    _city("Beijing", "CN"),
    _city("Shanghai", "CN"),
    _city("Hefei", "CN"),
    _city("Shenzhen", "CN"),
    _city("Taipei", "TW"),
    _city("Bangalore", "IN", "Bengaluru"),
    _city("Sydney", "AU"),
    _city("Melbourne", "AU"),
    _city("Brisbane", "AU"),
    _city("London", "GB"),
    _city("Oxford", "GB"),
    _city("Cambridge", "GB"),
    _city("Paris", "FR"),
    _city("Palaiseau", "FR"),
    _city("Grenoble", "FR"),
    _city("Berlin", "DE"),
    _city("Munich", "DE"),
    _city("Jülich", "DE", "Julich"),
    _city("Delft", "NL"),
    _city("Amsterdam", "NL"),
    _city("Eindhoven", "NL"),
    _city("Copenhagen", "DK"),
    _city("Stockholm", "SE"),
    _city("Gothenburg", "SE"),
    _city("Helsinki", "FI"),
    _city("Espoo", "FI"),
    _city("Zurich", "CH", "Zürich"),
    _city("Geneva", "CH"),
    _city("Innsbruck", "AT"),
    _city("Vienna", "AT"),
    _city("Madrid", "ES"),
    _city("Barcelona", "ES"),
    _city("Milan", "IT"),
    _city("Dublin", "IE"),
    _city("Tel Aviv", "IL"),
    _city("Jerusalem", "IL"),
    _city("Dubai", "AE"),
    _city("Abu Dhabi", "AE"),
    _city("Toronto", "CA"),
    _city("Waterloo", "CA"),
    _city("Vancouver", "CA"),
    _city("Montreal", "CA", "Montréal"),
    _city("Sherbrooke", "CA"),
    _city("Boston", "US"),
    _city("Los Angeles", "US", "LA"),
    _city("Broomfield", "US", "Broomfield, Colorado"),
    _city("Santa Barbara", "US"),
    _city("Princeton", "US"),
    _city("Toulouse", "FR"),
    _city("Singapore City", "SG"),
    _city("Hsinchu", "TW"),
    _city("Kyoto", "JP"),
    _city("New York", "US", "New York City;NYC"),
    _city("Chicago", "US"),
    _city("Berkeley", "US"),
    _city("Palo Alto", "US"),
    _city("San Francisco", "US"),
    _city("San Jose", "US"),
    _city("Silicon Valley", "US"),
    _city("Seattle", "US"),
    _city("Boulder", "US"),
    _city("Denver", "US"),
    _city("Austin", "US"),
    _city("College Park", "US", "College Park, Maryland"),
    _city("Washington", "US", "Washington, D.C.;Washington D.C."),
    _city("Maryland", "US"),
    _city("California", "US"),
    _city("Colorado", "US"),
    _city("Massachusetts", "US"),
    _city("Illinois", "US"),
    _city("Texas", "US"),
    _city("New Mexico", "US"),
    _city("Tennessee", "US"),
)

REGIONS: tuple[Place, ...] = (
    Place("Asia", None, ("Asia-Pacific", "APAC"), ("Asian",)),
    Place("Europe", None, ("EU", "European Union"), ("European",)),
    Place("North America", None, (), ("North American",)),
    Place("Middle East", None, (), ("Middle Eastern",)),
    Place("Africa", None, (), ("African",)),
    Place("Latin America", None, (), ("Latin American",)),
)

PLACES: tuple[Place, ...] = COUNTRIES + CITIES + REGIONS
