// The store contract: one suite of tests every Store backend must pass (as Kysely runs every test
// on every dialect). A backend's test file calls `storeContract` with a function that opens a
// fresh, empty store. Records are made through the real reader and pipeline from small invented
// articles, so what is stored has the shape `dossier ingest` stores.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline } from '../analyze/pipeline.ts';
import { assembleDoc, emptyDraft } from '../read/draft.ts';
import { toRecord, type AnalysisRecord } from '../model/record.ts';
import { BadCursorError, RecordRejectedError, type Store } from './store.ts';

const pipeline = buildPipeline();

/** What a test article says about itself. */
interface ArticleSpec {
  title?: string | null;
  paragraphs: string[];
  url?: string | null;
  outlet?: string | null;
  date?: string | null;
}

/** An analysis record of a small article, made the way ingest makes one. */
export function makeRecord(spec: ArticleSpec): AnalysisRecord {
  const draft = emptyDraft({ path: null, url: spec.url ?? null, outlet: spec.outlet ?? null });
  draft.title = spec.title === undefined ? 'Untitled report' : spec.title;
  draft.paragraphs = spec.paragraphs;
  return toRecord(pipeline.run(assembleDoc(draft, { date: spec.date ?? null })));
}

const TALKS = {
  title: 'Talks resume in Velmora',
  paragraphs: ['VELMORA (HW) — Negotiators for Kestria and the Ridgeline Front met again on Tuesday.', '"We are close," the envoy said.'],
  url: 'https://eastwind.example/talks',
  outlet: 'Eastwind Daily',
  date: '2026-10-13',
};

/** `n` distinct articles without URLs, numbered so their storage order is known. */
function numbered(n: number, outlet = 'Civic Ledger'): AnalysisRecord[] {
  return Array.from({ length: n }, (_, i) =>
    makeRecord({ title: `Harbour report ${i}`, paragraphs: [`Report number ${i} on the harbour of Dunmere.`], outlet, date: `2026-09-${String(1 + (i % 28)).padStart(2, '0')}` }),
  );
}

/** `n` distinct articles of some length (40 paragraphs), for bulk and crash tests; the same `n` always gives the same records. */
export function bulkRecords(n: number): AnalysisRecord[] {
  return Array.from({ length: n }, (_, i) =>
    makeRecord({
      title: `Bulk report ${i}`,
      outlet: `Outlet ${i % 7}`,
      paragraphs: Array.from({ length: 40 }, (_, j) => `Paragraph ${j} of report ${i} about the harbour, the ferry and the strike.`),
    }),
  );
}

/** A record whose serialisation throws: a failure in the middle of writing a batch. */
function explosive(base: AnalysisRecord): AnalysisRecord {
  return Object.assign(structuredClone(base), {
    toJSON() {
      throw new Error('simulated crash while writing');
    },
  });
}

/** Registers the contract's tests for one backend; `open` gives a fresh, empty store each call. */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    const withStore = (title: string, body: (store: Store) => Promise<void>) =>
      test(title, async () => {
        const store = await open();
        try {
          await body(store);
        } finally {
          await store.close();
        }
      });

    withStore('put stores a new article; get returns the record as given, with its indexed facts', async (store) => {
      const record = makeRecord(TALKS);
      assert.deepEqual(await store.putArticles([record]), [{ id: record.id, status: 'new', articleId: record.id, version: 1 }]);
      const got = await store.getArticle(record.id);
      assert.ok(got);
      assert.deepEqual(got.record, record);
      assert.equal(got.id, record.id);
      assert.equal(got.articleId, record.id);
      assert.equal(got.version, 1);
      assert.equal(got.latest, true);
      assert.equal(got.url, TALKS.url);
      assert.equal(got.outlet, 'Eastwind Daily');
      assert.equal(got.published, '2026-10-13');
      assert.equal(got.title, 'Talks resume in Velmora');
      assert.ok(!Number.isNaN(Date.parse(got.ingestedAt)));
      assert.deepEqual((await store.getByUrl(TALKS.url))?.record, record);
    });

    withStore('unknown ids and URLs give null and no versions; an empty batch does nothing', async (store) => {
      assert.equal(await store.getArticle('0123456789abcdef'), null);
      assert.equal(await store.getByUrl('https://nowhere.example/'), null);
      assert.deepEqual(await store.versionsOf('0123456789abcdef'), []);
      assert.deepEqual(await store.putArticles([]), []);
      assert.equal((await store.stats()).articles, 0);
    });

    withStore('re-putting the same records changes nothing and says "unchanged"', async (store) => {
      const records = [makeRecord(TALKS), ...numbered(3)];
      await store.putArticles(records);
      const before = await store.stats();
      const again = await store.putArticles(records);
      assert.deepEqual(
        again.map((r) => [r.status, r.version]),
        records.map(() => ['unchanged', 1]),
      );
      assert.deepEqual(await store.stats(), before);
      // Same text from another path or URL is still the same stored text.
      const moved = structuredClone(records[1]!);
      moved.source = { ...moved.source, path: 'elsewhere.txt', url: 'https://mirror.example/x' };
      assert.equal((await store.putArticles([moved]))[0]!.status, 'unchanged');
      assert.equal((await store.getArticle(moved.id))!.url, null);
    });

    withStore('a different text at a stored URL is a new version; older versions stay retrievable', async (store) => {
      const v1 = makeRecord(TALKS);
      const v2 = makeRecord({ ...TALKS, paragraphs: [...TALKS.paragraphs, 'Update: the talks ended without a deal.'] });
      const v3 = makeRecord({ ...TALKS, title: 'Talks in Velmora end without a deal' });
      assert.equal((await store.putArticles([v1]))[0]!.status, 'new');
      assert.deepEqual(await store.putArticles([v2]), [{ id: v2.id, status: 'new version', articleId: v1.id, version: 2 }]);
      assert.equal((await store.getByUrl(TALKS.url))!.id, v2.id);
      const old = await store.getArticle(v1.id);
      assert.equal(old!.latest, false);
      assert.deepEqual(old!.record, v1);
      assert.deepEqual(await store.putArticles([v3, v1]), [
        { id: v3.id, status: 'new version', articleId: v1.id, version: 3 },
        { id: v1.id, status: 'unchanged', articleId: v1.id, version: 1 },
      ]);
      const latest = await store.getByUrl(TALKS.url);
      assert.equal(latest!.id, v3.id);
      assert.equal(latest!.version, 3);
      assert.equal(latest!.articleId, v1.id);
      for (const key of [TALKS.url, v1.id, v2.id, v3.id]) {
        assert.deepEqual(
          (await store.versionsOf(key)).map((v) => [v.id, v.version, v.latest]),
          [
            [v1.id, 1, false],
            [v2.id, 2, false],
            [v3.id, 3, true],
          ],
          key,
        );
      }
      const stats = await store.stats();
      assert.equal(stats.articles, 1);
      assert.equal(stats.versions, 3);
      assert.deepEqual(
        (await store.listArticles()).items.map((a) => a.id),
        [v3.id],
      );
    });

    withStore('one batch may hold several versions of a URL and repeats of a record, handled in order', async (store) => {
      const v1 = makeRecord(TALKS);
      const v2 = makeRecord({ ...TALKS, paragraphs: ['A wholly rewritten report.'] });
      const results = await store.putArticles([v1, v2, v1, v2]);
      assert.deepEqual(
        results.map((r) => [r.status, r.version]),
        [
          ['new', 1],
          ['new version', 2],
          ['unchanged', 1],
          ['unchanged', 2],
        ],
      );
    });

    withStore('without a URL, a different text is a different article', async (store) => {
      const a = makeRecord({ ...TALKS, url: null });
      const b = makeRecord({ ...TALKS, url: null, paragraphs: ['Something else entirely.'] });
      const results = await store.putArticles([a, b]);
      assert.deepEqual(
        results.map((r) => [r.status, r.articleId, r.version]),
        [
          ['new', a.id, 1],
          ['new', b.id, 1],
        ],
      );
      assert.equal((await store.stats()).articles, 2);
    });

    withStore('findIds gives the ids starting with a prefix', async (store) => {
      const records = numbered(12);
      await store.putArticles(records);
      const target = records[5]!.id;
      assert.deepEqual(await store.findIds(target, 5), [target]);
      const short = await store.findIds(target.slice(0, 1), 100);
      assert.ok(short.includes(target));
      assert.ok(short.every((id) => id.startsWith(target.slice(0, 1))));
      assert.deepEqual(short, [...short].sort());
      assert.deepEqual(await store.findIds('zz', 5), []);
    });

    withStore('listArticles pages through every article once, in storage order, by cursor', async (store) => {
      const records = numbered(25);
      await store.putArticles(records.slice(0, 10));
      await store.putArticles(records.slice(10));
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Store['listArticles']>> = await store.listArticles({ cursor, limit: 10 });
        sizes.push(page.items.length);
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(sizes, [10, 10, 5]);
      assert.deepEqual(seen, records.map((r) => r.id));
      const all = await store.listArticles({ limit: 100 });
      assert.equal(all.items.length, 25);
      assert.equal(all.nextCursor, null);
      await assert.rejects(store.listArticles({ cursor: 'not-a-cursor' }), BadCursorError);
    });

    withStore('search ranks title matches first, marks the match in the snippet, and pages by cursor', async (store) => {
      const inTitle = makeRecord({ title: 'Dunmere ferry strike ends', paragraphs: ['Crews went back to work on Monday.'], outlet: 'Civic Ledger' });
      const inText = makeRecord({ title: 'Port news in brief', paragraphs: ['Elsewhere, shipping was calm. A ferry strike in Dunmere was mentioned in passing by the harbour master.'] });
      const unrelated = makeRecord({ title: 'Weather', paragraphs: ['Rain is expected over the weekend.'] });
      await store.putArticles([inText, unrelated, inTitle]);
      const page = await store.search('ferry strike');
      assert.deepEqual(
        page.items.map((h) => h.id),
        [inTitle.id, inText.id],
      );
      assert.ok(page.items[0]!.score > page.items[1]!.score);
      const hit = page.items[1]!;
      assert.equal(hit.title, 'Port news in brief');
      assert.ok(hit.snippet.marks.length >= 2, JSON.stringify(hit.snippet));
      for (const mark of hit.snippet.marks) {
        assert.match(hit.snippet.text.slice(mark.start, mark.end).toLowerCase(), /^(ferry|strike)$/);
      }
      assert.ok(!/\s\s|\n/.test(hit.snippet.text), 'the snippet is one line');
      // Case and diacritics do not matter; every word must match.
      assert.equal((await store.search('FERRY')).items.length, 2);
      assert.equal((await store.search('ferry weekend')).items.length, 0);
      // Paging.
      const first = await store.search('ferry', { limit: 1 });
      assert.equal(first.items.length, 1);
      assert.ok(first.nextCursor);
      const second = await store.search('ferry', { limit: 1, cursor: first.nextCursor });
      assert.deepEqual(
        [...first.items, ...second.items].map((h) => h.id),
        [inTitle.id, inText.id],
      );
      assert.equal(second.nextCursor, null);
    });

    withStore('search finds only the latest version of an article', async (store) => {
      const v1 = makeRecord({ ...TALKS, paragraphs: ['The first draft mentioned a zeppelin.'] });
      const v2 = makeRecord({ ...TALKS, paragraphs: ['The corrected story mentions no airship.'] });
      await store.putArticles([v1, v2]);
      assert.deepEqual(await store.search('zeppelin'), { items: [], nextCursor: null });
      assert.deepEqual(
        (await store.search('airship')).items.map((h) => [h.id, h.version]),
        [[v2.id, 2]],
      );
    });

    withStore('search takes any string a person types: no character is syntax, nothing errors', async (store) => {
      const record = makeRecord(TALKS);
      await store.putArticles([record]);
      const hostile = ['"', '""', '*', '-', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(', 'AND OR NOT', '(', ')', 'title:', 'title:Velmora', '^Velmora', 'Velm*', '{title}: x', "'", '\\', ';', 'a"b', '', '   ', '\u0000', '%_', 'Velmora AND', '+-*/', 'né', '🙂'];
      for (const query of hostile) {
        await assert.doesNotReject(store.search(query), `query ${JSON.stringify(query)}`);
      }
      // Typed operators are words: quoted, starred, minus or column-prefixed words still find the article.
      for (const query of ['"Velmora"', '-Velmora', 'Velmora*', '"Ridgeline Front"', 'velmora;']) {
        assert.deepEqual(
          (await store.search(query)).items.map((h) => h.id),
          [record.id],
          `query ${JSON.stringify(query)}`,
        );
      }
      assert.deepEqual((await store.search('')).items, []);
      assert.deepEqual((await store.search('* - "')).items, []);
    });

    withStore('stats counts articles, versions, outlets and the date range', async (store) => {
      await store.putArticles([...numbered(3, 'Civic Ledger'), makeRecord(TALKS), makeRecord({ title: 'Undated', paragraphs: ['No date here.'], outlet: 'Eastwind Daily' })]);
      await store.putArticles([makeRecord({ ...TALKS, date: '2026-11-02', paragraphs: ['Later text.'] })]);
      assert.deepEqual(await store.stats(), {
        articles: 5,
        versions: 6,
        outlets: [
          { name: 'Civic Ledger', articles: 3 },
          { name: 'Eastwind Daily', articles: 2 },
        ],
        undated: 1,
        firstPublished: '2026-09-01',
        lastPublished: '2026-11-02',
      });
    });

    withStore('a batch that fails while being written leaves nothing of itself; the store is usable after', async (store) => {
      const [kept, ...batch] = numbered(4);
      await store.putArticles([kept!, makeRecord(TALKS)]);
      const before = await store.stats();
      const version = makeRecord({ ...TALKS, paragraphs: ['Second text.'] });
      const boom = explosive(makeRecord({ title: 'Never stored', paragraphs: ['This record fails as it is written.'] }));
      await assert.rejects(store.putArticles([...batch, version, boom]), /simulated crash/);
      // Neither the articles nor the version nor the search index kept anything of the batch.
      assert.deepEqual(await store.stats(), before);
      for (const r of batch) assert.equal(await store.getArticle(r.id), null);
      assert.equal(await store.getArticle(version.id), null);
      assert.equal((await store.getByUrl(TALKS.url))!.version, 1);
      assert.deepEqual(
        (await store.search('harbour Dunmere')).items.map((h) => h.id),
        [kept!.id],
      );
      // Re-running the batch completes it.
      const results = await store.putArticles([...batch, version]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['new', 'new', 'new', 'new version'],
      );
      assert.equal((await store.search('harbour Dunmere')).items.length, 4);
    });

    withStore('a malformed record is refused before anything is written, naming its place in the batch', async (store) => {
      const [a, b] = numbered(2);
      const bad = { ...structuredClone(b!), published: { date: '13 October', basis: 'metadata', conflicts: [] } } as unknown as AnalysisRecord;
      await assert.rejects(store.putArticles([a!, bad]), (error: unknown) => error instanceof RecordRejectedError && error.index === 1 && error.recordId === b!.id);
      await assert.rejects(store.putArticles([{ ...a!, id: '' }]), RecordRejectedError);
      assert.equal(await store.getArticle(a!.id), null);
      assert.equal((await store.stats()).versions, 0);
    });
  });
}
