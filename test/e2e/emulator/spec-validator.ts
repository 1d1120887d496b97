// Validates request bodies against Discord's own OpenAPI description, so a reply that would reach
// real users as `400 Invalid Form Body` (2,001 characters, 26 autocomplete choices, a 101-character
// custom_id...) fails the e2e tests instead of passing against a permissive fake.

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, SchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import { compileTemplate, matchTemplate } from './paths.js';
import type { CompiledTemplate } from './paths.js';

/** The vendored copy: tests must never read /work/shared or any folder outside the clone. */
export const SPEC_FILE = new URL('../fixtures/discord-api-spec/openapi.json', import.meta.url);

const SPEC_ID = 'discord-openapi';
const UNION = 'x-emu-union';

/** One violation, with Discord's dotted path (`data.components.0.custom_id`) and error code. */
export interface SpecError {
  path: string;
  code: string;
  message: string;
  keyword: string;
}

/** The nested `errors` object of Discord's 50035 response: `{ data: { content: { _errors: [...] } } }`. */
export interface DiscordErrorTree {
  [key: string]: DiscordErrorTree | { code: string; message: string }[];
}

export interface ValidationResult {
  /** The spec path template the request matched, or null when the spec has no such path. */
  operation: string | null;
  /** False when there was nothing to check (no such operation, or it takes no JSON body). */
  checked: boolean;
  valid: boolean;
  errors: SpecError[];
  discordErrors: DiscordErrorTree;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, SchemaObject> };
}

/**
 * Limits the spec states too loosely for a bot. The spec describes the API for every kind of
 * account: `content` of a channel message allows 4,000 characters because Nitro users may send
 * that many, but a bot (no Nitro) gets `BASE_TYPE_MAX_LENGTH` past 2,000 — the interaction and
 * webhook schemas already say 2,000. Without this, a 2,001-character `channel.send()` would pass.
 */
const BOT_LIMITS: { schema: string; property: string; maxLength: number }[] = [
  { schema: 'MessageCreateRequest', property: 'content', maxLength: 2000 },
  { schema: 'MessageEditRequestPartial', property: 'content', maxLength: 2000 },
  { schema: 'BaseCreateMessageCreateRequest', property: 'content', maxLength: 2000 },
];

/** Discord's cap on the summed text of all embeds of one message; not expressible in the schema. */
const EMBED_TOTAL_LIMIT = 6000;

export class SpecValidator {
  private readonly ajv: Ajv2020;
  private readonly doc: OpenApiDoc;
  private readonly schemas: Record<string, SchemaObject>;
  private readonly templates: CompiledTemplate[];
  /** Compiled lazily: the spec has ~150 paths and a test touches a handful. */
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(doc: OpenApiDoc) {
    this.doc = doc;
    this.templates = Object.keys(doc.paths).map(compileTemplate);
    this.schemas = transform(doc.components.schemas) as Record<string, SchemaObject>;
    for (const limit of BOT_LIMITS) {
      const prop = (this.schemas[limit.schema]?.properties as Record<string, SchemaObject> | undefined)?.[limit.property];
      if (prop) prop.maxLength = limit.maxLength;
    }
    // strict:false because the spec carries OpenAPI-only keywords (x-discord-union, discriminator
    // as a property name...). validateSchema:false: the meta-check of 1 MB of schemas buys nothing.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv);
    this.addUnionKeyword();
    this.ajv.addSchema({ $id: SPEC_ID, components: { schemas: this.schemas } });
  }

  /** The spec path template for a concrete path (`/channels/123/messages` → `/channels/{channel_id}/messages`). */
  matchPath(path: string): { template: string; params: Record<string, string> } | null {
    return matchTemplate(path, this.templates);
  }

  validate(method: string, path: string, body: unknown): ValidationResult {
    const match = this.matchPath(path);
    const validate = match ? this.operationValidator(method, match.template) : null;
    if (!match || !validate) {
      return { operation: match?.template ?? null, checked: false, valid: true, errors: [], discordErrors: {} };
    }
    const errors = validate(body) ? [] : toSpecErrors(validate.errors ?? []);
    errors.push(...embedSizeErrors(body));
    return {
      operation: match.template,
      checked: true,
      valid: errors.length === 0,
      errors,
      discordErrors: toDiscordTree(errors),
    };
  }

  private operationValidator(method: string, template: string): ValidateFunction | null {
    const key = `${method.toUpperCase()} ${template}`;
    if (!this.compiled.has(key)) {
      const op = this.doc.paths[template]?.[method.toLowerCase()] as
        | { requestBody?: { content?: Record<string, { schema?: SchemaObject }> } }
        | undefined;
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      this.compiled.set(key, schema ? this.ajv.compile(transform(schema) as SchemaObject) : null);
    }
    return this.compiled.get(key) ?? null;
  }

  /**
   * The spec writes its unions as `anyOf` (marked `x-discord-union: oneOf`) or `oneOf`. Plain ajv
   * reports the failures of every branch — 171 errors for 26 autocomplete choices, mostly "must be
   * integer" from the branch for integer choices — and a real `oneOf` would even reject valid
   * bodies where branches overlap (an integer choice value is also a valid number choice).
   * Discord picks the branch the body means, by its `type` tag where there is one, and reports
   * only that branch's errors; this keyword does the same: valid if any branch is valid, else the
   * errors of the closest tagged, type-compatible branch.
   */
  private addUnionKeyword(): void {
    const ajv = this.ajv;
    const schemas = this.schemas;
    ajv.addKeyword({
      keyword: UNION,
      schemaType: 'array',
      errors: true,
      compile(branches: SchemaObject[]) {
        const infos = branches.map((b) => describeBranch(b, schemas));
        // Compiled on first use, not here: component schemas are recursive (containers hold
        // components), and compiling eagerly would recurse forever.
        let validators: ValidateFunction[] | null = null;
        const fn = (data: unknown, cxt?: { instancePath: string }): boolean => {
          validators ??= branches.map((b) => ajv.compile(b));
          const prefix = cxt?.instancePath ?? '';
          const candidates = pickCandidates(data, infos);
          if (candidates === 'bad-tag') {
            const tags = infos.flatMap((i) => i.tags ?? []);
            fn.errors = [
              {
                instancePath: `${prefix}/type`,
                keyword: 'enum',
                params: { allowedValues: tags },
                message: 'must be equal to one of the allowed values',
              },
            ];
            return false;
          }
          let best: ErrorObject[] | null = null;
          for (let i = 0; i < validators.length; i++) {
            const v = validators[i] as ValidateFunction;
            if (v(data)) return true;
            if (candidates.includes(i) && (best === null || (v.errors?.length ?? 0) < best.length)) {
              best = [...(v.errors ?? [])];
            }
          }
          fn.errors = (best ?? []).map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
          return false;
        };
        fn.errors = [] as Partial<ErrorObject>[];
        return fn;
      },
    });
  }
}

let shared: SpecValidator | null = null;

/** One validator per process: its compiled operations are reused by every emulator in a test file. */
export function getSpecValidator(): SpecValidator {
  shared ??= new SpecValidator(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as OpenApiDoc);
  return shared;
}

/** Rewrites unions to the UNION keyword and local `$ref`s to absolute ones, so any sub-schema compiles on its own. */
function transform(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transform);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const unions: unknown[] = [];
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) unions.push(value.map(transform));
    else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = SPEC_ID + value;
    else out[key] = transform(value);
  }
  if (unions.length === 1) out[UNION] = unions[0];
  if (unions.length > 1) out.allOf = [...((out.allOf as unknown[]) ?? []), ...unions.map((u) => ({ [UNION]: u }))];
  return out;
}

interface BranchInfo {
  /** JSON types the branch accepts, or null for "any". */
  types: string[] | null;
  /** Values of the branch's `type` property (the tag Discord dispatches on), or null if untagged. */
  tags: unknown[] | null;
}

function describeBranch(branch: SchemaObject, schemas: Record<string, SchemaObject>): BranchInfo {
  let schema: SchemaObject | undefined = branch;
  for (let hops = 0; schema && typeof schema.$ref === 'string' && hops < 10; hops++) {
    const name: string = schema.$ref.split('/').pop() ?? '';
    schema = schemas[name];
  }
  if (!schema) return { types: null, tags: null };
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : null;
  const tagSchema = (schema.properties as Record<string, SchemaObject> | undefined)?.type;
  const tags = Array.isArray(tagSchema?.enum) ? (tagSchema.enum as unknown[]) : tagSchema && 'const' in tagSchema ? [tagSchema.const] : null;
  return { types, tags };
}

function jsonType(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

function pickCandidates(data: unknown, infos: BranchInfo[]): number[] | 'bad-tag' {
  const type = jsonType(data);
  const all = infos.map((_, i) => i);
  let candidates = all.filter((i) => {
    const types = infos[i]?.types;
    return !types || types.includes(type) || (type === 'integer' && types.includes('number'));
  });
  if (candidates.length === 0) candidates = all;
  if (type === 'object' && 'type' in (data as object)) {
    const tag = (data as { type: unknown }).type;
    const tagged = candidates.filter((i) => infos[i]?.tags?.includes(tag));
    if (tagged.length > 0) return tagged;
    if (candidates.every((i) => infos[i]?.tags)) return 'bad-tag';
  }
  return candidates;
}

function addFormats(ajv: Ajv2020): void {
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1,
  });
  // Past 2^53 a JS number is already imprecise; Discord sends such values as strings anyway.
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
  // Any scheme: embeds legitimately use `attachment://file.png`.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT/.test(s) && !Number.isNaN(Date.parse(s)));
  // The spec's own `maxLength: 25` next to it is the real rule.
  ajv.addFormat('nonce', true);
}

const SKIPPED_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', UNION]);

function toSpecErrors(errors: ErrorObject[]): SpecError[] {
  const out = new Map<string, SpecError>();
  for (const e of errors) {
    if (SKIPPED_KEYWORDS.has(e.keyword)) continue;
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    let code = 'BASE_TYPE_INVALID';
    let message = e.message ?? 'Invalid value.';
    switch (e.keyword) {
      case 'required':
        pointer += `/${String(p.missingProperty)}`;
        code = 'BASE_TYPE_REQUIRED';
        message = 'This field is required';
        break;
      case 'maxLength':
      case 'maxItems':
        code = 'BASE_TYPE_MAX_LENGTH';
        message = `Must be ${String(p.limit)} or fewer in length.`;
        break;
      case 'minLength':
      case 'minItems':
        code = 'BASE_TYPE_MIN_LENGTH';
        message = `Must be ${String(p.limit)} or more in length.`;
        break;
      case 'maximum':
        code = 'NUMBER_TYPE_MAX';
        message = `int value should be less than or equal to ${String(p.limit)}.`;
        break;
      case 'minimum':
        code = 'NUMBER_TYPE_MIN';
        message = `int value should be greater than or equal to ${String(p.limit)}.`;
        break;
      case 'enum':
        code = 'BASE_TYPE_CHOICES';
        message = `Value must be one of (${(p.allowedValues as unknown[]).map(String).join(', ')}).`;
        break;
      case 'const':
        code = 'BASE_TYPE_CHOICES';
        message = `Value must be ${String(p.allowedValue)}.`;
        break;
      case 'type':
        code = 'BASE_TYPE_BAD_TYPE';
        message = `Value must be of type ${String(p.type)}.`;
        break;
      case 'pattern':
        code = 'STRING_TYPE_REGEX';
        message = 'String value did not match validation regex.';
        break;
      case 'format':
        code = 'BASE_TYPE_BAD_FORMAT';
        message = `Not a well formed ${String(p.format)}.`;
        break;
    }
    const path = pointer
      .split('/')
      .filter(Boolean)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .join('.');
    out.set(`${path}|${code}|${message}`, { path, code, message, keyword: e.keyword });
  }
  return [...out.values()];
}

function embedSizeErrors(body: unknown): SpecError[] {
  const errors: SpecError[] = [];
  const check = (embeds: unknown, path: string): void => {
    if (!Array.isArray(embeds)) return;
    let total = 0;
    for (const embed of embeds as Record<string, unknown>[]) {
      const text = (v: unknown): number => (typeof v === 'string' ? v.length : 0);
      total += text(embed?.title) + text(embed?.description);
      total += text((embed?.footer as Record<string, unknown> | undefined)?.text);
      total += text((embed?.author as Record<string, unknown> | undefined)?.name);
      for (const field of (Array.isArray(embed?.fields) ? embed.fields : []) as Record<string, unknown>[]) {
        total += text(field?.name) + text(field?.value);
      }
    }
    if (total > EMBED_TOTAL_LIMIT) {
      errors.push({
        path,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Embed size exceeds maximum size of ${EMBED_TOTAL_LIMIT}`,
        keyword: 'embedTotal',
      });
    }
  };
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    check(b.embeds, 'embeds');
    if (b.data && typeof b.data === 'object') check((b.data as Record<string, unknown>).embeds, 'data.embeds');
  }
  return errors;
}

function toDiscordTree(errors: SpecError[]): DiscordErrorTree {
  const root: DiscordErrorTree = {};
  for (const e of errors) {
    let node = root;
    for (const key of e.path ? e.path.split('.') : []) {
      const next = node[key];
      if (next === undefined || Array.isArray(next)) node[key] = {};
      node = node[key] as DiscordErrorTree;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: e.code, message: e.message });
  }
  return root;
}
