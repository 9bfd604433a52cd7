// JSON and JSON Lines records → ArticleDrafts. A `.json` file holds one record or an array of
// records; a `.jsonl` file one record per line. A record is an object with `text` or `html` (at
// least one; `text` is read when both are given, being the body someone already extracted) and
// optional `url`, `title`, `subtitle`, `date` (ISO date or date-time), `outlet`, `author`/`byline`
// (a string or an array of strings or of { name } objects). The body goes through the plain-text
// or HTML reader; the record's own fields then override what that reader found.
//
// Bad records, the policy: a record that cannot be read (a line that is not JSON, an object
// without text or html, a field of the wrong type, a date that is not ISO) is one problem, named
// by its line ("line 3: not valid JSON") or, in a .json array, its position ("record 2: …").
//   - No record usable: the whole input is refused with one InputError.
//   - Some usable: the good drafts are returned and each bad record is pushed onto `problems`
//     as its own InputError, for the caller to report. Without a `problems` list the reader is
//     strict and throws the first bad record's error, so nothing is ever dropped unseen.
import type { Byline, SourceInfo } from '../../model/doc.ts';
import { applyArticleFields, bylinesFromNames, isoDay } from '../article-fields.ts';
import type { ArticleDraft } from '../draft.ts';
import { readHtml } from '../html/html-reader.ts';
import { InputError } from '../input-error.ts';
import { CLAIM_STRENGTH } from '../published-date.ts';
import type { DecodedInput } from '../source.ts';
import { readPlainText } from '../text/text-reader.ts';

/** One record as found in the input: where it is ("line 3", "record 2") and its value, or why it could not be parsed. */
interface RawRecord {
  where: string;
  value?: unknown;
  error?: string;
}

/**
 * The drafts of every usable record in a JSON or JSONL input. Throws InputError when no record is
 * usable; per-record problems go to `problems` when given, else the first one is thrown.
 */
export function readJsonRecords(input: DecodedInput, source: SourceInfo, problems?: InputError[]): ArticleDraft[] {
  const records = input.kind === 'jsonl' ? jsonLinesOrWhole(input) : wholeOrJsonLines(input);
  if (records.length === 0) throw new InputError(input.name, 'holds no records');

  const drafts: ArticleDraft[] = [];
  const bad: string[] = [];
  for (const record of records) {
    try {
      if (record.error !== undefined) throw new RecordError(record.error);
      drafts.push(readRecord(record.value, source));
    } catch (error) {
      bad.push(`${record.where}: ${reason(error)}`);
    }
  }
  if (drafts.length === 0) {
    throw new InputError(input.name, bad.length === 1 ? bad[0]! : `${bad[0]!}; no usable record (all ${bad.length} are bad)`);
  }
  if (bad.length > 0) {
    if (!problems) throw new InputError(input.name, bad[0]!);
    for (const message of bad) problems.push(new InputError(input.name, message));
  }
  return drafts;
}

/** A record that cannot be read; its message is the reason, without input or position. */
class RecordError extends Error {}

function reason(error: unknown): string {
  if (error instanceof RecordError) return error.message;
  // A reader's own failure: its first line, prefixed so the stage is named.
  const message = error instanceof Error ? error.message : String(error);
  return `cannot be read (${message.split('\n', 1)[0]!.trim()})`;
}

function jsonLines(text: string): RawRecord[] {
  const out: RawRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      out.push({ where: `line ${i + 1}`, value: JSON.parse(line) as unknown });
    } catch {
      out.push({ where: `line ${i + 1}`, error: 'not valid JSON' });
    }
  });
  return out;
}

/** JSON Lines; a .jsonl file that is in fact one pretty-printed JSON document is read as that. */
function jsonLinesOrWhole(input: DecodedInput): RawRecord[] {
  const lines = jsonLines(input.text);
  if (lines.length > 1 && lines.every((r) => r.error !== undefined)) {
    const whole = tryParse(input.text);
    if (whole.ok) return recordsOf(input, whole.value);
  }
  return lines;
}

/** One JSON document; a .json file that is in fact JSON Lines is read as that. */
function wholeOrJsonLines(input: DecodedInput): RawRecord[] {
  const whole = tryParse(input.text);
  if (whole.ok) return recordsOf(input, whole.value);
  const lines = jsonLines(input.text);
  if (lines.length > 1 && lines[0]!.error === undefined) return lines;
  throw new InputError(input.name, `not valid JSON (${whole.error})`);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 quotes the input in its message; keep the reason short and on one line.
    return { ok: false, error: message.split('\n', 1)[0]!.replace(/, ".*$/, '').slice(0, 100) };
  }
}

function recordsOf(input: DecodedInput, value: unknown): RawRecord[] {
  if (Array.isArray(value)) return value.map((v, i) => ({ where: `record ${i + 1}`, value: v as unknown }));
  if (isObject(value)) return [{ where: 'record 1', value }];
  throw new InputError(input.name, 'holds neither a JSON object nor an array of objects');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one record; throws RecordError when it breaks the record format. */
function readRecord(value: unknown, source: SourceInfo): ArticleDraft {
  if (!isObject(value)) throw new RecordError('is not a JSON object');
  const text = optionalString(value, 'text');
  const html = optionalString(value, 'html');
  const title = optionalString(value, 'title');
  const subtitle = optionalString(value, 'subtitle');
  const url = optionalString(value, 'url');
  const outlet = optionalString(value, 'outlet');
  const date = optionalString(value, 'date');
  const byline = [...authors(value, 'author'), ...authors(value, 'byline')];
  const hasText = text !== null && text.trim() !== '';
  const hasHtml = html !== null && html.trim() !== '';
  if (!hasText && !hasHtml) throw new RecordError('has neither text nor html');

  let day: string | null = null;
  if (date !== null && date.trim() !== '') {
    day = isoDay(date);
    if (day === null) throw new RecordError(`date "${date.slice(0, 40)}" is not an ISO date (YYYY-MM-DD or a date-time)`);
  }

  const recordSource: SourceInfo = { path: source.path, url: url ?? source.url, outlet: outlet ?? source.outlet };
  const draft = hasText ? readPlainText(text!, recordSource) : readHtml(html!, recordSource);
  return applyArticleFields(draft, {
    title,
    subtitle,
    url,
    outlet,
    byline,
    dateClaims: day === null ? [] : [{ date: day, basis: 'metadata', strength: CLAIM_STRENGTH.structuredMetadata, why: "the record's date field" }],
  });
}

function optionalString(record: Record<string, unknown>, key: string): string | null {
  const v = record[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new RecordError(`"${key}" is not a string`);
  return v;
}

/** `author` / `byline`: "Jane Doe", ["Jane Doe", "John Roe"], or [{ "name": "Jane Doe" }]. */
function authors(record: Record<string, unknown>, key: string): Byline[] {
  const v = record[key];
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? (v as unknown[]) : [v];
  const names = items.map((item) => {
    if (typeof item === 'string') return item;
    if (isObject(item) && typeof item['name'] === 'string') return item['name'];
    throw new RecordError(`"${key}" is neither a name, a list of names nor a list of { "name": … } objects`);
  });
  return bylinesFromNames(names);
}
