// Writes tests/corpus/bad-inputs.json: every case a dataset must be rejected for, with the
// error kind and the field path (or CSV position) the message must name; `text`, where the
// input read as text without a format (load::from_text, the widget) gives another error.
// Run: node tests/corpus/make.mjs. Large inputs are described by a `generate` recipe, built
// by the test runners (tests/corpus.rs; GENERATE in tests/e2e/helpers.mjs), to keep the file
// small.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const seedText = readFileSync(join(here, '..', '..', 'www', 'data', 'yuncheng-2019.json'), 'utf8');
const seed = JSON.parse(seedText);
const cases = [];
const add = (name, format, input, kind, path, extra = {}) => cases.push({ name, format, input, kind, path, ...extra });
const json = (mutate) => {
  const d = structuredClone(seed);
  mutate(d);
  return JSON.stringify(d);
};

// A. Malformed JSON.
for (const f of [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]) {
  add(`json truncated at ${f * 100}%`, 'json', seedText.slice(0, Math.floor(seedText.length * f)), 'syntax', 'line ', { prefix: true });
}
add('json trailing comma', 'json', '{"title": "T",}', 'syntax', 'line 1, column 15');
add('json single quotes', 'json', "{'title': 'T'}", 'syntax', 'line 1, column 2');
add('json NaN literal', 'json', seedText.replace('15.5', 'NaN'), 'syntax', 'line ', { prefix: true });
add('json Infinity literal', 'json', seedText.replace('15.5', 'Infinity'), 'syntax', 'line ', { prefix: true });
// Read as text (load::from_text, and the widget, which has no format option), what does not
// start with { or [ is CSV: `text` is the error the CSV reader gives it. Here "// data" is the
// header and "{" a record of one field; line 3, `  "version": 1,`, has text after a quoted field.
add('json comment', 'json', `// data\n${seedText}`, 'syntax', 'line 1, column 1', { text: { kind: 'syntax', path: 'line 3, column 1' } });
add('json number out of range', 'json', seedText.replace('15.5', '1e999'), 'expected', 'years[0].tiers[0].rate');
add('json deep nesting', 'json', null, 'syntax', 'line 1', { prefix: true, generate: { deep: 5000 } });
add('json BOM then garbage', 'json', '\ufeff{x}', 'syntax', 'line 1, column 2');

// B. The root.
add('root array', 'json', '[1,2]', 'expected', '(root)');
// As text, each of these is a CSV header of one column that is no field of the format.
add('root string', 'json', '"运城市"', 'expected', '(root)', { text: { kind: 'unknown_field', path: 'line 1, column 1 ("运城市")' } });
add('root number', 'json', '42', 'expected', '(root)', { text: { kind: 'unknown_field', path: 'line 1, column 1 ("42")' } });
add('root null', 'json', 'null', 'expected', '(root)', { text: { kind: 'unknown_field', path: 'line 1, column 1 ("null")' } });
add('empty object', 'json', '{}', 'missing', 'title');
add('missing title', 'json', json((d) => delete d.title), 'missing', 'title');
add('empty title', 'json', json((d) => { d.title = ''; }), 'expected', 'title');
add('number title', 'json', json((d) => { d.title = 2019; }), 'expected', 'title');
add('zero-width title', 'json', json((d) => { d.title = '\u200b\u200d'; }), 'expected', 'title');
add('201-character title', 'json', json((d) => { d.title = '长'.repeat(201); }), 'expected', 'title');
add('10 MB title', 'json', null, 'expected', 'title', { generate: { long_title_mb: 10 } });
add('missing region', 'json', json((d) => delete d.region), 'missing', 'region');
add('blank region', 'json', json((d) => { d.region = '   '; }), 'expected', 'region');
add('reference false', 'json', json((d) => { d.reference = false; }), 'expected', 'reference');
add('reference zero-width', 'json', json((d) => { d.reference = '\u2060'; }), 'expected', 'reference');
add('version 3', 'json', json((d) => { d.version = 3; }), 'expected', 'version');
add('version as text', 'json', json((d) => { d.version = '2'; }), 'expected', 'version');
add('version "1"', 'json', json((d) => { d.version = '1'; }), 'expected', 'version');

// C. Unknown fields.
add('unknown root field', 'json', json((d) => { d.titel = 'x'; }), 'unknown_field', 'titel');
add('unknown source field', 'json', json((d) => { d.source.when = 'x'; }), 'unknown_field', 'source.when');
add('unknown year field', 'json', json((d) => { d.years[0].tier = []; }), 'unknown_field', 'years[0].tier');
add('unknown tier field', 'json', json((d) => { d.years[0].tiers[1].pased = 1; }), 'unknown_field', 'years[0].tiers[1].pased');
add('source number', 'json', json((d) => { d.source = 3; }), 'expected', 'source');
add('source without name', 'json', json((d) => { d.source = { date: '2019' }; }), 'missing', 'source.name');
add('source empty name', 'json', json((d) => { d.source.name = ''; }), 'expected', 'source.name');
add('source url number', 'json', json((d) => { d.source.url = 1; }), 'expected', 'source.url');

// D. Tier fields, each with wrong types and out-of-range values.
const bad = {
  percent: ['abc', '15.5 percent', -1, 100.5, true, [], {}, -0.01, '101%'],
  points: ['up', 101, -101, false, [], {}, '0.7%', '0.7pp'],
  count: ['many', -1, 1.5, 1e10, true, '36.192', '-5'],
};
for (const [field, kind] of [['rate', 'percent'], ['reference_rate', 'percent'], ['vs_reference_pp', 'points'], ['vs_previous_year_pp', 'points'], ['passed', 'count'], ['candidates', 'count']]) {
  for (const v of bad[kind]) {
    add(`tier ${field} = ${JSON.stringify(v)}`, 'json', json((d) => { d.years[0].tiers[1][field] = v; }), 'expected', `years[0].tiers[1].${field}`);
  }
}
add('tier candidates 0', 'json', json((d) => { d.years[0].tiers[1].candidates = 0; }), 'expected', 'years[0].tiers[1].candidates');
for (const [label, v] of [['number', 42], ['empty', ''], ['zero-width', '\u200b'], ['spaces', '   '], ['array', []], ['null', null]]) {
  add(`tier name ${label}`, 'json', json((d) => { d.years[0].tiers[1].tier = v; }), 'expected', 'years[0].tiers[1].tier');
}
add('tier name missing', 'json', json((d) => { delete d.years[0].tiers[1].tier; }), 'missing', 'years[0].tiers[1].tier');
add('tier not an object', 'json', json((d) => { d.years[0].tiers[1] = '二本线'; }), 'expected', 'years[0].tiers[1]');
add('tier null', 'json', json((d) => { d.years[0].tiers[1] = null; }), 'expected', 'years[0].tiers[1]');
add('duplicate tier', 'json', json((d) => { d.years[0].tiers[1].tier = '一本线'; }), 'duplicate', 'years[0].tiers[1].tier');
add('duplicate tier, other spacing', 'json', json((d) => { d.years[0].tiers[1].tier = ' 一本线 '; }), 'duplicate', 'years[0].tiers[1].tier');

// E. Years.
for (const [label, v] of [['text', 'twenty'], ['1899', 1899], ['2201', 2201], ['fraction', 2019.5], ['null', null], ['negative', -2019]]) {
  add(`year ${label}`, 'json', json((d) => { d.years[0].year = v; }), 'expected', 'years[0].year');
}
add('year missing', 'json', json((d) => { delete d.years[0].year; }), 'missing', 'years[0].year');
for (const [label, v] of [['0', 0], ['-5', -5], ['text', 'x'], ['fraction', 100.5]]) {
  add(`year candidates ${label}`, 'json', json((d) => { d.years[0].candidates = v; }), 'expected', 'years[0].candidates');
}
add('tiers missing', 'json', json((d) => { delete d.years[0].tiers; }), 'missing', 'years[0].tiers');
add('tiers empty', 'json', json((d) => { d.years[0].tiers = []; }), 'expected', 'years[0].tiers');
add('tiers object', 'json', json((d) => { d.years[0].tiers = {}; }), 'expected', 'years[0].tiers');
add('tiers of numbers', 'json', json((d) => { d.years[0].tiers = [1]; }), 'expected', 'years[0].tiers[0]');
add('501 tiers', 'json', null, 'expected', 'years[0].tiers', { generate: { tiers: 501 } });
add('100000 tiers', 'json', null, 'expected', 'years[0].tiers', { generate: { tiers: 100000 } });

// F. The dataset.
add('years missing', 'json', json((d) => delete d.years), 'missing', 'years');
add('years empty', 'json', json((d) => { d.years = []; }), 'expected', 'years');
add('years object', 'json', json((d) => { d.years = {}; }), 'expected', 'years');
add('years string', 'json', json((d) => { d.years = '2019'; }), 'expected', 'years');
add('years [null]', 'json', json((d) => { d.years = [null]; }), 'expected', 'years[0]');
add('duplicate year', 'json', json((d) => { d.years.push(structuredClone(d.years[0])); }), 'duplicate', 'years[1].year');
add('101 years', 'json', null, 'expected', 'years', { generate: { years: 101 } });

// G. Numbers that cannot all be true.
add('passed over year candidates', 'json', json((d) => { d.years[0].tiers[1].passed = 40000; }), 'expected', 'years[0].tiers[1].passed');
add('passed over tier candidates', 'json', json((d) => { d.years[0].tiers[1].candidates = 100; }), 'expected', 'years[0].tiers[1].passed');
add('no rate and no counts', 'json', json((d) => { delete d.years[0].tiers[1].rate; delete d.years[0].candidates; }), 'missing', 'years[0].tiers[1].rate');
add('passed without candidates or rate', 'json', json((d) => { delete d.years[0].tiers[0].rate; delete d.years[0].candidates; }), 'missing', 'years[0].tiers[0].rate');

add('difference leaves a negative previous-year rate', 'json', json((d) => { d.years[0].tiers[0].vs_previous_year_pp = 34; }), 'conflict', 'years[0].tiers[0].vs_previous_year_pp');
add('difference leaves a reference rate over 100', 'json', json((d) => { d.years[0].tiers[1].vs_reference_pp = -60; }), 'conflict', 'years[0].tiers[1].vs_reference_pp');

// Unicode that is valid data must not be mistaken for an error: these are in the good set of
// tests/corpus.rs. Here: invisible-only names are errors.
add('RTL mark only tier', 'json', json((d) => { d.years[0].tiers[1].tier = '\u200d\u200c\u200b'; }), 'expected', 'years[0].tiers[1].tier');

// H. CSV.
const H = 'title,region,reference,year,tier,area,candidates,passed,rate,vs_reference_pp,vs_previous_year_pp';
const R1 = '运城市2019年高考本科达线情况,运城市,山西省,2019,一本线,运城市,36192,5872,15.5,0.7,0.4';
const R2 = ',,,2019,二本线,运城市,36192,17579,48.6,3.4,1.7';
const csv = (...rows) => rows.join('\n');
add('csv empty', 'csv', '', 'missing', '(input)');
add('csv blank lines', 'csv', '\n\n\n', 'missing', '(input)');
add('csv header only', 'csv', H, 'missing', '(input)');
for (const col of ['year', 'tier', 'area']) {
  const h = H.split(',').filter((c) => c !== col).join(',');
  add(`csv missing ${col} column`, 'csv', csv(h, 'x'), 'missing', 'line 1 (header)');
}
add('csv unknown column', 'csv', csv(`${H},ratio`, `${R1},1`), 'unknown_field', 'line 1, column 12 ("ratio")');
add('csv duplicate column', 'csv', csv(`${H},rate`, `${R1},1`), 'duplicate', 'line 1, column 12');
add('csv tab header, comma rows', 'csv', csv(H.replaceAll(',', '\t'), R1), 'expected', 'line 2');
add('csv comma header, tab rows', 'csv', csv(H, R1.replaceAll(',', '\t')), 'expected', 'line 2');
add('csv extra field', 'csv', csv(H, `${R1},9`), 'expected', 'line 2');
add('csv missing field', 'csv', csv(H, R1.split(',').slice(0, -1).join(',')), 'expected', 'line 2');
for (const [label, v] of [['text', '19年'], ['1899', '1899'], ['fraction', '2019.5'], ['empty', '']]) {
  add(`csv year ${label}`, 'csv', csv(H, R1.replace(',2019,', `,${v},`)), v === '' ? 'missing' : 'expected', 'line 2, column 4 (year)');
}
for (const [label, v] of [['text', 'abc'], ['101', '101'], ['negative', '-1'], ['two dots', '15.5.5'], ['NaN', 'NaN'], ['inf', 'inf']]) {
  add(`csv rate ${label}`, 'csv', csv(H, R1.replace(',15.5,', `,${v},`)), 'expected', 'line 2, column 9 (rate)');
}
for (const [label, v] of [['text', 'lots'], ['negative', '-3'], ['fraction', '1.5'], ['zero', '0']]) {
  add(`csv candidates ${label}`, 'csv', csv(H, R1.replace(',36192,', `,${v},`)), 'expected', 'line 2, column 7 (candidates)');
}
for (const [label, v] of [['text', 'up'], ['too big', '150']]) {
  add(`csv vs_reference_pp ${label}`, 'csv', csv(H, R1.replace(',0.7,', `,${v},`)), 'expected', 'line 2, column 10 (vs_reference_pp)');
}
add('csv unclosed quote', 'csv', csv(H, R1, `"${R2}`), 'syntax', 'line 3');
add('csv quote inside field', 'csv', csv(H, R1.replace('一本线', '一本"线')), 'syntax', 'line 2, column 5');
add('csv text after quote', 'csv', csv(H, R1.replace('一本线', '"一本"线')), 'syntax', 'line 2, column 5');
add('csv two titles', 'csv', csv(H, R1, R2.replace(/^,/, 'Other,')), 'conflict', 'line 3, column 1 (title)');
add('csv no title', 'csv', csv(H, R1.replace(/^[^,]*/, '')), 'missing', 'column "title"');
add('csv third area', 'csv', csv(H, R1, ',,,2019,一本线,北京市,,,14.8,,'), 'expected', 'line 3, column 6 (area)');
add('csv reference row with passed', 'csv', csv(H, R1, ',,,2019,一本线,山西省,,100,14.8,,'), 'conflict', 'line 3, column 8 (passed)');
add('csv reference row with a difference', 'csv', csv(H, R1, ',,,2019,一本线,山西省,,,14.8,0.7,'), 'conflict', 'line 3, column 10 (vs_reference_pp)');
add('csv reference row without rate', 'csv', csv(H, R1, ',,,2019,一本线,山西省,,,,,'), 'missing', 'line 3, column 9 (rate)');
add('csv reference row for a missing tier', 'csv', csv(H, R1, ',,,2019,二本线,山西省,,,45.2,,'), 'conflict', 'line 3, column 5 (tier)');
add('csv duplicate region row', 'csv', csv(H, R1, R1.replace(/^[^,]*/, '')), 'duplicate', 'line 3, column 5 (tier)');
add('csv passed over candidates', 'csv', csv(H, R1.replace(',5872,', ',40000,')), 'expected', 'line 2 (passed)');
add('csv BOM and CRLF, error on line 3', 'csv', `\ufeff${H}\r\n${R1}\r\n${R2.replace(',48.6,', ',x,')}\r\n`, 'expected', 'line 3, column 9 (rate)');
add('csv quoted field with commas, error after it', 'csv', csv(H, R1.replace('运城市2019年高考本科达线情况', '"运城市, 2019"').replace(',15.5,', ',abc,')), 'expected', 'line 2, column 9 (rate)');
add('csv zero-width tier', 'csv', csv(H, R1.replace('一本线', '\u200b')), 'missing', 'line 2, column 5 (tier)');
add('csv version 3', 'csv', csv(`${H},version`, `${R1},3`), 'expected', 'line 2, column 12 (version)');
add('csv 201-character region name', 'csv', csv(H, R1.replace('运城市2019年高考本科达线情况', 'T').replace(',运城市,山西省,', `,${'长'.repeat(201)},山西省,`)), 'expected', 'line 2, column 2 (region)');


// H. Format version 2: several regions, names in two languages, quotes.
const two = (mutate) => json((d) => {
  d.version = 2;
  d.regions = [{ region: d.region, years: d.years }, { region: '临汾市', years: structuredClone(d.years) }];
  delete d.region;
  delete d.years;
  mutate(d);
});
add('v2 regions beside region', 'json', two((d) => { d.region = '运城市'; }), 'conflict', 'region');
add('v1 with regions', 'json', two((d) => { d.version = 1; }), 'conflict', 'regions');
add('v1 with a name in two languages', 'json', json((d) => { d.region = { 'zh-CN': '运城市', en: 'Yuncheng' }; }), 'conflict', 'region');
add('v2 regions empty', 'json', two((d) => { d.regions = []; }), 'expected', 'regions');
add('v2 region without years', 'json', two((d) => { delete d.regions[1].years; }), 'missing', 'regions[1].years');
add('v2 region without name', 'json', two((d) => { delete d.regions[1].region; }), 'missing', 'regions[1].region');
add('v2 duplicate region', 'json', two((d) => { d.regions[1].region = '运城市'; }), 'duplicate', 'regions[1].region');
add('v2 region named as the reference', 'json', two((d) => { d.regions[1].region = '山西省'; }), 'conflict', 'regions[1].region');
add('v2 bad rate in the second region', 'json', two((d) => { d.regions[1].years[0].tiers[0].rate = 'x'; }), 'expected', 'regions[1].years[0].tiers[0].rate');
add('v2 name with an unknown language', 'json', two((d) => { d.reference = { 'zh-CN': '山西省', fr: 'Shanxi' }; }), 'unknown_field', 'reference.fr');
add('v2 name with no language', 'json', two((d) => { d.reference = {}; }), 'expected', 'reference');
add('v2 name in English empty', 'json', two((d) => { d.title = { 'zh-CN': 'T', en: ' ' }; }), 'expected', 'title.en');
add('v2 unknown quote', 'json', two((d) => { d.regions[0].years[0].tiers[0].quotes = { ratio: 'x' }; }), 'unknown_field', 'regions[0].years[0].tiers[0].quotes.ratio');
add('v2 quote not text', 'json', two((d) => { d.regions[0].years[0].tiers[0].quotes = { rate: 15.5 }; }), 'expected', 'regions[0].years[0].tiers[0].quotes.rate');
add('v2 quote too long', 'json', two((d) => { d.regions[0].years[0].tiers[0].quotes = { rate: '长'.repeat(401) }; }), 'expected', 'regions[0].years[0].tiers[0].quotes.rate');
add('v2 reference year for no region', 'json', two((d) => { d.reference_years = [{ year: 2019, tiers: [{ tier: '三本线', rate: 5 }] }]; }), 'conflict', 'reference_years[0].tiers[0].tier');
add('v2 reference year without rate', 'json', two((d) => { d.reference_years = [{ year: 2019, tiers: [{ tier: '一本线' }] }]; }), 'missing', 'reference_years[0].tiers[0].rate');
add('v2 reference rate twice', 'json', two((d) => { d.regions[0].years[0].tiers[0].reference_rate = 14.8; d.reference_years = [{ year: 2019, tiers: [{ tier: '一本线', rate: 14.8 }] }]; }), 'duplicate', 'reference_years[0].tiers[0].rate');
const HC = 'title,reference,year,tier,area,area_en,rate,vs_reference_pp';
add('csv two English names for one area', 'csv', csv(HC, 'T,山西省,2019,一本线,运城市,Yuncheng,15.5,0.7', ',,2019,二本线,运城市,Yun Cheng,48.6,3.4'), 'conflict', 'line 3, column 6 (area_en)');
add('csv a city named like the reference', 'csv', csv('title,region,reference,year,tier,area,rate', 'T,山西省,山西省,2019,一本线,山西省,15.5'), 'conflict', 'line 2 (region)');

// I. Limits set from real data, and characters that would make a name show what it does not say.
add('301 tiers', 'json', null, 'expected', 'years[0].tiers', { generate: { tiers: 301 } });
add('61 years', 'json', null, 'expected', 'years', { generate: { years: 61 } });
add('251 regions', 'json', null, 'expected', 'regions', { generate: { grid: [251, 1, 1] } });
add('25,200 tier entries', 'json', null, 'expected', '(input)', { generate: { grid: [210, 3, 40] } });
add('a million values', 'json', null, 'expected', '(input)', { generate: { values: 1000001 } });
add('right-to-left override in a region', 'json', json((d) => { d.region = '\u202e%9.99 市川泽'; }), 'expected', 'region');
add('bidi isolate in a tier', 'json', json((d) => { d.years[0].tiers[0].tier = '二本\u2067%5.99\u2069线'; }), 'expected', 'years[0].tiers[0].tier');
add('vertical tab in the title', 'json', json((d) => { d.title = '运城市\u000b高考达线率'; }), 'expected', 'title');
add('control character in the source', 'json', json((d) => { d.source = { name: '运城\u0001新闻网' }; }), 'expected', 'source.name');
add('line separator in the reference', 'json', json((d) => { d.reference = '山西\u2028省'; }), 'expected', 'reference');
add('noncharacter in the title', 'json', json((d) => { d.title = 'T\ufffe'; }), 'expected', 'title');
add('left-to-right mark in a quote', 'json', two((d) => { d.regions[0].years[0].tiers[0].quotes = { rate: '达线率为\u200e15.5%' }; }), 'expected', 'regions[0].years[0].tiers[0].quotes.rate');
add('csv right-to-left override in an area', 'csv', csv(H, R1.replace(',运城市,36192', ',运城市\u202e,36192')), 'expected', 'line 2, column 6 (area)');
add('csv source address not http', 'csv', csv(`${H},source,source_url`, `${R1},报社,javascript:alert(1)`), 'expected', 'line 2, column 13 (source_url)');
add('source address not http', 'json', json((d) => { d.source = { name: 'x', url: '/news/1' }; }), 'expected', 'source.url');

writeFileSync(join(here, 'bad-inputs.json'), `${JSON.stringify(cases, null, 1)}\n`);
console.log(`${cases.length} cases`);
