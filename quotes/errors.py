"""Every error and warning message of the library, numbered, in one place.

Numbers are stable: users search for them, so a message may be reworded but
its number never reused.
"""

from __future__ import annotations

__all__ = ["AnnotationError", "Errors", "RegistryError"]


class Errors:
    """Message templates, formatted with ``str.format`` at the raise site."""

    E001 = "quotes.extract() takes a str, not {type}. {hint}"
    E002 = "Quote offsets must satisfy 0 <= start <= end, got start={start}, end={end}."
    E003 = "Unknown quote kind {value!r}; expected one of {choices}."
    E004 = "Unknown speaker kind {value!r}; expected one of {choices}."
    E005 = "Confidence must lie between 0 and 1, got {value}."
    E006 = "Cannot read {field!r} from a quote dictionary: {reason}."
    E007 = "{owner}.{field} must be {expected}, got {value!r}."
    E008 = "A quote dictionary must be a mapping, got {type}."
    E009 = "registry must be a Registry or the path of a TOML registry file, got {type}."
    E010 = "{file}: entry {entry!r}: field {field!r}: {reason}"
    E011 = "{file}: not a valid TOML file: {reason}"
    E012 = "{file}: cannot read the file: {reason}"
    E013 = "{file}: unknown top-level key {key!r}{hint}; a registry file holds only [[entry]] tables."
    E014 = "{file}: [{table}] must map {keys} to numbers"
    E015 = "Unknown speakers {value!r}; expected one of {choices}."
    E016 = "published must be an ISO date such as '2019-10-29', got {value!r}."
    E017 = "published must be a datetime.date, a datetime.datetime, an ISO date string or None, not {type}."
    E018 = "Unknown date source {value!r}; expected one of {choices}."
    E020 = "Unknown output format {value!r}; expected one of {choices}."
    E030 = "Cannot render {part} {found!r} at {start}..{end}: the text there is {actual!r}."
    E040 = "{name} must be a positive number (n_process may also be -1, one per CPU), got {value!r}."
    E050 = "{where}: not UTF-8 (byte 0x{byte:02x})"
    E051 = "{where}: not JSON ({reason})"
    E052 = "{where}: not a JSON object but {found}"
    E053 = "{where}: field {field!r}: {reason}"
    E054 = "{path}: {reason}"
    E055 = "{error} (left out of the scores with its {count} gold quotations)"
    E056 = "refused: an absolute path; a gold document is named relative to the document folder"
    E057 = "refused: the path leads out of the document folder {folder}"
    E058 = "refused: not a regular file but a {kind}"
    E059 = "refused: not a file name this system can open ({reason})"
    E060 = "not UTF-8 (byte 0x{byte:02x} at byte offset {offset})"
    E061 = (
        "extract_frame: column {column!r} holds a {type}, not a str, in document {id!r}; only text or a"
        " missing value (None, NaN, pd.NA) can stand for a document"
    )
    E062 = "{caller}: column {column!r} of the quotations of document {id!r} cannot be {dtype}: {error}"
    E063 = "extract_frame: while finding the quotations of document {id!r} of column {column!r}"
    E064 = "{caller}: the id column {id!r} would clash with the quotation field of that name; rename it first"
    E065 = "to_frame: item {position} is a {type}, not an (id, quotations) pair"
    E066 = "{caller}: document {id!r} holds a {type}, not a quotes.Quote"
    E067 = (
        "The {name!r} component reads English news, but this pipeline's language is {lang!r}: "
        "add it to an English pipeline (spacy.blank('en') or an English trained one)."
    )
    E041 = "pipe() takes an iterable of texts, not a single {type}: wrap it in a list."
    E042 = "{name} must be an int, not {type}."
    E043 = "With as_tuples=True, each item must be a (text, context) tuple; item {position} is a {type}."


class RegistryError(ValueError):
    """A registry or lexicon data file is malformed.

    The message names the file, the entry and the field at fault.
    """


class AnnotationError(ValueError):
    """An annotation tool's file that cannot be read back as gold; the message names where and why."""
