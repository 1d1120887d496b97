/**
 * Child processes for the bot and the bare-client yardstick. Both run as plain JavaScript under
 * `node` (no tsx loader in the measured process, as in production's `node dist/index.js`): src/
 * and the child scripts are transpiled file by file with TypeScript's own transpiler into
 * bench/results/build/, keeping the tree so relative imports and the knowledge files resolve.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { ChildMessage, MemoryReport, ParentMessage } from './child-ipc.js';
import { msBetween } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUILD_DIR = join(ROOT, 'bench', 'results', 'build');

const CHILD_SCRIPTS = ['child-bot.ts', 'child-bare.ts', 'child-ipc.ts'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Transpiles src/**.ts and the child scripts into BUILD_DIR; copies the knowledge data files. Returns the ms taken. */
export function prepareBuild(): number {
  const started = process.hrtime.bigint();
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const sources = [
    ...walk(join(ROOT, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    ...CHILD_SCRIPTS.map((f) => join(ROOT, 'bench', f)),
  ];
  for (const file of sources) {
    const out = join(BUILD_DIR, relative(ROOT, file)).replace(/\.ts$/, '.js');
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        sourceMap: false,
      },
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  const knowledge = join(ROOT, 'src', 'knowledge');
  for (const name of readdirSync(knowledge)) {
    if (name.endsWith('.txt') || name.endsWith('.json')) cpSync(join(knowledge, name), join(BUILD_DIR, 'src', 'knowledge', name));
  }
  return msBetween(started, process.hrtime.bigint());
}

export type ChildKind = 'bot' | 'bare';

export interface ChildReady {
  /** From the child's own clock: process start → fully started (the bot: after its command sync). */
  readonly startupMs: number;
  /** From the child's own clock: process start → the client emitted ClientReady (able to answer). */
  readonly clientReadyMs: number;
  /** From the parent: spawn() → the ready message arrived. */
  readonly spawnToReadyMs: number;
}

/** A running child: ask it for memory and counters, stop it. */
export class BenchChild {
  private readonly waiting = new Map<ChildMessage['type'], (m: ChildMessage) => void>();
  private stderr = '';
  private exited: string | undefined;

  private constructor(private readonly proc: ChildProcess) {
    proc.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    proc.stdout?.resume();
    proc.on('message', (m: ChildMessage) => {
      const resolve = this.waiting.get(m.type) ?? (m.type === 'error' ? this.waiting.get('ready') : undefined);
      resolve?.(m);
    });
    proc.on('exit', (code, signal) => {
      this.exited = `exited with ${signal ?? code}`;
      const why: ChildMessage = { type: 'error', message: `${this.exited}${this.stderr ? `: ${this.stderr.trim()}` : ''}` };
      for (const resolve of this.waiting.values()) resolve(why);
    });
  }

  /** Spawns `node --expose-gc build/bench/child-<kind>.js` and waits for its ready message. */
  static async start(
    kind: ChildKind,
    env: Record<string, string>,
    timeoutMs = 30_000,
    nodeArgs: readonly string[] = [],
  ): Promise<{ child: BenchChild; ready: ChildReady }> {
    const spawned = process.hrtime.bigint();
    const proc = spawn(process.execPath, ['--expose-gc', ...nodeArgs, join(BUILD_DIR, 'bench', `child-${kind}.js`)], {
      cwd: BUILD_DIR,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const child = new BenchChild(proc);
    const m = await child.next('ready', timeoutMs);
    if (m.type !== 'ready') {
      child.kill();
      throw new Error(`the ${kind} child did not get ready: ${m.type === 'error' ? m.message : m.type}`);
    }
    return {
      child,
      ready: { startupMs: m.startupMs, clientReadyMs: m.clientReadyMs, spawnToReadyMs: msBetween(spawned, process.hrtime.bigint()) },
    };
  }

  private next(type: ChildMessage['type'], timeoutMs: number): Promise<ChildMessage> {
    if (this.exited) return Promise.resolve({ type: 'error', message: this.exited });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'error', message: `no ${type} message within ${timeoutMs} ms` }), timeoutMs);
      this.waiting.set(type, (m) => {
        clearTimeout(timer);
        this.waiting.delete(type);
        resolve(m);
      });
    });
  }

  private async ask<T extends ChildMessage['type']>(cmd: ParentMessage, type: T): Promise<Extract<ChildMessage, { type: T }>> {
    const reply = this.next(type, 10_000);
    this.proc.send(cmd);
    const m = await reply;
    if (m.type !== type) throw new Error(`child: ${m.type === 'error' ? m.message : m.type}`);
    return m as Extract<ChildMessage, { type: T }>;
  }

  async memory(): Promise<MemoryReport> {
    return (await this.ask({ cmd: 'memory' }, 'memory')).memory;
  }

  async stats(): Promise<{ handled: number; failed: number }> {
    const m = await this.ask({ cmd: 'stats' }, 'stats');
    return { handled: m.handled, failed: m.failed };
  }

  /** Asks the child to disconnect and exit; kills it if it has not within 5 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.send({ cmd: 'stop' } satisfies ParentMessage);
    const timer = setTimeout(() => this.kill(), 5_000);
    await gone;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}
