#!/usr/bin/env python3
"""leaktrace scenario simulator: a synthetic person whose number and e-mail
leaked, with the ground truth of who leaked what.

    python3 tests/scenario/simulate.py --seed 7 --out DIR [--lang zh|en]
                                       [--scale N] [--events-per-year N]

Writes into DIR: calls.csv, sms.xml, mail.mbox, disclosures.toml,
truth.json and truth.jsonl.  Standard library only; the same arguments give
byte-identical output.  See README.md beside this file.
"""

from __future__ import annotations

import argparse
import base64
import csv
import html
import io
import json
import math
import os
import quopri
import random
import re
import sys
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True   # keep tests/scenario free of __pycache__
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import lexicon_en  # noqa: E402
import lexicon_zh  # noqa: E402

GENERATOR = "leaktrace-scenario/1"
UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MARKETING = ["property", "renovation", "insurance", "finance", "education", "automotive",
             "healthcare", "recruitment", "retail", "telecom"]
SLOT = re.compile(r"\{(\w+)\}")


# ====================================================================== time zones
# Rules written out (not zoneinfo) so output never depends on the host's tz database.
def _last_sunday(y, m):
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    d = nxt - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - 6) % 7)


def _nth_sunday(y, m, n):
    d = date(y, m, 1)
    d += timedelta(days=(6 - d.weekday()) % 7)
    return d + timedelta(weeks=n - 1)


class Zone:
    def __init__(self, name):
        self.name = name
        if name == "Asia/Shanghai":
            self.std, self.dst = timedelta(hours=8), None
        elif name == "Europe/London":
            self.std, self.dst = timedelta(0), timedelta(hours=1)
        elif name == "America/New_York":
            self.std, self.dst = timedelta(hours=-5), timedelta(hours=-4)
        else:
            raise ValueError(name)

    def utcoffset(self, utc):
        """Offset in force at the naive UTC instant `utc`."""
        if self.dst is None:
            return self.std
        y = utc.year
        if self.name == "Europe/London":
            a = datetime.combine(_last_sunday(y, 3), datetime.min.time()) + timedelta(hours=1)
            b = datetime.combine(_last_sunday(y, 10), datetime.min.time()) + timedelta(hours=1)
        else:
            a = datetime.combine(_nth_sunday(y, 3, 2), datetime.min.time()) + timedelta(hours=7)
            b = datetime.combine(_nth_sunday(y, 11, 1), datetime.min.time()) + timedelta(hours=6)
        return self.dst if a <= utc < b else self.std

    def to_utc(self, local):
        """Naive UTC for a naive local time, or None if it is skipped or ambiguous."""
        offs = [self.std] if self.dst is None else [self.std, self.dst]
        hits = [local - o for o in offs if self.utcoffset(local - o) == o]
        return hits[0] if len(hits) == 1 else None

    def to_local(self, utc_naive):
        return utc_naive + self.utcoffset(utc_naive)


def ms_of(utc_naive):
    return int((utc_naive.replace(tzinfo=UTC) - EPOCH).total_seconds() * 1000)


# ====================================================================== numbers
class Num:
    """A phone number or sender id, with the forms each export writes it in."""

    __slots__ = ("kind", "nat", "e164", "area", "local", "forms")

    def __init__(self, kind, nat, e164=None, area="", local=""):
        self.kind = kind          # mobile | landline | short | alpha | foreign
        self.nat = nat
        self.e164 = e164
        self.area = area
        self.local = local
        self.forms = {}

    def norm(self):
        return self.e164 or self.nat


def group(s, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return " ".join(x for x in out if x)


# ====================================================================== simulator
class Sim:
    def __init__(self, seed, lang=None, scale=1.0, events_per_year=None):
        self.seed = seed
        self.rng = random.Random(f"leaktrace-scenario/{seed}")
        if lang is None:
            lang = "zh" if random.Random(f"lang/{seed}").random() < 0.6 else "en"
        self.lang = lang
        self.L = lexicon_zh if lang == "zh" else lexicon_en
        self.scale = max(0.05, float(scale))
        self.epy = events_per_year
        self.used = set()
        self.msgids = set()
        self.events = []
        self.campaigns = {}   # id -> meta
        self.streams = []

    # ------------------------------------------------------------------ helpers
    def wchoice(self, pairs):
        items = [p[0] for p in pairs]
        weights = [p[1] for p in pairs]
        return self.rng.choices(items, weights)[0]

    def poisson_like(self, mean):
        """A count around `mean` (never negative), cheap and deterministic."""
        if mean <= 0:
            return 0
        sd = math.sqrt(mean)
        return max(0, int(round(self.rng.gauss(mean, sd * 0.8))))

    def randcode(self, n):
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def randalnum(self, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    # ------------------------------------------------------------------ setup
    def setup(self):
        r = self.rng
        L = self.L
        if self.lang == "zh":
            self.region, self.cc, self.cur = "CN", "86", "¥"
            self.zone = Zone("Asia/Shanghai")
            self.city = r.choice(L.CITIES)
        else:
            reg = r.choice(L.REGIONS)
            self.region, self.cc, self.cur = reg["region"], reg["cc"], reg["cur"]
            self.zone = Zone(reg["tz"])
            self.city = r.choice(reg["cities"])
        self.start = date(2023, 3, 1) + timedelta(days=r.randrange(0, 540))
        self.end = self.start + timedelta(days=365)
        self.setup_formats()
        self.make_person()

    def setup_formats(self):
        r = self.rng
        if self.lang == "zh":
            v = r.choice(["A", "B", "C"])
            spec = {
                "A": (["号码", "姓名", "通话类型", "通话时间", "通话时长", "号码标记", "备注"],
                      ["num", "name", "type", "time", "dur", "tag", "note"],
                      ["iso_s", "slash_m"], ["fen_miao", "hms"]),
                "B": (["对方号码", "联系人", "类型", "开始时间", "时长(秒)", "标记", "本机号码"],
                      ["num", "name", "type", "time", "dur", "tag", "to"],
                      ["slash_m", "iso_s"], ["secs"]),
                "C": (["电话号码", "联系人姓名", "通话类型", "日期", "通话时长", "号码标识", "备注", "本机号码"],
                      ["num", "name", "type", "time", "dur", "tag", "note", "to"],
                      ["iso_m", "iso_s"], ["hms", "fen_miao", "secs"]),
            }[v]
            enc = r.choice(["utf-8-sig", "gbk"])
            plus_rate = r.choice([0.0, 0.06])
            num_style = r.choice(["hyphen", "plain"])
        else:
            v = r.choice(["A", "B"])
            spec = {
                "A": (["Number", "Name", "Type", "Date", "Duration", "Label", "Notes"],
                      ["num", "name", "type", "time", "dur", "tag", "note"], None, ["secs", "ms_colon", "hms"]),
                "B": (["Number", "Name", "Type", "Date", "Duration", "Label", "Notes", "My number"],
                      ["num", "name", "type", "time", "dur", "tag", "note", "to"], None, ["secs", "hms"]),
            }[v]
            times = ["us_m", "us_s", "iso_s"] if self.region == "US" else ["iso_s", "iso_m"]
            spec = (spec[0], spec[1], times, spec[3])
            enc = r.choice(["utf-8", "utf-8-sig"])
            plus_rate = 0.0
            num_style = r.choice(["spaced", "e164", "plain"])
        self.csvfmt = dict(variant=v, header=spec[0], fields=spec[1], time=r.choice(spec[2]),
                           dur=r.choice(spec[3]), encoding=enc, order=r.choice(["newest_first", "oldest_first"]),
                           plus_rate=plus_rate, num_style=num_style)
        self.call_has_seconds = self.csvfmt["time"].endswith("_s")

    # ------------------------------------------------------------------ numbers
    def _fresh(self, nat):
        if nat in self.used:
            return False
        self.used.add(nat)
        return True

    def mobile(self, carrier=None, virtual=False):
        r = self.rng
        if self.lang == "zh":
            if virtual:
                prefixes = self.L.VIRTUAL_PREFIXES
            elif carrier:
                prefixes = self.L.CARRIERS[carrier]["prefixes"]
            else:
                prefixes = [p for c in self.L.CARRIERS.values() for p in c["prefixes"]]
            while True:
                nat = r.choice(prefixes) + "%08d" % r.randrange(10 ** 8)
                if self._fresh(nat):
                    return Num("mobile", nat, "+86" + nat)
        if self.region == "GB":
            while True:
                nat = "07" + r.choice("345789") + "%08d" % r.randrange(10 ** 8)
                if self._fresh(nat):
                    return Num("mobile", nat, "+44" + nat[1:])
        while True:
            area = r.choice(self.L.US_AREAS)
            nat = area + str(r.randint(2, 9)) + "%06d" % r.randrange(10 ** 6)
            if self._fresh(nat):
                return Num("mobile", nat, "+1" + nat, area=area)

    def landline(self, area=None, local=None):
        r = self.rng
        if self.lang == "zh":
            area = area or r.choice(self.L.CALLCENTRE_AREAS)
            local = local or (r.choice("2345678") + "%07d" % r.randrange(10 ** 7))
            nat = area + local
            return Num("landline", nat, "+86" + area[1:] + local, area, local)
        if self.region == "GB":
            area = area or r.choice(self.L.UK_GEO)
            width = {2: 8, 3: 7, 4: 6}[len(area)]
            local = local or (r.choice("23456789") + "%0*d" % (width - 1, r.randrange(10 ** (width - 1))))
            nat = "0" + area + local
            return Num("landline", nat, "+44" + area + local, area, local)
        area = area or r.choice(self.L.US_AREAS)
        local = local or (str(r.randint(2, 9)) + "%06d" % r.randrange(10 ** 6))
        nat = area + local
        return Num("landline", nat, "+1" + nat, area, local)

    def block(self, kind, k):
        """k neighbouring numbers: same prefix, rotating last digits."""
        r = self.rng
        for _ in range(200):
            if kind == "landline":
                if self.lang == "zh":
                    area = self.city["area"] if r.random() < 0.65 else r.choice(self.L.CALLCENTRE_AREAS)
                    width = 8
                elif self.region == "GB":
                    area = r.choice(self.L.UK_GEO + ["330", "333"]) if r.random() < 0.7 else self.city["area"]
                    width = {2: 8, 3: 7, 4: 6}[len(area)]
                else:
                    area = self.city["area"] if r.random() < 0.5 else r.choice(self.L.US_AREAS)
                    width = 7
                head = r.choice("2345678") + "".join(r.choice("0123456789") for _ in range(width - 3))
                tails = r.sample(range(100), k)
                nums = [self.landline(area, head + "%02d" % t) for t in sorted(tails)]
            else:
                base = self.mobile()
                self.used.discard(base.nat)
                head = base.nat[:-2]
                tails = r.sample(range(100), k)
                nums = []
                for t in sorted(tails):
                    nat = head + "%02d" % t
                    if self.lang == "zh":
                        nums.append(Num("mobile", nat, "+86" + nat))
                    elif self.region == "GB":
                        nums.append(Num("mobile", nat, "+44" + nat[1:]))
                    else:
                        nums.append(Num("mobile", nat, "+1" + nat))
            if all(n.nat not in self.used for n in nums):
                for n in nums:
                    self.used.add(n.nat)
                return nums
        raise RuntimeError("could not find a free number block")

    def short(self, s, kind="short"):
        return Num(kind, s)

    def sms_sender_brand(self, brand_slug):
        """Senders of bulk marketing SMS: 1069 channels (CN), short codes or alphanumeric ids."""
        r = self.rng
        if self.lang == "zh":
            head = "1069" + r.choice(["0", "1", "2", "5", "8"]) + self.randcode(r.choice([3, 4]))
            k = r.choice([1, 1, 2, 3])
            out = []
            for _ in range(k):
                nat = head + self.randcode(r.choice([4, 5, 6]))
                self.used.add(nat)
                out.append(Num("short", nat))
            return out
        if self.region == "GB" and r.random() < 0.6:
            alpha = re.sub(r"[^A-Za-z0-9]", "", brand_slug.title())[:11]
            return [Num("alpha", alpha)]
        code = str(r.randint(60000, 89999)) if self.region == "GB" else str(r.randint(20000, 99999))
        return [Num("short", code)]

    def w(self, num, where):
        """The number as written in `where` (csv | sms | text | toml); stable per number."""
        key = where
        if key in num.forms:
            return num.forms[key]
        r = self.rng
        if num.kind in ("short", "alpha"):
            s = num.nat
        elif num.kind == "foreign":
            s = num.e164 if where != "csv" or r.random() < 0.5 else "00" + num.e164[1:]
        elif self.lang == "zh":
            n = num.nat
            if where == "csv":
                if num.kind == "mobile":
                    s = "+86" + n if r.random() < self.csvfmt["plus_rate"] else n
                else:
                    s = f"{num.area}-{num.local}" if self.csvfmt["num_style"] == "hyphen" else n
            elif where == "sms":
                s = ("+86" + n if r.random() < 0.75 else n) if num.kind == "mobile" else n
            elif where == "text":
                if num.kind == "mobile":
                    s = r.choice([n, n, f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:7]}-{n[7:]}"])
                else:
                    s = r.choice([f"{num.area}-{num.local}", f"{num.area}-{num.local[:4]} {num.local[4:]}"])
            else:
                s = r.choice([f"+86 {n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}", n])
        elif self.region == "GB":
            n = num.nat
            if num.kind == "mobile":
                spaced = f"{n[:5]} {n[5:]}"
            elif len(num.area) == 2:
                spaced = f"0{num.area} {num.local[:4]} {num.local[4:]}"
            elif num.area.startswith(("3", "8")):
                spaced = f"0{num.area} {num.local[:3]} {num.local[3:]}"
            elif len(num.area) == 3:
                spaced = f"0{num.area} {num.local[:3]} {num.local[3:]}"
            else:
                spaced = f"0{num.area} {num.local}"
            if where == "csv":
                s = {"spaced": spaced, "e164": num.e164, "plain": n}[self.csvfmt["num_style"]]
            elif where == "sms":
                s = num.e164
            elif where == "text":
                s = spaced
            else:
                s = r.choice([spaced, "+44 " + spaced[1:]])
        else:
            n = num.nat
            paren = f"({n[:3]}) {n[3:6]}-{n[6:]}"
            dashed = f"{n[:3]}-{n[3:6]}-{n[6:]}"
            if where == "csv":
                s = {"spaced": paren, "e164": num.e164, "plain": dashed}[self.csvfmt["num_style"]]
            elif where == "sms":
                s = num.e164
            elif where == "text":
                s = r.choice([paren, dashed])
            else:
                s = r.choice(["+1 " + dashed, paren])
        num.forms[key] = s
        return s

    def hotline(self):
        """A number printed in marketing text (400/0800/toll-free), not one that calls."""
        r = self.rng
        if self.lang == "zh":
            return r.choice([f"400-{r.randint(600, 999)}-{self.randcode(4)}", f"400{r.randint(6, 9)}{self.randcode(6)}"])
        if self.region == "GB":
            return f"0{r.choice(['800', '808', '330', '345'])} {self.randcode(3)} {self.randcode(4)}"
        return f"1-{r.choice(['800', '833', '844', '855', '866', '877', '888'])}-{r.randint(200, 999)}-{self.randcode(4)}"

    # ------------------------------------------------------------------ person
    def make_person(self):
        r, L = self.rng, self.L
        p = {}
        if self.lang == "zh":
            gender = r.choice("mf")
            sur, sur_py, sur_var = r.choice(L.SURNAMES)
            given, given_py, given_var = r.choice(L.GIVEN_M if gender == "m" else L.GIVEN_F)
            full = sur + given
            variants = [sur + g for g in given_var] + [s + given for s in sur_var]
            p.update(gender=gender, name=full, sur=sur, first=given, sur_py=sur_py, given_py=given_py,
                     title=L.TITLE[gender], variants=variants)
            main_carrier = r.choice(["cmcc", "cmcc", "cu", "ct"])
            phones = [self.mobile(main_carrier)]
            phones.append(self.mobile(r.choice([c for c in L.CARRIERS if c != main_carrier])))
            if r.random() < 0.45:
                phones.append(self.mobile())
            carriers = [main_carrier] + [self.carrier_of(n.nat) for n in phones[1:]]
            d = r.choice(L.MY_EMAIL_DOMAINS)
            initials = sur_py[0] + "".join(x[0] for x in re.findall(r"[bcdfghjklmnpqrstwxyz]*h?[aeiouv]+n?g?r?", given_py))[:2]
            emails = [f"{sur_py}{given_py}{r.choice(['', str(r.randint(80, 99)), str(r.randint(1, 9)) * 3])}@{d}"]
            if r.random() < 0.6:
                emails.append(f"{given_py}.{sur_py}@{r.choice([x for x in L.MY_EMAIL_DOMAINS if x != d])}")
            p.update(initials=initials)
        else:
            first, gender, first_var = r.choice(L.FIRST)
            sur, sur_var = r.choice(L.SURNAMES)
            full = f"{first} {sur}"
            variants = [f"{v} {sur}" for v in first_var] + [f"{first} {s}" for s in sur_var]
            p.update(gender=gender, name=full, sur=sur, first=first, title=L.TITLE[gender], variants=variants)
            phones = []
            for i in range(r.choice([2, 2, 3])):
                if self.region == "GB":
                    nat = "07700900%03d" % r.randrange(1000)
                    num = Num("mobile", nat, "+44" + nat[1:])
                else:
                    area = self.city["area"] if i == 0 else r.choice(self.city.get("alt", [self.city["area"]]))
                    nat = f"{area}55501{r.randrange(100):02d}"
                    num = Num("mobile", nat, "+1" + nat, area=area)
                if num.nat in self.used:
                    continue
                self.used.add(num.nat)
                phones.append(num)
            carriers = [r.choice(list(EN_CARRIERS[self.region])) for _ in phones]
            d = r.choice(L.MY_EMAIL_DOMAINS)
            slug = re.sub(r"[^a-z]", "", sur.lower())
            emails = [f"{first.lower()}.{slug}@{d}"]
            if r.random() < 0.6:
                emails.append(f"{first[0].lower()}{slug}{r.randint(70, 99)}@{r.choice([x for x in L.MY_EMAIL_DOMAINS if x != d])}")
            p.update(initials=(first[0] + sur[0]).lower())
        p["phones"] = phones
        p["carriers"] = carriers
        p["emails"] = emails
        p["aliases"] = []
        self.me = p
        # people around them
        contacts = []
        rels = [c for c in L.CONTACTS if not (c[0] == "spouse" and gender == "f") and not (c[0] == "spouse_f" and gender == "m")]
        for rel, name in r.sample(rels, min(len(rels), r.randint(8, 11))):
            num = self.mobile()
            contacts.append(dict(rel=rel.replace("spouse_f", "spouse") if rel == "spouse_f" else rel, srel=rel, name=name,
                                 num=num, weight={"spouse": 6, "mother": 4, "father": 2, "boss": 2, "colleague": 2,
                                                  "friend": 1.5}.get(rel.replace("spouse_f", "spouse"), 1)))
        self.contacts = contacts
        if self.lang == "zh":
            self.banks = r.sample(L.BANKS, 2)
        else:
            self.banks = r.sample(L.BANKS_GB if self.region == "GB" else L.BANKS_US, 2)
        self.bank_last4 = {b[0]: self.randcode(4) for b in self.banks}
        self.workdomain = r.choice(L.WORK_DOMAINS)

    def carrier_of(self, nat):
        for cid, c in self.L.CARRIERS.items():
            if nat[:3] in c["prefixes"]:
                return cid
        return "cmcc"

    # ------------------------------------------------------------------ disclosures
    def make_disclosures(self):
        r, L, me = self.rng, self.L, self.me
        kinds_w = [("property", 3), ("automotive", 3), ("healthcare", 2.5), ("recruitment", 3), ("insurance", 2),
                   ("retail", 2.5), ("education", 2), ("renovation", 1), ("telecom", 0.8)]
        n = r.randint(3, 6) + int(round(2 * math.log2(self.scale))) if self.scale > 1 else r.randint(3, 6)
        pool = [(k, s) for k, srcs in L.SOURCES.items() for s in srcs]
        n = min(n, len(pool))
        chosen, kinds_used = [], []
        while len(chosen) < n:
            if not chosen:   # everyone simulated has at least one big life event
                k = self.wchoice([("property", 3), ("automotive", 2), ("healthcare", 2)])
            else:
                k = self.wchoice([(k, w / (1 + 3 * kinds_used.count(k))) for k, w in kinds_w])
            cands = [s for kk, s in pool if kk == k and s not in [c[1] for c in chosen]]
            if not cands:
                continue
            chosen.append((k, r.choice(cands)))
            kinds_used.append(k)
        # dates: spread across the year, not too close, leaving time for campaigns
        lo, hi = 25, 365 - 45
        days = []
        for _ in range(n):
            for _ in range(100):
                d = r.randint(lo, hi)
                if all(abs(d - x) >= 6 for x in days):
                    break
            days.append(d)
        days.sort()
        r.shuffle(chosen)
        phones = me["phones"]
        disclosures = []
        for (kind, src), d in zip(chosen, days):
            dd = self.start + timedelta(days=d)
            ph, em, names = [], [], []
            if r.random() < 0.88:
                ph.append(phones[0])
            if len(phones) > 1 and r.random() < 0.25:
                ph.append(phones[1])
            if len(phones) > 2 and r.random() < 0.12:
                ph.append(phones[2])
            if kind in ("recruitment", "retail", "education", "insurance") and r.random() < 0.5 or r.random() < 0.2:
                em.append(self.new_alias(kind, src))
            elif r.random() < 0.35:
                em.append(me["emails"][0])
            elif len(me["emails"]) > 1 and r.random() < 0.15:
                em.append(me["emails"][1])
            if not ph and not em:
                ph.append(phones[0])
            if r.random() < 0.85:
                names.append(r.choice(me["variants"]) if r.random() < 0.25 else me["name"])
            kw = list(src["kw"])
            notes = r.choice(src["notes"]).format(unit=self.unit(), plate=self.plate())
            disclosures.append(dict(source=src["name"], slug=src["slug"], kind=kind, date=dd, phones=ph, emails=em,
                                    names=names, keywords=kw, notes=notes, leaked=r.random() < 0.8))
        # make sure the demo-sized person shows each kind of identifier at least once
        if not any(any(e in me["aliases"] for e in d["emails"]) for d in disclosures):
            d = max(disclosures, key=lambda x: x["kind"] in ("recruitment", "retail", "education"))
            d["emails"] = [self.new_alias(d["kind"], {"slug": d["slug"]})]
        if len(phones) > 1 and not any(phones[1] in d["phones"] for d in disclosures):
            d = r.choice(disclosures)
            d["phones"].append(phones[1])
        if not any(n in me["variants"] for d in disclosures for n in d["names"]):
            d = r.choice(disclosures)
            d["names"] = [r.choice(me["variants"])]
        if not any(d["leaked"] for d in disclosures):
            disclosures[0]["leaked"] = True
        zh = self.lang == "zh"
        for d in disclosures:
            extra = []
            if any(e in me["aliases"] for e in d["emails"]) and r.random() < 0.7:
                extra.append("用了别名邮箱" if zh else "used an alias address")
            if len(phones) > 1 and phones[1] in d["phones"] and r.random() < 0.7:
                extra.append("留了副卡号码" if zh else "gave my second number")
            var = [n for n in d["names"] if n in me["variants"]]
            if var and r.random() < 0.7:
                extra.append(f"名字被写成{var[0]}" if zh else f"they wrote my name as {var[0]}")
            if extra:
                d["notes"] += ("，" if zh else "; ") + ("，" if zh else "; ").join(extra)
        self.disclosures = disclosures

    def new_alias(self, kind, src):
        r, me = self.rng, self.me
        local, dom = me["emails"][0].split("@")
        word = r.choice(self.L.ALIAS_WORDS.get(kind, ["misc"]))
        for _ in range(20):
            if r.random() < 0.5:
                a = f"{me['initials']}.{word}@{dom}"
            else:
                a = f"{local}+{src['slug'][:10]}@{dom}"
            if a not in me["aliases"]:
                break
            word = word + str(r.randint(2, 9))
        me["aliases"].append(a)
        return a

    def unit(self):
        r = self.rng
        if self.lang == "zh":
            return f"{r.randint(1, 18)}-{r.randint(2, 32)}0{r.randint(1, 4)}"
        return r.choice([f"plot {r.randint(1, 120)}", f"flat {r.randint(1, 40)}", f"no. {r.randint(1, 60)}"])

    def plate(self):
        r = self.rng
        if self.lang == "zh":
            return self.L.PLATE_PREFIX.get(self.city["city"], "粤B") + r.choice("ABCDEFGHJK") + self.randcode(4)
        if self.region == "GB":
            return f"{r.choice(['LD', 'MA', 'YK', 'BD'])}{r.randint(20, 74)} {self.randalnum(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}"
        return f"{self.randalnum(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}-{self.randcode(4)}"

    # ------------------------------------------------------------------ time
    def day_at(self, offset_days):
        return self.start + timedelta(days=offset_days)

    def clamp_day(self, d):
        if d < self.start:
            return self.start
        last = self.end - timedelta(days=1)
        return last if d > last else d

    PROFILES = {
        "biz": [0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 6, 6, 3, 2, 5, 6, 6, 5, 3, 2, 1, 0.3, 0, 0],
        "sms": [0, 0, 0, 0, 0, 0, 0, 0.3, 1, 4, 5, 4, 5, 3, 3, 3, 3, 3, 5, 5, 4, 2, 0.5, 0],
        "fraud": [0.6, 0.4, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 3, 4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4, 3, 2, 1],
        "family": [0.1, 0, 0, 0, 0, 0, 0.2, 1, 1.5, 1, 1, 1.5, 3, 2, 1, 1, 1.5, 3, 5, 6, 5, 4, 2, 0.5],
        "work": [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 6, 6, 5, 2, 3, 6, 6, 5, 4, 2, 0.8, 0.4, 0.2, 0, 0],
        "codes": [0.3, 0.2, 0.1, 0, 0, 0, 0.3, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 3, 1.5],
        "delivery": [0, 0, 0, 0, 0, 0, 0, 0.5, 2, 4, 5, 5, 4, 4, 5, 5, 5, 4, 3, 2, 1, 0.3, 0, 0],
        "bank": [0.5, 0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1, 2, 3, 3, 3, 4, 3, 3, 3, 3, 3, 4, 4, 4, 3, 2, 1],
        "mail": [0.5, 0.3, 0.3, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1],
    }

    def local_time(self, d, profile, hour=None, precision="s"):
        """(local naive, utc naive) for day `d`; skips DST gaps and overlaps."""
        r = self.rng
        for _ in range(10):
            if hour is None:
                h = r.choices(range(24), self.PROFILES[profile])[0]
            else:
                h = hour
            m = r.randrange(60)
            s = r.randrange(60) if precision == "s" else 0
            local = datetime(d.year, d.month, d.day, h, m, s)
            utc = self.zone.to_utc(local)
            if utc is not None:
                return local, utc
            hour = None
        local = datetime(d.year, d.month, d.day, 12, 0, 0)
        return local, self.zone.to_utc(local)

    def spread_days(self, start_day, span, n, shape):
        r = self.rng
        out = []
        if shape == "cluster":
            k = max(1, min(n, r.randint(2, 5)))
            centres = sorted(r.randint(0, max(0, span)) for _ in range(k))
            for _ in range(n):
                c = r.choice(centres)
                out.append(c + r.randint(-2, 3))
        else:
            for _ in range(n):
                u = r.random()
                if shape == "front":
                    u = u ** 1.8
                out.append(int(u * span))
        last = self.end - timedelta(days=1)
        days = []
        for x in out:
            d = start_day + timedelta(days=max(0, x))
            if d > last:   # past the end of the export: somewhere in what is left
                d = start_day + timedelta(days=r.randint(0, max(0, (last - start_day).days)))
            days.append(self.clamp_day(d))
        return sorted(days)

    # ------------------------------------------------------------------ text filling
    def person_ctx(self, name=None):
        me = self.me
        name = name or me["name"]
        if self.lang == "zh":
            sur = name[0]
            return dict(full=name, sur=sur, first=name[1:], title=me["title"])
        parts = name.split(" ")
        first, sur = parts[0], parts[-1]
        return dict(full=name, sur=sur, first=first, title=me["title"])

    def dyn(self, key, ctx, when):
        r, L = self.rng, self.L
        zh = self.lang == "zh"
        today = when.date() if isinstance(when, datetime) else when
        if key == "url":
            base = ctx.get("_link") or r.choice(L.LINK_SHORT)
            path = "".join(r.choice(L.LINK_PATH_CHARS) for _ in range(r.randint(4, 7)))
            if base.startswith("http"):
                return f"{base}/{path}"
            return f"{base}/{path}" if zh or r.random() < 0.5 else f"https://{base}/{path}"
        if key in ("n",):
            return str(r.randint(2, 9))
        if key == "n2":
            return str(r.randint(3, 28))
        if key == "wan":
            return str(r.choice([3, 5, 8, 10, 12, 15, 20, 30, 50, 80]))
        if key == "wan2":
            return str(r.choice([168, 199, 238, 265, 299, 328, 365, 399, 450, 528, 688]))
        if key == "price":
            return str(r.choice([99, 199, 268, 299, 399, 499, 599, 699, 899, 999, 1280, 1680, 1980, 2980]))
        if key == "area":
            return str(r.choice([69, 78, 89, 95, 98, 108, 115, 128, 143]))
        if key == "rooms":
            return r.choice(L.ROOMS)
        if key == "phase":
            return r.choice(L.PHASES)
        if key == "zhe":
            return r.choice(["7.5", "8", "8.5", "8.8", "9", "9.5", "7", "6.8"])
        if key == "pct":
            return str(r.choice([10, 15, 20, 25, 30, 40, 50, 80, 85]))
        if key == "rate":
            return f"{r.uniform(2.6, 7.9):.2f}".rstrip("0").rstrip(".")
        if key == "day":
            target = today + timedelta(days=r.randint(1, 12))
            return L.fmt_day(r, today, target) if zh else L.fmt_day(r, today, target, self.region)
        if key == "date":
            target = today + timedelta(days=r.randint(1, 20))
            return L.fmt_date(target) if zh else L.fmt_date(target, self.region)
        if key == "month":
            return str(today.month) if zh else f"{today:%B}"
        if key in ("time", "time2"):
            h = r.randint(9, 20) if key == "time" else r.randint(13, 21)
            return f"{h}:{r.choice(['00', '30'])}" if zh or self.region == "GB" else f"{(h - 1) % 12 + 1}{'am' if h < 12 else 'pm'}"
        if key == "hm":
            return f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"
        if key == "md":
            return f"{today.month}月{today.day}日"
        if key == "gift":
            return r.choice(L.GIFTS if zh or self.region == "GB" else L.GIFTS_US)
        if key == "code":
            return self.randcode(6)
        if key == "code4":
            return self.randcode(4)
        if key == "amt":
            return f"{r.choice([12, 35, 58, 99, 128, 256, 420, 888, 1250, 3600, 8450]) + r.randint(0, 99) / 100:.2f}"
        if key == "pay":
            return f"{r.randint(1800, 16000) + r.randint(0, 99) / 100:,.2f}"
        if key == "bill":
            v = r.randint(300, 12000) + r.randint(0, 99) / 100
            ctx["_bill"] = v
            return f"{v:,.2f}"
        if key == "minpay":
            return f"{max(25.0, ctx.get('_bill', 1000.0) / 10):,.2f}"
        if key == "bal":
            return f"{r.randint(300, 48000) + r.randint(0, 99) / 100:,.2f}"
        if key == "job":
            return r.choice(L.JOBS)
        if key == "salary":
            return r.choice(L.SALARIES if zh or self.region == "GB" else L.SALARIES_US)
        if key == "express":
            return r.choice(L.EXPRESS if zh else (L.EXPRESS_GB if self.region == "GB" else L.EXPRESS_US))
        if key == "platform":
            return r.choice(L.PLATFORMS)
        if key in ("show", "shows"):
            return r.choice(L.SHOWS)
        if key == "qq":
            return str(r.randint(10 ** 7, 3 * 10 ** 9))
        if key in ("other", "randname", "courier"):
            return self.random_name()
        if key == "order":
            return self.randcode(r.choice([10, 12])) if zh else f"{r.choice('ABCDEFGHJK')}{self.randcode(8)}"
        if key == "place":
            return r.choice(L.DELIVERY_PLACES)
        if key == "merchant":
            return r.choice(L.MERCHANTS if self.region == "GB" else L.MERCHANTS_US)
        if key == "seat":
            return r.choice(L.SEATS)
        if key == "dept":
            return r.choice(L.DEPTS)
        if key == "cur":
            return self.cur
        if key == "carrier":
            return self.carrier_name(0)
        if key == "city":
            return self.city["city"]
        if key == "district":
            return r.choice(self.city["districts"])
        if key == "company":
            return r.choice(L.COMPANIES)
        if key == "school":
            return r.choice(L.SCHOOLS)
        if key == "proj":
            return r.choice(L.PROJECTS)
        if key == "model":
            return r.choice(L.CAR_MODELS)
        if key == "agent":
            return r.choice(L.AGENTS)
        if key == "agency":
            return r.choice(L.AGENCIES)
        if key == "wx":
            return self.wechat()
        if key == "tel":
            return self.hotline()
        if key == "bank":
            return r.choice(["招商银行", "浦发银行", "中信银行", "广发银行"] if zh else
                            (["Barclaycard", "Halifax", "Santander"] if self.region == "GB" else ["Capital One", "Discover", "Citi"]))
        if key in ("duty", "waitlist", "jisa", "mot"):
            gb = self.region != "US"
            return {"duty": ("stamp duty", "closing cost"), "waitlist": ("NHS waiting lists", "the waiting room"),
                    "jisa": ("Junior ISA", "529 college plan"), "mot": ("MOT", "State inspection")}[key][0 if gb else 1]
        if key == "taxauth":
            return "HMRC" if self.region == "GB" else "IRS"
        if key == "toll":
            return "Dart Charge" if self.region == "GB" else r.choice(["E-ZPass", "SunPass", "Toll Services"])
        if key == "short":
            return str(r.randint(60000, 89999))
        if key == "last4":
            return self.randcode(4)
        if key in ("full", "sur", "first", "title"):
            return self.person_ctx()[key]
        if key == "kw":
            return ctx.get("kw", "")
        raise KeyError(key)

    def fill(self, tpl, ctx, when):
        def rep(m):
            k = m.group(1)
            if k in ctx and not k.startswith("_"):
                return str(ctx[k])
            return self.dyn(k, ctx, when)
        return SLOT.sub(rep, tpl)

    def random_name(self):
        r, L = self.rng, self.L
        if self.lang == "zh":
            return r.choice(L.SURNAMES)[0] + r.choice(L.GIVEN_ANY + [g[0] for g in L.GIVEN_M + L.GIVEN_F])
        return f"{r.choice(L.FIRST)[0]} {r.choice(L.SURNAMES)[0]}"

    def wechat(self):
        r = self.rng
        return r.choice(["wx", "vip", "hr", "fang", "lc", "kf", ""]) + self.randalnum(r.randint(2, 4), "abcdefghjkmnpqrstuvwxyz") + self.randcode(r.randint(3, 6))

    def carrier_name(self, i):
        if self.lang == "zh":
            return self.L.CARRIERS[self.me["carriers"][i]]["name"]
        return self.me["carriers"][i]

    # ------------------------------------------------------------------ events
    def add(self, ev):
        self.events.append(ev)
        c = self.campaigns.get(ev.get("campaign"))
        if c is not None and ev["dir"] == "in":
            c["events"] += 1
            c["first_ms"] = min(c["first_ms"] or ev["ms"], ev["ms"])
            c["last_ms"] = max(c["last_ms"] or ev["ms"], ev["ms"])
            c["channels"].add(ev["channel"])
            fw = ev["from_w"]
            if fw not in c["_sender_set"]:
                c["_sender_set"].add(fw)
                c["_senders"].append(fw)
            if ev.get("to") and ev["to"] not in c["_targets"]:
                c["_targets"].append(ev["to"])

    def new_campaign(self, cid, kind, category, source, **meta):
        c = dict(id=cid, kind=kind, category=category, source=source, events=0, first_ms=None, last_ms=None,
                 channels=set(), _senders=[], _sender_set=set(), _targets=[], **meta)
        self.campaigns[cid] = c
        return c

    def call(self, d, profile, num, to, ctype, dur, *, cat, source, campaign, tag=None, note=None, name="",
             incoming=True, hour=None):
        local, utc = self.local_time(d, profile, hour, "s" if self.call_has_seconds else "m")
        self.add(dict(channel="call", dir="in" if incoming else "out", local=local, utc=utc, ms=ms_of(utc),
                      num=num, from_w=self.w(num, "csv"), to=to.norm() if to else None, to_num=to,
                      ctype=ctype, dur=dur, tag=tag, note=note, name=name, category=cat, source=source,
                      campaign=campaign))

    def sms(self, d, profile, num, to, text, *, cat, source, campaign, contact="(Unknown)", mms=False,
            incoming=True, hour=None, image=False):
        local, utc = self.local_time(d, profile, hour, "s")
        ms = ms_of(utc) + self.rng.randrange(1000)
        self.add(dict(channel="sms", dir="in" if incoming else "out", local=local, utc=utc, ms=ms, num=num,
                      from_w=self.w(num, "sms"), to=to.norm() if to else None, to_num=to, text=text,
                      contact=contact, mms=mms, image=image, category=cat, source=source, campaign=campaign))

    def email(self, d, profile, *, frm, frm_name, to, to_name, subject, text, html_body=None, cat, source,
              campaign, headers=(), msgid_domain, cte="8bit", charset="utf-8", hour=None, sender_offset=None,
              to_header=None, attachments=()):
        local, utc = self.local_time(d, profile, hour, "s")
        for _ in range(100):
            mid = f"{self.randalnum(self.rng.choice([12, 16, 20]), '0123456789abcdef')}.{self.randalnum(6)}@{msgid_domain}"
            if mid not in self.msgids:
                break
        self.msgids.add(mid)
        self.add(dict(channel="email", dir="in", local=local, utc=utc, ms=ms_of(utc), from_w=frm,
                      frm_name=frm_name, to=to.lower(), to_addr=to, to_name=to_name, to_header=to_header,
                      subject=subject, text=text, html=html_body, msgid=mid, headers=list(headers), cte=cte,
                      charset=charset, sender_offset=sender_offset, attachments=list(attachments),
                      category=cat, source=source, campaign=campaign))

    # ------------------------------------------------------------------ call outcomes
    def call_outcome(self, tagged, kind="mkt"):
        r = self.rng
        if kind == "legit":
            t = r.choices(["in", "missed", "rejected"], [78, 18, 4])[0]
        elif kind == "fraud":
            t = r.choices(["in", "missed", "rejected", "blocked"], [15, 35, 25, 25] if not tagged else [5, 20, 25, 50])[0]
        else:
            t = r.choices(["in", "missed", "rejected", "blocked"], [15, 20, 25, 40] if tagged else [38, 34, 24, 4])[0]
        if t != "in":
            return t, 0
        if kind == "legit":
            return t, int(r.choice([r.randint(8, 60), r.randint(30, 400), r.randint(120, 1800)]))
        if kind == "courier":
            return t, r.randint(6, 55)
        return t, int(min(900, r.expovariate(1 / 35) + 3)) if r.random() < 0.93 else r.randint(120, 420)

    # ------------------------------------------------------------------ leak campaigns
    def plan_leaks(self):
        r = self.rng
        camp_mult = self.scale
        ev_mult = self.scale ** 0.6
        seq = 0
        for disc in self.disclosures:
            if not disc["leaked"]:
                continue
            k = r.randint(1, 4)
            k = max(1, int(round(k * camp_mult)))
            affinity = self.L.AFFINITY[disc["kind"]]
            cats = []
            for i in range(k):
                if i == 0:
                    cats.append(affinity[0][0] if r.random() < 0.6 else self.wchoice(affinity))
                else:
                    cats.append(self.wchoice(affinity))
            for cat in cats:
                seq += 1
                self.plan_leak_campaign(seq, disc, cat, ev_mult)

    def pick_mode(self, cat, has_phone, has_email):
        r = self.rng
        w = {}
        if has_phone:
            w.update(callblock=3, callsms=2, agent=2, smsbrand=3)
        if has_email:
            w.update(email=3 if has_phone else 6, smsemail=1.5 if has_phone else 0)
        adj = {
            "property": dict(callblock=1.6, agent=1.6, email=0.6), "renovation": dict(callblock=1.6, callsms=1.3),
            "insurance": dict(callblock=1.5, agent=1.4), "finance": dict(smsbrand=1.5, callblock=1.2),
            "education": dict(smsbrand=1.3, agent=1.2), "automotive": dict(callblock=1.3, smsbrand=1.2),
            "healthcare": dict(smsbrand=1.4, agent=1.1), "recruitment": dict(agent=2, email=2.2, callblock=0.4),
            "retail": dict(smsbrand=2, email=2, callblock=0.3, callsms=0.5), "telecom": dict(smsbrand=1.5),
            "fraud": dict(agent=2, smsbrand=1.5, callblock=0.2, callsms=0.2, email=1.5),
        }.get(cat, {})
        if cat != "fraud" and not any(f.get("agent") for f in self.L.FAM[cat]):
            w.pop("agent", None)
        pairs = [(m, wt * adj.get(m, 1.0)) for m, wt in w.items() if wt > 0]
        return self.wchoice(pairs)

    def plan_leak_campaign(self, seq, disc, cat, ev_mult):
        r, L = self.rng, self.L
        phones, emails = disc["phones"], disc["emails"]
        mode = self.pick_mode(cat, bool(phones), bool(emails))
        fams, (brand, slug) = self.choose_families(cat, mode, disc["kind"])
        cid = f"c{seq:03d}-{cat}-{slug}"
        while cid in self.campaigns:
            cid += "x"
        # timing
        delay = r.choices([r.randint(3, 14), r.randint(15, 35), r.randint(36, 60)], [6, 3, 1])[0]
        start = disc["date"] + timedelta(days=delay)
        span = r.choice([14, 21, 30, 45, 60, 90, 120])
        base = {"callblock": (8, 30), "callsms": (8, 28), "agent": (4, 14), "smsbrand": (5, 20),
                "email": (6, 26), "smsemail": (6, 22)}[mode]
        n = int(round(r.randint(*base) * ev_mult))
        if start >= self.end - timedelta(days=2):
            start = self.end - timedelta(days=r.randint(3, 10))
        # targets
        if phones:
            if len(phones) > 1:
                t = r.choices(["main", "all", "other"], [5, 3.5, 1.5])[0]
                tphones = [phones[0]] if t == "main" else (phones if t == "all" else phones[1:])
            else:
                tphones = list(phones)
        else:
            tphones = []
        temails = list(emails)
        leaked_name = disc["names"][0] if disc["names"] else None
        meta = dict(mode=mode, brand=brand, disclosure_kind=disc["kind"],
                    mentions_source=r.random() < 0.22, uses_name=bool(leaked_name) and r.random() < (0.55 if leaked_name != self.me["name"] else 0.4),
                    leaked_name=leaked_name, start_day=start.isoformat(), planned=n)
        camp = self.new_campaign(cid, "leak", cat, disc["source"], **meta)
        ctx = self.campaign_ctx(camp, brand, slug, disc, leaked_name)
        style = self.campaign_style(camp, cat, mode, fams)
        senders = self.campaign_senders(mode, slug, cat)
        second = None
        if r.random() < 0.2:
            second = (start + timedelta(days=span + r.randint(40, 120)), r.choice([14, 21, 30]))
        stream = dict(kind="leak", camp=camp, count=n, ctx=ctx, style=style, senders=senders, tphones=tphones,
                      temails=temails, start=start, span=span, second=second, disc=disc, cat=cat, mode=mode)
        self.streams.append(stream)

    def campaign_ctx(self, camp, brand, slug, disc, leaked_name):
        r, L = self.rng, self.L
        ctx = dict(brand=brand, agent=r.choice(L.AGENTS), agency=r.choice(L.AGENCIES), proj=r.choice(L.PROJECTS),
                   school=r.choice(L.SCHOOLS), model=r.choice(L.CAR_MODELS), company=r.choice(L.COMPANIES),
                   district=r.choice(self.city["districts"]), wx=self.wechat(), tel=self.hotline())
        if camp["category"] == "property":
            ctx["agency"] = brand
        if disc is not None:
            ctx["kw"] = r.choice(disc["keywords"])
            ctx["src"] = disc["source"]
        tld = r.choice([".com.cn", ".cn", ".com"] if self.lang == "zh" else
                       ([".co.uk", ".com", ".uk"] if self.region == "GB" else [".com", ".net", ".us"]))
        ctx["_domain"] = slug + tld
        if camp["category"] == "fraud":
            ctx["_domain"] = self.randalnum(r.randint(5, 8), "abcdefghijklmnopqrstuvwxyz") + r.choice([".top", ".xyz", ".cc", ".vip"])
            ctx["_link"] = self.fraud_domain()
        if r.random() < 0.45:
            ctx["_link"] = r.choice(["m." + slug + tld, slug + tld + "/a", "h5." + slug + tld]) if self.lang == "zh" \
                else r.choice([slug + tld + "/offer", "go." + slug + tld])
        pname = leaked_name or self.me["name"]
        ctx["_person"] = self.person_ctx(pname)
        return ctx

    def choose_families(self, cat, mode, kind):
        """Template families for a campaign (1-2, same sender type) and its brand."""
        r, L = self.rng, self.L
        if cat == "fraud":
            fams = [(f, None, None) for f in L.JOB_SCAM]
        else:
            fams = [(f,) + tuple(L.FAM_META[cat][i]) for i, f in enumerate(L.FAM[cat])]
        agentish = mode == "agent"
        pool = [x for x in fams if bool(x[0].get("agent")) == agentish] or fams

        def wt(x):
            fit = x[1]
            if kind is None:
                return 1.0 if fit is None else 0.3
            if fit is None:
                return 1.0
            return 3.0 if kind in fit else 0.05

        first = r.choices(pool, [wt(x) for x in pool])[0]
        brands = first[2] or L.BRANDS.get(cat, L.BRANDS["fraud"])
        brand = r.choice(brands)
        chosen = [first[0]]
        if r.random() < 0.35:
            others = [x for x in pool if x is not first and wt(x) >= 1 and
                      ((x[2] is None and first[2] is None) or (x[2] is not None and brand in x[2]))]
            if others:
                chosen.append(r.choice(others)[0])
        return chosen, brand

    def campaign_style(self, camp, cat, mode, fams):
        r, L = self.rng, self.L
        agentish = mode == "agent" or cat == "fraud"
        chosen = fams
        return dict(fams=chosen, brandtag=(not agentish) and r.random() < (0.9 if self.lang == "zh" else 0.7),
                    tag_end=r.random() < 0.2, optout=r.choice(L.OPTOUT) if not agentish else "",
                    emoji=r.random() < 0.25, html=r.random() < 0.6, cte=r.choice(["8bit", "base64", "quoted-printable"]),
                    esp=r.choice(ESP[self.lang]), send_hour=r.choice([9, 10, 11, 14, 15, 16, 19, 20]),
                    tag_rate=r.choice([0.0, 0.3, 0.6, 0.85]), agent_voice=agentish)

    def campaign_senders(self, mode, slug, cat):
        r = self.rng
        s = {}
        if mode in ("callblock", "callsms"):
            kind = "landline" if r.random() < (0.6 if self.lang == "zh" else 0.55) else "mobile"
            s["calls"] = self.block(kind, r.randint(3, 12))
        if mode in ("smsbrand", "callsms", "smsemail"):
            s["sms"] = self.sms_sender_brand(slug)
        if mode == "agent":
            s["agent"] = [self.mobile()] + ([self.mobile()] if r.random() < 0.15 else [])
        return s

    def realize_leak(self, st):
        r = self.rng
        camp, n = st["camp"], st["count"]
        mode = st["mode"]
        days = self.spread_days(st["start"], st["span"], n, r.choice(["front", "front", "uniform", "cluster"]))
        if st["second"] and n >= 6:
            k = max(1, n // 4)
            days = days[:n - k] + self.spread_days(st["second"][0], st["second"][1], k, "uniform")
        tags = {}
        for d in days:
            ch = {"callblock": "call", "callsms": "call" if r.random() < 0.65 else "sms",
                  "agent": "call" if r.random() < 0.6 else "sms", "smsbrand": "sms", "email": "email",
                  "smsemail": "sms" if r.random() < 0.5 else "email"}[mode]
            if ch == "call":
                self.leak_call(st, d, tags)
            elif ch == "sms":
                self.leak_sms(st, d)
            else:
                self.leak_email(st, d)

    def pick_target_phone(self, st):
        tp = st["tphones"]
        if len(tp) == 1:
            return tp[0]
        return self.rng.choices(tp, [3] + [1] * (len(tp) - 1))[0]

    def leak_call(self, st, d, tags):
        r = self.rng
        camp, style = st["camp"], st["style"]
        if st["mode"] == "agent":
            num = st["senders"]["agent"][0] if len(st["senders"]["agent"]) == 1 or r.random() < 0.8 else st["senders"]["agent"][1]
            tag_rate = style["tag_rate"] * 0.4
        else:
            nums = st["senders"]["calls"]
            i = st.setdefault("_rot", r.randrange(len(nums)))
            st["_rot"] = (i + r.choice([1, 1, 2, 3])) % len(nums)
            num = nums[i]
            tag_rate = style["tag_rate"]
        if num.nat not in tags:
            tags[num.nat] = r.choice(self.L.TAGS[st["cat"]]) if r.random() < tag_rate else None
        tag = tags[num.nat]
        ctype, dur = self.call_outcome(bool(tag), "fraud" if st["cat"] == "fraud" else "mkt")
        note = None
        if ctype == "in" and r.random() < 0.05:
            note = r.choice(self.L.NOTES[st["cat"]])
        self.call(d, "biz", num, self.pick_target_phone(st), ctype, dur, cat=st["cat"], source=camp["source"],
                  campaign=camp["id"], tag=tag, note=note)

    def compose(self, st, d, voice=None):
        """One marketing text: [brand tag] greeting [source phrase] body [opt-out]."""
        r, L = self.rng, self.L
        camp, style, ctx = st["camp"], st["style"], st["ctx"]
        agent = style["agent_voice"] if voice is None else voice
        fam = r.choice(style["fams"])
        full_ctx = self.message_ctx(ctx, d)
        body = self.fill(r.choice(fam["sms"]), full_ctx, d)
        brand = ctx["brand"]
        branded = False
        for sep in ("：", ": ", ":"):
            if body.startswith(brand + sep):
                body = body[len(brand) + len(sep):]
                branded = True
                break
        greet = self.greeting(camp, agent, full_ctx, d, st.get("disc"))
        if branded and r.random() < 0.7:
            greet = ""
        if self.lang == "en" and body[:1].islower() and (branded or greet.endswith(("! ", ". ")) or not greet):
            body = body[0].upper() + body[1:]
        src = ""
        if camp.get("mentions_source") and st.get("disc") and r.random() < 0.6:
            src = self.fill(r.choice(L.SRC_PHRASE[st["disc"]["kind"]]), full_ctx, d)
        text = greet + src + body
        if style["emoji"] and r.random() < 0.6:
            e = r.choice(L.EMOJI_MKT)
            text = e + text if r.random() < 0.5 else text + e
        if style["brandtag"] or branded:
            tag = L.BRANDTAG.format(brand=ctx["brand"])
            if self.lang == "zh" and style["tag_end"]:
                text = text + tag
            else:
                text = tag + text
        if style["optout"]:
            text += self.fill(style["optout"], full_ctx, d)
        return text, fam

    def message_ctx(self, ctx, d):
        """Campaign context plus the person's name and slots pinned for one message,
        so a subject and its body quote the same price, date and count."""
        m = dict(ctx)
        m.update(ctx["_person"])
        m["cur"] = self.cur
        for k in ("price", "n", "n2", "wan", "wan2", "pct", "zhe", "rate", "day", "area", "rooms", "phase",
                  "gift", "job", "salary", "order"):
            if k not in ctx:
                m[k] = self.dyn(k, m, d)
        return m

    def greeting(self, camp, agent, pctx, d, disc):
        r, L = self.rng, self.L
        x = r.random()
        if camp.get("uses_name") and x < 0.7:
            pool = L.GREET_NAMED_AGENT if agent else L.GREET_NAMED
            if self.lang == "en" and pctx["first"].endswith("."):
                pool = ["Dear {full}, ", "Dear {title} {sur}, "]
            if self.lang == "zh":
                pool = [g.replace("哥", L.AGENT_SIBLING[self.me["gender"]]).replace("姐", L.AGENT_SIBLING[self.me["gender"]]) for g in pool]
        elif disc is not None and x < 0.8 and not agent and r.random() < 0.5:
            pool = L.ROLE_GREET[disc["kind"]]
        else:
            pool = L.GREET_GENERIC_AGENT if agent else L.GREET_GENERIC
        return self.fill(r.choice(pool), pctx, d)

    def leak_sms(self, st, d):
        r = self.rng
        camp = st["camp"]
        if st["mode"] == "agent":
            num = st["senders"]["agent"][0]
            text, _ = self.compose(st, d, voice=True)
        else:
            num = r.choice(st["senders"]["sms"])
            text, _ = self.compose(st, d, voice=False)
        mms = st["mode"] != "agent" and r.random() < 0.06
        self.sms(d, "sms", num, self.pick_target_phone(st), text, cat=st["cat"], source=camp["source"],
                 campaign=camp["id"], mms=mms)

    def leak_email(self, st, d):
        r, L = self.rng, self.L
        camp, style, ctx = st["camp"], st["style"], st["ctx"]
        fam = r.choice(style["fams"])
        pctx = self.message_ctx(ctx, d)
        to = r.choice(st["temails"]) if len(st["temails"]) == 1 or r.random() < 0.8 else st["temails"][-1]
        self.marketing_email(st, d, fam, pctx, to, camp, style, ctx, st.get("disc"))

    def marketing_email(self, st, d, fam, pctx, to, camp, style, ctx, disc, cat=None, source=None):
        r, L = self.rng, self.L
        zh = self.lang == "zh"
        cat = cat or st["cat"]
        subj = self.fill(r.choice(fam.get("subj") or fam["sms"][:1]), pctx, d)
        if style["emoji"] and r.random() < 0.4:
            subj = r.choice(L.EMOJI_MKT) + subj
        if style["brandtag"] and zh and r.random() < 0.5:
            subj = L.BRANDTAG.format(brand=ctx["brand"]) + subj
        para = self.fill(r.choice(fam.get("mail") or fam["sms"]), pctx, d)
        greet = self.greeting(camp, style["agent_voice"], pctx, d, disc).strip().rstrip("，,")
        if zh:
            greet = (greet or "您好") + "："
        else:
            greet = (greet or "Hello") + ","
        src = ""
        if camp.get("mentions_source") and disc and r.random() < 0.7:
            src = self.fill(r.choice(L.SRC_PHRASE[disc["kind"]]), pctx, d)
        lines = [greet, "", (src + para).strip(), ""]
        if r.random() < 0.5:
            lines += [self.fill(r.choice(fam["sms"]), pctx, d), ""]
        agent_voice = style["agent_voice"]
        if zh:
            sign = [f"{ctx['agent']}", ctx["brand"], f"电话：{ctx['tel']}"] if agent_voice else [f"{ctx['brand']}客户服务中心", f"热线：{ctx['tel']}"]
        else:
            sign = ["Best regards,", ctx["agent"], ctx["brand"], ctx["tel"]] if agent_voice else \
                ["Kind regards,", f"The {ctx['brand']} team"] if r.random() < 0.6 else [f"From all of us at {ctx['brand']},", "thank you."]
        lines += sign
        esp = style["esp"]
        token = self.randalnum(24)
        unsub_url = f"https://{esp}/u/{token}"
        headers = []
        if not agent_voice:
            if zh:
                foot = "本邮件由系统自动发送，请勿直接回复。如不希望再收到此类邮件，请点击退订：" + unsub_url
                if camp.get("mentions_source") and disc and r.random() < 0.5:
                    foot = f"您收到此邮件是因为您在{pctx.get('kw', '')}登记了联系方式。" + foot
            else:
                foot = f"You are receiving this email because you opted in to offers from {ctx['brand']} and selected partners. Unsubscribe: {unsub_url}"
                if camp.get("mentions_source") and disc and r.random() < 0.5:
                    foot = f"You're receiving this because you registered your details with {pctx.get('kw', '')}. Unsubscribe: {unsub_url}"
            lines += ["", "--", foot]
            headers.append(("List-Unsubscribe", f"<mailto:unsubscribe-{token[:12]}@{esp}>, <{unsub_url}>"))
            if r.random() < 0.7:
                headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
            headers.append(("Precedence", "bulk"))
            headers.append(("Return-Path", f"<bounce-{self.randalnum(10)}@{esp}>"))
            headers.append(("X-Mailer", r.choice(["EDM Sender 4.2", "MailBlast v3", "SendEngine"]) if zh else
                            r.choice(["Campaign Monitor", "MailFlow 2.1", "Relay MTA"])))
        text = "\n".join(lines) + "\n"
        html_body = self.to_html(subj, lines) if style["html"] and not agent_voice else None
        dom = ctx["_domain"]
        if agent_voice:
            local = (f"{ctx['agent'].lower()}.{self.randalnum(1, 'abcdefghjklmnprstw')}" if not zh else
                     f"{r.choice(['sales', 'guwen', 'vip', 'hr', 'kefu'])}{r.randint(1, 99):02d}")
            frm = f"{local}@{dom}"
            frm_name = f"{ctx['agent']}（{ctx['brand']}）" if zh else f"{ctx['agent']} at {ctx['brand']}"
        else:
            frm = f"{r.choice(['news', 'noreply', 'service', 'marketing', 'hello', 'offers'])}@{r.choice(['mail.', 'edm.', 'e.', 'news.'])}{dom}"
            frm_name = ctx["brand"] + (r.choice(["", "会员中心", "客服"]) if zh else r.choice(["", " Offers", " Team"]))
            st.setdefault("_from", (frm, frm_name))
            frm, frm_name = st["_from"]
        to_name = None
        if camp.get("uses_name") and r.random() < 0.7:
            to_name = pctx["full"]
        off = 8 if zh else (0 if self.region == "GB" else r.choice([-5, 0]))
        self.email(d, "mail", frm=frm, frm_name=frm_name, to=to, to_name=to_name, subject=subj, text=text,
                   html_body=html_body, cat=cat, source=source if source is not None else camp["source"],
                   campaign=camp["id"], headers=headers, msgid_domain=(esp if not agent_voice else dom),
                   cte=style["cte"], hour=style["send_hour"] if not agent_voice and r.random() < 0.8 else None,
                   sender_offset=off)

    def to_html(self, subj, lines):
        parts = []
        for ln in lines:
            if not ln:
                continue
            esc = html.escape(ln)
            esc = re.sub(r"(https?://[^\s<]+|(?:[a-z0-9-]+\.)+[a-z]{2,}/[A-Za-z0-9/]+)",
                         lambda m: f'<a href="{m.group(1) if m.group(1).startswith("http") else "https://" + m.group(1)}">{m.group(1)}</a>', esc)
            parts.append(f"<p style=\"margin:0 0 12px 0\">{esc}</p>")
        return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html.escape(subj) +
                "</title></head>\n<body style=\"font-family:Arial,sans-serif;font-size:14px;color:#333\">\n"
                "<table width=\"600\" align=\"center\"><tr><td>\n" + "\n".join(parts) +
                "\n</td></tr></table>\n</body></html>\n")

    # ------------------------------------------------------------------ noise
    def plan_noise(self):
        r = self.rng
        s = self.scale
        m = s ** 1.25         # event volume of background traffic
        mc = s ** 0.7         # number of background campaigns
        # legitimate traffic
        self.streams.append(dict(kind="contacts_call", count=int(110 * m), out=int(90 * m)))
        self.streams.append(dict(kind="contacts_sms", count=int(55 * m), out=int(25 * m)))
        self.streams.append(dict(kind="codes", count=int(90 * m)))
        self.streams.append(dict(kind="delivery_sms", count=int(45 * m)))
        self.streams.append(dict(kind="courier_call", count=int(35 * m)))
        self.streams.append(dict(kind="bank_sms", count=int(45 * m)))
        self.streams.append(dict(kind="service_sms", count=int(18 * m)))
        self.streams.append(dict(kind="carrier_notice", count=int(12 * m)))
        for disc in self.disclosures:
            self.streams.append(dict(kind="src_legit", disc=disc, count=int(r.randint(1, 5) * max(1, s ** 0.5))))
        for kind, base in (("bank", 12), ("work", 30), ("newsletter", 26), ("shop", 14), ("family", 5), ("travel", 4)):
            self.streams.append(dict(kind="legit_mail", mail=kind, count=int(base * m)))
        # unsolicited but unrelated to any disclosure
        blasts = self.L.FRAUD_BLAST
        nb = max(1, int(round(r.randint(6, min(10, len(blasts))) * mc)))
        for i in range(nb):
            fam = blasts[i % len(blasts)] if i < len(blasts) else r.choice(blasts)
            self.streams.append(dict(kind="fraud", fam=fam, idx=i + 1, count=int(r.randint(4, 16) * mc)))
        self.streams.append(dict(kind="carrier_offer", count=int(r.randint(12, 22) * m)))
        for i in range(max(1, int(round(r.randint(4, 7) * mc)))):
            fam = self.L.OLD_SPAM[i % len(self.L.OLD_SPAM)] if i < len(self.L.OLD_SPAM) else r.choice(self.L.OLD_SPAM)
            self.streams.append(dict(kind="oldspam", fam=fam, idx=i + 1, count=int(r.randint(6, 20) * mc)))
        for i in range(max(1, int(round(r.randint(5, 9) * mc)))):
            self.streams.append(dict(kind="cold", idx=i + 1, count=int(r.randint(3, 14) * mc)))
        if r.random() < 0.5 or s > 1:
            for i in range(max(1, int(round(mc)))):
                self.streams.append(dict(kind="harass", idx=i + 1, count=int(r.randint(5, 15) * mc ** 0.5)))

    def rescale(self):
        if not self.epy:
            return
        total = sum(st["count"] for st in self.streams)
        if total <= 0:
            return
        f = self.epy / total
        for st in self.streams:
            st["count"] = max(1 if st["count"] > 0 else 0, int(round(st["count"] * f)))
            if "out" in st:
                st["out"] = int(round(st["out"] * f))

    def rand_day(self, lo=0, hi=365):
        return self.day_at(self.rng.randrange(lo, hi))

    def realize(self):
        for st in self.streams:
            getattr(self, "r_" + st["kind"])(st)

    r_leak = realize_leak

    def contact_pick(self):
        cs = self.contacts
        return self.rng.choices(cs, [c["weight"] for c in cs])[0]

    def r_contacts_call(self, st):
        r = self.rng
        legit = self.new_campaign("legit-contacts", "noise", "legit", None)
        for i in range(st["count"] + st["out"]):
            c = self.contact_pick()
            d = self.rand_day()
            prof = "work" if c["rel"] in ("boss", "colleague") else "family"
            to = self.me["phones"][0] if r.random() < 0.85 else r.choice(self.me["phones"])
            if i < st["count"]:
                ctype, dur = self.call_outcome(False, "legit")
                self.call(d, prof, c["num"], to, ctype, dur, cat="legit", source=None, campaign=legit["id"], name=c["name"])
            else:
                dur = r.choice([0, r.randint(10, 90), r.randint(60, 900)])
                self.call(d, prof, c["num"], to, "out", dur, cat="legit", source=None, campaign=legit["id"],
                          name=c["name"], incoming=False)
        # the person calls back some marketers and couriers too
        for _ in range(max(1, st["out"] // 12)):
            leak_nums = [s for s in self.streams if s["kind"] == "leak" and "agent" in s.get("senders", {})]
            if leak_nums and r.random() < 0.5:
                s = r.choice(leak_nums)
                num = s["senders"]["agent"][0]
                d = self.clamp_day(s["start"] + timedelta(days=r.randint(0, s["span"])))
            else:
                num = self.mobile()
                d = self.rand_day()
            self.call(d, "biz", num, self.me["phones"][0], "out", r.randint(0, 120), cat="legit", source=None,
                      campaign=legit["id"], incoming=False)

    def r_contacts_sms(self, st):
        r, L = self.rng, self.L
        legit = self.new_campaign("legit-contacts-sms", "noise", "legit", None)
        for i in range(st["count"] + st["out"]):
            c = self.contact_pick()
            d = self.rand_day()
            prof = "work" if c["rel"] in ("boss", "colleague") else "family"
            to = self.me["phones"][0]
            if i < st["count"]:
                text = r.choice(L.FAMILY_SMS.get(c["srel"], L.FAMILY_SMS["friend"]))
                if r.random() < 0.2:
                    text += r.choice(L.EMOJI_FAMILY)
                image = r.random() < 0.06
                self.sms(d, prof, c["num"], to, text, cat="legit", source=None, campaign=legit["id"],
                         contact=c["name"], mms=image, image=image)
            else:
                self.sms(d, prof, c["num"], to, r.choice(L.MY_REPLIES), cat="legit", source=None,
                         campaign=legit["id"], contact=c["name"], incoming=False)

    def service_sender(self, key):
        cache = self.__dict__.setdefault("_svc", {})
        if key not in cache:
            r = self.rng
            if self.lang == "zh":
                cache[key] = Num("short", "1069" + r.choice(["0", "1", "5", "8"]) + self.randcode(r.choice([7, 8, 9])))
            else:
                cache[key] = Num("alpha", re.sub(r"[^A-Za-z0-9]", "", key)[:11]) if self.region == "GB" or r.random() < 0.3 \
                    else Num("short", str(r.randint(20000, 99999)))
        return cache[key]

    def r_codes(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign("legit-codes", "noise", "legit", None)
        apps = r.sample(L.CODE_APPS, min(len(L.CODE_APPS), 7))
        for _ in range(st["count"]):
            app = r.choice(apps)
            ctx = dict(app=app, action=r.choice(L.CODE_ACTIONS) if self.lang == "zh" else "")
            d = self.rand_day()
            text = self.fill(r.choice(L.CODE_SMS), ctx, d)
            to = self.me["phones"][0] if r.random() < 0.9 else r.choice(self.me["phones"])
            self.sms(d, "codes", self.service_sender(app), to, text, cat="legit", source=None, campaign=camp["id"])

    def r_delivery_sms(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign("legit-delivery", "noise", "legit", None)
        for _ in range(st["count"]):
            d = self.rand_day()
            tpl = r.choice(L.DELIVERY_SMS)
            exp = self.dyn("express", {}, d)
            ctx = dict(express=exp, tel=self.w(self.mobile(), "text"))
            text = self.fill(tpl, ctx, d)
            key = "菜鸟驿站" if "菜鸟" in tpl else ("丰巢" if "丰巢" in tpl else ("美团" if "美团" in tpl else exp))
            self.sms(d, "delivery", self.service_sender(key), self.me["phones"][0], text, cat="legit",
                     source=None, campaign=camp["id"])

    def r_courier_call(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign("legit-couriers", "noise", "legit", None)
        couriers = [self.mobile() for _ in range(max(3, st["count"] // 3))]
        tags = {}
        for _ in range(st["count"]):
            num = r.choice(couriers)
            if num.nat not in tags:
                tags[num.nat] = r.choice(L.TAGS["courier"]) if r.random() < 0.6 else None
            ctype, dur = self.call_outcome(False, "legit")
            if ctype == "in":
                dur = r.randint(6, 55)
            note = r.choice(L.NOTES["legit"][:2]) if r.random() < 0.04 else None
            self.call(self.rand_day(), "delivery", num, self.me["phones"][0], ctype, dur, cat="legit", source=None,
                      campaign=camp["id"], tag=tags[num.nat], note=note)

    def r_bank_sms(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign("legit-bank", "noise", "legit", None)
        for _ in range(st["count"]):
            bank, short = r.choice(self.banks)
            d = self.rand_day()
            ctx = dict(bank=bank, short=short, last4=self.bank_last4[bank])
            text = self.fill(r.choice(L.BANK_SMS), ctx, d)
            self.sms(d, "bank", Num("short" if short.isdigit() else "alpha", short), self.me["phones"][0], text,
                     cat="legit", source=None, campaign=camp["id"])

    def r_service_sms(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign("legit-services", "noise", "legit", None)
        senders = {}
        for _ in range(st["count"]):
            snd, tpl = r.choice(L.SERVICE_SMS)
            if snd not in senders:
                senders[snd] = Num("short" if re.sub(r"\{\w+\}", "", snd).isdigit() else "alpha",
                                   re.sub(r"\{\w+\}", lambda m: self.randcode(6), snd))
            d = self.rand_day()
            ctx = dict(self.person_ctx())
            ctx["last4"] = self.bank_last4[self.banks[0][0]]
            self.sms(d, "codes", senders[snd], self.me["phones"][0], self.fill(tpl, ctx, d), cat="legit",
                     source=None, campaign=camp["id"])

    def carrier_sender(self, i):
        if self.lang == "zh":
            return Num("short", self.L.CARRIERS[self.me["carriers"][i]]["short"])
        c = EN_CARRIERS[self.region][self.me["carriers"][i]]
        return Num("alpha" if not c.isdigit() else "short", c)

    def r_carrier_notice(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign("legit-carrier", "noise", "legit", None)
        for _ in range(st["count"]):
            i = 0 if r.random() < 0.75 else r.randrange(len(self.me["phones"]))
            d = self.rand_day()
            text = self.fill(r.choice(L.CARRIER_NOTICE), dict(cur=self.cur), d)
            if self.lang == "zh":
                text = f"【{self.carrier_name(i)}】" + text if r.random() < 0.5 else text
            self.sms(d, "codes", self.carrier_sender(i), self.me["phones"][i], text, cat="legit", source=None,
                     campaign=camp["id"])

    def r_carrier_offer(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign("noise-carrier-offers", "noise", "telecom", None, brand=self.carrier_name(0))
        for _ in range(st["count"]):
            i = 0 if r.random() < 0.8 else r.randrange(len(self.me["phones"]))
            d = self.rand_day()
            fam = r.choice(L.CARRIER_OFFER)
            ctx = dict(brand=self.carrier_name(i), cur=self.cur, tel=self.carrier_sender(i).nat)
            text = self.fill(r.choice(fam["sms"]), ctx, d)
            if self.lang == "zh":
                text = f"【{self.carrier_name(i)}】" + text
            if r.random() < 0.12:
                ctype, dur = self.call_outcome(False)
                self.call(d, "biz", self.carrier_sender(i), self.me["phones"][i], ctype, dur, cat="telecom",
                          source=None, campaign=camp["id"])
            else:
                self.sms(d, "sms", self.carrier_sender(i), self.me["phones"][i], text, cat="telecom", source=None,
                         campaign=camp["id"])

    def r_src_legit(self, st):
        r, L = self.rng, self.L
        disc = st["disc"]
        camp = self.new_campaign(f"legit-src-{disc['slug']}", "noise", "legit", None, about=disc["source"])
        tpls = L.SRC_LEGIT.get(disc["kind"], [])
        if not tpls or not disc["phones"]:
            return
        sender = self.service_sender(disc["keywords"][0] + "-src")
        if self.lang == "en":
            sender = Num("alpha", re.sub(r"[^A-Za-z0-9]", "", disc["keywords"][0])[:11])
        for _ in range(st["count"]):
            d = self.clamp_day(disc["date"] + timedelta(days=r.randint(0, 120)))
            ctx = dict(kw=disc["keywords"][0], cur=self.cur)
            self.sms(d, "codes", sender, disc["phones"][0], self.fill(r.choice(tpls), ctx, d), cat="legit",
                     source=None, campaign=camp["id"])

    def r_legit_mail(self, st):
        r, L = self.rng, self.L
        kind = st["mail"]
        spec = next(x for x in L.LEGIT_MAIL if x["kind"] == kind)
        camp = self.new_campaign(f"legit-mail-{kind}", "noise", "legit", None)
        colleagues = st.setdefault("_coll", [self.person_with_ascii() for _ in range(4)])
        for _ in range(st["count"]):
            d = self.rand_day()
            ctx = dict(self.person_ctx())
            ctx["cur"] = self.cur
            ctx["last4"] = self.bank_last4[self.banks[0][0]]
            ctx["order"] = self.dyn("order", ctx, d)
            ctx["date"] = self.dyn("date", ctx, d)
            to = self.me["emails"][0]
            if kind == "work":
                colleague, local = r.choice(colleagues)
                ctx["colleague"] = colleague
                name, dom = colleague, self.workdomain
                to = self.me["emails"][-1]
            elif kind == "family":
                rel = r.choice([c for c in self.contacts if c["rel"] in ("mother", "sister", "brother", "father", "aunt", "spouse")] or self.contacts)
                fam_people = st.setdefault("_fam", {})
                if rel["name"] not in fam_people:
                    nm, loc = self.person_with_ascii(rel["rel"])
                    fam_people[rel["name"]] = (nm, f"{loc.replace('.', '')}{r.randint(1, 99)}")
                name, local = fam_people[rel["name"]]
                dom = spec["domain"]
            else:
                name, local, dom = spec["name"], spec["local"], spec["domain"]
            subj = self.fill(r.choice(spec["subj"]), ctx, d)
            body = self.fill(r.choice(spec["body"]), ctx, d)
            headers = []
            if spec["unsub"]:
                headers.append(("List-Unsubscribe", f"<https://{dom}/unsubscribe?u={self.randalnum(16)}>"))
                headers.append(("List-Id", f"<weekly.{dom}>"))
            atts = []
            if kind in ("bank", "work") and r.random() < 0.25:
                atts.append(("对账单.pdf" if kind == "bank" and self.lang == "zh" else
                             ("statement.pdf" if kind == "bank" else r.choice(["report.xlsx", "周报.docx" if self.lang == "zh" else "notes.docx"]))))
            charset = "gbk" if self.lang == "zh" and kind in ("bank", "work") and r.random() < 0.3 else "utf-8"
            html_body = self.to_html(subj, body.split("\n")) if kind in ("newsletter", "shop", "bank") and r.random() < 0.7 else None
            off = 8 if self.lang == "zh" else None
            self.email(d, "work" if kind == "work" else "mail", frm=f"{local}@{dom}", frm_name=name, to=to,
                       to_name=self.me["name"] if r.random() < 0.6 else None, subject=subj, text=body + "\n",
                       html_body=html_body, cat="legit", source=None, campaign=camp["id"], headers=headers,
                       msgid_domain=dom, cte=r.choice(["8bit", "base64", "quoted-printable"]), charset=charset,
                       sender_offset=off, attachments=atts)

    def person_with_ascii(self, rel=None):
        """(display name, ascii local part) of someone the person knows."""
        r, L = self.rng, self.L
        if self.lang == "zh":
            if rel in ("father", "brother", "sister"):
                sur, sp = self.me["sur"], self.me["sur_py"]
            else:
                sur, sp, _ = r.choice(L.SURNAMES)
            g, gp, _ = r.choice(L.GIVEN_F if rel in ("mother", "sister", "aunt") else
                                (L.GIVEN_M if rel in ("father", "brother") else L.GIVEN_M + L.GIVEN_F))
            return sur + g, r.choice([f"{gp}.{sp}", f"{sp}{gp}", f"{sp}.{gp}"])
        first, gender, _ = r.choice([f for f in L.FIRST if rel not in ("mother", "sister", "aunt") or f[1] == "f"])
        sur = self.me["sur"] if rel in ("father", "mother", "brother", "sister") else r.choice(L.SURNAMES)[0]
        slug = re.sub(r"[^a-z]", "", sur.lower())
        return f"{first} {sur}", r.choice([f"{first.lower()}.{slug}", f"{first[0].lower()}{slug}", f"{first.lower()}{slug[0]}"])

    def ascii_name(self, name):
        if self.lang == "en":
            return re.sub(r"[^a-z]", ".", name.lower()).strip(".").replace("..", ".")
        table = {c[0]: c[1] for c in self.L.SURNAMES}
        table.update({g[0]: g[1] for g in self.L.GIVEN_M + self.L.GIVEN_F})
        out = "".join(table.get(ch, "") for ch in name)
        return out or "user" + self.randcode(3)

    def r_fraud(self, st):
        r, L = self.rng, self.L
        fam = st["fam"]
        camp = self.new_campaign(f"noise-fraud-{st['idx']:02d}", "noise", "fraud", None)
        bursts = [self.rand_day() for _ in range(r.randint(1, 4))]
        for _ in range(st["count"]):
            d = self.clamp_day(r.choice(bursts) + timedelta(days=r.randint(-3, 3)))
            if r.random() < 0.15:
                cc = r.choice(L.FOREIGN_FRAUD)
                num = Num("foreign", None, cc + self.randcode(r.choice([8, 9, 10])))
                num.nat = num.e164
            else:
                num = self.mobile(virtual=self.lang == "zh" and r.random() < 0.4)
            to = self.me["phones"][0]
            if fam.get("call") and r.random() < 0.35:
                tag = r.choice(L.TAGS["fraud"]) if r.random() < 0.45 else None
                ctype, dur = self.call_outcome(bool(tag), "fraud")
                note = r.choice(L.NOTES["fraud"]) if ctype == "in" and r.random() < 0.2 else None
                self.call(d, "fraud", num, to, ctype, dur, cat="fraud", source=None, campaign=camp["id"], tag=tag, note=note)
            else:
                ctx = dict(cur=self.cur, tel=self.hotline() if r.random() < 0.5 else self.w(self.mobile(), "text"))
                ctx["_link"] = self.fraud_domain()
                self.sms(d, "fraud", num, to, self.fill(r.choice(fam["sms"]), ctx, d), cat="fraud", source=None,
                         campaign=camp["id"])

    def fraud_domain(self):
        r = self.rng
        words = ["etc-renz", "yb-jd", "gov-cn-sb", "kd-pei", "jifen-dh", "tk-cs"] if self.lang == "zh" else \
            ["redelivery-fee", "secure-verify", "refund-claim", "toll-pay", "acct-review", "parcel-hold"]
        return f"{r.choice(words)}{r.randint(1, 99)}.{r.choice(['top', 'xyz', 'cc', 'vip', 'icu', 'info'])}"

    def r_oldspam(self, st):
        r, L = self.rng, self.L
        fam = st["fam"]
        camp = self.new_campaign(f"noise-oldbreach-{st['idx']:02d}", "noise", fam["cat"], None,
                                 about="an old breach of the main e-mail address, before every disclosure")
        to = self.me["emails"][0]
        domain = f"{self.randalnum(r.randint(5, 9), 'abcdefghijklmnopqrstuvwxyz')}.{r.choice(['top', 'xyz', 'info', 'online', 'site', 'club'])}"
        bursts = [self.rand_day() for _ in range(r.randint(2, 5))]
        for _ in range(st["count"]):
            d = self.clamp_day(r.choice(bursts) + timedelta(days=r.randint(-5, 5)))
            ctx = dict(cur=self.cur, tel=self.hotline(), _link=domain + "/" + self.randalnum(3))
            subj = self.fill(r.choice(fam["sbj"]), ctx, d)
            body = self.fill(r.choice(fam["body"]), ctx, d)
            local = self.randalnum(r.randint(4, 10), "abcdefghijklmnopqrstuvwxyz0123456789")
            sdom = domain if r.random() < 0.6 else f"{self.randalnum(6, 'abcdefghijklmnopqrstuvwxyz')}.{r.choice(['top', 'xyz', 'info', 'ru', 'cn'])}"
            hdrs = []
            to_header = None
            if r.random() < 0.3:
                to_header = "undisclosed-recipients:;"
                hdrs.append(("Delivered-To", to))
            if r.random() < 0.4:
                hdrs.append(("Reply-To", f"{self.randalnum(8)}@{r.choice(['mailbox.example.org', 'inbox.example.net'])}"))
            self.email(d, "fraud", frm=f"{local}@{sdom}", frm_name=r.choice(["", "客服中心", "系统管理员", "财务部"] if self.lang == "zh" else ["", "Support", "Admin", "Billing Dept"]),
                       to=to, to_name=None, subject=subj, text=body + "\n", cat=fam["cat"], source=None, campaign=camp["id"],
                       headers=hdrs, msgid_domain=sdom, cte=r.choice(["8bit", "base64"]),
                       charset="gbk" if self.lang == "zh" and r.random() < 0.4 else "utf-8",
                       sender_offset=r.choice([8, 0, -7, 3]), to_header=to_header)

    def r_cold(self, st):
        r, L = self.rng, self.L
        cat = self.wchoice([("finance", 3), ("property", 2), ("education", 2), ("insurance", 2), ("healthcare", 1),
                            ("retail", 1), ("telecom", 0.6), ("renovation", 1), ("automotive", 1.2)])
        modes = [("callblock", 6), ("agent", 2), ("smsbrand", 2)]
        if not any(f.get("agent") for f in L.FAM[cat]):
            modes = modes[:1] + modes[2:]
        mode = self.wchoice(modes)
        fams, (brand, slug) = self.choose_families(cat, mode, None)
        cid = f"noise-cold-{st['idx']:02d}-{cat}"
        camp = self.new_campaign(cid, "noise", cat, None, brand=brand, mode=mode)
        start = self.rand_day(0, 330)
        span = r.choice([20, 30, 45, 60, 90])
        ctx = self.campaign_ctx(camp, brand, slug, None, None)
        style = self.campaign_style(camp, cat, mode, fams)
        senders = self.campaign_senders(mode, slug, cat)
        phones = self.me["phones"]
        tph = [phones[0]] if r.random() < 0.8 else phones[:2]
        sub = dict(kind="leak", camp=camp, count=st["count"], ctx=ctx, style=style, senders=senders, tphones=tph,
                   temails=[], start=start, span=span, second=None, disc=None, cat=cat, mode=mode)
        self.realize_leak(sub)

    def r_harass(self, st):
        r, L = self.rng, self.L
        camp = self.new_campaign(f"noise-harass-{st['idx']:02d}", "noise", "harassment", None,
                                 about="debt collectors looking for someone else")
        fam = r.choice(L.HARASS)
        nums = self.block("mobile", r.randint(2, 6))
        other = self.random_name()
        start = self.rand_day(0, 300)
        to = r.choice(self.me["phones"])
        tags = {}
        for d in self.spread_days(start, r.choice([10, 20, 40]), st["count"], "cluster"):
            num = r.choice(nums)
            if r.random() < 0.6:
                if num.nat not in tags:
                    tags[num.nat] = r.choice(L.TAGS["harassment"]) if r.random() < 0.5 else None
                ctype, dur = self.call_outcome(bool(tags[num.nat]), "fraud")
                note = r.choice(L.NOTES["harassment"]) if ctype == "in" and r.random() < 0.3 else None
                self.call(d, "biz", num, to, ctype, dur, cat="harassment", source=None, campaign=camp["id"],
                          tag=tags[num.nat], note=note)
            else:
                ctx = dict(other=other, tel=self.w(r.choice(nums), "text"), cur=self.cur)
                self.sms(d, "fraud", num, to, self.fill(r.choice(fam["sms"]), ctx, d), cat="harassment",
                         source=None, campaign=camp["id"])

    # ------------------------------------------------------------------ run
    def run(self):
        self.setup()
        self.make_disclosures()
        self.plan_leaks()
        self.plan_noise()
        self.rescale()
        self.realize()
        # events before/after the window are clamped by construction; sort for output
        self.events.sort(key=lambda e: (e["ms"], e["channel"], e["from_w"]))
        return self


# ESPs / carriers (invented ESP domains)
ESP = {"zh": ["edm.mailpush.cn", "sendyun-edm.net", "mta.edm365.com.cn", "bounce.mailcloud-cn.com"],
       "en": ["mailflowhq.net", "relaymarket.net", "blastmta.com", "em.sendrelay.io"]}
EN_CARRIERS = {"GB": {"EE": "EE", "O2": "O2", "Vodafone": "VodafoneUK", "Three": "Three"},
               "US": {"T-Mobile": "456", "Verizon": "900080", "AT&T": "11113"}}


# ====================================================================== writers
def xml_attr(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&apos;")
        elif ch == "\n":
            out.append("&#10;")
        elif ch == "\r":
            out.append("&#13;")
        elif o > 0xFFFF:
            o -= 0x10000
            out.append(f"&#{0xD800 + (o >> 10)};&#{0xDC00 + (o & 0x3FF)};")
        else:
            out.append(ch)
    return "".join(out)


def fmt_call_time(local, fmt):
    if fmt == "iso_s":
        return local.strftime("%Y-%m-%d %H:%M:%S")
    if fmt == "iso_m":
        return local.strftime("%Y-%m-%d %H:%M")
    if fmt == "slash_m":
        return f"{local.year}/{local.month}/{local.day} {local.hour:02d}:{local.minute:02d}"
    h12 = local.hour % 12 or 12
    ap = "AM" if local.hour < 12 else "PM"
    if fmt == "us_m":
        return f"{local.month}/{local.day}/{local.year} {h12}:{local.minute:02d} {ap}"
    if fmt == "us_s":
        return f"{local.month}/{local.day}/{local.year} {h12}:{local.minute:02d}:{local.second:02d} {ap}"
    raise ValueError(fmt)


def fmt_dur(sec, fmt):
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    if fmt == "secs":
        return str(sec)
    if fmt == "hms":
        return f"{h:02d}:{m:02d}:{s:02d}"
    if fmt == "ms_colon":
        return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    if fmt == "fen_miao":
        if sec == 0:
            return "0秒"
        out = ""
        if h:
            out += f"{h}小时"
        if m or h:
            out += f"{m}分"
        return out + f"{s}秒"
    raise ValueError(fmt)


def write_calls(sim, path):
    f = sim.csvfmt
    L = sim.L
    rows = [e for e in sim.events if e["channel"] == "call"]
    if f["order"] == "newest_first":
        rows = sorted(rows, key=lambda e: e["ms"], reverse=True)
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n")
    wr.writerow(f["header"])
    for e in rows:
        ctype = "out" if e["dir"] == "out" else e["ctype"]
        vals = {"num": e["from_w"], "name": e.get("name") or "", "type": L.CALL_TYPE[ctype],
                "time": fmt_call_time(e["local"], f["time"]), "dur": fmt_dur(e["dur"], f["dur"]),
                "tag": e.get("tag") or "", "note": e.get("note") or "",
                "to": sim.w(e["to_num"], "csv") if e.get("to_num") else ""}
        wr.writerow([vals[k] for k in f["fields"]])
    data = buf.getvalue()
    enc = f["encoding"]
    if enc == "gbk":
        raw = data.encode("gbk")       # raises if a character is not in GBK: keep call-log text GBK-safe
    elif enc == "utf-8-sig":
        raw = b"\xef\xbb\xbf" + data.encode("utf-8")
    else:
        raw = data.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(raw)


def write_sms(sim, path):
    L = sim.L
    msgs = [e for e in sim.events if e["channel"] == "sms"]
    phones = [p.norm() for p in sim.me["phones"]]
    r = random.Random(f"smsxml/{sim.seed}")
    last = max((e["ms"] for e in msgs), default=0)
    backup_ms = last + r.randint(3, 40) * 3600 * 1000
    bl = sim.zone.to_local(datetime.fromtimestamp(backup_ms / 1000, UTC).replace(tzinfo=None))
    uuid = "-".join(["%08x" % r.getrandbits(32), "%04x" % r.getrandbits(16), "4%03x" % r.getrandbits(12),
                     "%04x" % (0x8000 | r.getrandbits(14)), "%012x" % r.getrandbits(48)])
    out = ["<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
           f"<!--File Created By SMS Backup & Restore v10.20.002 on {bl:%d/%m/%Y %H:%M:%S}-->",
           '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>',
           f'<smses count="{len(msgs)}" backup_set="{uuid}" backup_date="{backup_ms}" type="full">']
    smsc = sim.city.get("smsc") if sim.lang == "zh" else None
    region = sim.region
    for e in msgs:
        sub_id = phones.index(e["to"]) + 1 if e.get("to") in phones else 1
        rd = L.readable_date(e["local"]) if sim.lang == "zh" else L.readable_date(e["local"], region)
        body = e["text"]
        contact = e.get("contact") or "(Unknown)"
        if not e["mms"]:
            incoming = e["dir"] == "in"
            sent = e["ms"] - r.randint(1000, 9000) if incoming else 0
            sc = (smsc if smsc and r.random() < 0.6 else "null") if incoming else "null"
            out.append(
                f'  <sms protocol="0" address="{xml_attr(e["from_w"])}" date="{e["ms"]}" type="{1 if incoming else 2}" '
                f'subject="null" body="{xml_attr(body)}" toa="null" sc_toa="null" service_center="{xml_attr(sc)}" '
                f'read="1" status="-1" locked="0" date_sent="{sent}" sub_id="{sub_id}" '
                f'readable_date="{xml_attr(rd)}" contact_name="{xml_attr(contact)}" />')
        else:
            me_w = e["to_num"].e164 if e.get("to_num") and e["to_num"].e164 else sim.me["phones"][0].e164
            tr = "".join(r.choice("0123456789abcdef") for _ in range(16))
            parts = ['      <part seq="-1" ct="application/smil" name="null" chset="null" cd="null" fn="null" '
                     'cid="&lt;smil&gt;" cl="smil.xml" ctt_s="null" ctt_t="null" text="' +
                     xml_attr('<smil><head><layout><root-layout/><region id="Text" top="0" left="0" height="100%" width="100%"/>'
                              '</layout></head><body><par dur="5000ms"><text src="text_0.txt" region="Text"/></par></body></smil>') + '" />']
            if e.get("image"):
                img = base64.b64encode(bytes(r.getrandbits(8) for _ in range(48))).decode()
                parts.append(f'      <part seq="0" ct="image/jpeg" name="IMG_{r.randint(1000, 9999)}.jpg" chset="null" cd="null" '
                             f'fn="null" cid="&lt;image_0&gt;" cl="IMG.jpg" ctt_s="null" ctt_t="null" text="null" data="{img}" />')
            parts.append(f'      <part seq="{1 if e.get("image") else 0}" ct="text/plain" name="null" chset="106" cd="null" fn="null" '
                         f'cid="&lt;text_0&gt;" cl="text_0.txt" ctt_s="null" ctt_t="null" text="{xml_attr(body)}" />')
            out.append(
                f'  <mms date="{e["ms"]}" rr="null" sub="null" ct_t="application/vnd.wap.multipart.related" '
                f'read_status="null" seen="1" msg_box="1" address="{xml_attr(e["from_w"])}" sub_cs="null" '
                f'resp_st="null" retr_st="null" d_tm="null" text_only="{0 if e.get("image") else 1}" exp="null" locked="0" '
                f'm_id="null" st="null" retr_txt_cs="null" retr_txt="null" creator="null" date_sent="{e["ms"] // 1000}" '
                f'read="1" m_size="{len(body.encode()) + 200}" rpt_a="null" ct_cls="null" pri="null" sub_id="{sub_id}" '
                f'tr_id="{tr}" resp_txt="null" ct_l="null" m_cls="personal" d_rpt="null" v="18" m_type="132" '
                f'readable_date="{xml_attr(rd)}" contact_name="{xml_attr(contact)}">')
            out.append("    <parts>")
            out += parts
            out.append("    </parts>")
            out.append("    <addrs>")
            out.append(f'      <addr address="{xml_attr(e["from_w"])}" type="137" charset="106" />')
            out.append(f'      <addr address="{xml_attr(me_w)}" type="151" charset="106" />')
            out.append("    </addrs>")
            out.append("  </mms>")
    out.append("</smses>")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(out) + "\n")


def enc_header(s):
    """RFC 2047 UTF-8 "B" encoded words (folded) for non-ASCII text."""
    if all(ord(c) < 128 for c in s):
        return s
    words, cur = [], ""
    for ch in s:
        if len((cur + ch).encode("utf-8")) > 45:
            words.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(cur)
    return "\n ".join("=?UTF-8?B?" + base64.b64encode(w.encode("utf-8")).decode() + "?=" for w in words)


def fmt_addr(name, addr):
    if not name:
        return addr
    if all(ord(c) < 128 for c in name):
        if re.search(r'[(),:;<>@\[\]".]', name):
            return '"' + name.replace('"', '\\"') + '" <' + addr + ">"
        return f"{name} <{addr}>"
    return f"{enc_header(name)} <{addr}>"


def encode_body(text, cte, charset):
    try:
        data = text.encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
        data = text.encode("utf-8")
    if cte == "base64":
        b = base64.b64encode(data).decode()
        body = "\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\n"
    elif cte == "quoted-printable":
        body = quopri.encodestring(data).decode("ascii")
        if not body.endswith("\n"):
            body += "\n"
    elif charset != "utf-8" and any(b > 127 for b in data):
        # the mbox file itself is UTF-8, so legacy-charset bytes travel encoded
        b = base64.b64encode(data).decode()
        body = "\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\n"
        cte = "base64"
    else:
        body = data.decode(charset)
        cte = "8bit" if any(ord(c) > 127 for c in body) else "7bit"
    return body, cte, charset


def write_mbox(sim, path):
    r = random.Random(f"mbox/{sim.seed}")
    mails = [e for e in sim.events if e["channel"] == "email"]
    own = {a.lower() for a in sim.me["emails"] + sim.me["aliases"]}
    out = io.StringIO()
    for e in mails:
        utc = e["utc"].replace(tzinfo=UTC)
        off = e.get("sender_offset")
        if off is None:
            tz = timezone(sim.zone.utcoffset(e["utc"]))
        else:
            tz = timezone(timedelta(hours=off))
        date_hdr = format_datetime(utc.astimezone(tz))
        env = e["from_w"]
        for k, v in e["headers"]:
            if k == "Return-Path":
                env = v.strip("<>")
        hdr = []
        hdr.append(("Return-Path", f"<{env}>"))
        relay = e["from_w"].split("@")[1]
        hdr.append(("Received", f"from {relay} ({relay} [{r.randint(20, 220)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}])\n"
                    f"\tby mx.{e['to'].split('@')[1]} with ESMTPS id {''.join(r.choice('0123456789abcdef') for _ in range(12))}\n"
                    f"\tfor <{e['to']}>; {format_datetime(utc)}"))
        for k, v in e["headers"]:
            if k == "Delivered-To":
                hdr.append((k, v))
        hdr.append(("Date", date_hdr))
        hdr.append(("From", fmt_addr(e.get("frm_name"), e["from_w"])))
        to_val = e.get("to_header") or fmt_addr(e.get("to_name"), e["to_addr"])
        hdr.append(("To", to_val))
        for k, v in e["headers"]:
            if k == "Reply-To":
                hdr.append((k, v))
        hdr.append(("Subject", enc_header(e["subject"])))
        hdr.append(("Message-ID", f"<{e['msgid']}>"))
        hdr.append(("MIME-Version", "1.0"))
        for k, v in e["headers"]:
            if k not in ("Return-Path", "Delivered-To", "Reply-To"):
                hdr.append((k, v))
        text_body, text_cte, cs = encode_body(e["text"], e["cte"], e["charset"])
        if e.get("html") or e.get("attachments"):
            outer = "----=_Part_" + "".join(r.choice("0123456789") for _ in range(8)) + "_" + str(r.randint(10 ** 8, 10 ** 9))
            parts = []
            text_part = [f'Content-Type: text/plain; charset="{cs}"', f"Content-Transfer-Encoding: {text_cte}", "", text_body]
            if e.get("html"):
                alt = outer + "_alt" if e.get("attachments") else outer
                hb, hcte, hcs = encode_body(e["html"], r.choice(["base64", "quoted-printable"]), "utf-8")
                html_part = [f'Content-Type: text/html; charset="{hcs}"', f"Content-Transfer-Encoding: {hcte}", "", hb]
                alt_lines = [f"--{alt}"] + text_part + [f"--{alt}"] + html_part + [f"--{alt}--", ""]
            if e.get("attachments"):
                hdr.append(("Content-Type", f'multipart/mixed; boundary="{outer}"'))
                body = ["This is a multi-part message in MIME format.", ""]
                if e.get("html"):
                    body += [f"--{outer}", f'Content-Type: multipart/alternative; boundary="{alt}"', ""] + alt_lines
                else:
                    body += [f"--{outer}"] + text_part
                for name in e["attachments"]:
                    blob = base64.b64encode(b"%PDF-1.4\n%synthetic attachment\n" + bytes(r.getrandbits(8) for _ in range(60))).decode()
                    if all(ord(c) < 128 for c in name):
                        disp = f'attachment; filename="{name}"'
                    else:
                        from urllib.parse import quote
                        disp = f"attachment; filename*=UTF-8''{quote(name)}"
                    ctype = "application/pdf" if name.endswith(".pdf") else "application/octet-stream"
                    body += [f"--{outer}", f"Content-Type: {ctype}", f"Content-Disposition: {disp}",
                             "Content-Transfer-Encoding: base64", "", blob, ""]
                body += [f"--{outer}--", ""]
            else:
                hdr.append(("Content-Type", f'multipart/alternative; boundary="{outer}"'))
                body = ["This is a multi-part message in MIME format.", ""] + alt_lines
            body_text = "\n".join(body)
        else:
            hdr.append(("Content-Type", f'text/plain; charset="{cs}"'))
            hdr.append(("Content-Transfer-Encoding", text_cte))
            body_text = text_body
        msg = "\n".join(f"{k}: {v}" for k, v in hdr) + "\n\n" + body_text
        if not msg.endswith("\n"):
            msg += "\n"
        # mboxrd: every line matching ^>*From  gains one more '>'
        lines = msg.split("\n")
        lines = [">" + ln if re.match(r"^>*From ", ln) else ln for ln in lines]
        msg = "\n".join(lines)
        asct = f"{utc:%a %b} {utc.day:2d} {utc:%H:%M:%S %Y}"
        out.write(f"From {env} {asct}\n")
        out.write(msg)
        out.write("\n")
        assert e["to"] in own or e.get("to_header")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(out.getvalue())


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(xs):
    return "[" + ", ".join(toml_str(x) for x in xs) + "]"


def write_toml(sim, path):
    me = sim.me
    zh = sim.lang == "zh"
    lines = ["# leaktrace disclosures: who got which of my numbers, addresses and name spellings, and when." if not zh else
             "# leaktrace 信息登记：哪些地方拿到了我的号码、邮箱、名字写法，以及时间",
             "", "[me]",
             f"name   = {toml_str(me['name'])}",
             f"phones = {toml_list([sim.w(p, 'toml') for p in me['phones']])}",
             f"emails = {toml_list(me['emails'])}", ""]
    for d in sim.disclosures:
        lines += ["[[disclosure]]",
                  f"source   = {toml_str(d['source'])}",
                  f"date     = {toml_str(d['date'].isoformat())}",
                  f"kind     = {toml_str(d['kind'])}",
                  f"phones   = {toml_list([sim.w(p, 'toml') if sim.rng.random() < 0.5 else sim.w_alt(p) for p in d['phones']])}",
                  f"emails   = {toml_list(d['emails'])}",
                  f"names    = {toml_list(d['names'])}",
                  f"keywords = {toml_list(d['keywords'])}",
                  f"notes    = {toml_str(d['notes'])}", ""]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines))


def _w_alt(self, p):
    """A second hand-typed form of one of the person's own numbers."""
    n = p.nat
    if self.lang == "zh":
        return self.rng.choice([n, f"+86 {n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:7]}-{n[7:]}"])
    if self.region == "GB":
        return self.rng.choice([f"{n[:5]} {n[5:]}", p.e164, f"+44 {n[1:5]} {n[5:]}"])
    return self.rng.choice([f"({n[:3]}) {n[3:6]}-{n[6:]}", p.e164, f"{n[:3]}-{n[3:6]}-{n[6:]}"])


Sim.w_alt = _w_alt


def write_truth(sim, outdir):
    rows = []
    for e in sim.events:
        if e["dir"] != "in":
            continue
        rows.append({"channel": e["channel"], "from": e["from_w"], "at_ms": e["ms"],
                     "message_id": e.get("msgid") if e["channel"] == "email" else None,
                     "category": e["category"], "source": e["source"], "campaign": e["campaign"],
                     "to": e.get("to")})
    rows.sort(key=lambda x: (x["at_ms"], x["channel"], x["from"]))
    with open(os.path.join(outdir, "truth.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    me = sim.me
    camps = []
    for c in sim.campaigns.values():
        if c["events"] == 0:
            continue
        camps.append({
            "id": c["id"], "source": c["source"], "category": c["category"],
            "kind": c["kind"], "mode": c.get("mode"), "brand": c.get("brand"),
            "channels": sorted(c["channels"]), "events": c["events"],
            "first_ms": c["first_ms"], "last_ms": c["last_ms"],
            "senders": c["_senders"][:50], "senders_total": len(c["_senders"]), "targets": c["_targets"],
            "mentions_source": c.get("mentions_source", False),
            "name_spelling": c.get("leaked_name") if c.get("uses_name") else None,
            "note": c.get("about"),
        })
    camps.sort(key=lambda c: (c["kind"] != "leak", c["id"]))
    counts = {"incoming": len(rows), "by_channel": {}, "by_category": {}, "outgoing_calls": 0, "outgoing_sms": 0,
              "leak_events": sum(1 for x in rows if x["source"]), "files": {}}
    for x in rows:
        counts["by_channel"][x["channel"]] = counts["by_channel"].get(x["channel"], 0) + 1
        counts["by_category"][x["category"]] = counts["by_category"].get(x["category"], 0) + 1
    for e in sim.events:
        if e["dir"] == "out":
            counts["outgoing_" + ("calls" if e["channel"] == "call" else "sms")] += 1
    counts["files"] = {"calls.csv": sum(1 for e in sim.events if e["channel"] == "call"),
                       "sms.xml": sum(1 for e in sim.events if e["channel"] == "sms"),
                       "mail.mbox": sum(1 for e in sim.events if e["channel"] == "email")}
    truth = {
        "generator": GENERATOR, "seed": sim.seed, "lang": sim.lang, "scale": sim.scale,
        "events_per_year": sim.epy, "timezone": sim.zone.name, "region": sim.region,
        "period": {"start": sim.start.isoformat(), "end": sim.end.isoformat()},
        "person": {"name": me["name"], "gender": me["gender"], "name_variants": me["variants"],
                   "phones": [p.norm() for p in me["phones"]],
                   "carriers": [sim.carrier_name(i) for i in range(len(me["phones"]))],
                   "emails": me["emails"], "aliases": me["aliases"], "city": sim.city["city"]},
        "formats": {"calls.csv": {k: sim.csvfmt[k] for k in ("variant", "header", "time", "dur", "encoding", "order")},
                    "calls_time_is_local": True, "sms.xml": "SMS Backup & Restore", "mail.mbox": "mboxrd"},
        "disclosures": [{"source": d["source"], "date": d["date"].isoformat(), "kind": d["kind"],
                         "phones": [p.norm() for p in d["phones"]], "emails": d["emails"], "names": d["names"],
                         "keywords": d["keywords"], "leaked": d["leaked"],
                         "campaigns": [c["id"] for c in camps if c["source"] == d["source"]]} for d in sim.disclosures],
        "campaigns": camps,
        "counts": counts,
    }
    with open(os.path.join(outdir, "truth.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return truth


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a synthetic leaktrace scenario with ground truth.")
    ap.add_argument("--seed", type=int, required=True, help="random seed; the same seed gives the same files")
    ap.add_argument("--out", required=True, help="output directory (created if missing)")
    ap.add_argument("--lang", choices=["zh", "en"], default=None, help="the person's language (default: chosen by seed)")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="multiplies campaigns and events (1 ~ 1,000 events/year; 16 ~ 50,000)")
    ap.add_argument("--events-per-year", type=int, default=None,
                    help="rescale every stream so the year holds about this many incoming events")
    args = ap.parse_args(argv)
    sim = Sim(args.seed, args.lang, args.scale, args.events_per_year).run()
    os.makedirs(args.out, exist_ok=True)
    write_calls(sim, os.path.join(args.out, "calls.csv"))
    write_sms(sim, os.path.join(args.out, "sms.xml"))
    write_mbox(sim, os.path.join(args.out, "mail.mbox"))
    write_toml(sim, os.path.join(args.out, "disclosures.toml"))
    truth = write_truth(sim, args.out)
    c = truth["counts"]
    leak = [x for x in truth["campaigns"] if x["kind"] == "leak"]
    print(f"{args.out}: {truth['lang']} person {truth['person']['name']} ({truth['timezone']}), "
          f"{c['incoming']} incoming events {c['by_channel']}, {len(leak)} leak campaigns from "
          f"{sum(1 for d in truth['disclosures'] if d['leaked'])}/{len(truth['disclosures'])} leaking disclosures",
          file=sys.stderr)


if __name__ == "__main__":
    main()
