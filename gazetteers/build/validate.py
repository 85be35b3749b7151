"""Checks curated gazetteer TSVs (the 12-column format of gazetteers/README.md).

Usage: python3 gazetteers/build/validate.py [FILE...]  (default: gazetteers/curated/*.tsv)
Ids must be unique across all files given. Prints errors, warnings and aliases shared
between entries; exits 1 when there are errors."""
import os, re, sys, unicodedata, collections, calendar
import glob
FILES = sys.argv[1:] or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "curated", "*.tsv")))
HEADER = "id\tkind\tcanonical\taliases\tsubtype\tstart\tend\tcountry\twikidata\tprior\tvalence\tanalogy".split("\t")
PFX = {"person":"person","place":"place","event":"event","org":"organization","group":"group"}
errs=[]; warns=[]
ids={}
folded=collections.defaultdict(set)
counts={}
def fold(s):
    s=unicodedata.normalize("NFKD", s.casefold())
    s="".join(c for c in s if not unicodedata.combining(c))
    s=s.replace("ё","е").replace("–","-").replace("—","-").replace("’","'")
    return re.sub(r"\s+"," ",s).strip()
def dateok(d):
    m=re.fullmatch(r"-?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", d)
    if not m: return False
    if m.group(2) and not 1<=int(m.group(2))<=12: return False
    if m.group(3):
        y=int(d.lstrip("-")[:4]); mo=int(m.group(2))
        if not 1<=int(m.group(3))<=calendar.monthrange(max(y,1),mo)[1]: return False
    return True
def key(d):
    neg=d.startswith("-"); p=d.lstrip("-").split("-")
    y=int(p[0])*(-1 if neg else 1)
    return (y, int(p[1]) if len(p)>1 else 0, int(p[2]) if len(p)>2 else 0)
for f in FILES:
    path=f
    raw=open(path,"rb").read()
    if b"\r" in raw: errs.append(f"{f}: CR found")
    text=raw.decode("utf-8")
    header=None; n_rows=0
    for ln, line in enumerate(text.split("\n"),1):
        if line=="" or line.startswith("#"): continue
        cols=line.split("\t")
        if header is None:
            header=cols
            if cols!=HEADER: errs.append(f"{f}:{ln}: bad header")
            continue
        loc=f"{f}:{ln}"
        if len(cols)!=12: errs.append(f"{loc}: {len(cols)} fields"); continue
        n_rows+=1
        id_,kind,canon,aliases,sub,start,end,cc,wd,prior,val,ana=cols
        if not re.fullmatch(r"(person|place|event|org|group)/[a-z0-9-]+", id_): errs.append(f"{loc}: bad id {id_}")
        else:
            if PFX[id_.split('/')[0]]!=kind: errs.append(f"{loc}: kind {kind} != prefix")
        if id_ in ids:
            # Across files the build merges them into one entry; in one file it is a mistake.
            (errs if ids[id_].split(":")[0] == loc.split(":")[0] else warns).append(f"{loc}: dup id {id_} (first {ids[id_]})")
        ids[id_]=loc
        if not canon.strip() or canon!=canon.strip(): errs.append(f"{loc}: canonical blank/space")
        if "|" in canon or "@" in canon: errs.append(f"{loc}: bad canonical")
        if sub and not re.fullmatch(r"[a-z_]+",sub): errs.append(f"{loc}: bad subtype {sub}")
        if not sub: warns.append(f"{loc}: no subtype")
        for d in (start,end):
            if d and not dateok(d): errs.append(f"{loc}: bad date {d}")
        if start and end and key(start)>key(end): errs.append(f"{loc}: start>end {start} {end}")
        if cc and not re.fullmatch(r"[A-Z]{2}",cc): errs.append(f"{loc}: bad country {cc}")
        if wd and not re.fullmatch(r"Q[1-9]\d*",wd): errs.append(f"{loc}: bad wikidata {wd}")
        try:
            p=float(prior); 
            if not 0<=p<=1: errs.append(f"{loc}: prior out of range")
        except ValueError: errs.append(f"{loc}: prior not float {prior!r}")
        if kind=="event":
            if val not in ("negative","positive","mixed","neutral"): errs.append(f"{loc}: valence {val!r}")
            if ana not in ("yes","no"): errs.append(f"{loc}: analogy {ana!r}")
        else:
            if val or ana: errs.append(f"{loc}: valence/analogy on non-event")
        seen={fold(canon):("strong",canon)}
        folded[fold(canon)].add((id_,"strong"))
        if aliases:
            for item in aliases.split("|"):
                if item=="" : errs.append(f"{loc}: empty alias item"); continue
                weak=item.startswith("~"); body=item[1:] if weak else item
                lang=None
                if "@" in body:
                    body,lang=body.rsplit("@",1)
                    if not re.fullmatch(r"[a-z]{2,3}",lang): errs.append(f"{loc}: bad lang {lang!r} in {item}")
                if not body or body!=body.strip(): errs.append(f"{loc}: empty/space alias {item!r}")
                if "@" in body or "\t" in body or "~" in body: errs.append(f"{loc}: bad char in alias {item!r}")
                if body==canon: errs.append(f"{loc}: alias repeats canonical {item!r}")
                k=fold(body); st="weak" if weak else "strong"
                if k in seen:
                    if seen[k][0]!=st: errs.append(f"{loc}: strength conflict {item!r} vs {seen[k][1]!r}")
                    elif body.casefold()==seen[k][1].casefold(): warns.append(f"{loc}: case-dup alias {item!r} ~ {seen[k][1]!r}")
                else: seen[k]=(st,body)
                folded[k].add((id_,st))
                if kind=="person" and not weak and len(body.split())==1 and not re.search(r"[A-Z]{2,}",body):
                    warns.append(f"{loc}: single-token person alias not weak {item!r}")
    counts[f]=n_rows
print("counts", counts, "total", sum(counts.values()))
print("ERRORS", len(errs)); [print(" ",e) for e in errs]
print("WARNINGS", len(warns)); [print(" ",w) for w in warns]
print("CROSS-ENTRY SHARED ALIASES (folded):")
for k,v in sorted(folded.items()):
    ents={i for i,_ in v}
    if len(ents)>1: print(" ",repr(k), sorted(v))

sys.exit(1 if errs else 0)
