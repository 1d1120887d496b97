/**
 * What the entry points share: one line on stderr and exit 1 (`die`), the one-line text of an
 * error, and readable logs under `npm run dev`.
 */
import type { DestinationStream } from 'pino';

/** One line on stderr, no stack trace, exit 1. */
export function die(line: string): never {
  console.error(line);
  process.exit(1);
}

/** An error's message, or the thrown value as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Readable logs for `npm run dev` only; pino-pretty is a devDependency, so production never loads it. */
export async function prettyDestination(env: NodeJS.ProcessEnv = process.env): Promise<DestinationStream | undefined> {
  if (env['NODE_ENV'] !== 'development') return undefined;
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    console.error('NODE_ENV=development but pino-pretty is not installed: logging JSON.');
    return undefined;
  }
}
