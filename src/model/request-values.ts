// Values a person gives Dossier by name (a command's option, an API query parameter), checked the
// same way wherever they come from. The CLI prints a UsageError with its usage hint (exit 2), the
// API answers it with a 400, and the web page shows it as a page of its own.
import { isRealDay } from '../read/published-date.ts';

/** A value given by name that Dossier cannot take; its message names the value and what was expected. */
export class UsageError extends Error {}

/** A day given by name (`option`: "--date", "since"…), checked to be a real day as YYYY-MM-DD; null when none is given. */
export function parseDateOption(value: string | undefined, option = '--date'): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDay(value)) throw new UsageError(`${option} must be a day as YYYY-MM-DD, not ${value}`);
  return value;
}
