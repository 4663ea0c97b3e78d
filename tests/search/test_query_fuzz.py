"""Whatever a user types, the answer is results or a QuerySyntaxError, on every engine."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from expediente.errors import QuerySyntaxError

PIECES = st.sampled_from(['"', "(", ")", "-", "*", ":", "OR", "NOT", "AND", "amount:", "bid:", "date:", "vendor:",
                          ">=", "..", "$", "1,023,123", "EA-IT20-2020", "magavel", "ñ", "á", "\\", "/", "^", "~",
                          "{", "}", "[", "]", "!", "&&", "||", "+", "?", "'", " ", "  "])
QUERIES = st.one_of(st.text(max_size=60), st.lists(PIECES, max_size=12).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_any_input_gives_results_or_a_clear_error(sample_archive, query):
    try:
        results = sample_archive.search(query, limit=5)
    except QuerySyntaxError as exc:
        assert exc.message and exc.http_status == 400
    else:
        assert results.total >= len(results.hits)
