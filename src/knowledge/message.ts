/**
 * Reads a chat message, not a string: which clauses ask something, which only set the scene
 * ("I've been following this for years…"), and which are chatter ("lol", "asking for a friend").
 * Purely structural (punctuation, clause openers), so it holds for any article.
 */

import { ABBREVIATIONS } from './sentences.js';

/** One clause that asks, with the clauses before it that only give context. */
export interface MessagePart {
  /** The clause that asks, as written. */
  readonly text: string;
  /** Statements before it (a preamble), as written; '' when there are none. */
  readonly context: string;
  /**
   * A short heading the clause came under, on its line ("hama clashes: govt vs al-nusra?",
   * "de mistura — was he critical?"): what the question is about when the fact base knows its
   * words, a preamble ("For my essay:") when it doesn't. The engine tells which.
   */
  readonly label?: string;
  /** The statement right before the clause, where a pronoun in it ("what did they set up?") points. */
  readonly antecedent?: string;
}

/** Mentions and channel links carry no question: `<@123>`, `<@!123>`, `<@&123>`, `<#123>`, `@bot`. */
const MENTION = /<[@#][!&]?\d+>|(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+/gu;
/**
 * Sentence ends (a run of ?/!), dashes, colons, semicolons and line breaks end a clause; so does a
 * period, unless it ends an abbreviation (`PERIOD_END`).
 */
const CLAUSE_END = /(?<=[?!]+)\s*|\s+[-\u2013\u2014]+\s+|[\u2013\u2014;:]\s*|\n+/u;
/**
 * A period and the space after it, with the word before it ("the U.S", "Mr", "zones"). The word
 * starts where the letters do, so a long run of letters is scanned once, not once per letter.
 */
const PERIOD_END = /(?<![\p{L}.])([\p{L}.]*)\.\s+/gu;
const PERIOD_SPACE = /\.\s/u;
/** Dotted initialisms in any case ("U.S.", "u.n.", "e.g."): chat rarely capitalises them. */
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
/** Words that open a second question after a connector or a list marker ("… and how many…", "2) who…"). */
const ASKING_WORDS = 'who|whom|whose|what|whats|wat|when|wen|where|wher|why|how|which|is|are|was|were|do|does|did|can|could|will|would|has|have';
/**
 * "…? also …", "… and also …", "btw …", "… and when …": a connector that opens a second question.
 * Only before a question word, so "Iran and Turkey" or "also held talks" stay whole.
 */
const SECOND_QUESTION = new RegExp(`\\s+(?:(?:and\\s+)?also|btw|plus|oh\\s+and|and|but)\\s+(?=(?:${ASKING_WORDS})\\b)`, 'iu');
/** A connector left at the start of a second question ("…? and how many…"): not part of what it asks. */
const CONNECTOR = /^(?:(?:and\s+)?also|and|btw|plus|oh\s+and|but)[\s,]+(?=\S)/iu;
/** Words that open a question (after fillers such as "so", "ok", "yo", "ngl"). */
const QUESTION_OPENER =
  /^(?:who|whom|whose|whos|what|whats|wat|wut|when|wen|where|wher|wheres|why|how|hows|which|is|isn't|are|aren't|was|wasn't|were|do|does|doesn't|did|didn't|can|could|will|would|should|has|hasn't|have|haven't|had|tell|explain|name|list|describe|give|show|quote|any)\b/iu;
const FILLER = /^(?:(?:so|ok|okay|and|but|also|yo|hey|hi|hello|um+|uh+|ngl|tbh|btw|lol|well|wait|quick q|quick question|dumb q|dumb question|real quick|pls|please|bot|guys|then|like|right|sorry)\b[\s,!.]*)+/iu;
/** "…, right?", "… or nah", "… correct?": the clause is a yes/no check even without an opener. */
const CHECK_ENDING = /\b(?:right|correct|true|yes|no|or not|or nah|isn't it|aren't they|don't they|didn't they|wasn't it|hasn't it)\s*\??$/iu;

/**
 * A line quoted with Discord's "> " (or ">>> ") is somebody else's words the writer reacts to
 * ("> the talks began in March\nthat's wrong, when did they start?"): context, never the ask.
 */
const QUOTED_LINE = /^\s*>{1,3}\s?/u;
/** A list item's marker ("- ", "* ", "• ", "1. ", "2) ", "(3) ", "b) "): not part of what it asks. */
const LIST_MARKER = /^(?:[-*+\u2022\u2023\u25e6\u25aa]|\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-eA-E]\))\s+/u;
/**
 * An inline enumeration numbers its questions: "two things: (1) … and (2) …", or "1) who … 2) how
 * many …" and "a) … b) …" when a question opens after the marker; multiple-choice options ("A) Iran,
 * Turkey and Russia, B) …") are not questions and stay whole.
 */
const ENUMERATED = new RegExp(`\\s*\\(\\d{1,2}\\)\\s+|\\s+\\(?(?:\\d{1,2}|[a-eA-E])\\)\\s+(?=(?:${ASKING_WORDS})\\b)`, 'iu');
/** A connector left dangling at the end of a clause ("… the coalition and (2) who…"). */
const DANGLING_CONNECTOR = /[\s,]+(?:and|or|also|plus)$/iu;

/**
 * A statement about the writer or a sign-off after the last question ("I need it for an essay",
 * "my teacher asked us", "Thanks so much, Evelyn"): chatter, not context. Its words (and a name in
 * a sign-off) would otherwise weigh against a question that is clear on its own. Fillers ("lol",
 * "ok so") are stripped before it is tried, so they need no entry here.
 */
const ABOUT_THE_WRITER =
  /^(?:i|i'm|im|i've|ive|i'd|i'll|me|my|we|we're|we've|our|us|thanks|thank|thx|ty|cheers|regards|kind regards|best|much appreciated|many thanks|bless you|trying|need|asking|just curious|lmao|haha)\b/iu;

/** "idlib: …", "hama clashes - …", "de mistura — …": up to four words, then a colon or a dash. */
const LABEL = /^((?:[^\s.?!:;\u2013\u2014]+\s+){0,3}[^\s.?!:;\u2013\u2014-][^\s.?!:;\u2013\u2014]*)\s*(?::|\s[-\u2013\u2014]+|[\u2013\u2014])\s+(?=\S)/u;

interface Clause {
  readonly text: string;
  readonly quoted: boolean;
  readonly label?: string;
}

/** Splits a message into the clauses that ask and their context, at most `limit` of them. */
export function splitMessage(message: string, limit = 5): MessagePart[] {
  const clauses = clausesOf(message);
  const parts: Array<{ text: string; context: string[]; label?: string; antecedent?: string }> = [];
  let context: string[] = [];
  for (const { text, quoted, label } of clauses) {
    const previous = parts[parts.length - 1];
    if (!quoted && previous !== undefined && context.length === 0 && label === undefined && REFINEMENT.test(text.replace(FILLER, ''))) {
      // "when did they start? what month" asks one thing: the month narrows the question before it.
      previous.text = `${previous.text} ${text}`;
      continue;
    }
    if (!quoted && asks(text)) {
      const antecedent = context[context.length - 1];
      parts.push({ text, context, ...(label === undefined ? {} : { label }), ...(antecedent === undefined ? {} : { antecedent }) });
      context = [];
    } else {
      context.push(...(label === undefined ? [] : [label]), text);
    }
  }
  if (parts.length === 0) return clauses.length === 0 ? [] : [{ text: clauses.flatMap((c) => (c.label === undefined ? [c.text] : [c.label, c.text])).join(' '), context: '' }];
  for (const p of parts) p.text = p.text.replace(CONNECTOR, '');
  // Other statements after the last question ("…? the zones, I mean") are context too.
  const trailing = context.filter((c) => !ABOUT_THE_WRITER.test(c.replace(FILLER, '')));
  if (trailing.length > 0) (parts[parts.length - 1] as { context: string[] }).context.push(...trailing);
  return parts.slice(0, limit).map((p) => ({ ...p, context: p.context.join(' ') }));
}

/** A message's clauses in order, each without its list marker, quoted lines marked. */
function clausesOf(message: string): Clause[] {
  const out: Clause[] = [];
  for (const line of message.replace(MENTION, ' ').split(/\n+/u)) {
    const quoted = QUOTED_LINE.test(line);
    let body = line.replace(QUOTED_LINE, '').replace(/[ \t]+/gu, ' ').trim().replace(LIST_MARKER, '');
    const heading = LABEL.exec(body);
    let label = heading?.[1];
    if (heading) body = body.slice(heading[0].length);
    for (const piece of splitEach(splitEach(splitEach(periodClauses(body), CLAUSE_END), ENUMERATED), SECOND_QUESTION)) {
      const text = piece.trim().replace(LIST_MARKER, '').replace(DANGLING_CONNECTOR, '');
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      out.push(label === undefined ? { text, quoted } : { text, quoted, label });
      label = undefined;
    }
    if (label !== undefined) out.push({ text: label, quoted });
  }
  return out;
}

/**
 * Each piece split where `pattern` matches (a pattern without the g flag). Tested first: most pieces
 * have no such boundary, and String.prototype.split with a regex builds a sticky copy of it each call.
 */
function splitEach(pieces: readonly string[], pattern: RegExp): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    if (pattern.test(piece)) out.push(...piece.split(pattern));
    else out.push(piece);
  }
  return out;
}

/**
 * Splits at periods that end a sentence, not at those of an abbreviation: "Who heads the U.S. State
 * Department?" is one question, not "Who heads the U.S." and a second one, "State Department?".
 * In chat "no." is the word no, not the numero sign the article's sentence splitter knows it as.
 */
function periodClauses(text: string): string[] {
  // Most messages have no period before a space: skip the scan, which costs more than the test.
  if (!PERIOD_SPACE.test(text)) return [text];
  const out: string[] = [];
  let begin = 0;
  for (const m of text.matchAll(PERIOD_END)) {
    const word = (m[1] as string).toLowerCase();
    if (DOTTED.test(word) || (word !== 'no' && ABBREVIATIONS.has(word))) continue;
    out.push(text.slice(begin, (m.index as number) + m[0].trimEnd().length));
    begin = (m.index as number) + m[0].length;
  }
  out.push(text.slice(begin));
  return out;
}

/**
 * A clause that only narrows the question before it ("what month", "which city", "which ones?"):
 * "what" or "which" and a word or two, no verb ("what happened", "which is it") and no "about".
 */
const REFINEMENT = /^(?:and\s+)?(?:what|which)\s+(?!(?:is|are|was|were|did|do|does|about|happened|else|now|then|for)\b)\p{L}+(?:\s+\p{L}+)?\s*\?*$/iu;

const YES_NO_OPENER = /^(?:is|isn't|are|aren't|was|wasn't|were|do|does|doesn't|did|didn't|can|could|will|would|should|has|hasn't|have|haven't|had|r)\b/iu;
const WH_WORD = /\b(?:who|whom|whose|what|whats|wat|when|wen|where|wher|why|how|which)\b/iu;

/**
 * A yes/no check ("Is Hama calm?", "so the zones last a year right?", "Russia proposed them?"):
 * settled or corrected by a fact rather than answered by one, so a name in it that the fact
 * doesn't mention is less telling than in "How many people live in Damascus?".
 */
export function isCheck(clause: string): boolean {
  const t = clause.trim();
  const opened = t.replace(FILLER, '');
  if (YES_NO_OPENER.test(opened)) return true;
  if (CHECK_ENDING.test(t)) return true;
  return /\?\s*$/.test(t) && !WH_WORD.test(t);
}

/**
 * A claim passed on from someone ("my roommate says the zones…", "customer said idlib is…", "I was
 * sure the war…"): up to six words of who said it, then a verb of saying or believing. The verbs
 * are a closed class, as the question openers are; a clause that asks ("what did he say…", "does
 * the article say…") has no reporter.
 */
const REPORTING_VERBS =
  "said|says|say|saying|told\\s+(?:me|us)|tells\\s+(?:me|us)|claim(?:s|ed)?|insist(?:s|ed)?|swears?|swore|reckon(?:s|ed)?|thinks?|thought|believe(?:s|d)?|heard|hears|read|reads|wrote|writes|argue(?:s|d)?|mention(?:s|ed)?|post(?:s|ed)|keeps?\\s+saying|kept\\s+saying|(?:is|was|were|are)\\s+saying|(?:am|was|is)\\s+sure";
const REPORTED = new RegExp(`^((?:[^\\s?!]+\\s+){0,5}?[^\\s?!]+?)\\s+(?:${REPORTING_VERBS})\\s+(?:that\\s+)?(?=\\S)`, 'iu');
/** "According to my uncle, …": the same, the reporter first. */
const ACCORDING_TO = /^according\s+to\s+((?:[^\s,?!]+\s+){0,5}?[^\s,?!]+)\s*,\s*(?=\S)/iu;

/** Any of those verbs, or "according to", anywhere: most clauses have none, and this one scan rules them out. */
const REPORTING_WORD = new RegExp(`\\b(?:${REPORTING_VERBS}|according\\s+to)\\b`, 'iu');

/** Who a statement reports a claim from, and the claim; null when it reports none. */
export function reportedClaim(statement: string): { reporter: string; claim: string } | null {
  if (!REPORTING_WORD.test(statement)) return null;
  const t = statement.trim();
  const m = ACCORDING_TO.exec(t) ?? REPORTED.exec(t);
  if (m === null) return null;
  const reporter = m[1] as string;
  // "what did he say…", "does the article say…", "is it true he said…": a question, not a report.
  if (WH_WORD.test(reporter) || YES_NO_OPENER.test(reporter.replace(FILLER, ''))) return null;
  return { reporter, claim: t.slice(m[0].length) };
}

/** A determiner and the word after it: the head of a noun phrase ("the zones", "these talks"). */
const DETERMINED = /\b(?:the|these|those|its|their)\s+([\p{L}\p{N}][\p{L}\p{N}'-]*)/giu;

/**
 * The words a clause names things with, each right after a determiner ("who proposed the zones?"
 * → "zones", "when did the talks start?" → "talks"): what a pronoun in the next question ("how long
 * do they last?") points to, without the verb the clause asked about. '' when it has none.
 */
export function determinedWords(clause: string): string {
  return Array.from(clause.matchAll(DETERMINED), (m) => m[1] as string).join(' ');
}

/** Whether a clause asks something: a question mark, a question opener, or a "…, right?" check. */
export function asks(clause: string): boolean {
  const t = clause.trim();
  if (/\?\s*$/.test(t)) return true;
  return opensQuestion(t) || CHECK_ENDING.test(t);
}

/** Whether a clause opens like a question ("who…", "so is…", "ok quick q, how…"), fillers aside. */
export function opensQuestion(clause: string): boolean {
  return QUESTION_OPENER.test(clause.trim().replace(FILLER, ''));
}
