// The Docker image can't be built here (no Docker engine on CI machines), so its definition is
// checked against what is tested: the README's production steps, package.json's scripts, and
// scripts/check-production-image.sh (CI runs it to reproduce the runtime stage without Docker).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const readme = read('README.md');
const checkScript = read('scripts/check-production-image.sh');
const compose = read('compose.yaml');
const dockerignore = read('.dockerignore');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> };

/** Dockerfile instructions, with `\` continuations joined and comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

const steps = instructions(dockerfile);
const stages = dockerfile.split(/^FROM /m).slice(1);
/** npm/node commands in RUN lines, in order (housekeeping like `npm cache clean` left out). */
const runCommands = (text: string) =>
  instructions(text)
    .filter((i) => i.op === 'RUN')
    .flatMap((i) => i.args.split('&&').map((c) => c.trim()))
    .filter((c) => /^(npm (ci|run)|node)\b/.test(c));
const cmd = (JSON.parse(steps.filter((i) => i.op === 'CMD').at(-1)?.args ?? '[]') as string[]).join(' ');

/** The code block of the README's "Production start" section. */
function productionStartBlock(): string {
  const section = readme.split(/^### Production start$/m)[1]?.split(/^### /m)[0] ?? '';
  return /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
}

describe('Dockerfile', () => {
  it('is multi-stage on node:20-slim, the Node version package.json requires', () => {
    const froms = steps.filter((i) => i.op === 'FROM').map((i) => i.args);
    expect(froms).toEqual(['node:20-slim AS build', 'node:20-slim AS runtime']);
    expect(pkg.engines.node).toMatch(/^>=20\./);
  });

  it('runs the README production steps, in the same order, and starts like npm start', () => {
    const block = productionStartBlock()
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(block).toEqual(['npm ci', 'npm run build', 'npm ci --omit=dev --ignore-scripts', 'node dist/index.js']);
    expect([...runCommands(dockerfile), cmd]).toEqual(block);
    expect(runCommands(stages[0] ?? '')).toEqual(['npm ci', 'npm run build']);
    expect(runCommands(stages[1] ?? '')).toEqual(['npm ci --omit=dev --ignore-scripts']);
    expect(pkg.scripts['start']).toBe(cmd);
    expect(pkg.scripts['start:sharded']).toBe('node dist/shard.js');
    expect(dockerfile).toContain('node dist/shard.js');
  });

  it('copies only dist/ from the build stage and runs as the unprivileged node user', () => {
    const runtime = instructions(stages[1] ?? '');
    expect(runtime.filter((i) => i.op === 'COPY').map((i) => i.args)).toEqual([
      'package.json package-lock.json ./',
      '--from=build /app/dist ./dist',
    ]);
    expect(runtime.filter((i) => i.op === 'USER').map((i) => i.args)).toEqual(['node']);
    // USER comes before CMD/HEALTHCHECK, after the root-only install.
    const ops = runtime.map((i) => i.op);
    expect(ops.indexOf('USER')).toBeGreaterThan(ops.lastIndexOf('RUN'));
  });

  it('has a health check on /healthz with node fetch (no curl), listening on 0.0.0.0 only inside the container', () => {
    const health = steps.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    expect(health).toContain('/healthz');
    expect(health).toContain('fetch(');
    expect(health).toContain('process.env.HEALTH_PORT');
    expect(steps.map((i) => i.args).join('\n')).not.toMatch(/\bcurl\b|\bwget\b/);
    const env = steps.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/HEALTH_PORT=8080/);
    expect(env).toMatch(/HEALTH_HOST=0\.0\.0\.0/);
    expect(env).toMatch(/NODE_ENV=production/);
    expect(steps.find((i) => i.op === 'EXPOSE')?.args).toBe('8080');
  });
});

describe('what reproduces and surrounds the image', () => {
  it('check-production-image.sh installs like the runtime stage, with an empty environment, after the CI build', () => {
    const runtimeInstall = runCommands(stages[1] ?? '')[0] ?? '';
    expect(checkScript).toContain(runtimeInstall);
    expect(checkScript).toContain('cp package.json package-lock.json');
    expect(checkScript).toContain('cp -R dist');
    expect(checkScript).toMatch(/env -i "\$@" "\$node_bin" "\$entry"/);
    expect(checkScript).toContain('check dist/index.js\n');
    const ci = read('.ci/run');
    expect(ci.indexOf('scripts/check-production-image.sh')).toBeGreaterThan(ci.indexOf('npm run build'));
  });

  it('compose.yaml builds the image, reads .env, restarts, and publishes health on loopback', () => {
    expect(compose).toMatch(/^\s+build: \.$/m);
    expect(compose).toMatch(/^\s+env_file: \.env$/m);
    expect(compose).toMatch(/^\s+restart: unless-stopped$/m);
    expect(compose).toContain('"127.0.0.1:8080:8080"');
  });

  it('.dockerignore keeps the token and local builds out of the build context', () => {
    const ignored = dockerignore.split('\n').map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', 'dist', '.git']) expect(ignored).toContain(entry);
  });

  it('the README shows the docker and compose commands, and documents every variable of .env.example', () => {
    for (const command of ['docker build -t astana-talks-bot .', '--env-file .env', 'docker compose up -d', 'npm run start:sharded']) {
      expect(readme).toContain(command);
    }
    const variables = [...read('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(variables).toEqual(expect.arrayContaining(['DISCORD_TOKEN', 'HEALTH_PORT', 'HEALTH_HOST', 'SHARD_COUNT']));
    for (const v of variables) expect(readme).toContain(`| \`${v}\` |`);
  });
});
