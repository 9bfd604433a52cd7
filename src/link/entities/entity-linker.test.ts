// The entity linker on hand-made articles: each test links records one after another through a
// small in-memory identity index that does what a store does with a plan (keys, renames, links).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord } from '../../model/record.ts';
import { identityIdFor, linkRecord, normalizeTitle, RecordLinker, SURNAME_CANDIDATES, type CandidateIdentity, type EntityLinkDecision, type LinkPlan } from './entity-linker.ts';
import { handRecord, layEntities } from './hand-records.ts';
import { initialsOf, isAcronymForm, normalizeName, parsePersonName } from './name-keys.ts';
import { demonymsOfPlace, placesOfDemonym } from './demonyms.ts';

/** What a store keeps of the plans, minimally: identities with their keys, links, titles, relations. */
class MemoryIndex {
  readonly identities = new Map<string, CandidateIdentity & { keys: string[] }>();
  readonly links = new Map<string, EntityLinkDecision & { recordId: string }>();
  readonly titles: { identityId: string; title: string; recordId: string; date: string | null }[] = [];
  readonly related = new Set<string>();
  lastPlan: LinkPlan | null = null;

  readonly lookups: { keys: readonly string[]; perKey: number | null }[] = [];

  /** The identities with any of `keys`, at most `perKey` per key, each with the keys it was found by. */
  lookup(keys: readonly string[], perKey: number | null): CandidateIdentity[] {
    this.lookups.push({ keys, perKey });
    const out = new Map<string, CandidateIdentity & { keys: string[] }>();
    for (const k of keys) {
      const having = [...this.identities.values()].filter((c) => c.keys.includes(k)).slice(0, perKey ?? Infinity);
      for (const c of having) {
        const got = out.get(c.id) ?? { ...c, keys: [] };
        got.keys.push(k);
        out.set(c.id, got);
      }
    }
    return [...out.values()];
  }

  /** Links a record as the store would: candidates by key, then the plan applied. Returns entity name -> decision. */
  put(record: AnalysisRecord): Map<string, EntityLinkDecision> {
    const plan = linkRecord(record, (keys, perKey) => this.lookup(keys, perKey));
    this.lastPlan = plan;
    for (const c of plan.created) this.identities.set(c.id, { ...c, keys: [] });
    for (const r of plan.renamed) this.identities.get(r.identityId)!.name = r.name;
    for (const k of plan.keys) {
      const keys = this.identities.get(k.identityId)!.keys;
      if (!keys.includes(k.key)) keys.push(k.key);
    }
    for (const l of plan.links) this.links.set(`${record.id}/${l.entityId}`, { ...l, recordId: record.id });
    for (const t of plan.titles) this.titles.push({ ...t, recordId: record.id, date: record.published.date });
    for (const r of plan.related) this.related.add(`${this.name(r.identityId)} ${r.relation} ${this.name(r.relatedId)}`);
    const byName = new Map<string, EntityLinkDecision>();
    for (const l of plan.links) byName.set(record.entities.find((e) => e.id === l.entityId)!.name, l);
    return byName;
  }

  name(id: string): string {
    return this.identities.get(id)!.name;
  }

  /** The identity an entity of a record was linked to. */
  of(decisions: Map<string, EntityLinkDecision>, entityName: string): CandidateIdentity {
    const d = decisions.get(entityName);
    assert.ok(d, `no link for ${entityName}`);
    return this.identities.get(d.identityId)!;
  }
}

describe('name keys', () => {
  test('case, diacritics, dots, hyphens, a leading "the" and a possessive do not matter', () => {
    assert.equal(normalizeName("The ICC's"), 'icc');
    assert.equal(normalizeName('the I.C.C.'), 'icc');
    assert.equal(normalizeName('Recep Tayyip Erdoğan'), 'recep tayyip erdogan');
    assert.equal(normalizeName('Hamas’'), 'hamas');
    assert.equal(normalizeName('Ahmed al-Sharaa'), 'ahmed al sharaa');
    assert.equal(normalizeName("O'Brien"), "o'brien");
    assert.equal(normalizeName('Washington, D.C.'), 'washington dc');
    assert.equal(normalizeName('  '), '');
    // "the" inside a name stays.
    assert.equal(normalizeName('Church of the Nativity'), 'church of the nativity');
  });

  test('a person name loses honorifics, stated titles and suffixes; particles stay with the surname', () => {
    assert.deepEqual(parsePersonName('special envoy Witkoff'), { full: 'witkoff', given: [], surname: 'witkoff', bareSurname: null });
    assert.deepEqual(parsePersonName('U.S. special envoy Steve Witkoff'), { full: 'steve witkoff', given: ['steve'], surname: 'witkoff', bareSurname: null });
    assert.equal(parsePersonName('White House press secretary Karoline Leavitt', ['White House press secretary'])?.full, 'karoline leavitt');
    assert.equal(parsePersonName('Martin Luther King Jr.')?.surname, 'king');
    assert.deepEqual(parsePersonName('Ahmed al-Sharaa'), { full: 'ahmed al sharaa', given: ['ahmed'], surname: 'al sharaa', bareSurname: 'sharaa' });
    assert.equal(parsePersonName('Ursula von der Leyen')?.surname, 'von der leyen');
    // A title alone is not stripped to nothing.
    assert.equal(parsePersonName('President')?.full, 'president');
    assert.equal(parsePersonName('...'), null);
  });

  test('acronyms and initials', () => {
    assert.equal(initialsOf('International Criminal Court'), 'icc');
    assert.equal(initialsOf('the International Court of Justice'), 'icj');
    assert.equal(initialsOf('Hayat Tahrir al-Sham'), 'hts');
    assert.equal(initialsOf('Hamas'), null);
    for (const a of ['ICC', 'U.N.', 'UNRWA', 'the ICC', "ICC's"]) assert.ok(isAcronymForm(a), a);
    for (const a of ['Hamas', 'Nato', 'I', 'International Criminal Court']) assert.ok(!isAcronymForm(a), a);
  });

  test('demonyms go both ways, by normalised name', () => {
    assert.ok(placesOfDemonym('israeli').includes('israel'));
    assert.ok(placesOfDemonym('israelis').includes('israel'));
    assert.ok(demonymsOfPlace('israel').includes('israeli'));
    assert.ok(placesOfDemonym('americans').includes('us'));
    assert.deepEqual(placesOfDemonym('israel'), []);
  });
});

describe('hand-laid entities', () => {
  test('mentions are whole words, longest forms first, with offsets into the text', () => {
    const text = 'Steve Witkoff met Witkoffs. Later Witkoff left.';
    const [e] = layEntities(text, [{ name: 'Steve Witkoff', type: 'PERSON', forms: ['Steve Witkoff', 'Witkoff'] }]);
    assert.deepEqual(
      e!.mentions.map((m) => [m.start, m.end, m.text]),
      [
        [0, 13, 'Steve Witkoff'],
        [34, 41, 'Witkoff'],
      ],
    );
    for (const m of e!.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    assert.throws(() => layEntities(text, [{ name: 'Dermer', type: 'PERSON' }]), /does not occur/);
  });
});

const LEAVITT_AP = `Trump envoy to meet Hamas officials
WASHINGTON — White House press secretary Karoline Leavitt said Wednesday that the talks were ongoing. Leavitt declined to give details.`;
const LEAVITT_AA = `US envoy heads to Europe for Gaza talks
White House spokesperson Karoline Leavitt told reporters the envoy would travel to Rome. Leavitt added that Israel had been consulted.`;

describe('linking people', () => {
  test('a full name matches across outlets: one identity, titles over time with each article’s date', () => {
    const index = new MemoryIndex();
    const ap = handRecord({
      text: LEAVITT_AP,
      date: '2025-03-05',
      outlet: 'Associated Press',
      entities: [{ name: 'Karoline Leavitt', type: 'PERSON', forms: ['Karoline Leavitt', 'Leavitt'], titles: ['White House press secretary'] }],
    });
    const aa = handRecord({
      text: LEAVITT_AA,
      date: '2025-07-23',
      outlet: 'Anadolu Agency',
      entities: [
        { name: 'Karoline Leavitt', type: 'PERSON', forms: ['Karoline Leavitt', 'Leavitt'], titles: ['White House spokesperson', 'White house press secretary'] },
        { name: 'Israel', type: 'GPE' },
      ],
    });
    const first = index.put(ap);
    assert.equal(first.get('Karoline Leavitt')!.evidence, 'new identity');
    const second = index.put(aa);
    assert.equal(index.of(second, 'Karoline Leavitt').id, index.of(first, 'Karoline Leavitt').id);
    assert.equal(second.get('Karoline Leavitt')!.evidence, 'exact name');
    const leavitt = index.of(first, 'Karoline Leavitt');
    assert.equal(leavitt.name, 'Karoline Leavitt');
    assert.deepEqual(
      index.titles.filter((t) => t.identityId === leavitt.id).map((t) => [t.title, t.date, t.recordId]),
      [
        ['White House press secretary', '2025-03-05', ap.id],
        ['White House spokesperson', '2025-07-23', aa.id],
        ['White house press secretary', '2025-07-23', aa.id],
      ],
    );
    assert.equal(normalizeTitle('White house  press secretary'), normalizeTitle('White House press secretary'));
  });

  test('"Steve Witkoff", "Witkoff" and "special envoy Witkoff" across articles are one person', () => {
    const index = new MemoryIndex();
    const a = index.put(
      handRecord({
        text: 'Envoy to travel\nSteve Witkoff will fly to Rome. Witkoff said talks were close.',
        date: '2025-07-22',
        entities: [{ name: 'Steve Witkoff', type: 'PERSON', forms: ['Steve Witkoff', 'Witkoff'] }],
      }),
    );
    const b = index.put(
      handRecord({
        text: 'Talks in Rome\nThe special envoy Witkoff met Ron Dermer.',
        date: '2025-07-24',
        entities: [
          { name: 'Witkoff', type: 'PERSON', forms: ['special envoy Witkoff'], titles: ['special envoy'] },
          { name: 'Ron Dermer', type: 'PERSON' },
        ],
      }),
    );
    const c = index.put(handRecord({ text: 'Brief\nWitkoff left Rome on Friday.', date: '2025-07-25', entities: [{ name: 'Witkoff', type: 'PERSON' }] }));
    const witkoff = index.of(a, 'Steve Witkoff');
    assert.equal(index.of(b, 'Witkoff').id, witkoff.id);
    assert.equal(b.get('Witkoff')!.evidence, 'surname of unique person');
    assert.equal(index.of(c, 'Witkoff').id, witkoff.id);
    assert.notEqual(index.of(b, 'Ron Dermer').id, witkoff.id);
    assert.equal(index.identities.size, 2);
    assert.equal(witkoff.name, 'Steve Witkoff');
    assert.deepEqual(index.titles.map((t) => [index.name(t.identityId), t.title]), [['Steve Witkoff', 'special envoy']]);
  });

  test('a person first known by surname takes the full name when it comes, unless a first name contradicts', () => {
    const index = new MemoryIndex();
    const a = index.put(handRecord({ text: 'Brief\nWitkoff arrived in Doha.', entities: [{ name: 'Witkoff', type: 'PERSON' }] }));
    const b = index.put(handRecord({ text: 'Envoy\nSteve Witkoff left Doha.', entities: [{ name: 'Steve Witkoff', type: 'PERSON' }] }));
    assert.equal(index.of(b, 'Steve Witkoff').id, index.of(a, 'Witkoff').id);
    assert.equal(b.get('Steve Witkoff')!.evidence, 'surname of unique person');
    assert.equal(index.of(a, 'Witkoff').name, 'Steve Witkoff');
    assert.deepEqual(index.lastPlan!.renamed, [{ identityId: index.of(a, 'Witkoff').id, name: 'Steve Witkoff' }]);
    // Another first name is another person.
    const c = index.put(handRecord({ text: 'Family\nAlex Witkoff spoke.', entities: [{ name: 'Alex Witkoff', type: 'PERSON' }] }));
    assert.notEqual(index.of(c, 'Alex Witkoff').id, index.of(a, 'Witkoff').id);
    assert.equal(c.get('Alex Witkoff')!.evidence, 'new identity');
    assert.match(c.get('Alex Witkoff')!.note ?? '', /Steve Witkoff/);
    // An initial fits the first name it starts.
    const d = index.put(handRecord({ text: 'Note\nS. Witkoff signed.', entities: [{ name: 'S. Witkoff', type: 'PERSON' }] }));
    assert.equal(index.of(d, 'S. Witkoff').id, index.of(a, 'Witkoff').id);
    assert.equal(d.get('S. Witkoff')!.evidence, 'given name and surname');
  });

  test('Joe Biden and Hunter Biden stay apart; a bare "Biden" with both stored is its own, ambiguous identity', () => {
    const index = new MemoryIndex();
    const joe = index.put(handRecord({ text: 'A\nJoe Biden spoke in Delaware.', date: '2024-01-02', entities: [{ name: 'Joe Biden', type: 'PERSON' }] }));
    // While Joe is the only Biden, a bare "Biden" is him.
    const early = index.put(handRecord({ text: 'B\nBiden returned to Washington.', date: '2024-01-03', entities: [{ name: 'Biden', type: 'PERSON' }] }));
    assert.equal(index.of(early, 'Biden').id, index.of(joe, 'Joe Biden').id);
    const hunter = index.put(handRecord({ text: 'C\nHunter Biden appeared in court.', date: '2024-01-04', entities: [{ name: 'Hunter Biden', type: 'PERSON' }] }));
    assert.notEqual(index.of(hunter, 'Hunter Biden').id, index.of(joe, 'Joe Biden').id);
    assert.equal(hunter.get('Hunter Biden')!.evidence, 'new identity');

    const bare = index.put(handRecord({ text: 'D\nBiden declined to comment.', date: '2024-01-05', entities: [{ name: 'Biden', type: 'PERSON' }] }));
    const standIn = index.of(bare, 'Biden');
    assert.ok(![index.of(joe, 'Joe Biden').id, index.of(hunter, 'Hunter Biden').id].includes(standIn.id));
    assert.equal(standIn.ambiguous, true);
    assert.equal(bare.get('Biden')!.evidence, 'ambiguous surname');
    assert.match(bare.get('Biden')!.note!, /several people have this surname: .*Joe Biden/);
    assert.match(bare.get('Biden')!.note!, /Hunter Biden/);
    assert.deepEqual(standIn.keys, ['x:biden'], 'the stand-in carries no person keys');

    // The next bare "Biden" joins the same stand-in; named Bidens still find their own identities.
    const again = index.put(handRecord({ text: 'E\nBiden was not there.', entities: [{ name: 'Biden', type: 'PERSON' }] }));
    assert.equal(index.of(again, 'Biden').id, standIn.id);
    const joeAgain = index.put(handRecord({ text: 'F\nJoe Biden was there.', entities: [{ name: 'Joe Biden', type: 'PERSON' }] }));
    assert.equal(index.of(joeAgain, 'Joe Biden').id, index.of(joe, 'Joe Biden').id);
    assert.equal(joeAgain.get('Joe Biden')!.evidence, 'exact name');
    const jill = index.put(handRecord({ text: 'G\nJill Biden was there too.', entities: [{ name: 'Jill Biden', type: 'PERSON' }] }));
    assert.equal(new Set([...index.identities.values()].filter((i) => /Biden/.test(i.name)).map((i) => i.id)).size, 4);
    assert.equal(jill.get('Jill Biden')!.evidence, 'new identity');
  });

  test('within one article, a bare surname sees the full names of its own article', () => {
    const index = new MemoryIndex();
    const r = index.put(
      handRecord({
        text: 'Family\nBiden said Joe Biden and Hunter Biden would meet.',
        entities: [
          { name: 'Biden', type: 'PERSON' },
          { name: 'Joe Biden', type: 'PERSON' },
          { name: 'Hunter Biden', type: 'PERSON' },
        ],
      }),
    );
    assert.equal(new Set([...r.values()].map((d) => d.identityId)).size, 3);
    assert.equal(r.get('Biden')!.evidence, 'ambiguous surname');
    assert.deepEqual(
      index.lastPlan!.links.map((l) => l.entityId),
      ['e1', 'e2', 'e3'],
      'links come in the record’s entity order',
    );
  });
});

describe('linking organisations', () => {
  test('"International Criminal Court" and "ICC" / "the ICC" / "ICC\'s" are one identity, either order', () => {
    const index = new MemoryIndex();
    const a = index.put(handRecord({ text: 'Warrants\nThe International Criminal Court issued warrants.', entities: [{ name: 'International Criminal Court', type: 'ORG' }] }));
    const b = index.put(handRecord({ text: 'Court\nThe ICC prosecutor spoke; the ICC said more.', entities: [{ name: 'ICC', type: 'ORG', forms: ['the ICC'] }] }));
    const c = index.put(handRecord({ text: "Appeal\nThe ICC's judges ruled.", entities: [{ name: "ICC's", type: 'ORG' }] }));
    const icc = index.of(a, 'International Criminal Court');
    assert.equal(index.of(b, 'ICC').id, icc.id);
    assert.equal(b.get('ICC')!.evidence, 'acronym');
    assert.equal(index.of(c, "ICC's").id, icc.id);
    assert.equal(c.get("ICC's")!.evidence, 'alias');
    assert.equal(icc.name, 'International Criminal Court');

    const other = new MemoryIndex();
    const x = other.put(handRecord({ text: 'Court\nThe ICC ruled.', entities: [{ name: 'ICC', type: 'ORG' }] }));
    const y = other.put(handRecord({ text: 'Warrants\nThe International Criminal Court ruled.', entities: [{ name: 'International Criminal Court', type: 'ORG' }] }));
    assert.equal(other.of(y, 'International Criminal Court').id, other.of(x, 'ICC').id);
    assert.equal(other.of(x, 'ICC').name, 'International Criminal Court', 'the spelt-out name replaces the acronym');
  });

  test('two organisations with the same initials stay apart, and their bare acronym joins neither', () => {
    const index = new MemoryIndex();
    const court = index.put(handRecord({ text: 'A\nThe International Criminal Court met.', entities: [{ name: 'International Criminal Court', type: 'ORG' }] }));
    const cricket = index.put(handRecord({ text: 'B\nThe International Cricket Council met.', entities: [{ name: 'International Cricket Council', type: 'ORG' }] }));
    assert.notEqual(index.of(court, 'International Criminal Court').id, index.of(cricket, 'International Cricket Council').id);
    const bare = index.put(handRecord({ text: 'C\nThe ICC met.', entities: [{ name: 'ICC', type: 'ORG' }] }));
    assert.equal(bare.get('ICC')!.evidence, 'new identity');
    assert.match(bare.get('ICC')!.note!, /acronym fits/);
    assert.equal(index.identities.size, 3);
  });

  test('an organisation and a person of the same name are different identities', () => {
    const index = new MemoryIndex();
    const r = index.put(
      handRecord({
        text: 'X\nWagner spoke about the Wagner group.',
        entities: [
          { name: 'Wagner', type: 'PERSON' },
          { name: 'Wagner group', type: 'ORG' },
        ],
      }),
    );
    const s = index.put(handRecord({ text: 'Y\nWagner withdrew.', entities: [{ name: 'Wagner', type: 'ORG' }] }));
    assert.notEqual(index.of(s, 'Wagner').id, index.of(r, 'Wagner').id);
  });
});

describe('linking places, groups and events', () => {
  test('"Israel" (GPE) and "Israeli" (NORP) are related, never merged, whichever comes first', () => {
    for (const order of ['gpe first', 'norp first']) {
      const index = new MemoryIndex();
      const gpe = handRecord({ text: 'P\nIsrael said the talks went well.', entities: [{ name: 'Israel', type: 'GPE' }] });
      const norp = handRecord({ text: 'Q\nIsraeli officials said so; Israelis agreed.', entities: [{ name: 'Israeli', type: 'NORP', forms: ['Israeli', 'Israelis'] }] });
      const [first, second] = order === 'gpe first' ? [gpe, norp] : [norp, gpe];
      const a = index.put(first);
      const b = index.put(second);
      const israel = index.of(order === 'gpe first' ? a : b, 'Israel');
      const israeli = index.of(order === 'gpe first' ? b : a, 'Israeli');
      assert.notEqual(israel.id, israeli.id, order);
      assert.equal(israel.type, 'GPE');
      assert.equal(israeli.type, 'NORP');
      assert.deepEqual([...index.related], ['Israeli demonym of Israel'], order);
    }
  });

  test('places, groups and events match by exact normalised name, case and diacritics aside', () => {
    const index = new MemoryIndex();
    const a = index.put(
      handRecord({
        text: 'A\nIn Gaza and in Türkiye, after the Oslo Accords.',
        entities: [
          { name: 'Gaza', type: 'GPE' },
          { name: 'Türkiye', type: 'GPE' },
          { name: 'the Oslo Accords', type: 'EVENT' },
        ],
      }),
    );
    const b = index.put(
      handRecord({
        text: 'B\nGAZA, TURKIYE and Oslo Accords; Gaza Strip.',
        entities: [
          { name: 'GAZA', type: 'GPE' },
          { name: 'TURKIYE', type: 'GPE' },
          { name: 'Oslo Accords', type: 'EVENT' },
          { name: 'Gaza Strip', type: 'LOC' },
        ],
      }),
    );
    assert.equal(index.of(b, 'GAZA').id, index.of(a, 'Gaza').id);
    assert.equal(index.of(b, 'TURKIYE').id, index.of(a, 'Türkiye').id);
    assert.equal(index.of(b, 'Oslo Accords').id, index.of(a, 'the Oslo Accords').id);
    assert.equal(b.get('Oslo Accords')!.evidence, 'exact name');
    assert.equal(index.identities.size, 4);
  });

  test('nothing to link: no entities, or a name with nothing left after normalisation', () => {
    const index = new MemoryIndex();
    const empty = handRecord({ text: 'Nothing\nNo names here.', entities: [] });
    assert.deepEqual(new RecordLinker(empty).nameKeys(), []);
    assert.deepEqual(linkRecord(empty, () => assert.fail('nothing to look up')), { created: [], renamed: [], keys: [], links: [], titles: [], related: [] });
    const odd = { ...empty, entities: [{ id: 'e1', name: '—', type: 'ORG' as const, titles: [], mentions: [] }] };
    assert.equal(index.put(odd).size, 0);
  });

  test('plans are deterministic; a new identity’s id comes from the record and entity that founded it', () => {
    const record = handRecord({ text: LEAVITT_AP, date: '2025-03-05', entities: [{ name: 'Karoline Leavitt', type: 'PERSON', forms: ['Karoline Leavitt', 'Leavitt'] }] });
    const plan = linkRecord(record, () => []);
    assert.deepEqual(linkRecord(record, () => []), plan);
    assert.equal(plan.created[0]!.id, identityIdFor(record.id, 'e1'));
    assert.match(plan.created[0]!.id, /^[0-9a-f]{16}$/);
    assert.deepEqual(plan.keys.map((k) => k.key).sort(), ['g:k*|leavitt', 'g:karoline|leavitt', 'n:karoline leavitt', 's:leavitt']);
  });

  test('lookups come in two rounds: names first, then surnames only for people no name settled, two identities per key', () => {
    const index = new MemoryIndex();
    index.put(handRecord({ text: 'A\nJoe Biden spoke.', entities: [{ name: 'Joe Biden', type: 'PERSON' }] }));
    index.lookups.length = 0;
    // A known full name needs no surname round.
    index.put(handRecord({ text: 'B\nJoe Biden spoke again.', entities: [{ name: 'Joe Biden', type: 'PERSON' }] }));
    assert.deepEqual(index.lookups.map((l) => l.perKey), [null]);
    index.lookups.length = 0;
    // A bare surname and an unknown full name do; at most SURNAME_CANDIDATES identities per surname key.
    index.put(handRecord({ text: 'C\nBiden and Hunter Biden spoke.', entities: [{ name: 'Biden', type: 'PERSON' }, { name: 'Hunter Biden', type: 'PERSON' }] }));
    assert.deepEqual(index.lookups.map((l) => [l.perKey, [...l.keys].sort()]).at(-1), [SURNAME_CANDIDATES, ['s:biden']]);
    // "Clinton and Trump" is no one person's name: no surname keys, matched by its exact name only.
    const both = new RecordLinker(handRecord({ text: 'D\nClinton and Trump debated.', entities: [{ name: 'Clinton and Trump', type: 'PERSON' }] }));
    assert.deepEqual(both.nameKeys(), ['n:clinton and trump']);
    assert.deepEqual(both.surnameKeys(), []);
  });
});
