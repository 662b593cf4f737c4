"""quotes: every quotation in English news text, and who said it."""

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
