"""Schema of lint.json: buyer message lint rules, language profiles and each rule's examples."""

from marshmallow import ValidationError, fields, validate, validates_schema

from shipguard.bundle.formats import LOCALE, MARKETPLACE_CODE
from shipguard.bundle.schemas.common import (
    FullMatch,
    PlainNumber,
    StrictSchema,
    kebab_id,
    not_blank,
    string_list,
    unique_by,
)
from shipguard.buyer_messages.lint import PATTERN_KEYS
from shipguard.buyer_messages.lint_regex import PatternError, compile_pattern

LANGUAGE = r"^[a-z]{2,3}$"
ANY_LANGUAGE = "*"
SEVERITIES = ("error", "warning")
# What each kind of check reads besides id, severity, message, kind, scope and examples; a
# parameter another kind would use is refused, so a misplaced one is not silently ignored.
KIND_PARAMETERS = {
    "pattern": {
        "required": ("patterns",),
        "optional": ("when_asked", "unless", "sentence_unless", "asks"),
    },
    "required-pattern": {"required": ("patterns",), "optional": ()},
    "max-length": {"required": ("max_chars",), "optional": ()},
    "only": {"required": ("core", "max_other_letters"), "optional": ()},
    "language": {"required": ("min_words", "ratio"), "optional": ()},
    "requires": {"required": ("when", "require"), "optional": ("unless",)},
    "shouting": {
        "required": ("min_letters", "max_capital_share", "max_exclamations"),
        "optional": (),
    },
}
PARAMETERS = (
    *PATTERN_KEYS,
    "max_chars",
    "max_other_letters",
    "min_words",
    "ratio",
    "min_letters",
    "max_capital_share",
    "max_exclamations",
)


def portable_pattern(value):
    """A pattern in the dialect both twins compile alike (see lintregex.py)."""
    try:
        compile_pattern(value)
    except PatternError as error:
        raise ValidationError(str(error)) from None


def _language_key(**kwargs):
    return fields.String(
        validate=FullMatch(
            r"^(?:[a-z]{2,3}|\*)$", error='Must be a language such as de, or "*" for any.'
        ),
        **kwargs,
    )


def patterns_by_language(description):
    """{language or "*": [pattern, ...]}: a language's patterns apply to text in that language."""
    return fields.Dict(
        keys=_language_key(),
        values=fields.List(
            fields.String(validate=[not_blank, portable_pattern]), validate=validate.Length(min=1)
        ),
        validate=validate.Length(min=1),
        metadata={"description": description},
    )


class Example(fields.Field):
    """A text, or {"repeat": text, "times": n} for a long one (the length rule's examples)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and value:
            return value
        if isinstance(value, dict) and set(value) == {"repeat", "times"}:
            repeat, times = value["repeat"], value["times"]
            if isinstance(repeat, str) and repeat and type(times) is int and 1 <= times <= 1000:
                return value
        raise ValidationError('Must be a text, or {"repeat": text, "times": 1 to 1000}.')


def example_text(example):
    """The text an example stands for."""
    return example if isinstance(example, str) else example["repeat"] * example["times"]


def examples_by_locale(description):
    return fields.Dict(
        keys=fields.String(
            validate=FullMatch(LOCALE, error="Must be a BCP 47 locale such as en-US.")
        ),
        values=fields.List(
            Example(metadata={"description": "An example message"}), validate=validate.Length(min=1)
        ),
        required=True,
        metadata={"description": description},
    )


class ExamplesSchema(StrictSchema):
    """Messages the rule must find something in, and messages it must leave alone."""

    flag = examples_by_locale("By locale: messages the rule must flag")
    ok = examples_by_locale("By locale: messages the rule must not flag")


class ScopeSchema(StrictSchema):
    """Where a rule applies: by marketplace when the caller gives one, else by locale."""

    marketplaces = string_list(
        "Marketplace codes the rule applies to",
        item=fields.String(
            validate=FullMatch(MARKETPLACE_CODE, error="Must be a marketplace code such as US.")
        ),
    )
    locales = string_list(
        "Locales the rule applies to when no marketplace is given",
        item=fields.String(
            validate=FullMatch(LOCALE, error="Must be a BCP 47 locale such as en-US.")
        ),
    )


class LintRuleSchema(StrictSchema):
    """One lint rule: what it looks for, how bad it is, and its examples."""

    id = kebab_id("Rule id, such as no-links; findings carry it")
    severity = fields.String(
        required=True,
        validate=validate.OneOf(SEVERITIES),
        metadata={"description": "error (must not be sent as is) or warning (the seller decides)"},
    )
    message = fields.String(
        required=True,
        validate=[not_blank, FullMatch(r"^[^\n\r]+$", error="Must be one line.")],
        metadata={"description": "One line telling the seller what is wrong"},
    )
    kind = fields.String(
        required=True,
        validate=validate.OneOf(tuple(KIND_PARAMETERS)),
        metadata={
            "description": "pattern (every match is a finding), required-pattern (a finding when "
            "nothing matches), max-length, only (nothing but core phrases and "
            "courtesy), language (another language's words dominate), requires "
            "(text matching `when` must also match `require`), shouting (sentences mostly in "
            "capitals, runs of exclamation marks)"
        },
    )
    scope = fields.Nested(
        ScopeSchema, metadata={"description": "Where the rule applies; everywhere if absent"}
    )
    patterns = patterns_by_language("Patterns by language (pattern, required-pattern)")
    when_asked = patterns_by_language(
        "What would be asked of the buyer (cancel from Your Orders, a review): a match is a "
        "finding only in a sentence that also holds one of the rule's `asks` forms (pattern)"
    )
    core = patterns_by_language("Phrases a message must consist of to be flagged (only)")
    when = patterns_by_language("Phrases that make the rule apply (requires)")
    unless = patterns_by_language(
        "Phrases that exempt a message (requires), or the matches they overlap (pattern)"
    )
    require = patterns_by_language("Phrases one of which must then be present (requires)")
    sentence_unless = patterns_by_language(
        "Phrases that show a sentence speaks of someone else's review, a name or the buyer's "
        "own right: the matches in it are exempt unless the sentence also `asks` (pattern)"
    )
    asks = patterns_by_language(
        "Asking forms aimed at the buyer: a sentence holding one keeps its matches whatever "
        "`sentence_unless` finds in it, and makes its `when_asked` matches findings (pattern)"
    )
    max_chars = fields.Integer(
        strict=True,
        validate=validate.Range(min=1),
        metadata={"description": "Longest allowed message in UTF-16 code units (max-length)"},
    )
    max_other_letters = fields.Dict(
        keys=_language_key(),
        values=fields.Integer(strict=True, validate=validate.Range(min=0)),
        metadata={
            "description": 'By language and "*": how many letters besides core phrases and '
            "courtesy a flagged message may have (only)"
        },
    )
    min_words = fields.Integer(
        strict=True,
        validate=validate.Range(min=1),
        metadata={
            "description": "Stop words of another language needed before it counts (language)"
        },
    )
    ratio = PlainNumber(
        validate=validate.Range(min=1),
        metadata={
            "description": "How many times the expected language's stop words the other's must "
            "reach (language)"
        },
    )
    min_letters = fields.Integer(
        strict=True,
        validate=validate.Range(min=1),
        metadata={"description": "Cased letters a sentence needs before capitals count (shouting)"},
    )
    max_capital_share = PlainNumber(
        validate=validate.Range(min=0, max=1),
        metadata={
            "description": "Share of a sentence's cased letters that may be capitals (shouting)"
        },
    )
    max_exclamations = fields.Integer(
        strict=True,
        validate=validate.Range(min=1),
        metadata={"description": "Longest allowed run of exclamation marks (shouting)"},
    )
    examples = fields.Nested(
        ExamplesSchema, required=True, metadata={"description": "The rule's test cases"}
    )

    @validates_schema
    def parameters_fit_the_kind(self, data, **kwargs):
        wanted = KIND_PARAMETERS.get(data.get("kind"))
        if wanted is None:
            return
        errors = {
            name: ["Missing: the kind needs it."] for name in wanted["required"] if name not in data
        }
        allowed = {*wanted["required"], *wanted["optional"]}
        errors.update(
            {
                name: [f"Not used by kind {data['kind']!r}."]
                for name in PARAMETERS
                if name in data and name not in allowed
            }
        )
        if "asks" in data and "sentence_unless" not in data and "when_asked" not in data:
            errors["asks"] = ["Only read with sentence_unless or when_asked."]
        if "when_asked" in data and "asks" not in data:
            errors["when_asked"] = ["Needs asks: its matches count only where the buyer is asked."]
        if "max_other_letters" in data and ANY_LANGUAGE not in data["max_other_letters"]:
            errors["max_other_letters"] = ['Must have a "*" entry for languages without their own.']
        if errors:
            raise ValidationError(errors)


class LanguageProfileSchema(StrictSchema):
    """How lint recognises a language and reads a message in it."""

    stop_words = string_list("Frequent words that tell the language apart from the others")
    word_boundary = fields.Boolean(
        load_default=True,
        metadata={"description": "Whether stop words match whole words only (false for Japanese)"},
    )
    courtesy = fields.List(
        fields.String(validate=[not_blank, portable_pattern]),
        load_default=list,
        metadata={"description": "Greetings and sign-offs, which say nothing by themselves"},
    )
    reasons = fields.List(
        fields.String(validate=[not_blank, portable_pattern]),
        load_default=list,
        metadata={
            "description": "Phrases showing a message has a purpose (a delay, a question, ...)"
        },
    )


class LintFileSchema(StrictSchema):
    """lint.json."""

    languages = fields.Dict(
        keys=fields.String(
            validate=FullMatch(LANGUAGE, error="Must be a language subtag such as de.")
        ),
        values=fields.Nested(LanguageProfileSchema),
        required=True,
        metadata={"description": "Language profiles by language subtag"},
    )
    rules = fields.List(
        fields.Nested(LintRuleSchema),
        required=True,
        validate=[validate.Length(min=1), unique_by("id")],
        metadata={"description": "Lint rules in the order their findings are listed"},
    )

    @validates_schema
    def languages_exist(self, data, **kwargs):
        """A pattern keyed by a language without a profile would never be used."""
        if "languages" not in data:
            return  # a team's partial file: checked once merged with the defaults
        errors = unknown_language_errors(data.get("rules", []), data["languages"])
        if errors:
            raise ValidationError({"rules": errors})


def unknown_language_errors(rules, languages):
    """{rule index: {field: [reason]}} for patterns keyed by a language that has no profile."""
    known = {*languages, ANY_LANGUAGE}
    errors = {}
    for index, rule in enumerate(rules):
        for key in (*PATTERN_KEYS, "max_other_letters"):
            unknown = sorted(set(rule.get(key, {})) - known)
            if unknown:
                errors.setdefault(index, {})[key] = [
                    f"No language profile for {', '.join(unknown)}."
                ]
    return errors


class LintSchema(LintFileSchema):
    """The lint data in the bundle: lint.json without the rules' examples (they check the
    rules here, on the server), plus each marketplace's buyer locales."""

    rules = fields.List(
        fields.Nested(LintRuleSchema(exclude=("examples",))),
        required=True,
        validate=[validate.Length(min=1), unique_by("id")],
        metadata={"description": "Lint rules in the order their findings are listed"},
    )
    message_locales = fields.Dict(
        keys=fields.String(validate=FullMatch(MARKETPLACE_CODE)),
        values=fields.List(fields.String()),
        required=True,
        metadata={"description": "Buyer locales by marketplace code (from marketplaces.json)"},
    )


def scope_reference_problems(lint_file, marketplace_codes):
    """Field errors of rules scoped to marketplaces that do not exist, as {field: ...}."""
    errors = {}
    for index, rule in enumerate(lint_file["rules"]):
        missing = [
            code
            for code in rule.get("scope", {}).get("marketplaces", [])
            if code not in marketplace_codes
        ]
        if missing:
            errors[f"rules.{index}.scope.marketplaces"] = [
                f"No marketplace with code {', '.join(map(repr, missing))}."
            ]
    return errors
