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
