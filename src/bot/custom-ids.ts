/**
 * Component custom_ids: a compact, versioned scheme `v1:<namespace>:<action>[:<argument>]`, with
 * each kind defined once in `KINDS` below — its argument's format, parse and validity — so
 * encoding, decoding and validation can't drift apart.
 *
 *   v1:qa:ctx:<doc>:4.9        Context: sentences 4 and 9 of document <doc> with their neighbours
 *   v1:qa:rel:<factId>         Related: a select menu of the facts related to <factId>
 *   v1:qa:fact:<factId>        one fact's full answer ("Did you mean…" choices)
 *   v1:qa:pick                 select menu whose values are fact ids
 *   v1:src:page:<doc>:<n>      /source page n of document <doc> (Prev/Next)
 *   v1:topics:pick             select menu whose values are topic ids
 *   v1:fb:up:<factId>          👍 on an answer of <factId>
 *   v1:fb:down:<factId>        👎 on an answer of <factId>
 *
 * `v1:qa:ctx:4.9` and `v1:src:page:2` (no document) still decode: they mean the primary document.
 * Discord sends custom_ids back from clients, so decoding validates everything and never throws.
 */

const VERSION = 'v1';
const MAX_CUSTOM_ID_LENGTH = 100;
const MAX_CONTEXT_SENTENCES = 5;
const MAX_NUMBER = 100_000;

export type CustomId =
  | { readonly kind: 'qa:ctx'; readonly sentences: readonly number[]; readonly document?: string | undefined }
  | { readonly kind: 'qa:rel'; readonly factId: string }
  | { readonly kind: 'qa:fact'; readonly factId: string }
  | { readonly kind: 'qa:pick' }
  | { readonly kind: 'src:page'; readonly page: number; readonly document?: string | undefined }
  | { readonly kind: 'topics:pick' }
  | { readonly kind: 'fb:up'; readonly factId: string }
  | { readonly kind: 'fb:down'; readonly factId: string };

type CustomIdKind = CustomId['kind'];
export type CustomIdNamespace = 'qa' | 'src' | 'topics' | 'fb';

export type DecodedCustomId =
  | { readonly ok: true; readonly id: CustomId; readonly namespace: CustomIdNamespace }
  | { readonly ok: false; readonly reason: 'outdated' | 'malformed' };

type Of<K extends CustomIdKind> = Extract<CustomId, { kind: K }>;

/** One kind: its argument as text (undefined: none), back from text (null: malformed), and validity. */
interface Kind<K extends CustomIdKind> {
  format(id: Of<K>): string | undefined;
  parse(arg: string | undefined): Of<K> | null;
  valid(id: Of<K>): boolean;
}

const isNumber = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_NUMBER;
/** Fact ids travel inside custom_ids: printable, no whitespace, short. */
const isFactId = (id: string) => id.length > 0 && id.length <= 64 && /^[\x21-\x7e]+$/.test(id);
/** Document ids precede a `:`, so they can't contain one. */
const isDocumentId = (id: string | undefined) => id === undefined || /^[\w.-]{1,40}$/.test(id);

/** `[<doc>:]<rest>`: splits off an optional document id. */
function withDocument(arg: string | undefined): { document: string | undefined; rest: string } | null {
  if (arg === undefined) return null;
  const at = arg.lastIndexOf(':');
  return at < 0 ? { document: undefined, rest: arg } : { document: arg.slice(0, at), rest: arg.slice(at + 1) };
}
const docPrefix = (document: string | undefined) => (document === undefined ? '' : `${document}:`);

function factKind<K extends 'qa:rel' | 'qa:fact' | 'fb:up' | 'fb:down'>(kind: K): Kind<K> {
  return {
    format: (id) => (id as { factId: string }).factId,
    parse: (arg) => (arg === undefined ? null : ({ kind, factId: arg } as Of<K>)),
    valid: (id) => isFactId((id as { factId: string }).factId),
  };
}

function bareKind<K extends 'qa:pick' | 'topics:pick'>(kind: K): Kind<K> {
  return { format: () => undefined, parse: (arg) => (arg === undefined ? ({ kind } as Of<K>) : null), valid: () => true };
}

const KINDS: { readonly [K in CustomIdKind]: Kind<K> } = {
  'qa:ctx': {
    format: (id) => `${docPrefix(id.document)}${id.sentences.join('.')}`,
    parse: (arg) => {
      const split = withDocument(arg);
      if (!split || !/^\d{1,6}(\.\d{1,6})*$/.test(split.rest)) return null;
      return { kind: 'qa:ctx', sentences: split.rest.split('.').map(Number), document: split.document };
    },
    valid: (id) =>
      id.sentences.length >= 1 && id.sentences.length <= MAX_CONTEXT_SENTENCES && id.sentences.every(isNumber) && isDocumentId(id.document),
  },
  'qa:rel': factKind('qa:rel'),
  'qa:fact': factKind('qa:fact'),
  'qa:pick': bareKind('qa:pick'),
  'src:page': {
    format: (id) => `${docPrefix(id.document)}${id.page}`,
    parse: (arg) => {
      const split = withDocument(arg);
      if (!split || !/^\d{1,6}$/.test(split.rest)) return null;
      return { kind: 'src:page', page: Number(split.rest), document: split.document };
    },
    valid: (id) => isNumber(id.page) && isDocumentId(id.document),
  },
  'topics:pick': bareKind('topics:pick'),
  'fb:up': factKind('fb:up'),
  'fb:down': factKind('fb:down'),
};

const kindOf = <K extends CustomIdKind>(kind: K): Kind<K> => KINDS[kind] as unknown as Kind<K>;
const isKind = (s: string): s is CustomIdKind => Object.hasOwn(KINDS, s);

function build(id: CustomId): string {
  const arg = kindOf(id.kind).format(id as never);
  return `${VERSION}:${id.kind}${arg === undefined ? '' : `:${arg}`}`;
}

/** Whether `id` can be encoded (within 100 characters, valid arguments). Views skip components that can't. */
export function canEncodeCustomId(id: CustomId): boolean {
  return kindOf(id.kind).valid(id as never) && build(id).length <= MAX_CUSTOM_ID_LENGTH;
}

/** @throws RangeError when the id can't be encoded — check with `canEncodeCustomId` for data-driven ids. */
export function encodeCustomId(id: CustomId): string {
  if (!kindOf(id.kind).valid(id as never)) throw new RangeError(`invalid custom_id arguments for ${id.kind}`);
  const s = build(id);
  if (s.length > MAX_CUSTOM_ID_LENGTH) throw new RangeError(`custom_id for ${id.kind} is ${s.length} > 100 characters`);
  return s;
}

const MALFORMED = { ok: false, reason: 'malformed' } as const;

export function decodeCustomId(raw: unknown): DecodedCustomId {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_CUSTOM_ID_LENGTH) return MALFORMED;
  const parts = raw.split(':');
  const [version, namespace, action] = parts;
  if (version !== VERSION) {
    return version !== undefined && /^v\d+$/.test(version) ? { ok: false, reason: 'outdated' } : MALFORMED;
  }
  const kind = `${namespace}:${action}`;
  if (!isKind(kind)) return MALFORMED;
  // Everything after the third colon is the argument (kept whole, so it may contain colons).
  const arg = parts.length > 3 ? parts.slice(3).join(':') : undefined;
  const entry = kindOf(kind);
  const id = entry.parse(arg);
  if (id === null || !entry.valid(id as never)) return MALFORMED;
  return { ok: true, id, namespace: namespace as CustomIdNamespace };
}
