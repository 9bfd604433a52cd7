// The story linker on small hand-written articles, each run through the real pipeline and linked
// one after another into the in-memory store.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, STAGES } from '../../analyze/pipeline.ts';
import { assembleDoc } from '../../read/draft.ts';
import { readPlainText } from '../../read/text/text-reader.ts';
import { toRecord } from '../../model/record.ts';
import { profileArticle, stemWord, timeKeys, type ArticleProfile } from './article-profile.ts';
import { MemoryStoryStore } from './memory-story-store.ts';
import { linkArticle, storyIdFor, type StoryHit, type StoryLookups } from './story-linker.ts';
import { MAX_CANDIDATES, STORIES_PER_KEY, STORY_CENTROID_SIZE } from './story-settings.ts';
import { similarity, type Vector } from './story-vectors.ts';

const pipeline = buildPipeline(STAGES);

function profile(id: string, text: string): ArticleProfile {
  const doc = assembleDoc(readPlainText(text, { path: null, url: null, outlet: null }, { plain: true }));
  return profileArticle({ ...toRecord(pipeline.run(doc)), id });
}

// Two reports of one earthquake, a similar earthquake elsewhere, and unrelated news that gives the
// document counts something to count against.
const QUAKE_A1 = profile(
  'quake-a1',
  'Strong earthquake kills 9 in Taiwan city of Hualien\n' +
    'A magnitude 6.4 earthquake struck Hualien on Tuesday, February 6, 2018, toppling a hotel and trapping residents in a tilted apartment block.\n' +
    'Rescuers from Taipei searched the Marshal Hotel through the night, said Hualien mayor Fu Kun-chi.\n' +
    'Premier William Lai visited the collapsed Yun Men Tsui Ti building on Wednesday.',
);
const QUAKE_A2 = profile(
  'quake-a2',
  'Rescuers search tilted Hualien building after Taiwan quake\n' +
    'Rescue teams in Hualien worked on Wednesday to reach people trapped in the Yun Men Tsui Ti building after a magnitude 6.4 earthquake on February 6, 2018.\n' +
    'Premier William Lai said the Marshal Hotel was evacuated and Fu Kun-chi asked residents to stay calm.\n' +
    'Taiwan counted 9 dead and more than 200 injured in Hualien.',
);
const QUAKE_B = profile(
  'quake-b',
  'Strong earthquake shakes southern Peru, killing two in Arequipa\n' +
    'A magnitude 7.1 earthquake struck off the coast of Arequipa on Sunday, January 14, 2018, collapsing adobe houses in Acari and Yauca.\n' +
    'President Pedro Pablo Kuczynski flew to Lima to meet emergency officials, said minister Jorge Nieto.\n' +
    'The Peruvian geophysics institute recorded dozens of aftershocks near Arequipa.',
);
const OTHERS = [
  profile('match', 'Arsenal beat Chelsea 2-0 at the Emirates Stadium\nMesut Ozil scored twice as Arsenal won the London derby on Saturday, January 20, 2018.\nChelsea manager Antonio Conte said his team lacked energy.'),
  profile('results', 'Siemens raises its profit forecast after strong orders\nSiemens said on Thursday, February 1, 2018, that orders for gas turbines and trains rose in Munich and Berlin.\nChief executive Joe Kaeser expects higher sales this year.'),
  profile('election', 'Voters in Costa Rica head to a runoff in April\nFabricio Alvarado and Carlos Alvarado will meet in a second round after the vote on Sunday, February 4, 2018, in San Jose.\nTurnout was about 66 percent.'),
];

/** Links the profiles in order into a fresh store; each article's story id. */
function linkAll(profiles: readonly ArticleProfile[]): { store: MemoryStoryStore; storyOf: Map<string, string> } {
  const store = new MemoryStoryStore();
  const storyOf = new Map<string, string>();
  for (const p of profiles) storyOf.set(p.articleId, store.link(p).storyId);
  return { store, storyOf };
}

/** The partition as sorted lists of article ids, independent of story ids. */
function partition(storyOf: Map<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [article, story] of storyOf) groups.set(story, [...(groups.get(story) ?? []), article]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('story linker', () => {
  test('two reports of one earthquake join one story', () => {
    const { storyOf, store } = linkAll([...OTHERS, QUAKE_A1, QUAKE_A2]);
    assert.equal(storyOf.get('quake-a2'), storyOf.get('quake-a1'));
    assert.equal(storyOf.get('quake-a1'), storyIdFor('quake-a1'));
    assert.equal(store.story(storyOf.get('quake-a1')!)!.size, 2);
    for (const other of OTHERS) assert.notEqual(storyOf.get(other.articleId), storyOf.get('quake-a1'));
  });

  test('a similar earthquake in another place, with other people and another date, starts another story', () => {
    const { storyOf, store } = linkAll([...OTHERS, QUAKE_A1, QUAKE_A2, QUAKE_B]);
    assert.notEqual(storyOf.get('quake-b'), storyOf.get('quake-a1'));
    assert.equal(storyOf.get('quake-b'), storyIdFor('quake-b'));
    assert.equal(store.size().stories, OTHERS.length + 2);
  });

  test('the partition of a tiny case does not depend on the order', () => {
    const items = [QUAKE_A1, QUAKE_A2, QUAKE_B, OTHERS[0]!];
    const orders = [
      [0, 1, 2, 3],
      [2, 1, 0, 3],
      [1, 2, 3, 0],
      [3, 2, 0, 1],
      [2, 3, 1, 0],
    ];
    const expected = [['match'], ['quake-a1', 'quake-a2'], ['quake-b']];
    for (const order of orders) assert.deepEqual(partition(linkAll(order.map((i) => items[i]!)).storyOf), expected, `order ${order.join(',')}`);
  });

  test('an empty article founds a story of its own and joins nothing', () => {
    const empty = profile('empty', '');
    assert.deepEqual(empty.features, []);
    const { storyOf, store } = linkAll([QUAKE_A1, empty, { ...empty, articleId: 'empty-2' }]);
    assert.equal(storyOf.get('empty'), storyIdFor('empty'));
    assert.equal(storyOf.get('empty-2'), storyIdFor('empty-2'));
    assert.equal(store.story(storyIdFor('empty'))!.label, '');
    assert.equal(store.size().articles, 3);
  });

  test('a story is labelled by its characteristic entities and terms', () => {
    const { storyOf, store } = linkAll([...OTHERS, QUAKE_A1, QUAKE_A2]);
    const label = store.story(storyOf.get('quake-a1')!)!.label;
    assert.match(label, /Hualien/);
    assert.ok(label.length < 120, label);
  });

  test('a decision is the same for the same answers (no clock, no randomness)', () => {
    const a = linkAll([...OTHERS, QUAKE_A1]).store;
    const b = linkAll([...OTHERS, QUAKE_A1]).store;
    assert.deepEqual(linkArticle(QUAKE_A2, a), linkArticle(QUAKE_A2, b));
  });

  test('cost stays bounded: few stories per key, few candidates, bounded centroids', () => {
    // 200 one-article stories all sharing the key "w:shared", each with enough own words to stay apart.
    const store = new MemoryStoryStore();
    for (let i = 0; i < 200; i++) {
      const own: [string, number][] = Array.from({ length: 400 }, (_, j) => [`w:s${i}x${j}`, 1] as [string, number]);
      const features: [string, number][] = [['w:shared', 1], ...own];
      store.link({ articleId: `a${i}`, features: features.sort((x, y) => (x[0] < y[0] ? -1 : 1)), names: [] });
    }
    let asked: StoryHit[] = [];
    const spy: StoryLookups = {
      documentCounts: (keys) => store.documentCounts(keys),
      storiesByKeys: (keys, perKey) => (asked = store.storiesByKeys(keys, perKey)),
      stories: (ids) => store.stories(ids),
    };
    const plan = linkArticle({ articleId: 'probe', features: [['w:shared', 3]], names: [] }, spy);
    assert.ok(asked.length <= STORIES_PER_KEY, `${asked.length} hits`);
    assert.ok(plan.candidates <= MAX_CANDIDATES);
    for (const id of ['a0', 'a199']) assert.ok(store.story(storyIdFor(id))!.centroid.length <= STORY_CENTROID_SIZE);
  });
});

describe('article profile', () => {
  test('time keys keep years, months and days, with and without a year; weekdays give none', () => {
    assert.deepEqual(timeKeys('2013-07-02'), ['ty:2013', 'tm:2013-07', 'tmd:07-02', 'td:2013-07-02']);
    assert.deepEqual(timeKeys('XXXX-12-14'), ['tmo:12', 'tmd:12-14']);
    assert.deepEqual(timeKeys('2008'), ['ty:2008']);
    assert.deepEqual(timeKeys('XXXX-WXX-3'), []);
    assert.deepEqual(timeKeys('PRESENT_REF'), []);
    assert.deepEqual(timeKeys(null), []);
  });

  test('content words, pairs, entities and dates; stop words left out', () => {
    const keys = new Map(QUAKE_A1.features);
    assert.ok(keys.has('w:earthquake') && keys.has('w:hualien'));
    assert.ok(keys.has('b:marshal_hotel'));
    assert.ok(keys.has('td:2018-02-06'));
    assert.ok([...keys.keys()].some((k) => k.startsWith('e:') && k.includes('william lai')));
    for (const stop of ['w:the', 'w:said', 'w:on', 'w:tuesday']) assert.ok(!keys.has(stop), stop);
    // Numbers of two characters or more; a single digit says little, a year is a time key.
    assert.ok(keys.has('n:6.4'));
    assert.ok(!keys.has('n:9') && !keys.has('n:2018') && keys.has('ty:2018'));
    assert.equal(stemWord('quakes'), 'quake');
    assert.equal(stemWord('injuries'), 'injury');
    assert.equal(stemWord('press'), 'press');
  });

  test('the content cosine leaves time keys out of both sides, however heavy they are', () => {
    // Text that matches exactly, dates that differ and outweigh it: the content cosine is 1, the whole cosine small.
    const unit: Vector = new Map([['w:election', 0.1], ['w:party', 0.1], ['tmd:09-26', 0.7], ['ty:2013', 0.7]]);
    const norm = Math.sqrt([...unit.values()].reduce((n, w) => n + w * w, 0));
    for (const [k, w] of unit) unit.set(k, w / norm);
    const s = similarity(unit, [['ty:2008', 3], ['w:election', 1], ['w:party', 1]]);
    assert.ok(Math.abs(s.content - 1) < 1e-12, String(s.content));
    assert.ok(s.cosine < 0.1, String(s.cosine));
    assert.equal(similarity(new Map([['ty:2013', 1]]), [['ty:2013', 1]]).content, 0);
  });
});
