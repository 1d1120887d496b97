/**
 * The single renderer: turns engine answers (and the article itself) into Discord message payloads.
 *
 * Every payload is plain `content` (≤ 2,000 characters) plus action rows, so answers stay readable
 * for people who turned embeds off. Discord's limits hold by construction: parts are assembled by
 * priority, the least important dropped first, and a long part is shortened at a word boundary with
 * an explicit ellipsis. Article sentences are quoted verbatim; only Markdown and mention syntax is
 * escaped so that it renders as the literal text. Every payload carries `allowedMentions: { parse: [] }`.
 */
import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
  type APIStringSelectComponent,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageReplyOptions,
} from 'discord.js';
import type { Answer, FactRef, Knowledge, Sentence } from '../knowledge/types.js';
import { canEncodeCustomId, encodeCustomId, type CustomId } from './custom-ids.js';

export const LIMITS = {
  content: 2000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  placeholder: 150,
  customId: 100,
  choices: 25,
  choiceText: 100,
} as const;

/** The caveat for questions about "now": the article reports events of its year (2017). */
export function nowCaveat(knowledge: Knowledge): string {
  return `The article reports events of ${knowledge.article.year}; it can't tell you what is happening now.`;
}
export const NOT_IN_ARTICLE = "The article doesn't say.";
export const APOLOGY = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';
const CONTEXT_RADIUS = 2;

export type ComponentRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface Rendered {
  readonly content: string;
  readonly components: ComponentRow[];
  readonly allowedMentions: { readonly parse: readonly [] };
}

const NO_MENTIONS = Object.freeze({ parse: [] as const });

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens `text` to at most `max` UTF-16 code units (never more than Discord's count), cutting at
 * a grapheme boundary and preferably at a word boundary, and marking the cut with `ellipsis`.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return max <= 0 ? '' : ellipsis.slice(0, max);
  const room = max - ellipsis.length;
  let cut = 0;
  // Segmenting a bounded prefix keeps this linear even for 10,000-character input.
  for (const { segment, index } of graphemes.segment(text.slice(0, room + 32))) {
    if (index + segment.length > room) break;
    cut = index + segment.length;
  }
  let head = text.slice(0, cut);
  const lastSpace = head.search(/\s\S*$/);
  if (lastSpace >= room * 0.6) head = head.slice(0, lastSpace);
  return `${head.trimEnd()}${ellipsis}`;
}

// Bidi embeddings/overrides/isolates and marks: user text must not reorder the bot's own text.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// C0/C1 controls (whitespace was already collapsed to spaces).
const CONTROLS = /\p{Cc}/gu;
// More than 3 combining marks on one character is "zalgo": keep the first 3.
const ZALGO = /(\p{M}{3})\p{M}+/gu;

/** One line of untrusted text: no controls, no bidi tricks, no zalgo towers, collapsed whitespace. */
export function plainLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(ZALGO, '$1')
    .trim();
}

/**
 * Escapes text so Discord shows it literally: Markdown (bold, italics, code, spoilers, links, lists,
 * headings) and mentions (`@everyone`, `<@id>`, `<@&role>`, `<#channel>`) are neutralised.
 */
export function escapeText(text: string): string {
  const cached = escaped.get(text);
  if (cached !== undefined) return cached;
  const out = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/^(>|-#)/gm, '\\$1')
    .replace(/@/g, '@\u200b')
    .replace(/<(?=[@#:/&!]|a:|t:)/g, '<\u200b');
  // Answers, quotes and labels come from a fixed fact base, so nearly every call repeats one
  // already made; escapeMarkdown is the costliest step of rendering. Bounded for user text.
  if (escaped.size >= ESCAPE_CACHE_SIZE) escaped.clear();
  escaped.set(text, out);
  return out;
}
const ESCAPE_CACHE_SIZE = 2_000;
const escaped = new Map<string, string>();

/** User text echoed back: one escaped line of at most `max` characters, isolated for bidi. */
export function echoUserText(text: string, max = 200): string {
  const line = truncate(plainLine(text), max).replace(/:\/\//g, ':/\u200b/'); // no clickable links
  return `\u2068${escapeText(line)}\u2069`;
}

/** A label for a button or select option: plain text (Discord doesn't render Markdown there), never empty. */
function label(text: string, max: number, fallback = '…'): string {
  const t = truncate(plainLine(text), max);
  return t === '' ? fallback : t;
}

/**
 * The longest rendering of `raw` that fits `budget` once escaped and wrapped, cut at a word
 * boundary with an ellipsis; '' when not even the ellipsis fits.
 */
function fitEscaped(raw: string, budget: number, wrap: (escaped: string, cut: boolean) => string): string {
  // Escaping only ever adds characters, so text longer than the budget needs cutting anyway.
  if (raw.length <= budget) {
    const whole = wrap(escapeText(raw), false);
    if (whole.length <= budget) return whole;
  }
  let keep = Math.min(raw.length, budget);
  while (keep > 0) {
    const line = wrap(escapeText(truncate(raw, keep)), true);
    if (line.length <= budget) return line;
    keep -= Math.max(1, line.length - budget);
  }
  const minimal = wrap('…', true);
  return minimal.length <= budget ? minimal : '';
}

interface Part {
  text: string;
  /** Parts with a rank are dropped, highest rank first, when the message is too long. */
  readonly dropRank?: number;
  /** Returns a version of the part at most `budget` long. */
  readonly shrink?: (budget: number) => string;
}

/** Joins parts with newlines within `limit`: drops the droppable, then shrinks the longest. */
function assemble(parts: readonly Part[], limit: number = LIMITS.content): string {
  return assembleCounting(parts, limit).content;
}

function assembleCounting(parts: readonly Part[], limit: number): { content: string; dropped: number } {
  let dropped = 0;
  const live = parts.filter((p) => p.text !== '').map((p) => ({ ...p }));
  const length = () => live.reduce((n, p) => n + p.text.length, 0) + Math.max(0, live.length - 1);
  while (length() > limit) {
    const droppable = live.filter((p) => p.dropRank !== undefined);
    if (droppable.length > 0) {
      const worst = droppable.reduce((a, b) => ((b.dropRank ?? 0) > (a.dropRank ?? 0) ? b : a));
      live.splice(live.indexOf(worst), 1);
      dropped += 1;
      continue;
    }
    const shrinkable = live.filter((p) => p.shrink).sort((a, b) => b.text.length - a.text.length)[0];
    if (!shrinkable?.shrink) break;
    const target = Math.max(0, shrinkable.text.length - (length() - limit));
    const shorter = shrinkable.shrink(target);
    if (shorter.length >= shrinkable.text.length) break;
    shrinkable.text = shorter;
    if (shorter === '') live.splice(live.indexOf(shrinkable), 1);
  }
  // Unreachable with the parts above, but the limit must hold whatever happens.
  return { content: truncate(live.map((p) => p.text).join('\n'), limit), dropped };
}

function attribution(knowledge: Knowledge): string {
  const { headline, byline } = knowledge.article;
  const by = /^by\s/i.test(byline) ? byline : `by ${byline}`;
  return `-# Source: “${escapeText(truncate(plainLine(headline), 300))}”, ${escapeText(truncate(plainLine(by), 100))}`;
}

/**
 * A part that can be shortened. Escaping is quadratic in discord.js for some inputs, so text is
 * never escaped beyond what could fit in a message.
 */
function shrinkable(raw: string, wrap: (escaped: string, cut: boolean) => string): Part {
  return { text: fitEscaped(raw, LIMITS.content, wrap), shrink: (budget) => fitEscaped(raw, budget, wrap) };
}

function quoteLine(text: string, n: number): Part {
  // Sentences are single lines; should one contain a line break, every line stays inside the quote.
  return shrinkable(
    text,
    (escaped, cut) => `> “${escaped.replace(/\n/g, '\n> ')}” — sentence ${n}${cut ? ` (shortened: /source sentence:${n})` : ''}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Components
// ---------------------------------------------------------------------------------------------

function button(
  id: CustomId,
  text: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId | null {
  if (!canEncodeCustomId(id)) return null;
  return {
    type: ComponentType.Button,
    style,
    label: label(text, LIMITS.buttonLabel),
    custom_id: encodeCustomId(id),
    ...(disabled ? { disabled: true } : {}),
  };
}

function buttonRows(buttons: readonly (APIButtonComponentWithCustomId | null)[]): ComponentRow[] {
  const present = buttons.filter((b): b is APIButtonComponentWithCustomId => b !== null);
  // Discord rejects two components with the same custom_id in one message.
  const unique = present.filter((b, i) => present.findIndex((o) => o.custom_id === b.custom_id) === i);
  const rows: ComponentRow[] = [];
  for (let i = 0; i < unique.length && rows.length < LIMITS.actionRows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: unique.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

function selectOption(text: string, value: string, description?: string, isDefault = false): APISelectMenuOption | null {
  if (value.length === 0 || value.length > LIMITS.selectOptionText) return null;
  const desc = description === undefined ? '' : label(description, LIMITS.selectOptionText, '');
  return {
    label: label(text, LIMITS.selectOptionText),
    value,
    ...(desc !== '' ? { description: desc } : {}),
    ...(isDefault ? { default: true } : {}),
  };
}

function selectRow(id: CustomId, placeholder: string, options: readonly (APISelectMenuOption | null)[]): ComponentRow | null {
  const present = options.filter((o): o is APISelectMenuOption => o !== null);
  const unique = present.filter((o, i) => present.findIndex((p) => p.value === o.value) === i);
  const chosen = unique.slice(0, LIMITS.selectOptions);
  if (chosen.length === 0 || !canEncodeCustomId(id)) return null;
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: encodeCustomId(id),
    placeholder: label(placeholder, LIMITS.placeholder),
    min_values: 1,
    max_values: 1,
    options: chosen,
  };
  return { type: ComponentType.ActionRow, components: [menu] };
}

function rendered(content: string, components: readonly (ComponentRow | null)[] = []): Rendered {
  return {
    content: truncate(content, LIMITS.content),
    components: components.filter((r): r is ComponentRow => r !== null).slice(0, LIMITS.actionRows),
    allowedMentions: NO_MENTIONS,
  };
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/** Renders an engine answer: the answer, verbatim quotes with sentence numbers, attribution, buttons. */
export function renderAnswer(answer: Answer, knowledge: Knowledge): Rendered {
  const parts: Part[] = [];
  if (answer.asksAboutNow) parts.push({ text: `*${nowCaveat(knowledge)}*` });

  if (!answer.answered || answer.answer === null) {
    parts.push({ text: NOT_IN_ARTICLE });
    if (answer.question.trim() !== '') parts.push({ text: `You asked: “${echoUserText(answer.question)}”`, dropRank: 2 });
    const suggestionButtons: APIButtonComponentWithCustomId[] = [];
    for (const suggestion of answer.suggestions) {
      if (suggestionButtons.length >= 3) break;
      const b = button({ kind: 'qa:fact', factId: suggestion.id }, suggestion.question, ButtonStyle.Primary);
      if (b && !suggestionButtons.some((o) => o.custom_id === b.custom_id)) suggestionButtons.push(b);
    }
    parts.push({
      text:
        suggestionButtons.length > 0
          ? 'Here are questions it can answer; or use /topics to browse what it covers.'
          : 'Use /topics to browse what it covers.',
      dropRank: 3,
    });
    parts.push({ text: attribution(knowledge), dropRank: 1 });
    return rendered(assemble(parts), buttonRows(suggestionButtons));
  }

  parts.push(shrinkable(answer.answer, (e) => e));
  answer.quotes.forEach((q, i) => {
    const part = quoteLine(q.text, q.sentence);
    // The best quote is kept (shortened if it must be); the others go first when space runs out.
    parts.push(i === 0 ? part : { ...part, dropRank: 10 + i });
  });
  if (answer.related.length > 0) {
    const list = answer.related.map((r) => escapeText(truncate(plainLine(r.question), 100))).join(' · ');
    parts.push({ text: `-# Related: ${list}`, dropRank: 20 });
  }
  parts.push({ text: attribution(knowledge), dropRank: 5 });

  const sentences = [...new Set(answer.quotes.map((q) => q.sentence))].slice(0, 5);
  const alt = answer.alternative;
  const buttons = [
    sentences.length > 0 ? button({ kind: 'qa:ctx', sentences }, 'Context') : null,
    answer.related.length > 0 && answer.factId !== null ? button({ kind: 'qa:rel', factId: answer.factId }, 'Related') : null,
    alt && alt.id !== answer.factId ? button({ kind: 'qa:fact', factId: alt.id }, `Did you mean: ${alt.question}`) : null,
  ];
  return rendered(assemble(parts), [...buttonRows(buttons), ...feedbackRow(answer.factId)]);
}

/** Labels of the feedback buttons under every answer. */
export const FEEDBACK_LABELS = { up: '👍', down: '👎' } as const;

/** 👍/👎 under an answer, on a row of their own: the curator's signal of which facts to fix. */
function feedbackRow(factId: string | null): ComponentRow[] {
  if (factId === null) return [];
  return buttonRows([
    button({ kind: 'fb:up', factId }, FEEDBACK_LABELS.up),
    button({ kind: 'fb:down', factId }, FEEDBACK_LABELS.down),
  ]);
}

/** The related facts of an answer as a select menu (the Related button). */
export function renderRelated(answer: Answer): Rendered {
  if (answer.related.length === 0) return renderNotice('Nothing else in the article is closely related to this.');
  const lines: Part[] = [{ text: '**Related facts** — pick one to read its answer:' }];
  answer.related.forEach((r, i) => lines.push(factLine(r.question, r.answer, 10 + i)));
  return rendered(assemble(lines), [factMenu(answer.related, 'Read a related fact…')]);
}

function factLine(question: string, answer: string, dropRank: number): Part {
  return {
    text: `**${escapeText(truncate(plainLine(question), 200))}**\n${escapeText(truncate(plainLine(answer), 300))}`,
    dropRank,
  };
}

function factMenu(facts: readonly FactRef[], placeholder: string): ComponentRow | null {
  return selectRow(
    { kind: 'qa:pick' },
    placeholder,
    facts.map((f) => selectOption(f.question, f.id, f.answer)),
  );
}

// ---------------------------------------------------------------------------------------------
// The article: context, sentences, pages
// ---------------------------------------------------------------------------------------------

function sentenceLine(s: Sentence, highlight: boolean): Part {
  return shrinkable(s.text, (escaped) => {
    const text = escaped.replace(/\n/g, '\n> ');
    return highlight ? `> **${s.n}.** __${text}__` : `> **${s.n}.** ${text}`;
  });
}

/**
 * Sentences with their neighbours (±2), the requested ones underlined. When everything doesn't fit,
 * the neighbours farthest from a requested sentence are left out first.
 */
export function renderContext(knowledge: Knowledge, sentences: readonly number[], heading?: string): Rendered {
  const targets = [...new Set(sentences)].filter((n) => knowledge.article.sentences.some((s) => s.n === n));
  if (targets.length === 0) return renderNotice("That part of the article isn't there anymore; try /source.");
  const byN = new Map<number, Sentence>();
  for (const n of targets) for (const s of knowledge.context(n, CONTEXT_RADIUS)) byN.set(s.n, s);
  const ordered = [...byN.values()].sort((a, b) => a.n - b.n);
  const distance = (n: number) => Math.min(...targets.map((t) => Math.abs(t - n)));
  const head =
    heading ??
    (targets.length === 1
      ? `**Context** — sentence ${targets[0]} with its neighbours:`
      : `**Context** — sentences ${targets.join(', ')} with their neighbours:`);
  const parts: Part[] = [{ text: head }];
  for (const s of ordered) {
    const d = distance(s.n);
    const line = sentenceLine(s, d === 0);
    parts.push(d === 0 ? line : { text: line.text, dropRank: d * 1000 + s.n });
  }
  parts.push({ text: attribution(knowledge), dropRank: 1 });
  return rendered(assemble(parts));
}

/** `/source sentence:n`: that sentence and its neighbours; null when there is no sentence n. */
export function renderSentence(knowledge: Knowledge, n: number): Rendered | null {
  const total = knowledge.article.sentences.length;
  if (!knowledge.article.sentences.some((s) => s.n === n)) return null;
  return renderContext(knowledge, [n], `**Sentence ${n}** of ${total}, with its neighbours:`);
}

const pageCache = new WeakMap<Knowledge, string[][]>();

function pageHeader(knowledge: Knowledge, page: number, pages: number): string {
  const { headline, byline } = knowledge.article;
  return `**“${escapeText(truncate(plainLine(headline), 300))}”** — ${escapeText(truncate(plainLine(byline), 100))} · page ${page}/${pages}`;
}

/** The article's numbered sentences packed greedily into pages that fit a message. */
export function sourcePages(knowledge: Knowledge): string[][] {
  const cached = pageCache.get(knowledge);
  if (cached) return cached;
  // Room for the header (page numbers up to 6 digits) and the paragraph breaks.
  const budget = LIMITS.content - pageHeader(knowledge, 999_999, 999_999).length - 2;
  const pages: string[][] = [];
  let current: string[] = [];
  let used = 0;
  let paragraph: number | undefined;
  for (const s of knowledge.article.sentences) {
    const line = fitEscaped(plainLine(s.text), budget - 2, (e) => `**${s.n}.** ${e}`);
    const gap = paragraph !== undefined && s.paragraph !== paragraph && current.length > 0 ? 1 : 0;
    if (current.length > 0 && used + gap + line.length + 1 > budget) {
      pages.push(current);
      current = [];
      used = 0;
    }
    if (current.length > 0 && gap) {
      current.push('');
      used += 1;
    }
    current.push(line);
    used += line.length + 1;
    paragraph = s.paragraph;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  pageCache.set(knowledge, pages);
  return pages;
}

/** One page of the article with Prev/Next buttons; out-of-range pages are clamped. */
export function renderSourcePage(knowledge: Knowledge, page: number): Rendered {
  const pages = sourcePages(knowledge);
  const p = Math.min(Math.max(1, Math.trunc(page) || 1), pages.length);
  const body = pages[p - 1] ?? [];
  const content = [pageHeader(knowledge, p, pages.length), '', ...body].join('\n');
  const rows =
    pages.length > 1
      ? buttonRows([
          button({ kind: 'src:page', page: p > 1 ? p - 1 : 1 }, '◀ Prev', ButtonStyle.Secondary, p === 1),
          button({ kind: 'src:page', page: p < pages.length ? p + 1 : pages.length }, 'Next ▶', ButtonStyle.Secondary, p === pages.length),
        ])
      : [];
  return rendered(content, rows);
}

// ---------------------------------------------------------------------------------------------
// Topics, help, notices
// ---------------------------------------------------------------------------------------------

function topicMenu(knowledge: Knowledge, current?: string): ComponentRow | null {
  return selectRow(
    { kind: 'topics:pick' },
    'Pick a topic to see its facts…',
    knowledge.topics.map((t) => selectOption(t.title, t.id, t.description, t.id === current)),
  );
}

export function renderTopicList(knowledge: Knowledge): Rendered {
  const parts: Part[] = [
    { text: `**What the article covers** — ${knowledge.topics.length} topics, ${knowledge.facts.length} facts. Pick a topic below.` },
  ];
  knowledge.topics.forEach((t, i) => {
    const count = knowledge.factsInTopic(t.id).length;
    parts.push({
      text: `• **${escapeText(truncate(plainLine(t.title), 100))}** — ${escapeText(truncate(plainLine(t.description), 200))} (${count} ${count === 1 ? 'fact' : 'facts'})`,
      dropRank: 100 + i,
    });
  });
  return rendered(assemble(parts), [topicMenu(knowledge)]);
}

/** One topic's facts (first question + answer each) and a menu to read one in full; null if unknown. */
export function renderTopic(knowledge: Knowledge, topicId: string): Rendered | null {
  const topic = knowledge.topics.find((t) => t.id === topicId);
  if (!topic) return null;
  const facts = knowledge.factsInTopic(topic.id);
  const parts: Part[] = [
    { text: `**${escapeText(truncate(plainLine(topic.title), 200))}** — ${escapeText(truncate(plainLine(topic.description), 300))}` },
  ];
  facts.forEach((f, i) => parts.push(factLine(f.questions[0] ?? f.answer, f.answer, 100 + i)));
  if (facts.length === 0) parts.push({ text: 'No facts in this topic yet.' });
  const refs: FactRef[] = facts.map((f) => ({ id: f.id, document: f.source, answer: f.answer, question: f.questions[0] ?? f.answer }));
  const first = assembleCounting(parts, LIMITS.content);
  let content = first.content;
  if (first.dropped > 0) {
    // Say so, and make room for saying so.
    const note = '…more facts than fit here: pick from the menu below to read any of them.';
    content = assemble(parts, LIMITS.content - note.length - 1) + '\n' + note;
  }
  return rendered(content, [topicMenu(knowledge, topic.id), factMenu(refs, 'Read one of these facts in full…')]);
}

export interface HelpOptions {
  readonly botUserId?: string | undefined;
  readonly answerChannelIds?: readonly string[];
}

export function renderHelp(knowledge: Knowledge, options: HelpOptions = {}): Rendered {
  const { headline, byline } = knowledge.article;
  const me = options.botUserId ? `<@${options.botUserId}>` : '@me';
  const channels = options.answerChannelIds ?? [];
  const lines = [
    `I answer questions about **one news article**: “${escapeText(truncate(plainLine(headline), 300))}” by ${escapeText(truncate(plainLine(byline), 100))} — the Astana peace talks on Syria, as reported in ${knowledge.article.year}. I know ${knowledge.facts.length} facts in ${knowledge.topics.length} topics, all taken from it.`,
    '',
    '**How to ask**',
    '• `/ask question:` — add `private:True` to see the answer alone',
    `• mention me with your question: ${me} who are the guarantor countries?`,
    '• send me a direct message, or reply to one of my answers',
    ...(channels.length > 0
      ? [`• in ${channels.map((c) => `<#${c}>`).join(', ')}, just ask — messages that read like a question get an answer`]
      : []),
    '• `/topics` to browse what the article covers, `/source` to read it sentence by sentence',
    '',
    '**How answers are sourced**',
    "Every answer quotes the article's own sentences word for word, with their sentence numbers (see `/source sentence:`). The **Context** button shows the sentences around a quote. If the article doesn't say, I tell you so instead of guessing, and suggest questions it can answer.",
    `*${nowCaveat(knowledge)}*`,
  ];
  return rendered(lines.join('\n'));
}

/** A short message: friendly notices for a user's mistakes, and the apology for ours. */
export function renderNotice(text: string): Rendered {
  return rendered(text);
}

// ---------------------------------------------------------------------------------------------
// Adapters: the same rendering as an interaction reply, an update, or a message reply
// ---------------------------------------------------------------------------------------------

/** `interaction.reply` / `followUp` options; link previews are suppressed. */
export function asReply(r: Rendered, options: { ephemeral: boolean }): InteractionReplyOptions {
  return {
    content: r.content,
    components: r.components,
    allowedMentions: { parse: [] },
    flags: options.ephemeral ? MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds : MessageFlags.SuppressEmbeds,
  };
}

/** `interaction.update` options (edits the message the component is on). */
export function asUpdate(r: Rendered): InteractionUpdateOptions {
  return { content: r.content, components: r.components, allowedMentions: { parse: [] } };
}

/** `message.reply` options: no pings, not even the replied-to user. */
export function asMessageReply(r: Rendered): MessageReplyOptions {
  return {
    content: r.content,
    components: r.components,
    allowedMentions: { parse: [], repliedUser: false },
    flags: MessageFlags.SuppressEmbeds,
  };
}
