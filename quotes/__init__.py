"""quotes: every quotation in English news text, and who said it."""

from quotes import _extension
from quotes.errors import RegistryError
from quotes.extract import Extractor, extract
from quotes.model import Cue, Mention, Quote, QuoteKind, Speaker, SpeakerKind
from quotes.pipeline import pipe

__all__ = [
    "Cue",
    "Extractor",
    "Mention",
    "Quote",
    "QuoteKind",
    "RegistryError",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "extract",
    "pipe",
]

__version__ = "0.1.0"

# doc._.quotes, available once quotes is imported (the one import-time effect spaCy users
# expect), registered when spaCy's Doc exists: importing quotes does not import spaCy.
_extension.install()
