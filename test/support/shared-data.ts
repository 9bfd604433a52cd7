// Where tests find the shared seeds and evaluation sets (read in place, never copied).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the project root. */
export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');

/** Path of a seed article. */
export const seedPath = (name: 'anadolu' | 'ap') =>
  join(SHARED_DIR, 'seeds', name === 'anadolu' ? '000_99ea741bcfe37a13.txt' : '001_87306dcbb4c07912.txt');

/** The text of a seed article. */
export const readSeed = (name: 'anadolu' | 'ap') => readFileSync(seedPath(name), 'utf8');

/** True when the shared evaluation sets are there. */
export const hasEvalSets = () => existsSync(join(SHARED_DIR, 'eval', 'README.md'));
