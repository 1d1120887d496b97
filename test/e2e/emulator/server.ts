// HTTP plumbing in the order Discord applies it: authentication, rate limits (injected faults),
// body validation, then the route. Every request is recorded first, so even a refused one shows
// up in the log a failing test prints.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { compileTemplate, matchTemplate } from './paths.js';
import { DiscordError, routes } from './routes.js';
import type { RouteContext, RouteDef, RuntimeOptions } from './routes.js';
import type { Faults } from './faults.js';
import type { Gateway } from './gateway.js';
import type { PayloadBuilder } from './payloads.js';
import type { RecordedFile, Recorder } from './recorder.js';
import type { SpecValidator } from './spec-validator.js';
import type { JsonObject, World } from './state.js';

export interface ServerDeps {
  world: World;
  builder: PayloadBuilder;
  gateway: Gateway;
  recorder: Recorder;
  faults: Faults;
  /** Null disables body validation. */
  validator: SpecValidator | null;
  validTokens: ReadonlySet<string>;
  options: RuntimeOptions;
  /** Errors inside the emulator itself (a bug here, not in the bot). */
  internalErrors: { requestIndex: number; error: unknown }[];
}

const compiledRoutes = routes.map((r) => ({ def: r, compiled: compileTemplate(r.template) }));
const templates = [...new Map(compiledRoutes.map((r) => [r.def.template, r.compiled])).values()];

export function createRequestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      deps.internalErrors.push({ requestIndex: -1, error });
      if (!res.headersSent) send(res, 500, { message: 'emulator failure', code: 0 });
    });
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = (req.method ?? 'GET').toUpperCase();
  // discord.js calls `${api}/v10/...`; anything else under /api is treated the same.
  const path = decodePath(url.pathname.replace(/^\/api(\/v\d+)?/, '')) || '/';
  const match = url.pathname.startsWith('/api') ? matchTemplate(path, templates) : null;
  const def = match ? compiledRoutes.find((r) => r.def.template === match.template && r.def.method === method)?.def : undefined;

  const contentType = req.headers['content-type'];
  const rec = deps.recorder.begin({
    method,
    path,
    route: match?.template ?? deps.validator?.matchPath(path)?.template ?? null,
    params: match?.params ?? {},
    query: Object.fromEntries(url.searchParams),
    headers: {
      authorization: req.headers.authorization,
      contentType,
      userAgent: req.headers['user-agent'],
      auditLogReason: header(req, 'x-audit-log-reason'),
    },
    body: undefined,
    files: [],
    rawBody: raw,
    receivedAt: Date.now(),
  });
  let holdResponseMs = 0;
  const respond = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
    if (holdResponseMs > 0) {
      // The work is done; the answer reaches the client late (or never, if it gave up waiting).
      setTimeout(() => {
        if (!res.destroyed) send(res, status, body, headers);
        deps.recorder.complete(rec, status, body);
      }, holdResponseMs).unref();
      return;
    }
    send(res, status, body, headers);
    deps.recorder.complete(rec, status, body);
  };

  try {
    const parsed = await parseBody(raw, contentType);
    rec.body = parsed.body;
    rec.files = parsed.files;
  } catch {
    return respond(400, { message: 'The request body contains invalid JSON.', code: 50109 });
  }

  if (!authorized(deps, req.headers.authorization, def)) return respond(401, { message: '401: Unauthorized', code: 0 });

  const fault = deps.faults.take(rec);
  if (fault) {
    rec.fault = fault.status === 429 ? 'rate-limit' : 'error';
    return respond(fault.status, fault.body, fault.headers);
  }

  holdResponseMs = deps.faults.takeResponseDelay(rec);
  const delay = deps.faults.delayFor(rec);
  if (delay > 0) await sleep(delay);

  if (!match) return respond(404, { message: '404: Not Found', code: 0 });
  if (!def) return respond(405, { message: '405: Method Not Allowed', code: 0 });

  if (deps.validator && rec.body !== undefined && method !== 'GET') {
    const result = deps.validator.validate(method, path, rec.body);
    if (!result.valid) {
      deps.recorder.violation(rec, result.errors);
      return respond(400, { message: 'Invalid Form Body', code: 50035, errors: result.discordErrors });
    }
  }

  const ctx: RouteContext = {
    req: rec,
    params: match.params,
    query: rec.query,
    body: (rec.body ?? {}) as JsonObject,
    world: deps.world,
    builder: deps.builder,
    gateway: deps.gateway,
    options: deps.options,
    after: [],
  };
  try {
    const result = def.handle(ctx);
    respond(result.status, result.body);
  } catch (error) {
    if (error instanceof DiscordError) {
      if (error.protocol) deps.recorder.protocolError(rec, error.code, error.message);
      return respond(error.status, error.body);
    }
    deps.internalErrors.push({ requestIndex: rec.index, error });
    return respond(500, { message: `emulator failure: ${String(error)}`, code: 0 });
  }
  // Gateway echoes of what the bot just created go out after its REST answer, as on Discord.
  for (const fn of ctx.after) setImmediate(fn);
}

/**
 * Bot routes need `Bot <valid token>`. Interaction callbacks and webhook-token routes need no
 * header (discord.js sends none), but a wrong one is still refused.
 */
function authorized(deps: ServerDeps, header: string | undefined, def: RouteDef | undefined): boolean {
  const token = header?.startsWith('Bot ') ? header.slice(4) : undefined;
  const valid = token !== undefined && deps.validTokens.has(token);
  if (header !== undefined) return valid;
  return def?.authless === true;
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  // discord.js only parses bodies whose Content-Type starts with application/json; without it,
  // `editReply()` resolves to a broken Message without any error.
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** `%40original` → `@original`, so recorded paths read like the templates. */
function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON as-is; multipart keeps the files raw and parses `payload_json` (discord.js puts the JSON there). */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/json')) return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: [] };
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType as string } }).formData();
    const files: RecordedFile[] = [];
    const fields: JsonObject = {};
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value) as unknown;
        else fields[field] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body: body ?? fields, files };
  }
  return { body: undefined, files: [] };
}
