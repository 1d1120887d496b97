/**
 * Gateway dispatches that cannot be a real event (an INTERACTION_CREATE with `d: null`, without a
 * `type`, a button without its `message`, a MESSAGE_CREATE without an `author`) are dropped before
 * discord.js builds objects from them: a debug line and the `droppedPayload` hook (a metrics
 * counter), instead of a TypeError inside discord.js that surfaces as an unhandled rejection.
 *
 * discord.js has no public hook before it handles a packet, so this wraps the client's
 * `ws.handlePacket` (the one place every dispatch goes through). The e2e test
 * test/e2e/malformed.test.ts fails if a discord.js upgrade moves that seam.
 */
import { InteractionType, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { notifyDroppedPayload, type BotHooks } from './hooks.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Dispatches whose `d` is legitimately not an object. */
const NO_DATA_EVENTS = new Set(['RESUMED']);

function interactionProblem(d: Json): string | undefined {
  if (!isText(d['id']) || !isText(d['token']) || !isText(d['application_id'])) return 'no id, token or application_id';
  const type = d['type'];
  if (
    type !== InteractionType.ApplicationCommand &&
    type !== InteractionType.MessageComponent &&
    type !== InteractionType.ApplicationCommandAutocomplete &&
    type !== InteractionType.ModalSubmit
  ) {
    return `unknown interaction type ${JSON.stringify(type ?? null)}`;
  }
  const user = isObject(d['member']) ? d['member']['user'] : d['user'];
  if (!isObject(user) || !isText(user['id'])) return 'no user';
  const data = d['data'];
  if (!isObject(data)) return 'no data';
  if (type === InteractionType.MessageComponent) {
    if (!isObject(d['message']) || !isText(d['message']['id'])) return 'a component without its message';
    if (!isText(data['custom_id'])) return 'a component without custom_id';
  }
  if (type === InteractionType.ModalSubmit && !isText(data['custom_id'])) return 'a modal without custom_id';
  if ((type === InteractionType.ApplicationCommand || type === InteractionType.ApplicationCommandAutocomplete) && !isText(data['name'])) {
    return 'a command without a name';
  }
  return undefined;
}

function messageProblem(d: Json): string | undefined {
  if (!isText(d['id']) || !isText(d['channel_id'])) return 'no id or channel_id';
  const author = d['author'];
  if (!isObject(author) || !isText(author['id'])) return 'no author';
  return undefined;
}

/** Why a dispatch cannot be handled, or undefined when it looks like what Discord sends. */
export function payloadProblem(t: unknown, d: unknown): string | undefined {
  if (typeof t !== 'string') return 'no event name';
  if (NO_DATA_EVENTS.has(t)) return undefined;
  if (!isObject(d)) return `d is ${d === null ? 'null' : typeof d}`;
  if (t === 'INTERACTION_CREATE') return interactionProblem(d);
  if (t === 'MESSAGE_CREATE') return messageProblem(d);
  return undefined;
}

interface PacketHandler {
  handlePacket(packet?: { t?: unknown; d?: unknown }, shard?: unknown): boolean;
}

/** Drops malformed dispatches before discord.js handles them (see the file comment). */
export function guardGatewayPayloads(client: Client, options: { logger: Logger; hooks: BotHooks }): void {
  const ws = client.ws as unknown as PacketHandler;
  if (typeof ws.handlePacket !== 'function') {
    options.logger.warn('discord.js has no ws.handlePacket: malformed gateway payloads are not filtered');
    return;
  }
  const handle = ws.handlePacket.bind(ws);
  const drop = (event: string, reason: string) => {
    options.logger.debug({ event, reason }, 'dropped a malformed gateway payload');
    notifyDroppedPayload(options.hooks, options.logger, event, reason);
  };
  ws.handlePacket = (packet, shard) => {
    // No packet: discord.js only drains its queue of events received before READY.
    if (packet) {
      const problem = payloadProblem(packet.t, packet.d);
      if (problem !== undefined) {
        drop(typeof packet.t === 'string' ? packet.t : 'unknown', problem);
        return true;
      }
    }
    try {
      return handle(packet, shard);
    } catch (err) {
      // A shape this guard does not know yet broke a discord.js handler: still not the bot's error.
      const event = typeof packet?.t === 'string' ? packet.t : 'unknown';
      options.logger.warn({ err, event }, 'discord.js could not handle a gateway payload; dropped it');
      notifyDroppedPayload(options.hooks, options.logger, event, 'handler threw');
      return true;
    }
  };
}
