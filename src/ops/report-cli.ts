/**
 * `npm run report -- bot.log [more.log …] [--top N] [--json]` — the curator's report over the bot's
 * JSON logs: the most asked facts, the most frequent unanswered questions, the down-voted facts.
 * Reads stdin when no file is given (or `-`), e.g. `docker compose logs --no-log-prefix bot | npm run report`.
 * Lines that are not JSON log lines are skipped and counted. In a production image without tsx:
 * `node dist/cli/report.js bot.log`.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { loadKnowledge } from '../knowledge/index.js';
import { formatReport, ReportBuilder } from './report.js';

const USAGE = 'usage: npm run report -- LOGFILE [LOGFILE …] [--top N] [--json]   (LOGFILE - or none: read stdin)';

async function readLines(input: Readable, builder: ReportBuilder): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) builder.add(line);
}

/** @returns the exit code: 0, 1 (a file could not be read) or 2 (bad arguments). */
export async function runReport(argv: readonly string[]): Promise<number> {
  const files: string[] = [];
  let json = false;
  let top = 10;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--json') json = true;
    else if (arg === '--top') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) {
        console.error(`--top needs a positive whole number. ${USAGE}`);
        return 2;
      }
      top = n;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) {
      console.error(`unknown option ${arg}. ${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    if (process.stdin.isTTY) {
      console.error(USAGE);
      return 2;
    }
    files.push('-');
  }

  // Fact ids are shown with their first curated question; the report works without the fact base too.
  let factQuestions: Map<string, string> | undefined;
  try {
    factQuestions = new Map(loadKnowledge().facts.map((f) => [f.id, f.questions[0] ?? f.answer]));
  } catch {
    factQuestions = undefined;
  }
  const builder = new ReportBuilder({ top, ...(factQuestions ? { factQuestions } : {}) });
  for (const file of files) {
    try {
      await readLines(file === '-' ? process.stdin : createReadStream(file), builder);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      console.error(code === 'ENOENT' ? `No such log file: ${file}` : `Could not read ${file}: ${(err as Error).message}`);
      return 1;
    }
  }
  const report = builder.result();
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return 0;
}

