/**
 * `npx tsx bench/profile.ts [bot|bare|both]`: the bench's child processes under `node --cpu-prof`,
 * through the same run as `npm run bench` (start → ready, the 1,000-question burst, 200 one at a
 * time), then the self time per package or source area, for BENCHMARKS.md's "where the time went".
 * Profiles land in bench/results/profiles/ (open them in Chrome DevTools for the call trees).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureClient } from './e2e.js';
import { prepareBuild } from './process.js';
import { loadQuestionSets } from './quality.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const DIR = fileURLToPath(new URL('./results/profiles/', import.meta.url));

/** The package or source area a frame belongs to. */
function area(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const src = /\/build\/(src\/[^/]+(?:\/[^/]+)?)/.exec(url);
  if (src) return (src[1] as string).replace(/\.js$/, '');
  if (url.includes('/build/bench/')) return 'bench child';
  return url;
}

/** Self time by area and by function, over the samples from `fromMs` to `toMs` after the profile began. */
function summarize(file: string, label: string, fromMs: number, toMs: number, top = 12): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const fns = new Map<string, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    at += dt;
    if (!node || at < fromMs || at >= toMs) return;
    const a = area(node.callFrame.url, node.callFrame.functionName);
    self.set(a, (self.get(a) ?? 0) + dt);
    const fn = `${a}: ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + dt);
  });
  const total = [...self.values()].reduce((x, y) => x + y, 0);
  const busy = total - (self.get('(idle)') ?? 0);
  const row = ([k, v]: [string, number]) => `  ${v.toFixed(0).padStart(6)} ms  ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`;
  return [
    `${label}: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms busy (not idle)`,
    '  by area (self time):',
    ...[...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top).map(row),
    '  hottest functions (self time):',
    ...[...fns.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top).map(row),
  ];
}

const which = process.argv[2] ?? 'both';
const kinds = which === 'both' ? (['bare', 'bot'] as const) : ([which] as ['bot' | 'bare']);
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
prepareBuild();
const dev = loadQuestionSets().find((s) => s.key === 'dev');
if (!dev) throw new Error('no dev question set');
for (const kind of kinds) {
  const dir = join(DIR, kind);
  mkdirSync(dir, { recursive: true });
  const run = await measureClient(kind, {
    burst: { interactions: 1000, users: 100, timeoutMs: 60_000 },
    sequential: 200,
    questions: dev.questions.map((q) => q.q),
    globalRequestsPerSecond: 10_000,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  console.log(
    `${kind}: ready ${run.ready.startupMs.toFixed(0)} ms, burst ${run.burst.perSecond.toFixed(0)}/s, one-at-a-time p99 ${run.sequential.p99.toFixed(2)} ms, RSS after burst ${(run.memoryAfterBurst.rss / 2 ** 20).toFixed(1)} MB`,
  );
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    // The profile starts with the process: the first startupMs are the start → ready phase.
    console.log(summarize(join(dir, f), `${kind} start → ready`, 0, run.ready.startupMs).join('\n'));
    console.log(summarize(join(dir, f), `${kind} serving (burst and one at a time)`, run.ready.startupMs, Infinity).join('\n'));
  }
}
