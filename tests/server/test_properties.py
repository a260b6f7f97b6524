"""Property tests: rendering never crashes, and every placeholder is filled or reported."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shipguard.app import create_app
from shipguard.buyer_messages.message_dates import ISO_DAY, is_iso_day
from shipguard.buyer_messages.render import (
    JS_WHITESPACE,
    PLACEHOLDER,
    date_placeholders,
    field_value,
    render_message,
    resolve_segments,
)

NAMES = ("order_id", "ship_by", "new_ship_date", "buyer_name", "x")
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

placeholders = st.sampled_from(NAMES).map(lambda name: "{" + name + "}")
# Text that looks like templates: words, emoji, stray braces, brackets and segments.
pieces = st.one_of(
    st.text(max_size=12),
    placeholders,
    st.sampled_from(["{", "}", "[[", "]]", "{Order}", "{1x}", "😀", " ", "\n"]),
    st.lists(st.one_of(st.text(max_size=5), placeholders), max_size=3).map(
        lambda parts: "[[" + "".join(parts) + "]]"
    ),
)
template_texts = st.lists(pieces, max_size=12).map("".join)
values = st.one_of(
    st.just(""),
    st.just("  "),
    st.text(max_size=20),
    st.sampled_from(["{order_id}", "[[x]]", "😀 1"]),
)
field_maps = st.dictionaries(st.sampled_from(NAMES), values, max_size=len(NAMES))


def template_of(subject, body):
    return {"locales": {"en-US": {"subject": subject, "body": body}}}


def utf16_slice(text, start, end):
    return text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le")


def has_value(fields, name):
    # Blank as rendering (and JavaScript's trim) sees it: str.strip() also removes \x1c-\x1f.
    return bool(str(fields.get(name) or "").strip(JS_WHITESPACE))


@PROPERTY_SETTINGS
@given(subject=template_texts, body=template_texts, fields=field_maps)
def test_render_never_crashes_and_reports_every_unfilled_placeholder(subject, body, fields):
    result = render_message(template_of(subject, body), "en-US", fields)
    assert set(result) == {"subject", "body", "findings"}
    used = [match.group(1) for match in PLACEHOLDER.finditer(resolve_segments(body, fields))]
    missing = [name for name in used if not has_value(fields, name)]
    assert [finding["message"] for finding in result["findings"]] == [
        f"Placeholder {{{name}}} has no value." for name in missing
    ]
    previous_end = 0
    for finding, name in zip(result["findings"], missing):
        assert finding["rule"] == "unfilled-placeholder" and finding["severity"] == "error"
        assert previous_end <= finding["start"] < finding["end"]
        assert utf16_slice(result["body"], finding["start"], finding["end"]) == "{" + name + "}"
        previous_end = finding["end"]


@PROPERTY_SETTINGS
@given(body=template_texts, fields=field_maps)
def test_filled_placeholders_leave_no_trace(body, fields):
    # Pieces can join into a placeholder of their own ("{" + "a" + "}"): fill those too.
    named = {match.group(1) for match in PLACEHOLDER.finditer(body)} | set(NAMES)
    plain = {name: f"V{index}" for index, name in enumerate(sorted(named))}
    result = render_message(template_of("s", body), "en-US", {**fields, **plain})
    assert result["findings"] == []
    assert PLACEHOLDER.search(result["body"]) is None


APP = create_app({"DATA_DIR": None, "PROPAGATE_EXCEPTIONS": False})
TEMPLATES = [
    (t["id"], locale, sorted(t["placeholders"]), date_placeholders(t))
    for t in APP.extensions["shipguard"].data.templates
    for locale in t["locales"]
]
# A date field holds a day, or anything at all: text is used as written; only a day the
# calendar lacks (2019-02-30) is refused.
days = st.dates().map(lambda day: day.isoformat()) | st.sampled_from(
    ["2019-02-30", "2021-13-01", "2024-02-29"]
)


@PROPERTY_SETTINGS
@given(choice=st.sampled_from(TEMPLATES), data=st.data())
def test_render_endpoint_fills_or_reports_every_placeholder(choice, data):
    template_id, locale, names, dates = choice
    fields = data.draw(st.dictionaries(st.sampled_from(names + ["unused"]), values))
    fields.update(data.draw(st.dictionaries(st.sampled_from(dates or ["unused"]), days)))
    response = APP.test_client().post(
        "/api/v1/render", json={"template": template_id, "locale": locale, "fields": fields}
    )
    not_days = sorted(
        name
        for name in dates
        if ISO_DAY.fullmatch(field_value(fields, name) or "")
        and not is_iso_day(field_value(fields, name))
    )
    if not_days:
        assert response.status_code == 422
        assert sorted(response.get_json()["errors"]["fields"]) == not_days
        return
    assert response.status_code == 200
    result = response.get_json()
    # Lint findings come along too (lint also flags braces a value brought in); rendering's
    # own findings name the placeholder that has no value.
    unfilled = [
        finding for finding in result["findings"] if finding["message"].startswith("Placeholder {")
    ]
    for finding in unfilled:
        name = utf16_slice(result["body"], finding["start"], finding["end"])[1:-1]
        assert name in names and not has_value(fields, name)
    reported = {finding["message"] for finding in unfilled}
    for name in names:
        if not has_value(fields, name) and "{" + name + "}" in result["body"]:
            assert f"Placeholder {{{name}}} has no value." in reported
