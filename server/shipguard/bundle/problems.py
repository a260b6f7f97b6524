"""Data file problems (file, field path, reason), collected and raised as one DataError."""

from dataclasses import dataclass

# marshmallow reports errors of a Dict field's keys and values under these two names.
_DICT_PARTS = {"key", "value"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one data file; `where` is a field path or a line/column."""

    file: str
    where: str
    reason: str

    def __str__(self):
        if self.where:
            return f"{self.file}: {self.where}: {self.reason}"
        return f"{self.file}: {self.reason}"


class DataError(Exception):
    """The data files are not usable; the message has one line per problem."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def flatten_messages(messages, path=()):
    """Turn marshmallow's nested error messages into (dotted field path, reason) pairs.

    `{"remedies": {0: {"statuses": {1: ["Must be one of..."]}}}}` becomes
    `("remedies.0.statuses.1", "Must be one of...")`, which is what a person fixing the
    file needs to find the spot.
    """
    if isinstance(messages, dict):
        if messages and set(messages) <= _DICT_PARTS:
            yield from _flatten_dict_entry(messages, path)
            return
        for key, value in messages.items():
            yield from flatten_messages(value, path if key == "_schema" else (*path, str(key)))
    elif isinstance(messages, list) and all(isinstance(item, str) for item in messages):
        for reason in messages:
            yield ".".join(path), reason
    elif isinstance(messages, list):
        for index, item in enumerate(messages):
            yield from flatten_messages(item, (*path, str(index)))
    else:
        yield ".".join(path), str(messages)


def _flatten_dict_entry(messages, path):
    """A Dict entry's errors: a bad key is said to be the key, a bad value is the entry."""
    for _, reason in flatten_messages(messages.get("key", []), ()):
        yield ".".join(path), f"key: {reason}"
    yield from flatten_messages(messages.get("value", []), path)


def problems_from_messages(file, messages):
    """Problems for one file from a marshmallow ValidationError's messages."""
    return [Problem(str(file), where, reason) for where, reason in flatten_messages(messages)]
