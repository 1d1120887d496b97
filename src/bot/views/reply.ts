/**
 * The same view as an interaction reply, an edit of a deferred reply, an update of the message a
 * component is on, or a channel message replying to a question. Link previews are suppressed and
 * nobody is ever pinged, not even the person replied to.
 */
import {
  MessageFlags,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageReplyOptions,
} from 'discord.js';
import type { Rendered } from './layout.js';

/** `interaction.reply` / `followUp` options. */
export function asReply(r: Rendered, options: { ephemeral: boolean }): InteractionReplyOptions {
  return {
    content: r.content,
    components: r.components,
    allowedMentions: { parse: [] },
    flags: options.ephemeral ? MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds : MessageFlags.SuppressEmbeds,
  };
}

/** `interaction.editReply` options, after a deferral (visibility was set by the deferral). */
export function asEdit(r: Rendered): InteractionEditReplyOptions {
  return { content: r.content, components: r.components, allowedMentions: { parse: [] }, flags: MessageFlags.SuppressEmbeds };
}

/** `interaction.update` options (edits the message the component is on). */
export function asUpdate(r: Rendered): InteractionUpdateOptions {
  return { content: r.content, components: r.components, allowedMentions: { parse: [] } };
}

/** Discord keeps a nonce for a few minutes; at most 25 characters. */
const MAX_NONCE = 25;

/**
 * `message.reply` options. `nonce` (derived from what is answered, e.g. the question's message id)
 * with `enforceNonce` makes Discord drop a re-sent POST instead of posting the answer twice.
 */
export function asMessageReply(r: Rendered, nonce?: string): MessageReplyOptions {
  return {
    content: r.content,
    components: r.components,
    allowedMentions: { parse: [], repliedUser: false },
    flags: MessageFlags.SuppressEmbeds,
    ...(nonce !== undefined && nonce.length > 0 ? { nonce: nonce.slice(0, MAX_NONCE), enforceNonce: true } : {}),
  };
}
