// tsc compiles only TypeScript; the article and the fact base are data files read at run time.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

const from = new URL('../src/knowledge/', import.meta.url);
const to = new URL('../dist/knowledge/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) {
  if (name.endsWith('.txt') || name.endsWith('.json')) cpSync(new URL(name, from), new URL(name, to));
}
