// Fetched bodies decoded and typed: by Content-Type and charset, with refusals naming the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFetched, parseContentType } from './fetched-input.ts';
import type { FetchedPage } from './safe-fetch.ts';

const URL_GIVEN = 'https://eastwind.example/story';

function page(body: string | Buffer, contentType: string | null, url = 'https://eastwind.example/2026/10/story'): FetchedPage {
  return { url, status: 200, contentType, body: typeof body === 'string' ? Buffer.from(body) : body, etag: null, lastModified: null, notModified: false };
}

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://e.example/a</link></item></channel></rss>';

test('Content-Type headers: media type and charset, lower-cased; none gives an empty type', () => {
  assert.deepEqual(parseContentType('text/HTML; Charset="ISO-8859-1"'), { type: 'text/html', charset: 'iso-8859-1' });
  assert.deepEqual(parseContentType('application/json'), { type: 'application/json', charset: null });
  assert.deepEqual(parseContentType(null), { type: '', charset: null });
});

test('the kind follows the media type, the document\'s root and the URL\'s extension', () => {
  const kind = (body: string, type: string | null, url?: string) => decodeFetched(URL_GIVEN, page(body, type, url)).kind;
  assert.equal(kind('<html><body><p>x</p></body></html>', 'text/html'), 'html');
  assert.equal(kind(RSS, 'application/rss+xml'), 'feed');
  assert.equal(kind(RSS, 'text/html'), 'feed'); // feeds served as HTML are still feeds
  assert.equal(kind(RSS, null), 'feed');
  assert.equal(kind('<notes/>', 'application/xml'), 'feed'); // the feed reader then says it is no feed
  assert.equal(kind('{"title":"x","text":"y"}', 'application/json'), 'json');
  assert.equal(kind('{"text":"a"}\n{"text":"b"}\n', 'application/x-ndjson'), 'jsonl');
  assert.equal(kind('<b>not markup</b> said the text', 'text/plain'), 'text');
  assert.equal(kind(RSS, 'text/plain', 'https://raw.example/feed.xml'), 'feed');
  assert.equal(kind('Plain words.', null), 'text');
});

test('the input is named by the URL as given and carries the final URL', () => {
  const input = decodeFetched(URL_GIVEN, page('Words.', 'text/plain'));
  assert.equal(input.name, URL_GIVEN);
  assert.equal(input.url, 'https://eastwind.example/2026/10/story');
  assert.equal(input.path, null);
});

test('the charset the server declares decodes the body; a body that breaks it is refused', () => {
  const latin1 = Buffer.from('<p>caf\xe9 \x93quoted\x94</p>', 'latin1');
  assert.match(decodeFetched(URL_GIVEN, page(latin1, 'text/html; charset=windows-1252')).text, /café “quoted”/);
  assert.throws(() => decodeFetched(URL_GIVEN, page(latin1, 'text/html; charset=utf-8')), {
    name: 'InputError',
    message: `${URL_GIVEN}: declares UTF-8 but is not valid UTF-8`,
  });
  assert.throws(() => decodeFetched(URL_GIVEN, page(latin1, 'text/html')), { message: `${URL_GIVEN}: not valid UTF-8 and declares no other charset` });
  // Valid UTF-8 stays UTF-8, whatever the header claims (Dossier's rule for files too).
  assert.match(decodeFetched(URL_GIVEN, page('<p>café</p>', 'text/html; charset=iso-8859-1')).text, /café/);
});

test('binary and empty bodies are refused with one line naming the URL', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.throws(() => decodeFetched(URL_GIVEN, page(png, 'image/png')), { message: `${URL_GIVEN}: not a document (Content-Type image/png)` });
  assert.throws(() => decodeFetched(URL_GIVEN, page(png, 'text/html')), { message: `${URL_GIVEN}: binary data (a PNG image), not text` });
  assert.throws(() => decodeFetched(URL_GIVEN, page('%PDF-1.7', 'application/pdf')), { message: `${URL_GIVEN}: not a document (Content-Type application/pdf)` });
  assert.throws(() => decodeFetched(URL_GIVEN, page('', 'text/html')), { message: `${URL_GIVEN}: empty input` });
  assert.throws(() => decodeFetched(URL_GIVEN, page(' \n ', 'text/plain')), { message: `${URL_GIVEN}: empty input (only white space)` });
});
