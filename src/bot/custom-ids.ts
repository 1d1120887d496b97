/**
 * Component custom_ids: a compact, versioned scheme `v1:<namespace>:<action>[:<argument>]`.
 *
 *   v1:qa:ctx:4.9        Context button: sentences 4 and 9 with their neighbours
 *   v1:qa:rel:<factId>   Related button: a select menu of the facts related to <factId>
 *   v1:qa:fact:<factId>  one fact's full answer ("Did you mean…", abstention suggestions)
 *   v1:qa:pick           select menu whose values are fact ids
 *   v1:src:page:<n>      /source page n (Prev/Next)
 *   v1:topics:pick       select menu whose values are topic ids
 *   v1:fb:up:<factId>    👍 on an answer: the curator's feedback that <factId> answered well
 *   v1:fb:down:<factId>  👎 on an answer: <factId> did not answer the question well
 *
 * Discord sends custom_ids back from clients, so decoding validates everything and never throws.
 */

export const CUSTOM_ID_VERSION = 'v1';
export const MAX_CUSTOM_ID_LENGTH = 100;
const MAX_CONTEXT_SENTENCES = 5;
const MAX_SENTENCE = 100_000;

export type CustomId =
  | { readonly kind: 'qa:ctx'; readonly sentences: readonly number[] }
  | { readonly kind: 'qa:rel'; readonly factId: string }
  | { readonly kind: 'qa:fact'; readonly factId: string }
  | { readonly kind: 'qa:pick' }
  | { readonly kind: 'src:page'; readonly page: number }
  | { readonly kind: 'topics:pick' }
  | { readonly kind: 'fb:up'; readonly factId: string }
  | { readonly kind: 'fb:down'; readonly factId: string };

export type CustomIdNamespace = 'qa' | 'src' | 'topics' | 'fb';

export type DecodedCustomId =
  | { readonly ok: true; readonly id: CustomId; readonly namespace: CustomIdNamespace }
  | { readonly ok: false; readonly reason: 'outdated' | 'malformed' };

const isSentence = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_SENTENCE;

/** Fact ids travel inside custom_ids: printable, no whitespace, short. */
export function isEncodableId(id: string): boolean {
  return id.length > 0 && id.length <= 64 && /^[\x21-\x7e]+$/.test(id);
}

function build(id: CustomId): string {
  const p = CUSTOM_ID_VERSION;
  switch (id.kind) {
    case 'qa:ctx':
      return `${p}:qa:ctx:${id.sentences.join('.')}`;
    case 'qa:rel':
      return `${p}:qa:rel:${id.factId}`;
    case 'qa:fact':
      return `${p}:qa:fact:${id.factId}`;
    case 'qa:pick':
      return `${p}:qa:pick`;
    case 'src:page':
      return `${p}:src:page:${id.page}`;
    case 'topics:pick':
      return `${p}:topics:pick`;
    case 'fb:up':
    case 'fb:down':
      return `${p}:${id.kind}:${id.factId}`;
  }
}

function valid(id: CustomId): boolean {
  switch (id.kind) {
    case 'qa:ctx':
      return id.sentences.length >= 1 && id.sentences.length <= MAX_CONTEXT_SENTENCES && id.sentences.every(isSentence);
    case 'qa:rel':
    case 'qa:fact':
    case 'fb:up':
    case 'fb:down':
      return isEncodableId(id.factId);
    case 'src:page':
      return isSentence(id.page);
    default:
      return true;
  }
}

/** Whether `id` can be encoded (within 100 characters, valid arguments). Renderers skip components that can't. */
export function canEncodeCustomId(id: CustomId): boolean {
  return valid(id) && build(id).length <= MAX_CUSTOM_ID_LENGTH;
}

/** @throws RangeError when the id can't be encoded — check with `canEncodeCustomId` for data-driven ids. */
export function encodeCustomId(id: CustomId): string {
  if (!valid(id)) throw new RangeError(`invalid custom_id arguments for ${id.kind}`);
  const s = build(id);
  if (s.length > MAX_CUSTOM_ID_LENGTH) throw new RangeError(`custom_id for ${id.kind} is ${s.length} > 100 characters`);
  return s;
}

const MALFORMED = { ok: false, reason: 'malformed' } as const;

export function decodeCustomId(raw: unknown): DecodedCustomId {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_CUSTOM_ID_LENGTH) return MALFORMED;
  const parts = raw.split(':');
  const [version, namespace, action] = parts;
  if (version !== CUSTOM_ID_VERSION) {
    return version !== undefined && /^v\d+$/.test(version) ? { ok: false, reason: 'outdated' } : MALFORMED;
  }
  // Everything after the third colon is the argument (kept whole, so it may contain colons).
  const arg = parts.length > 3 ? parts.slice(3).join(':') : undefined;
  const ok = (id: CustomId): DecodedCustomId =>
    valid(id) ? { ok: true, id, namespace: namespace as CustomIdNamespace } : MALFORMED;

  switch (`${namespace}:${action}`) {
    case 'qa:ctx': {
      if (arg === undefined || !/^\d{1,6}(\.\d{1,6})*$/.test(arg)) return MALFORMED;
      return ok({ kind: 'qa:ctx', sentences: arg.split('.').map(Number) });
    }
    case 'qa:rel':
    case 'qa:fact':
      if (arg === undefined) return MALFORMED;
      return ok({ kind: `${namespace}:${action}` as 'qa:rel' | 'qa:fact', factId: arg });
    case 'qa:pick':
      return arg === undefined ? ok({ kind: 'qa:pick' }) : MALFORMED;
    case 'src:page':
      if (arg === undefined || !/^\d{1,6}$/.test(arg)) return MALFORMED;
      return ok({ kind: 'src:page', page: Number(arg) });
    case 'topics:pick':
      return arg === undefined ? ok({ kind: 'topics:pick' }) : MALFORMED;
    case 'fb:up':
    case 'fb:down':
      if (arg === undefined) return MALFORMED;
      return ok({ kind: `fb:${action}` as 'fb:up' | 'fb:down', factId: arg });
    default:
      return MALFORMED;
  }
}
