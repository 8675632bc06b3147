import re

from ntm.registry import districts, rural_communes


def test_registry_counts_as_of_march_2025(registry):
    current = registry[~registry["provisional"]]
    assert len(current) == 194
    assert current["type"].value_counts().to_dict() == {"Xã": 175, "Thị trấn": 14, "Phường": 5}
    assert current["district_code"].nunique() == 11
    assert all(re.fullmatch(r"\d{5}", code) for code in current["code"])
    assert current["code"].is_unique


def test_every_unit_has_a_centroid_in_lang_son(registry):
    assert registry["lat"].between(21.3, 22.5).all()
    assert registry["lon"].between(106.0, 107.4).all()


def test_dissolved_communes_have_provisional_codes_and_real_successors(registry):
    dissolved = registry[registry["provisional"]]
    assert len(dissolved) == 6
    assert set(dissolved["successor_code"]) <= set(registry["code"])
    assert {d.isoformat() for d in dissolved["valid_to"]} == {"2024-11-30"}
    assert set(dissolved["short_name"]) == {"Vĩnh Tiến", "Đại Đồng", "Đồng Giáp", "Tràng Các", "Tĩnh Bắc", "Sơn Hà"}


def test_rural_communes_in_force_each_year(registry):
    assert len(rural_communes(registry, 2020)) == 181
    assert len(rural_communes(registry, 2023)) == 181
    assert len(rural_communes(registry, 2024)) == 175
    assert len(rural_communes(registry, 2025)) == 175
    assert len(rural_communes(registry, 2026)) == 0  # districts abolished on 1 July 2025


def test_districts_listing(registry):
    table = districts(registry)
    assert len(table) == 11
    assert table.set_index("district_code").loc["178", "district_short"] == "Lạng Sơn"
    assert table.set_index("district_code").loc["189", "district_name"] == "Huyện Đình Lập"


def test_registry_build_is_reproducible(registry):
    import io

    from ntm.build.registry import build_registry
    from ntm.registry import load_registry

    buffer = io.StringIO()
    build_registry().to_csv(buffer, index=False)
    buffer.seek(0)
    rebuilt = load_registry(buffer)
    assert rebuilt.equals(registry)


# --- the units from 1 July 2025 -------------------------------------------------------------------


def test_sixty_five_new_units_valid_from_july_2025():
    from datetime import date

    from ntm.registry import load_new_units

    units = load_new_units()
    assert len(units) == 65 and units["code"].is_unique
    assert units["type"].value_counts().to_dict() == {"Xã": 61, "Phường": 4}
    assert set(units["valid_from"]) == {date(2025, 7, 1)} and units["valid_to"].isna().all()
    assert (units["district_code"] == "").all()
    assert set(units["former_district_code"]) == {"178", *[str(c) for c in range(180, 190)]}
    assert units["lat"].between(21.3, 22.5).all() and units["lon"].between(106.0, 107.4).all()


def test_new_unit_points_lie_inside_their_polygons():
    import geopandas as gpd

    from ntm.paths import COMMUNES_2025
    from ntm.registry import load_new_units

    units = load_new_units().set_index("code")
    shapes = gpd.read_file(COMMUNES_2025).set_index("code")
    points = gpd.points_from_xy(units["lon"], units["lat"])
    for code, point in zip(units.index, points):
        assert shapes.geometry[code].distance(point) < 1e-5, code


def test_stacked_registry_keeps_both_geographies_apart(registry):
    from datetime import date

    from ntm.registry import in_force, load_all_units, new_units

    units = load_all_units()
    assert len(units) == len(registry) + 65
    assert len(new_units(units)) == 65
    assert len(units[in_force(units, date(2025, 6, 30))]) == 194
    assert len(units[in_force(units, date(2025, 7, 1))]) == 65
    assert len(rural_communes(units, 2025)) == 175  # assessed on 30 June 2025: old communes
    assert len(rural_communes(units, 2026)) == 61
    assert len(districts(registry)) == 11  # the old table is unchanged for its callers


def test_every_old_unit_of_the_crosswalk_maps_to_a_new_unit(registry):
    from ntm.registry import load_crosswalk, load_new_units, successor_of

    crosswalk = load_crosswalk()
    current = registry[~registry["provisional"]]
    assert len(crosswalk) == 196
    assert set(crosswalk["old_code"]) == set(current["code"])  # all 194, nothing else
    assert set(crosswalk["new_code"]) == set(load_new_units()["code"])
    assert set(crosswalk["part"]) == {"full", "partial"}
    for code in current["code"]:
        assert successor_of(code), code
    assert sum(len(successor_of(code)) for code in current["code"]) == 196


def test_khanh_khe_is_formed_from_its_old_communes():
    from ntm.registry import formed_from, load_crosswalk

    parts = formed_from(None, "06286")
    assert list(parts["old_name"]) == ["Xã Bình Trung", "Xã Xuân Long", "Xã Khánh Khê"]
    assert list(parts["district_name"]) == ["Huyện Cao Lộc", "Huyện Cao Lộc", "Huyện Văn Quan"]
    assert set(parts["part"]) == {"full"}
    assert formed_from(load_crosswalk(), "06286").equals(parts)


def test_split_communes_appear_under_two_new_units():
    from ntm.registry import formed_from, load_new_units, successor_of

    names = load_new_units().set_index("code")["name"]
    assert [names[c] for c in successor_of("06622")] == ["Xã Đình Lập", "Xã Kiên Mộc"]  # Bính Xá
    assert [names[c] for c in successor_of("06625")] == ["Xã Kiên Mộc", "Xã Châu Sơn"]  # Kiên Mộc
    kien_moc = formed_from(None, "06625").set_index("old_name")["part"]
    assert kien_moc.to_dict() == {"Xã Bắc Xa": "full", "Xã Bính Xá": "partial", "Xã Kiên Mộc": "partial"}
    for code in ("06613", "06637"):
        assert "partial" in set(formed_from(None, code)["part"])


def test_successor_of_a_commune_dissolved_in_2024_follows_its_successor():
    import pytest

    from ntm.registry import successor_of

    assert successor_of("P18401") == successor_of("06286") == ["06286"]  # Đồng Giáp -> Khánh Khê
    with pytest.raises(KeyError):
        successor_of("99999")


def test_former_district_is_the_majority_of_old_units():
    import pandas as pd
    import pytest

    from ntm.registry import former_district_of, former_districts, load_crosswalk, straddling_units

    assert former_district_of("06286") == "183"  # Khánh Khê: 2 old communes of Cao Lộc, 1 of Văn Quan
    assert former_district_of("06316") == "184"  # Tân Đoàn: 2 of Văn Quan, 1 of Cao Lộc
    assert former_district_of("06187") == "183"  # Kỳ Lừa: 4 of Cao Lộc, 1 ward of the city
    assert former_district_of("05977") == "178"  # Đông Kinh: 3 of the city, 1 of Cao Lộc
    assert former_district_of("06625") == "189"
    assert straddling_units() == ["05977", "06187", "06286", "06316"]
    with pytest.raises(KeyError):
        former_district_of("00000")
    # ties: the district of the old unit whose code the new unit kept, else the smallest code
    tie = pd.DataFrame(
        {"new_code": ["06286"] * 2 + ["06316"] * 2, "old_code": ["06217", "06286", "06217", "05992"], "part": "full"}
    )
    assert former_districts(tie).to_dict() == {"06286": "184", "06316": "178"}
    assert len(former_districts(load_crosswalk())) == 65


def test_new_units_build_is_reproducible():
    import io

    from ntm.build.registry import build_new_units
    from ntm.registry import load_new_units

    buffer = io.StringIO()
    build_new_units().to_csv(buffer, index=False)
    buffer.seek(0)
    assert load_new_units(buffer).equals(load_new_units())
