"""The actor base: dated offices, composition, context, users' files (real data, no mocks)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dragoman.actors import ActorBase, import_actors, parse_day, resolve_actor
from dragoman.errors import ConfigError
from dragoman.text import name_key, name_words

SEED_PEOPLE = (
    "lavrentiev",
    "assad",
    "pedersen",
    "louay_ali",
    "hajri",
    "ayman_mohammed",
    "mekdad",
    "wang_yi",
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> ActorBase:
    """The built-in base with an empty user folder."""
    return ActorBase.load(tmp_path_factory.mktemp("no-user-actors"))


def codes(
    base: ActorBase, text: str, when: str | None = None, context: str | None = None
) -> tuple[str | None, str | None]:
    actor = base.resolve(text, when, context)
    assert actor is not None, text
    return actor.country, actor.sector


def test_actorbase_name_key_folds_case_accents_possessives() -> None:
    assert name_key("the Kremlin's") == "kremlin"
    assert name_key("U.S.") == "us"
    assert name_key("Recep Tayyip Erdoğan") == name_key("recep tayyip erdogan")
    assert name_key("Mohammed bin Salman") == name_key("Muhammad bin Salman")
    assert [t.possessive for t in name_words("Russia's envoy")] == [True, False]


def test_actorbase_partial_dates_cover_their_period() -> None:
    assert parse_day("2025") == date(2025, 1, 1)
    assert parse_day("2025", end=True) == date(2025, 12, 31)
    assert parse_day("2024-02", end=True) == date(2024, 2, 29)
    with pytest.raises(ValueError, match="not a date"):
        parse_day("Feb 2024")


def test_actorbase_office_holder_depends_on_the_date(base: ActorBase) -> None:
    early = base.resolve("Syrian foreign minister", "2018-06-01")
    later = base.resolve("Syrian foreign minister", "2021-02-01")
    assert early is not None and later is not None
    assert (early.name, later.name) == ("Walid al-Moallem", "Faisal al-Mekdad")
    assert (early.country, early.sector) == ("SYR", "GOV")
    assert base.lookup("foreign minister of Syria", "2018-06-01")[0].name == "Walid al-Moallem"


def test_actorbase_a_bare_title_is_an_office_of_the_home_country(base: ActorBase) -> None:
    context = "Syria's regime bombed Idlib. Syria denies it. The Foreign Secretary condemned it."
    abroad = base.resolve("the Foreign Secretary", "2019-05-01", context)
    assert abroad is not None and abroad.country == "SYR"  # the context's country
    home = base.resolve("the Foreign Secretary", "2019-05-01", context, home="GBR")
    assert home is not None and (home.name, home.country) == ("Jeremy Hunt", "GBR")
    # a title with its country's name is that country's, whoever publishes
    named = base.resolve("the Syrian foreign minister", "2019-05-01", context, home="GBR")
    assert named is not None and named.country == "SYR"


def test_actorbase_a_group_description_is_the_group_of_a_country_the_article_names(
    base: ActorBase,
) -> None:
    context = (
        "Turkey launched a campaign in Afrin. Turkey says the YPG is a terrorist group. "
        "Turkey's army advanced. Kurdish militias in Syria fought back."
    )
    militias = base.resolve("Kurdish militias", "2018-02-19", context)
    assert militias is not None and (militias.name, militias.country) == (
        "Syrian Democratic Forces",
        "SYR",
    )
    # with no country of the group named, no guess
    alone = base.resolve("Kurdish militias", "2018-02-19", "Kurdish militias fought back.")
    assert alone is not None and alone.actor_id is None


def test_actorbase_a_shadow_minister_is_the_opposition(base: ActorBase) -> None:
    context = "Britain's government defended the decision. Britain's opposition did not."
    shadow = base.resolve("the shadow home secretary", "2019-03-08", context)
    assert shadow is not None and (shadow.person, shadow.country, shadow.sector) == (
        False,
        "GBR",
        "OPP",
    )
    minister = base.resolve("the home secretary", "2019-03-08", context)
    assert minister is not None and minister.sector == "GOV"


def test_actorbase_a_plural_office_is_no_one_holder(base: ActorBase) -> None:
    several = base.resolve("Syrian foreign ministers", "2019-01-01")
    assert several is not None and not several.person
    assert (several.country, several.sector) == ("SYR", "GOV")


def test_actorbase_a_country_bound_department_is_that_countrys(base: ActorBase) -> None:
    context = "Syria and Iraq. Syria and Iraq again."
    for name, country in (("the Justice Department", "USA"), ("the Home Office", "GBR")):
        found = base.resolve(name, "2019-01-01", context)
        assert found is not None and (found.country, found.sector) == (country, "GOV"), name
    chile = base.resolve("Chile's Defense Department", "2019-01-01", context)
    assert chile is not None and chile.country == "CHL"


def test_actorbase_a_de_facto_state_is_pre(base: ActorBase) -> None:
    abkhazia = base.resolve("Abkhazia", "2022-06-01")
    assert abkhazia is not None and (abkhazia.country, abkhazia.sector) == ("GEO", "PRE")
    breakaway = base.resolve("the breakaway state", "2022-06-01")
    assert breakaway is not None and breakaway.sector == "PRE"
    georgia = base.resolve("Georgia", "2022-06-01")
    assert georgia is not None and georgia.sector != "PRE"


def test_actorbase_a_place_ending_a_persons_name_is_no_country(base: ActorBase) -> None:
    context = "Colombia's senate met. Senator Feliciano Valencia spoke in Bogota."
    senator = base.resolve("Sen. Feliciano Valencia", "2022-06-01", context)
    assert senator is not None and senator.country != "ESP"  # not from Valencia
    police = base.resolve("Valencia police", "2022-06-01")
    assert police is not None and police.country == "ESP"
    region = base.resolve("Greater Manchester", "2022-06-01")
    assert region is not None and region.country == "GBR"


def test_actorbase_generic_aid_groups_take_no_country_from_the_context(base: ActorBase) -> None:
    context = "Syria's army shelled Ghouta. Syria denies it. Damascus says so."
    groups = base.resolve("aid groups", "2018-02-19", context)
    assert groups is not None and (groups.country, groups.sector) == (None, "NGO")
    syrian = base.resolve("Syrian aid groups", "2018-02-19", context)
    assert syrian is not None and syrian.country == "SYR"
    government = base.resolve("the government", "2018-02-19", context)
    assert government is not None and government.country == "SYR"


def test_actorbase_undated_office_names_only_a_holder_the_text_names(base: ActorBase) -> None:
    alone = base.resolve("Syrian foreign minister", None, "The Syrian foreign minister spoke.")
    assert alone is not None and not alone.person
    assert (alone.country, alone.sector) == ("SYR", "GOV")
    context = "Walid al-Moallem arrived. The Syrian foreign minister spoke."
    named = base.resolve("Syrian foreign minister", None, context)
    assert named is not None and named.name == "Walid al-Moallem"


def test_actorbase_resolve_actor_is_the_api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAGOMAN_HOME", str(tmp_path))
    first = resolve_actor("Syrian foreign minister", date="2018-06-01")
    second = resolve_actor("Syrian foreign minister", date=date(2021, 2, 1))
    assert first is not None and second is not None
    assert first.actor_id != second.actor_id
    with pytest.raises(ConfigError, match="bad date"):
        resolve_actor("Assad", date="1 June")


@pytest.mark.parametrize("person", SEED_PEOPLE)
def test_actorbase_resolves_every_seed_person(shared: Path, base: ActorBase, person: str) -> None:
    gold = json.loads((shared / "gold" / "dev" / "seed-astana.json").read_text(encoding="utf-8"))
    article = (shared / "gold" / "dev" / gold["text_file"]).read_text(encoding="utf-8")
    entity = gold["actors"][person]
    actor = base.resolve(entity["names"][0], gold["metadata"]["published"], article)
    assert actor is not None and actor.person
    got = f"{actor.country}{actor.sector}"
    assert got in entity["codes"] or actor.country in entity["codes"], (person, got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenian Prime Minister", ("ARM", "GOV")),
        ("Pakistani Army", ("PAK", "MIL")),
        ("Mexican authorities", ("MEX", "GOV")),
        ("Russia's ambassador to Poland", ("RUS", "GOV")),
        ("two Chinese warplanes", ("CHN", "MIL")),
        ("Kyiv police", ("UKR", "COP")),
        ("the Kremlin", ("RUS", "GOV")),
        ("Boko Haram gunmen", ("NGA", "REB")),
        ("a former CIA official", ("USA", "ELI")),
    ],
)
def test_actorbase_composes_country_and_sector(
    base: ActorBase, text: str, expected: tuple[str, str]
) -> None:
    assert codes(base, text) == expected


def test_actorbase_title_and_known_name(base: ActorBase) -> None:
    actor = base.resolve("Armenian Prime Minister Nikol Pashinyan", "2022-01-01")
    assert actor is not None and actor.name == "Nikol Pashinyan" and actor.person
    assert (actor.country, actor.sector) == ("ARM", "GOV")


def test_actorbase_people_out_of_office_are_elites(base: ActorBase) -> None:
    assert codes(base, "Angela Merkel", "2017-04-01") == ("DEU", "GOV")
    assert codes(base, "Angela Merkel", "2022-01-10") == ("DEU", "ELI")


def test_actorbase_group_sector_changes_with_the_date(base: ActorBase) -> None:
    assert codes(base, "Taliban", "2019-01-01") == ("AFG", "REB")
    assert codes(base, "Taliban", "2023-01-01") == ("AFG", "GOV")


def test_actorbase_context_gives_the_country_of_descriptions(base: ActorBase) -> None:
    syria = "Talks in Geneva between Damascus and the opposition stalled. Syria's delegation left."
    assert codes(base, "the government delegation", context=syria) == ("SYR", "GOV")
    assert codes(base, "the government delegation") == (None, "GOV")
    sdf = base.resolve("Kurdish forces", "2021-02-01", syria)
    assert sdf is not None and sdf.actor_id == "grp:sdf"


def test_actorbase_unknown_people_need_context(base: ActorBase) -> None:
    assert base.resolve("Marcus Beam") is None
    assert base.resolve("a cat named Frank") is None
    text = "In Suweida, Syria, Druze spiritual leader Bahjat al-Hajri demanded an apology."
    assert codes(base, "Druze spiritual leader Bahjat al-Hajri", context=text) == ("SYR", "REL")


def test_actorbase_envoys_by_body_and_target(base: ActorBase) -> None:
    un = base.resolve("the UN envoy for Syria", "2017-05-01")
    russia = base.resolve("Russia's special envoy for Syria", "2021-02-01")
    assert un is not None and un.name == "Staffan de Mistura" and un.country == "IGO"
    assert russia is not None and russia.name == "Alexander Lavrentiev"


def test_actorbase_search_finds_aliases(base: ActorBase) -> None:
    found = base.search("Jolani")
    assert found and found[0].name == "Ahmed al-Sharaa"


def test_actorbase_import_overrides_the_builtin_base(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    source = tmp_path / "mine.yaml"
    source.write_text(
        "actors:\n"
        "  - name: Zara Quillfeather\n"
        "    aliases: [Quillfeather]\n"
        "    country: SYR\n"
        "    roles:\n"
        "      - {office: governor of suweida, sector: GOV, start: 2020-03, end: 2022}\n"
        "offices:\n"
        "  SYR:\n"
        "    foreign minister:\n"
        "      - Zara Quillfeather | 2018-05-01 | 2018-07-01\n",
        encoding="utf-8",
    )
    assert import_actors(source, folder) == 1
    assert (folder / "mine.yaml").is_file()
    mine = ActorBase.load(folder)
    assert codes(mine, "Quillfeather", "2021-01-01") == ("SYR", "GOV")
    assert mine.resolve("Syrian foreign minister", "2018-06-01").name == "Zara Quillfeather"
    assert codes(mine, "Quillfeather", "2024-01-01") == ("SYR", "ELI")


def test_actorbase_import_reads_csv(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        "name,aliases,country,sector,office,start,end\n"
        "Ilsa Vantongeren,Vantongeren|I. Vantongeren,NLD,,mayor of utrecht,2019,\n",
        encoding="utf-8",
    )
    assert import_actors(source, tmp_path / "actors") == 1
    mine = ActorBase.load(tmp_path / "actors")
    assert codes(mine, "I. Vantongeren", "2020-01-01") == ("NLD", "GOV")


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("actors:\n  - name: A Person\n    country: XYZ\n", 2, "unknown country code 'XYZ'"),
        ("actors:\n  - name: B\n    sector: GOVT\n", 2, "unknown sector 'GOVT'"),
        ("offices:\n  SYR:\n    president:\n      - C D | 2020-13-01 |\n", 4, "not a date"),
        ("offices:\n  SYR:\n    president:\n      - E F | 2021 | 2020\n", 4, "ends"),
        ("actors:\n  - name: G\n    colour: blue\n", 3, "unknown actor field 'colour'"),
        ("actors: [\n", 2, "not valid YAML"),
    ],
)
def test_actorbase_import_refuses_a_malformed_file(
    tmp_path: Path, content: str, line: int, reason: str
) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(content, encoding="utf-8")
    folder = tmp_path / "actors"
    with pytest.raises(ConfigError, match=f"bad.yaml:{line}: .*{reason}"):
        import_actors(source, folder)
    assert not folder.exists() or not any(folder.iterdir())


def test_actorbase_import_refuses_other_formats(tmp_path: Path) -> None:
    source = tmp_path / "actors.txt"
    source.write_text("Assad\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.yaml, \.yml or \.csv"):
        import_actors(source, tmp_path / "actors")


def test_actorbase_security_services_are_intelligence(base: ActorBase) -> None:
    for phrase in ("the security services", "British intelligence agencies"):
        actor = base.resolve(phrase)
        assert actor is not None and actor.sector == "SPY", phrase


def test_actorbase_kin_and_locals_are_civilians(base: ActorBase) -> None:
    for phrase in ("two brothers", "locals", "the children", "his sons", "survivors", "elders"):
        actor = base.resolve(phrase)
        assert actor is not None and actor.sector == "CVL", phrase


def test_actorbase_people_nouns_carry_their_sector(base: ActorBase) -> None:
    expected = {"striking miners": "LAB", "the hackers": "CRM", "border guards": "COP"}
    for phrase, sector in expected.items():
        actor = base.resolve(phrase)
        assert actor is not None and actor.sector == sector, phrase
