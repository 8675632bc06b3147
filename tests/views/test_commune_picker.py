"""The scorecard's commune picker lists the year's communes (175 in 2025, as the header counts them,
not the 181 with the 6 dissolved on 1 December 2024); a dissolved commune stays reachable by search or
by a link, marked with when it was dissolved and into which commune."""

from ntm.registry import rural_communes
from ntm.views.commune import commune_index, commune_labels, dissolved_note, in_force_in, search

DISSOLVED_2024 = ("P18001", "P18002", "P18401", "P18402", "P18601", "P18801")


def test_the_picker_holds_the_years_communes_and_keeps_a_chosen_one(demo):
    index = commune_index(demo.registry, demo.commune_year)
    assert len(index) == 181
    year = in_force_in(index, demo.registry, 2025)
    assert set(year["code"]) == set(rural_communes(demo.registry, 2025)["code"]) and len(year) == 175
    assert len(in_force_in(index, demo.registry, 2023)) == 181  # before 1 December 2024 they were communes
    kept = in_force_in(index, demo.registry, 2025, keep="P18001")  # opened by a link
    assert len(kept) == 176 and "P18001" in set(kept["code"])


def test_a_dissolved_commune_found_by_name_says_when_and_into_which(demo):
    index = commune_index(demo.registry, demo.commune_year)
    found = search(index, "vinh tien")
    names = {"180": "Tràng Định"}
    labels = commune_labels(found, demo.registry, 2025, names, "vi", new=False)
    assert labels["P18001"] == "Xã Vĩnh Tiến – Tràng Định (giải thể 12/2024, nay thuộc Xã Khánh Long)"
    english = commune_labels(found, demo.registry, 2025, names, "en", new=False)
    assert english["P18001"].endswith("(dissolved 12/2024, now part of Xã Khánh Long)")
    assert dissolved_note(demo.registry, "P18001", 2023, "vi") == ""  # still a commune in 2023
    successors = demo.registry.set_index("code").loc[list(DISSOLVED_2024), "successor_code"]
    for code, successor in successors.items():
        name = demo.registry.set_index("code").loc[successor, "name"]
        assert dissolved_note(demo.registry, code, 2025, "vi") == f"giải thể 12/2024, nay thuộc {name}"


def test_a_commune_of_the_year_has_no_mark(demo):
    index = commune_index(demo.registry, demo.commune_year)
    year = in_force_in(index, demo.registry, 2025)
    labels = commune_labels(year, demo.registry, 2025, {}, "vi", new=False)
    assert not any("giải thể" in label for label in labels.values())
