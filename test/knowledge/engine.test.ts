import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, buildKnowledge, loadKnowledge, readKnowledgeFiles } from '../../src/knowledge/index.js';
import type { Answer } from '../../src/knowledge/index.js';
import type { FactEngine } from '../../src/knowledge/engine.js';
import { isVerbatim } from '../helpers/sources.js';

const { engine, facts, fact } = loadKnowledge();

function expectWellFormed(a: Answer): void {
  expect(a.confidence).toBeGreaterThanOrEqual(0);
  expect(a.confidence).toBeLessThanOrEqual(1);
  expect(a.related.length).toBeLessThanOrEqual(3);
  expect(a.quotes.length).toBeLessThanOrEqual(2);
  for (const q of a.quotes) {
    // Against the article file as written, not the sentence list the quote was taken from.
    expect(isVerbatim(a.document, q.text), q.text).toBe(true);
    // A quote backs the answer: it is one of the sentences the answered fact cites.
    expect(fact(a.factId as string)?.sentences).toContain(q.sentence);
  }
  if (a.answered) {
    expect(a.answer).not.toBeNull();
    expect(a.quotes.length).toBeGreaterThan(0);
  } else if (a.outcome === 'chatter') {
    expect(a.answer).toBeNull();
    expect(a.suggestions).toEqual([]);
    expect(a.unanswered).toEqual([]);
  } else {
    expect(a.answer).toBeNull();
    expect(a.quotes).toEqual([]);
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  }
}

describe('answers', () => {
  it.each([
    ['Who are the guarantor countries?', 'guarantors', 2],
    ['How many people live in Idlib?', 'idlib-population', 6],
    ['Who wrote the article?', 'author', 19],
    ['Which country proposed the safe zones?', 'zones-proposer', 17],
    ['When do they meet next?', 'next-round', 16],
  ])('GIVEN "%s" THEN fact %s is answered with sentence %i quoted first', (q, id, n) => {
    const a = engine.answer(q);
    expectWellFormed(a);
    expect(a.factId).toBe(id);
    expect(a.quotes[0]?.sentence).toBe(n);
  });

  it.each([
    ['guarantor contries', 'guarantors'],
    ['What did de Mistra call for?', 'de-mistura-call'],
    ['who is Nazarbaev', 'thanks-host'],
    ['idlib populaton', 'idlib-population'],
    ['population idlb', 'idlib-population'],
    ['Has Asad been removed from power?', 'opposition-demand'],
  ])('GIVEN the typo in "%s" THEN it still finds %s', (q, id) => {
    expect(engine.answer(q).factId).toBe(id);
  });

  it.each([
    ['What are the zones meant to separate Daesh from?', 'ISIS', 'zones-purpose'],
    ['Did the Russian Federation propose the zones?', 'Russia', 'zones-proposer'],
    ['What is Washington worried about?', 'US', 'us-concern-iran'],
    ['Did the opposition get the Syrian president ousted?', 'Assad', 'opposition-demand'],
  ])('GIVEN an alias in "%s" THEN it is answered (%s) with fact %s', (q, _alias, id) => {
    const a = engine.answer(q);
    expect(a.answered).toBe(true);
    expect(a.factId).toBe(id);
  });

  it.each([
    ['wher r the peace talks happenin', 2],
    ['how many rnds of talks so far', 2],
    ['y is the us govt upset w iran', 8],
    ['wat happened in the first 3 zones', 15],
  ])('GIVEN chat spelling "%s" THEN it reads it as written out and quotes sentence %i', (q, n) => {
    expect(engine.answer(q).quotes[0]?.sentence).toBe(n);
  });

  it('GIVEN a formal question full of words the fact base lacks THEN those plain words do not sink it', () => {
    expect(engine.answer('What misgivings has the American foreign affairs department voiced about the Astana process?').factId).toBe('us-concern-iran');
  });

  it('GIVEN a question wrapped in context THEN the clause that asks decides', () => {
    expect(engine.answer('I need one detail: who are the three guarantor states?').factId).toBe('guarantors');
    // A preamble naming something the article never does ("the Middle East") no longer weighs in:
    // the clause that asks names two things the fact base knows, so it is read on its own.
    expect(engine.answer('For my class presentation on the Middle East I need one detail: who are the three guarantor states?').factId).toBe('guarantors');
    expect(engine.answer("I'm writing an essay about Europe — what is the capital of France?").answered).toBe(false);
  });

  it('GIVEN a name the article never mentions THEN it weighs against answering more than a plain word', () => {
    expect(engine.answer('Who wrote Hamlet?').answered).toBe(false);
    expect(engine.answer('Who wrote the article?').answered).toBe(true);
  });

  // A known weakness from stop 19's fit to stop 27's (any title the training data lacked got the
  // byline at 0.71), fixed by stop 28's classifier (L2 1e-5): it learned "who wrote" from the titles.
  it('GIVEN "who wrote" a title the article never mentions THEN it declines', () => {
    for (const q of ['Who wrote Macbeth?', 'Who wrote Don Quixote?', 'Hamlet was written by whom?']) expect(engine.answer(q).answered, q).toBe(false);
  });

  it('GIVEN "what did X say" about someone the article quotes no words of THEN it declines', () => {
    expect(engine.answer('What did Nazarbayev say at the meeting?').answered).toBe(false);
    expect(engine.answer('What did Erdogan say?').answered).toBe(false);
    expect(engine.answer('What did Lavrov say about Idlib?').answered).toBe(false);
    expect(engine.answer('What did Guterres say?').factId).toBe('guterres-welcome');
  });

  it('GIVEN the same sentence answers several questions THEN each gets its own fact', () => {
    const ids = ['How many rounds were held?', 'Where are the talks held?', 'Since when are they talking?', 'Between whom are the talks?'].map((q) => engine.answer(q).factId);
    expect(new Set(ids).size).toBe(4);
    for (const q of ['How many rounds were held?', 'Where are the talks held?']) expect(engine.answer(q).quotes[0]?.sentence).toBe(2);
  });

  it('GIVEN a question about now THEN the answer is flagged for the 2017 caveat', () => {
    expect(engine.answer('Is Assad still the president today?').asksAboutNow).toBe(true);
    expect(engine.answer('Was Assad ousted?').asksAboutNow).toBe(false);
  });
});

describe('abstentions', () => {
  it.each(['What is the capital of France?', 'qwertyuiop', 'How many refugees have left Syria?', 'What is the capital of Kazakhstan?', "What's Russia's population?", 'How many people live in Damascus?'])(
    'GIVEN "%s" THEN the engine does not answer and offers facts it can answer',
    (q) => {
      const a = engine.answer(q);
      expectWellFormed(a);
      expect(a.answered).toBe(false);
      expect(['unsure', 'decline']).toContain(a.outcome);
      for (const s of a.suggestions) expect(engine.answerFact(s.id)?.factId).toBe(s.id);
    },
  );

  it.each(['good morning', 'thanks!', 'hi', 'hey bot', 'lol', '<@123456789012345678> thanks a lot!'])('GIVEN the chatter "%s" THEN the outcome is chatter, not a decline', (q) => {
    const a = engine.answer(q);
    expectWellFormed(a);
    expect(a.outcome).toBe('chatter');
    expect(a.answered).toBe(false);
  });

  it.each(['who did they thank?', "who'd they say thx to", 'who did the participants thank'])('GIVEN "%s", chatter words in a wh-question THEN it is a question, not chatter', (q) => {
    expect(engine.answer(q).outcome).not.toBe('chatter');
  });
});

describe('messages with several questions, context and chatter', () => {
  /** Every term `message` shares with `direct` weighs what it weighs in `direct`: the statement is part of the question. */
  function expectWeighsInFull(direct: string, message: string): void {
    const massOf = (m: string) => (engine as FactEngine).evaluate(m)[0]?.ranking.stats.termMass ?? new Map<string, number>();
    const plain = massOf(direct);
    const pointed = massOf(message);
    const shared = [...plain.keys()].filter((t) => pointed.has(t));
    expect(shared.length).toBeGreaterThan(0);
    for (const t of shared) expect(pointed.get(t), t).toBeCloseTo(plain.get(t) as number, 9);
  }

  it('GIVEN two answerable questions in one message THEN both are answered, each with its own quote', () => {
    const a = engine.answer('who are the guarantor countries? and how many people live in idlib?');
    expect(a.factId).toBe('guarantors');
    expect(a.more.map((m) => m.factId)).toEqual(['idlib-population']);
    expect(a.more[0]?.quotes[0]?.sentence).toBe(6);
    expect(a.unanswered).toEqual([]);
  });

  it('GIVEN an answerable question followed by an off-topic one THEN the first is answered and the second named as unanswered', () => {
    const a = engine.answer('how many people live in Idlib?? also is there free food lol');
    expect(a.factId).toBe('idlib-population');
    expect(a.more).toEqual([]);
    expect(a.unanswered).toEqual(['is there free food lol']);
  });

  it('GIVEN chatter around the question THEN the chatter does not sink it', () => {
    for (const q of ['hey bot!! who are the guarantor countries? thx in advance', 'ok so quick q. how many people live in Idlib? asking for a friend lol']) {
      expect(engine.answer(q).answered, q).toBe(true);
    }
  });

  it('GIVEN a question that names two things the article knows, after a sentence about the writer THEN that sentence does not weigh in', () => {
    // Before the clause was read on its own, the gardening and the grandchildren sank it to a did-you-mean.
    const a = engine.answer("I've been gardening all weekend with my grandchildren. When will the de-escalation zones expire?");
    expect(a.answered).toBe(true);
    expect(a.factId).toBe('zones-duration');
  });

  it('GIVEN a clause that only points back ("Is that right?") THEN the statement before it is the question', () => {
    const a = engine.answer('The guarantors set up a coordination center. Is that right?');
    expect(a.factId).toBe('coordination-center');
  });

  it('GIVEN a clause that asks whether the statement before it holds ("Does the article agree?") THEN that statement weighs as the question', () => {
    // Without the rule "agree" is the clause's only word, and the claim weighs a quarter as context.
    expectWeighsInFull('Who proposed the de-escalation zones?', 'A columnist wrote that Turkey proposed the de-escalation zones. Does the article agree?');
  });

  it('GIVEN a claim passed on from a stranger ("server on the patio said …") THEN it is weighed as the claim alone, and shown as written', () => {
    const evaluate = (m: string) => (engine as FactEngine).evaluate(m)[0];
    const passedOn = evaluate('server on the patio said the idlib zone deal was done in august. right?');
    const claim = evaluate('the idlib zone deal was done in august. right?');
    expect([...(passedOn?.ranking.stats.termMass ?? [])]).toEqual([...(claim?.ranking.stats.termMass ?? [])]);
    expect(passedOn?.probability).toBe(claim?.probability);
    const a = engine.answer('customer said that idlib is a tiny town w like 50k people. true?');
    expect(a.answered).toBe(true);
    expect(a.factId).toBe('idlib-population');
  });

  it('GIVEN a claim passed on from someone the fact base knows ("Guterres said …") THEN the reporter stays part of the question', () => {
    const terms = (m: string) => (engine as FactEngine).evaluate(m)[0]?.ranking.stats.analysis.terms ?? [];
    expect(terms('Guterres said he welcomed the Astana talks, right?')).toContain('guterr');
    expect(engine.answer('Guterres said he welcomed the Astana talks, right?').factId).toBe('guterres-welcome');
  });

  it('GIVEN a clear question followed by a sentence about the writer THEN that sentence does not sink it', () => {
    // As context, "remember", "name", "few years" and "take" sank it to a did-you-mean at 0.02.
    const a = engine.answer("What did Staffan de Mistura say about all this? I remember his name from the news a few years back but I don't know what his take was here.");
    expect(a.factId).toBe('de-mistura-call');
  });

  it('GIVEN a heading the fact base knows ("de mistura — …") THEN it is part of the question, not scene-setting', () => {
    // Read as a preamble, the heading was dropped from a clause that names two known things, and
    // "was he critical of astana" went to the Secretary-General's welcome.
    const [e] = (engine as FactEngine).evaluate('de mistura — was he critical of astana or supportive?');
    expect(e?.part.text).toBe('de mistura: was he critical of astana or supportive?');
    expect(e?.ranking.ranked[0]?.doc.fact.id).toBe('de-mistura-call');
  });

  it('GIVEN a heading the fact base does not know ("For my essay:") THEN it is only context', () => {
    const [e] = (engine as FactEngine).evaluate('For my essay: when did the talks start?');
    expect(e?.part).toEqual({ text: 'when did the talks start?', context: 'For my essay' });
  });

  it('GIVEN a pronoun in a clause that is not a question on its own THEN the statement before it weighs as the question', () => {
    // As context the statement's words would weigh a quarter; pointed to, they weigh in full.
    expectWeighsInFull('Who proposed the de-escalation zones?', 'My cousin mentioned the de-escalation zones. Who proposed them?');
  });

  it('GIVEN an abbreviation with periods ("U.S.") THEN the question is read whole, not cut at its period', () => {
    // Cut at "U.S.", "State Department?" was a question of its own, and answered with the State
    // Department's sentence whatever the rest asked.
    const parts = (engine as FactEngine).evaluate('Who heads the U.S. State Department?');
    expect(parts.map((e) => e.part.text)).toEqual(['Who heads the U.S. State Department?']);
  });

  it('GIVEN a membership check ("is the US one of the guarantors?") THEN the fact listing the group settles it, reported as asked', () => {
    // Read as written, it went to the State Department's remark about Iran "as a so-called guarantor".
    for (const q of ['is the US one of the guarantors?', 'the US is one of the astana guarantors right']) {
      const a = engine.answer(q);
      expect(a.factId, q).toBe('guarantors');
      expect(a.question, q).toBe(q);
    }
  });

  it('GIVEN a heading that only counts the questions ("two qs:") THEN it is context, not part of the first question', () => {
    const [first] = (engine as FactEngine).evaluate("two qs: how many rounds in Astana so far, and who's hosting?");
    expect(first?.part.text).toBe('how many rounds in Astana so far,');
    expect(first?.part.context).toBe('two qs');
    expect(first?.ranking.ranked[0]?.doc.fact.id).toBe('rounds');
  });

  it('GIVEN a declined question and a follow-up that leans on it ("was he…?") THEN the follow-up is not answered alone', () => {
    // Answered alone, "Was he happy with the outcome?" went to the Secretary-General's welcome at 0.87.
    for (const q of ['Who led the Iranian delegation? Was he happy with the outcome?', 'Who led the Iranian delegation? And what did he say about Idlib?']) {
      const a = engine.answer(q);
      expect(a.answered, q).toBe(false);
      expect(a.unanswered, q).toHaveLength(2);
    }
  });

  it('GIVEN a declined question and then one that stands on its own THEN the second is answered', () => {
    const a = engine.answer('What is the capital of Peru? And how many rounds of talks have there been in Astana?');
    expect(a.factId).toBe('rounds');
    expect(a.unanswered).toEqual(['What is the capital of Peru?']);
  });

  it('GIVEN an answered question and a follow-up with a pronoun THEN the follow-up is answered or named as unanswered, never dropped', () => {
    const a = engine.answer('who proposed the zones? how long do they last?');
    expect(a.factId).toBe('zones-proposer');
    expect([...a.more.map((m) => m.question), ...a.unanswered]).toEqual(['how long do they last?']);
  });

  it('GIVEN an answered question and a follow-up with a pronoun THEN the pronoun reads as what the first named, and both are answered', () => {
    const a = engine.answer('who proposed the zones? how long do they last?');
    expect(a.more.map((m) => m.factId)).toEqual(['zones-duration']);
    expect(engine.answer('who are the guarantors? what did they set up?').more.map((m) => m.factId)).toEqual(['coordination-center']);
  });

  it('GIVEN a follow-up that names what it asks about THEN the question before it does not pull it to its own fact', () => {
    // "who hosts them?" after a question about when the talks started is about the hosts, not the start.
    const a = engine.answer('when did the talks start? who hosts them?');
    expect(a.factId).toBe('start');
    expect(a.more.map((m) => m.factId)).not.toContain('start');
  });

  it('GIVEN a yes/no follow-up with a pronoun THEN it is read alone, as before', () => {
    const alone = (engine as FactEngine).evaluate('was it Turkey?')[0]?.probability;
    const after = (engine as FactEngine).evaluate('Who proposed the de-escalation zones? was it Turkey?')[1]?.probability;
    expect(after).toBe(alone);
  });

  it('GIVEN four answerable questions THEN at most three are answered', () => {
    const a = engine.answer('Who are the guarantors? How many people live in Idlib? Who wrote the article? Who proposed the zones?');
    expect(a.answered).toBe(true);
    expect(a.more.length).toBe(2);
  });
});

describe('bad input never crashes and stays bounded', () => {
  const hostile: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace only', ' \n\t  '],
    ['10,000 characters', 'Who are the guarantor countries? '.repeat(304)],
    ['10,000 random letters', 'x'.repeat(10_000)],
    ['emoji only', '🇸🇾🕊️🤝💥'],
    ['control characters', 'Who\u0000 are\u0007 the\u001b[31m guarantors?\u200b\u202e'],
    ['markdown', '**Who** are the _guarantor_ `countries`? ||spoiler|| [link](http://x)'],
    ['mentions', '@everyone @here <@123456789012345678> <@&987654321098765432> who are the guarantors?'],
    ['right-to-left', 'من هي الدول الضامنة؟'],
    ['another language', '¿Cuántas personas viven en Idlib?'],
    ['zalgo', 'W̷h̵o̶ ̸a̴r̷e̵ ̶t̴h̴e̷ ̸g̸u̶a̷r̵a̴n̵t̷o̸r̷s̴?'],
    ['lone surrogates', '\ud800\udc00\ud800 who \udfff'],
    ['terminal escape codes', '\u001b[1;31mWho are the guarantors?\u001b[0m'],
  ];
  it.each(hostile)('GIVEN %s THEN a well-formed answer or abstention comes back', (_label, q) => {
    const a = engine.answer(q);
    expectWellFormed(a);
    expect(a.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(a.question).not.toMatch(/[\p{Cc}\u200b\u202e]/u);
  });
  it('GIVEN a question pasted with terminal colour codes THEN it is still answered', () => {
    expect(engine.answer('\u001b[1;31mWho are the guarantor countries?\u001b[0m').factId).toBe('guarantors');
  });
  it('GIVEN zalgo over a real question THEN the diacritics do not hide it', () => {
    expect(engine.answer('W̷h̵o̶ ̸a̴r̷e̵ ̶t̴h̴e̷ ̸g̸u̶a̷r̵a̴n̵t̷o̸r̷s̴?').factId).toBe('guarantors');
  });
});

describe('answerFact', () => {
  it('GIVEN every fact id THEN its answer quotes its own sentences', () => {
    for (const f of facts) {
      const a = engine.answerFact(f.id);
      expect(a?.answer).toBe(f.answer);
      expect(a?.quotes.map((q) => q.sentence)).toEqual(f.sentences.slice(0, 2));
      expect(a?.related.some((r) => r.id === f.id)).toBe(false);
    }
  });
  it('GIVEN a question and the id of the fact it was answered with THEN both list the same related facts', () => {
    const a = engine.answer('Who are the guarantor countries?');
    expect(engine.answerFact(a.factId as string)?.related).toEqual(a.related);
  });
  it('GIVEN an unknown id THEN null', () => {
    expect(engine.answerFact('no-such-fact')).toBeNull();
  });
});

describe('suggest (autocomplete)', () => {
  it('GIVEN nothing typed THEN up to the limit of curated questions', () => {
    const s = engine.suggest('', 25);
    expect(s.length).toBe(25);
    expect(new Set(s).size).toBe(25);
  });
  it('GIVEN a partial word THEN the suggestions are about it', () => {
    const s = engine.suggest('guarant', 25);
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(25);
    expect(s[0]).toMatch(/guarant/i);
  });
  it('GIVEN a typo THEN relevant questions still come first', () => {
    expect(engine.suggest('idlib populaton', 5)[0]).toMatch(/idlib/i);
  });
  it('GIVEN hostile input THEN at most the limit, each at most 80 characters', () => {
    for (const q of ['x'.repeat(10_000), '@everyone', '🕊️', '\u0000']) {
      const s = engine.suggest(q, 25);
      expect(s.length).toBeLessThanOrEqual(25);
      for (const x of s) expect(x.length).toBeLessThanOrEqual(80);
    }
  });
});

describe('did-you-mean over several questions', () => {
  const files = readKnowledgeFiles();
  const decider = files.decider as { classified: object };
  const unsureOfAll = { answerAt: 1, offerAt: 0 };
  const doubtful = buildKnowledge({ ...files, decider: { ...decider, ...unsureOfAll, classified: { ...decider.classified, ...unsureOfAll } } }).engine;

  it('GIVEN two questions it answers neither of THEN the suggestions offer the best fact of each', () => {
    const a = doubtful.answer('roughly how many folks live in idlib? and whose idea were the zones?');
    expect(a.outcome).toBe('unsure');
    expect(a.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(['idlib-population', 'zones-proposer']));
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });
});
