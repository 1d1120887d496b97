/**
 * Free-text questions. A message is for us when the bot is @mentioned (the mention is stripped),
 * in DMs, when it replies to one of the bot's own messages, and — in ANSWER_CHANNEL_IDS channels —
 * when it reads like a question. Bots, webhooks, system messages and the bot itself are ignored.
 *
 * Mentions, DMs and replies that ping the bot work without the privileged Message Content intent:
 * Discord delivers their content anyway. Replies to the bot are recognised from the referenced
 * message's author that Discord sends along (`mentions.repliedUser`), so no message cache is needed.
 */
import { MessageType, type Message } from 'discord.js';
import type { Logger } from 'pino';
import { opensQuestion } from '../knowledge/index.js';
import type { Knowledge } from '../knowledge/types.js';
import type { Cooldown } from './cooldown.js';
import { notifyAnswered, type BotHooks } from './hooks.js';
import { renderAnswer } from './views/answer.js';
import { exampleQuestion } from './views/decline.js';
import { renderNotice } from './views/layout.js';
import { asMessageReply } from './views/reply.js';
import { plainLine } from './views/text.js';

export type Trigger = 'mention' | 'dm' | 'reply' | 'channel';

export interface MessageTrigger {
  readonly trigger: Trigger;
  /** The message text with the bot's mentions removed, on one line. */
  readonly question: string;
}

export interface MessageContext {
  readonly knowledge: Knowledge;
  readonly logger: Logger;
  readonly hooks: BotHooks;
  readonly cooldown: Cooldown;
  readonly answerChannelIds: ReadonlySet<string>;
}

/**
 * Reads like a question: ends with a question mark, or opens like one (the engine's own reading of
 * question openers, fillers such as "so" or "ok" aside) and has more than one word.
 */
export function looksLikeQuestion(text: string): boolean {
  const t = plainLine(text);
  if (!/\p{L}/u.test(t)) return false;
  if (/[?？؟]["'”’)\]]*$/.test(t)) return true;
  return t.split(/\s+/).length >= 2 && opensQuestion(t);
}

/** The reply to a mention with no question in it: an example from the fact base. */
export function emptyQuestionHint(knowledge: Knowledge): string {
  const example = exampleQuestion(knowledge);
  return example === undefined
    ? 'Ask me something about the article — or try /help.'
    : `Ask me something about the article, e.g. “${plainLine(example)}” — or try /help.`;
}

/**
 * The nonce of the bot's reply to `message`: derived from the question's id (≤ 25 characters), so
 * a POST that discord.js re-sends after a timeout is dropped by Discord instead of posted twice.
 */
export function replyNonce(message: Pick<Message, 'id'>, kind: 'answer' | 'apology' = 'answer'): string {
  return kind === 'answer' ? message.id : `${message.id}-x`;
}

/** Decides whether a message is a question for the bot, and extracts it. Null: leave it alone. */
export function classifyMessage(message: Message, answerChannelIds: ReadonlySet<string>): MessageTrigger | null {
  const me = message.client.user;
  if (!me) return null;
  if (message.author.bot || message.webhookId || message.system || message.author.id === me.id) return null;
  if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return null;

  const content = message.content ?? '';
  const botRoleId = message.inGuild() ? message.guild?.members.me?.roles.botRole?.id : undefined;
  const mentionOfMe = new RegExp(`<@!?${me.id}>${botRoleId ? `|<@&${botRoleId}>` : ''}`, 'g');
  const mentioned = mentionOfMe.test(content);
  const question = plainLine(content.replace(mentionOfMe, ' '));

  if (!message.inGuild()) return { trigger: 'dm', question };
  if (mentioned) return { trigger: 'mention', question };
  const repliedTo = message.reference?.messageId ? message.mentions.repliedUser : null;
  if (repliedTo?.id === me.id) return { trigger: 'reply', question };

  const channel = message.channel;
  const inAnswerChannel =
    answerChannelIds.has(message.channelId) ||
    (channel.isThread() && channel.parentId !== null && answerChannelIds.has(channel.parentId));
  // In answer channels, replies to other people and messages addressing someone are conversation, not questions.
  if (
    inAnswerChannel &&
    !message.reference &&
    message.mentions.users.size === 0 &&
    message.mentions.roles.size === 0 &&
    !message.mentions.everyone &&
    looksLikeQuestion(question)
  ) {
    return { trigger: 'channel', question };
  }
  return null;
}

/** Answers a classified message with `message.reply` (never pinging anyone). */
export async function answerMessage(message: Message, trigger: MessageTrigger, ctx: MessageContext): Promise<void> {
  const started = performance.now();
  if (trigger.question === '' && trigger.trigger === 'reply') return; // e.g. content we can't see without the intent

  const verdict = ctx.cooldown.take(message.author.id);
  if (!verdict.allowed) {
    if (verdict.notify) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      await message.reply(
        asMessageReply(renderNotice(`You're asking faster than I answer — please wait ${seconds} s, then ask again.`), replyNonce(message)),
      );
    }
    return;
  }
  if (trigger.question === '') {
    await message.reply(asMessageReply(renderNotice(emptyQuestionHint(ctx.knowledge)), replyNonce(message)));
    return;
  }
  const answer = ctx.knowledge.engine.answer(trigger.question);
  await message.reply(asMessageReply(renderAnswer(answer, ctx.knowledge), replyNonce(message)));
  // Greetings and thanks are not questions the article failed to answer: not logged as such.
  if (answer.outcome === 'chatter') ctx.logger.debug({ via: 'message' }, 'chatter');
  else notifyAnswered(ctx.hooks, ctx.logger, answer, started, 'message');
}
