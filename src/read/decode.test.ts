import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredCharset, decodeBytes, decodeWindows1252 } from './decode.ts';
import { InputError } from './input-error.ts';

const refused = (bytes: Buffer, markup: boolean, reason: string | RegExp) =>
  assert.throws(
    () => decodeBytes('in.html', bytes, markup),
    (e: unknown) => e instanceof InputError && e.input === 'in.html' && (typeof reason === 'string' ? e.message === `in.html: ${reason}` : reason.test(e.message)),
  );

// “Curly quotes” and é in windows-1252: 0x93, 0x94, 0xE9.
const CP1252_BODY = Buffer.from([...Buffer.from('<p>'), 0x93, ...Buffer.from('Quoted'), 0x94, ...Buffer.from(' caf'), 0xe9, ...Buffer.from('</p>')]);

test('a declared charset decodes text that is not UTF-8: meta charset, http-equiv, XML prolog', () => {
  const meta = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), CP1252_BODY]);
  assert.match(decodeBytes('in.html', meta, true), /<p>“Quoted” café<\/p>/);
  const httpEquiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), CP1252_BODY]);
  // ISO-8859-1 is read as windows-1252, as browsers do: 0x93 is “, not a C1 control.
  assert.match(decodeBytes('in.html', httpEquiv, true), /“Quoted” café/);
  const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>'), CP1252_BODY, Buffer.from('</title></channel></rss>')]);
  assert.match(decodeBytes('in.html', xml, true), /“Quoted” café/);
  const latin2 = Buffer.concat([Buffer.from('<meta charset="iso-8859-2"><p>'), Buffer.from([0xb3, 0xf3, 0xbf]), Buffer.from('</p>')]);
  assert.match(decodeBytes('in.html', latin2, true), /<p>łóż<\/p>/);
});

test('valid UTF-8 is read as UTF-8 whatever it declares; a UTF-8 BOM is dropped', () => {
  assert.equal(decodeBytes('in.html', Buffer.from('<meta charset="windows-1252"><p>“café”</p>'), true), '<meta charset="windows-1252"><p>“café”</p>');
  assert.equal(decodeBytes('in.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Héllo')]), false), 'Héllo');
});

test('UTF-16 with a BOM (both orders) and plain-ASCII UTF-16 without one are decoded, not called binary', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Héllo “world”\n', 'utf16le')]);
  assert.equal(decodeBytes('in.txt', le, false), 'Héllo “world”\n');
  const beBody = Buffer.from('Héllo “world”\n', 'utf16le').swap16();
  assert.equal(decodeBytes('in.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]), false), 'Héllo “world”\n');
  assert.equal(decodeBytes('in.txt', Buffer.from('Plain ASCII text in UTF-16.\n', 'utf16le'), false), 'Plain ASCII text in UTF-16.\n');
});

test('invalid UTF-8 without a declaration is refused; with a bad or lying declaration too', () => {
  refused(CP1252_BODY, true, 'not valid UTF-8 and declares no other charset');
  // Plain text and JSON have no way to declare a charset: only UTF-8 is read.
  refused(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), CP1252_BODY]), false, 'not valid UTF-8 and declares no other charset');
  refused(Buffer.concat([Buffer.from('<meta charset="utf-8">'), CP1252_BODY]), true, 'declares UTF-8 but is not valid UTF-8');
  refused(Buffer.concat([Buffer.from('<meta charset="klingon-8">'), CP1252_BODY]), true, 'declares an unknown charset "klingon-8"');
  refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), false, 'not valid UTF-16LE');
});

test('binary data is refused, naming what it looks like', () => {
  refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), true, 'binary data (a PNG image), not text');
  refused(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), false, 'binary data (a gzip archive; decompress it first), not text');
  refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), false, 'binary data (a PDF document), not text');
  refused(Buffer.from('some text\0with a NUL byte in it'), false, 'binary data (NUL bytes), not text');
  refused(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 65, 66, 1, 2, 3, 4, 5, 6]), false, 'binary data, not text (control characters)');
});

test('empty and white-space-only input is refused', () => {
  refused(Buffer.alloc(0), false, 'empty input');
  refused(Buffer.from(' \n\t\r\n  '), false, 'empty input (only white space)');
  refused(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n\n')]), false, 'empty input (only white space)');
});

test('negative: declaredCharset finds nothing where nothing is declared', () => {
  assert.equal(declaredCharset('<html><head><title>charset=utf-8</title>'), null);
  assert.equal(declaredCharset('<?xml version="1.0"?><rss>'), null);
  assert.equal(declaredCharset('<META CHARSET=Windows-1252>'), 'windows-1252');
});

test('windows-1252 maps 0x80–0x9F to their characters and leaves the rest Latin-1', () => {
  assert.equal(decodeWindows1252(Buffer.from([0x80, 0x85, 0x91, 0x92, 0x96, 0x97, 0xe9, 0x41])), '€…‘’–—éA');
});
