// Finding inputs (files, folders, stdin), loading their bytes within a size limit, and
// turning bytes into text of a known kind. Every refusal is an InputError naming the input.
import { readdirSync, statSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isatty } from 'node:tty';
import { InputError } from './input-error.ts';
import { decodeBytes } from './decode.ts';

/** The kinds of input Dossier reads. */
export type InputKind = 'text' | 'html' | 'json' | 'jsonl' | 'feed';

/** Where one input comes from: a file path, or stdin (`path` null, named "stdin"), or the web (`path` null, `url` set). */
export interface InputRef {
  name: string;
  path: string | null;
  /** The URL a fetched input's body came from, after redirects; absent for files and stdin. */
  url?: string;
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
    if (!isDir) {
      out.push({ name: path, path });
      continue;
    }
    const before = out.length;
    walk(path, out);
    // A folder with nothing to read is reported, not passed over in silence: loading the
    // folder itself fails with a message saying so (see loadBytes).
    if (out.length === before) out.push({ name: path, path });
  }
  return out;
}

function walk(dir: string, out: InputRef[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    // An unreadable subfolder is reported when loaded, like a missing file.
    out.push({ name: dir, path: dir });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if ((entry.isFile() || (entry.isSymbolicLink() && isFileTarget(path))) && isReadableExtension(path)) out.push({ name: path, path });
  }
}

/** A symbolic link to a file is read; links to folders are not followed (no cycles). */
function isFileTarget(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true; // a dangling link: loading it reports "no such file"
  }
}

const READABLE = '.txt, .html, .json, .jsonl or .xml';

function openError(name: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new InputError(name, 'no such file');
    case 'EACCES':
    case 'EPERM':
      return new InputError(name, 'permission denied');
    case 'ELOOP':
      return new InputError(name, 'too many levels of symbolic links');
    default:
      return new InputError(name, `cannot open (${code ?? String(error)})`);
  }
}

/** The one-line refusal of an input past the size limit, with how to raise the limit. */
export function tooLarge(name: string, maxBytes: number): InputError {
  return new InputError(name, `larger than the size limit of ${sizeText(maxBytes)}; raise it with --max-bytes`);
}

/** A size limit as people read it: "10 MB", or "500000 bytes" below a megabyte. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes} bytes`;
}

// readSync on a non-blocking stdin says EAGAIN until data arrives; wait a little instead of spinning.
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Reads an input's bytes, refusing it past `maxBytes` without reading the rest. */
export function loadBytes(ref: InputRef, limits: SourceLimits): Buffer {
  if (ref.path === null && isatty(0)) {
    throw new InputError(ref.name, 'is a terminal: give a PATH, or pipe a document in');
  }
  let fd: number;
  try {
    fd = ref.path === null ? 0 : openSync(ref.path, 'r');
  } catch (error) {
    throw openError(ref.name, error);
  }
  try {
    if (ref.path !== null) {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new InputError(ref.name, `a folder with no ${READABLE} files in it`);
      if (stat.size > limits.maxBytes) throw tooLarge(ref.name, limits.maxBytes);
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
        if (code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 5);
          continue;
        }
        if (code === 'EOF') break;
        if (code === 'EISDIR') throw new InputError(ref.name, `a folder with no ${READABLE} files in it`);
        throw new InputError(ref.name, `cannot read (${code ?? String(error)})`);
      }
      if (n === 0) break;
      total += n;
      // Streams (stdin, pipes) have no size to check beforehand: stop as soon as the limit is passed.
      if (total > limits.maxBytes) throw tooLarge(ref.name, limits.maxBytes);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (ref.path !== null) closeSync(fd);
  }
}

// A feed's root element after the prolog: XML declaration, processing instructions
// (<?xml-stylesheet?>), comments and a DOCTYPE may come first; the root may carry a prefix (<atom:feed>).
const FEED_START = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!doctype[^>\[]*(?:\[[\s\S]*?\])?\s*>\s*)*<(?:[\w.-]+:)?(?:rss|feed|rdf)\b/;

/** Decides what kind of input this is: by extension for files, by its first characters for stdin or unknown extensions. */
export function detectKind(ref: InputRef, text: string): InputKind {
  const byExtension = ref.path === null ? undefined : KIND_BY_EXTENSION[extname(ref.path).toLowerCase()];
  if (byExtension === 'feed' || byExtension === undefined) {
    const head = text.slice(0, 2048).trimStart().toLowerCase();
    if (FEED_START.test(head)) return 'feed';
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
  return decodeInput(ref, loadBytes(ref, limits));
}

/** Decodes the bytes of one input, loaded already (a queued job carries them), as `loadInput` decodes what it loads. */
export function decodeInput(ref: InputRef, bytes: Buffer): DecodedInput {
  const kind0 = ref.path === null ? undefined : KIND_BY_EXTENSION[extname(ref.path).toLowerCase()];
  const text = decodeBytes(ref.name, bytes, kind0 === 'html' || kind0 === 'feed' || kind0 === undefined);
  return { ...ref, kind: detectKind(ref, text), text };
}
