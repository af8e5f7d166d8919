#!/usr/bin/env bash
# Docs that cannot rot: runs every command shown in README.md and docs/*.md and checks what it prints.
#
#   scripts/check-docs.sh [--update] [FILE.md ...]      (default: README.md and docs/*.md)
#
# A command is a line starting with "$ " inside a ```console fence. The lines after it, up to the
# next "$ " line or the end of the fence, are its recorded standard output; a command with no lines
# after it is only run (it must exit with 0). Recorded output is compared after masking what is not
# deterministic (timestamps in run directory names, wall-clock times, rates, ETAs); everything else
# a coag run prints is deterministic. --update rewrites the recorded outputs with what the commands
# print now (to start recording a command's output, put any line after it and run --update), and
# regenerates docs/configuration.md from `coag config reference`.
#
# It also checks that every relative link in those pages leads to a file (and heading) that exists.
#
# Commands run with bash from a scratch directory per page in which `./coag`, `examples/`,
# `engine-core/` and `scripts/` are the repository's, so run directories and other files they write
# stay out of the repository; the commands of one page run in order and may use each other's files.
set -euo pipefail
cd "$(dirname "$0")/.."
update=0
files=()
for a in "$@"; do
  case "$a" in
    --update) update=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) files+=("$a") ;;
  esac
done
[ ${#files[@]} -gt 0 ] || files=(README.md docs/*.md)

echo "== building coag (if needed)"
./coag --version >/dev/null

echo "== docs/configuration.md against coag config reference"
generated=$(mktemp)
./coag config reference > "$generated"
config_ok=1
if ! cmp -s "$generated" docs/configuration.md; then
  if [ "$update" = 1 ]; then
    cp "$generated" docs/configuration.md; echo "docs/configuration.md regenerated"
  else
    diff -u docs/configuration.md "$generated" | head -40 || true
    echo "docs/configuration.md is out of date: run scripts/check-docs.sh --update"; config_ok=0
  fi
fi
rm -f "$generated"

UPDATE=$update python3 - "${files[@]}" <<'PY'
import os, re, subprocess, sys, tempfile, time

ROOT = os.getcwd()
UPDATE = os.environ["UPDATE"] == "1"
MASKS = [
    (re.compile(r"\d{8}-\d{6}"), "<date>"),
    (re.compile(r"\b\d+(\.\d+)?([eE][+-]?\d+)?\s?(s|ms|us|min|h)\b"), "<time>"),
    (re.compile(r"\b(\d+h)?(\d+m)?\d+s\b"), "<time>"),
    (re.compile(r"\S+(?= (particle[- ])?(macro )?(steps|particle-steps|events)(/s| per second))"), "<rate>"),
    (re.compile(r"(?<=wall time)\s+.*"), " <masked>"),
    (re.compile(r"(?<=ETA )\S+"), "<eta>"),
]

def mask(text):
    out = []
    for line in text.rstrip("\n").split("\n"):
        for pattern, repl in MASKS:
            line = pattern.sub(repl, line)
        out.append(line.rstrip())
    return out

def blocks(lines):
    """Yields (index of the command line, command, [recorded output line indices])."""
    inside = False
    current = None
    for i, line in enumerate(lines):
        if not inside:
            inside = line.strip() == "```console"
            continue
        if line.strip() == "```":
            if current:
                yield current
            inside, current = False, None
        elif line.startswith("$ "):
            if current:
                yield current
            current = (i, line[2:], [])
        elif current:
            current[2].append(i)

def scratch():
    d = tempfile.mkdtemp(prefix="coag-docs-")
    with open(os.path.join(d, "coag"), "w") as f:
        f.write('#!/usr/bin/env bash\nexec "%s/coag" "$@"\n' % ROOT)
    os.chmod(os.path.join(d, "coag"), 0o755)
    for name in ("examples", "engine-core", "scripts"):
        os.symlink(os.path.join(ROOT, name), os.path.join(d, name))
    return d

failures, ran = [], 0
for path in sys.argv[1:]:
    lines = open(path).read().split("\n")
    found = list(blocks(lines))
    if not found:
        continue
    work = scratch()
    replacements = {}
    for index, command, recorded in found:
        start = time.time()
        p = subprocess.run(["bash", "-c", command], cwd=work, capture_output=True, text=True, timeout=900)
        ran += 1
        where = "%s:%d" % (path, index + 1)
        print("%-28s %5.1f s  $ %s" % (where, time.time() - start, command[:90]), flush=True)
        if p.returncode != 0:
            failures.append("%s: exit %d: %s\n%s" % (where, p.returncode, command, (p.stderr or p.stdout)[-2000:]))
            continue
        if not recorded:
            continue
        if UPDATE:
            replacements[index] = (recorded, p.stdout.rstrip("\n").split("\n"))
            continue
        want = mask("\n".join(lines[j] for j in recorded))
        got = mask(p.stdout)
        if want != got:
            import difflib
            diff = "\n".join(difflib.unified_diff(want, got, "recorded", "printed", lineterm=""))
            failures.append("%s: output differs (masked; scripts/check-docs.sh --update rewrites it): %s\n%s" % (where, command, diff))
    subprocess.run(["rm", "-rf", work])
    if replacements:
        out = []
        skip = set()
        for index, (recorded, new) in replacements.items():
            skip.update(recorded)
        for i, line in enumerate(lines):
            if i in skip:
                continue
            out.append(line)
            if i in replacements:
                out.extend(replacements[i][1])
        open(path, "w").write("\n".join(out))
        print("updated the recorded outputs in %s" % path)

def anchors(path):
    """GitHub's heading anchors of a Markdown file."""
    found = set()
    for line in open(path):
        if line.startswith("#"):
            found.add(re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-"))
    return found

for path in sys.argv[1:]:
    for link in re.findall(r"\]\(([^)\s]+)\)", open(path).read()):
        if re.match(r"[a-z]+:", link):
            continue
        target, _, anchor = link.partition("#")
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), target)) if target else path
        if not os.path.exists(resolved):
            failures.append("%s: a link to %s, which does not exist" % (path, link))
        elif anchor and resolved.endswith(".md") and anchor not in anchors(resolved):
            failures.append("%s: a link to %s, whose heading does not exist" % (path, link))

print("%d commands run, %d failed" % (ran, len(failures)))
for f in failures:
    print("\nFAILED " + f)
sys.exit(1 if failures else 0)
PY
[ "$config_ok" = 1 ]
