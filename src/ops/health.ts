/**
 * The optional HTTP listener for operators: `GET /healthz` (200 `{"status":"ok"}` once the gateway
 * is ready, 503 before and after) and `GET /metrics` (Prometheus text format). Nothing else is
 * served; it binds 127.0.0.1 unless told otherwise.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface HealthServerOptions {
  readonly port: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Whether the bot is connected and serving (the gateway is ready). */
  isReady(): boolean;
  readonly registry: Registry;
  readonly logger: Logger;
}

export interface HealthServer {
  /** e.g. http://127.0.0.1:9464 */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Listening failed (port in use, address not available): `message` is one line for people. */
export class HealthListenError extends Error {
  override readonly name = 'HealthListenError';
}

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.logger.child({ module: 'health' });
  const json = 'application/json; charset=utf-8';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, json, '{"error":"method not allowed"}', false);
      return;
    }
    if (path === '/healthz') {
      const ready = options.isReady();
      send(res, ready ? 200 : 503, json, JSON.stringify({ status: ready ? 'ok' : 'unavailable' }), head);
      return;
    }
    if (path === '/metrics') {
      send(res, 200, options.registry.contentType, await options.registry.metrics(), head);
      return;
    }
    send(res, 404, json, '{"error":"not found: try /healthz or /metrics"}', head);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, 'health endpoint failed');
      if (!res.headersSent) send(res, 500, json, '{"error":"internal"}', false);
      else res.destroy();
    });
  });
  // Probes are short: don't let idle keep-alive sockets hold shutdown up.
  server.keepAliveTimeout = 1_000;

  try {
    server.listen(options.port, host);
    await once(server, 'listening');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${options.port} on ${host} is already in use`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `${host} is not an address of this machine`
          : code === 'EACCES'
            ? `port ${options.port} needs privileges`
            : String((err as Error).message);
    throw new HealthListenError(`The health listener could not start: ${why}. Change HEALTH_PORT/HEALTH_HOST, or leave HEALTH_PORT empty to turn it off.`, {
      cause: err,
    });
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  log.info({ url: `${url}/healthz`, metrics: `${url}/metrics` }, 'health and metrics listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
