"""The progress page renders a chart, a verdict and downloads per target, for the province and districts."""

from apptest_helpers import assert_clean, nodes, run_app

from ntm.targets import load_targets
from ntm.views.progress import progress_metrics

PROGRESS_METRICS = progress_metrics(load_targets(), 2025)  # the charts of the 2021-2025 phase


def verdicts(at):
    return [m.value for m in at.markdown if "**" in m.value]


def test_progress_page_for_the_province():
    at = run_app("pages/progress.py", year=2025)
    assert_clean(at)
    assert len(nodes(at, "vega_lite_chart")) == len(PROGRESS_METRICS)
    assert len(nodes(at, "download_button")) >= 3 * len(PROGRESS_METRICS)
    assert any("còn thiếu 9 xã so với mục tiêu 115/181" in v for v in verdicts(at))  # 106 of 115 in 2025


def test_progress_page_for_districts_uses_pro_rata_targets():
    at = run_app("pages/progress.py", districts=["180", "189"], year=2023)
    assert_clean(at)
    assert any("phần của 31 xã được chọn" in info.value for info in nodes(at, "info"))
    # 115 apportioned over the 11 districts' 181 communes: Tràng Định 13 + Đình Lập 6 (rounding up gave 20)
    assert any("so với mục tiêu 19/31" in v for v in verdicts(at))


def test_progress_page_in_english():
    at = run_app("pages/progress.py", lang="en", districts=["180"], year=2025)
    assert_clean(at)
    lines = verdicts(at)
    assert len(lines) == len(PROGRESS_METRICS)
    assert all(v.split("**")[1].startswith(("Missed:", "Behind:", "On track:", "The 2025 target")) for v in lines)
    assert any("Filtered to districts" in info.value for info in nodes(at, "info"))
