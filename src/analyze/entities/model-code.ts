// Product model codes ("A380", "A330-200", "787-9", "F-35"): a name followed by one names a
// product ("Airbus A380"), which is none of the entity types, so neither it nor the maker's name
// inside it is a mention.

const MODEL_CODE = /^(?:[A-Z]{1,3}-?\d{2,4}[A-Z\d-]*|\d{3}(?:-\d{1,3})?[A-Z]?)$/;

/** True for a word that is a product's model code. */
export function isModelCode(word: string): boolean {
  return MODEL_CODE.test(word);
}
