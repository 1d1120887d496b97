/**
 * The curator's report over the bot's JSON log lines: which facts people ask for, which questions
 * the article could not answer (candidates for new facts), and which facts were voted down
 * (candidates for fixing). Pure: lines in, a summary out. `npm run report` is the CLI.
 *
 * It reads the events the bot logs (and nothing else):
 *   { event: 'answered', factId, via, confidence }
 *   { event: 'abstained', via, question }
 *   { event: 'feedback', factId, vote: 'up' | 'down', voter? }
 *
 * Votes count once per voter and fact, the last one winning: `voter` is a keyed hash of the person
 * (see bot/feedback.ts), the same across restarts of one install. Lines without one (older logs)
 * count one each.
 */

export interface FactLine {
  readonly factId: string;
  /** The fact's first curated question, or null when the fact base has no such id (anymore). */
  readonly question: string | null;
  readonly asked: number;
  readonly up: number;
  readonly down: number;
}

export interface UnansweredLine {
  /** The most frequent spelling of the question (the first seen, on a tie). */
  readonly question: string;
  readonly count: number;
}

export interface Report {
  readonly lines: number;
  /** Lines that were not JSON log objects (blank lines aside). */
  readonly skipped: number;
  readonly from: string | null;
  readonly to: string | null;
  readonly answered: number;
  readonly abstained: number;
  readonly votes: { readonly up: number; readonly down: number };
  /** Most asked facts first. */
  readonly mostAsked: readonly FactLine[];
  /** Most frequent unanswered questions first (same question up to case, spacing and end punctuation). */
  readonly unanswered: readonly UnansweredLine[];
  /** Facts with at least one 👎, most down-voted first. */
  readonly downVoted: readonly FactLine[];
}

export interface ReportOptions {
  /** How many entries per list (default 10). */
  readonly top?: number;
  /** Fact id → its first curated question, to show what each id is about. */
  readonly factQuestions?: ReadonlyMap<string, string>;
}

type Json = Record<string, unknown>;

/** A log line as JSON, tolerating a prefix (`bot-1  | {...}` from docker compose logs); null if it is not one. */
export function parseLogLine(line: string): Json | null {
  const start = line.indexOf('{');
  if (start < 0) return null;
  try {
    const value: unknown = JSON.parse(line.slice(start));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** Questions that differ only in case, spacing, surrounding quotes or end punctuation count as one. */
export function normalizeQuestion(question: string): string {
  return question
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '')
    .replace(/[\s?!.,;:…？！。]+$/u, '')
    .trim();
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Streams lines into a report: `add` each line, then `result()`. */
export class ReportBuilder {
  private lineCount = 0;
  private skipped = 0;
  private first: number | null = null;
  private last: number | null = null;
  private answered = 0;
  private abstained = 0;
  private readonly facts = new Map<string, { asked: number; up: number; down: number }>();
  /** The last vote of each voter on each fact, by `voter\0factId`. */
  private readonly lastVotes = new Map<string, { factId: string; vote: 'up' | 'down' }>();
  private readonly questions = new Map<string, { count: number; spellings: Map<string, number> }>();

  constructor(private readonly options: ReportOptions = {}) {}

  add(line: string): void {
    if (line.trim() === '') return;
    this.lineCount += 1;
    const log = parseLogLine(line);
    if (!log) {
      this.skipped += 1;
      return;
    }
    const time = typeof log['time'] === 'number' ? log['time'] : null;
    if (time !== null) {
      this.first = this.first === null ? time : Math.min(this.first, time);
      this.last = this.last === null ? time : Math.max(this.last, time);
    }
    const event = log['event'];
    if (event === 'answered') {
      const factId = text(log['factId']);
      if (factId === null) return;
      this.answered += 1;
      this.fact(factId).asked += 1;
    } else if (event === 'abstained') {
      const question = text(log['question']);
      this.abstained += 1;
      if (question === null) return;
      const key = normalizeQuestion(question);
      if (key === '') return;
      const entry = this.questions.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      const spelling = question.replace(/\s+/g, ' ').trim();
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      this.questions.set(key, entry);
    } else if (event === 'feedback') {
      const factId = text(log['factId']);
      const vote = log['vote'];
      if (factId === null || (vote !== 'up' && vote !== 'down')) return;
      const voter = text(log['voter']);
      if (voter === null) this.fact(factId)[vote] += 1;
      else this.lastVotes.set(`${voter}\u0000${factId}`, { factId, vote });
    }
  }

  private fact(id: string) {
    let entry = this.facts.get(id);
    if (!entry) {
      entry = { asked: 0, up: 0, down: 0 };
      this.facts.set(id, entry);
    }
    return entry;
  }

  result(): Report {
    const top = Math.max(1, this.options.top ?? 10);
    const counts = new Map([...this.facts].map(([id, c]) => [id, { ...c }]));
    for (const { factId, vote } of this.lastVotes.values()) {
      const c = counts.get(factId) ?? { asked: 0, up: 0, down: 0 };
      c[vote] += 1;
      counts.set(factId, c);
    }
    const facts: FactLine[] = [...counts.entries()].map(([factId, c]) => ({
      factId,
      question: this.options.factQuestions?.get(factId) ?? null,
      ...c,
    }));
    const byId = (a: FactLine, b: FactLine) => a.factId.localeCompare(b.factId);
    const mostAsked = facts
      .filter((f) => f.asked > 0)
      .sort((a, b) => b.asked - a.asked || byId(a, b))
      .slice(0, top);
    const downVoted = facts
      .filter((f) => f.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up || byId(a, b))
      .slice(0, top);
    const unanswered = [...this.questions.entries()]
      .map(([key, q]) => {
        // Ties go to the spelling seen first (the sort is stable).
        const spelling = [...q.spellings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
        return { question: spelling, count: q.count, key };
      })
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, top)
      .map(({ question, count }) => ({ question, count }));
    const votes = facts.reduce((v, f) => ({ up: v.up + f.up, down: v.down + f.down }), { up: 0, down: 0 });
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    return {
      lines: this.lineCount,
      skipped: this.skipped,
      from: iso(this.first),
      to: iso(this.last),
      answered: this.answered,
      abstained: this.abstained,
      votes,
      mostAsked,
      unanswered,
      downVoted,
    };
  }
}

export function buildReport(lines: Iterable<string>, options: ReportOptions = {}): Report {
  const builder = new ReportBuilder(options);
  for (const line of lines) builder.add(line);
  return builder.result();
}

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (value: string, i: number) => {
    // The last column is free text: no padding.
    if (i === header.length - 1) return value;
    return rightAligned.includes(i) ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0);
  };
  return [header, ...rows].map((r) => `  ${r.map(cell).join('  ')}`.trimEnd());
}

const about = (f: FactLine) => f.question ?? '(not in the fact base)';

/** The report as text for people. */
export function formatReport(report: Report): string {
  const out: string[] = [];
  const total = report.answered + report.abstained;
  const share = total === 0 ? '' : ` (${((100 * report.abstained) / total).toFixed(1)}% unanswered)`;
  const span = report.from && report.to ? `, ${report.from} to ${report.to}` : '';
  out.push(
    `Curator report: ${report.lines} log lines${report.skipped ? ` (${report.skipped} not JSON, skipped)` : ''}${span}`,
    `Questions: ${report.answered} answered, ${report.abstained} not answered${share}. Feedback: ${report.votes.up} 👍, ${report.votes.down} 👎.`,
    '',
    'Most asked facts',
  );
  if (report.mostAsked.length === 0) out.push('  (none)');
  else
    out.push(
      ...table(
        ['asked', 'up', 'down', 'fact', 'question'],
        report.mostAsked.map((f) => [String(f.asked), String(f.up), String(f.down), f.factId, about(f)]),
        [0, 1, 2],
      ),
    );
  out.push('', 'Most frequent unanswered questions (candidates for new facts or lexicon entries)');
  if (report.unanswered.length === 0) out.push('  (none)');
  else out.push(...table(['count', 'question'], report.unanswered.map((q) => [String(q.count), q.question]), [0]));
  out.push('', 'Down-voted facts (check their answer, sources and curated questions)');
  if (report.downVoted.length === 0) out.push('  (none)');
  else
    out.push(
      ...table(
        ['down', 'up', 'asked', 'fact', 'question'],
        report.downVoted.map((f) => [String(f.down), String(f.up), String(f.asked), f.factId, about(f)]),
        [0, 1, 2],
      ),
    );
  return out.join('\n');
}
