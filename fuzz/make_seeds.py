#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from tests/data (and
fuzz/seeds) into OUT/<target>/, one input per file.

usage: make_seeds.py SOURCE_DIR OUT_DIR
"""
import glob, json, os, sys

src, out = sys.argv[1], sys.argv[2]
data = os.path.join(src, "tests", "data")


def put(target, name, payload):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(payload if isinstance(payload, bytes) else payload.encode("utf-8"))


def read(path):
    with open(path, "rb") as f:
        return f.read()


jsonl_files = sorted(glob.glob(os.path.join(data, "*.jsonl")) + glob.glob(os.path.join(data, "ingest", "*.jsonl")))
txt_files = sorted(glob.glob(os.path.join(data, "ingest", "*.txt")) + glob.glob(os.path.join(data, "hostile", "**", "*.txt"), recursive=True))
hostile_jsonl = sorted(glob.glob(os.path.join(data, "hostile", "*.jsonl")))

# jsonl: single lines (small inputs mutate best), a few whole small files.
n = 0
for path in jsonl_files:
    for line in read(path).splitlines(keepends=True):
        if line.strip():
            put("jsonl", "line-%03d" % n, line)
            n += 1
for path in hostile_jsonl:
    if os.path.getsize(path) <= 16384:
        put("jsonl", "hostile-" + os.path.basename(path), read(path))

# archive: whole archives.
for path in txt_files:
    put("archive", os.path.relpath(path, data).replace(os.sep, "_"), read(path))

# extract: "title\ntext" of each release.
n = 0
for path in jsonl_files:
    for line in read(path).decode("utf-8", "replace").splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        meta = r.get("meta") or {}
        title = meta.get("title") or r.get("title") or ""
        put("extract", "release-%03d" % n, (title + "\n" + (r.get("text") or "")).encode("utf-8"))
        n += 1

# query: a mode byte, then the query (see fuzz_query.cc).
with open(os.path.join(src, "fuzz", "seeds", "query.txt"), encoding="utf-8") as f:
    for i, q in enumerate(l.rstrip("\n") for l in f):
        put("query", "q-%03d-a" % i, b"\x00" + q.encode("utf-8"))
        put("query", "q-%03d-b" % i, b"\x45" + q.encode("utf-8"))

# html: pages, if the HTML reader and its target exist.
for path in sorted(glob.glob(os.path.join(data, "**", "*.htm*"), recursive=True)):
    put("html", os.path.basename(path), read(path))
