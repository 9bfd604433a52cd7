// The store contract: one suite of tests every Store backend must pass (as Kysely runs every test
// on every dialect). A backend's test file calls `storeContract` with a function that opens a
// fresh, empty store. Records are made through the real reader and pipeline from small invented
// articles, so what is stored has the shape `dossier ingest` stores.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline } from '../analyze/pipeline.ts';
import { assembleDoc, emptyDraft } from '../read/draft.ts';
import { toRecord, type AnalysisRecord } from '../model/record.ts';
import { withEntities, withFigures, withQuotes, type EntitySpec } from '../link/entities/hand-records.ts';
import { HEADLINE, OTHER_REPORT, PARAGRAPHS } from '../link/duplicates/hand-articles.ts';
import {
  BadCursorError,
  readPages,
  RecordRejectedError,
  type FigureListOptions,
  type IdentityDetail,
  type IdentityLookup,
  type Page,
  type QuoteListOptions,
  type Store,
  type StoredFigure,
  type StoredQuote,
} from './store.ts';

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

/** A small article with hand-laid entities (whatever the pipeline found is replaced): spans found in its own text. */
export function makeLinkedRecord(spec: ArticleSpec, entities: readonly EntitySpec[]): AnalysisRecord {
  return withEntities(makeRecord(spec), entities);
}

const LEAVITT: EntitySpec = { name: 'Karoline Leavitt', type: 'PERSON', forms: ['Karoline Leavitt', 'Leavitt'] };

/** Two outlets' reports naming the same press secretary with different titles, months apart. */
function leavittPair(): [AnalysisRecord, AnalysisRecord] {
  const wire = makeLinkedRecord(
    {
      title: 'Envoy to meet negotiators',
      paragraphs: ['White House press secretary Karoline Leavitt said on Wednesday that talks went on.', 'Leavitt gave no details.'],
      outlet: 'Eastwind Daily',
      url: 'https://eastwind.example/envoy',
      date: '2025-03-05',
    },
    [{ ...LEAVITT, titles: ['White House press secretary'] }, { name: 'White House', type: 'ORG' }],
  );
  const agency = makeLinkedRecord(
    {
      title: 'Envoy travels to Rome',
      paragraphs: ['The White House spokesperson, Karoline Leavitt, told reporters the envoy would fly to Rome.', 'Leavitt said the envoy would meet Israeli officials; Leavitt added that Israel was consulted.'],
      outlet: 'Civic Ledger',
      date: '2025-07-23',
    },
    [
      { ...LEAVITT, titles: ['White House spokesperson', 'White House Press Secretary'] },
      { name: 'White House', type: 'ORG' },
      { name: 'Rome', type: 'GPE' },
      { name: 'Israeli', type: 'NORP' },
      { name: 'Israel', type: 'GPE' },
    ],
  );
  return [wire, agency];
}

/**
 * Leavitt's two reports, the Velmora talks and an undated briefing, with quotes laid by hand into
 * their texts. Dated by article: wire 2025-03-05, agency 2025-07-23 (one quote stated as said the
 * day before), talks 2026-10-13; the briefing has no date, and its Leavitt quote no entity.
 */
export function quotedRecords(): Record<'wire' | 'agency' | 'talks' | 'briefing', AnalysisRecord> {
  const [wire, agency] = leavittPair();
  const leavitt = (text: string) => ({ text, entity: 'Karoline Leavitt' });
  return {
    wire: withQuotes(wire, [{ content: 'talks went on', kind: 'indirect', speaker: leavitt('Karoline Leavitt'), cue: 'said', date: '2025-03-05' }]),
    agency: withQuotes(agency, [
      // Out of text order on purpose: listings give an article's quotes in text order.
      { content: 'Israel was consulted', kind: 'indirect', speaker: leavitt('Leavitt'), cue: 'added' },
      { content: 'the envoy would fly to Rome', kind: 'indirect', speaker: leavitt('Karoline Leavitt'), cue: 'told' },
      { content: 'the envoy would meet Israeli officials', kind: 'indirect', speaker: leavitt('Leavitt'), cue: 'said', date: '2025-07-22' },
    ]),
    talks: withQuotes(makeRecord(TALKS), [{ content: 'We are close,', speaker: { text: 'the envoy' }, cue: 'said' }]),
    briefing: withQuotes(
      makeLinkedRecord({ title: 'Briefing', paragraphs: ['"Nothing is agreed," a senior official said.', 'Asked again, Karoline Leavitt said: "We will see."'], date: null }, []),
      [
        { content: 'Nothing is agreed,', speaker: { text: 'a senior official' }, cue: 'said' },
        { content: 'We will see.', speaker: { text: 'Karoline Leavitt' }, cue: 'said' },
      ],
    ),
  };
}

/**
 * Four reports with figures laid by hand into their texts. Dated by article: wire 2025-03-05 (its
 * living-hostages count stated as of that day), agency 2025-07-23 (its count as of 2025-07-20, its
 * aid figure as of a month, which is not a day), talks 2026-10-13; the briefing has no date, and
 * its Karoline Leavitt no entity. Claimants: the wire's are the Israeli entity, the agency's
 * Leavitt and an unlinked ministry.
 */
export function figuredRecords(): Record<'wire' | 'agency' | 'talks' | 'briefing', AnalysisRecord> {
  const wire = makeLinkedRecord(
    {
      title: 'Hostage count rises',
      paragraphs: ['Israeli officials said on Wednesday that about 24 living hostages remain in Gaza.', 'In all, 59 hostages are still held, the officials said.'],
      outlet: 'Eastwind Daily',
      url: 'https://eastwind.example/hostages',
      date: '2025-03-05',
    },
    [{ name: 'Israeli', type: 'NORP' }],
  );
  const agency = makeLinkedRecord(
    {
      title: 'Leavitt gives a new count',
      paragraphs: ['Karoline Leavitt said at least 20 living hostages were held as of Sunday.', 'The ministry said aid worth up to 5,000,000 dollars was waiting, and 1,500 prisoners would be freed.'],
      outlet: 'Civic Ledger',
      date: '2025-07-23',
    },
    [{ ...LEAVITT, forms: ['Karoline Leavitt'] }],
  );
  const israeli = (text: string) => ({ text, entity: 'Israeli' });
  const ministry = { text: 'The ministry' };
  return {
    wire: withFigures(wire, [
      { text: 'about 24 living hostages', low: 24, high: 24, hedge: 'about', unit: 'person', counts: 'living hostages', claimant: israeli('Israeli officials'), asOf: '2025-03-05' },
      { text: '59 hostages', low: 59, high: 59, unit: 'person', counts: 'hostages', claimant: israeli('the officials') },
    ]),
    agency: withFigures(agency, [
      // Out of text order on purpose: listings give an article's figures in text order.
      { text: '1,500 prisoners', low: 1500, high: 1500, unit: 'person', counts: 'prisoners', claimant: ministry },
      { text: 'at least 20 living hostages', low: 20, high: null, hedge: 'at least', unit: 'person', counts: 'living hostages', claimant: { text: 'Karoline Leavitt', entity: 'Karoline Leavitt' }, asOf: '2025-07-20' },
      { text: 'up to 5,000,000 dollars', low: null, high: 5_000_000, hedge: 'up to', unit: 'USD', claimant: ministry, asOf: '2025-07' },
    ]),
    talks: withFigures(makeRecord({ title: 'Talks resume in Velmora', paragraphs: ['VELMORA (HW) — Some 300 delegates attended the talks, a spokesman for the Ridgeline Front said.'], outlet: 'Eastwind Daily', date: '2026-10-13' }), [
      { text: 'Some 300 delegates', low: 300, high: 300, hedge: 'about', unit: 'person', counts: 'delegates', claimant: { text: 'a spokesman for the Ridgeline Front' } },
    ]),
    briefing: withFigures(
      makeLinkedRecord({ title: 'Briefing', paragraphs: ['Nearly 24 hostages may still be alive, a senior official said.', 'Karoline Leavitt put the number of dead hostages at 35.'], date: null }, []),
      [
        { text: 'Nearly 24 hostages', low: null, high: 24, hedge: 'nearly', unit: 'person', counts: 'hostages', claimant: { text: 'a senior official' } },
        { text: '35', low: 35, high: 35, unit: 'person', counts: 'dead hostages', claimant: { text: 'Karoline Leavitt' } },
      ],
    ),
  };
}

/** Every quote `listQuotes` gives for `options`, page after page. */
async function allQuotes(store: Store, options: QuoteListOptions = {}): Promise<StoredQuote[]> {
  return (await readPages((page) => store.listQuotes({ ...options, ...page }), Infinity, options.limit)).items;
}

/** Every figure `listFigures` gives for `options`, page after page. */
async function allFigures(store: Store, options: FigureListOptions = {}): Promise<StoredFigure[]> {
  return (await readPages((page) => store.listFigures({ ...options, ...page }), Infinity, options.limit)).items;
}

/** Every item of a listing, read page by page, and the size of each page: to see that cursors neither skip nor repeat an item. */
async function pageByPage<T>(list: (cursor: string | null) => Promise<Page<T>>): Promise<{ items: T[]; sizes: number[] }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list(cursor);
    sizes.push(page.items.length);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { items, sizes };
}

/** `numbered` reports in the order day listings give them: newest day first; on one day, the article stored last first. */
function inDayOrder(reports: readonly AnalysisRecord[]): { r: AnalysisRecord; i: number }[] {
  return reports.map((r, i) => ({ r, i })).sort((a, b) => b.r.published.date!.localeCompare(a.r.published.date!) || b.i - a.i);
}

/** The identity a lookup found; fails the test otherwise. */
function found(lookup: IdentityLookup, what: string): IdentityDetail {
  assert.equal(lookup.status, 'found', `${what}: ${JSON.stringify(lookup)}`);
  return (lookup as { identity: IdentityDetail }).identity;
}

/** A record whose serialisation throws: a failure in the middle of writing a batch. */
function explosive(base: AnalysisRecord): AnalysisRecord {
  return Object.assign(structuredClone(base), {
    toJSON() {
      throw new Error('simulated crash while writing');
    },
  });
}

/**
 * The hand-written ferry story (../link/duplicates/hand-articles.ts) as stored records: the wire
 * story at its URL; a copy by another outlet (curly quotes and a furniture line: another text, the
 * same words); an update at the wire's URL with one figure changed and a paragraph added; a rewrite
 * at that URL replacing the update; a light edit by a third outlet (new headline, last paragraph
 * cut); and a different report of the same strike.
 */
export function duplicateRecords(): Record<'wire' | 'copy' | 'update' | 'rewrite' | 'edit' | 'other', AnalysisRecord> {
  const url = 'https://harbourwire.example/ferry-strike';
  const wire = { title: HEADLINE, paragraphs: [...PARAGRAPHS], url, outlet: 'Harbour Wire', date: '2026-05-12' };
  const updated = PARAGRAPHS.map((p) => p.replace('240 deck hands', '260 deck hands'));
  return {
    wire: makeRecord(wire),
    copy: makeRecord({
      ...wire,
      paragraphs: [...PARAGRAPHS.map((p) => p.replace(/"([^"]*)"/g, '“$1”')), 'Advertisement'],
      url: 'https://coastherald.example/news/ferry',
      outlet: 'Coast Herald',
    }),
    update: makeRecord({ ...wire, paragraphs: [...updated, 'Update: talks resumed on Wednesday evening, the operator said.'] }),
    rewrite: makeRecord({
      ...wire,
      title: 'Ferry strike: what commuters need to know',
      paragraphs: [
        'Crossings to Marrow Island are suspended while ferry crews strike. Here is what travellers can do.',
        'Water taxis run extra trips from the Port Alder marina; seats cost more than the ferry.',
        'The school gymnasium on the island is open for anyone stranded overnight.',
        'Talks between the union and Harbour Lines resume on Thursday.',
      ],
    }),
    edit: makeRecord({ ...wire, title: 'Marrow Island ferries halted by strike', paragraphs: PARAGRAPHS.slice(0, -1), url: 'https://islandpost.example/ferries', outlet: 'Island Post' }),
    other: makeRecord({ title: 'Marrow Island cut off as ferry crews strike', paragraphs: OTHER_REPORT.split('\n\n').slice(1), url: 'https://mainland.example/strike', outlet: 'Mainland Times', date: '2026-05-12' }),
  };
}

/** A fresh, empty store, and a way to open another connection to the same database (another process would). */
export interface TwoConnections {
  store: Store;
  connectAgain(): Promise<Store>;
}

/** What a store must do when two connections share one database; `open` gives a fresh one. */
export function connectionContract(name: string, open: () => Promise<TwoConnections>): void {
  describe(`connection contract: ${name}`, () => {
    test('changeMark moves when another connection stores something, and not while it only reads', async () => {
      const { store: reader, connectAgain } = await open();
      const writer = await connectAgain();
      try {
        const before = await reader.changeMark();
        await writer.search('harbour');
        await writer.listStories();
        assert.equal(await reader.changeMark(), before);
        await writer.putArticles([makeRecord({ title: 'Written elsewhere', paragraphs: ['Stored by another connection.'] })]);
        const after = await reader.changeMark();
        assert.notEqual(after, before);
        assert.equal(await reader.changeMark(), after);
      } finally {
        await writer.close();
        await reader.close();
      }
    });
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
      const { items, sizes } = await pageByPage((cursor) => store.listArticles({ cursor, limit: 10 }));
      assert.deepEqual(sizes, [10, 10, 5]);
      assert.deepEqual(items.map((a) => a.id), records.map((r) => r.id));
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

    withStore('a snippet marks the matched words whatever their case and diacritics, a hyphenated word as one phrase', async (store) => {
      const record = makeRecord({
        title: 'Talks in Paris',
        paragraphs: ['Envoys met on Tuesday. Later, at the Élysée, President Ahmed al-Sharaa spoke with the French minister about the border.'],
      });
      await store.putArticles([record]);
      const [hit] = (await store.search('elysee AL-SHARAA')).items;
      assert.ok(hit, 'found without its diacritics, in another case');
      const marked = hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end));
      assert.deepEqual(marked, ['Élysée', 'al-Sharaa'], JSON.stringify(hit.snippet));
      assert.ok(record.text.includes(hit.snippet.text.replace(/^…|…$/g, '')), 'the snippet is the text’s own words');
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

    withStore('entities are linked as an article is stored: one identity per person across outlets, with titles over time and mentions per article', async (store) => {
      const [wire, agency] = leavittPair();
      await store.putArticles([wire]);
      await store.putArticles([agency]);
      const people = await store.listIdentities({ type: 'PERSON' });
      assert.deepEqual(
        people.items.map((i) => [i.name, i.type, i.articles, i.mentions, i.ambiguous]),
        [['Karoline Leavitt', 'PERSON', 2, 5, false]],
      );
      assert.equal(people.nextCursor, null);
      const leavitt = found(await store.getIdentity('Karoline Leavitt'), 'by name');
      assert.equal(leavitt.id, people.items[0]!.id);
      // Case, diacritics, a leading "the", a possessive; the surname; the id: all reach it.
      for (const key of ['karoline LEAVITT', "Karoline Leavitt's", 'Karolíne Leavitt', 'Leavitt', leavitt.id]) {
        assert.equal(found(await store.getIdentity(key), key).id, leavitt.id, key);
      }
      assert.deepEqual(leavitt.aliases, ['Leavitt']);
      assert.deepEqual(leavitt.related, []);
      assert.deepEqual(leavitt.candidates, []);
      // Titles over time: the press-secretary title twice (case aside), from March to July.
      assert.deepEqual(leavitt.titles, [
        {
          title: 'White House press secretary',
          firstDate: '2025-03-05',
          lastDate: '2025-07-23',
          articles: [
            { id: wire.id, date: '2025-03-05' },
            { id: agency.id, date: '2025-07-23' },
          ],
        },
        { title: 'White House spokesperson', firstDate: '2025-07-23', lastDate: '2025-07-23', articles: [{ id: agency.id, date: '2025-07-23' }] },
      ]);
      // Mentions per article, by date, each span pointing into its record's text.
      assert.deepEqual(
        leavitt.appearances.map((a) => [a.id, a.articleId, a.title, a.outlet, a.published, a.mentions.map((m) => m.text)]),
        [
          [wire.id, wire.id, 'Envoy to meet negotiators', 'Eastwind Daily', '2025-03-05', ['Karoline Leavitt', 'Leavitt']],
          [agency.id, agency.id, 'Envoy travels to Rome', 'Civic Ledger', '2025-07-23', ['Karoline Leavitt', 'Leavitt', 'Leavitt']],
        ],
      );
      for (const [a, record] of [[leavitt.appearances[0]!, wire], [leavitt.appearances[1]!, agency]] as const) {
        for (const m of a.mentions) assert.equal(record.text.slice(m.start, m.end), m.text);
        assert.deepEqual(a.links, [{ entityId: 'e1', name: 'Karoline Leavitt', evidence: a.id === wire.id ? 'new identity' : 'exact name', note: null }]);
      }
      assert.deepEqual(
        (await store.entityLinks(agency.id)).map((l) => [l.entityId, l.identityId === leavitt.id, l.evidence]),
        [
          ['e1', true, 'exact name'],
          ['e2', false, 'exact name'],
          ['e3', false, 'new identity'],
          ['e4', false, 'new identity'],
          ['e5', false, 'new identity'],
        ],
      );
      assert.deepEqual(await store.entityLinks('0123456789abcdef'), []);
      assert.deepEqual(await store.getIdentity('Ron Dermer'), { status: 'unknown' });
      assert.deepEqual(await store.getIdentity('  '), { status: 'unknown' });
    });

    withStore('people who share a surname stay apart; a bare surname names them both or its own ambiguous identity', async (store) => {
      const joe = makeLinkedRecord({ title: 'Visit', paragraphs: ['Joe Biden visited Delaware.'], date: '2024-05-01' }, [{ name: 'Joe Biden', type: 'PERSON' }]);
      const hunter = makeLinkedRecord({ title: 'Court', paragraphs: ['Hunter Biden appeared in court.'], date: '2024-05-02' }, [{ name: 'Hunter Biden', type: 'PERSON' }]);
      await store.putArticles([joe, hunter]);
      const before = await store.getIdentity('Biden');
      assert.equal(before.status, 'ambiguous');
      assert.deepEqual(((before as { candidates: { name: string }[] }).candidates.map((c) => c.name)).sort(), ['Hunter Biden', 'Joe Biden']);

      const bare = makeLinkedRecord({ title: 'Statement', paragraphs: ['Biden declined to comment.'], date: '2024-05-03' }, [{ name: 'Biden', type: 'PERSON' }]);
      await store.putArticles([bare]);
      const [link] = await store.entityLinks(bare.id);
      assert.equal(link!.evidence, 'ambiguous surname');
      const standIn = found(await store.getIdentity('Biden'), 'bare surname');
      assert.equal(standIn.ambiguous, true);
      assert.equal(standIn.id, link!.identityId);
      assert.deepEqual(standIn.candidates.map((c) => c.name).sort(), ['Hunter Biden', 'Joe Biden']);
      assert.equal(found(await store.getIdentity('Joe Biden'), 'Joe').articles, 1);
      assert.equal(found(await store.getIdentity('Hunter Biden'), 'Hunter').articles, 1);
      assert.equal((await store.listIdentities({ type: 'PERSON' })).items.length, 3);
    });

    withStore('organisations by acronym; a nationality is related to its country, never merged with it', async (store) => {
      const court = makeLinkedRecord({ title: 'Warrants', paragraphs: ['The International Criminal Court issued warrants.'], date: '2024-11-21' }, [{ name: 'International Criminal Court', type: 'ORG' }]);
      const appeal = makeLinkedRecord({ title: 'Appeal', paragraphs: ["The ICC's judges heard the appeal; the ICC gave no date."], date: '2025-01-10' }, [{ name: 'ICC', type: 'ORG', forms: ["ICC's", 'ICC'] }]);
      await store.putArticles([court, appeal]);
      const icc = found(await store.getIdentity('the ICC'), 'acronym');
      assert.equal(icc.name, 'International Criminal Court');
      assert.equal(icc.articles, 2);
      assert.deepEqual(icc.aliases, ['ICC'], 'one alias: "ICC" and "ICC\'s" are one form');
      assert.equal((await store.entityLinks(appeal.id))[0]!.evidence, 'acronym');

      const [, agency] = leavittPair();
      await store.putArticles([agency]);
      const israeli = found(await store.getIdentity('Israeli'), 'NORP');
      const israel = found(await store.getIdentity('Israel'), 'GPE');
      assert.notEqual(israeli.id, israel.id);
      assert.deepEqual([israeli.type, israel.type], ['NORP', 'GPE']);
      assert.deepEqual(
        israeli.related.map((r) => [r.id, r.name, r.relation]),
        [[israel.id, 'Israel', 'demonym of']],
      );
      assert.deepEqual(
        israel.related.map((r) => [r.id, r.name, r.relation]),
        [[israeli.id, 'Israeli', 'has demonym']],
      );
    });

    withStore('listIdentities pages by cursor, most articles first, and filters by type', async (store) => {
      const places = ['Velmora', 'Kestria', 'Dunmere', 'Harrowgate', 'Lindqvist'];
      // Place i is named in i + 1 articles.
      const records = places.map((_, n) =>
        makeLinkedRecord(
          { title: `Roundup ${n}`, paragraphs: [`Roundup ${n}: ${places.slice(0, places.length - n).join(', ')}; the Ridgeline Front said nothing.`] },
          [...places.slice(0, places.length - n).map((name) => ({ name, type: 'GPE' as const })), { name: 'Ridgeline Front', type: 'ORG' as const }],
        ),
      );
      await store.putArticles(records);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Store['listIdentities']>> = await store.listIdentities({ type: 'GPE', cursor, limit: 2 });
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((i) => `${i.name}:${i.articles}`));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, ['Velmora:5', 'Kestria:4', 'Dunmere:3', 'Harrowgate:2', 'Lindqvist:1']);
      const all = await store.listIdentities({ limit: 100 });
      assert.equal(all.items.length, 6);
      assert.deepEqual(all.items.slice(0, 2).map((i) => i.articles), [5, 5]);
      assert.deepEqual((await store.listIdentities({ type: 'ORG' })).items.map((i) => i.name), ['Ridgeline Front']);
      assert.deepEqual((await store.listIdentities({ type: 'EVENT' })).items, []);
      await assert.rejects(store.listIdentities({ cursor: 'not-a-cursor' }), BadCursorError);
    });

    withStore('re-putting an article changes no identity; a new version replaces its article’s links and titles', async (store) => {
      const url = 'https://eastwind.example/talks';
      const v1 = makeLinkedRecord(
        { title: 'Talks', paragraphs: ['Press secretary Karoline Leavitt said Ron Dermer would attend.'], url, date: '2025-03-05' },
        [{ ...LEAVITT, forms: ['Karoline Leavitt'], titles: ['press secretary'] }, { name: 'Ron Dermer', type: 'PERSON' }],
      );
      const other = makeLinkedRecord({ title: 'Briefing', paragraphs: ['Karoline Leavitt briefed reporters.'], date: '2025-03-06' }, [LEAVITT]);
      await store.putArticles([v1, other]);
      const leavittBefore = found(await store.getIdentity('Karoline Leavitt'), 'v1');
      const listed = await store.listIdentities();
      await store.putArticles([v1, other]);
      assert.deepEqual(await store.listIdentities(), listed);
      assert.deepEqual(found(await store.getIdentity('Karoline Leavitt'), 'again'), leavittBefore);

      const v2 = makeLinkedRecord(
        { title: 'Talks', paragraphs: ['Correction: spokesperson Karoline Leavitt said nobody would attend.'], url, date: '2025-03-07' },
        [{ ...LEAVITT, forms: ['Karoline Leavitt'], titles: ['spokesperson'] }],
      );
      assert.equal((await store.putArticles([v2]))[0]!.status, 'new version');
      // The old version's links and titles are gone; an identity only it named is gone too.
      assert.deepEqual(await store.entityLinks(v1.id), []);
      assert.equal((await store.entityLinks(v2.id)).length, 1);
      assert.deepEqual(await store.getIdentity('Ron Dermer'), { status: 'unknown' });
      const leavitt = found(await store.getIdentity('Karoline Leavitt'), 'v2');
      assert.equal(leavitt.id, leavittBefore.id, 'an identity the new version still names keeps its id');
      assert.equal(leavitt.articles, 2);
      assert.deepEqual(leavitt.appearances.map((a) => [a.id, a.articleId]), [[other.id, other.id], [v2.id, v1.id]]);
      assert.deepEqual(leavitt.titles.map((t) => [t.title, t.firstDate]), [['spokesperson', '2025-03-07']]);
      // Re-putting the old version is "unchanged": it does not come back into the identities.
      assert.equal((await store.putArticles([v1]))[0]!.status, 'unchanged');
      assert.deepEqual(await store.entityLinks(v1.id), []);
    });

    withStore('a batch that fails while being written links nothing of itself', async (store) => {
      const [wire, agency] = leavittPair();
      await store.putArticles([wire]);
      const before = await store.listIdentities({ limit: 100 });
      const boom = explosive(makeRecord({ title: 'Never stored', paragraphs: ['This record fails as it is written.'] }));
      await assert.rejects(store.putArticles([agency, boom]), /simulated crash/);
      assert.deepEqual(await store.listIdentities({ limit: 100 }), before);
      assert.deepEqual(await store.entityLinks(agency.id), []);
      assert.deepEqual(await store.getIdentity('Israeli'), { status: 'unknown' });
    });

    withStore('listQuotes gives quotes by date, newest first, undated last, in text order within an article, with speaker, article and sentences', async (store) => {
      const { wire, agency, talks, briefing } = quotedRecords();
      await store.putArticles([briefing, wire, agency]);
      await store.putArticles([talks]);
      const quotes = (await store.listQuotes()).items;
      assert.deepEqual(
        quotes.map((q) => [q.content.text, q.date, q.published, q.recordId]),
        [
          ['We are close,', null, '2026-10-13', talks.id],
          // The agency's quotes: two by the article's date in text order, then one said the day before.
          ['the envoy would fly to Rome', null, '2025-07-23', agency.id],
          ['Israel was consulted', null, '2025-07-23', agency.id],
          ['the envoy would meet Israeli officials', '2025-07-22', '2025-07-23', agency.id],
          ['talks went on', '2025-03-05', '2025-03-05', wire.id],
          ['Nothing is agreed,', null, null, briefing.id],
          ['We will see.', null, null, briefing.id],
        ],
      );
      const leavitt = found(await store.getIdentity('Karoline Leavitt'), 'speaker');
      const meet = quotes[3]!;
      assert.deepEqual(meet, {
        recordId: agency.id,
        index: 2,
        articleId: agency.id,
        url: null,
        outlet: 'Civic Ledger',
        title: 'Envoy travels to Rome',
        published: '2025-07-23',
        content: { start: agency.quotes[2]!.start, end: agency.quotes[2]!.end, text: 'the envoy would meet Israeli officials' },
        kind: 'indirect',
        speaker: { ...agency.quotes[2]!.speaker!, identity: { id: leavitt.id, name: 'Karoline Leavitt' } },
        cue: agency.quotes[2]!.cue,
        date: '2025-07-22',
        sentences: meet.sentences,
      });
      assert.equal(meet.speaker!.entity, 'e1');
      assert.equal(meet.speaker!.text, 'Leavitt');
      assert.equal(agency.text.slice(meet.speaker!.end, meet.cue!.start), ' ', 'the Leavitt beside the cue');
      assert.equal(meet.sentences?.text, 'Leavitt said the envoy would meet Israeli officials; Leavitt added that Israel was consulted.');
      assert.equal(quotes[4]!.sentences?.text, 'White House press secretary Karoline Leavitt said on Wednesday that talks went on.');
      // Speakers without an identity are given as written.
      assert.deepEqual(quotes[0]!.speaker, { ...talks.quotes[0]!.speaker!, identity: null });
      assert.deepEqual(quotes[6]!.speaker?.identity, null);
      // Every span points into its record's text; the sentences are whole sentences of the record and hold content and cue.
      const records = new Map([wire, agency, talks, briefing].map((r) => [r.id, r]));
      for (const q of quotes) {
        const record = records.get(q.recordId)!;
        for (const span of [q.content, q.speaker, q.cue, q.sentences]) if (span) assert.equal(record.text.slice(span.start, span.end), span.text);
        assert.ok(q.sentences && q.sentences.start <= q.content.start && q.content.end <= q.sentences.end, q.content.text);
        assert.ok(q.cue && q.sentences.start <= q.cue.start && q.cue.end <= q.sentences.end, q.content.text);
        assert.ok(record.sentences.some((s) => s.start === q.sentences!.start));
        assert.ok(record.sentences.some((s) => s.end === q.sentences!.end));
      }
      assert.deepEqual(await store.listQuotes({ since: '2030-01-01' }), { items: [], nextCursor: null });
    });

    withStore('listQuotes filters by speaker identity, or by the text of speakers without one (case aside), and by date', async (store) => {
      const { wire, agency, talks, briefing } = quotedRecords();
      await store.putArticles([wire, agency, talks, briefing]);
      const leavitt = found(await store.getIdentity('Leavitt'), 'speaker');
      const contents = async (options: QuoteListOptions) => (await store.listQuotes(options)).items.map((q) => q.content.text);
      const byLeavitt = ['the envoy would fly to Rome', 'Israel was consulted', 'the envoy would meet Israeli officials', 'talks went on'];
      assert.deepEqual(await contents({ speaker: { identityId: leavitt.id, text: null } }), byLeavitt);
      // Her identity, and the briefing's unlinked speaker written "Karoline Leavitt".
      assert.deepEqual(await contents({ speaker: { identityId: leavitt.id, text: 'karoline LEAVITT' } }), [...byLeavitt, 'We will see.']);
      assert.deepEqual(await contents({ speaker: { identityId: null, text: ' The Envoy ' } }), ['We are close,']);
      assert.deepEqual(await contents({ speaker: { identityId: null, text: 'a senior official' } }), ['Nothing is agreed,']);
      // The text matches only speakers without an identity, and the whole of it.
      assert.deepEqual(await contents({ speaker: { identityId: null, text: 'Leavitt' } }), []);
      assert.deepEqual(await contents({ speaker: { identityId: null, text: 'official' } }), []);
      assert.deepEqual(await contents({ speaker: { identityId: '0123456789abcdef', text: null } }), []);

      // Dates: the quote's own date, else the article's; undated quotes pass no date filter.
      assert.deepEqual(await contents({ since: '2025-07-23' }), ['We are close,', 'the envoy would fly to Rome', 'Israel was consulted']);
      assert.deepEqual(await contents({ until: '2025-07-22' }), ['the envoy would meet Israeli officials', 'talks went on']);
      assert.deepEqual(await contents({ since: '2025-07-22', until: '2025-07-22' }), ['the envoy would meet Israeli officials']);
      assert.deepEqual(await contents({ since: '2025-03-01', until: '2025-07-22', speaker: { identityId: leavitt.id, text: 'Karoline Leavitt' } }), [
        'the envoy would meet Israeli officials',
        'talks went on',
      ]);
      assert.deepEqual(await contents({ since: '2025-08-01', until: '2025-07-01' }), []);
      await assert.rejects(store.listQuotes({ since: '13 October' }), RangeError);
      await assert.rejects(store.listQuotes({ until: '2025-7-1' }), RangeError);
    });

    withStore('listQuotes pages by cursor through every quote once, also across days shared by articles and into the undated', async (store) => {
      // 30 reports over 28 days, two quotes each (given in reverse text order), and the undated briefing.
      const reports = numbered(30).map((r, i) => withQuotes(r, [{ content: 'the harbour of Dunmere', kind: 'indirect' }, { content: `Report number ${i}`, kind: 'indirect' }]));
      await store.putArticles(reports.slice(0, 12));
      await store.putArticles([...reports.slice(12), quotedRecords().briefing]);
      const expected = inDayOrder(reports).flatMap(({ r, i }) => [`${r.id}:Report number ${i}`, `${r.id}:the harbour of Dunmere`]);
      expected.push(`${quotedRecords().briefing.id}:Nothing is agreed,`, `${quotedRecords().briefing.id}:We will see.`);
      const { items, sizes } = await pageByPage((cursor) => store.listQuotes({ cursor, limit: 7 }));
      assert.deepEqual(items.map((q) => `${q.recordId}:${q.content.text}`), expected);
      assert.deepEqual(sizes, [7, 7, 7, 7, 7, 7, 7, 7, 6]);
      // A page that ends inside the undated quotes goes on from there.
      const undated = await store.listQuotes({ cursor: null, limit: 61 });
      assert.equal(undated.items.at(-1)!.content.text, 'Nothing is agreed,');
      assert.deepEqual((await store.listQuotes({ cursor: undated.nextCursor, limit: 5 })).items.map((q) => q.content.text), ['We will see.']);
      // Filters page alike.
      assert.deepEqual(
        (await allQuotes(store, { since: '2026-09-27', limit: 3 })).map((q) => q.published),
        ['2026-09-28', '2026-09-28', '2026-09-27', '2026-09-27'],
      );
      assert.equal((await store.listQuotes({ limit: 5000 })).items.length, 62, 'a large limit is clamped, not refused');
      await assert.rejects(store.listQuotes({ cursor: 'not-a-cursor' }), BadCursorError);
      await assert.rejects(store.listQuotes({ cursor: 's12' }), BadCursorError);
    });

    withStore('listQuotes gives only the latest version’s quotes; a failed batch indexes none of its own', async (store) => {
      const v1 = withQuotes(makeRecord(TALKS), [{ content: 'We are close,', speaker: { text: 'the envoy' }, cue: 'said' }]);
      const v2 = withQuotes(makeRecord({ ...TALKS, paragraphs: ['VELMORA (HW) — The talks ended on Friday.', '"We are done," the envoy said.'] }), [
        { content: 'We are done,', speaker: { text: 'the envoy' }, cue: 'said' },
      ]);
      await store.putArticles([v1]);
      assert.equal((await store.putArticles([v2]))[0]!.status, 'new version');
      const latest = (await store.listQuotes()).items;
      assert.deepEqual(latest.map((q) => [q.recordId, q.articleId, q.content.text]), [[v2.id, v1.id, 'We are done,']]);
      assert.equal((await store.putArticles([v1]))[0]!.status, 'unchanged');
      assert.deepEqual((await store.listQuotes()).items, latest);
      // The old version keeps its record, quotes and all.
      assert.deepEqual((await store.getArticle(v1.id))!.record.quotes, v1.quotes);

      const { wire } = quotedRecords();
      const boom = explosive(makeRecord({ title: 'Never stored', paragraphs: ['This record fails as it is written.'] }));
      await assert.rejects(store.putArticles([wire, boom]), /simulated crash/);
      assert.deepEqual((await store.listQuotes()).items, latest);
    });

    withStore('a malformed quotes or sentences layer is refused before anything is written', async (store) => {
      const { wire } = quotedRecords();
      const quote = wire.quotes[0]!;
      const cases: [string, Partial<AnalysisRecord>][] = [
        ['quotes not an array', { quotes: null as unknown as [] }],
        ['content outside the text', { quotes: [{ ...quote, end: wire.text.length + 1 }] }],
        ['bad kind', { quotes: [{ ...quote, kind: 'hearsay' as 'direct' }] }],
        ['speaker entity not of the record', { quotes: [{ ...quote, speaker: { ...quote.speaker!, entity: 'e9' } }] }],
        ['speaker without text', { quotes: [{ ...quote, speaker: { start: 0, end: 1, entity: null } as never }] }],
        ['cue outside the text', { quotes: [{ ...quote, cue: { start: -1, end: 2, text: 'x' } }] }],
        ['date not a string', { quotes: [{ ...quote, date: 20250305 as unknown as string }] }],
        ['sentences outside the text', { sentences: [{ start: 0, end: wire.text.length + 1 }] }],
      ];
      for (const [what, change] of cases) {
        await assert.rejects(store.putArticles([{ ...wire, ...change }]), RecordRejectedError, what);
      }
      assert.equal((await store.stats()).versions, 0);
      assert.deepEqual((await store.listQuotes()).items, []);
    });

    withStore('listFigures gives figures by date, newest first, undated last, in text order within an article, with claimant, article and sentence', async (store) => {
      const { wire, agency, talks, briefing } = figuredRecords();
      await store.putArticles([briefing, wire, agency]);
      await store.putArticles([talks]);
      const figures = (await store.listFigures()).items;
      assert.deepEqual(
        figures.map((f) => [f.figure.text, f.asOf, f.published, f.recordId]),
        [
          ['Some 300 delegates', null, '2026-10-13', talks.id],
          // The agency's figures: two by the article's date (an as-of month is not a day) in text order, then one as of three days before.
          ['up to 5,000,000 dollars', '2025-07', '2025-07-23', agency.id],
          ['1,500 prisoners', null, '2025-07-23', agency.id],
          ['at least 20 living hostages', '2025-07-20', '2025-07-23', agency.id],
          ['about 24 living hostages', '2025-03-05', '2025-03-05', wire.id],
          ['59 hostages', null, '2025-03-05', wire.id],
          ['Nearly 24 hostages', null, null, briefing.id],
          ['35', null, null, briefing.id],
        ],
      );
      const leavitt = found(await store.getIdentity('Karoline Leavitt'), 'claimant');
      const held = figures[3]!;
      const laid = agency.figures[1]!;
      assert.deepEqual(held, {
        recordId: agency.id,
        index: 1,
        articleId: agency.id,
        url: null,
        outlet: 'Civic Ledger',
        title: 'Leavitt gives a new count',
        published: '2025-07-23',
        figure: { start: laid.start, end: laid.end, text: 'at least 20 living hostages' },
        low: 20,
        high: null,
        hedge: 'at least',
        unit: 'person',
        counts: 'living hostages',
        claimant: { text: 'Karoline Leavitt', entity: 'e1', identity: { id: leavitt.id, name: 'Karoline Leavitt' } },
        asOf: '2025-07-20',
        sentence: held.sentence,
      });
      assert.equal(held.sentence?.text, 'Karoline Leavitt said at least 20 living hostages were held as of Sunday.');
      assert.equal(figures[4]!.claimant?.identity?.name, 'Israeli');
      assert.equal(figures[5]!.claimant?.text, 'the officials');
      assert.equal(figures[5]!.claimant?.identity?.id, figures[4]!.claimant?.identity?.id);
      // Claimants without an identity are given as written.
      assert.deepEqual(figures[0]!.claimant, { text: 'a spokesman for the Ridgeline Front', entity: null, identity: null });
      assert.deepEqual(figures[7]!.claimant, { text: 'Karoline Leavitt', entity: null, identity: null });
      // Every span points into its record's text; the sentence is a whole sentence of the record holding the figure.
      const records = new Map([wire, agency, talks, briefing].map((r) => [r.id, r]));
      for (const f of figures) {
        const record = records.get(f.recordId)!;
        assert.deepEqual(record.figures[f.index]!.text, f.figure.text);
        for (const span of [f.figure, f.sentence]) if (span) assert.equal(record.text.slice(span.start, span.end), span.text);
        assert.ok(f.sentence && f.sentence.start <= f.figure.start && f.figure.end <= f.sentence.end, f.figure.text);
        assert.ok(record.sentences.some((s) => s.start === f.sentence!.start && s.end === f.sentence!.end), f.figure.text);
      }
      assert.deepEqual(await store.listFigures({ since: '2030-01-01' }), { items: [], nextCursor: null });
    });

    withStore('listFigures filters by what figures count: the words in a row, whole words, case and diacritics aside; nothing typed is syntax', async (store) => {
      await store.putArticles(Object.values(figuredRecords()));
      const texts = async (options: FigureListOptions) => (await store.listFigures(options)).items.map((f) => f.figure.text);
      assert.deepEqual(await texts({ counts: 'hostages' }), ['at least 20 living hostages', 'about 24 living hostages', '59 hostages', 'Nearly 24 hostages', '35']);
      assert.deepEqual(await texts({ counts: '  LIVING  Hostages ' }), ['at least 20 living hostages', 'about 24 living hostages']);
      assert.deepEqual(await texts({ counts: 'dead hostages' }), ['35']);
      assert.deepEqual(await texts({ counts: 'délégates' }), ['Some 300 delegates']);
      assert.deepEqual(await texts({ counts: '"prisoners"' }), ['1,500 prisoners']);
      // Whole words, in the order given.
      for (const counts of ['hostage', 'host', 'hostages living', 'living dead hostages']) assert.deepEqual(await texts({ counts }), [], counts);
      // No words, or words that look like FTS syntax: nothing is found, nothing errors.
      for (const counts of ['', '   ', '*', '"', 'OR', 'NEAR(', 'counts:hostages', 'hostages*']) {
        await assert.doesNotReject(store.listFigures({ counts }), counts);
      }
      assert.deepEqual(await texts({ counts: '' }), []);
      assert.deepEqual(await texts({ counts: '*' }), []);
      assert.deepEqual(await texts({ counts: 'hostages*' }), ['at least 20 living hostages', 'about 24 living hostages', '59 hostages', 'Nearly 24 hostages', '35'], 'a star is not a prefix search');
    });

    withStore('listFigures filters by claimant identity, or by the text of claimants without one (case aside), by date, and by all together', async (store) => {
      await store.putArticles(Object.values(figuredRecords()));
      const leavitt = found(await store.getIdentity('Leavitt'), 'claimant');
      const israeli = found(await store.getIdentity('Israeli'), 'claimant');
      const texts = async (options: FigureListOptions) => (await store.listFigures(options)).items.map((f) => f.figure.text);
      assert.deepEqual(await texts({ claimant: { identityId: leavitt.id, text: null } }), ['at least 20 living hostages']);
      // Her identity, and the briefing's claimant written "Karoline Leavitt" but linked to nobody.
      assert.deepEqual(await texts({ claimant: { identityId: leavitt.id, text: 'karoline LEAVITT' } }), ['at least 20 living hostages', '35']);
      // One identity under two wordings.
      assert.deepEqual(await texts({ claimant: { identityId: israeli.id, text: 'Israeli' } }), ['about 24 living hostages', '59 hostages']);
      assert.deepEqual(await texts({ claimant: { identityId: null, text: ' the MINISTRY ' } }), ['up to 5,000,000 dollars', '1,500 prisoners']);
      // The text matches only claimants without an identity, and the whole of it.
      assert.deepEqual(await texts({ claimant: { identityId: null, text: 'Israeli officials' } }), []);
      assert.deepEqual(await texts({ claimant: { identityId: null, text: 'official' } }), []);
      assert.deepEqual(await texts({ claimant: { identityId: '0123456789abcdef', text: null } }), []);

      // Dates: the figure's as-of day, else the article's; undated figures pass no date filter.
      assert.deepEqual(await texts({ since: '2025-07-21' }), ['Some 300 delegates', 'up to 5,000,000 dollars', '1,500 prisoners']);
      assert.deepEqual(await texts({ until: '2025-07-20' }), ['at least 20 living hostages', 'about 24 living hostages', '59 hostages']);
      assert.deepEqual(await texts({ since: '2025-07-20', until: '2025-07-20' }), ['at least 20 living hostages']);
      assert.deepEqual(await texts({ since: '2025-08-01', until: '2025-07-01' }), []);
      await assert.rejects(store.listFigures({ since: '13 October' }), RangeError);
      await assert.rejects(store.listFigures({ until: '2025-7-1' }), RangeError);

      // All together: a living-hostages series by Leavitt (either way written) up to July.
      assert.deepEqual(await texts({ counts: 'hostages', claimant: { identityId: leavitt.id, text: 'Karoline Leavitt' } }), ['at least 20 living hostages', '35']);
      assert.deepEqual(await texts({ counts: 'living hostages', until: '2025-07-31', claimant: { identityId: leavitt.id, text: 'Karoline Leavitt' } }), ['at least 20 living hostages']);
      assert.deepEqual(await texts({ counts: 'hostages', since: '2025-01-01', claimant: { identityId: israeli.id, text: null } }), ['about 24 living hostages', '59 hostages']);
    });

    withStore('listFigures pages by cursor through every figure once, also across days shared by articles and into the undated, filters too', async (store) => {
      // 30 reports over 28 days, two figures each (given in reverse text order: the title's comes first), and the undated briefing.
      const reports = numbered(30).map((r, i) =>
        withFigures(r, [
          { text: `number ${i}`, low: i, high: i, counts: 'harbour' },
          { text: `report ${i}`, low: i, high: i },
        ]),
      );
      const { briefing } = figuredRecords();
      await store.putArticles(reports.slice(0, 12));
      await store.putArticles([...reports.slice(12), briefing]);
      const expected = inDayOrder(reports).flatMap(({ r, i }) => [`${r.id}:report ${i}`, `${r.id}:number ${i}`]);
      expected.push(`${briefing.id}:Nearly 24 hostages`, `${briefing.id}:35`);
      const { items, sizes } = await pageByPage((cursor) => store.listFigures({ cursor, limit: 7 }));
      assert.deepEqual(items.map((f) => `${f.recordId}:${f.figure.text}`), expected);
      assert.deepEqual(sizes, [7, 7, 7, 7, 7, 7, 7, 7, 6]);
      // A page that ends inside the undated figures goes on from there.
      const undated = await store.listFigures({ limit: 61 });
      assert.equal(undated.items.at(-1)!.figure.text, 'Nearly 24 hostages');
      assert.deepEqual((await store.listFigures({ cursor: undated.nextCursor, limit: 5 })).items.map((f) => f.figure.text), ['35']);
      // Filters page alike.
      const harbour = await allFigures(store, { counts: 'Harbour', limit: 4 });
      assert.deepEqual(harbour.map((f) => f.figure.text), expected.filter((e) => e.includes(':number ')).map((e) => e.split(':')[1]));
      assert.deepEqual(
        (await allFigures(store, { since: '2026-09-27', limit: 3 })).map((f) => f.published),
        ['2026-09-28', '2026-09-28', '2026-09-27', '2026-09-27'],
      );
      assert.equal((await store.listFigures({ limit: 5000 })).items.length, 62, 'a large limit is clamped, not refused');
      await assert.rejects(store.listFigures({ cursor: 'not-a-cursor' }), BadCursorError);
      // A cursor of the quotes listing is not one of this listing.
      await assert.rejects(store.listFigures({ cursor: 'q2026-09-28.3.0' }), BadCursorError);
    });

    withStore('listFigures gives only the latest version’s figures; a failed batch indexes none of its own', async (store) => {
      const v1 = withFigures(makeRecord({ ...TALKS, paragraphs: ['VELMORA (HW) — Some 300 delegates attended the talks.'] }), [
        { text: 'Some 300 delegates', low: 300, high: 300, hedge: 'about', unit: 'person', counts: 'delegates' },
      ]);
      const v2 = withFigures(makeRecord({ ...TALKS, paragraphs: ['VELMORA (HW) — Only 120 delegates stayed for the second day.'], date: '2026-10-14' }), [
        { text: '120 delegates', low: 120, high: 120, unit: 'person', counts: 'delegates' },
      ]);
      await store.putArticles([v1]);
      assert.deepEqual((await store.listFigures({ counts: 'delegates' })).items.map((f) => f.figure.text), ['Some 300 delegates']);
      assert.equal((await store.putArticles([v2]))[0]!.status, 'new version');
      const latest = (await store.listFigures()).items;
      assert.deepEqual(latest.map((f) => [f.recordId, f.articleId, f.figure.text]), [[v2.id, v1.id, '120 delegates']]);
      // The old version's counts are gone from the counts filter too.
      assert.deepEqual((await store.listFigures({ counts: 'delegates' })).items, latest);
      assert.equal((await store.putArticles([v1]))[0]!.status, 'unchanged');
      assert.deepEqual((await store.listFigures()).items, latest);
      // The old version keeps its record, figures and all.
      assert.deepEqual((await store.getArticle(v1.id))!.record.figures, v1.figures);

      const { wire } = figuredRecords();
      const boom = explosive(makeRecord({ title: 'Never stored', paragraphs: ['This record fails as it is written.'] }));
      await assert.rejects(store.putArticles([wire, boom]), /simulated crash/);
      assert.deepEqual((await store.listFigures()).items, latest);
      assert.deepEqual((await store.listFigures({ counts: 'hostages' })).items, []);
    });

    withStore('a malformed figures layer is refused before anything is written', async (store) => {
      const { wire } = figuredRecords();
      const figure = wire.figures[0]!;
      const cases: [string, unknown][] = [
        ['not an array', null],
        ['not an object', ['24']],
        ['span outside the text', [{ ...figure, end: wire.text.length + 1 }]],
        ['span without text', [{ ...figure, text: undefined }]],
        ['low above high', [{ ...figure, low: 30, high: 24 }]],
        ['low not a number', [{ ...figure, low: '24' }]],
        ['high not finite', [{ ...figure, high: Number.POSITIVE_INFINITY }]],
        ['claimant entity not of the record', [{ ...figure, claimant: { ...figure.claimant!, entity: 'e9' } }]],
        ['claimant without text', [{ ...figure, claimant: { entity: 'e1' } }]],
        ['counts not a string', [{ ...figure, counts: 24 }]],
        ['asOf not a string', [{ ...figure, asOf: 20250305 }]],
      ];
      for (const [what, figures] of cases) {
        await assert.rejects(store.putArticles([{ ...wire, figures } as unknown as AnalysisRecord]), RecordRejectedError, what);
      }
      // Open intervals and equal bounds are fine.
      await store.putArticles([{ ...wire, figures: [{ ...figure, low: 24, high: null }, { ...figure, low: null, high: null }] }]);
      assert.equal((await store.listFigures()).items.length, 2);
      assert.equal((await store.stats()).versions, 1);
    });

    withStore('a malformed entities layer is refused before anything is written', async (store) => {
      const [wire] = leavittPair();
      const cases: [string, unknown][] = [
        ['not an array', null],
        ['bad type', [{ ...wire.entities[0]!, type: 'PERSONA' }]],
        ['span outside the text', [{ ...wire.entities[0]!, mentions: [{ start: 0, end: wire.text.length + 1, text: 'x' }] }]],
        ['duplicate ids', [wire.entities[0]!, wire.entities[0]!]],
      ];
      for (const [what, entities] of cases) {
        await assert.rejects(store.putArticles([{ ...wire, entities } as unknown as AnalysisRecord]), RecordRejectedError, what);
      }
      assert.equal((await store.stats()).versions, 0);
      assert.deepEqual((await store.listIdentities()).items, []);
    });

    withStore('a malformed record is refused before anything is written, naming its place in the batch', async (store) => {
      const [a, b] = numbered(2);
      const bad = { ...structuredClone(b!), published: { date: '13 October', basis: 'metadata', conflicts: [] } } as unknown as AnalysisRecord;
      await assert.rejects(store.putArticles([a!, bad]), (error: unknown) => error instanceof RecordRejectedError && error.index === 1 && error.recordId === b!.id);
      await assert.rejects(store.putArticles([{ ...a!, id: '' }]), RecordRejectedError);
      assert.equal(await store.getArticle(a!.id), null);
      assert.equal((await store.stats()).versions, 0);
    });

    withStore('copies and versions are linked as they are stored, in either direction; a different report of the event is not', async (store) => {
      const { wire, copy, update, rewrite, edit, other } = duplicateRecords();
      // The wire story and its copy in one batch: a batch's later records are judged against its earlier ones.
      await store.putArticles([wire, copy]);
      await store.putArticles([update, other, edit]);
      await store.putArticles([rewrite]);
      const links = async (id: string) => (await store.duplicatesOf(id)).map((d) => [d.id, d.kind, d.evidence]);
      // The copy is the same text as the wire story; the update and the edit, stored after it, are light edits of it too.
      const ofCopyLinks = await links(copy.id);
      assert.deepEqual(ofCopyLinks[0], [wire.id, 'copy', 'same text']);
      assert.deepEqual(
        ofCopyLinks.slice(1).sort(),
        [
          [update.id, 'version', 'light edit'],
          [edit.id, 'version', 'light edit'],
        ].sort(),
      );
      const ofCopy = (await store.duplicatesOf(copy.id))[0]!;
      assert.equal(ofCopy.similarity, 1);
      assert.equal(ofCopy.outlet, 'Harbour Wire');
      assert.equal(ofCopy.version, 1);
      assert.equal(ofCopy.latest, false);
      // The update and the rewrite are versions of the wire's URL; the edit is the same story lightly edited by another outlet.
      const ofWire = await store.duplicatesOf(wire.id);
      assert.deepEqual(
        ofWire.map((d) => [d.id, d.kind, d.evidence]).sort(),
        [
          [copy.id, 'copy', 'same text'],
          [update.id, 'version', 'same url'],
          [rewrite.id, 'version', 'same url'],
          [edit.id, 'version', 'light edit'],
        ].sort(),
      );
      // Most similar first: the copy (1), the light edits, the rewrite (which shares little of the wire's wording) last.
      assert.equal(ofWire[0]!.id, copy.id);
      assert.equal(ofWire.at(-1)!.id, rewrite.id);
      assert.ok(ofWire.every((d, i) => i === 0 || d.similarity <= ofWire[i - 1]!.similarity));
      assert.ok(ofWire.find((d) => d.id === rewrite.id)!.similarity < 0.5);
      // The rewrite replaced the update: linked to it as its version whatever the words.
      assert.ok((await links(rewrite.id)).some(([id, kind]) => id === update.id && kind === 'version'));
      assert.deepEqual(await links(other.id), []);
      assert.deepEqual(await store.duplicatesOf('0123456789abcdef'), []);
    });

    withStore('independentSources counts copies and versions once, also when linked only through a record outside the list', async (store) => {
      const { wire, copy, update, rewrite, edit, other } = duplicateRecords();
      await store.putArticles([wire, copy, update, other, edit, rewrite]);
      const all = await store.independentSources([copy.id, edit.id, other.id, update.id, wire.id, rewrite.id]);
      assert.equal(all.count, 2);
      assert.deepEqual(all.groups, [[copy.id, edit.id, update.id, wire.id, rewrite.id], [other.id]]);
      // The copy and the rewrite share few words; each is linked to the wire story, which is not in the list.
      assert.ok(!(await store.duplicatesOf(copy.id)).some((d) => d.id === rewrite.id));
      assert.deepEqual(await store.independentSources([rewrite.id, copy.id]), { count: 1, groups: [[rewrite.id, copy.id]] });
      // An unknown id is a source of its own; ids given twice count once.
      assert.deepEqual(await store.independentSources([other.id, 'ffffffffffffffff', other.id]), { count: 2, groups: [[other.id], ['ffffffffffffffff']] });
      assert.deepEqual(await store.independentSources([]), { count: 0, groups: [] });
    });

    withStore('changeMark stays the same while the store is only read, and moves with every batch that stores something', async (store) => {
      const empty = await store.changeMark();
      assert.equal(typeof empty, 'string');
      assert.equal(await store.changeMark(), empty);
      const talks = makeRecord(TALKS);
      await store.putArticles([talks]);
      const stored = await store.changeMark();
      assert.notEqual(stored, empty);
      // Every read the faces make writes nothing.
      await store.getArticle(talks.id);
      await store.getByUrl(TALKS.url);
      await store.findIds(talks.id.slice(0, 4), 3);
      await store.listArticles();
      await store.search('Velmora talks');
      await store.versionsOf(talks.id);
      await store.stats();
      await store.listIdentities();
      await store.getIdentity('Kestria');
      await store.entityLinks(talks.id);
      await store.listQuotes();
      await store.listFigures();
      await store.duplicatesOf(talks.id);
      await store.independentSources([talks.id]);
      await store.listStories();
      await store.getStory(talks.id);
      assert.equal(await store.changeMark(), stored);
      await store.putArticles([makeRecord({ ...TALKS, paragraphs: [...TALKS.paragraphs, 'Update: the talks ended without a deal.'] })]);
      const versioned = await store.changeMark();
      assert.ok(versioned !== stored && versioned !== empty, `${empty} ${stored} ${versioned}`);
      await store.putArticles(numbered(2));
      assert.notEqual(await store.changeMark(), versioned);
    });

    withStore('versionDiff gives the changed paragraphs and the figures whose value changed; a failed batch links nothing', async (store) => {
      const { wire, copy, update, other } = duplicateRecords();
      await store.putArticles([wire, update]);
      const diff = await store.versionDiff(wire.id, update.id);
      assert.ok(diff);
      assert.deepEqual(
        diff.figures.map((f) => [f.before.text, f.after.text]),
        [['240 deck hands', '260 deck hands']],
      );
      assert.deepEqual(
        diff.paragraphs.map((p) => [p.kind, p.after?.text.slice(0, 30) ?? null]),
        [
          ['changed', 'The Coastal Ferry Union said 2'],
          ['added', 'Update: talks resumed on Wedne'],
        ],
      );
      assert.equal(update.text.slice(diff.paragraphs[0]!.after!.start, diff.paragraphs[0]!.after!.end), diff.paragraphs[0]!.after!.text);
      assert.deepEqual(await store.versionDiff(update.id, update.id), { paragraphs: [], figures: [] });
      assert.equal(await store.versionDiff(wire.id, 'ffffffffffffffff'), null);
      await assert.rejects(store.putArticles([copy, explosive(other)]), /simulated crash/);
      assert.deepEqual((await store.duplicatesOf(wire.id)).map((d) => d.id), [update.id]);
      assert.deepEqual(await store.putArticles([copy]), [{ id: copy.id, status: 'new', articleId: copy.id, version: 1 }]);
      assert.deepEqual((await store.duplicatesOf(copy.id)).map((d) => [d.id, d.kind, d.evidence]), [
        [wire.id, 'copy', 'same text'],
        [update.id, 'version', 'light edit'],
      ]);
    });
  });
}
