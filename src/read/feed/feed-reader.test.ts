import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFeed, rfc822Day } from './feed-reader.ts';
import { outletName } from '../article-fields.ts';
import { InputError } from '../input-error.ts';
import { assembleDoc } from '../draft.ts';
import type { DecodedInput } from '../source.ts';

const source = { path: 'feed.xml', url: null, outlet: null };
const feed = (text: string): DecodedInput => ({ name: 'feed.xml', path: 'feed.xml', kind: 'feed', text });

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="feed.xsl"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Eastwind Daily — World</title>
    <link>https://eastwind.example/</link>
    <item>
      <title>Front offers to free 10 captives &amp; asks for a halt</title>
      <link>https://eastwind.example/2026/10/12/offer?a=1&amp;b=2</link>
      <dc:creator>Priya Castellane</dc:creator>
      <pubDate>Mon, 12 Oct 2026 23:30:00 -0500</pubDate>
      <description>The group's offer came as talks entered their second week.</description>
      <content:encoded><![CDATA[
        <p>VELMORA, Lorvand — The Ridgeline Front said on Monday that it would free 10 captives within 48 hours of a halt to the shelling.</p>
        <figure><img src="a.jpg"><figcaption>Arvid Solenne speaks in Velmora. (EW Photo/Ilse Marren)</figcaption></figure>
        <script>track("x")</script>
        <p>"The ball is in Kestria's court," the spokesman said. Tom &amp; Jerry&#8217;s &lt;b&gt; stays text.</p>
      ]]></content:encoded>
    </item>
    <item>
      <title>Second item</title>
      <guid>https://eastwind.example/2026/10/13/second</guid>
      <author>desk@eastwind.example (Mara Lind)</author>
      <pubDate>13 Oct 26 08:00 GMT</pubDate>
      <description>&lt;p&gt;First paragraph of the second item, which has no full content.&lt;/p&gt;&lt;p&gt;Its second paragraph.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>`;

test('RSS 2.0: content:encoded is the body, pubDate the date, dc:creator the byline, the channel title the outlet', () => {
  const [first, second] = readFeed(feed(RSS), source);
  assert.ok(first && second);
  assert.equal(first.title, 'Front offers to free 10 captives & asks for a halt');
  assert.deepEqual(first.source, { path: 'feed.xml', url: 'https://eastwind.example/2026/10/12/offer?a=1&b=2', outlet: 'Eastwind Daily' });
  assert.deepEqual(first.byline, [{ name: 'Priya Castellane', affiliation: null }]);
  // The day as the feed states it, in its own zone (the UTC day would be the 13th).
  assert.deepEqual(first.dateClaims[0], { date: '2026-10-12', basis: 'metadata', strength: 90, why: "the feed item's pubDate" });
  assert.equal(first.subtitle, "The group's offer came as talks entered their second week.");
  assert.equal(first.paragraphs.length, 2);
  assert.match(first.paragraphs[0]!, /^VELMORA, Lorvand — The Ridgeline Front/);
  // CDATA is taken as written and then read as HTML: the entities are HTML's, the script is gone.
  assert.equal(first.paragraphs[1], '"The ball is in Kestria\'s court," the spokesman said. Tom & Jerry’s <b> stays text.');
  assert.deepEqual(first.captions, [{ text: 'Arvid Solenne speaks in Velmora.', credit: 'EW Photo/Ilse Marren' }]);
  assert.equal(first.dateline?.place, 'VELMORA, Lorvand');

  // No content:encoded: the (entity-encoded HTML) description is the body; guid is the link.
  assert.deepEqual(second.paragraphs, ['First paragraph of the second item, which has no full content.', 'Its second paragraph.']);
  assert.equal(second.source.url, 'https://eastwind.example/2026/10/13/second');
  assert.deepEqual(second.byline, [{ name: 'Mara Lind', affiliation: null }]);
  assert.equal(second.dateClaims[0]?.date, '2026-10-13');
  assert.equal(second.subtitle, null);
  const doc = assembleDoc(first);
  assert.equal(doc.meta.published.date, '2026-10-12');
  assert.ok(doc.text.startsWith('Front offers to free 10 captives & asks for a halt\n\n'));
});

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Lakeside Tribune: World</title>
  <author><name>Lakeside Desk</name></author>
  <entry>
    <title>Truce holds for a fifth day</title>
    <link rel="self" href="https://lakeside.example/api/1"/>
    <link rel="alternate" type="text/html" href="https://lakeside.example/world/truce-fifth-day"/>
    <published>2026-10-20T11:00:00Z</published>
    <updated>2026-10-21T06:40:00Z</updated>
    <author><name>Margit Osei-Lund</name></author>
    <author><name>Ivo Brandt</name></author>
    <summary>Monitors report no shelling since Friday.</summary>
    <content type="html">&lt;p&gt;ARDENHOLM, Kestria — The truce held for a fifth day on Tuesday, the monitors said.&lt;/p&gt;&lt;p&gt;Both sides still disagree.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="html">Only &lt;em&gt;updated&lt;/em&gt;</title>
    <link href="https://lakeside.example/world/only-updated"/>
    <updated>2026-10-22T09:00:00+02:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An xhtml body, <b>inline</b> markup.</p><p>Second.</p></div></content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <published>2026-10-23</published>
    <content>First plain paragraph.

Second plain paragraph.</content>
  </entry>
</feed>`;

test('Atom: published is the date and updated is no conflict; link rel=alternate; authors; html content', () => {
  const [a, b, c] = readFeed(feed(ATOM), source);
  assert.ok(a && b && c);
  assert.equal(a.title, 'Truce holds for a fifth day');
  assert.equal(a.source.url, 'https://lakeside.example/world/truce-fifth-day');
  assert.equal(a.source.outlet, 'Lakeside Tribune');
  assert.deepEqual(a.byline.map((x) => x.name), ['Margit Osei-Lund', 'Ivo Brandt']);
  assert.deepEqual(a.dateClaims, [{ date: '2026-10-20', basis: 'metadata', strength: 90, why: "the feed entry's published date" }]);
  assert.deepEqual(assembleDoc(a).meta.published, { date: '2026-10-20', basis: 'metadata', conflicts: [] });
  assert.equal(a.subtitle, 'Monitors report no shelling since Friday.');
  assert.deepEqual(a.paragraphs, ['ARDENHOLM, Kestria — The truce held for a fifth day on Tuesday, the monitors said.', 'Both sides still disagree.']);

  // Only `updated`: used, but weaker than any date the content states.
  assert.equal(b.title, 'Only updated');
  assert.equal(b.source.url, 'https://lakeside.example/world/only-updated');
  assert.deepEqual(b.dateClaims.map((d) => [d.date, d.strength]), [['2026-10-22', 30]]);
  assert.deepEqual(b.paragraphs, ['An xhtml body, inline markup.', 'Second.']);
  // An entry without authors takes the feed's.
  assert.deepEqual(b.byline, [{ name: 'Lakeside Desk', affiliation: null }]);

  assert.deepEqual(c.paragraphs, ['First plain paragraph.', 'Second plain paragraph.']);
  assert.equal(c.dateClaims[0]?.date, '2026-10-23');
});

test('Atom with a prefix (<atom:feed>) is Atom too', () => {
  const xml = `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>Desk</atom:title><atom:entry><atom:title>T</atom:title><atom:published>2026-01-02T00:00:00Z</atom:published><atom:content>Body text here.</atom:content></atom:entry></atom:feed>`;
  const [d] = readFeed(feed(xml), source);
  assert.equal(d!.title, 'T');
  assert.equal(d!.dateClaims[0]?.date, '2026-01-02');
});

test('RSS 1.0 (RDF): items beside the channel, dc:date and dc:creator', () => {
  const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://civic.example/"><title>Civic Ledger</title><link>https://civic.example/</link></channel>
  <item rdf:about="https://civic.example/a">
    <title>Talks resume</title>
    <link>https://civic.example/a</link>
    <description>Negotiators returned to the table on Monday.</description>
    <dc:creator>Tobias Ferrant</dc:creator>
    <dc:date>2026-10-26T10:00:00+01:00</dc:date>
  </item>
</rdf:RDF>`;
  const [d, ...rest] = readFeed(feed(xml), source);
  assert.equal(rest.length, 0);
  assert.equal(d!.title, 'Talks resume');
  assert.equal(d!.source.outlet, 'Civic Ledger');
  assert.equal(d!.source.url, 'https://civic.example/a');
  assert.deepEqual(d!.byline, [{ name: 'Tobias Ferrant', affiliation: null }]);
  assert.deepEqual(d!.dateClaims[0], { date: '2026-10-26', basis: 'metadata', strength: 90, why: "the feed item's dc:date" });
  assert.deepEqual(d!.paragraphs, ['Negotiators returned to the table on Monday.']);
});

test('an XML bomb is refused in one line, without expanding anything', () => {
  const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
  const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<rss><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>`;
  const started = Date.now();
  assert.throws(
    () => readFeed(feed(bomb), source),
    (e: unknown) => e instanceof InputError && e.message === 'feed.xml: declares XML entities in its DOCTYPE; refused (entity expansion is never done)',
  );
  assert.ok(Date.now() - started < 500);
});

test('external entities (XXE) are refused and never resolved', () => {
  const xxe = `<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<rss><channel><title>t</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>`;
  assert.throws(() => readFeed(feed(xxe), source), /^InputError: feed\.xml: declares XML entities in its DOCTYPE/);
  const parameter = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM "http://attacker.example/x.dtd"> %ext;]><rss><channel><item><description>a</description></item></channel></rss>`;
  assert.throws(() => readFeed(feed(parameter), source), /declares XML entities/);
  // An entity reference with nothing declaring it stays as written: it is never looked up.
  const undeclared = `<rss><channel><title>t</title><item><title>a &xxe; b</title><description>body &xxe; text</description></item></channel></rss>`;
  const [d] = readFeed(feed(undeclared), source);
  assert.equal(d!.title, 'a &xxe; b');
  assert.ok(!d!.paragraphs.join(' ').includes('root:'));
});

test('a DOCTYPE that declares no entities (RSS 0.91) is read', () => {
  const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old Feed</title><item><title>Old</title><description>An old item.</description></item></channel></rss>`;
  const [d] = readFeed(feed(xml), source);
  assert.equal(d!.source.outlet, 'Old Feed');
});

test('malformed XML is one InputError line naming the input and where', () => {
  for (const bad of ['<rss><channel><title>x</title></channel>', '<rss><channel><item><title>a</titel></item></channel></rss>', '<rss><channel><title>a & b</title></channel></rss>']) {
    assert.throws(
      () => readFeed(feed(bad), source),
      (e: unknown) => e instanceof InputError && /^feed\.xml: not well-formed XML \(.+ at line \d+, column \d+\)$/.test(e.message) && !e.message.includes('\n'),
    );
  }
});

test('negative: not a feed, no items, items without text', () => {
  assert.throws(() => readFeed(feed('<html><body><p>x</p></body></html>'), source), { message: 'feed.xml: not an RSS or Atom feed (its root element is <html>)' });
  assert.throws(() => readFeed(feed('<rss><channel><title>Empty</title></channel></rss>'), source), { message: 'feed.xml: a feed with no items' });
  assert.throws(() => readFeed(feed('<rss><channel><item><title>Link only</title><link>https://x.example/</link></item></channel></rss>'), source), {
    message: 'feed.xml: item 1 ("Link only"): no text (neither content nor description)',
  });
  // One bad item among good ones: reported on its own, the others read.
  const mixed = '<rss><channel><item><title>Good</title><description>Body.</description></item><item><title>Bare</title></item></channel></rss>';
  const problems: InputError[] = [];
  assert.equal(readFeed(feed(mixed), source, problems).length, 1);
  assert.deepEqual(problems.map((p) => p.message), ['feed.xml: item 2 ("Bare"): no text (neither content nor description)']);
  assert.throws(() => readFeed(feed(mixed), source), /item 2/);
});

test('RFC 822 dates give the day as stated; anything else gives none', () => {
  assert.equal(rfc822Day('Mon, 12 Oct 2026 09:30:00 +0000'), '2026-10-12');
  assert.equal(rfc822Day('Tue, 13 Oct 2026 23:30:00 -0500'), '2026-10-13');
  assert.equal(rfc822Day('5 Mar 25 10:00 EST'), '2025-03-05');
  assert.equal(rfc822Day('Thursday, 05 March 2025 10:00:00 GMT'), '2025-03-05');
  assert.equal(rfc822Day('31 Feb 2026 10:00:00 GMT'), null);
  assert.equal(rfc822Day('yesterday'), null);
  assert.equal(rfc822Day('12 Okt 2026'), null);
});

test('outlet names drop a section after a separator, and keep names that have none', () => {
  assert.equal(outletName('Lakeside Tribune — World'), 'Lakeside Tribune');
  assert.equal(outletName('BBC News - World'), 'BBC News');
  assert.equal(outletName('Reuters: World News'), 'Reuters');
  assert.equal(outletName('Eastwind Daily'), 'Eastwind Daily');
  assert.equal(outletName('Jean-Luc Daily'), 'Jean-Luc Daily');
});
