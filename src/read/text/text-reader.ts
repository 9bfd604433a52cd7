// Plain and scraped article text → an ArticleDraft. Scraped text mixes the article with page
// furniture, teasers, bylines and photo captions (see ../shared/seeds): each line is classified,
// then the headline and standfirst are taken from the top and the rest kept in order as the body.
import type { SourceInfo } from '../../model/doc.ts';
import { emptyDraft, type ArticleDraft } from '../draft.ts';
import { CLAIM_STRENGTH, type DateClaim } from '../published-date.ts';
import { agencyName, findDateline, isBareDateline } from '../dateline.ts';
import { parseBylineLine } from '../byline.ts';
import { parseCaptionLine } from '../caption.ts';
import { findFullDates } from '../dates/weekday-dates.ts';
import { splitParagraphs } from './text-paragraphs.ts';
import furniture from './page-furniture.json' with { type: 'json' };

const FURNITURE = new RegExp(`^(?:${furniture.lines.join('|')})$`, 'i');
// A scraper's header line: "date 2024-12-03 All sections". It dates the scrape, not the article.
const HEADER_DATE_LINE = /^date:?\s+(\d{4}-\d{2}-\d{2})\b.*$/i;
const PUBLISHED_LINE = /^(?:published|posted|first published)(?: on)?:?\s+(.{6,60})$/i;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** Options: `plain` keeps the whole input as one body, exactly as decoded (offsets then equal input offsets). */
export interface PlainTextOptions {
  plain?: boolean;
}

/** Reads plain or scraped article text. */
export function readPlainText(text: string, source: SourceInfo, options: PlainTextOptions = {}): ArticleDraft {
  const draft = emptyDraft(source);
  if (options.plain) {
    draft.paragraphs = [text];
    return draft;
  }
  const paragraphs = splitParagraphs(text);
  const kept: { text: string; blockStart: boolean }[] = [];

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const line = p.text;
    const header = HEADER_DATE_LINE.exec(line);
    if (header) {
      draft.dateClaims.push(claim(header[1]!, 'metadata', CLAIM_STRENGTH.looseMetadata, `page header line "${line}"`));
      continue;
    }
    if (FURNITURE.test(line)) continue;
    const published = PUBLISHED_LINE.exec(line);
    if (published) {
      const dates = findFullDates(published[1]!);
      if (dates[0]) {
        draft.dateClaims.push(claim(dates[0].date, 'metadata', CLAIM_STRENGTH.metaTag, `"${line}" line`));
        continue;
      }
    }
    const byline = parseBylineLine(line);
    if (byline) {
      draft.byline.push(...byline);
      continue;
    }
    const caption = parseCaptionLine(line);
    if (caption) {
      draft.captions.push(caption);
      continue;
    }
    // A teaser: an unfinished paragraph that a later paragraph begins with (the lede cut short).
    if (!SENTENCE_END.test(line) && line.length >= 30 && paragraphs.slice(i + 1).some((q) => q.text.length > line.length && q.text.startsWith(line))) {
      continue;
    }
    kept.push({ text: line, blockStart: p.blockStart });
  }

  takeHeadline(draft, kept);
  draft.paragraphs = kept.map((k) => k.text);
  findDatelineIn(draft);
  addContentDates(draft);
  if (draft.source.outlet === null) {
    // The wire agency of the dateline, else the organisation a byline names (not a role such as "Staff Writer").
    const fromByline = draft.byline.map((b) => b.affiliation).find((a) => a !== null && !/(correspondent|staff|writer|reporter|editor)/i.test(a));
    draft.source = { ...draft.source, outlet: agencyName(draft.dateline?.agency ?? null) ?? fromByline ?? null };
  }
  return draft;
}

function claim(date: string, basis: DateClaim['basis'], strength: number, why: string): DateClaim {
  return { date, basis, strength, why };
}

/**
 * Takes the headline and standfirst off the top of the kept paragraphs. A headline is a short
 * first line that does not end like a sentence; a standfirst is the line after it when the body
 * is visibly set apart (a blank line or a dateline follows it).
 */
function takeHeadline(draft: ArticleDraft, kept: { text: string; blockStart: boolean }[]): void {
  const first = kept[0];
  if (!first || kept.length < 2) return;
  if (first.text.length > 200 || /[.:;,]$/.test(first.text) || findDateline(first.text) || isBareDateline(first.text)) return;
  draft.title = first.text;
  kept.shift();
  const second = kept[0];
  const third = kept[1];
  if (!second || !third || second.blockStart) return;
  if (second.text.length > 400 || findDateline(second.text) || isBareDateline(second.text)) return;
  if (third.blockStart || findDateline(third.text) || isBareDateline(third.text)) {
    draft.subtitle = second.text;
    kept.shift();
  }
}

/** The first body paragraph's dateline: inline ("WASHINGTON (AP) — …") or a bare place line ("WASHINGTON"). */
function findDatelineIn(draft: ArticleDraft): void {
  for (let i = 0; i < Math.min(3, draft.paragraphs.length); i++) {
    const p = draft.paragraphs[i]!;
    if (isBareDateline(p) && i + 1 < draft.paragraphs.length) {
      draft.dateline = { paragraph: i, start: 0, end: p.length, place: p.trim(), agency: null };
      return;
    }
    const found = findDateline(p);
    if (found) {
      draft.dateline = { paragraph: i, start: 0, end: found.end, place: found.place, agency: found.agency };
      return;
    }
  }
}

/**
 * Dates the content states: the latest full date in a photo caption (pictures are taken on or
 * before the day of publication) and a dated dateline. A caption date whose weekday disagrees
 * with it is a typo and is skipped.
 */
function addContentDates(draft: ArticleDraft): void {
  let latest: { date: string; text: string } | null = null;
  for (const caption of draft.captions) {
    for (const found of findFullDates(caption.text)) {
      if (found.weekdayAgrees === false) continue;
      if (!latest || found.date > latest.date) latest = { date: found.date, text: found.text };
    }
  }
  if (latest) draft.dateClaims.push(claim(latest.date, 'content', CLAIM_STRENGTH.contentDated, `photo caption dated "${latest.text}"`));
  const d = draft.dateline;
  if (d) {
    const head = draft.paragraphs[d.paragraph]!.slice(d.start, d.end);
    const found = findFullDates(head)[0];
    if (found) draft.dateClaims.push(claim(found.date, 'content', CLAIM_STRENGTH.contentDated, `dateline "${head}"`));
  }
}
