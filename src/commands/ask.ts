import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { UserError } from '../bot/errors.js';
import { notifyAnswered } from '../bot/hooks.js';
import { replyInTime } from '../bot/respond.js';
import { renderAnswer, renderRelated } from '../bot/views/answer.js';
import { renderContext } from '../bot/views/context.js';
import { exampleQuestion } from '../bot/views/decline.js';
import { LIMITS } from '../bot/views/layout.js';
import { plainLine, truncate } from '../bot/views/text.js';
import type { Answer } from '../knowledge/types.js';
import { slashCommand } from './builder.js';
import type { Command, CommandContext } from './types.js';

export const QUESTION_MAX_LENGTH = 300;

/** Autocomplete choices from the engine's curated questions: ≤ 25, names and values ≤ 100, unique. */
export function questionChoices(suggestions: readonly string[]): ApplicationCommandOptionChoiceData<string>[] {
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const s of suggestions) {
    if (choices.length >= LIMITS.choices) break;
    const text = truncate(plainLine(s), LIMITS.choiceText);
    if (text === '' || choices.some((c) => c.value === text)) continue;
    choices.push({ name: text, value: text });
  }
  return choices;
}

function answerFactOrExplain(ctx: CommandContext, factId: string) {
  const answer = ctx.knowledge.engine.answerFact(factId);
  if (!answer) throw new UserError("That fact isn't in my fact base anymore — ask your question again.");
  return answer;
}

/** Reports a delivered answer; chatter is not a question the article failed to answer. */
function report(ctx: CommandContext, answer: Answer, started: number, via: 'slash' | 'component'): void {
  if (answer.outcome === 'chatter') ctx.logger.debug({ via }, 'chatter');
  else notifyAnswered(ctx.hooks, ctx.logger, answer, started, via);
}

export const command = {
  data: slashCommand('ask', 'Ask about the article I know; answers quote its sentences word for word.')
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('Your question about the article (suggestions appear as you type)')
        .setRequired(true)
        .setMaxLength(QUESTION_MAX_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption((o) => o.setName('private').setDescription('Show the answer only to you (default: everyone sees it)')),

  async execute(interaction, ctx) {
    const started = performance.now();
    const question = interaction.options.getString('question', true);
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    if (plainLine(question) === '') {
      const example = exampleQuestion(ctx.knowledge) ?? 'What happened?';
      throw new UserError(`Please type a question, for example: /ask question: ${plainLine(example)}`);
    }
    const answer = ctx.knowledge.engine.answer(question);
    // Channel readers don't see what was asked: a public answer repeats the question first.
    await replyInTime(interaction, renderAnswer(answer, ctx.knowledge, { echoQuestion: !ephemeral }), { ephemeral });
    report(ctx, answer, started, 'slash');
  },

  async autocomplete(interaction, ctx) {
    let choices: ApplicationCommandOptionChoiceData<string>[] = [];
    try {
      const focused = interaction.options.getFocused(true);
      if (focused.name === 'question') {
        choices = questionChoices(ctx.knowledge.engine.suggest(String(focused.value), LIMITS.choices));
      }
    } catch (err) {
      ctx.logger.error({ err, interactionId: interaction.id }, 'autocomplete failed; offering no choices');
    }
    await interaction.respond(choices);
  },

  components: {
    namespace: 'qa',
    async handle(interaction, id, ctx) {
      const started = performance.now();
      switch (id.kind) {
        case 'qa:ctx':
          await replyInTime(interaction, renderContext(ctx.knowledge, id.sentences, { documentId: id.document }), { ephemeral: true });
          return;
        case 'qa:rel':
          await replyInTime(interaction, renderRelated(answerFactOrExplain(ctx, id.factId)), { ephemeral: true });
          return;
        case 'qa:fact':
        case 'qa:pick': {
          let factId: string | undefined;
          if (id.kind === 'qa:fact') factId = id.factId;
          else if (interaction.isStringSelectMenu()) factId = interaction.values[0];
          if (factId === undefined) throw new UserError('Pick one of the facts from the menu.');
          const answer = answerFactOrExplain(ctx, factId);
          await replyInTime(interaction, renderAnswer(answer, ctx.knowledge), { ephemeral: true });
          report(ctx, answer, started, 'component');
          return;
        }
        default:
          throw new UserError("That control isn't valid anymore — run the command again.");
      }
    },
  },
} satisfies Command;
