import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, parseShardIds } from '../../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problem(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ DISCORD_TOKEN: TOKEN, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('HEALTH_PORT, HEALTH_HOST, SHARD_COUNT, SHARD_IDS', () => {
  it('GIVEN none THEN health is off, bound to 127.0.0.1 when on, and no shard count or ids are set', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(config).toMatchObject({ healthPort: undefined, healthHost: '127.0.0.1', shardCount: undefined, shardIds: undefined });
    expect(describeConfig(config)['health']).toBe('off');
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: '', HEALTH_HOST: ' ', SHARD_COUNT: '' })).toMatchObject({
      healthPort: undefined,
      healthHost: '127.0.0.1',
      shardCount: undefined,
    });
  });

  it('GIVEN values THEN parses them', () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0', SHARD_COUNT: '4' });
    expect(config).toMatchObject({ healthPort: 9464, healthHost: '0.0.0.0', shardCount: 4 });
    expect(describeConfig(config)['health']).toBe('0.0.0.0:9464');
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, HEALTH_HOST: '[::1]', SHARD_COUNT: 'AUTO' })).toMatchObject({ healthHost: '::1', shardCount: 'auto' });
  });

  it.each([
    [{ HEALTH_PORT: '0' }, 'HEALTH_PORT', /from 1 to 65535/],
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT', /from 1 to 65535/],
    [{ HEALTH_PORT: 'http' }, 'HEALTH_PORT', /leave it empty to turn the health and metrics listener off/],
    [{ HEALTH_HOST: 'http://0.0.0.0' }, 'HEALTH_HOST', /like 127\.0\.0\.1 or 0\.0\.0\.0/],
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT', /auto or a number of shards/],
    [{ SHARD_COUNT: 'two' }, 'SHARD_COUNT', /auto or a number of shards/],
    [{ SHARD_COUNT: '1025' }, 'SHARD_COUNT', /from 1 to 1024/],
    [{ SHARD_IDS: '0,2' }, 'SHARD_IDS', /needs SHARD_COUNT/],
    [{ SHARD_IDS: '2-1', SHARD_COUNT: '4' }, 'SHARD_IDS', /a list or a range, like 0,2 or 0-1, got "2-1"/],
    [{ SHARD_IDS: 'one', SHARD_COUNT: '4' }, 'SHARD_IDS', /a list or a range/],
    [{ SHARD_IDS: '1,4', SHARD_COUNT: '4' }, 'SHARD_IDS', /names shard 4, but SHARD_COUNT is 4/],
  ])('GIVEN %j THEN one line naming %s', (env, variable, message) => {
    const err = problem(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });
});

describe('SHARD_IDS', () => {
  it.each([
    ['0,2', [0, 2]],
    ['0-1', [0, 1]],
    [' 3 , 0-1,1 ', [0, 1, 3]],
    ['2-2', [2]],
  ])('GIVEN %s THEN the ids are %j (sorted, once each)', (text, ids) => {
    expect(parseShardIds(text)).toEqual(ids);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: text }).shardIds).toEqual(ids);
  });

  it('GIVEN SHARD_COUNT=auto THEN any ids are accepted until the count is known', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: 'auto', SHARD_IDS: '7' })).toMatchObject({ shardCount: 'auto', shardIds: [7] });
  });

  it.each(['', '1,', 'a', '1-', '-1', '1.5'])('GIVEN %j THEN it is not a shard list', (text) => {
    expect(parseShardIds(text)).toBeUndefined();
  });
});
