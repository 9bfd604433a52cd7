// Query parameters several routes share, their schemas, and turning them into store options the way
// the CLI does (days checked to be real, names looked up as `dossier entity` looks them up).
import { parseDateOption } from '../model/request-values.ts';
import { findWho, type WhoFilter } from '../store/lookups.ts';
import { BadCursorError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type DayBounds, type Page, type Store } from '../store/store.ts';
import { ApiError } from './api-errors.ts';
import { nullable, object, string, type JsonSchema } from './schema-helpers.ts';

/** `cursor` and `limit`: every listing is paged by cursor. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

/** The querystring properties of a paged listing. */
export const PAGE_QUERY: Record<string, JsonSchema> = {
  cursor: { type: 'string', minLength: 1, description: 'the `nextCursor` of the previous page; absent: the first page' },
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, description: `page size (default ${DEFAULT_PAGE_SIZE})` },
};

/** A querystring schema of these properties, none required unless named. */
export function querySchema(properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The querystring properties of a listing between two days. */
export const DAY_QUERY: Record<string, JsonSchema> = {
  since: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'from this day (YYYY-MM-DD), inclusive' },
  until: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'to this day (YYYY-MM-DD), inclusive' },
};

/** `since`/`until`, checked to be real days (2025-02-30 is not); throws UsageError, a 400. */
export function dayBounds(query: DayBounds): { since?: string; until?: string } {
  return { since: parseDateOption(query.since, 'since') ?? undefined, until: parseDateOption(query.until, 'until') ?? undefined };
}

/**
 * The person filter `name` makes (a speaker, a claimant), or null without one. A blank name is a
 * 400; a name several identities bear is a 409 listing them.
 */
export async function whoParam(store: Store, name: string | undefined, param: string): Promise<WhoFilter | null> {
  if (name === undefined) return null;
  const trimmed = name.trim();
  if (trimmed === '') throw new ApiError(400, `${param} needs a name or an entity id`);
  const lookup = await findWho(store, trimmed);
  if (lookup.status === 'ambiguous') {
    throw new ApiError(409, `${JSON.stringify(trimmed)} names ${lookup.candidates.length} entities; give one's id or full name`, lookup.candidates);
  }
  return lookup.who;
}

/** The schema of an echoed person filter: the name asked for and the identity it named (null: none, the name matched as written). */
export const WHO_ECHO: JsonSchema = nullable(object({ name: string, identity: nullable(object({ id: string, name: string })) }));

/** How a filter is echoed in a listing: the name asked for and the identity it named, or null. */
export function whoEcho(who: WhoFilter | null): { name: string; identity: WhoFilter['identity'] } | null {
  return who === null ? null : { name: who.name, identity: who.identity };
}

/** The cursor of the page of the offset listing `listing` that starts at `offset`. */
export function offsetCursor(listing: string, offset: number): string {
  return Buffer.from(`${listing}:${offset}`, 'utf8').toString('base64url');
}

/** Where the page `cursor` names starts in the offset listing `listing`: 0 without a cursor. Throws BadCursorError for a cursor of another listing. */
export function cursorOffset(listing: string, cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const m = /^([^:]+):(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || m[1] !== listing) throw new BadCursorError(cursor);
  return Number(m[2]);
}

/**
 * One page of a list computed whole (the figure ledger), by an offset cursor. `listing` names the
 * list, so that a cursor of one listing is refused by another. Offsets move when the list changes
 * between two requests; the ledger is rebuilt from the store and is only appended to.
 */
export function offsetPage<T>(items: readonly T[], listing: string, query: PageQuery): Page<T> {
  const offset = cursorOffset(listing, query.cursor);
  const end = offset + (query.limit ?? DEFAULT_PAGE_SIZE);
  return { items: items.slice(offset, end), nextCursor: end < items.length ? offsetCursor(listing, end) : null };
}
