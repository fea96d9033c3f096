"""Which language a document is written in, so that only English text meets the English rules.

The guess comes from py3langid (a naive Bayes classifier over byte n-grams, its model shipped in
the package, so nothing is downloaded). A text is called non-English only when the classifier is
sure of it: short texts, lists of names and numbers give low probabilities, and those are read
as English, as before. :class:`LanguageGuesser` holds the model, loaded on first use; the
knowledge carries one (``Knowledge.language``).
"""

from __future__ import annotations

from dataclasses import dataclass

# The first characters of a document decide its language (a page's text is in one language).
SAMPLE_CHARS = 3000
# How sure the classifier must be before a document is called non-English, and how many letters
# it needs to see: below either, a document is coded as English.
MIN_PROBABILITY = 0.9
MIN_LETTERS = 40
ENGLISH = "en"


@dataclass(frozen=True, slots=True)
class Guess:
    language: str | None  # ISO 639-1 code, or None when the text is too short to tell
    probability: float

    @property
    def english(self) -> bool:
        """Whether the English rules may read the text: it is English, or not surely anything
        else."""
        return self.language in (None, ENGLISH) or self.probability < MIN_PROBABILITY


class LanguageGuesser:
    """py3langid's classifier over the 97 languages of its model, loaded on first use."""

    def __init__(self) -> None:
        self._model = None

    def guess(self, text: str) -> Guess:
        sample = text[:SAMPLE_CHARS]
        if sum(c.isalpha() for c in sample) < MIN_LETTERS:
            return Guess(None, 0.0)
        if self._model is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            self._model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        language, probability = self._model.classify(sample)
        return Guess(str(language), round(float(probability), 3))
