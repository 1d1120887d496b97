// The production entry point (src/index.ts) as a child process against the emulator: an invalid
// token is one clear line and exit code 1; SIGTERM on a running, ready bot exits 0 within 5 s.

import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES, startEmulator } from './emulator/index.js';
import type { DiscordEmulator } from './emulator/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const children: ChildProcess[] = [];
const emulators: DiscordEmulator[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(emulators.splice(0).map((e) => e.stop()));
});

/** `node --import tsx src/index.ts` in a clean directory (no .env) with exactly `env` (+ PATH). */
function runEntry(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', TSX, `${ROOT}src/index.ts`], {
    cwd: tmpdir(),
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    // 'close', not 'exit': stderr may still hold the one-line message when the process exits.
    child.on('close', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

describe('the production entry point against the emulator', () => {
  it('an invalid token (401 on /gateway/bot): exit 1 with one clear stderr line, no stack trace', async () => {
    const emu = await startEmulator();
    emulators.push(emu);
    const child = runEntry({ DISCORD_TOKEN: 'wrong', DISCORD_API_URL: emu.apiUrl });
    const { code } = await child.exited;

    expect(code).toBe(1);
    const lines = child.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\): reset the token in the Developer Portal/);
    expect(child.stderr()).not.toMatch(/\n\s+at |Error:|node:internal/);
    expect(child.stdout() + child.stderr()).not.toContain('wrong');
    expect(emu.requests(ROUTES.gatewayBot).map((r) => [r.status, r.headers.authorization])).toEqual([[401, 'Bot wrong']]);
    expect(emu.identifies).toEqual([]);
  });

  it('SIGTERM on a running bot (ready, commands synced, answering): exit 0 within 5 s, gateway closed cleanly', async () => {
    const emu = await startEmulator();
    emulators.push(emu);
    const child = runEntry({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl });
    await emu.waitForReady(undefined, 15_000);
    // Ready means the command sync runs next; wait for it, then prove the bot answers.
    await emu.waitForRequest(ROUTES.putGlobalCommands, 10_000);
    const payload = emu.chatInput('ask', { question: 'Who are the guarantor countries?' });
    emu.sendInteraction(payload);
    const answer = await emu.waitForResponse(payload);
    expect(answer.callbacks).toHaveLength(1);

    const disconnected = new Promise<{ code: number }>((resolve) => emu.once('disconnect', resolve));
    const signalledAt = Date.now();
    child.process.kill('SIGTERM');
    const { code, at } = await child.exited;

    expect(code).toBe(0);
    console.error(`[e2e process] ${JSON.stringify({ sigtermToExitMs: at - signalledAt })}`);
    expect(at - signalledAt).toBeLessThan(5000);
    const closed = await disconnected;
    expect(closed.code).toBe(1000); // a normal close, not a dropped connection
    expect(child.stdout()).toContain('"msg":"shutting down"');
    expect(child.stdout()).toContain('"msg":"bye"');
    expect(child.stderr()).toBe('');
    expect(emu.specViolations).toEqual([]);
    expect(emu.protocolErrors).toEqual([]);
    expect(emu.internalErrors).toEqual([]);
  });
});
