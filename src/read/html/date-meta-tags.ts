// Which <meta> names, properties and itemprops state a publication day, and how firmly.
// Sources: Open Graph article properties, schema.org itemprops, Dublin Core, Highwire/Google
// Scholar citation tags, and the CMS- and analytics-specific names htmldate lists
// (sailthru, parsely, cXense). Names are compared in lower case.

/** What a meta tag's date means: the publication day, a generic page date, or a later update. */
export type MetaDateRole = 'published' | 'generic' | 'modified';

const PUBLISHED = [
  'article:published_time', 'article:published', 'og:published_time', 'og:article:published_time',
  'article.published', 'article_published_time', 'published_time', 'published-date', 'published_date',
  'publishdate', 'publish_date', 'publish-date', 'pubdate', 'pub_date', 'pubdate_dt', 'datepublished',
  'date_published', 'date-published', 'datecreated', 'date_created', 'date-created', 'created',
  'creation_date', 'dc.date.created', 'dc.date.issued', 'dc.created', 'dc.issued', 'dcterms.created',
  'dcterms.issued', 'dcterms.available', 'citation_publication_date', 'citation_date', 'citation_online_date',
  'prism.publicationdate', 'parsely-pub-date', 'sailthru.date', 'originalpublicationdate',
  'original-publish-date', 'article_date_original', 'article.created', 'content_create_date',
  'cxenseparse:recs:publishtime', 'rnews:datepublished', 'bt:pubdate', 'release_date', 'displaydate',
  'date.available', 'og:pubdate', 'article:post_date', 'vr:published_time', 'analyticsattributes.articledate',
  'live_date', 'firstpublishedtime', 'publication_date', 'publication-date', 'og:release_date',
];

const GENERIC = ['date', 'dc.date', 'dcterms.date', 'dc:date', 'citation_journal_date', 'datetime', 'timestamp', 'time', 'og:date', 'shareaholic:article_published_time'];

const MODIFIED = [
  'article:modified_time', 'article:modified', 'og:updated_time', 'og:modified_time', 'article:updated_time',
  'modified_time', 'datemodified', 'date_modified', 'date-modified', 'dc.date.modified', 'dcterms.modified',
  'dc.modified', 'last-modified', 'lastmod', 'last_modified', 'lastmodified', 'revised', 'updated_time',
  'article.updated', 'sailthru.lastmodified', 'parsely-updated-date', 'modified', 'updated', 'dateupdated',
  'og:article:modified_time', 'citation_revision_date',
];

const ROLE = new Map<string, MetaDateRole>();
for (const n of PUBLISHED) ROLE.set(n, 'published');
for (const n of GENERIC) ROLE.set(n, 'generic');
for (const n of MODIFIED) ROLE.set(n, 'modified');

/** The role of a meta tag's name (`name`, `property`, `itemprop` or `http-equiv` value), or undefined when it carries no date. */
export function metaDateRole(name: string): MetaDateRole | undefined {
  return ROLE.get(name.toLowerCase());
}

/** Rank of a published-role name among its peers: lower is more specific (article:published_time before pubdate before created). */
export function publishedRank(name: string): number {
  const i = PUBLISHED.indexOf(name.toLowerCase());
  return i < 0 ? PUBLISHED.length : i;
}
