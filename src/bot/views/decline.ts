/**
 * What the bot says when it doesn't answer: `unsure` (did you mean one of these? — the nearest
 * facts as one-click buttons), `decline` (plainly outside the article), and `chatter` (greetings
 * and thanks get a short friendly reply saying what the bot can do, not a decline).
 */
import { ButtonStyle } from 'discord.js';
import type { Answer, Knowledge } from '../../knowledge/types.js';
import { button, buttonRows, type Button } from './components.js';
import { attribution, headlineOf, nowCaveat } from './document.js';
import { echoUserText, escapeText } from './escape.js';
import { assemble, rendered, type Part, type Rendered } from './layout.js';
import { plainLine, truncate } from './text.js';

export const NOT_IN_ARTICLE = "The article doesn't say.";
const MAX_SUGGESTIONS = 3;

/** `unsure` and `decline`: says so, echoes the question, offers the nearest facts as buttons. */
export function renderDecline(answer: Answer, knowledge: Knowledge): Rendered {
  const parts: Part[] = [];
  if (answer.asksAboutNow) parts.push({ text: `*${nowCaveat(knowledge.article)}*` });
  parts.push({ text: NOT_IN_ARTICLE });
  if (plainLine(answer.question) !== '') parts.push({ text: `You asked: “${echoUserText(answer.question)}”`, dropRank: 2 });
  const choices: Button[] = [];
  for (const suggestion of answer.suggestions) {
    if (choices.length >= MAX_SUGGESTIONS) break;
    const b = button({ kind: 'qa:fact', factId: suggestion.id }, suggestion.question, ButtonStyle.Primary);
    if (b && !choices.some((o) => o.custom_id === b.custom_id)) choices.push(b);
  }
  const pointer =
    choices.length === 0
      ? 'Use /topics to browse what it covers.'
      : answer.outcome === 'unsure'
        ? 'Did you mean one of these? Or use /topics to browse what it covers.'
        : 'Here are questions it can answer; or use /topics to browse what it covers.';
  parts.push({ text: pointer, dropRank: 3 });
  parts.push({ text: attribution(knowledge.article), dropRank: 1 });
  return rendered(assemble(parts), buttonRows(choices));
}

/** Greetings, thanks and small talk: what the bot can do, with an example question. */
export function renderChatter(knowledge: Knowledge): Rendered {
  const docs = [...knowledge.documents.values()];
  const subjects = (docs.length > 0 ? docs : [knowledge.article]).map((d) => `“${headlineOf(d)}”`);
  const about = subjects.length === 1 ? `the article ${subjects[0]}` : `these articles: ${subjects.join(', ')}`;
  const example = exampleQuestion(knowledge);
  const lines = [
    `Hi! I answer questions about ${about}, quoting its own sentences word for word.`,
    example ? `Try asking: “${escapeText(truncate(plainLine(example), 150))}” — or use /topics to browse, /help for more.` : 'Use /topics to browse what I know, /help for more.',
  ];
  return rendered(lines.join('\n'));
}

/** A curated question to show as an example: the primary document's first fact's. */
export function exampleQuestion(knowledge: Knowledge): string | undefined {
  const fact = knowledge.facts.find((f) => f.source === knowledge.article.id) ?? knowledge.facts[0];
  return fact?.questions[0];
}
