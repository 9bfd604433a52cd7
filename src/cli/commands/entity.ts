// `dossier entity NAME [--db PATH] [--format text|json]`: one identity of the store: type, name,
// aliases, related identities, titles over time and its mentions per article. NAME is an
// identity id, a name or alias (case, diacritics, a leading "the" do not matter), a surname or
// an acronym; several words are one name. None found: a one-line error; several: the candidates.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import type { IdentityDetail } from '../../store/store.ts';
import { parseFormatOption } from '../options.ts';
import { UsageError, type Command } from '../cli-io.ts';
import { identityTable } from './entities.ts';
import { SHORT_ID } from './search.ts';

export const entityCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  const name = positionals.join(' ').trim();
  if (name === '') throw new UsageError('give the name or id of an entity: dossier entity NAME');
  const format = parseFormatOption(values.format, ['text', 'json'] as const);

  const lookup = await readStore(values.db, (store) => store.getIdentity(name));
  if (lookup.status === 'unknown') throw new Error(`no stored entity is named ${JSON.stringify(name)} (list them with dossier entities)`);
  if (lookup.status === 'ambiguous') {
    io.err(`dossier entity: ${JSON.stringify(name)} names ${lookup.candidates.length} entities; give one's id or full name:\n${identityTable(lookup.candidates)}`);
    return 1;
  }
  if (format === 'json') io.out(`${JSON.stringify(lookup.identity, null, 2)}\n`);
  else io.out(identityText(lookup.identity));
  return 0;
};

/** A reading view of one identity. */
function identityText(identity: IdentityDetail): string {
  const lines = [`${identity.name} (${identity.type}${identity.ambiguous ? ', ambiguous' : ''})`, ''];
  const fact = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(10)}${value}`);
  fact('id', identity.id);
  fact('articles', `${identity.articles}, ${identity.mentions} mention${identity.mentions === 1 ? '' : 's'}`);
  if (identity.aliases.length > 0) fact('aliases', identity.aliases.join(', '));
  for (const r of identity.related) fact('related', `${r.relation} ${r.name} (${r.type}, ${r.id})`);
  if (identity.ambiguous) {
    fact('may be', identity.candidates.length > 0 ? identity.candidates.map((c) => `${c.name} (${c.id})`).join(', ') : 'nobody stored now');
  }
  if (identity.titles.length > 0) {
    lines.push('', 'titles over time:');
    for (const t of identity.titles) {
      const when = t.firstDate === null ? 'undated' : t.firstDate === t.lastDate ? t.firstDate : `${t.firstDate} to ${t.lastDate}`;
      lines.push(`  ${when.padEnd(24)}  ${t.title} (${t.articles.length} article${t.articles.length === 1 ? '' : 's'})`);
    }
  }
  lines.push('', 'mentions:');
  for (const a of identity.appearances) {
    lines.push(`  ${a.published ?? 'undated'} · ${a.outlet ?? 'outlet unknown'} · ${a.title ?? '(untitled)'} · ${a.id.slice(0, SHORT_ID)}`);
    lines.push(`    ${a.mentions.map((m) => `"${m.text}" [${m.start}-${m.end}]`).join(', ')}`);
    const notes = a.links.filter((l) => l.evidence !== 'new identity' && l.evidence !== 'exact name');
    for (const l of notes) lines.push(`    linked by ${l.evidence}${l.note ? `: ${l.note}` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}
