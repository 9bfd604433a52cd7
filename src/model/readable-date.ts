// TIMEX values as a person reads them in a timeline. A value the times layer could not anchor (an
// undated article's "Thursday" is XXXX-WXX-4, its "last November" XXXX-11) is still worth
// showing, but "XXXX-WXX-4" means nothing to a reader: it becomes "a Thursday, date unknown".
// Calendar values (2025, 2025-03, 2025-03-05) stay as they are: they sort and read alike.

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const REFERENCES: Record<string, string> = { PRESENT_REF: 'now', PAST_REF: 'in the past', FUTURE_REF: 'in the future' };
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const DAY_PARTS: Record<string, string> = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };

/** A TIMEX value (DATE or TIME) as words when it is not a plain calendar date; "undated" for null. */
export function readableDate(value: string | null): string {
  if (value === null) return 'undated';
  if (REFERENCES[value]) return REFERENCES[value]!;
  const timeOfDay = /^(.*?)T(MO|MI|AF|EV|NI|DT)$/.exec(value);
  if (timeOfDay) return `${readableDate(timeOfDay[1]!)}, ${DAY_PARTS[timeOfDay[2]!]}`;
  if (/^\d{4}(?:-\d\d(?:-\d\d)?)?(?:T[\d:]+)?$/.test(value)) return value;
  const weekday = /^(\d{4}|XXXX)-W(\d\d|XX)-([1-7])$/.exec(value);
  if (weekday) {
    const name = WEEKDAYS[Number(weekday[3]) - 1]!;
    if (weekday[1] === 'XXXX' || weekday[2] === 'XX') return `a ${name}, date unknown`;
    return `${name} of week ${Number(weekday[2])}, ${weekday[1]}`;
  }
  const week = /^(\d{4})-W(\d\d)$/.exec(value);
  if (week) return `week ${Number(week[2])} of ${week[1]}`;
  const quarter = /^(\d{4}|XXXX)-Q([1-4])$/.exec(value);
  if (quarter) return quarter[1] === 'XXXX' ? `quarter ${quarter[2]}, year unknown` : `quarter ${quarter[2]} of ${quarter[1]}`;
  const season = /^(\d{4}|XXXX)-(SP|SU|FA|WI)$/.exec(value);
  if (season) return season[1] === 'XXXX' ? `${SEASONS[season[2]!]}, year unknown` : `${SEASONS[season[2]!]} ${season[1]}`;
  const noYear = /^XXXX-(\d\d)(?:-(\d\d))?$/.exec(value);
  if (noYear && Number(noYear[1]) >= 1 && Number(noYear[1]) <= 12) {
    const month = MONTHS[Number(noYear[1]) - 1]!;
    return noYear[2] === undefined ? `${month}, year unknown` : `${Number(noYear[2])} ${month}, year unknown`;
  }
  const decade = /^(\d{3})X$/.exec(value);
  if (decade) return `the ${decade[1]}0s`;
  // Anything else (a century "19", a value this list does not know) reads as the value itself.
  return value;
}
