#!/usr/bin/env python3
"""Builds the same leaflet with Typst, to compare with leafpress side by side.

Converts a leafpress content file (paragraphs, headings, lists, quotes, callouts,
FAQs, contact details, images) to Typst markup in the same look (A5, 15 mm margins,
12 pt Atkinson Hyperlegible on 17 pt lines, teal headings, boxed callouts), then
compiles it with Typst's Python binding (`pip install typst`; the same compiler as
`typst compile`) with only the repository's fonts, N times, each in a new process
(Typst memoises layout within a process: a second compile there is incremental),
timing the compile alone (not Python's start), and prints the median time and the
peak memory of a compiling process (and of Python with typst imported, for scale).

Usage: benches/typst-compare.py LEAFLET.yaml [RUNS]   (writes LEAFLET.typ and .pdf in a temp dir)
       benches/typst-compare.py --write-typ LEAFLET.yaml OUT.typ   (the Typst file only)
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def inline(text):
    """leafpress inline markup (Markdown-like) to Typst."""
    t = str(text)
    t = t.replace("\\", "\\\\")
    for c in "#$@<>_`~=":
        t = t.replace(c, "\\" + c)
    t = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", lambda m: f'#link("{m.group(2)}")[{m.group(1)}]', t)
    t = re.sub(r"\*\*(.+?)\*\*", r"<<B>>\1<</B>>", t)
    t = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r"<<I>>\1<</I>>", t)
    t = t.replace("*", "\\*")
    return t.replace("<<B>>", "*").replace("<</B>>", "*").replace("<<I>>", "_").replace("<</I>>", "_")


def convert(doc):
    out = [
        '#set page(paper: "a5", margin: 15mm, footer: context [#set text(size: 10pt, fill: luma(90))',
        f"  {inline(doc.get('footer', ''))} #h(1fr) #counter(page).display(\"1 / 1\", both: true)])",
        '#set text(font: "Atkinson Hyperlegible", size: 12pt, lang: "en", region: "gb")',
        "#set par(leading: 5pt, spacing: 9pt)",
        '#show heading: set text(fill: rgb("#1d5e5a"), size: 15pt)',
        "#show heading: set block(above: 16pt, below: 8pt)",
        '#set document(title: "' + str(doc["title"]).replace('"', "") + '")',
        f'#text(size: 24pt, weight: "bold", fill: rgb("#1d5e5a"))[{inline(doc["title"])}]',
        "",
    ]
    if doc.get("subtitle"):
        out.append(f"#text(size: 14pt)[{inline(doc['subtitle'])}]\n")
    out.append('#line(length: 100%, stroke: 1.5pt + rgb("#1d5e5a"))\n')
    for block in doc["blocks"]:
        if isinstance(block, str):
            continue
        kind, v = next(iter(block.items()))
        if kind == "heading":
            out.append(f"= {inline(v)}\n")
        elif kind == "subheading":
            out.append(f"== {inline(v)}\n")
        elif kind == "paragraph":
            out.append(inline(v) + "\n")
        elif kind in ("bullets", "numbered"):
            mark = "-" if kind == "bullets" else "+"
            out.extend(f"{mark} {inline(i)}" for i in v)
            out.append("")
        elif kind == "quote":
            by = f"\n\n— {inline(v['by'])}" if v.get("by") else ""
            out.append(
                '#block(fill: rgb("#eef5f4"), inset: 10pt, stroke: (left: 3pt + rgb("#1d5e5a")), width: 100%)['
                + inline(v["text"]) + by + "]\n"
            )
        elif kind == "callout":
            title = f"*{inline(v['title'])}*\n\n" if v.get("title") else ""
            out.append(
                '#block(stroke: 1.5pt + rgb("#1d5e5a"), radius: 4pt, inset: 10pt, width: 100%)['
                + title + inline(v["text"]) + "]\n"
            )
        elif kind == "faq":
            for e in v:
                out.append(f"*{inline(e['q'])}*\n\n{inline(e['a'])}\n")
        elif kind == "contact":
            v = v or {}
            lines = [f"*{inline(v['name'])}*"] if v.get("name") else []
            for key, label in (("phone", "Phone"), ("email", "Email"), ("web", "Web"), ("address", "Address")):
                if v.get(key):
                    lines.append(f"*{label}:* {inline(v[key])}")
            out.append('#block(fill: rgb("#eef5f4"), inset: 10pt, width: 100%)[' + " \\\n".join(lines) + "]\n")
        elif kind == "image":
            width = v.get("width", "100%")
            caption = f", caption: [{inline(v['caption'])}]" if v.get("caption") else ""
            out.append(f'#figure(image("{v["src"]}", width: {width}, alt: "{v.get("alt", "")}"){caption})\n')
    return "\n".join(out)


def main():
    if sys.argv[1] == "--write-typ":
        # benches/vs-typst.sh: only the Typst file, for Typst's own command line.
        source, typ = sys.argv[2], sys.argv[3]
        with open(source, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        with open(typ, "w", encoding="utf-8") as f:
            f.write(convert(doc))
        return
    source = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with open(source, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    work = tempfile.mkdtemp()
    base = os.path.dirname(os.path.abspath(source))
    for block in doc["blocks"]:
        if isinstance(block, dict) and "image" in block:
            src = block["image"]["src"]
            os.makedirs(os.path.join(work, os.path.dirname(src)), exist_ok=True)
            shutil.copy(os.path.join(base, src), os.path.join(work, src))
    typ = os.path.join(work, "leaflet.typ")
    with open(typ, "w", encoding="utf-8") as f:
        f.write(convert(doc))
    fonts = [os.path.join(REPO, "fonts")]
    child = (
        "import resource, sys, time, typst\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = time.perf_counter()\n"
        f"pdf = typst.compile({typ!r}, font_paths={fonts!r}, ignore_system_fonts=True)\n"
        "ms = (time.perf_counter() - t) * 1000\n"
        f"open({os.path.join(work, 'leaflet.pdf')!r}, 'wb').write(pdf)\n"
        "print(ms, base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(pdf))\n"
    )
    times, peaks = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
        ms, base, peak, size = out.stdout.split()
        times.append(float(ms))
        peaks.append((int(base), int(peak)))
    base, peak = max(peaks, key=lambda p: p[1])
    print(
        f"typst (Python binding): median {statistics.median(times):.1f} ms, fastest {min(times):.1f} ms "
        f"over {runs} cold runs; peak {peak / 1024:.1f} MiB (Python with typst imported: "
        f"{base / 1024:.1f} MiB); {int(size):,} bytes; {work}/leaflet.pdf"
    )


if __name__ == "__main__":
    main()
