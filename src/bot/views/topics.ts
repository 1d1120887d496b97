/** `/topics`: the fact base's topics with a menu, and one topic's facts with a menu to read one. */
import type { FactRef, Knowledge } from '../../knowledge/types.js';
import { factLine } from './answer.js';
import { factMenu, selectOption, selectRow } from './components.js';
import { escapeText } from './escape.js';
import { assemble, assembleCounting, LIMITS, rendered, type ComponentRow, type Part, type Rendered } from './layout.js';
import { plainLine, truncate } from './text.js';

function topicMenu(knowledge: Knowledge, current?: string): ComponentRow | null {
  return selectRow(
    { kind: 'topics:pick' },
    'Pick a topic to see its facts…',
    knowledge.topics.map((t) => selectOption(t.title, t.id, t.description, t.id === current)),
  );
}

export function renderTopicList(knowledge: Knowledge): Rendered {
  const what = knowledge.documents.size > 1 ? `What the ${knowledge.documents.size} articles cover` : 'What the article covers';
  const parts: Part[] = [
    { text: `**${what}** — ${knowledge.topics.length} topics, ${knowledge.facts.length} facts. Pick a topic below.` },
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
