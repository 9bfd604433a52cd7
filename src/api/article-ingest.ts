// POST /articles: a request body (or the page at a URL) analysed and stored exactly as `dossier
// ingest` analyses and stores a file: the same decoding and readers (src/read), the same pipeline
// run (analyzeText) and the same write path and failure policy (src/store/ingest-batches.ts).
// Only where the bytes come from differs: the body instead of a file, so the Content-Type, not a
// file extension, says what kind of input it is.
import { analyzeText, type AnalyzeOptions } from '../analyze/analyze-sources.ts';
import type { Pipeline } from '../analyze/pipeline.ts';
import { decodeBytes } from '../read/decode.ts';
import { InputError } from '../read/input-error.ts';
import { decodeFetched } from '../read/fetch/fetched-input.ts';
import type { DecodedInput, InputKind } from '../read/source.ts';
import { ingestResults } from '../store/ingest-batches.ts';
import type { PutResult, Store } from '../store/store.ts';
import { ApiError } from './api-errors.ts';

/** A fetched page as URL ingestion needs it: the URL it came from after redirects, its body and Content-Type. */
export interface FetchedPage {
  url: string;
  body: Uint8Array | string;
  contentType: string | null;
}

/** Fetches a page for URL ingestion (the safe fetcher, src/read/fetch); throws InputError for a page it cannot or may not fetch. */
export type FetchPage = (url: string) => Promise<FetchedPage>;

/** What storing a body did: each stored article in order, and the one-line problems (bad records of a JSON array, records the store refused). */
export interface IngestReport {
  articles: PutResult[];
  problems: string[];
}

/** How the input of a request body is named in messages ("request body: empty input"). */
export const BODY_NAME = 'request body';

/** The input kind a request Content-Type stands for, or null for one we do not read. */
export function kindOfContentType(contentType: string | null): Extract<InputKind, 'text' | 'html' | 'json'> | null {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'text/plain') return 'text';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/json') return 'json';
  return null;
}

/**
 * Decodes a body's bytes as the readers decode a file (byte-order marks, UTF-8, a charset the
 * markup declares); throws InputError for binary, empty or undecodable input. A Content-Type
 * charset other than UTF-8 is refused rather than half-honoured: send UTF-8.
 */
export function decodeBody(name: string, bytes: Uint8Array, contentType: string | null, kind: InputKind): string {
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    throw new ApiError(415, `charset ${charset} is not read; send UTF-8`);
  }
  return decodeBytes(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), kind === 'html');
}

/** Analyses `input` and stores its articles; throws InputError when it holds no article that could be stored. */
export async function ingestInput(store: Store, pipeline: Pipeline, input: DecodedInput, options: AnalyzeOptions): Promise<IngestReport> {
  const problems: InputError[] = [];
  const docs = analyzeText(input, options, pipeline, () => input, problems);
  const report: IngestReport = { articles: [], problems: [] };
  // One input: its documents, then one error result per bad record, as analyzeSources yields them.
  const results = [{ ref: input, docs }, ...problems.map((error) => ({ ref: input, error }))];
  await ingestResults(results, store, {
    onError: (message) => report.problems.push(message),
    onStored: (_input, _record, result) => report.articles.push(result),
  });
  if (report.articles.length === 0) throw new InputError(input.name, `nothing stored: ${report.problems.join('; ')}`);
  return report;
}

/** The fields of a JSON article, as `dossier analyze` reads a JSON object (see src/read/json/json-reader.ts). */
export interface JsonArticle {
  text?: string;
  html?: string;
  url?: string;
  [field: string]: unknown;
}

/**
 * The input of a JSON body that gives only a `url`: the page fetched, as a JSON record that keeps
 * the body's other fields (title, date, outlet…) and takes the URL the page came from, so the
 * JSON reader lays those fields over what the HTML or text reader found in the page.
 */
export async function fetchedInput(fetchPage: FetchPage, article: JsonArticle & { url: string }): Promise<DecodedInput> {
  const page = await fetchPage(article.url);
  const body = typeof page.body === 'string' ? new TextEncoder().encode(page.body) : page.body;
  // Decoded and typed as `dossier ingest URL` decodes a page (its header's charset, its media type).
  const { kind, text } = decodeFetched(page.url, { url: page.url, contentType: page.contentType, body });
  if (kind !== 'html' && kind !== 'text') {
    throw new InputError(page.url, `is ${page.contentType ?? `${kind} data`}, not an article page (HTML or plain text)`);
  }
  const record = { ...article, url: page.url, [kind]: text };
  return { name: page.url, path: null, kind: 'json', text: JSON.stringify(record) };
}
