// Bad input, end to end: the real CLI over a folder of good and bad files, and the real
// executable reading stdin. Every bad input gives one stderr line naming it; the good ones are
// still analysed; the exit status is 1. All inputs are written here, in a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { main } from '../src/cli/main.ts';
import { detectKind, listInputs } from '../src/read/source.ts';
import type { AnalysisRecord } from '../src/model/record.ts';
import { captureIO } from './support/capture-io.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const ARTICLE = `Talks resume in Velmora

VELMORA (HW) — Negotiators for Kestria and the Ridgeline Front met again on Tuesday, the mediators said.

"We are close," the envoy told reporters after the session.
`;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

/** windows-1252 bytes for a string of Latin-1 and curly quotes. */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '—': 0x97 };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

async function analyze(...args: string[]): Promise<{ records: AnalysisRecord[]; errors: string[]; status: number }> {
  const io = captureIO();
  const status = await main(['analyze', '--format', 'jsonl', ...args], io);
  const records = io.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as AnalysisRecord);
  return { records, errors: io.stderr.split('\n').filter((l) => l !== ''), status };
}

function write(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

test('a folder of good and bad files: good records printed, one stderr line per bad input, exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bad-'));
  const at = (name: string) => join(dir, name);
  // Good inputs, one of them deep in subfolders.
  write(at('story.txt'), ARTICLE);
  write(at('nested/deeper/wire.txt'), ARTICLE.replace('Tuesday', 'Wednesday'));
  write(at('bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE.replace('Tuesday', 'Thursday'))]));
  write(at('utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE.replace('Tuesday', 'Friday'), 'utf16le')]));
  write(at('latin1-feed.xml'), cp1252(`<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Eastwind Daily</title><item><title>Caf\u00e9 talks</title><link>https://e.example/1</link>
<pubDate>Mon, 12 Oct 2026 09:30:00 +0000</pubDate>
<description>&lt;p&gt;VELMORA — \u201cThe ball is in Kestria\u2019s court,\u201d the spokesman said at the caf\u00e9.&lt;/p&gt;</description></item></channel></rss>`));
  write(at('records.jsonl'), [
    JSON.stringify({ title: 'First record', date: '2026-10-13', outlet: 'Civic Ledger', text: 'The first record has a body of its own.' }),
    '{"title": "cut off", "text": "no end',
    JSON.stringify({ title: 'Third record', text: 'The third record has a body too.' }),
  ].join('\n'));
  // Bad inputs.
  write(at('photo.html'), PNG);
  write(at('archive.json'), gzipSync(Buffer.from('{"text": "zipped"}')));
  write(at('nul.txt'), Buffer.from('text with a \0 NUL byte'));
  write(at('undeclared.txt'), cp1252('\u201cQuoted\u201d caf\u00e9 text with no charset anywhere.'));
  write(at('empty.txt'), '');
  write(at('blank.txt'), '  \n\n\t \n');
  write(at('bomb.xml'), '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><item><description>&lol2;</description></item></channel></rss>');
  write(at('malformed.xml'), '<rss><channel><item><title>unclosed</item></channel></rss>');
  write(at('nothing.json'), '[]');
  // Not picked up by the walk: unknown extensions and hidden files.
  write(at('notes.md'), 'not an input');
  write(at('picture.png'), PNG);
  write(at('.hidden.txt'), Buffer.from('\0\0\0'));
  // An empty folder named on the command line is reported; one met inside a walk is not.
  const emptyFolder = at('empty-folder');
  mkdirSync(emptyFolder);
  const missing = at('missing.txt');

  const { records, errors, status } = await analyze(dir, missing, emptyFolder);
  assert.equal(status, 1);
  const good = records.map((r) => r.source.path).sort();
  assert.deepEqual(good, [at('bom.txt'), at('latin1-feed.xml'), at('nested/deeper/wire.txt'), at('records.jsonl'), at('records.jsonl'), at('story.txt'), at('utf16.txt')].sort());
  assert.deepEqual(records.filter((r) => r.source.path === at('records.jsonl')).map((r) => r.title?.text), ['First record', 'Third record']);
  const feedRecord = records.find((r) => r.source.path === at('latin1-feed.xml'))!;
  assert.ok(feedRecord.text.includes('“The ball is in Kestria’s court,” the spokesman said at the café.'), feedRecord.text);
  assert.equal(feedRecord.title?.text, 'Café talks');
  assert.ok(!records.find((r) => r.source.path === at('bom.txt'))!.text.includes('\ufeff'));
  assert.ok(records.find((r) => r.source.path === at('utf16.txt'))!.text.includes('met again on Friday'));

  const expected: Record<string, RegExp> = {
    'photo.html': /binary data \(a PNG image\), not text$/,
    'archive.json': /binary data \(a gzip archive; decompress it first\), not text$/,
    'nul.txt': /binary data \(NUL bytes\), not text$/,
    'undeclared.txt': /not valid UTF-8 and declares no other charset$/,
    'empty.txt': /empty input$/,
    'blank.txt': /empty input \(only white space\)$/,
    'bomb.xml': /declares XML entities in its DOCTYPE/,
    'malformed.xml': /not well-formed XML/,
    'nothing.json': /holds no records$/,
    'records.jsonl': /line 2: not valid JSON$/,
    'empty-folder': /a folder with no .* files in it$/,
    'missing.txt': /no such file$/,
  };
  for (const [name, reason] of Object.entries(expected)) {
    const lines = errors.filter((l) => l.startsWith(`dossier: ${at(name)}: `));
    assert.equal(lines.length, 1, `one error line for ${name}: ${JSON.stringify(errors)}`);
    assert.match(lines[0]!, reason);
  }
  assert.equal(errors.length, Object.keys(expected).length, errors.join('\n'));
});

test('only good inputs: exit 0 and nothing on stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-good-'));
  const { records, errors, status } = await analyze(write(join(dir, 'a.txt'), ARTICLE));
  assert.deepEqual([records.length, errors, status], [1, [], 0]);
});

test('--max-bytes: a larger input is refused before it is read, the others go through', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-size-'));
  const big = write(join(dir, 'big.txt'), `${ARTICLE}\n${'More text. '.repeat(200)}`);
  const small = write(join(dir, 'small.txt'), ARTICLE);
  const { records, errors, status } = await analyze('--max-bytes', '1k', big, small);
  assert.equal(status, 1);
  assert.deepEqual(records.map((r) => r.source.path), [small]);
  assert.deepEqual(errors, [`dossier: ${big}: larger than the size limit of 1024 bytes; raise it with --max-bytes`]);
  const mb = await analyze('--max-bytes', '0.001MB', big);
  assert.match(mb.errors[0]!, /larger than the size limit of 1048 bytes/);
});

test('listInputs walks folders recursively by extension, in name order, hidden entries skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-walk-'));
  for (const name of ['b.html', 'a.txt', 'sub/c.jsonl', 'sub/deeper/d.xml', 'sub/e.md', '.git/f.txt', 'g.JSON', 'h.atom']) write(join(dir, name), 'x');
  assert.deepEqual(
    listInputs([dir]).map((r) => r.path),
    ['a.txt', 'b.html', 'g.JSON', 'h.atom', 'sub/c.jsonl', 'sub/deeper/d.xml'].map((n) => join(dir, n)),
  );
  assert.deepEqual(listInputs([]), [{ name: 'stdin', path: null }]);
  assert.deepEqual(listInputs(['-', join(dir, 'nope.txt')]), [{ name: 'stdin', path: null }, { name: join(dir, 'nope.txt'), path: join(dir, 'nope.txt') }]);
});

test('detectKind sniffs stdin: feeds behind a prolog, HTML, JSON, JSONL, text', () => {
  const stdin = { name: 'stdin', path: null };
  assert.equal(detectKind(stdin, '<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- c -->\n<!DOCTYPE rss PUBLIC "x" "y">\n<rss version="2.0">'), 'feed');
  assert.equal(detectKind(stdin, '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(detectKind(stdin, '<rdf:RDF xmlns:rdf="…">'), 'feed');
  assert.equal(detectKind(stdin, '<!DOCTYPE html><html><body>feed</body></html>'), 'html');
  assert.equal(detectKind(stdin, '{"text": "a"}\n{"text": "b"}\n'), 'jsonl');
  assert.equal(detectKind(stdin, '{\n  "text": "a"\n}\n'), 'json');
  assert.equal(detectKind(stdin, '[{"text": "a"}]'), 'json');
  assert.equal(detectKind(stdin, 'Headline\n\nBody < more'), 'text');
  // Files go by their extension.
  assert.equal(detectKind({ name: 'a.txt', path: 'a.txt' }, '<rss>'), 'text');
});

/** Runs the real executable with `input` on its stdin. */
function runCli(args: string[], input: string | Buffer) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/dossier.js'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('bin/dossier.js analyze - reads one document from a pipe', () => {
  const run = runCli(['analyze', '-'], ARTICLE);
  assert.equal(run.status, 0, run.stderr);
  const records = run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as AnalysisRecord);
  assert.equal(records.length, 1);
  assert.equal(records[0]!.source.path, null);
  assert.equal(records[0]!.title?.text, 'Talks resume in Velmora');
});

test('bin/dossier.js analyze with no path sniffs stdin (JSONL here) and reports bad stdin in one line', () => {
  const jsonl = `${JSON.stringify({ title: 'One', text: 'First body.' })}\n${JSON.stringify({ title: 'Two', text: 'Second body.' })}\n`;
  const run = runCli(['analyze'], jsonl);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.stdout.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as AnalysisRecord).title?.text), ['One', 'Two']);

  const png = runCli(['analyze', '-'], PNG);
  assert.equal(png.status, 1);
  assert.equal(png.stdout, '');
  assert.equal(png.stderr, 'dossier: stdin: binary data (a PNG image), not text\n');

  const big = runCli(['analyze', '--max-bytes', '100', '-'], ARTICLE);
  assert.equal(big.status, 1);
  assert.equal(big.stderr, 'dossier: stdin: larger than the size limit of 100 bytes; raise it with --max-bytes\n');
});

test('HTML with no readable body is refused in one line; a small fragment page is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-empty-body-'));
  writeFileSync(join(dir, 'garbage.html'), '<<<>>> <html <body');
  writeFileSync(join(dir, 'links-only.html'), '<html><head><title>Just a title</title></head><body><nav><a href="/">Home</a> <a href="/world">World news and more</a></nav></body></html>');
  writeFileSync(join(dir, 'fragment.html'), '<p>Officials met on Tuesday to discuss the plan.</p><p>They meet again soon.</p>');
  const { records, errors, status } = await analyze(dir);
  assert.equal(status, 1);
  assert.deepEqual(
    errors.map((e) => e.replace(dir, 'DIR')),
    [
      'dossier: DIR/garbage.html: no article text found (the page has no readable body)',
      'dossier: DIR/links-only.html: no article text found (the page has no readable body)',
    ],
  );
  assert.equal(records.length, 1);
  assert.equal(records[0]!.text, 'Officials met on Tuesday to discuss the plan.\n\nThey meet again soon.');
});
