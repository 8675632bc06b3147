"""The bundled crosswalk against the vietnamadminunits package (ntm.build.check_crosswalk)."""

import pytest

from ntm.build.check_crosswalk import compare_with_vietnamadminunits, package_divided_communes


@pytest.mark.parametrize("spelling", ["registry", "crosswalk"])
def test_package_converts_every_old_unit_to_the_crosswalks_new_unit(spelling):
    table = compare_with_vietnamadminunits(spelling=spelling)
    assert len(table) == 194
    assert table["old_understood"].all()
    assert table["same_unit"].all() and table["same_name"].all()


def test_where_package_and_crosswalk_differ_split_communes():
    table = compare_with_vietnamadminunits().set_index("old_name")
    split = table[table["new_codes"].str.len() > 1]
    # the crosswalk gives both new units; the package answers with its default one
    assert split["new_names"].to_dict() == {
        "Xã Bính Xá": ["Xã Đình Lập", "Xã Kiên Mộc"],
        "Xã Kiên Mộc": ["Xã Kiên Mộc", "Xã Châu Sơn"],
    }
    assert split["package_name"].to_dict() == {"Xã Bính Xá": "Xã Đình Lập", "Xã Kiên Mộc": "Xã Kiên Mộc"}
    # the package's data also lists Hồng Phong (Bình Gia) as divided, with Đồng Đăng (which took
    # Cao Lộc's Hồng Phong) as its second unit; the crosswalk has it whole in Hồng Phong
    divided = package_divided_communes()
    assert divided == {
        "huyenbinhgia / xahongphong": ["xahongphong", "xadongdang"],
        "huyendinhlap / xabinhxa": ["xadinhlap", "xakienmoc"],
        "huyendinhlap / xakienmoc": ["xakienmoc", "xachauson"],
    }
    by_address = table.reset_index().set_index("address")
    assert by_address.loc["Xã Hồng Phong, Huyện Bình Gia, Tỉnh Lạng Sơn", "new_names"] == ["Xã Hồng Phong"]
    assert by_address.loc["Xã Hồng Phong, Huyện Cao Lộc, Tỉnh Lạng Sơn", "new_names"] == ["Xã Đồng Đăng"]
