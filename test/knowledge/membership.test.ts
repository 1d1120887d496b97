import { describe, expect, it } from 'vitest';
import { asMembership } from '../../src/knowledge/membership.js';

const asked = (text: string) => asMembership({ text, context: '' }).text;

describe('asMembership', () => {
  it('GIVEN "is X one of the Y?" THEN it is asked as the question that lists the Y', () => {
    expect(asked('is the US one of the guarantors?')).toBe('Who are the guarantors?');
    expect(asked('y/n: is Iran one of the guarantor countries?')).toBe('Who are the guarantor countries?');
    expect(asked('Is Saudi Arabia among the guarantors?')).toBe('Who are the guarantors?');
  });

  it('GIVEN the check written as a statement with a check ending THEN the same', () => {
    expect(asked('the US is one of the astana guarantors right')).toBe('Who are the astana guarantors?');
    expect(asked('wait the US is one of the guarantor countries too, right?')).toBe('Who are the guarantor countries?');
  });

  it('GIVEN a "member" that is a clause, a choice or a participle THEN the question is left as written', () => {
    for (const q of [
      'Is Washington comfortable with Iran being one of the guarantors?',
      'Is Jabhat al-Nusra counted among the moderate opposition?',
      'Is Idlib a small pocket held by rebels, or one of the bigger areas?',
      'is Iran or Turkey one of the guarantors?',
    ]) expect(asked(q), q).toBe(q);
  });

  it('GIVEN a group that points back ("one of them") or no membership at all THEN the question is left as written', () => {
    for (const q of ['is Iran one of them?', 'Who are the guarantor countries?', 'is Iran a guarantor?', 'Which is one of the zones?']) expect(asked(q), q).toBe(q);
  });

  it('GIVEN a rewritten clause THEN its context is kept', () => {
    expect(asMembership({ text: 'is the US one of the guarantors?', context: 'my dad says so' })).toEqual({ text: 'Who are the guarantors?', context: 'my dad says so' });
  });
});
