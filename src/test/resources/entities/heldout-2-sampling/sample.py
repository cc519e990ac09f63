"""Samples the heldout-2, -3, -4 and -5 entity paragraphs (see ../README.md, "heldout-2" ... "heldout-5").
Usage: python3 sample.py src/test/resources/entities cleaned.jsonl sample.jsonl [SEED [EXCLUDED-IDS-FILE...]]
heldout-2: no SEED (20261130, excluding eval- and heldout-context-ids.txt).
heldout-3: python3 sample.py src/test/resources/entities cleaned.jsonl sample.jsonl 20261201 \
             eval-context-ids.txt heldout-context-ids.txt heldout-2-context-ids.txt
heldout-4: the same with 20261202 and heldout-3-context-ids.txt added to the excluded lists.
heldout-5: the same with 20261203 and heldout-4-context-ids.txt added too.
cleaned.jsonl comes from Dump.java: one line per body paragraph that passages.ingest.TextCleaner
keeps (id, ord, text), in corpus order. Python 3.11 (random.Random's choice/shuffle are stable)."""
import json, random, re, sys
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 20261130
EXCLUDED = sys.argv[5:] or ['eval-context-ids.txt', 'heldout-context-ids.txt']
ENT = sys.argv[1]  # src/test/resources/entities
used = set()
for f in EXCLUDED:
    used |= {l.strip() for l in open(f'{ENT}/{f}') if l.strip()}
BOILER = re.compile(r'Advertis|Subscribe|newsletter|Sign up|[Cc]lick here|All rights reserved|Getty Images|Photo:|Image:|©')
MONEY = re.compile(r'[$€£]\s?\d|\b\d[\d,.]*\s*(million |billion |trillion )?(dollars|euros|pounds|yen|yuan|rubles|rupees|pesos|cents)\b')
PRODUCT = re.compile(r'\b(on|via|through|using|his|her|their|its|a|an|the)\s+(Twitter|Facebook|Instagram|YouTube|TikTok|Snapchat|WhatsApp|Reddit|Telegram|Parler|Gab|LinkedIn|Zoom|Skype|WeChat)\b'
                     r'|\b(iPhones?|iPads?|Android|Windows|MacBook|Galaxy|Kindle|Alexa|Siri|Gmail|ChatGPT|Xbox|PlayStation|Boeing 7[0-9]7|F-35|F-16|Tomahawk|Prius|Google Maps|Chrome|Photoshop|Fortnite|apps?|software|smartphones?)\b')
arts = {}
order = []
for line in open(sys.argv[2], encoding='utf-8'):
    p = json.loads(line)
    if p['id'] in used: continue
    if p['id'] not in arts: arts[p['id']] = []; order.append(p['id'])
    t = p['text']
    if 40 <= len(t) <= 700 and not BOILER.search(t): arts[p['id']].append(p)
rng = random.Random(SEED)
out, taken = [], set()
# 1. random: a random article, then a random eligible paragraph of it (as the dev and old held-out sets)
while sum(1 for o in out if o['sample'] == 'random') < 80:
    a = rng.choice(order)
    if a in taken or not arts[a]: continue
    p = rng.choice(arts[a]); taken.add(a); out.append(dict(p, sample='random'))
# 2./3. cue strata: every eligible paragraph with the cue, shuffled, one per article not yet taken
DEVICE = re.compile(r'\b(iPhones?|iPads?|iPods?|Android|Windows|MacBooks?|Galaxy|Kindle|Alexa|Siri|Gmail|ChatGPT|Xbox|PlayStation|Boeing 7[0-9]7|737 MAX|F-35s?|F-16s?|F-22s?|Tomahawks?|Patriot missiles?|Prius|Google Maps|Chrome|Photoshop|Fortnite|Zoom|Skype|PowerPoint|Air Force One|AR-15s?|Glock|Fitbit|Pokémon Go|Uber app|Signal app|BlackBerry|Blackberry|Humvees?|Reaper drones?|Predator drones?)\b')
for name, cue, k in (('money', MONEY, 70), ('product', PRODUCT, 70), ('device', DEVICE, 30)):
    pool = [p for a in order if a not in taken for p in arts[a] if cue.search(p['text'])]
    rng.shuffle(pool); n = 0
    for p in pool:
        if n == k: break
        if p['id'] in taken: continue
        taken.add(p['id']); out.append(dict(p, sample=name)); n += 1
with open(sys.argv[3], 'w', encoding='utf-8') as w:
    for o in out: w.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(out), {s: sum(1 for o in out if o['sample'] == s) for s in ('random', 'money', 'product', 'device')})
