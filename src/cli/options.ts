// Parsing of options several commands share.
import { DEFAULT_MAX_BYTES } from '../read/source.ts';
import { UsageError } from '../model/request-values.ts';

/** `--max-bytes N` (also 10MB, 500k): the input size limit. */
export function parseSizeOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-bytes must be a size such as 10MB or 500000, not ${value}`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** `--limit N` (or another count option, named by `option` in the error): a whole number from 1. */
export function parseLimitOption(value: string, option = '--limit'): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new UsageError(`${option} must be a whole number from 1, not ${value}`);
  return Number(value);
}

/** `--format F`, one of the formats a command prints. */
export function parseFormatOption<F extends string>(value: string, formats: readonly F[]): F {
  if (!(formats as readonly string[]).includes(value)) throw new UsageError(`--format must be ${formats.join(' or ')}, not ${value}`);
  return value as F;
}

/** A count as the CLI's summaries print it ("1,234"). */
export const countText = (x: number): string => x.toLocaleString('en-US');

/** A count with its noun, singular for one ("1 article", "3 articles"; `many` for an irregular plural). */
export const countOf = (x: number, one: string, many = `${one}s`): string => `${countText(x)} ${x === 1 ? one : many}`;
