import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger, moduleLogger } from '../src/logger.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join(''), lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('GIVEN token-like fields anywhere THEN they are censored', () => {
    const out = sink();
    const logger = createLogger({ destination: out.stream });
    logger.info({ token: TOKEN }, 'a');
    logger.info({ client: { token: TOKEN } }, 'b');
    logger.info({ config: { discordToken: TOKEN } }, 'c');
    logger.info({ headers: { authorization: `Bot ${TOKEN}` } }, 'd');
    logger.info({ req: { headers: { authorization: `Bot ${TOKEN}` } } }, 'e');
    logger.info({ env: { DISCORD_TOKEN: TOKEN } }, 'f');
    expect(out.text()).not.toContain(TOKEN);
    expect(out.lines()).toHaveLength(6);
    expect(out.lines()[0]?.['token']).toBe('[redacted]');
  });

  it('GIVEN the token as a secret THEN it is scrubbed even from messages and error stacks', () => {
    const out = sink();
    const logger = createLogger({ destination: out.stream, secrets: [TOKEN] });
    logger.error({ err: new Error(`login failed for ${TOKEN}`) }, `token was ${TOKEN}`);
    logger.info({ nested: { deeper: { value: TOKEN } } }, 'x');
    expect(out.text()).not.toContain(TOKEN);
    expect(out.text()).toContain('[redacted]');
  });

  it('GIVEN a rejected interaction reply THEN neither the interaction token in its URL nor the reply body is logged', () => {
    const out = sink();
    const logger = createLogger({ level: 'info', destination: out.stream });
    const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';
    const err = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      `https://discord.com/api/v10/interactions/123456789012345678/${interactionToken}/callback`,
      { body: { type: 4, data: { content: 'a user question echoed back' } } },
    );
    logger.error({ err }, 'interaction failed');
    expect(out.text()).not.toContain(interactionToken);
    expect(out.text()).not.toContain('a user question echoed back');
    expect(out.text()).toContain('Unknown interaction');
  });

  it('GIVEN a whole config object logged by mistake THEN the token does not appear', () => {
    const out = sink();
    const logger = createLogger({ destination: out.stream });
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    logger.info({ cfg: config }, 'oops');
    logger.info(config, 'oops again');
    expect(out.text()).not.toContain(TOKEN);
  });

  it('GIVEN a level THEN lower levels are dropped, and module children are tagged', () => {
    const out = sink();
    const logger = createLogger({ destination: out.stream, level: 'warn' });
    logger.info('hidden');
    moduleLogger(logger, 'router').warn('shown');
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ module: 'router', msg: 'shown', level: 40 });
  });

  it('GIVEN an error under err THEN it is serialised with type and message', () => {
    const out = sink();
    createLogger({ destination: out.stream }).error({ err: new TypeError('boom') }, 'failed');
    expect(out.lines()[0]?.['err']).toMatchObject({ type: 'TypeError', message: 'boom' });
  });
});
