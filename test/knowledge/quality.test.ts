import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { readQuestions, score } from './scoring.js';
import { heldOutSets } from '../helpers/held-out.js';

const knowledge = loadKnowledge();
const article = readFileSync(new URL('../../src/knowledge/article.txt', import.meta.url), 'utf8');
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

interface Floors {
  /** Answerable questions whose top quote is right. */
  readonly top: number;
  readonly offtopic: number;
  readonly unanswerable: number;
  /** Answers given whose top quote is right. */
  readonly precision: number;
}

/**
 * Floors measured on each set, minus a margin of three questions of each kind (three answers for
 * precision), so a set passes by more than luck and a regression of a few questions fails. Every
 * set before blind151 has been used to fit the question classifier and the decider (stop 26's refit
 * read 160 sets), or to tune the lexicon (README, "Answer quality"); blind107 to blind118 were read
 * in stop 20 (no change was adopted); train1 to train8 were written as training data only. Stop 26's
 * refit lowered two in-sample top-quote floors, re-measured the same way: blind5 (0.91 to 0.86) and
 * blind73 (0.89 to 0.84), both by more declines (their precision is 100% and 97.6%). On those sets
 * the engine is scored in-sample, so their floors guard against regressions only; the
 * generalisation figures are the blind sets' first scores and the cross-validation of
 * `npm run fit:decider`.
 */
const SETS: ReadonlyArray<readonly [string, Floors]> = [
  ['questions.dev.jsonl', { top: 0.89, offtopic: 0.7, unanswerable: 0.25, precision: 0.91 }],
  ['questions.paraphrase.jsonl', { top: 0.93, offtopic: 0.72, unanswerable: 0.57, precision: 0.93 }],
  ['questions.blind.jsonl', { top: 0.94, offtopic: 0.85, unanswerable: 0.8, precision: 0.96 }],
  ['questions.blind2.jsonl', { top: 0.92, offtopic: 0.84, unanswerable: 0.81, precision: 0.96 }],
  ['questions.blind3.jsonl', { top: 0.94, offtopic: 0.78, unanswerable: 0.7, precision: 0.96 }],
  ['questions.blind4.jsonl', { top: 0.93, offtopic: 0.8, unanswerable: 0.7, precision: 0.96 }],
  ['questions.blind5.jsonl', { top: 0.86, offtopic: 0.78, unanswerable: 0.7, precision: 0.96 }],
  ['questions.blind6.jsonl', { top: 0.94, offtopic: 0.85, unanswerable: 0.62, precision: 0.96 }],
  ['questions.blind7.jsonl', { top: 0.94, offtopic: 0.7, unanswerable: 0.5, precision: 0.96 }],
  ['questions.blind8.jsonl', { top: 0.8, offtopic: 0.91, unanswerable: 0.83, precision: 0.8 }],
  ['questions.blind9.jsonl', { top: 0.87, offtopic: 0.7, unanswerable: 0.25, precision: 0.9 }],
  ['questions.blind10.jsonl', { top: 0.91, offtopic: 0.89, unanswerable: 0.85, precision: 0.94 }],
  ['questions.blind11.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.85, precision: 0.96 }],
  ['questions.blind12.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind13.jsonl', { top: 0.88, offtopic: 0.86, unanswerable: 0.84, precision: 0.92 }],
  ['questions.blind14.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.85, precision: 0.96 }],
  ['questions.blind15.jsonl', { top: 0.89, offtopic: 0.89, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind16.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind17.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind18.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.85, precision: 0.96 }],
  ['questions.blind19.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.84, precision: 0.96 }],
  ['questions.blind20.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.85, precision: 0.96 }],
  ['questions.blind21.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.78, precision: 0.94 }],
  ['questions.blind22.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.85, precision: 0.95 }],
  ['questions.blind23.jsonl', { top: 0.95, offtopic: 0.89, unanswerable: 0.84, precision: 0.96 }],
  ['questions.blind24.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.85, precision: 0.96 }],
  ['questions.blind25.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.85, precision: 0.96 }],
  ['questions.blind26.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.65, precision: 0.9 }],
  ['questions.blind27.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.85, precision: 0.96 }],
  ['questions.train1.jsonl', { top: 0.93, offtopic: 0.85, unanswerable: 0.87, precision: 0.86 }],
  ['questions.train2.jsonl', { top: 0.94, offtopic: 0.84, unanswerable: 0.84, precision: 0.84 }],
  ['questions.train3.jsonl', { top: 0.92, offtopic: 0.85, unanswerable: 0.89, precision: 0.87 }],
  ['questions.train4.jsonl', { top: 0.86, offtopic: 0.85, unanswerable: 0.8, precision: 0.94 }],
  ['questions.train5.jsonl', { top: 0.96, offtopic: 0.8, unanswerable: 0.85, precision: 0.95 }],
  ['questions.train6.jsonl', { top: 0.91, offtopic: 0.84, unanswerable: 0.83, precision: 0.84 }],
  ['questions.blind28.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind29.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind30.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind31.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.87, precision: 0.96 }],
  ['questions.blind32.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.83, precision: 0.95 }],
  ['questions.train7.jsonl', { top: 0.96, offtopic: 0.85, unanswerable: 0.9, precision: 0.95 }],
  ['questions.train8.jsonl', { top: 0.96, offtopic: 0.85, unanswerable: 0.87, precision: 0.94 }],
  ['questions.blind33.jsonl', { top: 0.93, offtopic: 0.89, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind34.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind35.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind36.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind37.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.83, precision: 0.95 }],
  ['questions.blind38.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.83, precision: 0.95 }],
  ['questions.blind39.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind40.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind41.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind42.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.87, precision: 0.96 }],
  ['questions.blind43.jsonl', { top: 0.93, offtopic: 0.89, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind44.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind45.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.83, precision: 0.94 }],
  ['questions.blind46.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.8, precision: 0.91 }],
  ['questions.blind47.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind48.jsonl', { top: 0.93, offtopic: 0.89, unanswerable: 0.86, precision: 0.96 }],
  ['questions.blind49.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind50.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind51.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind52.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind53.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.83, precision: 0.95 }],
  ['questions.blind54.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.83, precision: 0.94 }],
  ['questions.blind55.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.82, precision: 0.93 }],
  ['questions.blind56.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.87, precision: 0.96 }],
  ['questions.blind57.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.84, precision: 0.92 }],
  ['questions.blind58.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind59.jsonl', { top: 0.96, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind60.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.88, precision: 0.93 }],
  ['questions.blind61.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.86, precision: 0.92 }],
  ['questions.blind62.jsonl', { top: 0.95, offtopic: 0.89, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind63.jsonl', { top: 0.93, offtopic: 0.86, unanswerable: 0.87, precision: 0.94 }],
  ['questions.blind64.jsonl', { top: 0.93, offtopic: 0.86, unanswerable: 0.88, precision: 0.93 }],
  ['questions.blind65.jsonl', { top: 0.95, offtopic: 0.89, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind66.jsonl', { top: 0.92, offtopic: 0.86, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind67.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind68.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind69.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.83, precision: 0.95 }],
  ['questions.blind70.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind71.jsonl', { top: 0.93, offtopic: 0.89, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind72.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind73.jsonl', { top: 0.84, offtopic: 0.89, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind74.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind75.jsonl', { top: 0.92, offtopic: 0.86, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind76.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind77.jsonl', { top: 0.96, offtopic: 0.89, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind78.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind79.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind80.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind81.jsonl', { top: 0.88, offtopic: 0.86, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind82.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind83.jsonl', { top: 0.96, offtopic: 0.89, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind84.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind85.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind86.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind87.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind88.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind89.jsonl', { top: 0.86, offtopic: 0.9, unanswerable: 0.88, precision: 0.92 }],
  ['questions.blind90.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.79, precision: 0.94 }],
  ['questions.blind91.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind92.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind93.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind94.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind95.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind96.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind97.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind98.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.87, precision: 0.96 }],
  ['questions.blind99.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.88, precision: 0.93 }],
  ['questions.blind100.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind101.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind102.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.87, precision: 0.95 }],
  ['questions.blind103.jsonl', { top: 0.78, offtopic: 0.9, unanswerable: 0.84, precision: 0.92 }],
  ['questions.blind104.jsonl', { top: 0.83, offtopic: 0.9, unanswerable: 0.8, precision: 0.92 }],
  ['questions.blind105.jsonl', { top: 0.79, offtopic: 0.9, unanswerable: 0.84, precision: 0.91 }],
  ['questions.blind106.jsonl', { top: 0.91, offtopic: 0.89, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind107.jsonl', { top: 0.87, offtopic: 0.86, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind108.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind109.jsonl', { top: 0.75, offtopic: 0.83, unanswerable: 0.84, precision: 0.89 }],
  ['questions.blind110.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind111.jsonl', { top: 0.75, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind112.jsonl', { top: 0.82, offtopic: 0.9, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind113.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind114.jsonl', { top: 0.8, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind115.jsonl', { top: 0.85, offtopic: 0.86, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind116.jsonl', { top: 0.79, offtopic: 0.86, unanswerable: 0.76, precision: 0.89 }],
  ['questions.blind117.jsonl', { top: 0.83, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind118.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  // Blind119 to blind150 were held out until stop 26 (first scores in the README; used for selection
  // as aggregates in stops 21 to 24), then moved to the training side for stop 26's refit: in-sample
  // from then on, so their floors guard against regressions only.
  ['questions.blind119.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind120.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind121.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind122.jsonl', { top: 0.82, offtopic: 0.89, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind123.jsonl', { top: 0.81, offtopic: 0.9, unanswerable: 0.87, precision: 0.92 }],
  ['questions.blind124.jsonl', { top: 0.87, offtopic: 0.86, unanswerable: 0.68, precision: 0.87 }],
  ['questions.blind125.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind126.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind127.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind128.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind129.jsonl', { top: 0.89, offtopic: 0.89, unanswerable: 0.87, precision: 0.96 }],
  ['questions.blind130.jsonl', { top: 0.84, offtopic: 0.9, unanswerable: 0.84, precision: 0.91 }],
  ['questions.blind131.jsonl', { top: 0.89, offtopic: 0.86, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind132.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind133.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind134.jsonl', { top: 0.92, offtopic: 0.86, unanswerable: 0.83, precision: 0.92 }],
  ['questions.blind135.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.79, precision: 0.94 }],
  ['questions.blind136.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.76, precision: 0.92 }],
  ['questions.blind137.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.8, precision: 0.92 }],
  ['questions.blind138.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.75, precision: 0.93 }],
  ['questions.blind139.jsonl', { top: 0.93, offtopic: 0.89, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind140.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.76, precision: 0.91 }],
  ['questions.blind141.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.87, precision: 0.93 }],
  ['questions.blind142.jsonl', { top: 0.92, offtopic: 0.86, unanswerable: 0.7, precision: 0.91 }],
  ['questions.blind143.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind144.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind145.jsonl', { top: 0.89, offtopic: 0.86, unanswerable: 0.84, precision: 0.91 }],
  ['questions.blind146.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.84, precision: 0.92 }],
  ['questions.blind147.jsonl', { top: 0.84, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind148.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.84, precision: 0.92 }],
  ['questions.blind149.jsonl', { top: 0.78, offtopic: 0.9, unanswerable: 0.72, precision: 0.89 }],
  ['questions.blind150.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  // Held out: frozen before the engine that scored them and scored once (README), never fitted,
  // tuned on or read; the fit script leaves them out. Blind151 to blind154 were scored once with
  // stop 24's final engine; blind155 to blind158 were its second validation set (aggregate figures
  // only, one candidate, adopted). Blind159 to blind162 were scored once with the same final engine;
  // blind163 to blind166 were its third validation set (aggregate figures only, one candidate,
  // rejected). Blind167 to blind174 were scored once with the same engine in stop 25. All of them,
  // with blind175 to blind178 (written and frozen in stop 26), were stop 26's validation pool
  // (aggregate figures only, one candidate, the refit, adopted); blind179 to blind182 were scored
  // once with stop 26's final engine. Blind175 to blind178 and blind183 to blind190 were then the
  // validation pool of a second refit (aggregate figures only, rejected); blind191 to blind194 were
  // scored once with the final engine after that decision. In stop 27, blind151 to blind178, blind183
  // to blind190 and the fresh blind195 to blind198 were the validation pool of one candidate (three
  // decider features; aggregate figures only, adopted); blind199 to blind202 were scored once with
  // stop 27's final engine, and so were blind203 to blind210 (frozen for a second candidate that was
  // withdrawn before any figure of it was computed). In stop 28, blind151 to blind178, blind183 to
  // blind190, blind195 to blind210 and the fresh blind211 to blind214 were the validation pool of three
  // candidates in turn (aggregate figures only; forest rounds 400 rejected, L2 1e-5 rejected for speed,
  // L2 1e-5 pruned at 0.15 adopted); blind215 to blind218 were scored once with stop 28's final engine.
  // Blind195 to blind218 (with those above) and the fresh blind219 to blind222 were then the pool of a
  // fourth candidate (deciders refitted on pruned folds; aggregate figures only, rejected); blind219
  // to blind226 were scored once with the final engine. In stop 29, blind211 to blind226 and the
  // fresh blind227 to blind230 were the validation pool of one candidate (the models refitted with
  // blind151 to blind210 moved to training; aggregate figures only, rejected); blind227 to blind234
  // were scored once with the final engine, stop 28's, unchanged, and so were blind235 to blind242
  // (frozen for a second candidate that was never written: none came out of reading training data).
  // In stop 30, blind211 to blind242 were the validation pool of one candidate (answer thresholds
  // picked on out-of-fold scores; aggregate figures only, rejected); blind243 to blind250, frozen
  // before it, were scored once with the final engine, stop 28's, unchanged. In stop 31, blind211 to
  // blind250 were the validation pool of two candidates (an alternative-question feature; trees grown
  // on 70% samples; aggregate figures only, both rejected); blind251 to blind258, frozen before them,
  // were scored once with the final engine (stop 28's models, stop 31's reading of enumerations and
  // pronoun follow-ups).
  ['questions.blind151.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.76, precision: 0.91 }],
  ['questions.blind152.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.76, precision: 0.91 }],
  ['questions.blind153.jsonl', { top: 0.86, offtopic: 0.86, unanswerable: 0.87, precision: 0.92 }],
  ['questions.blind154.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind155.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind156.jsonl', { top: 0.84, offtopic: 0.9, unanswerable: 0.8, precision: 0.92 }],
  ['questions.blind157.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind158.jsonl', { top: 0.86, offtopic: 0.86, unanswerable: 0.72, precision: 0.89 }],
  ['questions.blind159.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.87, precision: 0.94 }],
  ['questions.blind160.jsonl', { top: 0.93, offtopic: 0.86, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind161.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.79, precision: 0.94 }],
  ['questions.blind162.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind163.jsonl', { top: 0.91, offtopic: 0.83, unanswerable: 0.76, precision: 0.9 }],
  ['questions.blind164.jsonl', { top: 0.84, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind165.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind166.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.84, precision: 0.92 }],
  ['questions.blind167.jsonl', { top: 0.9, offtopic: 0.89, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind168.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind169.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.72, precision: 0.9 }],
  ['questions.blind170.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind171.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.79, precision: 0.94 }],
  ['questions.blind172.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.87, precision: 0.94 }],
  ['questions.blind173.jsonl', { top: 0.9, offtopic: 0.89, unanswerable: 0.8, precision: 0.91 }],
  ['questions.blind174.jsonl', { top: 0.88, offtopic: 0.89, unanswerable: 0.88, precision: 0.92 }],
  ['questions.blind175.jsonl', { top: 0.89, offtopic: 0.89, unanswerable: 0.83, precision: 0.94 }],
  ['questions.blind176.jsonl', { top: 0.93, offtopic: 0.89, unanswerable: 0.76, precision: 0.92 }],
  ['questions.blind177.jsonl', { top: 0.85, offtopic: 0.9, unanswerable: 0.83, precision: 0.9 }],
  ['questions.blind178.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind179.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind180.jsonl', { top: 0.87, offtopic: 0.89, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind181.jsonl', { top: 0.86, offtopic: 0.9, unanswerable: 0.83, precision: 0.93 }],
  ['questions.blind182.jsonl', { top: 0.82, offtopic: 0.9, unanswerable: 0.76, precision: 0.88 }],
  ['questions.blind183.jsonl', { top: 0.92, offtopic: 0.89, unanswerable: 0.8, precision: 0.92 }],
  ['questions.blind184.jsonl', { top: 0.9, offtopic: 0.86, unanswerable: 0.8, precision: 0.92 }],
  ['questions.blind185.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind186.jsonl', { top: 0.81, offtopic: 0.9, unanswerable: 0.8, precision: 0.92 }],
  ['questions.blind187.jsonl', { top: 0.9, offtopic: 0.89, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind188.jsonl', { top: 0.95, offtopic: 0.89, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind189.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind190.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind191.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.79, precision: 0.94 }],
  ['questions.blind192.jsonl', { top: 0.86, offtopic: 0.86, unanswerable: 0.88, precision: 0.93 }],
  ['questions.blind193.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind194.jsonl', { top: 0.86, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind195.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind196.jsonl', { top: 0.93, offtopic: 0.86, unanswerable: 0.76, precision: 0.91 }],
  ['questions.blind197.jsonl', { top: 0.91, offtopic: 0.86, unanswerable: 0.84, precision: 0.91 }],
  ['questions.blind198.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.86, precision: 0.95 }],
  ['questions.blind199.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.76, precision: 0.91 }],
  ['questions.blind200.jsonl', { top: 0.92, offtopic: 0.89, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind201.jsonl', { top: 0.92, offtopic: 0.89, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind202.jsonl', { top: 0.93, offtopic: 0.89, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind203.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind204.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.79, precision: 0.94 }],
  ['questions.blind205.jsonl', { top: 0.9, offtopic: 0.86, unanswerable: 0.64, precision: 0.9 }],
  ['questions.blind206.jsonl', { top: 0.86, offtopic: 0.86, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind207.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind208.jsonl', { top: 0.92, offtopic: 0.86, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind209.jsonl', { top: 0.89, offtopic: 0.89, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind210.jsonl', { top: 0.92, offtopic: 0.89, unanswerable: 0.83, precision: 0.95 }],
  ['questions.blind211.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind212.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind213.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.83, precision: 0.93 }],
  ['questions.blind214.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.87, precision: 0.95 }],
  ['questions.blind215.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind216.jsonl', { top: 0.91, offtopic: 0.89, unanswerable: 0.72, precision: 0.92 }],
  ['questions.blind217.jsonl', { top: 0.92, offtopic: 0.86, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind218.jsonl', { top: 0.9, offtopic: 0.89, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind219.jsonl', { top: 0.9, offtopic: 0.89, unanswerable: 0.76, precision: 0.92 }],
  ['questions.blind220.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind221.jsonl', { top: 0.94, offtopic: 0.83, unanswerable: 0.72, precision: 0.91 }],
  ['questions.blind222.jsonl', { top: 0.93, offtopic: 0.86, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind223.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind224.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind225.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind226.jsonl', { top: 0.88, offtopic: 0.89, unanswerable: 0.84, precision: 0.91 }],
  ['questions.blind227.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind228.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind229.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.88, precision: 0.95 }],
  ['questions.blind230.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind231.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind232.jsonl', { top: 0.95, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind233.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind234.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind235.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind236.jsonl', { top: 0.9, offtopic: 0.83, unanswerable: 0.88, precision: 0.93 }],
  ['questions.blind237.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.88, precision: 0.94 }],
  ['questions.blind238.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind239.jsonl', { top: 0.93, offtopic: 0.86, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind240.jsonl', { top: 0.94, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind241.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.88, precision: 0.96 }],
  ['questions.blind242.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.83, precision: 0.94 }],
  ['questions.blind243.jsonl', { top: 0.9, offtopic: 0.89, unanswerable: 0.8, precision: 0.94 }],
  ['questions.blind244.jsonl', { top: 0.94, offtopic: 0.89, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind245.jsonl', { top: 0.87, offtopic: 0.9, unanswerable: 0.83, precision: 0.93 }],
  ['questions.blind246.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind247.jsonl', { top: 0.92, offtopic: 0.89, unanswerable: 0.75, precision: 0.92 }],
  ['questions.blind248.jsonl', { top: 0.87, offtopic: 0.86, unanswerable: 0.84, precision: 0.89 }],
  ['questions.blind249.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.79, precision: 0.93 }],
  ['questions.blind250.jsonl', { top: 0.93, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind251.jsonl', { top: 0.88, offtopic: 0.9, unanswerable: 0.8, precision: 0.91 }],
  ['questions.blind252.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.84, precision: 0.93 }],
  ['questions.blind253.jsonl', { top: 0.89, offtopic: 0.9, unanswerable: 0.84, precision: 0.95 }],
  ['questions.blind254.jsonl', { top: 0.92, offtopic: 0.9, unanswerable: 0.79, precision: 0.93 }],
  ['questions.blind255.jsonl', { top: 0.9, offtopic: 0.89, unanswerable: 0.72, precision: 0.92 }],
  ['questions.blind256.jsonl', { top: 0.91, offtopic: 0.9, unanswerable: 0.8, precision: 0.93 }],
  ['questions.blind257.jsonl', { top: 0.9, offtopic: 0.9, unanswerable: 0.84, precision: 0.94 }],
  ['questions.blind258.jsonl', { top: 0.92, offtopic: 0.89, unanswerable: 0.88, precision: 0.95 }],
];

/** Each set scored once, for its own floors and for the pooled suggestions check. */
const results = new Map(
  SETS.map(([name]) => {
    // A missing set is a failure, not a skip: readQuestions throws.
    const questions = readQuestions(fixture(name));
    return [name, score(questions, questions.map((q) => knowledge.engine.answer(q.q)), article)] as const;
  }),
);

describe.each(SETS)('answer quality on %s', (name, floors) => {
  const result = results.get(name) as ReturnType<typeof score>;

  it(`GIVEN answerable questions THEN the top quote is right for at least ${floors.top * 100}%`, () => {
    expect(result.top1, result.misses.join('\n')).toBeGreaterThanOrEqual(floors.top);
  });
  it(`GIVEN off-topic questions THEN at least ${floors.offtopic * 100}% are declined`, () => {
    expect(result.offtopicAbstained, result.misses.join('\n')).toBeGreaterThanOrEqual(floors.offtopic);
  });
  it(`GIVEN questions the article cannot answer THEN at least ${floors.unanswerable * 100}% are declined`, () => {
    expect(result.unanswerableAbstained, result.misses.join('\n')).toBeGreaterThanOrEqual(floors.unanswerable);
  });
  it(`GIVEN every answer given THEN at least ${floors.precision * 100}% quote the right sentence first`, () => {
    expect(result.precision, result.misses.join('\n')).toBeGreaterThanOrEqual(floors.precision);
  });
  it('GIVEN any question THEN no quote is anything but verbatim article text', () => {
    expect(result.nonVerbatim).toBe(0);
  });
});

describe('did-you-mean suggestions, pooled over every set', () => {
  // Pooled: a set declines only a handful of answerable questions, so one miss would decide a per-set share.
  const declined = [...results.values()].reduce((n, r) => n + r.declined, 0);
  const suggested = [...results.values()].reduce((n, r) => n + r.suggested, 0);

  // These sets are training data, so few answerable questions are declined (about 20); the floor
  // keeps a margin of two or three of them. The held-out figure is in the README.
  it('GIVEN the answerable questions it declines THEN the right fact is among the suggestions for at least 75%', () => {
    expect(declined).toBeGreaterThanOrEqual(15);
    expect(suggested / declined).toBeGreaterThanOrEqual(0.75);
  });
});

describe('held-out sets', () => {
  it('GIVEN test/fixtures/held-out.json THEN each set it names exists and carries floors, after every fitted set', () => {
    const names = SETS.map(([name]) => name);
    const held = heldOutSets();
    expect(held.length).toBeGreaterThan(0);
    for (const name of held) expect(names).toContain(name);
    // Listed last, under the comment that says they are held out.
    expect(names.slice(-held.length)).toEqual([...held]);
  });
});

describe('the dev set is a test, not training data', () => {
  it('GIVEN the curated questions THEN none repeats a dev question word for word', () => {
    const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const dev = new Set(readQuestions(fixture('questions.dev.jsonl')).map((q) => squash(q.q)));
    const repeated = knowledge.facts.flatMap((f) => f.questions.filter((q) => dev.has(squash(q))));
    expect(repeated).toEqual([]);
  });
});
