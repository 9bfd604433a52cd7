// Photo captions that scraped text mixes into the article: a line describing a picture that
// ends with its credit, "(AP Photo/Alex Brandon)", "(Win McNamee/Pool Photo via AP)", "Photo: Reuters".
import type { Caption } from '../model/doc.ts';

// A credit names a photographer's agency or the words photo/image/pool/credit; the
// parenthesised text must look like one, so "(a) good faith" never makes a caption.
const CREDIT_WORDS = /\b(photo|photos|photograph|image|images|pool|credit|getty|reuters|afp|ap|epa|anadolu|xinhua|shutterstock|alamy|file)\b/i;
const PARENTHESISED_CREDIT = /\s*\(([^()]{3,120})\)\s*$/;
const LABELLED_CREDIT = /\s*(?:\||[-–—]|\.)?\s*((?:Photo|Image|Credit|Picture)s?(?: by| credit)?:\s*[^.]{2,100})\.?\s*$/i;

/** The caption a line holds, with its credit apart, or null when the line is not a captioned picture. */
export function parseCaptionLine(line: string): Caption | null {
  const text = line.trim();
  const paren = PARENTHESISED_CREDIT.exec(text);
  if (paren && CREDIT_WORDS.test(paren[1]!) && /[/]|photo|image|pool|credit|getty/i.test(paren[1]!)) {
    return { text: text.slice(0, paren.index).trim(), credit: paren[1]!.trim() };
  }
  const labelled = LABELLED_CREDIT.exec(text);
  if (labelled && labelled.index > 0) {
    return { text: text.slice(0, labelled.index).trim(), credit: labelled[1]!.replace(/^(?:Photo|Image|Credit|Picture)s?(?: by| credit)?:\s*/i, '').trim() };
  }
  return null;
}
