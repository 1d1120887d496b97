import { describe, expect, it } from 'vitest';
import { STAMP_LENGTH, findShift, stampOf } from '../../src/knowledge/stamp.js';

describe('stampOf', () => {
  it('GIVEN the same text THEN the same short hex stamp; a one-character change THEN another', () => {
    const a = stampOf(['Five rounds were held.']);
    expect(a).toMatch(new RegExp(`^[0-9a-f]{${STAMP_LENGTH}}$`));
    expect(stampOf(['Five rounds were held.'])).toBe(a);
    expect(stampOf(['Five rounds were held!'])).not.toBe(a);
  });
  it('GIVEN two sentences THEN order and the boundary between them count', () => {
    expect(stampOf(['a b', 'c'])).not.toBe(stampOf(['c', 'a b']));
    expect(stampOf(['a b', 'c'])).not.toBe(stampOf(['a', 'b c']));
    expect(stampOf(['a', 'b'])).toBe('7e18f737311b'); // printf 'a\nb' | sha256sum
  });
});

describe('findShift', () => {
  const old = ['s1', 's2', 's3', 's4', 's5', 's6'];
  const stamp = stampOf(['s4', 's6']);
  it('GIVEN the cited sentences moved by the same offset THEN that offset, nearest first', () => {
    const removedBefore = ['s1', 's2', 's4', 's5', 's6'];
    expect(findShift(stamp, [4, 6], (n) => removedBefore[n - 1])).toBe(-1);
    const removedBetween = ['s1', 's2', 's3', 's4', 's6'];
    expect(findShift(stamp, [4, 6], (n) => removedBetween[n - 1])).toBeNull();
    const inserted = ['s0', 'x', ...old];
    expect(findShift(stamp, [4, 6], (n) => inserted[n - 1])).toBe(2);
    const removed = old.slice(2);
    expect(findShift(stampOf(['s4']), [4], (n) => removed[n - 1])).toBe(-2);
  });
  it('GIVEN a text beyond reach THEN null', () => {
    const far = [...Array.from({ length: 6 }, (_, i) => `x${i}`), ...old];
    expect(findShift(stampOf(['s1']), [1], (n) => far[n - 1], 5)).toBeNull();
    expect(findShift(stampOf(['s1']), [1], (n) => far[n - 1], 6)).toBe(6);
  });
});
