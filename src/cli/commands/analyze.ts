// `dossier analyze [PATH ...] [--format json|jsonl] [--plain] [--date YYYY-MM-DD] [--max-bytes N]`:
// prints one analysis record per article, as ../shared/contract/analysis.md specifies.
import { parseArgs } from 'node:util';
import { analyzeSources } from '../../analyze/analyze-sources.ts';
import { toRecord } from '../../model/record.ts';
import type { Command } from '../cli-io.ts';
import { parseFormatOption, parseSizeOption } from '../options.ts';
import { parseDateOption } from '../../model/request-values.ts';

export const analyzeCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      plain: { type: 'boolean', default: false },
      date: { type: 'string' },
      'max-bytes': { type: 'string' },
    },
  });
  const format = parseFormatOption(values.format ?? (io.stdoutIsTTY ? 'json' : 'jsonl'), ['json', 'jsonl'] as const);
  const options = {
    plain: values.plain,
    date: parseDateOption(values.date),
    maxBytes: parseSizeOption(values['max-bytes']),
  };
  let status = 0;
  for (const result of analyzeSources(positionals, options)) {
    if (result.error) {
      io.err(`dossier: ${result.error.message}\n`);
      status = 1;
      continue;
    }
    for (const doc of result.docs) {
      const record = toRecord(doc);
      io.out(format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : `${JSON.stringify(record)}\n`);
    }
  }
  return status;
};
