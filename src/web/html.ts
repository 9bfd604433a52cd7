// Safe HTML by construction: pages are written with the `html` tagged template, which escapes every
// interpolated value unless it is already SafeHtml (the output of another `html`). Stored text is
// hostile until proven otherwise (titles, quotes, names come from scraped pages), so nothing reaches
// a page unescaped except markup this folder wrote. Attribute values are escaped the same way; an
// interpolation must sit inside quotes (`href="${url}"`), never bare.

/** Markup that is safe to emit as is: only `html`, `joinHtml` and `trustedHtml` make it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What `html` accepts between its strings: text (escaped), numbers, markup, lists of these; null, undefined and false print nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with & < > " ' escaped: safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value as string | number | true));
}

/** Markup from a template: every interpolated value is escaped unless it is SafeHtml; arrays are concatenated. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  return new SafeHtml(out);
}

/** The items' markup, joined by `separator` (text, escaped). */
export function joinHtml(items: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(items.map(render).join(escapeHtml(separator)));
}

/**
 * Markup written by this folder as a string constant (an SVG icon, an entity such as &nbsp;).
 * Never give it a value computed from stored data.
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** `url` when it is an http(s) address that may be linked to, else null: a stored `javascript:` URL must never become a link. */
export function safeExternalUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
