/** `/help`: what the bot knows (from the documents themselves), how to ask, how answers are sourced. */
import type { Knowledge } from '../../knowledge/types.js';
import { exampleQuestion } from './decline.js';
import { bylineOf, headlineOf, nowCaveat } from './document.js';
import { escapeText } from './escape.js';
import { rendered, type Rendered } from './layout.js';
import { plainLine, truncate } from './text.js';

interface HelpOptions {
  readonly botUserId?: string | undefined;
  readonly answerChannelIds?: readonly string[];
}

export function renderHelp(knowledge: Knowledge, options: HelpOptions = {}): Rendered {
  const docs = knowledge.documents.size > 0 ? [...knowledge.documents.values()] : [knowledge.article];
  const me = options.botUserId ? `<@${options.botUserId}>` : '@me';
  const channels = options.answerChannelIds ?? [];
  const cite = (d: (typeof docs)[number]) => `“${headlineOf(d)}” ${bylineOf(d)}, reported in ${d.year}`;
  const what =
    docs.length === 1
      ? `I answer questions about **one news article**: ${cite(docs[0] ?? knowledge.article)}.`
      : `I answer questions about **${docs.length} news articles**: ${docs.map(cite).join('; ')}.`;
  const example = escapeText(truncate(plainLine(exampleQuestion(knowledge) ?? 'what happened?'), 120));
  const caveat =
    docs.length === 1
      ? nowCaveat(docs[0] ?? knowledge.article)
      : `Each article reports events of its year (${[...new Set(docs.map((d) => d.year))].join(', ')}); none can tell you what is happening now.`;
  const lines = [
    `${what} I know ${knowledge.facts.length} facts in ${knowledge.topics.length} topics, all taken from ${docs.length === 1 ? 'it' : 'them'}.`,
    '',
    '**How to ask**',
    '• `/ask question:` — add `private:True` to see the answer alone',
    `• mention me with your question: ${me} ${example}`,
    '• send me a direct message, or reply to one of my answers',
    ...(channels.length > 0
      ? [`• in ${channels.map((c) => `<#${c}>`).join(', ')}, just ask — messages that read like a question get an answer`]
      : []),
    '• `/topics` to browse what it covers, `/source` to read it sentence by sentence',
    '',
    '**How answers are sourced**',
    "Every answer quotes the article's own sentences word for word, with their sentence numbers (see `/source sentence:`). The **Context** button shows the sentences around a quote. If the article doesn't say, I tell you so instead of guessing, and suggest questions it can answer.",
    `*${caveat}*`,
  ];
  return rendered(lines.join('\n'));
}
