// The frame of every page: the document head (the stylesheet and icon are the project's own files,
// served under /web/assets), a skip link, the site navigation, one <main> with the page's heading,
// and a footer. Pages give their title and body; the navigation marks the section they belong to.
import { html, joinHtml, type HtmlValue, type SafeHtml } from './html.ts';
import { paths } from './web-paths.ts';

/** The sections of the navigation. */
export type Section = 'home' | 'stories' | 'search' | 'entities' | 'quotes' | 'figures' | 'none';

/** What the frame needs besides the body. */
export interface PageFrame {
  /** The page's title, also its <h1>. */
  title: string;
  section: Section;
  /** Show the stories link: only once the store serves stories (a /stories route answers). */
  stories: boolean;
  /** Shown under the heading, for context ("Harbor Wire, 2025-03-05"). */
  lede?: HtmlValue;
}

const SECTIONS: { section: Exclude<Section, 'none'>; label: string; href: string }[] = [
  { section: 'home', label: 'Home', href: paths.home() },
  { section: 'stories', label: 'Stories', href: paths.stories() },
  { section: 'search', label: 'Search', href: paths.search() },
  { section: 'entities', label: 'People & organisations', href: paths.entities() },
  { section: 'quotes', label: 'Quotes', href: paths.quotes() },
  { section: 'figures', label: 'Figures', href: paths.figures() },
];

/** A whole HTML document: `frame` around `body`. */
export function page(frame: PageFrame, body: HtmlValue): SafeHtml {
  const links = SECTIONS.filter((s) => s.section !== 'stories' || frame.stories).map(
    (s) => html`<li><a href="${s.href}"${s.section === frame.section ? html` aria-current="page"` : ''}>${s.label}</a></li>`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · Dossier</title>
<link rel="stylesheet" href="${paths.asset('dossier.css')}">
<link rel="icon" href="${paths.asset('icon.svg')}" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="${paths.home()}">Dossier</a>
<nav aria-label="Site"><ul>${joinHtml(links)}</ul></nav>
<form class="quick-search" role="search" action="${paths.search()}" method="get">
<label for="quick-q" class="visually-hidden">Search articles</label>
<input id="quick-q" name="q" type="search" placeholder="Search articles" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main id="main" tabindex="-1">
<h1>${frame.title}</h1>
${frame.lede === undefined ? '' : html`<p class="lede">${frame.lede}</p>`}
${body}
</main>
<footer class="site"><p>Dossier: a sourced record of the news it has read. Every highlight links to what the store holds; <a href="/docs">the API</a> serves the same record as JSON.</p></footer>
</body>
</html>
`;
}

/** A <time> element for a day (YYYY-MM-DD, YYYY-MM or YYYY), the value as text for another TIMEX value, or "undated". */
export function dayHtml(day: string | null): SafeHtml {
  if (day === null) return html`<span class="undated">undated</span>`;
  return /^\d{4}(?:-\d{2}){0,2}$/.test(day) ? html`<time datetime="${day}">${day}</time>` : html`<span>${day}</span>`;
}

/** A link to the next page of a listing, or nothing when there is none. */
export function nextPageLink(href: string | null, label = 'Next page'): SafeHtml {
  return href === null ? html`` : html`<p class="pager"><a href="${href}" rel="next">${label} →</a></p>`;
}

/** A message box: `role="status"` for notices, `role="alert"` is left to errors the reader must act on. */
export function notice(message: HtmlValue, kind: 'info' | 'error' = 'info'): SafeHtml {
  return html`<p class="notice notice-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</p>`;
}
