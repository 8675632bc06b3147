"""The load benchmark drives a real `streamlit run app.py` through Streamlit's websocket protocol:
every interaction finishes without error with its time recorded, the server applies the filters
the sessions send, and the server's CPU and memory are read. Needs no browser (about 15 s)."""

from ntm.bench import load


def test_two_sessions_change_the_filters_of_the_map_page_on_a_real_server(capsys):
    rounds = load.main(["--sessions", "2", "--interactions", "2", "--rounds", "1", "--page", "map", "--timeout", "60"])

    (only,) = rounds
    assert only.errors == []
    assert len(only.sessions) == 2
    for session in only.sessions:
        assert [t.kind for t in session.timings] == ["open", "year", "districts"]
        assert all(t.seconds is not None and 0 < t.seconds < 60 for t in session.timings)
        # The server ran the page with the year the session chose: the map's title names it.
        assert session.values["year"] in session.title
        # The year changed (a session picks another one), so the address bar holds it.
        assert f"year={session.values['year']}" in session.query
    assert len(only.times()) == 4 and len(only.times(opens=True)) == 2
    (pid,) = only.cpu_s
    assert only.cpu_s[pid] > 0 and only.rss[pid] > 50
    out = capsys.readouterr().out
    assert "4 of 4 finished" in out and "errors        0" in out


def test_percentile_is_the_nearest_rank():
    values = [float(v) for v in range(1, 21)]
    assert load.percentile(values, 50) == 10
    assert load.percentile(values, 95) == 19
    assert load.percentile(values, 100) == 20
    assert load.percentile([3.0], 95) == 3
    assert load.percentile(values, 1) == 1


def test_the_query_string_holds_a_bound_widget_unless_it_shows_its_default():
    districts = "districts=B%E1%BA%AFc+S%C6%A1n&districts=L%E1%BB%99c+B%C3%ACnh"
    query = load.bound_query("", "year", "2021", "2025")
    assert query == "year=2021"
    query = load.bound_query(query, "districts", ["Bắc Sơn", "Lộc Bình"], [])
    assert query == f"year=2021&{districts}"
    assert load.bound_query(query, "year", "2025", "2025") == districts
    assert load.bound_query(query, "districts", [], []) == "year=2021"
