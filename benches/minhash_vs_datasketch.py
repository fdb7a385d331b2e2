#!/usr/bin/env python3
"""MinHash signing: Parallax (parallax-dedup, 128 permutations) beside datasketch on the same
generated documents, in one run. Prints docs/s for both and the ratio.

    python3 benches/minhash_vs_datasketch.py

datasketch is installed into a throwaway virtualenv under the system temp dir (the registry
serves it); nothing is installed into the project.
"""
import os, re, subprocess, sys, tempfile, time, venv

VENV = os.path.join(tempfile.gettempdir(), "parallax-datasketch-venv")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def documents(n, words):
    """The documents of crates/parallax-dedup/benches/signing.rs: xorshift64, seed and words alike."""
    state = 0x2545F4914F6CDD1D
    mask = (1 << 64) - 1
    docs = []
    for _ in range(n):
        out = []
        for _ in range(words):
            state ^= (state << 13) & mask
            state ^= state >> 7
            state ^= (state << 17) & mask
            out.append("w%d" % (state % 5000))
        docs.append(" ".join(out))
    return docs


def datasketch_docs_per_second(docs, num_perm):
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        venv.create(VENV, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "datasketch"], check=True)
    code = r'''
import sys, time
from datasketch import MinHash
num_perm = int(sys.argv[1])
docs = sys.stdin.read().split("\n")
shingled = [[" ".join(w[i:i + 5]).encode() for i in range(len(w) - 4)] for w in (d.split() for d in docs)]
best = None
for _ in range(3):
    start = time.perf_counter()
    for s in shingled:
        m = MinHash(num_perm=num_perm)
        m.update_batch(s)
    t = time.perf_counter() - start
    best = t if best is None else min(best, t)
print(len(docs) / best)
'''
    r = subprocess.run([python, "-c", code, str(num_perm)], input="\n".join(docs), capture_output=True, text=True, check=True)
    return float(r.stdout.strip())


def parallax_docs_per_second():
    r = subprocess.run(["cargo", "bench", "-q", "-p", "parallax-dedup", "--bench", "signing", "--", "sign_300"],
                       cwd=ROOT, capture_output=True, text=True, check=True)
    lines = r.stdout.splitlines()
    for i, line in enumerate(lines):
        if "sign_300_word_documents" in line:
            # divan: fastest │ slowest │ median │ mean on the next line, as throughput.
            cells = [c.strip() for c in lines[i + 1].split("│")]
            value, unit = re.match(r"([\d.]+)\s*(\w*)item/s", cells[2]).groups()
            return float(value) * {"": 1, "K": 1e3, "M": 1e6}[unit]
    sys.exit("no sign_300_word_documents line in the bench output:\n" + r.stdout)


if __name__ == "__main__":
    docs = documents(1000, 300)
    ours = parallax_docs_per_second()
    print("parallax-dedup (128 permutations, one core): %10.0f docs/s" % ours)
    for perms in (128, 256):
        theirs = datasketch_docs_per_second(docs, perms)
        print("datasketch     (%3d permutations):            %10.0f docs/s   ratio %.1fx" % (perms, theirs, ours / theirs))
