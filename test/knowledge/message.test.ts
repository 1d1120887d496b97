import { describe, expect, it } from 'vitest';
import { asks, determinedWords, isCheck, opensQuestion, reportedClaim, splitMessage } from '../../src/knowledge/message.js';

describe('splitMessage', () => {
  it('GIVEN one plain question THEN it is one part without context', () => {
    expect(splitMessage('Who are the guarantor countries?')).toEqual([{ text: 'Who are the guarantor countries?', context: '' }]);
  });

  it('GIVEN two questions THEN two parts, the connector of the second left out', () => {
    expect(splitMessage('who are the guarantors? and how many rounds?').map((p) => p.text)).toEqual(['who are the guarantors?', 'how many rounds?']);
    expect(splitMessage('who hosts the talks and when did they start').map((p) => p.text)).toEqual(['who hosts the talks', 'when did they start']);
  });

  it('GIVEN a clause that only narrows the question before it ("what month") THEN it joins that question', () => {
    expect(splitMessage('when did the talks start? what month').map((p) => p.text)).toEqual(['when did the talks start? what month']);
    expect(splitMessage('where are the talks held, like what city and which country?').map((p) => p.text)).toEqual(['where are the talks held, like what city which country?']);
  });

  it('GIVEN a short "what"/"which" clause with a verb, "about", or after a statement THEN it is a question of its own', () => {
    expect(splitMessage('who proposed the zones? what happened next?')).toHaveLength(2);
    expect(splitMessage('who proposed the zones? what about Iran?')).toHaveLength(2);
    expect(splitMessage('who proposed the zones? I forget. which city?')).toHaveLength(2);
    expect(splitMessage('what month')).toEqual([{ text: 'what month', context: '' }]);
  });

  it('GIVEN "and" between names THEN the question stays whole', () => {
    expect(splitMessage('Did Iran and Turkey propose the zones?')).toHaveLength(1);
  });

  it('GIVEN a preamble THEN it is the context of the question after it', () => {
    const [part] = splitMessage("I've been following this for years. Who hosts the talks?");
    expect(part).toEqual({ text: 'Who hosts the talks?', context: "I've been following this for years.", antecedent: "I've been following this for years." });
  });

  it('GIVEN a statement after the last question THEN it is its context too', () => {
    const [part] = splitMessage('Who proposed them? The zones, I mean.');
    expect(part?.context).toBe('The zones, I mean.');
  });

  it('GIVEN a statement about the writer or a sign-off after the last question THEN it is chatter, not context', () => {
    for (const tail of ['I need it for my essay', 'my teacher asked us', 'Thanks so much, Evelyn', 'ok cheers', 'Trying to make a timeline for my class.']) {
      expect(splitMessage(`Who hosts the talks? ${tail}`), tail).toEqual([{ text: 'Who hosts the talks?', context: '' }]);
    }
  });

  it('GIVEN mentions THEN they are dropped', () => {
    expect(splitMessage('<@123456789012345678> @bot who wrote this?')).toEqual([{ text: 'who wrote this?', context: '' }]);
  });

  it('GIVEN nothing that asks THEN the whole message is one part (a keyword query)', () => {
    expect(splitMessage('idlib population')).toEqual([{ text: 'idlib population', context: '' }]);
  });

  it('GIVEN nothing but punctuation or mentions THEN there is nothing to answer', () => {
    expect(splitMessage('?!?')).toEqual([]);
    expect(splitMessage('<@123456789012345678>')).toEqual([]);
    expect(splitMessage('')).toEqual([]);
  });

  it('GIVEN many questions THEN at most the limit are kept, in order', () => {
    const parts = splitMessage('a? b? c? d? e? f? g?'.replace(/([a-g])/g, 'who is $1'), 3);
    expect(parts.map((p) => p.text)).toEqual(['who is a?', 'who is b?', 'who is c?']);
  });

  it('GIVEN dashes, colons and semicolons THEN they end clauses', () => {
    expect(splitMessage('I read the piece twice; where is Hama?')).toEqual([{ text: 'where is Hama?', context: 'I read the piece twice', antecedent: 'I read the piece twice' }]);
    expect(splitMessage('quick one - where is Hama?')[0]?.text).toBe('where is Hama?');
  });

  it('GIVEN an abbreviation with a period THEN the clause goes on; a sentence\'s period still ends one', () => {
    expect(splitMessage("Who heads the U.S. State Department?")).toEqual([{ text: 'Who heads the U.S. State Department?', context: '' }]);
    expect(splitMessage('did the u.n. envoy go to astana?')).toEqual([{ text: 'did the u.n. envoy go to astana?', context: '' }]);
    expect(splitMessage('What did Mr. de Mistura ask for, e.g. more talks?')).toEqual([{ text: 'What did Mr. de Mistura ask for, e.g. more talks?', context: '' }]);
    expect(splitMessage('I read the U.S. statement. Who hosts the talks?')).toEqual([
      { text: 'Who hosts the talks?', context: 'I read the U.S. statement.', antecedent: 'I read the U.S. statement.' },
    ]);
  });

  it('GIVEN "no." in chat THEN it is the word no and ends its clause', () => {
    expect(splitMessage('was it in geneva? no. where then?').map((p) => p.text)).toEqual(['was it in geneva?', 'where then?']);
  });

  it('GIVEN a short heading before a colon or a dash THEN it is the question\'s label, for the engine to weigh', () => {
    expect(splitMessage('For my essay: who hosts the talks?')).toEqual([{ text: 'who hosts the talks?', context: '', label: 'For my essay' }]);
    expect(splitMessage('de mistura — was he critical?')).toEqual([{ text: 'was he critical?', context: '', label: 'de mistura' }]);
    expect(splitMessage('hama clashes: govt vs al-nusra?')[0]?.label).toBe('hama clashes');
  });

  it('GIVEN statements before a question THEN the last one is its antecedent', () => {
    expect(splitMessage('I read the piece. My cousin mentioned the center. Where is it?')).toEqual([
      { text: 'Where is it?', context: 'I read the piece. My cousin mentioned the center.', antecedent: 'My cousin mentioned the center.' },
    ]);
    expect(splitMessage('Where is it?')[0]?.antecedent).toBeUndefined();
  });

  it('GIVEN a heading of five words or more, or one not followed by a question THEN it is no label', () => {
    expect(splitMessage('I have one question for you: who hosts the talks?')).toEqual([{ text: 'who hosts the talks?', context: 'I have one question for you', antecedent: 'I have one question for you' }]);
    expect(splitMessage('idlib: I forgot. how many live there?')).toEqual([{ text: 'how many live there?', context: 'idlib I forgot.', antecedent: 'I forgot.' }]);
  });
  it('GIVEN a bulleted or numbered list THEN each item is a question, without its marker', () => {
    expect(splitMessage('- how many people in idlib\n- and who guarantees the ceasefire\nthats it thx').map((p) => p.text)).toEqual(['how many people in idlib', 'who guarantees the ceasefire']);
    expect(splitMessage('1. who hosts the talks\n2) when did they start').map((p) => p.text)).toEqual(['who hosts the talks', 'when did they start']);
  });

  it('GIVEN an inline enumeration THEN each numbered item is a question, no connector left dangling', () => {
    expect(splitMessage('two things: (1) does the ban cover the coalition and (2) who observes Hama').map((p) => p.text)).toEqual(['does the ban cover the coalition', 'who observes Hama']);
  });

  it('GIVEN items marked "1)" or "b)" on one line THEN each is a question when a question opens after its marker', () => {
    const texts = (m: string) => splitMessage(m).map((p) => p.text);
    expect(texts("1) who are the guarantors 2) how many rounds so far 3) when's the next one?")).toEqual(['who are the guarantors', 'how many rounds so far', "when's the next one?"]);
    expect(texts('a) who proposed the zones (b) how long do they last?')).toEqual(['who proposed the zones', 'how long do they last?']);
  });

  it('GIVEN multiple-choice options THEN they are not split into questions', () => {
    const parts = splitMessage('Who hosts the talks: A) Iran, Turkey and Russia, B) the US and France, or C) Kazakhstan?');
    expect(parts).toHaveLength(1);
    expect(parts[0]?.text).toContain('Iran, Turkey and Russia, B) the US and France, or C) Kazakhstan?');
  });

  it('GIVEN a quoted line THEN it is context for the question after it, even when it reads as a check', () => {
    expect(splitMessage("> the talks began in march right\nthat's wrong. when did they start?")).toEqual([
      { text: 'when did they start?', context: "the talks began in march right that's wrong.", antecedent: "that's wrong." },
    ]);
  });

  it('GIVEN only a quoted question THEN it is still read (nothing else asks)', () => {
    expect(splitMessage('> who hosts the talks?')).toEqual([{ text: 'who hosts the talks?', context: '' }]);
  });
});

describe('asks, opensQuestion and isCheck', () => {
  it.each(['who are they', 'so is that right', 'ok quick q, how many?', 'the zones last a year right', 'tell me about Idlib', 'Idlib?'])('GIVEN %j THEN it asks', (t) => {
    expect(asks(t)).toBe(true);
  });

  it.each(['I think so', 'lol', 'asking for a friend', 'thanks a lot'])('GIVEN %j THEN it does not ask', (t) => expect(asks(t)).toBe(false));

  it('GIVEN openers after fillers THEN they count; a question mark alone does not open one', () => {
    expect(opensQuestion('so, who hosts')).toBe(true);
    expect(opensQuestion('Idlib?')).toBe(false);
    expect(opensQuestion('whoever said that')).toBe(false);
  });

  it.each(['Is Hama calm?', 'so the zones last a year right?', 'Russia proposed them?', 'did the opposition win', 'r the zones permanent'])('GIVEN the yes/no check %j THEN isCheck', (t) => {
    expect(isCheck(t)).toBe(true);
  });

  it.each(['Who proposed the zones?', 'how many people live in Idlib?', 'tell me about the zones'])('GIVEN the wh-question %j THEN not a check', (t) => {
    expect(isCheck(t)).toBe(false);
  });
});

describe('determinedWords', () => {
  it('GIVEN a question THEN the words after its determiners: what it names, not what it asks about them', () => {
    expect(determinedWords('who proposed the zones?')).toBe('zones');
    expect(determinedWords('when did the talks start')).toBe('talks');
    expect(determinedWords('what did these guarantor states and their envoys say')).toBe('guarantor envoys');
    expect(determinedWords('who proposed them?')).toBe('');
  });
});

describe('reportedClaim', () => {
  it.each([
    ['my roommate says the zones last six months', 'my roommate', 'the zones last six months'],
    ['customer said that idlib is a tiny town', 'customer', 'idlib is a tiny town'],
    ['server on the patio said the idlib deal was done in august.', 'server on the patio', 'the idlib deal was done in august.'],
    ['According to my uncle, the talks are in Geneva', 'my uncle', 'the talks are in Geneva'],
    ['I was sure the war started in 2000', 'I', 'the war started in 2000'],
    ["Grandad keeps saying it's Aleppo", 'Grandad', "it's Aleppo"],
    ['Guterres said he welcomed the talks', 'Guterres', 'he welcomed the talks'],
  ])('GIVEN %j THEN the reporter is %j and the claim %j', (statement, reporter, claim) => {
    expect(reportedClaim(statement)).toEqual({ reporter, claim });
  });

  it.each([
    'said', 'says', 'say', 'saying', 'told me', 'told us', 'tells me', 'tells us', 'claims', 'claimed', 'insists', 'insisted', 'swears', 'swore',
    'reckons', 'reckoned', 'thinks', 'thought', 'believes', 'believed', 'heard', 'hears', 'read', 'reads', 'wrote', 'writes', 'argues', 'argued',
    'mentioned', 'posted', 'keeps saying', 'kept saying', 'was saying', 'was sure', 'am sure',
  ])('GIVEN the reporting verb %j THEN the claim after it is found (the quick scan that skips most clauses knows it too)', (verb) => {
    expect(reportedClaim(`my Uncle Bob ${verb} the zones last a year`)).toEqual({ reporter: 'my Uncle Bob', claim: 'the zones last a year' });
  });

  it.each([
    'what did he say about the zones?',
    'does the article say the zones last six months?',
    'Did Guterres say he welcomed the talks?',
    'is it true my uncle said that?',
    'the tall man at the back of the hall said the talks failed',
    'the zones last six months',
    'said the zones last six months',
    '',
  ])('GIVEN %j (a question, a reporter of seven words or more, or no reporting verb) THEN no reported claim', (statement) => {
    expect(reportedClaim(statement)).toBeNull();
  });
});
