"""Leaders, presenters and officers read plain language: no text of the pages they use (nor of the
deck) names the project's data files; how editors add targets, levels and commune groups is said on
the import page, for editors, and in the README."""

from ntm.i18n import CATALOGUE

FOR_EDITORS = ("import.",)


def test_no_page_text_but_the_editors_names_a_data_file():
    leaking = {
        key: text
        for key, texts in CATALOGUE.items()
        if not key.startswith(FOR_EDITORS)
        for text in texts
        if "data/" in text or "units = " in text
    }
    assert not leaking, leaking


def test_the_editors_hints_name_the_files_they_edit():
    hints = " ".join(CATALOGUE["import.targets.hint"] + CATALOGUE["import.catalogue.hint"])
    for path in ("data/targets.csv", "data/criteria_levels.csv", "data/commune_groups_2026.csv"):
        assert path in hints
