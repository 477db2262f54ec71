#!/usr/bin/env python3
"""Regenerates the hostile test folder (tests/data/hostile/) and its .expected
manifest. Files starting with '.' are hidden from amicus (folders skip them).

.expected lines:  present ID | absent ID | archive FILE COUNT | reported FILE[:LINE]
"""
import json, os, random

here = os.path.dirname(os.path.abspath(__file__))
exp = []

def w(name, data):
    path = os.path.join(here, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

def rel(i, **kw):
    r = {"id": "hz%02d" % i,
         "meta": {"title": "Coalition statement %d on detention conditions" % i, "published": "2026-01-%02d" % (i % 28 + 1),
                  "organization": "Upstate Justice Alliance"},
         "text": "ALBANY, N.Y. — Advocates with the Upstate Justice Alliance said on Tuesday that conditions at the "
                 "Buffalo Federal Detention Facility in Batavia remain unsafe (statement %d). "
                 "“People are waiting months for a hearing,” said Ana Reyes, director of the alliance.\n\n"
                 "The group asked Gov. Kathy Hochul to fund $10 million for legal services in fiscal year 2027." % i}
    for k, v in kw.items():
        if k in ("title", "published", "organization"):
            r["meta"][k] = v
        else:
            r[k] = v
    return r

def line(r):
    return json.dumps(r, ensure_ascii=False) + "\n"

def present(*ids):
    exp.extend("present " + i for i in ids)

w("01-valid.jsonl", line(rel(1)) + line(rel(2)) + line(rel(3)))
present("hz01", "hz02", "hz03")

w("02-mixed.jsonl",
  line(rel(4)) +
  '{"id": "hz-bad1", "meta": {"title": "unterminated"}, "text": "oops\n' +
  '{"id": 12, "meta": {"title": "numeric id"}, "text": "x"}\n' +
  line(rel(90, published="2026-02-30")) +
  line(rel(91, published="next week")) +
  '["an", "array"]\n' +
  '{"id": "hz-nometa", "meta": "a string", "text": "x"}\n' +
  line(rel(5)))
present("hz04", "hz05")
exp += ["absent hz90", "absent hz91", "absent hz-bad1", "absent hz-nometa"]
exp += ["reported 02-mixed.jsonl:%d" % n for n in (2, 3, 4, 5, 6, 7)]

w("03-bom-crlf.jsonl", b"\xEF\xBB\xBF" + (line(rel(6)) + line(rel(7))).replace("\n", "\r\n").encode())
present("hz06", "hz07")

w("04-utf16.jsonl", "\ufeff".encode("utf-16-le") + line(rel(92)).encode("utf-16-le"))
exp += ["absent hz92", "reported 04-utf16.jsonl"]

archive = ("Upstate Justice Alliance News\n\n"
           "Advocates Rally for Señor Muñoz\n\n"
           "ROCHESTER, N.Y. (February 3, 2026) — Supporters of José Muñoz gathered outside the federal building.\n\n"
           "“He belongs here,” said his sister.\n\n"
           "Council Funds Legal Help\n\n"
           "BUFFALO, N.Y. – The Common Council approved $2 million for immigration lawyers on Monday.\n\n"
           "Council Member Rasheed Wyatt sponsored the measure.\n")
w("05-latin1.txt", archive.replace("“", '"').replace("”", '"').replace("—", "-").replace("–", "-").encode("latin-1"))
exp += ["archive 05-latin1.txt 2", "reported 05-latin1.txt"]

random.seed(7)
w("06-binary.bin", bytes(random.getrandbits(8) for _ in range(3000)) + b"\0\0")
exp += ["reported 06-binary.bin"]

w("07-empty.jsonl", b"")

w("08-no-dateline.txt", "Minutes of the March meeting\n\nAttendance was good.\nWe will meet again in April.\n")
exp += ["reported 08-no-dateline.txt:1"]

t = line(rel(8)) + line(rel(93))
w("09-truncated.jsonl", t[: len(line(rel(8))) + 60])
present("hz08")
exp += ["absent hz93", "reported 09-truncated.jsonl:2"]

w("10-pretty.json", json.dumps(rel(94), indent=2) + "\n")
exp += ["absent hz94", "reported 10-pretty.json:1"]

deep = '{"id": "hz-deep", "meta": {"title": "deep"}, "text": "x", "extra": ' + "[" * 20000 + "]" * 20000 + "}\n"
w("11-deep.jsonl", deep + line(rel(9)))
present("hz09")

w("12-long-id.jsonl", line(rel(95, id="x" * 400)) + line(rel(10)))
present("hz10")
exp += ["reported 12-long-id.jsonl:1"]

w("13-controls.jsonl",
  line(rel(11, text="Tab\there, bell \u0007, nul \u0000, escape \u001b[31m red; RTL \u202e override. " + rel(11)["text"])) +
  '{"id": "hz-surrogate", "meta": {"title": "lone \\ud800 surrogate"}, "text": "x"}\n' +
  line(rel(12, title="\u200b\u200b")) +
  line(rel(13)))
present("hz11", "hz12", "hz13")
exp += ["reported 13-controls.jsonl:2"]

w("14-dup.jsonl", line(rel(14)) + line(rel(15)) + line(rel(14, title="Second copy")))
present("hz14", "hz15")
exp += ["reported 14-dup.jsonl:3"]

w("sub/.hidden.jsonl", line(rel(96)))
exp += ["absent hz96"]

w("sub/page.html", "<html><body><h1>Not a release</h1></body></html>\n")

w("sub/noext", line(rel(16)) + line(rel(17)))
present("hz16", "hz17")

w("sub/archive-crlf.txt", archive.replace("\n", "\r\n"))
exp += ["archive sub/archive-crlf.txt 2"]

w("15-odd-fields.jsonl",
  line(rel(18, organization=None, url=None, gold={"people": []})) +
  '{"id": "hz19", "title": "Flat record", "published": "2026-03-01T09:30:00Z", "text": "A flat record."}\n' +
  '{"id": "hz-orgnum", "meta": {"title": "t", "organization": 5}, "text": "x"}\n' +
  line(rel(20, id="hz20 with spaces/and:colons")) +
  line(rel(21, text="")))
present("hz18", "hz19", "hz20 with spaces/and:colons")
exp += ["absent hz-orgnum", "reported 15-odd-fields.jsonl:3"]

w(".expected", "\n".join(exp) + "\n")
