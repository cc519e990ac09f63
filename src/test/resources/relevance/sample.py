#!/usr/bin/env python3
"""Samples the bench queries and the headlines of the relevance set (see README.md here).

Run from the repository root:
  python3 src/test/resources/relevance/sample.py ../shared/bench/queries.txt \
      ../shared/data/allsides-news/articles.jsonl.gz src/test/resources/relevance
It writes bench-queries.tsv (id, class, query) and headlines.tsv (articleId, headline); the analyst
queries are written by hand in analyst-queries.tsv and queries.tsv is the two joined.
"""
import gzip
import json
import random
import re
import sys

SEED = 20261130  # the date the set was made, fixed before any result was seen
BENCH_QUERIES = 40
HEADLINES = 10


def article_id(raw_id):
    """passages' id for a JSONL `id` (JsonlArticles + ArticleIds.fromFileName)."""
    stem = raw_id.replace('.', '_')
    stem = re.sub(r'[^A-Za-z0-9_-]', '_', stem)[:200]
    return stem or '_'


def main(queries_txt, corpus, out_dir):
    queries = [q.strip() for q in open(queries_txt, encoding='utf-8') if q.strip()]
    picked = random.Random(SEED).sample(range(len(queries)), BENCH_QUERIES)
    with open(f'{out_dir}/bench-queries.tsv', 'w', encoding='utf-8') as out:
        for n, i in enumerate(picked, 1):
            out.write(f'b{n:02d}\tbench\t{queries[i]}\n')

    # candidates: >= 5 paragraphs, a title of >= 4 words without a tab, that no other article shares
    titles = {}
    candidates = []
    with gzip.open(corpus, 'rt', encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            title = ' '.join((a.get('title') or '').split())
            titles[title.lower()] = titles.get(title.lower(), 0) + 1
            if len(a.get('paragraphs') or []) >= 5 and len(title.split()) >= 4:
                candidates.append((article_id(a['id']), title))
    candidates = [c for c in candidates if titles[c[1].lower()] == 1]
    with open(f'{out_dir}/headlines.tsv', 'w', encoding='utf-8') as out:
        for aid, title in random.Random(SEED).sample(candidates, HEADLINES):
            out.write(f'{aid}\t{title}\n')


if __name__ == '__main__':
    main(*sys.argv[1:4])
