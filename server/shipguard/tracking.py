"""Tracking id checks for confirm shipment: the Python twin of extension/core/tracking.js."""

import re
import unicodedata
from functools import lru_cache

# The carrier list's value for a carrier typed by hand; the page adapter maps localised labels to it.
OTHER = "Other"

# Spaces and dashes sellers type or paste between groups of a tracking id (after NFKC, which
# already turns full-width digits, letters and spaces into ASCII). Spelled out rather than \s
# because Python's and JavaScript's \s differ at the edges.
SEPARATORS = re.compile(
    "[\t-\r \x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
    "\\-\u2010-\u2015\u2212\u30fc]"
)
ASCII_NON_ALNUM = re.compile("[\x00-\x2f\x3a-\x60\x7b-\x7f]+")
S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)

# How well an id fits one format (or a carrier's best format); higher is better.
NO_MATCH, CHECK_FAILED, FORMAT_ONLY, CHECKED = 0, 1, 2, 3


def normalise_tracking_id(text):
    """The id as carriers print it: NFKC, no spaces or dashes, upper-case."""
    return SEPARATORS.sub("", unicodedata.normalize("NFKC", text or "")).upper()


def name_key(text):
    """A carrier name reduced for comparison: NFKC, lower-case, ASCII punctuation as one space."""
    return ASCII_NON_ALNUM.sub(" ", unicodedata.normalize("NFKC", text or "").lower()).strip()


def _digits(text):
    if not text or any(c not in "0123456789" for c in text):
        raise ValueError(f"not digits: {text!r}")
    return [ord(c) - 48 for c in text]


def _weighted_from_right(text, weights):
    return sum(d * weights[i % len(weights)] for i, d in enumerate(reversed(_digits(text))))


def _ten_complement(total):
    return (10 - total % 10) % 10


def _ups(text):
    # UPS maps letters to digits by (ASCII - 63) mod 10 (A=2 ... Z=1), then weights 1, 2 from the left.
    if not text or any(not ("0" <= c <= "9" or "A" <= c <= "Z") for c in text):
        raise ValueError(f"not letters or digits: {text!r}")
    values = [ord(c) - 48 if c <= "9" else (ord(c) - 63) % 10 for c in text]
    return _ten_complement(sum(v * (2 if i % 2 else 1) for i, v in enumerate(values)))


def _mod7(text):
    remainder = 0
    for digit in _digits(text):
        remainder = (remainder * 10 + digit) % 7
    return remainder


def _s10(text):
    digits = _digits(text)
    if len(digits) != len(S10_WEIGHTS):
        raise ValueError("S10 checks exactly 8 digits")
    check = 11 - sum(d * w for d, w in zip(digits, S10_WEIGHTS)) % 11
    return {10: 0, 11: 5}.get(check, check)


# Each returns the check digit the payload should carry.
CHECK_DIGITS = {
    "mod10-31": lambda p: _ten_complement(_weighted_from_right(p, (3, 1))),
    "mod10-31-plus1": lambda p: _ten_complement(_weighted_from_right(p, (3, 1)) + 1),
    "mod10-49": lambda p: _ten_complement(_weighted_from_right(p, (4, 9))),
    "mod10-ups": _ups,
    "mod11-137": lambda p: _weighted_from_right(p, (1, 3, 7)) % 11 % 10,
    "mod7": _mod7,
    "s10": _s10,
}


@lru_cache(maxsize=512)
def _pattern(regex):
    return re.compile(regex)


def format_score(fmt, tracking_id):
    """How a normalised id fits one format: NO_MATCH, CHECK_FAILED, FORMAT_ONLY or CHECKED."""
    match = _pattern(fmt["regex"]).fullmatch(tracking_id)
    if match is None:
        return NO_MATCH
    if fmt["check"] == "none":
        return FORMAT_ONLY
    payload, check = match.group(1), match.group(2)
    try:
        expected = CHECK_DIGITS[fmt["check"]](fmt.get("check_prefix", "") + payload)
    except (KeyError, TypeError, ValueError):  # an unknown check or an optional group left empty
        return CHECK_FAILED
    return CHECKED if str(expected) == check else CHECK_FAILED


def carrier_score(carrier, tracking_id):
    """(best score, the format that gave it) for a carrier; the first format wins a tie."""
    best = (NO_MATCH, None)
    for fmt in carrier["formats"]:
        score = format_score(fmt, tracking_id)
        if score > best[0]:
            best = (score, fmt)
    return best


def find_carrier(carrier_name, carriers):
    """The carrier answering to a name from Amazon's carrier list, or None.

    Official names win over aliases, so "Hermes" is Hermes even though Evri was once called so;
    pass the marketplace's carriers first to prefer them.
    """
    key = name_key(carrier_name)
    if not key:
        return None
    for names_of in (lambda c: [c["name"], *c["amazon_names"]], lambda c: c.get("aliases", [])):
        for carrier in carriers:
            if any(name_key(name) == key for name in names_of(carrier)):
                return carrier
    return None


def _names(carrier):
    return [carrier["name"], *carrier["amazon_names"], *carrier.get("aliases", [])]


def carriers_named_in(text, carriers):
    """Carriers whose name appears in free text: whole words for Latin names, anywhere for others."""
    typed = name_key(text)
    if not typed:
        return []
    found = []
    for carrier in carriers:
        for name in map(name_key, _names(carrier)):
            if name and (name in typed if not name.isascii() else f" {name} " in f" {typed} "):
                found.append(carrier)
                break
    return found


def _finding(rule, message):
    return {"rule": rule, "severity": "warning", "message": message}


def _suggest(carriers):
    return " or ".join(f"\u201c{carrier['amazon_names'][0]}\u201d" for carrier in carriers)


def _best_rivals(tracking_id, carriers, at_least):
    """The carriers fitting the id best, if at least `at_least`, with the format each fits."""
    scored = [(carrier, *carrier_score(carrier, tracking_id)) for carrier in carriers]
    top = max((score for _, score, _ in scored), default=NO_MATCH)
    if top < at_least:
        return []
    return [(carrier, fmt) for carrier, score, fmt in scored if score == top]


def _rivals(tracking_id, chosen, score, pool):
    """Other carriers of the marketplace that fit the id better than the chosen one."""
    others = [c for c in pool if c["id"] != chosen["id"]]
    if score == NO_MATCH:
        return _best_rivals(tracking_id, others, FORMAT_ONLY)
    if score == CHECK_FAILED:
        # A mistyped digit is likelier than a wrong carrier, unless the id fits another
        # carrier's distinctive format with a check digit that adds up.
        return [(c, f) for c, f in _best_rivals(tracking_id, others, CHECKED) if f["distinctive"]]
    return []


def _chosen_findings(tracking_id, chosen, pool):
    score, fmt = carrier_score(chosen, tracking_id)
    findings = []
    if score == NO_MATCH:
        findings.append(
            _finding(
                "tracking-format",
                f"This does not look like a {chosen['name']} tracking id: none of its known formats fits. "
                "Check for a missing, extra or mistyped character.",
            )
        )
    elif score == CHECK_FAILED:
        findings.append(
            _finding(
                "tracking-check-digit",
                f"The check digit of this {chosen['name']} tracking id does not add up ({fmt['description']}). "
                "A character is probably mistyped, or two are swapped.",
            )
        )
    rivals = _rivals(tracking_id, chosen, score, pool)
    if rivals:
        names = " or ".join(carrier["name"] for carrier, _ in rivals)
        findings.append(
            _finding(
                "tracking-carrier-mismatch",
                f"This tracking id fits {names} better than {chosen['name']} ({rivals[0][1]['description']}). "
                f"If {names} carries this parcel, choose {_suggest([carrier for carrier, _ in rivals])} "
                "in the carrier list.",
            )
        )
    return findings


def _other_findings(tracking_id, other_carrier_name, pool):
    named = carriers_named_in(other_carrier_name, pool)
    if named:
        names = " or ".join(carrier["name"] for carrier in named)
        return [
            _finding(
                "tracking-other-carrier",
                f"Amazon integrates {names} in this marketplace: tracking confirmed under \u201cOther\u201d "
                f"counts as invalid for your Valid Tracking Rate. Choose {_suggest(named)} in the carrier list.",
            )
        ]
    # Only formats that hardly occur elsewhere: a carrier typed under Other may be one we do not know.
    looks_like = [
        carrier
        for carrier in pool
        if any(
            fmt["distinctive"] and format_score(fmt, tracking_id) >= FORMAT_ONLY
            for fmt in carrier["formats"]
        )
    ]
    if not looks_like:
        return []
    names = " or ".join(carrier["name"] for carrier in looks_like)
    return [
        _finding(
            "tracking-other-carrier",
            f"This tracking id looks like one from {names}, which Amazon integrates in this marketplace: "
            f"confirmed under \u201cOther\u201d it counts as invalid for your Valid Tracking Rate. If {names} "
            f"carries this parcel, choose {_suggest(looks_like)} in the carrier list.",
        )
    ]


def check_tracking(tracking_id, carrier_name, marketplace, carriers, other_carrier_name=None):
    """Check a tracking id against the carrier chosen on the confirm-shipment page.

    `carrier_name` is the carrier list's choice (OTHER for a carrier typed by hand, whose
    text is `other_carrier_name`); `marketplace` a marketplace code, or None for any;
    `carriers` the bundle's carriers. Returns {ok, findings: [{rule, severity, message}]};
    every finding is a warning, as the seller decides. An empty id or a carrier we do not
    know gets no findings.
    """
    tracking_id = normalise_tracking_id(tracking_id)
    findings = []
    if tracking_id:
        pool = [c for c in carriers if marketplace is None or marketplace in c["marketplaces"]]
        if name_key(carrier_name) == name_key(OTHER):
            findings = _other_findings(tracking_id, other_carrier_name, pool)
        else:
            pool_ids = {c["id"] for c in pool}
            chosen = find_carrier(
                carrier_name, pool + [c for c in carriers if c["id"] not in pool_ids]
            )
            findings = _chosen_findings(tracking_id, chosen, pool) if chosen else []
    return {"ok": not findings, "findings": findings}
