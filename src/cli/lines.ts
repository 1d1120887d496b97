/**
 * The line contract of `ask --json`: one input line in, one output line out, whatever the text.
 * Input lines end at "\n" (a "\r" right before it is dropped); a lone "\r" is part of the line.
 */
import { StringDecoder } from 'node:string_decoder';

/** The lines of a byte or text stream, split only on "\n" and "\r\n"; a last line without "\n" counts. */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
      yield withoutCr(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') yield withoutCr(pending);
}

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * The message a stdin line carries. A Discord message may hold line breaks, which one line of text
 * cannot: a line that is exactly one JSON string (`"first line\nsecond line"`) carries the string it
 * encodes. Any other line, quoted text that is not one JSON string included, is the message as written.
 */
export function messageOf(line: string): string {
  if (line.length < 2 || !line.startsWith('"') || !line.endsWith('"')) return line;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'string' ? value : line;
  } catch {
    return line;
  }
}

/**
 * JSON on one line for every consumer: JSON.stringify already escapes "\n" and "\r", but leaves
 * U+2028, U+2029 (line breaks to JavaScript and many editors) and U+0085 (NEL, a line break to
 * some readers) as they are. They can only occur inside strings, where "\uXXXX" means the same.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
