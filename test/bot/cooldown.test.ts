import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/bot/cooldown.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Cooldown', () => {
  it('GIVEN a user within the window THEN notifies once, then stays silent', () => {
    const c = clock();
    const cooldown = new Cooldown(3, c.now);
    expect(cooldown.take('u')).toEqual({ allowed: true });
    c.advance(500);
    expect(cooldown.take('u')).toEqual({ allowed: false, notify: true, retryAfterMs: 2500 });
    c.advance(500);
    expect(cooldown.take('u')).toEqual({ allowed: false, notify: false, retryAfterMs: 2000 });
    expect(cooldown.take('u')).toMatchObject({ allowed: false, notify: false });
  });

  it('GIVEN the window passed THEN the user is allowed again and may be notified again later', () => {
    const c = clock();
    const cooldown = new Cooldown(3, c.now);
    cooldown.take('u');
    cooldown.take('u');
    c.advance(3000);
    expect(cooldown.take('u')).toEqual({ allowed: true });
    expect(cooldown.take('u')).toMatchObject({ allowed: false, notify: true });
  });

  it('GIVEN two users THEN their windows are independent', () => {
    const cooldown = new Cooldown(3, clock().now);
    expect(cooldown.take('a').allowed).toBe(true);
    expect(cooldown.take('b').allowed).toBe(true);
    expect(cooldown.take('a').allowed).toBe(false);
  });

  it('GIVEN 0 seconds THEN the cooldown is disabled and tracks nobody', () => {
    const cooldown = new Cooldown(0);
    for (let i = 0; i < 5; i++) expect(cooldown.take('u')).toEqual({ allowed: true });
    expect(cooldown.enabled).toBe(false);
    expect(cooldown.size).toBe(0);
  });

  it('GIVEN many users whose windows expired THEN old entries are swept', () => {
    const c = clock();
    const cooldown = new Cooldown(1, c.now);
    for (let i = 0; i < 1000; i++) cooldown.take(`u${i}`);
    c.advance(2000);
    cooldown.take('late');
    expect(cooldown.size).toBe(1);
  });
});
