// The `dossier` command line: one table of commands, one place that turns failures into exit statuses.
import { errorLine } from '../analyze/analyze-sources.ts';
import { processIO, UsageError, type CliIO, type Command } from './cli-io.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { entitiesCommand } from './commands/entities.ts';
import { entityCommand } from './commands/entity.ts';
import { figuresCommand } from './commands/figures.ts';
import { conflictsCommand } from './commands/conflicts.ts';
import { diffCommand } from './commands/diff.ts';
import { storiesCommand, storyCommand } from './commands/stories.ts';
import { exportCommand } from './commands/export.ts';
import { ingestCommand } from './commands/ingest.ts';
import { quotesCommand } from './commands/quotes.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { showCommand } from './commands/show.ts';
import { watchCommand } from './commands/watch.ts';
import { workerCommand } from './commands/worker.ts';

const USAGE = `Usage: dossier COMMAND [options]

Commands:
  analyze [PATH ...]   print the analysis record of each article (files, folders, - for stdin)
                       --format json|jsonl  --plain  --date YYYY-MM-DD  --max-bytes N
  ingest PATH|URL ...  analyse the articles and store them in a database (default ./dossier.db);
                       http(s) URLs are fetched (private addresses refused unless --allow-private)
                       --db PATH  --plain  --date YYYY-MM-DD  --max-bytes N  --allow-private
                       --queue: with --db postgres://…, queue the inputs for workers instead
  worker               take queued inputs from a PostgreSQL database, analyse and store them; run
                       several, on any machines that reach it: each input is stored once
                       --db postgres://…  --until-empty  --stale-after 600  --poll 2  --max-attempts 3
  watch FEED ...       follow RSS/Atom feeds: fetch each new item's page and store it, every interval
                       until interrupted  --interval 15m  --once  --db PATH  --max-bytes N  --allow-private
  search WORDS ...     stored articles matching every word, best first, with snippets
                       --db PATH  --limit N  --format text|json
  show ID|URL          one stored record (ID may be the start of an id; a URL gives its latest version);
                       as text, with its versions and the copies and versions of it stored
                       --db PATH  --format json|text
  diff ID|URL [OTHER]  what changed between two stored records, figure changes first, then the
                       paragraphs; one key: that record against its URL's version before it
                       --db PATH  --format text|json
  entities             people, organisations, places, groups and events across the stored articles
                       --type PERSON|ORG|GPE|LOC|NORP|EVENT  --db PATH  --limit N  --format text|json
  entity NAME          one of them: aliases, related, titles over time, mentions per article
                       --db PATH  --format text|json
  quotes               who said what, newest first: speaker, kind, cue, date, article, sentence
                       --speaker NAME  --since YYYY-MM-DD  --until YYYY-MM-DD
                       --db PATH  --limit N  --format text|json|jsonl
  figures              what figures each source gives, newest first: value and hedge, what it
                       counts, claimant, as-of date, outlet, sentence
                       --counts TEXT  --claimant NAME  --since YYYY-MM-DD  --until YYYY-MM-DD
                       --db PATH  --limit N  --format text|json|jsonl
  stories              the stories of the store (articles telling one developing event), newest first,
                       with their articles and sub-events  --db PATH  --limit N  --format text|json
  story ID             one story: timeline (events, quotes, figures; planned events marked), people
                       and roles, quotes by speaker, figure series and disagreements, sources and how
                       many are independent; ID is a story id or an article's id, prefix or URL
                       --db PATH  --format text|json
  conflicts            where the stored figures disagree: conflicts (same measure, same date, values
                       apart), and with --kind the updates and different definitions
                       --kind conflict|update|definition|all  --db PATH  --limit N  --format text|json|jsonl
  export               every stored article for other tools: analysis records as JSON Lines, or one
                       CSV table of quotes, figures or events with their article and offsets
                       --format jsonl|csv  --table quotes|figures|events  --db PATH
  serve                the HTTP API over a database: docs at /docs, OpenAPI at /openapi.json; reads are
                       open, writes need the token (none given: writes are refused)
                       --db PATH  --host 127.0.0.1  --port 8080  --token-file PATH (or DOSSIER_TOKEN)
                       --private (reads need the token too)  --allow-anonymous-writes  --max-bytes 5MB
                       --allow-private (POSTed URLs may point to private addresses)
  help                 show this text
`;

const COMMANDS: Record<string, Command> = {
  analyze: analyzeCommand,
  ingest: ingestCommand,
  search: searchCommand,
  show: showCommand,
  diff: diffCommand,
  entities: entitiesCommand,
  entity: entityCommand,
  quotes: quotesCommand,
  figures: figuresCommand,
  conflicts: conflictsCommand,
  stories: storiesCommand,
  story: storyCommand,
  export: exportCommand,
  serve: serveCommand,
  watch: watchCommand,
  worker: workerCommand,
};

/** Runs one command line and returns the exit status: 0 done, 1 some input or operation failed, 2 wrong usage. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`dossier: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`dossier ${name}: ${errorLine(error)}\n`);
      return 2;
    }
    io.err(`dossier ${name}: ${errorLine(error)}\n`);
    return 1;
  }
}
