#!/usr/bin/env python3
"""From save to new PDF with `leafpress watch` (issue 8): saves a leaflet 30 times
(alternating its title, as an editor would write it) and times each until the PDF
has changed, polling every 0.5 ms. Prints the median, the fastest and the slowest.
The leaflet is the sample, or LEAFLET.yaml with the files beside it (its pictures).
Usage: cargo build --release && python3 benches/watch.py [LEAFLET.yaml]"""
import os, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, "target", "release", "leafpress")
work = tempfile.mkdtemp()
yaml = os.path.join(work, "leaflet.yaml")
pdf = os.path.join(work, "leaflet.pdf")
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "content", "acupuncture-hip-knee.yaml")
for name in os.listdir(os.path.dirname(os.path.abspath(source))):
    path = os.path.join(os.path.dirname(os.path.abspath(source)), name)
    if os.path.isfile(path) and name.lower().endswith((".png", ".jpg", ".jpeg")):
        shutil.copy(path, work)
text = open(source).read()
title = next(line for line in text.splitlines() if line.startswith("title:"))
open(yaml, "w").write(text)
proc = subprocess.Popen([binary, "watch", "--quiet", "leaflet.yaml", "-o", "leaflet.pdf"], cwd=work,
                        stderr=subprocess.DEVNULL)
try:
    while not os.path.exists(pdf):
        time.sleep(0.01)
    time.sleep(0.5)
    times = []
    for i in range(30):
        before = open(pdf, "rb").read()
        new = text.replace(title, f"{title} {i}", 1)
        start = time.perf_counter()
        with open(yaml, "w") as f:
            f.write(new)
        while True:
            try:
                if open(pdf, "rb").read() != before:
                    break
            except FileNotFoundError:
                pass
            time.sleep(0.0005)
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.2)
    print(f"save to new PDF: median {statistics.median(times):.1f} ms, "
          f"fastest {min(times):.1f} ms, slowest {max(times):.1f} ms ({len(times)} saves)")
finally:
    proc.terminate()
    proc.wait()
    shutil.rmtree(work)
