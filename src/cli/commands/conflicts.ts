// `dossier conflicts [--kind conflict|update|definition|all] [--db PATH] [--limit N] [--format text|json|jsonl]`:
// where the stored articles' figures disagree, from the figure ledger (src/link/ledger): by default
// the conflicts (the same measure for the same date, intervals that do not overlap); with --kind the
// updates (a later count of the same thing) or the different definitions (living hostages vs
// captives) too. Each line gives both figures with claimant, outlet, date and article.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import { latestRecords } from '../../store/store.ts';
import { buildLedger, DISAGREEMENT_KINDS as KINDS, type FigureDisagreement, type LedgerPoint } from '../../link/ledger/figure-ledger.ts';
import { parseFormatOption, parseLimitOption } from '../options.ts';
import { UsageError, type Command } from '../cli-io.ts';
import { SHORT_ID } from './search.ts';


export const conflictsCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { kind: { type: 'string', default: 'conflict' }, db: { type: 'string' }, limit: { type: 'string', default: '50' }, format: { type: 'string', default: 'text' } },
  });
  if (positionals.length > 0) throw new UsageError(`conflicts takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))})`);
  if (!(values.kind in KINDS)) throw new UsageError(`--kind must be ${Object.keys(KINDS).join(', ')}, not ${values.kind}`);
  const kinds = new Set<string>(KINDS[values.kind as keyof typeof KINDS]);
  const limit = parseLimitOption(values.limit);
  const format = parseFormatOption(values.format, ['text', 'json', 'jsonl'] as const);

  return readStore(values.db, async (store) => {
    const ledger = buildLedger(await latestRecords(store));
    const found = ledger.disagreements.filter((d) => kinds.has(d.kind));
    const shown = found.slice(0, limit);
    if (format === 'jsonl') io.out(shown.map((d) => `${JSON.stringify(d)}\n`).join(''));
    else if (format === 'json') io.out(`${JSON.stringify({ kind: values.kind, disagreements: shown, more: found.length - shown.length }, null, 2)}\n`);
    else if (shown.length === 0) io.out(`no ${values.kind === 'all' ? 'disagreements' : values.kind === 'definition' ? 'different definitions' : `${values.kind}s`} among the figures of ${ledger.series.reduce((n, s) => n + s.points.length, 0)} stored figure points in ${ledger.series.length} series\n`);
    else {
      io.out(shown.map(disagreementText).join('\n'));
      if (found.length > shown.length) io.out(`… ${found.length - shown.length} more (--limit N)\n`);
    }
    return 0;
  });
};

function disagreementText(d: FigureDisagreement): string {
  return `${d.kind.toUpperCase()}: ${d.why}\n  ${pointText(d.earlier)}\n  ${pointText(d.later)}\n`;
}

function pointText(p: LedgerPoint): string {
  const who = p.claimant === null ? 'unattributed' : p.claimant.text;
  return `${p.asOf ?? 'undated'}  ${p.text}  ${who}  ${p.outlet ?? 'outlet unknown'}  ${p.article.slice(0, SHORT_ID)} [${p.start}, ${p.end})`;
}
