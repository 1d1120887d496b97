import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { GatewayIntentBits, IntentsBitField, Partials } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, botIntents, createClient, inviteUrl } from '../../src/bot/client.js';
import { explainStartupError, runFromEnv, StartupError } from '../../src/bot/start.js';
import { ConfigError } from '../../src/config.js';
import { KnowledgeError, buildKnowledge, readKnowledgeFiles } from '../../src/knowledge/index.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.not-a-real-token-abcdefghijklmnop';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A fake Discord whose REST answers every request with `status` (or never, when null). */
async function fakeDiscord(status: number | null): Promise<string> {
  const server = createServer((req, res) => {
    if (status === null) return; // hang: never answer
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

function sink() {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c: Buffer, _e, d) => (chunks.push(c.toString()), d()) }), text: () => chunks.join('') };
}

/** Runs the production entry point in a clean directory (no .env) and collects its output. */
function runEntry(env: Record<string, string>, onStdout?: (text: string, pid: number) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', TSX, `${ROOT}src/index.ts`], {
      cwd: tmpdir(),
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (onStdout && child.pid) onStdout(stdout, child.pid);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // 'close', not 'exit': the output may still sit in the pipes when the process exits.
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('createClient', () => {
  it('GIVEN no answer channels THEN asks for no privileged intent', () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:1/api', readsAnswerChannels: false });
    const intents = new IntentsBitField(client.options.intents);
    expect(intents.has(GatewayIntentBits.Guilds)).toBe(true);
    expect(intents.has(GatewayIntentBits.GuildMessages)).toBe(true);
    expect(intents.has(GatewayIntentBits.DirectMessages)).toBe(true);
    expect(intents.has(GatewayIntentBits.MessageContent)).toBe(false);
    expect(client.options.partials).toContain(Partials.Channel);
    expect(client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(client.options.rest?.api).toBe('http://127.0.0.1:1/api');
    void client.destroy();
  });

  it('GIVEN answer channels THEN adds Message Content', () => {
    expect(botIntents(true)).toContain(GatewayIntentBits.MessageContent);
  });

  it('GIVEN test REST options THEN they are passed through, keeping the API base', () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:2/api', readsAnswerChannels: false, restOptions: { globalRequestsPerSecond: 500 } });
    expect(client.options.rest).toMatchObject({ api: 'http://127.0.0.1:2/api', globalRequestsPerSecond: 500 });
    void client.destroy();
  });
});

describe('the invite link', () => {
  it('asks for View Channel, Send Messages, Send Messages in Threads and Read Message History, nothing else', () => {
    // 1024 + 2048 + 65536 + 274877906944: the value the README shows.
    expect(BOT_PERMISSIONS).toBe(274877975552n);
    const url = new URL(inviteUrl('123456789012345678'));
    expect(`${url.origin}${url.pathname}`).toBe('https://discord.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '123456789012345678',
      scope: 'bot applications.commands',
      permissions: '274877975552',
    });
  });
});

describe('explainStartupError', () => {
  it.each([
    ['getaddrinfo ENOTFOUND discord.com', 'ENOTFOUND'],
    ['connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'],
    ['getaddrinfo EAI_AGAIN discord.com', 'EAI_AGAIN'],
  ])('GIVEN a network failure (%s) THEN one line: the API base, the cause, and network, proxy, DISCORD_API_URL to check', (text, code) => {
    const cause = Object.assign(new Error(text), { code });
    for (const err of [cause, new TypeError('fetch failed', { cause })]) {
      const explained = explainStartupError(err, 'https://discord.com/api');
      expect(explained).toBeInstanceOf(StartupError);
      const message = (explained as Error).message;
      expect(message).toContain('Could not reach Discord at https://discord.com/api');
      expect(message).toContain(text);
      expect(message).toMatch(/network connection.*proxy.*DISCORD_API_URL/);
      expect(message).not.toContain('\n');
    }
  });

  it('GIVEN a refused privileged intent THEN one line pointing to the portal and ANSWER_CHANNEL_IDS', () => {
    const err = explainStartupError(new Error('Used disallowed intents'));
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/Message Content.*ANSWER_CHANNEL_IDS/);
  });

  it('GIVEN a broken fact base THEN one line naming the first problem and the check command', () => {
    const err = explainStartupError(new KnowledgeError('2 problems', ['fact "x": field "id" is not unique', 'another']));
    expect((err as Error).message).toBe(
      'The fact base is broken: fact "x": field "id" is not unique (and 1 more). Run npm run knowledge:check for the full list.',
    );
  });

  it('GIVEN an unexpected error THEN returns it unchanged', () => {
    const boom = new TypeError('bug');
    expect(explainStartupError(boom)).toBe(boom);
  });
});

describe('runFromEnv', () => {
  it('GIVEN no token THEN rejects with the one-line ConfigError', async () => {
    await expect(runFromEnv({})).rejects.toBeInstanceOf(ConfigError);
  });

  it('GIVEN a token Discord rejects (401) THEN rejects with one line, and never logs the token', async () => {
    const api = await fakeDiscord(401);
    const logs = sink();
    const err = await runFromEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api, LOG_LEVEL: 'trace' }, { logDestination: logs.stream }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
    expect(logs.text()).toContain('"msg":"starting"');
    expect(logs.text()).not.toContain(TOKEN);
    // The bundled prebuilt.json is current: nothing to warn about.
    expect(logs.text()).not.toContain('prebuilt.json is');
  });

  it('GIVEN knowledge built without prebuilt.json THEN it warns once how to get the fast start back, then goes on starting', async () => {
    const api = await fakeDiscord(401);
    const logs = sink();
    const knowledge = buildKnowledge({ ...readKnowledgeFiles(), prebuilt: undefined });
    await runFromEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api }, { logDestination: logs.stream, knowledge }).catch(() => undefined);
    const warned = logs
      .text()
      .split('\n')
      .filter((l) => l.includes('prebuilt.json is missing'));
    expect(warned).toHaveLength(1);
    expect(JSON.parse(warned[0] as string)).toMatchObject({ level: 40, prebuilt: 'missing', msg: "prebuilt.json is missing: the index was built from the facts' texts (run npm run build:index)" });
  });
});

// Each spawn loads tsx and discord.js (about a second each).
describe('the entry point (src/index.ts)', () => {
  it('GIVEN no token THEN prints one line naming DISCORD_TOKEN, .env.example and npm run ask, and exits 1', async () => {
    const { code, stderr, stdout } = await runEntry({});
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^DISCORD_TOKEN is not set/);
    expect(lines[0]).toContain('.env.example');
    expect(lines[0]).toContain('npm run ask');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('GIVEN a malformed variable THEN one line naming it, exit 1', async () => {
    const { code, stderr } = await runEntry({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'my-server' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^DISCORD_GUILD_ID must be a Discord id/);
  });

  it('GIVEN an invalid token THEN one clear line on stderr, exit 1, the token nowhere', async () => {
    const api = await fakeDiscord(401);
    const { code, stderr, stdout } = await runEntry({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Discord rejected DISCORD_TOKEN/);
    expect(stdout + stderr).not.toContain(TOKEN);
  });

  it('GIVEN a Discord that cannot be reached THEN one line saying what to check, exit 1', async () => {
    // A reserved name that never resolves (ENOTFOUND, or EAI_AGAIN without DNS): what `npm start` offline sees.
    const { code, stderr, stdout } = await runEntry({ DISCORD_TOKEN: 'abcdefghijklmnopqrstuvwxyz', DISCORD_API_URL: 'http://discord.invalid/api' });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Could not reach Discord at http:\/\/discord\.invalid\/api \(getaddrinfo (ENOTFOUND|EAI_AGAIN) discord\.invalid\): check this machine's network connection, any proxy or firewall between it and Discord, and DISCORD_API_URL/);
    expect(stdout).not.toContain('abcdefghijklmnopqrstuvwxyz');
  });

  it('GIVEN SIGTERM while connecting THEN exits 0 within the 5 s grace period', async () => {
    const api = await fakeDiscord(null);
    let signalledAt = 0;
    const { code, stdout } = await runEntry({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api }, (out, pid) => {
      // Once it logged "starting" it is inside login, waiting on a Discord that never answers.
      if (!signalledAt && out.includes('"msg":"starting"')) {
        signalledAt = Date.now();
        process.kill(pid, 'SIGTERM');
      }
    });
    expect(signalledAt).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5500);
    expect(stdout).toContain('"msg":"shutting down"');
  });
});
