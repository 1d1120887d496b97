#!/usr/bin/env python3
"""Moves test questions within a difflib ratio of 0.8 of a curated question (or a lexicon entry of
3+ words) from test/fixtures/questions.*.jsonl to test/fixtures/training/<set>.jsonl, where only
the decider's fitting reads them. Run after adding a question set (once it has been first scored)."""
import difflib, glob, json, os, re
norm = lambda s: re.sub(r'[^a-z0-9]+', ' ', s.lower()).strip()
facts = json.load(open('src/knowledge/facts.json'))['facts']
lex = json.load(open('src/knowledge/lexicon.json'))
near = [norm(q) for f in facts for q in f['questions']]
near += [norm(v) for a in lex['aliases'] for v in [a['canonical']] + a['variants']] + [norm(s) for s in lex['stopwords']]
near = [n for n in near if n in {norm(q) for f in facts for q in f['questions']} or len(n.split()) > 2]
for path in sorted(glob.glob('test/fixtures/questions.*.jsonl')):
    keep, moved = [], []
    for line in open(path):
        if not line.strip():
            continue
        q = norm(json.loads(line)['q'])
        (moved if any(difflib.SequenceMatcher(None, q, n).ratio() >= 0.8 for n in near) else keep).append(line)
    if moved:
        open(path, 'w').writelines(keep)
        dest = os.path.join('test/fixtures/training', os.path.basename(path))
        open(dest, 'a').writelines(moved)
        print(f'{path}: moved {len(moved)} to {dest}')
