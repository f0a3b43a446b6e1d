#!/usr/bin/env python3
"""Checks a directory written by simulate.py: every file parses with the
standard library, and truth.jsonl agrees with the exports record by record.

    python3 tests/scenario/check.py DIR

Exit status 0 when everything holds; prints a short summary.
"""

import csv
import io
import json
import mailbox
import os
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.header import decode_header, make_header
from email.utils import parseaddr, parsedate_to_datetime

sys.dont_write_bytecode = True   # keep tests/scenario free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from simulate import Zone, ms_of  # noqa: E402

SURR = re.compile(r"&#(5[5-6]\d{3});&#(5[6-7]\d{3});")


def unsurrogate(text):
    def rep(m):
        hi, lo = int(m.group(1)), int(m.group(2))
        if 0xD800 <= hi <= 0xDBFF and 0xDC00 <= lo <= 0xDFFF:
            return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
        return m.group(0)
    return SURR.sub(rep, text)


def parse_call_time(s):
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p"):
        try:
            return datetime.strptime(s, fmt)
        except ValueError:
            pass
    raise ValueError(s)


def main(d):
    problems = []
    truth = json.load(open(os.path.join(d, "truth.json"), encoding="utf-8"))
    rows = [json.loads(x) for x in open(os.path.join(d, "truth.jsonl"), encoding="utf-8")]
    zone = Zone(truth["timezone"])

    # disclosures.toml
    with open(os.path.join(d, "disclosures.toml"), "rb") as fh:
        toml = tomllib.load(fh)
    assert toml["me"]["name"] == truth["person"]["name"]
    assert len(toml["disclosure"]) == len(truth["disclosures"])
    for disc in toml["disclosure"]:
        assert set(disc) == {"source", "date", "kind", "phones", "emails", "names", "keywords", "notes"}, disc
    sources = {x["source"] for x in toml["disclosure"]}
    for r in rows:
        if r["source"] is not None and r["source"] not in sources:
            problems.append(f"truth source not in disclosures: {r['source']}")

    # calls.csv
    raw = open(os.path.join(d, "calls.csv"), "rb").read()
    enc = truth["formats"]["calls.csv"]["encoding"]
    text = raw.decode("utf-8-sig") if enc.startswith("utf-8") else raw.decode("gbk")
    table = list(csv.reader(io.StringIO(text)))
    header, body = table[0], table[1:]
    assert header == truth["formats"]["calls.csv"]["header"], header
    calls = {}
    for row in body:
        assert len(row) == len(header), row
        local = parse_call_time(row[3])
        utc = zone.to_utc(local)
        calls.setdefault((row[0], ms_of(utc)), []).append(row)
    # sms.xml
    xml = open(os.path.join(d, "sms.xml"), encoding="utf-8").read()
    n_surr = len(SURR.findall(xml))
    root = ET.fromstring(unsurrogate(xml).encode("utf-8"))
    assert root.tag == "smses"
    kids = list(root)
    assert int(root.get("count")) == len(kids), (root.get("count"), len(kids))
    sms = {}
    for el in kids:
        if el.tag == "sms":
            sms.setdefault((el.get("address"), int(el.get("date"))), []).append(el.get("body"))
        else:
            texts = [p.get("text") for p in el.iter("part") if p.get("ct") == "text/plain"]
            assert texts, "mms without text part"
            assert any(a.get("type") == "137" for a in el.iter("addr"))
            sms.setdefault((el.get("address"), int(el.get("date"))), []).append(texts[0])
    # mail.mbox
    mb = mailbox.mbox(os.path.join(d, "mail.mbox"), create=False)
    mails = {}
    n_multi = n_b64 = n_rfc2047 = 0
    for msg in mb:
        mid = msg["Message-ID"].strip().strip("<>")
        subj = str(make_header(decode_header(msg["Subject"])))
        if "=?UTF-8?B?" in msg["Subject"]:
            n_rfc2047 += 1
        frm = parseaddr(msg["From"])[1]
        dt = parsedate_to_datetime(msg["Date"])
        n_multi += msg.is_multipart()
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                if part["Content-Transfer-Encoding"] == "base64":
                    n_b64 += 1
                payload = part.get_payload(decode=True)
                payload.decode(part.get_content_charset() or "utf-8")
        mails[mid] = (frm, int(dt.timestamp() * 1000), subj)
    mbox_text = open(os.path.join(d, "mail.mbox"), encoding="utf-8").read()
    escaped = len(re.findall(r"^>+From ", mbox_text, re.M))

    # truth against exports
    seen = {"call": 0, "sms": 0, "email": 0}
    for r in rows:
        ch = r["channel"]
        seen[ch] += 1
        if ch == "call":
            if (r["from"], r["at_ms"]) not in calls:
                problems.append(f"call not in calls.csv: {r}")
        elif ch == "sms":
            if (r["from"], r["at_ms"]) not in sms:
                problems.append(f"sms not in sms.xml: {r}")
        else:
            m = mails.get(r["message_id"])
            if m is None:
                problems.append(f"email not in mbox: {r}")
            elif m[0] != r["from"] or m[1] != r["at_ms"]:
                problems.append(f"email mismatch: {r} vs {m}")
    incoming_calls = sum(1 for row in body if row[2] not in ("呼出", "outgoing"))
    if incoming_calls != seen["call"]:
        problems.append(f"incoming calls {incoming_calls} != truth {seen['call']}")
    incoming_sms = sum(1 for el in kids if el.tag == "mms" or el.get("type") == "1")
    if incoming_sms != seen["sms"]:
        problems.append(f"incoming sms {incoming_sms} != truth {seen['sms']}")
    if len(mails) != seen["email"]:
        problems.append(f"mbox messages {len(mails)} != truth {seen['email']}")
    camp_ids = {c["id"] for c in truth["campaigns"]}
    for r in rows:
        if r["campaign"] not in camp_ids:
            problems.append(f"unknown campaign {r['campaign']}")
            break
    print(f"{d}: {len(rows)} incoming ({seen}), csv rows {len(body)} [{enc}], xml elements {len(kids)} "
          f"({sum(1 for k in kids if k.tag == 'mms')} mms, {n_surr} surrogate refs), mbox {len(mails)} "
          f"({n_multi} multipart, {n_b64} base64 text parts, {n_rfc2047} RFC 2047 subjects, {escaped} >From lines), "
          f"{len(toml['disclosure'])} disclosures")
    for p in problems[:20]:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
