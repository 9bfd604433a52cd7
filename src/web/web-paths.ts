// Where each page of the web face lives. The API owns the bare resource paths (/articles, /search…,
// JSON); the pages live under /web (HTML), and the home page at /. Every link a page writes is made
// here, with each path segment and query value encoded, so that a stored id or name cannot break out
// of its URL.

/** The prefix of every page but the home page, and of the page's own assets. */
export const WEB_PREFIX = '/web';

/** A query string of the given parameters, absent and empty ones left out ("" when none is left). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const seg = encodeURIComponent;

/** The URLs of the pages, one function each. */
export const paths = {
  home: () => '/',
  article: (recordId: string, anchor?: string) => `${WEB_PREFIX}/articles/${seg(recordId)}${anchor === undefined ? '' : `#${anchor}`}`,
  entities: (params: { type?: string; cursor?: string } = {}) => `${WEB_PREFIX}/entities${queryString(params)}`,
  entity: (identityId: string) => `${WEB_PREFIX}/entities/${seg(identityId)}`,
  quotes: (params: { speaker?: string; since?: string; until?: string; cursor?: string } = {}) => `${WEB_PREFIX}/quotes${queryString(params)}`,
  figures: (params: { counts?: string; claimant?: string; since?: string; until?: string; cursor?: string } = {}) => `${WEB_PREFIX}/figures${queryString(params)}`,
  seriesList: () => `${WEB_PREFIX}/series`,
  series: (seriesId: string) => `${WEB_PREFIX}/series/${seg(seriesId)}`,
  conflicts: () => `${WEB_PREFIX}/conflicts`,
  search: (params: { q?: string; cursor?: string } = {}) => `${WEB_PREFIX}/search${queryString(params)}`,
  stories: () => `${WEB_PREFIX}/stories`,
  story: (storyId: string, params: { cursor?: string } = {}) => `${WEB_PREFIX}/stories/${seg(storyId)}${queryString(params)}`,
  asset: (name: string) => `${WEB_PREFIX}/assets/${seg(name)}`,
};

/** The id of the anchor of a figure in an article page (a series chart's point links to it). */
export function figureAnchor(start: number): string {
  return `figure-${start}`;
}

/** The id of the anchor of a quote in an article page. */
export function quoteAnchor(start: number): string {
  return `quote-${start}`;
}
