/**
 * Discord's message limits, checked independently of the renderer (so a renderer bug can't hide
 * behind its own constants). Returns a list of violations; empty means the payload is valid.
 */
interface AnyPayload {
  content?: string | null;
  components?: readonly unknown[];
  allowedMentions?: { parse?: readonly unknown[] };
  embeds?: readonly unknown[];
}

type Obj = Record<string, unknown>;

export function limitProblems(payload: AnyPayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const content = payload.content ?? '';
  check([...content].length <= 2000 && content.length <= 2000, `content is ${content.length} > 2000`);
  check(Array.isArray(payload.allowedMentions?.parse) && payload.allowedMentions.parse.length === 0, 'allowedMentions.parse is not []');
  const rows = (payload.components ?? []) as Obj[];
  check(rows.length <= 5, `${rows.length} action rows > 5`);
  const ids = new Set<string>();
  for (const row of rows) {
    check(row['type'] === 1, 'top-level component is not an action row');
    const children = (row['components'] ?? []) as Obj[];
    check(children.length >= 1 && children.length <= 5, `row has ${children.length} components`);
    const selects = children.filter((c) => c['type'] !== 2);
    check(selects.length === 0 || children.length === 1, 'a select menu shares its row');
    for (const c of children) {
      const id = c['custom_id'];
      check(typeof id === 'string' && id.length >= 1 && id.length <= 100, `custom_id ${String(id)} not 1..100`);
      if (typeof id === 'string') {
        check(!ids.has(id), `duplicate custom_id ${id}`);
        ids.add(id);
      }
      if (c['type'] === 2) {
        const label = c['label'];
        check(typeof label === 'string' && label.length >= 1 && label.length <= 80, `button label ${String(label)} not 1..80`);
      } else {
        const placeholder = c['placeholder'];
        check(placeholder === undefined || (typeof placeholder === 'string' && placeholder.length <= 150), 'placeholder > 150');
        const options = (c['options'] ?? []) as Obj[];
        check(options.length >= 1 && options.length <= 25, `${options.length} select options`);
        const values = new Set<string>();
        for (const o of options) {
          for (const key of ['label', 'value'] as const) {
            const v = o[key];
            check(typeof v === 'string' && v.length >= 1 && v.length <= 100, `option ${key} ${String(v)} not 1..100`);
          }
          const d = o['description'];
          check(d === undefined || (typeof d === 'string' && d.length >= 1 && d.length <= 100), 'option description > 100');
          check(!values.has(String(o['value'])), `duplicate option value ${String(o['value'])}`);
          values.add(String(o['value']));
        }
      }
    }
  }
  return problems;
}

/** Every custom_id in a payload. */
export function customIds(payload: AnyPayload): string[] {
  return ((payload.components ?? []) as Obj[]).flatMap((row) =>
    ((row['components'] ?? []) as Obj[]).map((c) => String(c['custom_id'])),
  );
}

export function buttons(payload: AnyPayload): Obj[] {
  return ((payload.components ?? []) as Obj[]).flatMap((row) =>
    ((row['components'] ?? []) as Obj[]).filter((c) => c['type'] === 2),
  );
}

export function selectOptions(payload: AnyPayload): Obj[] {
  return ((payload.components ?? []) as Obj[]).flatMap((row) =>
    ((row['components'] ?? []) as Obj[]).flatMap((c) => (c['options'] ?? []) as Obj[]),
  );
}

/** Undoes Markdown backslash escapes (what Discord does when rendering). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}
