/**
 * The interaction router and the error boundaries: one per interaction and one per message.
 *
 * A user's mistake (`UserError`, a malformed or outdated custom_id, a control that isn't on the
 * message it claims to be on, an unknown command) gets a friendly private message. Anything else
 * is a bug: it is logged with the interaction or message id and the user gets a short private
 * apology. Nothing escapes to crash the process.
 */
import type { AutocompleteInteraction, Interaction, Message, MessageComponentInteraction, RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { Command, CommandContext, ComponentHandler } from '../commands/types.js';
import { decodeCustomId } from './custom-ids.js';
import { APOLOGY, isAlreadyAcknowledged, isExpiredInteraction, isMissingPermissions, isQuestionGone, UserError } from './errors.js';
import { notifyError } from './hooks.js';
import { answerMessage, classifyMessage, replyNonce, type MessageContext } from './messages.js';
import { markReceived, replyInTime } from './respond.js';
import { renderNotice, type Rendered } from './views/layout.js';
import { asMessageReply, asReply } from './views/reply.js';

export const OUTDATED_COMPONENT = 'That button is from an older version of me — run the command again.';
export const INVALID_COMPONENT = "That control isn't valid anymore — run the command again.";
export const FOREIGN_COMPONENT = "That control doesn't belong to this message — run the command again.";

/** Sends `view` privately: a reply if the interaction is still unanswered, else a follow-up. */
export async function respondPrivately(interaction: RepliableInteraction, view: Rendered): Promise<void> {
  if (interaction.replied || interaction.deferred) await interaction.followUp(asReply(view, { ephemeral: true }));
  else await replyInTime(interaction, view, { ephemeral: true });
}

/** Every custom_id on a message's own components (rows, and anything nested). */
function customIdsOn(message: { components?: readonly unknown[] } | null | undefined): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const c = node as { customId?: unknown; custom_id?: unknown; components?: unknown };
    const id = c.customId ?? c.custom_id;
    if (typeof id === 'string') ids.add(id);
    if (Array.isArray(c.components)) c.components.forEach(walk);
  };
  (message?.components ?? []).forEach(walk);
  return ids;
}

/**
 * A component may only act on the message it was rendered on: one of ours, carrying this very
 * custom_id. A forged `v1:src:page:2` on a public /ask answer must not rewrite the answer.
 */
function isOwnControl(interaction: MessageComponentInteraction): boolean {
  const message = interaction.message as (Message & { author?: { id?: string } }) | null | undefined;
  const me = interaction.client.user?.id ?? interaction.applicationId;
  if (!message || (message.author?.id !== undefined && message.author.id !== me)) return false;
  return customIdsOn(message).has(interaction.customId);
}

function describeInteraction(interaction: Interaction): Record<string, unknown> {
  const info: Record<string, unknown> = {
    interactionId: interaction.id,
    type: interaction.type,
    // No user or guild ids in logs (see README, "Logs and privacy"); the channel helps with permissions.
    channelId: interaction.channelId ?? undefined,
  };
  if (interaction.isCommand() || interaction.isAutocomplete()) info['command'] = interaction.commandName;
  if (interaction.isMessageComponent()) info['customId'] = interaction.customId;
  return info;
}

function where(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return `interaction:/${interaction.commandName}`;
  if (interaction.isMessageComponent()) return `interaction:component:${interaction.customId.split(':').slice(0, 3).join(':')}`;
  return `interaction:${interaction.type}`;
}

export interface InteractionRouterOptions {
  readonly commands: readonly Command[];
  readonly context: CommandContext;
  /** Component handlers that belong to no command (e.g. the feedback buttons). */
  readonly components?: readonly ComponentHandler[];
}

export function createInteractionRouter({ commands, context, components = [] }: InteractionRouterOptions) {
  const log: Logger = context.logger.child({ module: 'router' });
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const byNamespace = new Map(
    [...commands.flatMap((c) => (c.components ? [c.components] : [])), ...components].map((h) => [h.namespace, h] as const),
  );

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    try {
      const command = byName.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
    } catch (err) {
      if (isExpiredInteraction(err) || isAlreadyAcknowledged(err)) {
        log.debug({ interactionId: interaction.id }, 'autocomplete expired before we answered');
        return;
      }
      log.error({ err, ...describeInteraction(interaction) }, 'autocomplete failed');
      notifyError(context.hooks, log, err, where(interaction));
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  }

  async function dispatch(interaction: RepliableInteraction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName);
      if (!command) {
        throw new UserError(`I don't have a /${interaction.commandName} command (anymore) — try /help.`);
      }
      await command.execute(interaction, context);
      return;
    }
    if (interaction.isButton() || interaction.isStringSelectMenu()) {
      const decoded = decodeCustomId(interaction.customId);
      if (!decoded.ok) {
        log.debug({ interactionId: interaction.id, customId: interaction.customId, reason: decoded.reason }, 'unusable custom_id');
        throw new UserError(decoded.reason === 'outdated' ? OUTDATED_COMPONENT : INVALID_COMPONENT);
      }
      if (!isOwnControl(interaction)) {
        log.debug({ interactionId: interaction.id, customId: interaction.customId }, 'a control that is not on its message');
        throw new UserError(FOREIGN_COMPONENT);
      }
      const handler = byNamespace.get(decoded.namespace);
      if (!handler) throw new UserError(INVALID_COMPONENT);
      await handler.handle(interaction, decoded.id, context);
      return;
    }
    log.debug({ interactionId: interaction.id, type: interaction.type }, 'ignoring an interaction type we do not use');
  }

  /** Handles one interaction; never rejects. */
  return async function route(interaction: Interaction): Promise<void> {
    markReceived(interaction);
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (!interaction.isRepliable()) return;
    try {
      await dispatch(interaction);
    } catch (err) {
      await fail(interaction, err);
    }
  };

  async function fail(interaction: RepliableInteraction, err: unknown): Promise<void> {
    let view: Rendered;
    if (err instanceof UserError) {
      log.debug({ ...describeInteraction(interaction), reason: err.message }, 'user mistake');
      view = renderNotice(err.message);
    } else if (isAlreadyAcknowledged(err)) {
      // Discord already has a response (a re-sent request whose first copy got through): delivered.
      log.debug({ ...describeInteraction(interaction) }, 'the interaction was already answered');
      return;
    } else if (isExpiredInteraction(err)) {
      // Too late to answer at all: the 3 s window passed before even a deferral got through.
      log.warn({ err, ...describeInteraction(interaction) }, 'interaction expired before we answered');
      notifyError(context.hooks, log, err, where(interaction));
      return;
    } else {
      log.error({ err, ...describeInteraction(interaction) }, 'interaction failed');
      notifyError(context.hooks, log, err, where(interaction));
      view = renderNotice(APOLOGY);
    }
    try {
      await respondPrivately(interaction, view);
    } catch (sendErr) {
      log.warn({ err: sendErr, interactionId: interaction.id }, 'could not tell the user');
    }
  }
}

export interface MessageRouterOptions {
  readonly context: MessageContext;
}

/** Handles one message (answers it if it's for us); never rejects. */
export function createMessageRouter({ context }: MessageRouterOptions) {
  const log: Logger = context.logger.child({ module: 'messages' });
  return async function onMessage(message: Message): Promise<void> {
    let trigger: ReturnType<typeof classifyMessage>;
    try {
      trigger = classifyMessage(message, context.answerChannelIds);
    } catch (err) {
      // A bug before we decided to answer: log it, but don't apologise to a message that wasn't for us.
      log.error({ err, messageId: message.id, channelId: message.channelId }, 'could not classify a message');
      notifyError(context.hooks, log, err, 'message');
      return;
    }
    if (!trigger) return;
    try {
      await answerMessage(message, trigger, context);
    } catch (err) {
      if (isMissingPermissions(err)) {
        log.warn({ messageId: message.id, channelId: message.channelId }, 'no permission to reply in this channel');
        return;
      }
      if (isQuestionGone(err)) {
        log.info({ messageId: message.id, channelId: message.channelId }, 'the question was deleted before the answer');
        return;
      }
      log.error({ err, messageId: message.id, channelId: message.channelId, trigger: trigger.trigger }, 'message failed');
      notifyError(context.hooks, log, err, 'message');
      try {
        await message.reply(asMessageReply(renderNotice(APOLOGY), replyNonce(message, 'apology')));
      } catch (sendErr) {
        log.warn({ err: sendErr, messageId: message.id }, 'could not send the apology');
      }
    }
  };
}
