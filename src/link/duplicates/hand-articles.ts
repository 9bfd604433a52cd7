// Hand-written articles for the duplicate tests: one wire story (invented), its edited copies, and
// a different report of the same event that shares a quote and a wire sentence with it (the hard
// negative). Paragraphs are separated by blank lines; the first line is the headline.

/** The wire story's headline. */
export const HEADLINE = 'Ferry strike halts crossings to Marrow Island';

/** The wire story's body paragraphs. */
export const PARAGRAPHS: readonly string[] = [
  'PORT ALDER — Ferries between Port Alder and Marrow Island stopped running on Tuesday after crews walked out over a pay offer, leaving about 3,000 commuters without their usual way to work.',
  'The Coastal Ferry Union said 240 deck hands and engineers joined the strike, which is set to last 48 hours unless the operator returns to talks.',
  '"We have been patient for eleven months, and patience has run out," union secretary Lena Haviland told reporters at the terminal gates.',
  'Harbour Lines, which runs the six-boat fleet, said it had offered a raise of 4 percent over two years and called the walkout premature.',
  'Island shops reported empty aisles by noon, and the regional council opened its school gymnasium for stranded travellers.',
  'A water taxi service added extra trips through the afternoon, charging 18 dollars a seat, three times the usual ferry fare.',
  'The last strike on the route, in 2019, lasted nine days and ended with a mediated deal.',
  'Talks are scheduled to resume on Thursday at the offices of the labour commissioner, a spokesman for the operator said.',
];

/** A text from a headline and paragraphs, the way the reader lays them out. */
export function article(headline: string, paragraphs: readonly string[]): string {
  return [headline, ...paragraphs].join('\n\n');
}

/** The wire story. */
export const WIRE = article(HEADLINE, PARAGRAPHS);

/** A different report of the same strike: its own wording, one shared quote and one shared wire sentence. */
export const OTHER_REPORT = article('Marrow Island cut off as ferry crews strike', [
  'Commuters queued in vain at Port Alder on Tuesday morning, where the gates stayed shut and a hand-written sign announced that no boats would sail.',
  '"We have been patient for eleven months, and patience has run out," union secretary Lena Haviland told reporters at the terminal gates.',
  'Many islanders said they had no idea the dispute had gone so far, and several nurses at the mainland hospital said they would sleep at colleagues\' homes.',
  'Harbour Lines, which runs the six-boat fleet, said it had offered a raise of 4 percent over two years and called the walkout premature.',
  'Local traders fear a long stoppage in the middle of the tourist season, when the island earns most of its income from day visitors.',
  'The island\'s mayor asked both sides to find a way back to the table before the weekend, and offered the town hall as a meeting place.',
]);
