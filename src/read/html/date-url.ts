// Days written in a page's URL: "/2019/03/05/", "/2019/3/5/", "/20190305/", "-2019-03-05-",
// "_2019_03_05". A year and month alone ("/2019/03/slug") is not a day.
import { dayOfParts } from '../dates/date-patterns.ts';

/** A day read from a URL, with the part of the URL that says it. */
export interface UrlDate {
  date: string;
  text: string;
}

// Year, month and day as separate path segments or joined by - _ . ; the compact form only as a
// whole segment or between separators, so that an article id "1201903051234" is not read as a day.
const SEPARATED = /(?:^|[/_\-.])((?:19|20)\d{2})([/_\-.])(\d{1,2})\2(\d{1,2})(?=$|[/_\-.?#,])/;
const COMPACT = /(?:^|[/_\-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_\-.?#])/;

/** The day a URL's path names, or null; the host is ignored. */
export function urlDate(url: string): UrlDate | null {
  const start = url.indexOf('//');
  const pathStart = start < 0 ? 0 : url.indexOf('/', start + 2);
  if (pathStart < 0) return null;
  const path = url.slice(pathStart);
  const sep = SEPARATED.exec(path);
  if (sep) {
    const date = dayOfParts(Number(sep[1]), Number(sep[3]), Number(sep[4]));
    if (date) return { date, text: sep[0].replace(/^[/_\-.]/, '') };
  }
  const compact = COMPACT.exec(path);
  if (compact) {
    const date = dayOfParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    if (date) return { date, text: compact[0].replace(/^[/_\-]/, '') };
  }
  return null;
}
