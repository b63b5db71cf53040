"""The spaCy pipeline the rule-based extractor runs on: spaCy's English tokenizer and sentence
splitter, and nothing that needs a trained model, so it works offline with no download.

Two changes to the tokenizer. A hyphen between letters does not split a word: news writes
``Seoul-based``, ``Kyung-hoon``, ``D-Wave`` and ``year-on-year`` as one word, and the rules read
them as one (a place followed by ``-based`` is where an organisation sits; a Korean given name is
one name). And a full stop after a name in mixed case ends the sentence: ``IonQ.`` is ``IonQ``
and ``.``, as ``KAIST.`` already is.

>>> [t.text for t in pipeline()("US-based IonQ met Bae Kyung-hoon.")]
['US-based', 'IonQ', 'met', 'Bae', 'Kyung-hoon', '.']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_HYPHEN_INFIX = "(?:-|–|—|--"  # the infix rule that splits "Seoul-based" into three tokens


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """spaCy's blank English pipeline with a sentence splitter; built once per process."""
    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer is a Cython class without type stubs
    infixes = [p for p in nlp.Defaults.infixes or [] if not (isinstance(p, str) and _HYPHEN_INFIX in p)]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = [*(nlp.Defaults.suffixes or []), r"(?<=[a-z][A-Z])\."]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    prefixes = [*(nlp.Defaults.prefixes or []), r"(?:US|HK|NZ|[SCA])\$(?=\d)"]  # "S$8 million"
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.add_pipe("sentencizer")
    return nlp
