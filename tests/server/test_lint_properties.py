"""Property tests: lint never crashes on any text, and its findings' spans always fit the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shipguard.app import create_app
from shipguard.buyer_messages.lint import lint_message

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
LOCALES = st.one_of(
    st.none(), st.sampled_from(["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "ja-JP"])
)
MARKETPLACES = st.one_of(st.none(), st.sampled_from(["US", "DE", "JP", "ZZ"]))
# Words lint rules look for, so generated texts do set rules off, mixed with anything at all.
TRIGGERS = [
    "review",
    "feedback",
    "5 stars",
    "refund",
    "http://x.example",
    "www.x.example",
    "@",
    "Bewertung",
    "{order_id}",
    "[[",
    "😀",
    "\n\n",
    "!!!",
    "Amazon",
    "cancel",
    "coupon",
    "discount",
    "   ",
]
texts = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(TRIGGERS)), max_size=25).map(
    " ".join
)


def assert_findings_fit(findings, text):
    length = len(text.encode("utf-16-le")) // 2
    for finding in findings:
        assert set(finding) == {"rule", "severity", "message", "start", "end"}
        assert (
            finding["severity"] in ("error", "warning") and finding["rule"] and finding["message"]
        )
        assert 0 <= finding["start"] <= finding["end"] <= length


@PROPERTY_SETTINGS
@given(text=texts, locale=LOCALES, marketplace=MARKETPLACES)
def test_lint_never_crashes_and_spans_fit(text, locale, marketplace):
    assert_findings_fit(lint_message(text, locale=locale, marketplace=marketplace), text)


APP = create_app({"DATA_DIR": None, "PROPAGATE_EXCEPTIONS": False})


@PROPERTY_SETTINGS
@given(text=texts, locale=LOCALES)
def test_lint_endpoint_answers_ok_and_findings(text, locale):
    body = {"text": text, **({"locale": locale} if locale else {})}
    response = APP.test_client().post("/api/v1/lint", json=body)
    assert response.status_code == 200
    result = response.get_json()
    assert_findings_fit(result["findings"], text)
    assert result["ok"] == (
        not any(finding["severity"] == "error" for finding in result["findings"])
    )
