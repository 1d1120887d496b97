/** The one results table: rows of figures with their targets, rendered as Markdown. */

export type Status = 'PASS' | 'MISS' | 'skipped' | '';

export interface Row {
  readonly area: string;
  readonly subject: string;
  readonly metric: string;
  readonly value: string;
  readonly target?: string;
  readonly status?: Status;
}

const HEADER = ['Area', 'Subject', 'Metric', 'Value', 'Target', 'Result'] as const;

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** A Markdown table padded to equal column widths, so it reads as well in a terminal as rendered. */
export function renderTable(rows: readonly Row[]): string {
  const body = rows.map((r) => [r.area, r.subject, r.metric, r.value, r.target ?? '', r.status ?? ''].map(cell));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function check(ok: boolean): Status {
  return ok ? 'PASS' : 'MISS';
}

// ---- number formatting ------------------------------------------------------------------------

/** Three significant figures, no exponent: 0.0412, 1.23, 45.6, 1234. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 100) return Math.round(x).toLocaleString('en-US');
  if (abs === 0) return '0';
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return x.toFixed(Math.min(decimals, 4));
}

export const ms = (x: number) => `${num(x)} ms`;
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const mb = (bytes: number) => `${num(bytes / (1024 * 1024))} MB`;
export const ratio = (x: number) => `${num(x)}×`;
export const fraction = (x: number, of: number) => `${pct(x)} (${Math.round(x * of)}/${of})`;
export const p50p99 = (s: { p50: number; p99: number }) => `${num(s.p50)} / ${num(s.p99)} ms`;
