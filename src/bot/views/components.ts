/**
 * Buttons, select menus and action rows. Every custom_id is built by custom-ids.ts; a component
 * whose id can't be encoded is left out rather than sent broken. Labels are plain text (Discord
 * doesn't render Markdown there) and never empty.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIButtonComponentWithCustomId,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from 'discord.js';
import type { FactRef } from '../../knowledge/types.js';
import { canEncodeCustomId, encodeCustomId, type CustomId } from '../custom-ids.js';
import { LIMITS, type ComponentRow } from './layout.js';
import { shortLine } from './text.js';

export type Button = APIButtonComponentWithCustomId;

export function button(
  id: CustomId,
  text: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
  disabled = false,
): Button | null {
  if (!canEncodeCustomId(id)) return null;
  return {
    type: ComponentType.Button,
    style,
    label: shortLine(text, LIMITS.buttonLabel),
    custom_id: encodeCustomId(id),
    ...(disabled ? { disabled: true } : {}),
  };
}

/** Buttons in rows of 5 (at most 5 rows), without the missing ones and without duplicate ids. */
export function buttonRows(buttons: readonly (Button | null)[]): ComponentRow[] {
  const present = buttons.filter((b): b is Button => b !== null);
  // Discord rejects two components with the same custom_id in one message.
  const unique = present.filter((b, i) => present.findIndex((o) => o.custom_id === b.custom_id) === i);
  const rows: ComponentRow[] = [];
  for (let i = 0; i < unique.length && rows.length < LIMITS.actionRows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: unique.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

export function selectOption(text: string, value: string, description?: string, isDefault = false): APISelectMenuOption | null {
  if (value.length === 0 || value.length > LIMITS.selectOptionText) return null;
  const desc = description === undefined ? '' : shortLine(description, LIMITS.selectOptionText, '');
  return {
    label: shortLine(text, LIMITS.selectOptionText),
    value,
    ...(desc !== '' ? { description: desc } : {}),
    ...(isDefault ? { default: true } : {}),
  };
}

export function selectRow(id: CustomId, placeholder: string, options: readonly (APISelectMenuOption | null)[]): ComponentRow | null {
  const present = options.filter((o): o is APISelectMenuOption => o !== null);
  const unique = present.filter((o, i) => present.findIndex((p) => p.value === o.value) === i);
  const chosen = unique.slice(0, LIMITS.selectOptions);
  if (chosen.length === 0 || !canEncodeCustomId(id)) return null;
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: encodeCustomId(id),
    placeholder: shortLine(placeholder, LIMITS.placeholder),
    min_values: 1,
    max_values: 1,
    options: chosen,
  };
  return { type: ComponentType.ActionRow, components: [menu] };
}

/** A menu of facts whose values are fact ids (`qa:pick`, answered by /ask's component handler). */
export function factMenu(facts: readonly FactRef[], placeholder: string): ComponentRow | null {
  return selectRow(
    { kind: 'qa:pick' },
    placeholder,
    facts.map((f) => selectOption(f.question, f.id, f.answer)),
  );
}

/** Labels of the feedback buttons under every answer. */
const FEEDBACK_LABELS = { up: '👍', down: '👎' } as const;

/** 👍/👎 under an answer, on a row of their own: the curator's signal of which facts to fix. */
export function feedbackRow(factId: string | null): ComponentRow[] {
  if (factId === null) return [];
  return buttonRows([
    button({ kind: 'fb:up', factId }, FEEDBACK_LABELS.up),
    button({ kind: 'fb:down', factId }, FEEDBACK_LABELS.down),
  ]);
}
