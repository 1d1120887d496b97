/**
 * Answering an interaction inside Discord's 3 s window even when its callback is rate limited: the
 * reply is sent at once, and when a 429 holds it back past 2.5 s after the interaction arrived, the
 * interaction is deferred (callbacks of one interaction don't queue behind each other in
 * discord.js) and the answer then goes in as an edit of the deferred reply.
 *
 * A reply refused with "already acknowledged" (40060) is one Discord already has — a copy that
 * discord.js re-sent after its timeout, or a reply that crossed the deferral — so it counts as
 * delivered, never as expired.
 */
import { MessageFlags, RESTEvents, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import { isAlreadyAcknowledged } from './errors.js';
import type { Rendered } from './views/layout.js';
import { asEdit, asReply, asUpdate } from './views/reply.js';

/** Past this long after receipt, an unsent answer is deferred (Discord's window is 3 s). */
const DEFER_AFTER_MS = 2_500;

const receivedAt = new WeakMap<object, number>();

/** Notes when the interaction arrived (the router calls this first); the deadline counts from here. */
export function markReceived(interaction: object, at: number = Date.now()): void {
  if (!receivedAt.has(interaction)) receivedAt.set(interaction, at);
}

/**
 * Interaction callbacks waiting out a 429: discord.js sleeps for Retry-After and then re-sends,
 * silently. The REST manager's `response` event is the one place that shows it; one listener per
 * manager tells the waiting interaction (by id) until when its callback is held back.
 */
const held = new Map<string, (until: number) => void>();
const watched = new WeakSet<object>();
const CALLBACK_PATH = /^\/interactions\/(\d+)\/[^/]+\/callback/;

function watchRateLimits(interaction: { client?: { rest?: unknown } }): void {
  const rest = interaction.client?.rest as
    | { on?(event: string, fn: (req: { path: string }, res: { status: number; headers: Headers }) => void): unknown }
    | undefined;
  if (!rest?.on || watched.has(rest)) return;
  watched.add(rest);
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    const id = CALLBACK_PATH.exec(request.path)?.[1];
    const notify = id === undefined ? undefined : held.get(id);
    if (notify) notify(Date.now() + Number(response.headers.get('retry-after') ?? 0) * 1000);
  });
}

interface Steps {
  send(): Promise<unknown>;
  defer(): Promise<unknown>;
  edit(): Promise<unknown>;
}

async function inTime(interaction: { id: string; client?: { rest?: unknown } }, steps: Steps): Promise<'sent' | 'deferred'> {
  watchRateLimits(interaction);
  const deadline = (receivedAt.get(interaction) ?? Date.now()) + DEFER_AFTER_MS;
  // Late: a 429 holds the reply back past the deadline (a reply merely in flight is not late —
  // a deferral would be no faster).
  const late = new Promise<'late'>((resolve) => {
    held.set(interaction.id, (until) => {
      if (until > deadline) resolve('late');
    });
  });
  const sending = steps.send().then(
    () => 'sent' as const,
    (err: unknown) => {
      if (isAlreadyAcknowledged(err)) return 'sent' as const;
      throw err;
    },
  );
  try {
    if ((await Promise.race([sending, late])) === 'sent') return 'sent';
  } finally {
    held.delete(interaction.id);
  }
  try {
    await steps.defer();
  } catch (err) {
    // The reply got there first: it is delivered (or failed, and `sending` says how).
    if (isAlreadyAcknowledged(err)) return sending;
    sending.catch(() => undefined);
    throw err;
  }
  // Deferred: the held-back reply can only be refused now ("already acknowledged"); the answer
  // goes in as an edit.
  sending.catch(() => undefined);
  await steps.edit();
  return 'deferred';
}

/** `interaction.reply`, deferred and edited when it can't go out within 2.5 s of receipt. */
export function replyInTime(interaction: RepliableInteraction, view: Rendered, options: { ephemeral: boolean }) {
  return inTime(interaction, {
    send: () => interaction.reply(asReply(view, options)),
    defer: () => interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    edit: () => interaction.editReply(asEdit(view)),
  });
}

/** `interaction.update` of the component's message, deferred and edited when late. */
export function updateInTime(interaction: MessageComponentInteraction, view: Rendered) {
  return inTime(interaction, {
    send: () => interaction.update(asUpdate(view)),
    defer: () => interaction.deferUpdate(),
    edit: () => interaction.editReply(asEdit(view)),
  });
}
