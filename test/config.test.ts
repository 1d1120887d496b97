import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_API_URL, describeConfig, loadConfig } from '../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('GIVEN only a token THEN applies the documented defaults', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(config).toMatchObject({
      discordToken: TOKEN,
      clientId: undefined,
      guildId: undefined,
      apiUrl: DEFAULT_API_URL,
      answerChannelIds: [],
      logLevel: 'info',
      userCooldownSeconds: 3,
    });
  });

  it('GIVEN no DISCORD_TOKEN THEN throws one line naming it, .env.example and npm run ask', () => {
    for (const env of [{}, { DISCORD_TOKEN: '' }, { DISCORD_TOKEN: '   ' }]) {
      const err = configError(env);
      expect(err.variable).toBe('DISCORD_TOKEN');
      expect(err.message).toContain('DISCORD_TOKEN');
      expect(err.message).toContain('.env.example');
      expect(err.message).toContain('npm run ask');
      expect(err.message).not.toContain('\n');
    }
  });

  it('GIVEN a token with a "Bot " prefix or whitespace THEN explains without echoing the token', () => {
    const prefixed = configError({ DISCORD_TOKEN: `Bot ${TOKEN}` });
    expect(prefixed.message).toMatch(/without the "Bot " prefix/);
    expect(prefixed.message).not.toContain(TOKEN);
    const spaced = configError({ DISCORD_TOKEN: 'abc def-secret-part' });
    expect(spaced.message).toContain('whitespace');
    expect(spaced.message).not.toContain('secret-part');
  });

  it('GIVEN every variable set THEN parses them (trimmed, blank meaning unset)', () => {
    const config = loadConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: 'http://127.0.0.1:4567/api/',
      ANSWER_CHANNEL_IDS: ' 111111111111111111 ,222222222222222222,,111111111111111111',
      LOG_LEVEL: 'DEBUG',
      USER_COOLDOWN_SECONDS: '0',
    });
    expect(config.discordToken).toBe(TOKEN);
    expect(config.clientId).toBe('123456789012345678');
    expect(config.guildId).toBeUndefined();
    expect(config.apiUrl).toBe('http://127.0.0.1:4567/api');
    expect(config.answerChannelIds).toEqual(['111111111111111111', '222222222222222222']);
    expect(config.logLevel).toBe('debug');
    expect(config.userCooldownSeconds).toBe(0);
  });

  it.each([
    ['DISCORD_CLIENT_ID', 'abc', /17–20 digits/],
    ['DISCORD_CLIENT_ID', '1234', /17–20 digits/],
    ['DISCORD_GUILD_ID', '123456789012345678901', /17–20 digits/],
    ['DISCORD_API_URL', 'discord.com/api', /http\(s\) URL/],
    ['DISCORD_API_URL', 'ftp://discord.com/api', /http\(s\) URL/],
    ['DISCORD_API_URL', 'https://discord.com/api/v10', /API version/],
    ['DISCORD_API_URL', 'http://', /http\(s\) URL/],
    ['ANSWER_CHANNEL_IDS', '111111111111111111,general', /"general" is not one/],
    ['LOG_LEVEL', 'verbose', /one of fatal, error, warn, info, debug, trace, silent/],
    ['USER_COOLDOWN_SECONDS', '-1', /from 0 to 3600/],
    ['USER_COOLDOWN_SECONDS', 'three', /from 0 to 3600/],
    ['USER_COOLDOWN_SECONDS', '86400', /from 0 to 3600/],
    ['USER_COOLDOWN_SECONDS', 'three', /got "three"/],
    ['LOG_LEVEL', 'verbose', /got "verbose"/],
  ])('GIVEN %s=%s THEN throws one line naming the variable', (variable, value, pattern) => {
    const err = configError({ DISCORD_TOKEN: TOKEN, [variable]: value });
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(variable)).toBe(true);
    expect(err.message).toMatch(pattern);
    expect(err.message).not.toContain('\n');
    expect(err.message).not.toContain(TOKEN);
  });

  it('GIVEN several problems THEN reports every one, one line each, the token first', () => {
    const err = configError({ DISCORD_GUILD_ID: 'x', LOG_LEVEL: 'nope', HEALTH_PORT: '0', SHARD_IDS: 'a-b', FEEDBACK_SECRET: 'short' });
    expect(err.variable).toBe('DISCORD_TOKEN');
    expect(err.problems.map((p) => p.variable)).toEqual(['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'LOG_LEVEL', 'HEALTH_PORT', 'SHARD_IDS', 'FEEDBACK_SECRET']);
    const lines = err.message.split('\n');
    expect(lines).toHaveLength(6);
    lines.forEach((line, i) => expect(line.startsWith(err.problems[i]?.variable ?? '?')).toBe(true));
  });

  it('GIVEN a variable wrong in two ways THEN it still gets one line', () => {
    const err = configError({ DISCORD_TOKEN: `Bot ${TOKEN}` });
    expect(err.problems).toHaveLength(1);
    expect(err.message).not.toContain('\n');
  });

  it('GIVEN FEEDBACK_SECRET THEN exposes it as feedbackSecret and keeps it out of serialisations', () => {
    const secret = 'f'.repeat(32);
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, FEEDBACK_SECRET: secret });
    expect(config.feedbackSecret).toBe(secret);
    expect(JSON.stringify(config)).not.toContain(secret);
    expect(inspect(config)).not.toContain(secret);
    expect(describeConfig(config)['feedbackSecretSet']).toBe(true);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN }).feedbackSecret).toBeUndefined();
    const short = configError({ DISCORD_TOKEN: TOKEN, FEEDBACK_SECRET: 'tooshort' });
    expect(short.message).toMatch(/^FEEDBACK_SECRET must be at least 16 characters/);
    expect(short.message).not.toContain('tooshort');
  });

  it('GIVEN a loaded config THEN it is frozen, including the channel list', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, ANSWER_CHANNEL_IDS: '111111111111111111' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.answerChannelIds)).toBe(true);
    expect(() => {
      (config as { logLevel: string }).logLevel = 'trace';
    }).toThrow(TypeError);
  });

  it('GIVEN a config serialised or inspected by mistake THEN the token is redacted', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(inspect(config)).not.toContain(TOKEN);
    expect(JSON.stringify(describeConfig(config))).not.toContain(TOKEN);
    expect(config.discordToken).toBe(TOKEN);
  });

  it('GIVEN no argument THEN reads process.env', () => {
    const saved = process.env['DISCORD_TOKEN'];
    process.env['DISCORD_TOKEN'] = TOKEN;
    try {
      expect(loadConfig().discordToken).toBe(TOKEN);
    } finally {
      if (saved === undefined) delete process.env['DISCORD_TOKEN'];
      else process.env['DISCORD_TOKEN'] = saved;
    }
  });
});
