// textSnippet, the snippet PostgreSQL searches show (article-rows.ts), on hand-made texts: the
// window with the most query words, marks without case or diacritics, phrases, ellipses, and a
// text without the words (found by its title).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textSnippet } from './article-rows.ts';
import type { Snippet } from './store.ts';

const marked = (s: Snippet) => s.marks.map((m) => s.text.slice(m.start, m.end));
const words = (n: number, word = 'filler') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

test('the snippet is the window holding the most of the query words, cut with ellipses', () => {
  const text = `${words(30)} ferry ${words(30, 'pad')} the ferry strike began at dawn ${words(30, 'end')}`;
  const s = textSnippet(text, ['ferry', 'strike'], 8);
  // The lone "ferry" earlier holds one of the words; this window holds both, with three words of lead.
  assert.equal(s.text, '…pad28 pad29 the ferry strike began at dawn…');
  assert.deepEqual(marked(s), ['ferry', 'strike']);
});

test('words match without case or diacritics, either way round; a hyphenated word is a phrase of its parts', () => {
  assert.deepEqual(marked(textSnippet('Talks at the ÉLYSÉE palace.', ['elysee'])), ['ÉLYSÉE']);
  assert.deepEqual(marked(textSnippet('Talks at the Elysee palace.', ['Élysée'])), ['Elysee']);
  assert.deepEqual(marked(textSnippet('President Ahmed al-Sharaa spoke; al Sharaa later left.', ['al-Sharaa'])), ['al-Sharaa', 'al Sharaa']);
  // "strikes" is not "strike", and a word inside another is no match.
  assert.deepEqual(marked(textSnippet('Strikes and a restrike, then one strike.', ['strike'])), ['strike']);
});

test('a text without the query words gives its first words unmarked; a short text is given whole', () => {
  const s = textSnippet(`${words(40)}.`, ['ferry'], 16);
  assert.deepEqual(s.marks, []);
  assert.ok(s.text.startsWith('filler0 filler1') && s.text.endsWith('…') && !s.text.startsWith('…'));
  assert.deepEqual(textSnippet('One short line\n\nand another.', ['short']), { text: 'One short line and another.', marks: [{ start: 4, end: 9 }] });
  assert.deepEqual(textSnippet('', ['short']), { text: '', marks: [] });
});
