"""The one catalogue of interface strings: Vietnamese first, English on request."""
LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

CATALOGUE: dict[str, tuple[str, str]] = {
    # app and navigation
    "app.title": ("Nông thôn mới Lạng Sơn", "New Rural Development, Lạng Sơn"),
    "app.caption": ("Theo dõi Chương trình xây dựng nông thôn mới tỉnh Lạng Sơn",
                    "Tracking the New Rural Development programme in Lạng Sơn province"),
    "nav.overview": ("Tổng quan", "Overview"),
    "notice.illustrative": (
        "Số liệu cấp xã trên trang này là **dữ liệu minh họa** (sinh tự động, đã hiệu chỉnh theo số liệu "
        "tổng hợp chính thức của tỉnh), không phải số liệu chính thức của từng xã.",
        "Commune-level data on this page are **illustrative** (generated, calibrated to the province's "
        "official totals), not official figures for individual communes."),
    "error.generic": ("Đã xảy ra lỗi khi hiển thị trang. Vui lòng tải lại trang hoặc báo cho Văn phòng Điều phối.",
                      "Something went wrong while showing this page. Reload it or tell the coordination office."),
    "error.data": ("Không đọc được dữ liệu: {detail}", "The data could not be read: {detail}"),
    # filters
    "filter.header": ("Bộ lọc", "Filters"),
    "filter.year": ("Năm", "Year"),
    "filter.districts": ("Huyện / thành phố", "Districts"),
    "filter.districts.all": ("Toàn tỉnh", "Whole province"),
    "filter.language": ("Ngôn ngữ", "Language"),
    "filter.criterion": ("Tiêu chí", "Criterion"),
    "filter.level": ("Mức đạt chuẩn", "Level"),
    "filter.level.all": ("Tất cả các mức", "All levels"),
    # overview
    "overview.title": ("Tổng quan năm {year}", "Overview, {year}"),
    "overview.scope.province": ("Toàn tỉnh: {communes} xã", "Whole province: {communes} communes"),
    "overview.scope.districts": ("{districts}: {communes} xã", "{districts}: {communes} communes"),
    "overview.targets": ("So với mục tiêu năm {year}", "Against the {year} targets"),
    "overview.targets.prorata": (
        "Đang lọc theo huyện: mục tiêu số xã của tỉnh được tính theo tỷ lệ số xã được chọn.",
        "Filtered to districts: the province's commune-count targets are applied pro rata."),
    "overview.levels": ("Xã theo mức đạt chuẩn", "Communes by level"),
    "overview.bands": ("Xã theo số tiêu chí đạt", "Communes by number of criteria met"),
    "overview.districts": ("Theo huyện / thành phố", "By district"),
    "overview.lagging": ("Huyện có tỷ lệ xã đạt chuẩn thấp nhất: {names}",
                         "Districts with the lowest share of communes meeting the standard: {names}"),
    # metrics
    "metric.communes": ("Số xã", "Communes"),
    "metric.communes_ntm": ("Xã đạt chuẩn NTM", "Communes meeting the NTM standard"),
    "metric.share_ntm": ("Tỷ lệ xã đạt chuẩn", "Share meeting the standard"),
    "metric.communes_ntm_advanced": ("Xã NTM nâng cao", "Advanced NTM communes"),
    "metric.communes_ntm_model": ("Xã NTM kiểu mẫu", "Model NTM communes"),
    "metric.avg_criteria": ("Bình quân tiêu chí/xã", "Average criteria per commune"),
    "metric.min_criteria": ("Số tiêu chí thấp nhất", "Fewest criteria in a commune"),
    "metric.communes_below_10": ("Xã dưới 10 tiêu chí", "Communes below 10 criteria"),
    "level.none": ("Chưa đạt chuẩn", "Not yet meeting"),
    "level.standard": ("Đạt chuẩn", "Standard"),
    "level.advanced": ("Nâng cao", "Advanced"),
    "level.model": ("Kiểu mẫu", "Model"),
    "band.lt10": ("Dưới 10 tiêu chí", "Under 10 criteria"),
    "band.10_14": ("10-14 tiêu chí", "10-14 criteria"),
    "band.15_18": ("15-18 tiêu chí", "15-18 criteria"),
    "band.all19": ("Đủ 19 tiêu chí", "All 19 criteria"),
    # target cards
    "target.value": ("Mục tiêu {year}: {target}", "{year} target: {target}"),
    "target.of": ("{value}/{denominator} xã", "{value} of {denominator} communes"),
    "chart.communes": ("Số xã", "Communes"),
    "target.gap": ("Còn thiếu {gap}", "{gap} to go"),
    "target.status.reached": (":green[:material/check_circle: Đã đạt]", ":green[:material/check_circle: Reached]"),
    "target.status.on_track": (":green[:material/trending_up: Đúng tiến độ]", ":green[:material/trending_up: On track]"),
    "target.status.behind": (":orange[:material/warning: Chậm tiến độ]", ":orange[:material/warning: Behind]"),
    "target.status.missed": (":red[:material/cancel: Không đạt]", ":red[:material/cancel: Missed]"),
    "target.pace": ("Cần {needed}/năm; 3 năm qua {recent}/năm",
                    "Needs {needed} a year; last 3 years {recent} a year"),
    # tables
    "col.district": ("Huyện / thành phố", "District"),
    "col.communes": ("Số xã", "Communes"),
    "col.communes_ntm": ("Xã đạt chuẩn", "Meeting standard"),
    "col.share_ntm": ("Tỷ lệ đạt chuẩn", "Share meeting"),
    "col.avg_criteria": ("BQ tiêu chí", "Avg criteria"),
    "col.min_criteria": ("Thấp nhất", "Minimum"),
    "col.communes_ntm_advanced": ("Nâng cao", "Advanced"),
    "col.communes_ntm_model": ("Kiểu mẫu", "Model"),
    # --- map page (issue 3) ---
    # --- progress, criteria, districts, scorecard pages (issue 4) ---
    # --- filters, exports, deck, presentation (issue 5) ---
    # --- import and versions (issue 6) ---
    "source.demo": ("Nguồn: dữ liệu minh họa; số liệu tổng hợp chính thức theo báo cáo của tỉnh.",
                    "Source: illustrative data; official totals from provincial reports."),
}


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string for `key` in `lang`, with `values` filled in."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text
