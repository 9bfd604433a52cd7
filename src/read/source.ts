// Finding inputs (files, folders, stdin), loading their bytes within a size limit, and
// turning bytes into text of a known kind. Every refusal is an InputError naming the input.
import { readdirSync, statSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError } from './input-error.ts';
import { decodeBytes } from './decode.ts';

/** The kinds of input Dossier reads. */
export type InputKind = 'text' | 'html' | 'json' | 'jsonl' | 'feed';

/** Where one input comes from: a file path, or stdin (`path` null, named "stdin"). */
export interface InputRef {
  name: string;
  path: string | null;
}

/** An input's text, decoded, with the kind it was read as. */
export interface DecodedInput extends InputRef {
  kind: InputKind;
  text: string;
}

/** Limits every input is held to. */
export interface SourceLimits {
  maxBytes: number;
}

/** 10 MB: larger than any real article or feed page, small enough to refuse a runaway file. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

/** True for a file a folder walk should pick up. */
export function isReadableExtension(path: string): boolean {
  return extname(path).toLowerCase() in KIND_BY_EXTENSION;
}

/**
 * Expands the command line's paths into inputs: `-` is stdin, a folder is walked recursively
 * (files with a known extension, in name order, hidden entries skipped), anything else is taken as a file.
 */
export function listInputs(paths: readonly string[]): InputRef[] {
  if (paths.length === 0) return [{ name: 'stdin', path: null }];
  const out: InputRef[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ name: 'stdin', path: null });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Missing paths are reported when loaded, with the other bad inputs.
    }
    if (isDir) walk(path, out);
    else out.push({ name: path, path });
  }
  return out;
}

function walk(dir: string, out: InputRef[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && isReadableExtension(path)) out.push({ name: path, path });
  }
}

/** Reads an input's bytes, refusing it past `maxBytes` without reading the rest. */
export function loadBytes(ref: InputRef, limits: SourceLimits): Buffer {
  let fd: number;
  try {
    fd = ref.path === null ? 0 : openSync(ref.path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(ref.name, code === 'ENOENT' ? 'no such file' : `cannot open (${code ?? String(error)})`);
  }
  try {
    if (ref.path !== null && fstatSync(fd).size > limits.maxBytes) {
      throw new InputError(ref.name, `larger than the limit of ${limits.maxBytes} bytes`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(1 << 16);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EOF') break;
        throw new InputError(ref.name, `cannot read (${code ?? String(error)})`);
      }
      if (n === 0) break;
      total += n;
      if (total > limits.maxBytes) throw new InputError(ref.name, `larger than the limit of ${limits.maxBytes} bytes`);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (ref.path !== null) closeSync(fd);
  }
}

/** Decides what kind of input this is: by extension for files, by its first characters for stdin or unknown extensions. */
export function detectKind(ref: InputRef, text: string): InputKind {
  const byExtension = ref.path === null ? undefined : KIND_BY_EXTENSION[extname(ref.path).toLowerCase()];
  if (byExtension === 'feed' || byExtension === undefined) {
    const head = text.slice(0, 2048).trimStart().toLowerCase();
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(head)) return 'feed';
    if (byExtension === 'feed') return 'feed';
    if (head.startsWith('<')) return 'html';
    if (head.startsWith('{') || head.startsWith('[')) {
      const firstLine = text.trimStart().split('\n', 1)[0]!.trim();
      return firstLine.startsWith('{') && firstLine.endsWith('}') && text.trim().includes('\n') ? 'jsonl' : 'json';
    }
    return 'text';
  }
  return byExtension;
}

/** Loads and decodes one input. */
export function loadInput(ref: InputRef, limits: SourceLimits): DecodedInput {
  const bytes = loadBytes(ref, limits);
  const kind0 = ref.path === null ? undefined : KIND_BY_EXTENSION[extname(ref.path).toLowerCase()];
  const text = decodeBytes(ref.name, bytes, kind0 === 'html' || kind0 === 'feed' || kind0 === undefined);
  return { ...ref, kind: detectKind(ref, text), text };
}
