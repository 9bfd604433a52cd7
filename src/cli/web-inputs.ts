// URLs as inputs of `ingest` and `watch`: fetched safely (../read/fetch/safe-fetch.ts), then
// analysed by the same path as files (analyzeText), so that a page and a file with the same text
// give the same record. Fetching is async and the analysis path is not: pages are fetched first,
// a few at a time, and analysed as the results are consumed.
import { analyzeInput, analyzeSources, errorLine, type AnalyzeOptions, type InputResult } from '../analyze/analyze-sources.ts';
import { buildPipeline, type Pipeline } from '../analyze/pipeline.ts';
import { decodeFetched } from '../read/fetch/fetched-input.ts';
import { fetchPage, isWebUrl, type FetchedPage, type FetchPolicy } from '../read/fetch/safe-fetch.ts';
import { InputError } from '../read/input-error.ts';
import type { InputRef } from '../read/source.ts';

/** One URL's fetch: the page, or the one-line error that refused it. `name` is the URL as given. */
export type Fetched = { name: string; page: FetchedPage; error?: undefined } | { name: string; page?: undefined; error: InputError };

/** Pages fetched at once by fetchEach: enough to hide latency, few enough to be polite to one host. */
const CONCURRENT_FETCHES = 4;

/** Fetches one URL, turning its failure into the error result. */
export async function fetchOne(url: string, policy: FetchPolicy): Promise<Fetched> {
  try {
    return { name: url, page: await fetchPage(url, policy) };
  } catch (error) {
    return { name: url, error: error instanceof InputError ? error : new InputError(url, errorLine(error)) };
  }
}

/** Fetches every URL, a few at a time; the results come back in the order of `urls`. */
export async function fetchEach(urls: readonly string[], policy: FetchPolicy): Promise<Fetched[]> {
  const results: Fetched[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      results[i] = await fetchOne(urls[i]!, policy);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FETCHES, urls.length) }, worker));
  return results;
}

/**
 * The analysis results of one fetched URL, as analyzeSources gives them for a file: its documents,
 * or its error, then one error per bad record inside it (a feed item, a JSON record).
 */
export function* fetchedResults(fetched: Fetched, options: AnalyzeOptions, pipeline: Pipeline): Generator<InputResult> {
  const ref: InputRef = { name: fetched.name, path: null, url: fetched.page?.url };
  if (fetched.error) {
    yield { ref, error: fetched.error };
    return;
  }
  const page = fetched.page;
  yield* analyzeInput(ref, options, pipeline, () => decodeFetched(fetched.name, page));
}

/**
 * The results of a command line's inputs in their order: file paths (and `-`) analysed as
 * analyzeSources does, URLs from `fetched` (their fetches, in the order the URLs appear).
 */
export function* commandLineResults(args: readonly string[], fetched: readonly Fetched[], options: AnalyzeOptions): Generator<InputResult> {
  if (fetched.length === 0) {
    yield* analyzeSources(args, options);
    return;
  }
  const pipeline = buildPipeline();
  let paths: string[] = [];
  let next = 0;
  for (const arg of args) {
    if (!isWebUrl(arg)) {
      paths.push(arg);
      continue;
    }
    // Only a non-empty run of paths: analyzeSources reads stdin when given none.
    if (paths.length > 0) yield* analyzeSources(paths, options);
    paths = [];
    yield* fetchedResults(fetched[next++]!, options, pipeline);
  }
  if (paths.length > 0) yield* analyzeSources(paths, options);
}
