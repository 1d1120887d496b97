import { describe, expect, it } from 'vitest';
import { intentsOf } from '../../src/knowledge/intents.js';

const of = (q: string) => intentsOf(q.toLowerCase().split(/\s+/)).sort();

describe('intentsOf', () => {
  it.each([
    ['who wrote it', ['who']],
    ['whose idea was it', ['who']],
    ['when do they meet', ['when']],
    ['since when are they meeting', ['when']],
    ['where is hama', ['where']],
    ['why the zones', ['why']],
    ['how many rounds', ['count']],
    ['how much time', ['count']],
    ['number of rounds', ['count']],
    ['how long do they last', ['duration']],
    ['what did guterres say', ['say']],
    ['is idlib big', ['yesno']],
    ['did they say anything', ['say', 'yesno']],
    ['how are you', []],
    ['constructor', []],
    ['__proto__ toString', []],
  ])('GIVEN "%s" THEN %j', (q, expected) => {
    expect(of(q)).toEqual([...expected].sort());
  });

  it('GIVEN a yes/no opener with a wh-word THEN the wh-word wins', () => {
    expect(of('is it who i think')).toEqual(['who']);
  });
});
