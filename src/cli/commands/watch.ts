// `dossier watch FEED… [--interval 15m] [--db PATH] [--once] [--allow-private] [--max-bytes N]`:
// follows RSS/Atom feeds. Each round fetches every feed with a conditional GET (validators kept in
// the watch state beside the database, ../../read/fetch/watch-state.ts), fetches the page of each
// item not handled before, and stores it as `ingest` stores a URL. Rounds repeat every interval
// until SIGINT or SIGTERM (or once, with --once).
//
// Policy: a feed or an item that fails is reported and the others go on; stderr gets one line per
// bad item and one line per feed per round. Each item's articles are stored in their own
// transaction, so stopping mid-round loses nothing stored; items not reached are taken up the next
// round (their feed's validators are only kept once every item of it was handled).
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorLine, type AnalyzeOptions } from '../../analyze/analyze-sources.ts';
import { buildPipeline, type Pipeline } from '../../analyze/pipeline.ts';
import { readFeedLinks } from '../../read/feed/feed-reader.ts';
import { decodeFetched } from '../../read/fetch/fetched-input.ts';
import { fetchPage, isWebUrl, type FetchPolicy } from '../../read/fetch/safe-fetch.ts';
import { MAX_ITEM_ATTEMPTS, WatchState, watchStatePath } from '../../read/fetch/watch-state.ts';
import { InputError } from '../../read/input-error.ts';
import { ingestResults } from '../../store/ingest-batches.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/store.ts';
import { UsageError, type Command } from '../cli-io.ts';
import { parseSizeOption } from '../options.ts';
import { fetchedResults, fetchOne } from '../web-inputs.ts';
import { absoluteWebUrl } from '../../read/html/html-reader.ts';

/** What a watch run works with. `report` takes one line (no newline) for stderr. */
export interface WatchContext {
  store: Store;
  state: WatchState;
  policy: FetchPolicy;
  analyze: AnalyzeOptions;
  report(line: string): void;
}

/** How rounds repeat: every `intervalMs` until `signal` aborts, or one round when `once`. */
export interface WatchSchedule {
  intervalMs: number;
  once: boolean;
  signal: AbortSignal;
}

/** `dossier watch`: the command line above; exit status 1 only for --once with a failure, 0 when stopped by a signal. */
export const watchCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      interval: { type: 'string', default: '15m' },
      once: { type: 'boolean', default: false },
      'allow-private': { type: 'boolean', default: false },
      'max-bytes': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('give at least one feed URL');
  const notWeb = positionals.find((feed) => !isWebUrl(feed));
  if (notWeb !== undefined) throw new UsageError(`a feed must be an http or https URL, not ${notWeb}`);
  const intervalMs = parseInterval(values.interval);
  const maxBytes = parseSizeOption(values['max-bytes']);

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const { store, location } = await openStore(values.db);
  let state: WatchState | null = null;
  try {
    state = new WatchState(watchStatePath(location));
    const context: WatchContext = {
      store,
      state,
      policy: { allowPrivate: values['allow-private'], maxBytes, signal: controller.signal },
      analyze: { maxBytes },
      report: (line) => io.err(`dossier watch: ${line}\n`),
    };
    const failures = await watchFeeds(positionals, context, { intervalMs, once: values.once, signal: controller.signal });
    return values.once && failures > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    state?.close();
    await store.close();
  }
};

/** Runs rounds over the feeds as scheduled; returns how many feeds and items failed in the last round. */
export async function watchFeeds(feeds: readonly string[], context: WatchContext, schedule: WatchSchedule): Promise<number> {
  const pipeline = buildPipeline();
  let failures = 0;
  for (;;) {
    failures = 0;
    for (const feed of feeds) {
      if (schedule.signal.aborted) break;
      try {
        const round = await watchFeed(feed, context, pipeline, schedule.signal);
        failures += round.failures;
        context.report(round.line);
      } catch (error) {
        failures++;
        context.report(error instanceof InputError ? error.message : `${feed}: ${errorLine(error)}`);
      }
    }
    if (schedule.once || schedule.signal.aborted) return failures;
    try {
      await sleep(schedule.intervalMs, undefined, { signal: schedule.signal });
    } catch {
      return failures; // stopped while waiting
    }
  }
}

/** One round of one feed: its line for stderr and how many of its items failed. Throws InputError when the feed itself fails. */
async function watchFeed(feed: string, context: WatchContext, pipeline: Pipeline, signal: AbortSignal): Promise<{ line: string; failures: number }> {
  const { state, store } = context;
  const page = await fetchPage(feed, context.policy, state.validators(feed));
  if (page.notModified) return { line: `${feed}: not modified`, failures: 0 };
  const input = decodeFetched(feed, page);
  if (input.kind !== 'feed') throw new InputError(feed, `not an RSS or Atom feed (read as ${input.kind})`);
  const { links, unlinked } = readFeedLinks(input);

  let fresh = 0;
  let stored = 0;
  let failures = 0;
  let cut = false;
  for (const link of absoluteLinks(links, page.url)) {
    const seen = state.item(feed, link);
    if (seen && (seen.done || seen.attempts >= MAX_ITEM_ATTEMPTS)) continue;
    if (await store.getByUrl(link)) {
      state.markDone(feed, link);
      continue;
    }
    if (signal.aborted) {
      cut = true;
      break;
    }
    fresh++;
    const outcome = await ingestItem(link, context, pipeline);
    if (outcome.error === null) {
      state.markDone(feed, link);
      stored += outcome.stored;
      continue;
    }
    if (signal.aborted) {
      // Stopped mid-fetch: not the item's fault, so no try is counted.
      cut = true;
      break;
    }
    failures++;
    const attempts = state.markFailed(feed, link, outcome.error);
    context.report(attempts >= MAX_ITEM_ATTEMPTS ? `${outcome.error} (giving up after ${attempts} tries)` : outcome.error);
  }
  // Validators kept from a round cut short would let a 304 hide the items it did not reach.
  if (!cut) state.saveValidators(feed, { etag: page.etag, lastModified: page.lastModified });

  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const items = `${count(links.length + unlinked, 'item')} in the feed${unlinked > 0 ? `, ${unlinked} without a link` : ''}`;
  const done = fresh === 0 ? 'no new items' : `${count(fresh, 'new item')}, ${count(stored, 'article')} stored${failures > 0 ? `, ${failures} failed` : ''}`;
  return { line: `${feed}: ${done}${cut ? ', stopped' : ''} (${items})`, failures };
}

/** Fetches one item's page and stores its articles: how many were new (or new versions), or the first error line. */
async function ingestItem(link: string, context: WatchContext, pipeline: Pipeline): Promise<{ stored: number; error: string | null }> {
  const errors: string[] = [];
  const fetched = await fetchOne(link, context.policy);
  const tally = await ingestResults(fetchedResults(fetched, context.analyze, pipeline), context.store, { onError: (message) => errors.push(message) });
  // A page with some articles stored is done; its bad records are reported, not retried.
  for (const message of tally.articles > 0 ? errors : []) context.report(message);
  if (tally.articles === 0) return { stored: 0, error: errors[0] ?? `${link}: no article stored` };
  return { stored: tally.new + tally.newVersions, error: null };
}

/** The feed's links made absolute against the feed's URL, web links only, each once. */
function absoluteLinks(links: readonly string[], base: string): string[] {
  return [...new Set(links.map((link) => absoluteWebUrl(link, base)).filter((url): url is string => url !== null))];
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `--interval`: a duration such as 15m, 30s, 1h or 500ms (a bare number is seconds). */
export function parseInterval(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
  const ms = m ? Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]! : NaN;
  if (!(ms > 0)) throw new UsageError(`--interval must be a duration such as 15m, 30s or 1h, not ${value}`);
  return ms;
}
