"""How ids, locales and codes in the data are written, as regular expressions.

Free of marshmallow, so a command that only checks its arguments (`shipguard lint`) does
not load the schemas to do it.
"""

KEBAB_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SNAKE_NAME = r"^[a-z][a-z0-9_]*$"
# BCP 47 with a region, as buyers' and pages' languages always have one: en-US, fr-CA.
LOCALE = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?-(?:[A-Z]{2}|[0-9]{3})$"
# UI titles may be keyed by language alone ("en") or by a full locale.
LANGUAGE_OR_LOCALE = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$"
MARKETPLACE_CODE = r"^[A-Z]{2}$"
