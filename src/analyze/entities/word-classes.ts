// Classes of ordinary words that are never names on their own, shared by the finders and refiners
// of the entity stage: function words (data/non-entities.json) and calendar words (weekdays and
// English month names, from the readers' date data; holidays from data/non-entities.json).
import nonEntities from './data/non-entities.json' with { type: 'json' };
import weekdayData from '../../read/dates/english-weekdays.json' with { type: 'json' };
import monthData from '../../read/dates/date-month-names.json' with { type: 'json' };

const FUNCTION_WORDS = new Set(nonEntities.functionWords);
const CALENDAR = new Set([...Object.keys(weekdayData.weekdays), ...monthData.months.en.flat(), ...nonEntities.holidays]);

/** True for a lower-case function word ("the", "during", "however"). */
export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower);
}

/** True for a lower-case weekday or month name, their abbreviations, or a holiday ("wednesday", "oct", "christmas"). */
export function isCalendarWord(lower: string): boolean {
  return CALENDAR.has(lower);
}
