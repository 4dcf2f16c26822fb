#!/usr/bin/env python3
"""Derives the compact full-pillar files bundled in taxonomy/src/main/resources/esco/ from the ESCO
downloads in ../shared/data/esco-full (see that folder's README.md). Run from the repository root:

    python3 taxonomy/tools/derive_esco_full.py /path/to/shared/data/esco-full

It writes four gzipped files, deterministic (sorted, gzip without a time stamp):

- skills_v1.1.1_en.tsv.gz: every v1.1.1 skill and knowledge concept, only the columns the loader
  reads (id, skillType, reuseLevel, preferredLabel, altLabels, description), tab-separated;
- relations_v1.1.1.csv.gz: v1.1.1 broader and skill-to-skill links that touch a concept v1.2.0 does
  not name (the loader takes v1.2.0's own relation files for everything else);
- occupationSkills_en.txt.gz: each v1.2.0 occupation's essential and optional skills by id;
- occupationLabels_v1.1.1.tsv.gz: the labels v1.1.1 gave an occupation that v1.2.0 no longer gives
  it (id, then the labels joined by "|"), so a name from either release finds it.

It prints how many occupation rows it could map and how. This service uses the ESCO classification
of the European Commission.
"""
import csv
import gzip
import io
import re
import sys
import zipfile
from collections import defaultdict

PREFIX = "http://data.europa.eu/esco/"
HERE = "taxonomy/src/main/resources/esco/"
COLLECTIONS = ["digital", "green", "transversal", "language", "digComp"]


def sid(uri):
    return uri.strip()[len(PREFIX):] if uri.strip().startswith(PREFIX) else uri.strip()


def norm(text):
    # Same rule as Labels.normalise: lower case, keep letters, digits, + and #.
    out, space = [], False
    for c in text.lower():
        if c.isalnum() or c in "+#":
            if space and out:
                out.append(" ")
            out.append(c)
            space = False
        else:
            space = True
    return "".join(out)


def gz_rows(name):
    with gzip.open(HERE + name, "rt", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def zip_rows(archive, member):
    with zipfile.ZipFile(archive) as z:
        with z.open(member) as f:
            yield from csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"))


def write_gz(name, text):
    with open(HERE + name, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(text.encode("utf-8"))


def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def trigrams(n):
    p = "  " + n + " "
    return {p[i:i + 3] for i in range(len(p) - 2)}


def dice(a, b):
    ga, gb = trigrams(norm(a)), trigrams(norm(b))
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def main(src):
    classification = src + "/esco-v1.1.1-classification-en-csv.zip"
    relations = src + "/esco-v1.1.1-relations-csv.zip"

    # v1.2.0: what it names, and the labels of the concepts it has rows for.
    v12_label = {}
    for c in COLLECTIONS:
        for r in gz_rows(c + "SkillsCollection_en.csv.gz"):
            v12_label.setdefault(sid(r["conceptUri"]), r["preferredLabel"])
    for r in gz_rows("skillGroups_en.csv.gz"):
        v12_label.setdefault(sid(r["conceptUri"]), r["preferredLabel"])
    v12_named = set(v12_label)
    for r in gz_rows("broaderRelationsSkillPillar_en.csv.gz"):
        v12_named.add(sid(r["conceptUri"]))
        v12_named.add(sid(r["broaderUri"]))
    for r in gz_rows("skillsHierarchy_en.csv.gz"):
        for level in range(4):
            uri = r.get("Level %d URI" % level)
            if uri:
                v12_named.add(sid(uri))
                v12_label.setdefault(sid(uri), r["Level %d preferred term" % level])

    # v1.1.1 skills: only the columns the loader needs.
    v11 = {}
    for r in zip_rows(classification, "skills_en.csv"):
        v11[sid(r["conceptUri"])] = r
    # Tab-separated, one concept a line, so the loader can read it without a CSV parser: labels
    # hold no tab or "|" (checked), alternative labels are joined by "|", and a description's
    # backslashes and line breaks are written \\ and \n.
    lines = ["id\tskillType\treuseLevel\tpreferredLabel\taltLabels\tdescription"]
    for i in sorted(v11):
        r = v11[i]
        alts = [a.strip() for a in r["altLabels"].split("\n") if a.strip()]
        for field in [i, r["skillType"], r["reuseLevel"], r["preferredLabel"]] + alts:
            assert "\t" not in field and "|" not in field and "\n" not in field, field
        description = r["description"].replace("\t", " ").replace("\\", "\\\\")
        description = description.replace("\r\n", "\n").replace("\n", "\\n")
        lines.append("\t".join([i, r["skillType"], r["reuseLevel"], r["preferredLabel"].strip(),
                                "|".join(alts), description]))
    write_gz("skills_v1.1.1_en.tsv.gz", "\n".join(lines) + "\n")
    retired = {i for i in v11 if i not in v12_named}
    print("v1.1.1 concepts", len(v11), "retired (not named in v1.2.0)", len(retired))

    # v1.1.1 relations only where a concept v1.2.0 does not name is involved.
    links = set()
    for r in zip_rows(relations, "broaderRelationsSkillPillar.csv"):
        a, b = sid(r["conceptUri"]), sid(r["broaderUri"])
        if a in retired or b in retired:
            links.add(("broader", a, b))
    for r in zip_rows(relations, "skillSkillRelations.csv"):
        a, b = sid(r["originalSkillUri"]), sid(r["relatedSkillUri"])
        if a in retired or b in retired:
            links.add(("related", a, b))
    write_gz("relations_v1.1.1.csv.gz", csv_text(["relation", "from", "to"], sorted(links)))
    print("v1.1.1 links kept", len(links))

    # The merged pillar's preferred labels: v1.2.0 first, then v1.1.1.
    merged = dict(v12_label)
    skill_rows = set(v11)
    for c in COLLECTIONS:
        skill_rows.update(sid(r["conceptUri"]) for r in gz_rows(c + "SkillsCollection_en.csv.gz"))
    for i, r in v11.items():
        merged.setdefault(i, r["preferredLabel"])
    by_label = defaultdict(set)
    for i, label in merged.items():
        by_label[norm(label)].add(i)

    v11_occ = defaultdict(lambda: {"essential": [], "optional": []})
    for r in zip_rows(relations, "occupationSkillRelations.csv"):
        v11_occ[sid(r["occupationUri"])][r["relationType"]].append(sid(r["skillUri"]))

    profiles = defaultdict(lambda: {"essential": [], "optional": []})
    unmapped = defaultdict(list)
    total = mapped_label = ambiguous_resolved = 0
    with gzip.open(src + "/occupationSkills_v1.2.0_by_label.csv.gz", "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            total += 1
            occ, kind, label = sid(r["occupationUri"]), r["relationType"], r["skillLabel"]
            found = by_label.get(norm(label), set())
            if len(found) > 1:
                # A label two concepts share: a skill before a skill group of the same name, then
                # the one v1.2.0 still names.
                for keep in (lambda i: i in skill_rows, lambda i: i not in retired):
                    narrowed = {i for i in found if keep(i)}
                    if narrowed:
                        found = narrowed
                if len(found) == 1:
                    ambiguous_resolved += 1
            if len(found) == 1:
                profiles[occ][kind].append(next(iter(found)))
                mapped_label += 1
            else:
                unmapped[(occ, kind)].append(label)

    # Rows the labels cannot map: the same occupation's v1.1.1 relation of the same kind whose
    # skill v1.2.0 does not already list for it and whose label is most alike (trigram Dice >= 0.5).
    from_v11 = lost = 0
    for (occ, kind), labels in sorted(unmapped.items()):
        held = set(profiles[occ]["essential"]) | set(profiles[occ]["optional"])
        candidates = [s for s in v11_occ[occ][kind] if s not in held]
        for label in labels:
            best = max(candidates, key=lambda s: dice(label, merged.get(s, "")), default=None)
            if best is not None and dice(label, merged.get(best, "")) >= 0.5:
                profiles[occ][kind].append(best)
                candidates.remove(best)
                from_v11 += 1
            else:
                lost += 1
    print("occupation rows", total, "mapped by label", mapped_label,
          "(of which shared labels resolved to the live concept", ambiguous_resolved, ")",
          "mapped through v1.1.1 relations", from_v11, "not mapped", lost)

    # Compact: each skill id once, then per occupation the indices of its skills.
    skills = sorted({s for p in profiles.values() for k in p.values() for s in k})
    index = {s: n for n, s in enumerate(skills)}
    lines = ["# occupation skill profiles, ESCO v1.2.0 (derived by taxonomy/tools/derive_esco_full.py)",
             "# S <skill id>: the n-th S line is skill n; O <occupation id>;<essential>;<optional>",
             "# This service uses the ESCO classification of the European Commission."]
    lines += ["S " + s for s in skills]
    for occ in sorted(profiles):
        p = profiles[occ]
        ess = list(dict.fromkeys(p["essential"]))
        opt = [s for s in dict.fromkeys(p["optional"]) if s not in set(ess)]
        lines.append("O %s;%s;%s" % (occ, " ".join(str(index[s]) for s in ess),
                                     " ".join(str(index[s]) for s in opt)))
    write_gz("occupationSkills_en.txt.gz", "\n".join(lines) + "\n")
    print("occupations with a profile", len(profiles), "distinct skills", len(skills))


def occupation_labels(src):
    classification = src + "/esco-v1.1.1-classification-en-csv.zip"
    current = {}
    for r in gz_rows("occupations_en.csv.gz"):
        labels = [r["preferredLabel"]] + r["altLabels"].split("\n")
        current[sid(r["conceptUri"])] = {norm(l) for l in labels if l.strip()}
    lines = ["id\tlabels"]
    count = 0
    for r in sorted(zip_rows(classification, "occupations_en.csv"), key=lambda r: r["conceptUri"]):
        i = sid(r["conceptUri"])
        if i not in current:
            continue
        seen = set(current[i])
        extra = []
        for label in [r["preferredLabel"]] + r["altLabels"].split("\n"):
            label = label.strip()
            if label and norm(label) not in seen:
                assert "\t" not in label and "|" not in label, label
                seen.add(norm(label))
                extra.append(label)
        if extra:
            lines.append(i + "\t" + "|".join(extra))
            count += len(extra)
    write_gz("occupationLabels_v1.1.1.tsv.gz", "\n".join(lines) + "\n")
    print("v1.1.1 occupation labels v1.2.0 no longer gives", count, "for", len(lines) - 1, "occupations")


if __name__ == "__main__":
    source = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/esco-full"
    main(source)
    occupation_labels(source)
