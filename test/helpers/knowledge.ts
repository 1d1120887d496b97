import { readFileSync } from 'node:fs';
import { buildKnowledge, readKnowledgeFiles } from '../../src/knowledge/index.js';
import type { AnswerEngine, Knowledge } from '../../src/knowledge/index.js';

const FIXTURE = new URL('../fixtures/second-document/', import.meta.url);

interface FactBaseLike {
  documents: unknown[];
  topics: unknown[];
  facts: unknown[];
}

/**
 * The bundled fact base plus the test-only second document (`test/fixtures/second-document`):
 * proves that answers, attribution, Context and /source keep each document's sentences apart.
 */
export function loadTwoDocumentKnowledge(): Knowledge {
  const base = readKnowledgeFiles();
  const extra = JSON.parse(readFileSync(new URL('facts.json', FIXTURE), 'utf8')) as FactBaseLike;
  const main = base.factBase as FactBaseLike;
  const articleFiles = new Map(base.articleFiles);
  articleFiles.set('harbour-2021.txt', readFileSync(new URL('harbour-2021.txt', FIXTURE), 'utf8'));
  return buildKnowledge({
    ...base,
    factBase: {
      documents: [...main.documents, ...extra.documents],
      topics: [...main.topics, ...extra.topics],
      facts: [...main.facts, ...extra.facts],
    },
    articleFiles,
  });
}

/**
 * `knowledge` answered by another engine: the real Knowledge is frozen, so tests that inject faults
 * or outcomes delegate to it instead of patching it.
 */
export function withEngine(knowledge: Knowledge, engine: AnswerEngine): Knowledge {
  return {
    article: knowledge.article,
    documents: knowledge.documents,
    facts: knowledge.facts,
    topics: knowledge.topics,
    engine,
    fact: (id) => knowledge.fact(id),
    factsInTopic: (topicId) => knowledge.factsInTopic(topicId),
    context: (n, radius, documentId) => knowledge.context(n, radius, documentId),
  };
}
