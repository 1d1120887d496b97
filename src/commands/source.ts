import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { UserError } from '../bot/errors.js';
import { replyInTime, updateInTime } from '../bot/respond.js';
import { renderSentence } from '../bot/views/context.js';
import { LIMITS } from '../bot/views/layout.js';
import { renderSourcePage } from '../bot/views/source.js';
import { plainLine, truncate } from '../bot/views/text.js';
import type { Article, Knowledge } from '../knowledge/types.js';
import { slashCommand } from './builder.js';
import type { Command } from './types.js';

/** The document `/source document:` names (by id or headline), the primary one when not given. */
function chosenDocument(knowledge: Knowledge, value: string | null): Article {
  if (value === null || value.trim() === '') return knowledge.article;
  const byId = knowledge.documents.get(value);
  if (byId) return byId;
  const wanted = plainLine(value).toLowerCase();
  const byHeadline = [...knowledge.documents.values()].find((d) => plainLine(d.headline).toLowerCase().startsWith(wanted));
  if (byHeadline) return byHeadline;
  throw new UserError('I don’t know that article — pick one of the suggestions, or leave `document` out for the main one.');
}

/** Autocomplete: the documents whose headline or id contains what is typed, as (headline, id) choices. */
function documentChoices(knowledge: Knowledge, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const t = plainLine(typed).toLowerCase();
  return [...knowledge.documents.values()]
    .filter((d) => t === '' || d.id.toLowerCase().includes(t) || d.headline.toLowerCase().includes(t))
    .filter((d) => d.id.length <= LIMITS.choiceText)
    .slice(0, LIMITS.choices)
    .map((d) => ({ name: truncate(plainLine(`${d.headline} (${d.year})`), LIMITS.choiceText), value: d.id }));
}

/**
 * `/source`: a document page by page (Prev/Next buttons), or with `sentence:` that sentence and
 * its neighbours. Both are private: reading the article is for the reader, and a private reply
 * keeps a channel free of long pages (an answer's quotes already cite the sentence numbers).
 */
export const command = {
  data: slashCommand('source', 'Read the article: all of it, numbered sentence by sentence, or one sentence in context.')
    .addIntegerOption((o) =>
      o.setName('sentence').setDescription('A sentence number (answers cite them) to show with its neighbours').setMinValue(1),
    )
    .addStringOption((o) =>
      o.setName('document').setDescription('Which article, when I know several (default: the main one)').setAutocomplete(true),
    ),

  async execute(interaction, ctx) {
    const n = interaction.options.getInteger('sentence');
    const doc = chosenDocument(ctx.knowledge, interaction.options.getString('document'));
    if (n === null) {
      await replyInTime(interaction, renderSourcePage(ctx.knowledge, 1, doc.id), { ephemeral: true });
      return;
    }
    const view = renderSentence(ctx.knowledge, n, doc.id);
    if (!view) {
      const total = doc.sentences.length;
      throw new UserError(
        `There is no sentence ${n}: the article has ${total} sentences, numbered 1 to ${total}. Use /source without a number to read them all.`,
      );
    }
    await replyInTime(interaction, view, { ephemeral: true });
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(focused.name === 'document' ? documentChoices(ctx.knowledge, String(focused.value)) : []);
  },

  components: {
    namespace: 'src',
    async handle(interaction, id, ctx) {
      if (id.kind !== 'src:page' || !interaction.isButton()) {
        throw new UserError("That control isn't valid anymore — run /source again.");
      }
      if (id.document !== undefined && !ctx.knowledge.documents.has(id.document)) {
        throw new UserError("That article isn't in my fact base anymore — run /source again.");
      }
      await updateInTime(interaction, renderSourcePage(ctx.knowledge, id.page, id.document));
    },
  },
} satisfies Command;
