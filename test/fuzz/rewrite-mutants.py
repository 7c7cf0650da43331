#!/usr/bin/env python3
"""Differential fuzzing of the launcher on mutated C and C++ sources.

Seeds: the lit inputs (test/lit/*.c, *.cpp). Each mutant is one to three random
edits of a seed (a line deleted, duplicated or swapped, a token deleted,
duplicated or inserted). When the mutant compiles plainly (-fsyntax-only),
`orch COMPILER -c` with rewrite_mutants.yaml (every body and call a span) must
exit 0 and print at most its one fail-open warning; a crash, a non-zero exit, a
hang (more than --timeout s) or a second orch line is a finding. The mutant is
then kept in --findings and the run fails; past findings live in
test/fuzz/mutants/ and are checked first, unmutated.

  rewrite-mutants.py --orch build/bin/orch --seconds 60 [--seed N] [--findings DIR]
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LIT = os.path.join(HERE, "..", "lit")
ASPECTS = os.path.join(HERE, "rewrite_mutants.yaml")
MUTANTS = os.path.join(HERE, "mutants")  # past findings, checked first
INSERTS = ["{", "}", ";", "(", ")", ",", "return", "static", "inline", "const", "constexpr", "noexcept",
           "template <class T>", "[[nodiscard]]", "try", "catch (...) {}", "auto", "->", "::", "*", "&",
           "__attribute__((unused))", "// orch:span", "#define M(x) x", "#if 1", "#endif", "struct S {};",
           "[&]() {}", "throw", "goto l; l:", "\\\n", "\"", "'", "/*", "*/", "operator()", "void f(...);"]
TOKEN = re.compile(r"\w+|[^\w\s]")


def mutate(text, rng):
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            tokens = list(TOKEN.finditer(lines[i]))
            if op == 5 or not tokens:
                pos = rng.randint(0, len(lines[i]))
                lines[i] = lines[i][:pos] + " " + rng.choice(INSERTS) + " " + lines[i][pos:]
            else:
                t = rng.choice(tokens)
                middle = "" if op == 3 else t.group(0) + " " + t.group(0)
                lines[i] = lines[i][:t.start()] + middle + lines[i][t.end():]
    return "\n".join(lines)


def run(cmd, timeout, env=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout, env=env)
        return p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--orch", required=True)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--findings", default="rewrite-mutants-findings")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seeds = sorted(os.path.join(LIT, f) for f in os.listdir(LIT) if f.endswith((".c", ".cpp")))
    env = dict(os.environ, ORCH_CONFIG=ASPECTS)
    env.pop("ORCH_STRICT", None)
    stats = {"mutants": 0, "compiling": 0, "rewritten": 0, "failed open": 0, "findings": 0}

    def check(text, cpp, origin):
        """One source through the rule; a finding is kept in --findings."""
        compiler = ["g++", "-std=c++20"] if cpp else ["gcc", "-std=gnu11"]
        source = os.path.join(tmp, "mutant" + (".cpp" if cpp else ".c"))
        with open(source, "w") as f:
            f.write(text)
        stats["mutants"] += 1
        status, _ = run(compiler + ["-fsyntax-only", "-w", source], args.timeout)
        if status != 0:
            return
        stats["compiling"] += 1
        status, err = run([args.orch] + compiler + ["-w", "-c", source, "-o", source + ".o"], args.timeout, env)
        # orch's notes (a target's count of trivial functions) are not warnings.
        orch_lines = [l for l in err.splitlines() if l.startswith("orch: ") and not l.startswith("orch: note: ")]
        if status == 0 and not orch_lines:
            stats["rewritten"] += 1
            return
        if status == 0 and len(orch_lines) == 1 and orch_lines[0].startswith("orch: warning: "):
            stats["failed open"] += 1
            print("failed open (%s): %s" % (origin, orch_lines[0][:300]))
            return
        stats["findings"] += 1
        os.makedirs(args.findings, exist_ok=True)
        kept = os.path.join(args.findings, "%d-%s" % (stats["findings"], origin))
        with open(kept, "w") as out:
            out.write(text)
        print("finding: %s (from %s): exit %s\n%s" % (kept, origin, status, err[-3000:]))

    deadline = time.time() + args.seconds
    with tempfile.TemporaryDirectory() as tmp:
        # Past findings first, as they are (test/fuzz/mutants/).
        for name in sorted(os.listdir(MUTANTS)):
            check(open(os.path.join(MUTANTS, name)).read(), name.endswith(".cpp"), name)
        while time.time() < deadline:
            seed = rng.choice(seeds)
            check(mutate(open(seed).read(), rng), seed.endswith(".cpp"), os.path.basename(seed))
    print("rewrite-mutants: seed %d, %s" % (args.seed, ", ".join("%s %d" % kv for kv in stats.items())))
    return 1 if stats["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
