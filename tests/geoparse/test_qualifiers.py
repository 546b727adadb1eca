"""Places as an analyst reads them: a qualifier or an anchor beside a name
decides among its namesakes, a plural area word makes a list of areas, and
Russian spellings and Russia's border villages are found. Sentences are
written for these tests; the villages are real and have many namesakes."""

from foglift.geoparse.anchors import Anchor, bearing_of, fits, plural_areas
from foglift.geoparse.names import russian_spellings
from foglift.geoparse.resolve import find_matches
from foglift.geoparse.theatre import Span, resolve_spans


def _spans(text: str, *names: str) -> list[Span]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append(Span(start, start + len(name), name))
        at = start + len(name)
    return out


def _where(text: str, *names: str) -> list[tuple[str, str | None, str]]:
    """(name, oblast, precision) each name resolves to."""
    from foglift.geoparse.records import admin_names

    out = []
    for r in resolve_spans(text, _spans(text, *names)):
        assert r.best is not None, r.span.name
        place = r.best.match.place
        out.append((place.name, admin_names(place)[0], place.precision))
    return out


def test_a_region_after_a_list_qualifies_every_name_of_it() -> None:
    text = "The ministry said its troops took Zoriane and Vesele in the DNR."
    where = _where(text, "Zoriane", "Vesele", "DNR")
    assert [w[1] for w in where[:2]] == ["Donetsk", "Donetsk"]
    text = "Минобороны сообщило о взятии Зоряного и Веселого в ДНР."
    where = _where(text, "Зоряного", "Веселого", "ДНР")
    assert [w[1] for w in where[:2]] == ["Donetsk", "Donetsk"]


def test_a_region_with_a_compass_word_or_a_regional_name_qualifies() -> None:
    text = "Fighting continued near Oleksandrivka in southern Kharkiv Oblast."
    assert _where(text, "Oleksandrivka", "Kharkiv Oblast")[0][1] == "Kharkiv"
    text = "Бої тривають біля Іллінки на Донеччині."
    assert _where(text, "Іллінки", "Донеччині")[0][1] == "Donetsk"
    text = "Бої тривають біля Олександрівки на Харківщині."
    assert _where(text, "Олександрівки", "Харківщині")[0][1] == "Kharkiv"
    # without the qualifier the largest namesake is elsewhere
    alone = _where("Бої тривають біля Олександрівки.", "Олександрівки")
    assert alone[0][1] != "Kharkiv"


def test_an_old_alternate_name_does_not_beat_the_live_name() -> None:
    # Олександрівка is a former name of part of Donetsk, Новоалександровка of
    # Melitopol; dozens of villages bear them today
    alone = _where("Бої тривають біля Олександрівки.", "Олександрівки")
    assert alone[0][0] != "Donetsk"
    alone = _where("Бои идут у Новоалександровки.", "Новоалександровки")
    assert alone[0][0] != "Melitopol"


def test_a_plural_area_word_makes_each_name_of_the_list_an_area() -> None:
    text = "Drones were downed over the Bryansk and Rostov oblasts overnight."
    where = _where(text, "Bryansk", "Rostov")
    assert [w[2] for w in where] == ["region", "region"]
    text = "ПВО сбила беспилотники над Брянской и Ростовской областями."
    where = _where(text, "Брянской", "Ростовской")
    assert [w[2] for w in where] == ["region", "region"]
    # one name before a plural is not a list of areas
    text = "Officials in the Kharkiv regions said so."
    assert plural_areas(text, _spans(text, "Kharkiv")) == {}


def test_an_oblast_adjective_without_its_noun_is_the_oblast() -> None:
    text = "За ночь 30 дронов сбиты в Курской области, 9 в Брянской, 4 в Крыму."
    where = _where(text, "Курской области", "Брянской", "Крыму")
    assert where[1] == ("Bryansk Oblast", "Bryansk Oblast", "region")
    # Crimea, a region named among regions, not the village of Krym
    assert where[2][2] == "region"


def test_an_anchor_bearing_and_distance_choose_the_namesake() -> None:
    # alone, Zoria and Tarasivka are villages far from the front
    assert _where("Zoria.", "Zoria")[0][1] != "Donetsk"
    text = "Russian forces attacked Zoria (south of Kostiantynivka)."
    assert _where(text, "Zoria", "Kostiantynivka")[0][1] == "Donetsk"
    text = "Shelling hit Tarasivka, 22km southwest of Kostiantynivka."
    assert _where(text, "Tarasivka", "Kostiantynivka")[0][1] == "Donetsk"
    text = "Assaults near Dachne and Pivdenne (both southeast of Kostiantynivka)."
    where = _where(text, "Dachne", "Pivdenne", "Kostiantynivka")
    assert [w[1] for w in where[:2]] == ["Donetsk", "Donetsk"]
    text = "Troops advanced southwest of Kostiantynivka near Yablunivka."
    assert _where(text, "Kostiantynivka", "Yablunivka")[1][1] == "Donetsk"
    text = "Бои у Тарасовки в 20 км к юго-западу от Константиновки."
    assert _where(text, "Тарасовки", "Константиновки")[0][1] == "Donetsk"
    text = "Ворог атакував Зорю на південь від Костянтинівки."
    assert _where(text, "Зорю", "Костянтинівки")[0][1] == "Donetsk"


def test_a_bearing_or_distance_that_does_not_fit_rules_a_namesake_out() -> None:
    south = Anchor(anchor=1, bearing=bearing_of("south") or 0.0, km=None, said="")
    # a point 20 km south of the anchor fits; north of it, or 200 km off, not
    assert fits(south, 49.82, 37.0, 50.0, 37.0) is not None
    assert fits(south, 50.18, 37.0, 50.0, 37.0) is None
    assert fits(south, 48.2, 37.0, 50.0, 37.0) is None
    eight = Anchor(anchor=1, bearing=135.0, km=8.0, said="")
    assert fits(eight, 49.95, 37.07, 50.0, 37.0) is not None
    assert fits(eight, 49.8, 37.3, 50.0, 37.0) is None
    assert bearing_of("southwestern") == 225.0
    assert bearing_of("юго-западнее") == 225.0
    assert bearing_of("північний схід") == 45.0


def test_russian_spellings_of_ukrainian_names_follow_the_correspondences() -> None:
    assert "ильинка" in russian_spellings("Іллінка")
    assert "новая ильинка" in russian_spellings("Нова Іллінка")
    assert "угледар" in russian_spellings("Вугледар")
    assert "веселое" in russian_spellings("Веселе")
    assert "петровское" in russian_spellings("Петрівське")
    assert "заречье" not in russian_spellings("Заріччя")  # і->е is irregular
    assert "засилье" in russian_spellings("Засілля")
    # the apostrophe before ї is the soft sign
    assert "марьинка" in russian_spellings("Мар’їнка")
    assert "соловьиное" in russian_spellings("Солов'їне")


def test_villages_of_russias_border_oblasts_are_found() -> None:
    text = "Украинские войска заняли Русское Поречное Курской области."
    where = _where(text, "Русское Поречное", "Курской области")
    assert where[0][:2] == ("Russkoye Porechnoye", "Kursk Oblast")
    text = "Ukrainian units were seen near Plekhovo, south of Sudzha."
    where = _where(text, "Plekhovo", "Sudzha")
    assert [w[1] for w in where] == ["Kursk Oblast", "Kursk Oblast"]


def test_an_apposition_and_a_dash_lead_to_the_qualifier_or_anchor() -> None:
    text = "They fought for Andriivka, a small village in the Donetsk region."
    assert _where(text, "Andriivka", "Donetsk region")[0][1] == "Donetsk"
    text = "Troops retook Dmytrivka and Sulyhivka - all about 15km southwest of Izium."
    where = _where(text, "Dmytrivka", "Sulyhivka", "Izium")
    assert [w[1] for w in where[:2]] == ["Kharkiv", "Kharkiv"]


def test_common_words_acronyms_and_people_are_not_places() -> None:
    from foglift.geoparse.flags import place_flags

    text = (
        "Report by Grace Mappes and Frederick Kagan. The Main Effort of the "
        "Rifle regiment is the main effort of a rifle unit, NATO said. "
        "Russian forces attacked near Kupiansk and in Reading."
    )
    names = ("Grace", "Frederick", "Main Effort", "Rifle", "NATO", "Kupiansk")
    resolved = resolve_spans(text, _spans(text, *names, "Reading"))
    assert [r.span.name for r in resolved if r.not_place] == [
        "Grace", "Frederick", "Rifle", "NATO",
    ]  # fmt: skip
    # none of them is flagged as a town far from the front, nor placed nearby
    flagged = {resolved[f.index].span.name for f in place_flags(resolved)}
    assert not flagged & {"Grace", "Frederick", "Rifle", "NATO"}
    assert all(r.near is None for r in resolved if r.not_place)
    # a preposition of place keeps a common word a place ("in Reading")
    assert resolved[-1].best is not None and not resolved[-1].not_place


def test_the_stage_drops_a_given_span_that_is_no_place() -> None:
    from foglift.geoparse import geoparse
    from foglift.model import Document, PlaceMention

    text = "The Main Effort stalled; the main effort now lies near Kupiansk."
    start = text.index("Effort")
    given = PlaceMention("Effort", start, start + len("Effort"))
    out = geoparse(Document(id="e", text=text, source="test", places=(given,)))
    assert [p.name for p in out.places] == ["Kupiansk"]
    assert not [f for f in out.findings if f.start == start]


def test_an_installation_named_after_its_town_is_at_the_town() -> None:
    from foglift.geoparse.resolve import find_matches

    for name, town in (
        ("Saky airbase", "Saky"),
        ("Engels-2 Airbase", "Engels"),
        ("Hostomel Airfield", "Hostomel"),
        ("port of Pivdennyi", "Pivdennyi"),
        ("аэродром Энгельс", "Engels"),
    ):
        found = find_matches(name)
        # (an air base the data spell otherwise, "Saki Air Base", is matched
        # by its skeleton beside the town)
        assert any(m.kind == "facility" and m.place.name == town for m in found), name
    # a name the gazetteer knows whole is not cut ("Kherson Airport" is not
    # looked up as Kherson when an airport of that name is known)
    assert all(m.kind != "facility" for m in find_matches("Azovstal"))


def test_an_air_base_of_the_theatre_is_known_by_its_own_name() -> None:
    # the village it is named after is not a GeoNames town; the base is in
    # the oblast the text names, not in the other oblast named beside it
    text = "Drones hit the Lebyazhye Airfield in Volgograd Oblast and Rostov Oblast."
    where = _where(text, "Lebyazhye Airfield", "Volgograd Oblast", "Rostov Oblast")
    assert where[0] == ("Lebyazhye Air Base", "Volgograd Oblast", "feature")


def test_a_district_or_plant_named_by_its_town_s_adjective_is_at_that_town() -> None:
    from foglift.geoparse.resolve import find_matches, rank, town_keys_of_adjective

    for name, town in (
        ("Ногинском городском округе", "Noginsk"),
        ("Сызранском НПЗ", "Syzran"),
        ("Новошахтинському нафтопереробному заводу", "Novoshakhtinsk"),
    ):
        best = rank(find_matches(name))[0].match
        assert (best.place.name, best.kind) == (town, "facility"), name
    # the compound adjective of a two-word town
    assert "беловскии посад" in town_keys_of_adjective("белово посадском районе")
    # an oblast's adjective is not a town's: the oblast is found first
    assert find_matches("Курской области")[0].place.precision == "region"
    assert town_keys_of_adjective("курскои") == ()

    # the kind of the places in apposition, and the road they lie on
    text = (
        "Russian forces attacked Zoria and Tarasivka, two small villages along"
        " the H20 highway south of Kostiantynivka."
    )
    where = _where(text, "Zoria", "Tarasivka", "Kostiantynivka")
    assert [w[1] for w in where[:2]] == ["Donetsk", "Donetsk"]


def test_a_bearing_before_a_list_anchors_every_name_of_it() -> None:
    from foglift.geoparse.anchors import anchored

    text = "Shelling was reported east of Lyman around Torske, Zarichne and Yampil."
    spans = _spans(text, "Lyman", "Torske", "Zarichne", "Yampil")
    found = anchored(text, spans)
    assert sorted(found) == [1, 2, 3]
    assert {a.anchor for a in found.values()} == {0}
    assert found[3].bearing == 90.0


def test_a_namesake_fitting_an_anchor_much_worse_than_another_is_dropped() -> None:
    from foglift.geoparse.index import Place
    from foglift.geoparse.resolve import Match, Scored
    from foglift.geoparse.theatre import _within_anchor

    def town(pk: int, lat: float, lon: float) -> Place:
        return Place(pk, f"t{pk}", f"t{pk}", "T", "UA", lat, lon, "settlement",
                     "PPL", 500, (), ())  # fmt: skip

    anchor_town = town(1, 48.0, 38.0)
    due_south = Match(town(2, 47.88, 38.0), "name", "t")  # 13 km, 180 degrees
    far_edge = Match(town(3, 47.8, 37.65), "name", "t")  # 34 km, 230 degrees
    anchor = Anchor(0, 180.0, None, "south of")
    best = Scored(Match(anchor_town, "name", "a"), 1.0, ())
    assert _within_anchor([far_edge, due_south], anchor, best) == [due_south]
    # alone, the namesake at the edge still fits
    assert _within_anchor([far_edge], anchor, best) == [far_edge]


def test_a_name_the_gazetteer_lacks_inside_a_named_town_is_placed_at_it() -> None:
    # the town named as its qualifier, not the place named nearest in the text
    text = (
        "Officials in Belgorod said missiles hit the Industrialnyi district "
        "in northern Kharkiv City."
    )
    spans = _spans(text, "Belgorod", "Industrialnyi district", "Kharkiv City")
    _, district, city = resolve_spans(text, spans)
    assert district.best is None
    assert city.best is not None
    assert district.near == city.best.match.place


def test_a_long_name_spelt_otherwise_is_not_a_coincidence_of_letters() -> None:
    # one "zh" fewer than the landmark's name; nothing else in the text helps
    text = "Troops were said to hold the Zaporizhia nuclear power plant."
    (plant,) = resolve_spans(text, _spans(text, "Zaporizhia nuclear power plant"))
    assert plant.best is not None
    assert plant.best.match.place.precision == "feature"
    # a short name matched by its letters alone still is a coincidence
    from foglift.geoparse.index import Place
    from foglift.geoparse.resolve import Match, Scored
    from foglift.geoparse.theatre import _loose_guess

    town = Place(1, "t", "t", "Soars", "RO", 45.9, 24.9, "settlement", "PPL",
                 500, (), ())  # fmt: skip
    assert _loose_guess([Scored(Match(town, "skeleton", "sears"), 1.0, ())])


def test_respectively_pairs_each_name_with_its_area() -> None:
    text = (
        "The ministry claimed Stepove and Zelene, located in the southern "
        "Zaporizhzhia region and the eastern Kharkiv region, respectively."
    )
    where = _where(text, "Stepove", "Zelene", "Zaporizhzhia region", "Kharkiv region")
    assert [w[1] for w in where[:2]] == ["Zaporizhzhia", "Kharkiv"]
    text = (
        "Армия взяла Степовое и Зеленое в Запорожской и Харьковской областях "
        "соответственно."
    )
    where = _where(text, "Степовое", "Зеленое", "Запорожской", "Харьковской областях")
    assert [w[1] for w in where[:2]] == ["Zaporizhzhia", "Kharkiv"]


def test_a_raion_s_land_noun_is_the_raion_unless_the_oblast_has_it() -> None:
    from foglift.geoparse.build.ukraine import region_noun

    assert region_noun("Бахмутський") == "Бахмутщина"
    assert region_noun("Донецький") == "Донеччина"
    assert region_noun("Покровский") == "Покровщина"
    assert region_noun("Вишневе") == ""
    text = "Окупанти обстріляли села на Бахмутщині та Сумщині."
    where = _where(text, "Бахмутщині", "Сумщині")
    assert where[0][2] == "district"
    assert where[1][2] == "region"


def test_a_plural_hromada_word_makes_each_name_a_hromada() -> None:
    text = "Під обстрілом були Мирівська й Червоногригорівська громади."
    where = _where(text, "Мирівська", "Червоногригорівська громади")
    assert [w[2] for w in where] == ["district", "district"]


def test_the_names_of_a_byline_are_authors_not_places() -> None:
    from foglift.geoparse.flags import place_flags

    text = (
        "Anna Kowalski, Madison Reed, Peter J. Novak, and Olga Kagan\n"
        "Russian forces attacked near Kupiansk on Monday.\n"
    )
    names = ("Madison", "Reed", "Kagan", "Kupiansk")
    resolved = resolve_spans(text, _spans(text, *names))
    assert [r.span.name for r in resolved if r.not_place] == list(names[:3])
    assert not [f for f in place_flags(resolved) if resolved[f.index].span.name
                in names[:3]]  # fmt: skip
    # a list of places of two words each is no byline, nor a line of one name
    text = "Velyka Novosilka, Stara Mykolaivka and Nova Poltavka\nMadison Reed\n"
    resolved = resolve_spans(text, _spans(text, "Velyka Novosilka", "Madison"))
    assert not resolved[0].not_place
    assert resolved[1].not_place != "a name in a byline of authors"


def test_a_possessive_country_before_respective_areas_is_no_peer() -> None:
    # the span may hold the possessive (a claim's place read by extraction)
    text = (
        "Kyiv said its units had recaptured Novoselivka and Hrushivka, situated "
        "in Ukraine's southern Zaporizhzhia region and the eastern Kharkiv "
        "region, respectively."
    )
    names = ("Novoselivka", "Hrushivka", "Ukraine's", "Zaporizhzhia region")
    resolved = resolve_spans(text, _spans(text, *names, "Kharkiv region"))
    admin = [r.best.match.place.parents[-2] if r.best else "" for r in resolved[:2]]
    assert admin == ["admin1:UA.26", "admin1:UA.07"]


def test_a_name_cut_before_its_area_noun_is_the_area() -> None:
    # extraction may hand over the adjective alone ("Брянською" of "Брянською
    # областю"): with the noun right after it, the name is the area
    text = "Над Брянською областю і Краснодарским краем збито вісім дронів."
    resolved = resolve_spans(text, _spans(text, "Брянською", "Краснодарским"))
    assert [r.best.match.place.precision if r.best else "" for r in resolved] == [
        "region",
        "region",
    ]


def test_compass_words_inside_a_list_closed_by_a_plural_area_word() -> None:
    text = "Shelling went on in northern Sumy and eastern Kharkiv oblasts all week."
    resolved = resolve_spans(text, _spans(text, "Sumy", "Kharkiv oblasts"))
    assert [r.best.match.place.precision if r.best else "" for r in resolved] == [
        "region",
        "region",
    ]


def test_a_bearing_makes_a_weak_spelling_a_place() -> None:
    from foglift.geoparse.detect import detect_spans

    # "Vysokopillya" is an alternate spelling of Vysokopillia, not trusted alone
    text = "Troops entered a village 12km southeast of Vysokopillya on Monday."
    assert [s.name for s in detect_spans(text)] == ["Vysokopillya"]


def test_a_district_named_after_its_town_is_at_the_town() -> None:
    # after a plural district noun, and cut before its own noun
    text = (
        "Дроны перехвачены над городскими округами Коломна и Раменский, позже "
        "ещё два в Стародубском муниципальном округе."
    )
    names = ("Коломна", "Раменский", "Стародубском")
    resolved = resolve_spans(text, _spans(text, *names))
    assert [r.best.match.place.name if r.best else "" for r in resolved] == [
        "Kolomna",
        "Ramenskoye",
        "Starodub",
    ]


def test_a_sea_cut_before_its_noun_and_crimea_among_russian_regions() -> None:
    # a Russian list of regions counts Crimea among them: not the village of
    # Krym in the Rostov region it names
    text = (
        "Над акваторией Азовского моря и регионами сбито 14 дронов: 9 над Ростовской "
        "областью, 3 над Курской областью и 2 над Крымом."
    )
    names = ("Азовского", "Ростовской областью", "Курской областью", "Крымом")
    resolved = resolve_spans(text, _spans(text, *names))
    found = [r.best.match.place.name if r.best else "" for r in resolved]
    assert found[0] == "Sea of Azov" and found[-1] == "Crimea"


def test_a_list_of_large_towns_makes_a_name_its_large_town() -> None:
    # Ровно (Rivne's Russian name) is also a village; Львове a village's case
    text = "Сирены звучали во Львове, Харькове, Ровно, Одессе и Днепре всю ночь."
    names = ("Львове", "Харькове", "Ровно", "Одессе", "Днепре")
    resolved = resolve_spans(text, _spans(text, *names))
    population = [r.best.match.place.population if r.best else 0 for r in resolved]
    assert min(population) > 100_000, population


def test_a_name_cut_before_an_installation_or_hromada_noun() -> None:
    text = (
        "Drones hit the Engels-2 airbase; пожежа на Саратовському "
        "нафтопереробному заводі, обстріли в Боромлянській громаді."
    )
    names = ("Engels-2", "Саратовському", "Боромлянській")
    resolved = resolve_spans(text, _spans(text, *names))
    assert [r.best.match.place.name if r.best else "" for r in resolved] == [
        "Engels",
        "Saratov",
        "Boromlianska Hromada",
    ]


def test_a_span_holding_a_name_and_its_hromadas_adjective() -> None:
    # extraction may take the hromada's adjective into the name's span
    for hromada in ("громади", "міської громади"):
        text = f"Штурми тривали біля Міньківка Соледарської {hromada} до вечора."
        (resolved,) = resolve_spans(text, _spans(text, "Міньківка Соледарської"))
        assert resolved.best is not None
        assert "ua:UA1402009" in resolved.best.match.place.parents


def test_a_raions_adjective_without_its_noun_is_the_raion() -> None:
    text = "Обстріли зачепили райони Харківщини. По Чугуївському били дрони."
    (resolved,) = resolve_spans(text, _spans(text, "Чугуївському"))
    assert resolved.best is not None
    assert resolved.best.match.place.precision == "district"


def test_a_latin_misspelling_is_a_ukrainian_village_where_the_text_places_it() -> None:
    # "Tarasvika" is no name in the gazetteer, even by its letters; of the
    # eighty Tarasivkas, the anchor or the qualifier places it
    text = "Russian forces attacked Tarasvika (south of Kostiantynivka)."
    assert _where(text, "Tarasvika", "Kostiantynivka")[0][:2] == (
        "Tarasivka",
        "Donetsk",
    )
    text = "Russian forces attacked Tarasvika in Donetsk Oblast."
    assert _where(text, "Tarasvika", "Donetsk Oblast")[0][:2] == (
        "Tarasivka",
        "Donetsk",
    )
    # with nothing placing it, the letters coincide with some village
    (alone,) = resolve_spans(
        "Russian forces attacked Tarasvika.",
        _spans("Russian forces attacked Tarasvika.", "Tarasvika"),
    )
    assert alone.best is None


def test_an_area_after_a_bracketed_anchor_qualifies_the_name_before_it() -> None:
    from foglift.geoparse.anchors import qualified_lists

    text = "Shelling hit Zoria and Tarasivka (south of Druzhkivka) in Donetsk Oblast."
    spans = _spans(text, "Zoria", "Tarasivka", "Druzhkivka", "Donetsk Oblast")
    assert qualified_lists(text, spans) == [(3, [1, 0])]
    text = "Shelling hit Novoselvika (north of Sloviansk) in Donetsk Oblast."
    where = _where(text, "Novoselvika", "Sloviansk", "Donetsk Oblast")
    assert where[0][:2] == ("Novoselivka", "Donetsk")


def test_the_case_forms_of_a_name_are_one_name() -> None:
    from foglift.geoparse.theatre import _with_lemmas

    text = "Біля Урожайного тривають бої; Урожайне тримають, у Покровську теж бої."
    spans = _spans(text, "Урожайного", "Урожайне", "Покровську")
    keyed = _with_lemmas(spans, [find_matches(s.name) for s in spans])
    # one name in two cases: never context for each other
    assert keyed[0].key == keyed[1].key != keyed[2].key
    # a form of two names ("Покровська": of Покровськ or of Покровське) is
    # the name the text's other forms share
    text = "Бої у Покровську; про захоплення Покровська не йдеться."
    spans = _spans(text, "Покровську", "Покровська")
    keyed = _with_lemmas(spans, [find_matches(s.name) for s in spans])
    assert keyed[0].key == keyed[1].key


def test_a_city_word_asks_for_a_city_not_a_village() -> None:
    from foglift.geoparse.resolve import PlaceContext, rank

    # "міста Покровська": of Покровськ or of a village Покровське
    ranked = rank(find_matches("Покровська"), PlaceContext(wanted="city"))
    told = [s for s in ranked if "a city, as the text says" in s.cues]
    assert any(s.match.place.name == "Pokrovsk" for s in told)
    assert all(s.match.place.fcode not in ("PPL_C", "PPL_X") for s in told)
    village = rank(find_matches("Покровське"), PlaceContext(wanted="village"))
    assert any("a village, as the text says" in s.cues for s in village)


def test_the_names_of_a_list_are_neighbours() -> None:
    from foglift.geoparse.theatre import _listed_neighbours

    def bonus(text: str, *names: str) -> dict[str, set[str | None]]:
        from foglift.geoparse.records import admin_names

        spans = _spans(text, *names)
        found = [find_matches(s.name) for s in spans]
        out = {}
        for i, pks in _listed_neighbours(text, spans, found).items():
            out[spans[i].name] = {
                admin_names(m.place)[0] for m in found[i] if m.place.pk in pks
            }
        return out

    # Shcherbynivka by Toretsk, a town of few namesakes: the one by the town
    text = "Бої тривають біля Торецька та Щербинівки."
    assert bonus(text, "Торецька", "Щербинівки")["Щербинівки"] == {"Donetsk"}
    # two common names alone: a namesake of one by a namesake of the other is
    # often chance, and says nothing
    text = "Ворог атакував біля Іванівки та Петрівки."
    assert bonus(text, "Іванівки", "Петрівки") == {}
