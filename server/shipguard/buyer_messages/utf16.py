"""Offsets in UTF-16 code units, the unit JavaScript strings (and the extension) count in."""


def utf16_len(text):
    """How many UTF-16 code units `text` takes: characters above U+FFFF count twice."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def utf16_offsets(text):
    """A function mapping a character index of `text` to its UTF-16 offset.

    Python indexes by code point and JavaScript by UTF-16 unit; they differ only after an
    astral character (most emoji), so plain text takes the fast path.
    """
    if all(ord(char) <= 0xFFFF for char in text):
        return lambda index: index
    prefix = [0]
    for char in text:
        prefix.append(prefix[-1] + (2 if ord(char) > 0xFFFF else 1))
    return prefix.__getitem__


def char_index(text, unit):
    """The index of the character holding UTF-16 offset `unit` (past the end: len(text))."""
    if unit >= 2 * len(text):
        return len(text)  # no character takes more than two units
    total = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if total + width > unit:
            return index
        total += width
    return len(text)
