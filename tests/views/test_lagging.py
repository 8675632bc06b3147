"""The overview's 'lowest districts': the lower end of the districts shown, never a district at the top."""

import pandas as pd

from ntm.views.overview import lagging_districts


def table(shares: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"district_code": list(shares), "share_ntm": list(shares.values()), "avg_criteria": [15.0] * len(shares)}
    )


def test_of_two_districts_that_reported_only_the_lower_is_named():
    assert lagging_districts(table({"189": 0.4, "182": 1.0})) == ["189"]


def test_eleven_districts_name_the_three_lowest_in_order():
    shares = {str(180 + i): i / 10 for i in range(11)}
    assert lagging_districts(table(shares)) == ["180", "181", "182"]


def test_one_district_is_no_laggard():
    assert lagging_districts(table({"189": 0.4})) == []
