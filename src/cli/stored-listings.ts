// What the commands that list stored quotes and figures share: their common options, turning
// `--speaker`/`--claimant` NAME into a store filter, the message for an empty listing, and pieces
// of their text views.
import { findWho, type WhoFilter } from '../store/lookups.ts';
import type { IdentityName, Store } from '../store/store.ts';
import type { CliIO } from './cli-io.ts';
import { identityTable } from './commands/entities.ts';
import { parseFormatOption, parseLimitOption } from './options.ts';
import { parseDateOption } from '../model/request-values.ts';

export type { WhoFilter } from '../store/lookups.ts';

/** The parseArgs options every listing takes: `--since`, `--until`, `--db`, `--limit` (default 50), `--format` (default text). */
export const LISTING_OPTIONS = {
  since: { type: 'string' },
  until: { type: 'string' },
  db: { type: 'string' },
  limit: { type: 'string', default: '50' },
  format: { type: 'string', default: 'text' },
} as const;

/** The common options of a listing, checked: days as YYYY-MM-DD, a limit from 1, a format of text, json or jsonl. Throws UsageError. */
export function parseListingOptions(values: { since?: string | undefined; until?: string | undefined; limit: string; format: string }) {
  return {
    since: parseDateOption(values.since, '--since') ?? undefined,
    until: parseDateOption(values.until, '--until') ?? undefined,
    limit: parseLimitOption(values.limit),
    format: parseFormatOption(values.format, ['text', 'json', 'jsonl'] as const),
  };
}

/**
 * NAME as `dossier entity` looks it up (see findWho). Null when NAME names several identities:
 * the candidates are printed on stderr and the command should exit 1.
 */
export async function lookUpWho(store: Store, name: string, io: CliIO, command: string): Promise<WhoFilter | null> {
  const lookup = await findWho(store, name);
  if (lookup.status === 'ambiguous') {
    io.err(`dossier ${command}: ${JSON.stringify(name)} names ${lookup.candidates.length} entities; give one's id or full name:\n${identityTable(lookup.candidates)}`);
    return null;
  }
  return lookup.who;
}

/** The line printed when a listing is empty: `no figures stored counting "hostages" by "Ron Dermer" from 2025-01-01`. */
export function nothingStored(noun: string, asked: { counting?: string | undefined; by?: string | undefined; since?: string | undefined; until?: string | undefined }): string {
  const parts = [`no ${noun} stored`];
  if (asked.counting !== undefined) parts.push(`counting ${JSON.stringify(asked.counting)}`);
  if (asked.by !== undefined) parts.push(`by ${JSON.stringify(asked.by)}`);
  if (asked.since !== undefined) parts.push(`from ${asked.since}`);
  if (asked.until !== undefined) parts.push(`to ${asked.until}`);
  return `${parts.join(' ')}\n`;
}

/** The line after a listing cut short by --limit. */
export function moreLine(limit: string): string {
  return `… more: raise --limit (now ${limit})\n`;
}

/** Text put on one line: runs of white space (line breaks too) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A speaker or claimant for reading: the identity's name, with the words the article used when they differ ("Karoline Leavitt ("Leavitt")"). */
export function whoText(asWritten: string, identity: IdentityName | null): string {
  if (identity === null) return oneLine(asWritten);
  return identity.name === asWritten ? identity.name : `${identity.name} ("${oneLine(asWritten)}")`;
}
