#!/usr/bin/env python3
"""pa_text_is_sentence_lines on the shared corpora (TAP).

Yes for the one-sentence-a-line sets: every chapter of MAC-dev (zh, en),
Text+Berg dev.de and dev.fr, the six UNPC devset files, corpora/sample/*.sent.
No for paragraph-per-line text (corpora/sample/*.txt), the PDF-extracted
seed, and text built here from the UNPC devset: its lines joined into
paragraphs of 3-8 sentences, one a line ("para"); the same paragraphs wrapped
at 60-80 columns (Chinese at 35-40 characters, no spaces: "wrap"); and each
sentence wrapped alone, a paragraph of its own ("wrapsent").

Short documents: 300 windows of 5-10 consecutive lines from each set must
keep the answer of their set in at least 90% (sentence lines), 99%
(paragraphs, wrapped paragraphs) or 85% (sentences wrapped one a paragraph:
in a window of Chinese ones, most fit one line of 35-40 characters and the
one or two broken ones are too few for reflow's line-length profile) of
cases.
The tool is tests/readers/sentlines (built by make check).
"""
import glob
import os
import random
import subprocess
import sys
import tempfile
import textwrap

shared = os.environ.get("SHARED", "../shared")
srcdir = os.environ.get("top_srcdir", ".")
tool = os.path.join(os.environ.get("top_builddir", "."), "tests", "readers", "sentlines")
if not os.path.isdir(os.path.join(shared, "corpora", "unpc-devset")):
    print("1..0 # SKIP %s/corpora/unpc-devset not found (the shared corpora)" % shared)
    sys.exit(0)
if not os.access(tool, os.X_OK):
    print("1..0 # SKIP %s not built" % tool)
    sys.exit(0)

LANGS = ["zh", "en", "fr", "es", "ru", "ar"]
n = 0


def ok(cond, desc):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, desc))
    return cond


def run(files, lang=None):
    """{file: (yes, 'lines=.. ends=.. inner=.. wrapped=..')} from the tool."""
    out = {}
    for i in range(0, len(files), 500):
        cmd = [tool] + (["-l", lang] if lang else []) + files[i:i + 500]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print("# " + r.stderr.strip().replace("\n", "\n# "))
        for line in r.stdout.splitlines():
            f = line.split(" ")
            out[f[-1]] = (f[0] == "yes", " ".join(f[1:-1]))
    return out


def check(files, lang, want, label):
    res = run(files, lang)
    for f in files:
        yes, counts = res.get(f, (None, "not read"))
        ok(yes is want, "%s %s: %s (%s)" % (label, os.path.basename(f), "yes" if yes else "no", counts))


def read_lines(f):
    with open(f, encoding="utf-8") as h:
        return [x.strip() for x in h.read().split("\n") if x.strip()]


def write(path, text):
    with open(path, "w", encoding="utf-8") as h:
        h.write(text)


mac = os.path.join(shared, "eval", "alignment", "mac-dev")
tb = os.path.join(shared, "eval", "alignment", "textberg-dev")
unpc = os.path.join(shared, "corpora", "unpc-devset", "UNv1.0.devset.")
sample = os.path.join(srcdir, "corpora", "sample")

# ---- whole files ----
check(sorted(glob.glob(os.path.join(mac, "zh", "0*"))), "zh", True, "mac-dev/zh")
check(sorted(glob.glob(os.path.join(mac, "en", "0*"))), "en", True, "mac-dev/en")
check([os.path.join(tb, "dev.de")], "de", True, "textberg-dev")
check([os.path.join(tb, "dev.fr")], "fr", True, "textberg-dev")
for lang in LANGS:
    check([unpc + lang], lang, True, "unpc-devset")
check(sorted(glob.glob(os.path.join(sample, "*.sent"))), None, True, "sample")
check(sorted(glob.glob(os.path.join(sample, "*.txt"))), None, False, "sample")
check(sorted(glob.glob(os.path.join(shared, "seed", "*.txt"))), "zh", False, "seed")

# ---- paragraphs and wrapped text built from the UNPC devset ----
tmp = tempfile.mkdtemp(prefix="polyalign-sentlines.")
built = {}  # kind -> {lang: [lines]}
for lang in LANGS:
    rng = random.Random(1)
    lines = read_lines(unpc + lang)
    joiner = "" if lang == "zh" else " "
    paras, i = [], 0
    while i < len(lines):
        k = rng.randint(3, 8)
        paras.append(joiner.join(lines[i:i + k]))
        i += k

    def wrap(p):
        if lang == "zh":
            w = rng.randint(35, 40)
            return [p[j:j + w] for j in range(0, len(p), w)]
        return textwrap.wrap(p, width=rng.randint(60, 80))

    wrapped = ["\n".join(wrap(p)) for p in paras]
    wrapsent = ["\n".join(wrap(s)) for s in lines]
    for kind, blocks in (("para", paras), ("wrap", wrapped), ("wrapsent", wrapsent)):
        built.setdefault(kind, {})[lang] = "\n".join(blocks).split("\n")
        for sep, tag in (("\n\n", "blank"), ("\n", "noblank")):
            write(os.path.join(tmp, "%s-%s.%s.txt" % (kind, tag, lang)), sep.join(blocks) + "\n")
for kind in ("para", "wrap", "wrapsent"):
    check(sorted(glob.glob(os.path.join(tmp, kind + "-*.txt"))), None, False, "built")

# ---- short documents: windows of 5-10 lines ----
sets = {
    "mac-dev/zh": ([l for f in sorted(glob.glob(os.path.join(mac, "zh", "0*"))) for l in read_lines(f)], "zh", True),
    "mac-dev/en": ([l for f in sorted(glob.glob(os.path.join(mac, "en", "0*"))) for l in read_lines(f)], "en", True),
    "textberg/de": (read_lines(os.path.join(tb, "dev.de")), "de", True),
    "textberg/fr": (read_lines(os.path.join(tb, "dev.fr")), "fr", True),
}
for lang in LANGS:
    sets["unpc/" + lang] = (read_lines(unpc + lang), lang, True)
for kind in ("para", "wrap", "wrapsent"):
    for lang in LANGS:
        sets["%s/%s" % (kind, lang)] = (built[kind][lang], lang, False)
rng = random.Random(7)
for name, (lines, lang, want) in sets.items():
    files = []
    for w in range(300):
        k = rng.randint(5, 10)
        i = rng.randrange(0, len(lines) - k)
        f = os.path.join(tmp, "win-%s-%d.txt" % (name.replace("/", "-"), w))
        write(f, "\n".join(lines[i:i + k]) + "\n")
        files.append(f)
    res = run(files, lang)
    same = sum(1 for f in files if res.get(f, (None,))[0] is want)
    floor = 0.90 if want else 0.85 if name.startswith("wrapsent") else 0.99
    ok(same >= floor * len(files),
       "windows of 5-10 lines of %s: %d/%d %s (at least %d%%)" % (name, same, len(files), "yes" if want else "no",
                                                                  floor * 100))
    for f in files:
        os.unlink(f)

for f in glob.glob(os.path.join(tmp, "*")):
    os.unlink(f)
os.rmdir(tmp)
print("1..%d" % n)
