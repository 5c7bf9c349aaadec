#!/usr/bin/env python3
"""From save to new PDF with `leafpress watch` (issue 8): saves the sample 30 times
(alternating its title, as an editor would write it) and times each until the PDF
has changed, polling every 0.5 ms. Prints the median, the fastest and the slowest.
Usage: cargo build --release && python3 benches/watch.py"""
import os, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, "target", "release", "leafpress")
work = tempfile.mkdtemp()
yaml = os.path.join(work, "leaflet.yaml")
pdf = os.path.join(work, "leaflet.pdf")
text = open(os.path.join(root, "content", "acupuncture-hip-knee.yaml")).read()
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
        new = text.replace("title: Acupuncture for Hip and Knee Pain", f"title: Acupuncture for Hip and Knee Pain {i}")
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
