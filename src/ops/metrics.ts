/**
 * Prometheus metrics for one bot process (one shard), on a registry of its own — never
 * prom-client's global one — so several bots (shards in tests) can live in one process.
 * Everything is fed through the bot's hooks; nothing here touches the engine.
 */
import type { Client } from 'discord.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AnswerVia, BotHooks, FeedbackVote } from '../bot/hooks.js';

/** Not tied to the article: the same bot can serve another. */
export const METRIC_PREFIX = 'qa_bot_';
/** Seconds: answers take well under a millisecond to compute; the reply round trip to Discord adds up to ~1 s. */
export const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const VIAS: readonly AnswerVia[] = ['slash', 'message', 'component'];
const VOTES: readonly FeedbackVote[] = ['up', 'down'];
const MAX_WHERE_LENGTH = 64;
/** Events counted by name when dropped; any other is counted as `other` (the label stays bounded). */
const DROPPED_EVENTS = ['INTERACTION_CREATE', 'MESSAGE_CREATE', 'other'] as const;

export interface MetricsOptions {
  /** The `shard` label on every series (default 0: a single process is shard 0 of 1); "0-1" for a slice. */
  readonly shardId?: number | string;
  /** Node.js process metrics (CPU, memory, event loop, GC); default true. */
  readonly processMetrics?: boolean;
}

export interface BotMetrics {
  readonly registry: Registry;
  /** Pass to startBot/runFromEnv (`hooks`) to feed the metrics. */
  readonly hooks: Required<Pick<BotHooks, 'clientCreated' | 'answered' | 'feedback' | 'error' | 'droppedPayload'>>;
  /** The client seen by `clientCreated`, if any. */
  client(): Client | undefined;
}

export function createMetrics(options: MetricsOptions = {}): BotMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ shard: String(options.shardId ?? 0) });
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  let client: Client | undefined;

  const answered = new Counter({
    name: `${METRIC_PREFIX}questions_answered_total`,
    help: 'Questions answered from the article, by how they were asked.',
    labelNames: ['via'] as const,
    registers: [registry],
  });
  const abstained = new Counter({
    name: `${METRIC_PREFIX}questions_abstained_total`,
    help: "Questions the article could not answer (the bot said so), by how they were asked.",
    labelNames: ['via'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${METRIC_PREFIX}answer_duration_seconds`,
    help: 'Time from receiving a question to the reply accepted by Discord.',
    labelNames: ['via'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const feedback = new Counter({
    name: `${METRIC_PREFIX}feedback_total`,
    help: 'Feedback button presses under answers (one per person and answer).',
    labelNames: ['vote'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: `${METRIC_PREFIX}errors_total`,
    help: 'Bugs caught at an error boundary, by where (interaction:/ask, message, sync, client...).',
    labelNames: ['where'] as const,
    registers: [registry],
  });
  const dropped = new Counter({
    name: `${METRIC_PREFIX}gateway_payloads_dropped_total`,
    help: 'Malformed gateway dispatches dropped before handling, by event (INTERACTION_CREATE, MESSAGE_CREATE, other).',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  new Gauge({
    name: `${METRIC_PREFIX}gateway_ping_seconds`,
    help: "Discord gateway heartbeat round trip (NaN until the first heartbeat is acknowledged).",
    registers: [registry],
    collect() {
      const ping = client?.ws.ping ?? -1;
      this.set(ping >= 0 ? ping / 1000 : Number.NaN);
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}gateway_ready`,
    help: '1 when the gateway connection is ready, else 0.',
    registers: [registry],
    collect() {
      this.set(client?.isReady() ? 1 : 0);
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}guilds`,
    help: 'Servers this shard serves.',
    registers: [registry],
    collect() {
      this.set(client?.isReady() ? client.guilds.cache.size : 0);
    },
  });

  // Every series exists from the start, so rates and alerts work before the first question.
  for (const via of VIAS) {
    answered.labels(via).inc(0);
    abstained.labels(via).inc(0);
    latency.zero({ via });
  }
  for (const vote of VOTES) feedback.labels(vote).inc(0);
  for (const event of DROPPED_EVENTS) dropped.labels(event).inc(0);

  return {
    registry,
    client: () => client,
    hooks: {
      clientCreated(c) {
        client = c;
      },
      answered(answer, ms, via) {
        (answer.answered ? answered : abstained).labels(via).inc();
        latency.labels(via).observe(ms / 1000);
      },
      feedback(_factId, vote) {
        feedback.labels(vote).inc();
      },
      error(_err, where) {
        errors.labels(where.slice(0, MAX_WHERE_LENGTH)).inc();
      },
      droppedPayload(event) {
        dropped.labels(DROPPED_EVENTS.find((e) => e === event) ?? 'other').inc();
      },
    },
  };
}
