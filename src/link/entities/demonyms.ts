// Demonyms: which NORP name ("Israeli", "Israelis") belongs to which GPE ("Israel"), both ways,
// by normalised name (see name-keys.ts). The table is data (demonyms.json); this file only indexes it.
import table from './demonyms.json' with { type: 'json' };
import { normalizeName } from './name-keys.ts';

const PLACES_OF = new Map<string, string[]>();
const PEOPLE_OF = new Map<string, string[]>();
for (const { places, people } of table.countries) {
  const placeKeys = places.map(normalizeName);
  const peopleKeys = people.map(normalizeName);
  for (const p of peopleKeys) PLACES_OF.set(p, [...(PLACES_OF.get(p) ?? []), ...placeKeys]);
  for (const p of placeKeys) PEOPLE_OF.set(p, [...(PEOPLE_OF.get(p) ?? []), ...peopleKeys]);
}

/** The normalised names of the countries a normalised NORP name is the demonym of ("israeli" -> ["israel", "state of israel"]); [] when none. */
export function placesOfDemonym(normalisedNorp: string): readonly string[] {
  return PLACES_OF.get(normalisedNorp) ?? [];
}

/** The normalised demonyms of a normalised GPE name ("israel" -> ["israeli", "israelis"]); [] when none. */
export function demonymsOfPlace(normalisedGpe: string): readonly string[] {
  return PEOPLE_OF.get(normalisedGpe) ?? [];
}
