/**
 * "Is the US one of the guarantors?" asks whether something belongs to a group the article lists.
 * What settles it is the fact that lists the group ("Iran, Turkey and Russian Federation…"), not a
 * fact that merely mentions both names ("Washington… Iran's involvement as a so-called guarantor").
 * So the check is asked as the question that lists the group.
 * Purely structural: "one of" and "among" mark membership in any article.
 */
import type { MessagePart } from './message.js';

const MEMBERSHIP_WORDS = /\s(?:one of|among)\s/iu;
/** "is X one of the Y", "are X among the Y", with fillers and a "too"/"right" tail allowed. */
const ASKED = /^(?:(?:so|ok|okay|wait|but|and|y\/n|poi)[\s,:]+)*(?:is|are|was|were|isn't|aren't|wasn't|weren't)\s+((?:[\p{L}.'-]+\s+){0,3}?[\p{L}.'-]+)\s+(?:one of|among)\s+(.{3,60}?)(?:[\s,]+(?:too|as well|also|then|or not|right|correct|now))*[\s?!.]*$/iu;
/** "X is one of the Y, right?": the same check written as a statement with a check ending. */
const STATED = /^(?:(?:so|ok|okay|wait|but|and|y\/n|poi|ngl|i thought)[\s,:]+)*((?:[\p{L}.'-]+\s+){0,3}?[\p{L}.'-]+)\s+(?:is|are|was|were)\s+(?:one of|among)\s+(.{3,60}?)(?:[\s,]+(?:too|as well|also|then|right|correct|yeah|yes|no|innit|isn't it|aren't they))*[\s?!.]*$/iu;
/**
 * A member that is itself a clause ("Washington comfortable with Iran being", "al-Nusra counted",
 * "Iran or Turkey") or a question word ("which is one of the zones?") is not one thing whose
 * membership is asked.
 */
const NOT_ONE_THING = /\b(?:being|with|or|and|not)\b|\w(?:ed|ing)$|^(?:which|what|who|where|when|how|it|that|this|there|they|he|she)$/iu;
/** The group, without its leading article or possessive: "the Astana guarantors" → "Astana guarantors". */
const LEADING = /^(?:the|its|their|those|these)\s+/iu;

/**
 * The clause asked as "who are the Y?"; other clauses unchanged. The member is left out: a fact
 * that names it beside the group is the near miss this avoids, and the list settles it either way.
 */
export function asMembership(part: MessagePart): MessagePart {
  // Both patterns need the words; most clauses lack them and skip the two longer tests.
  if (!MEMBERSHIP_WORDS.test(part.text)) return part;
  const text = part.text.trim();
  const m = ASKED.exec(text) ?? STATED.exec(text);
  if (!m || NOT_ONE_THING.test(m[1] as string)) return part;
  const group = (m[2] as string).replace(LEADING, '').trim();
  if (group === '' || /\b(?:them|those|these|it)\b/iu.test(group)) return part;
  return { ...part, text: `Who are the ${group}?` };
}
