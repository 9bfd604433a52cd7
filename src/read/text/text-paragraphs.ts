// Splitting plain text into paragraphs. Scraped text puts one paragraph on a line; e-mailed
// and archived copy wraps lines at a fixed width and separates paragraphs by blank lines.
// Both occur, so the layout is detected per document.

/** A paragraph and whether a blank line (or the start of the text) comes before it. */
export interface TextParagraph {
  text: string;
  blockStart: boolean;
}

const SENTENCE_END = /[.!?…:"'”’)\]]$/;

/** The paragraphs of a text, white space normalised within each; hard-wrapped lines are joined. */
export function splitParagraphs(text: string): TextParagraph[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/);
  const lines = blocks.map((b) => b.split('\n').map(clean).filter((l) => l !== ''));
  const wrapped = isHardWrapped(lines);
  const out: TextParagraph[] = [];
  for (const block of lines) {
    if (block.length === 0) continue;
    if (wrapped) out.push({ text: block.join(' '), blockStart: true });
    else block.forEach((line, i) => out.push({ text: line, blockStart: i === 0 }));
  }
  return out;
}

function clean(line: string): string {
  return line.replace(/[\t\u00a0 ]+/g, ' ').trim();
}

/**
 * Hard-wrapped text: most lines inside multi-line blocks stop mid-sentence and are of a
 * similar, bounded width. One-paragraph-per-line text ends nearly every line with punctuation.
 */
function isHardWrapped(blocks: string[][]): boolean {
  let inner = 0;
  let unfinished = 0;
  let maxWidth = 0;
  const widths: number[] = [];
  for (const block of blocks) {
    for (let i = 0; i < block.length - 1; i++) {
      const line = block[i]!;
      inner++;
      if (!SENTENCE_END.test(line)) unfinished++;
      maxWidth = Math.max(maxWidth, line.length);
      widths.push(line.length);
    }
  }
  // Wrapped lines fill most of the width; short unfinished lines are headlines and bylines.
  const median = widths.sort((a, b) => a - b)[Math.floor(widths.length / 2)] ?? 0;
  return inner >= 3 && unfinished / inner > 0.6 && maxWidth >= 50 && maxWidth <= 100 && median >= 0.6 * maxWidth;
}
