"""One folding of Vietnamese names for every comparison (ntm.text)."""

import unicodedata

import pandas as pd
import pytest

from ntm.text import fold, prefix_level, split_unit_prefix, strip_unit_prefix


@pytest.mark.parametrize(
    "spelling",
    [
        "Đình Lập",
        unicodedata.normalize("NFD", "Đình Lập"),
        "\u00d0ình Lập",  # Ð, U+00D0, as GADM spells it
        "ĐÌNH LẬP",
        "dinh lap",
        "  Đình   Lập ",
        "Đình-Lập",
    ],
)
def test_fold_ignores_accents_case_spaces_and_the_eth(spelling):
    assert fold(spelling) == "dinh lap"


def test_fold_keeps_the_prefix_and_old_and_new_tone_placement_agree():
    assert fold("Huyện Đình Lập") == "huyen dinh lap"
    assert fold("Xã Quý Hoà") == fold("Xã Quý Hòa") == "xa quy hoa"
    assert fold(None) == fold(float("nan")) == fold(pd.NA) == ""


@pytest.mark.parametrize(
    ("name", "stripped", "level"),
    [
        ("Huyện \u00d0ình Lập", "dinh lap", "district"),
        ("TP. Lạng Sơn", "lang son", "district"),
        ("tp.lang son", "lang son", "district"),
        ("Thành phố Lạng Sơn", "lang son", "district"),
        ("Thị xã Nghĩa Lộ", "nghia lo", "district"),
        ("Xã  Hoàng Văn Thụ", "hoang van thu", "commune"),
        ("Thị trấn Na Sầm", "na sam", "commune"),
        ("Phường Kỳ Lừa", "ky lua", "commune"),
        ("Tỉnh Lạng Sơn", "lang son", "province"),
        ("Dinh Lap District", "dinh lap", "district"),
        ("huyen dinh lap", "dinh lap", "district"),
        # names that begin like a prefix keep it when their diacritics say they are names
        ("Quan Sơn", "quan son", None),
        ("Tĩnh Bắc", "tinh bac", None),
        ("Phương Sơn", "phuong son", None),
        ("Xã", "xa", None),  # nothing after the prefix: not a prefix
    ],
)
def test_strip_unit_prefix(name, stripped, level):
    assert strip_unit_prefix(name) == stripped
    assert prefix_level(name) == level


def test_plain_ascii_prefixes_count_only_in_plain_ascii_names():
    assert split_unit_prefix("Phuong Son") == ("phuong", "son")
    assert split_unit_prefix("Phường Sơn") == ("phuong", "son")
    assert split_unit_prefix("Phương Sơn") == ("", "phuong son")
