from ntm.formatting import fmt_number, fmt_percent, fmt_signed, fmt_year_range
from ntm.i18n import CATALOGUE, t


def test_vietnamese_number_formats():
    assert fmt_number(1234) == "1.234"
    assert fmt_number(1234567.891, 2) == "1.234.567,89"
    assert fmt_number(12.7, 1) == "12,7"
    assert fmt_percent(0.635) == "63,5 %"
    assert fmt_signed(-3) == "−3" and fmt_signed(2.5, 1) == "+2,5"
    assert fmt_number(float("nan")) == "–"


def test_english_number_formats():
    assert fmt_number(1234, lang="en") == "1,234"
    assert fmt_number(12.7, 1, "en") == "12.7"
    assert fmt_percent(0.635, lang="en") == "63.5%"


def test_catalogue_is_complete_in_both_languages():
    for key, (vi, en) in CATALOGUE.items():
        assert vi.strip() and en.strip(), key
    assert t("overview.title", "vi", year=2025) == "Tổng quan năm 2025"
    assert t("overview.title", "en", year=2025) == "Overview, 2025"


def test_a_year_range_of_one_year_reads_as_the_year():
    assert fmt_year_range(2015, 2025) == "2015–2025"
    assert fmt_year_range(2026, 2026) == "2026"
    assert fmt_year_range(2022, 2025, dash="-") == "2022-2025"
