// Route templates are written exactly as in Discord's OpenAPI spec
// (`/interactions/{interaction_id}/{interaction_token}/callback`), so one template string names a
// route in the recorder, in fault matchers, in the emulator's handlers and in the spec validator.

export interface CompiledTemplate {
  template: string;
  segments: string[];
  params: string[];
}

export interface TemplateMatch {
  template: string;
  params: Record<string, string>;
}

export function compileTemplate(template: string): CompiledTemplate {
  const segments = template.split('/').filter(Boolean);
  const params = segments.filter(isParam).map((s) => s.slice(1, -1));
  return { template, segments, params };
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/**
 * Finds the template a concrete path belongs to. Literal segments beat parameters, position by
 * position, which is what makes `/messages/@original` win over `/messages/{message_id}` and
 * `/users/@me` over `/users/{user_id}` — a first-match scan would depend on the spec's key order.
 */
export function matchTemplate(path: string, templates: readonly CompiledTemplate[]): TemplateMatch | null {
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  let best: { t: CompiledTemplate; score: string } | null = null;
  for (const t of templates) {
    if (t.segments.length !== parts.length) continue;
    let score = '';
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      const seg = t.segments[i] as string;
      if (isParam(seg)) {
        score += '0';
      } else if (seg === parts[i]) {
        score += '1';
      } else {
        ok = false;
        break;
      }
    }
    if (ok && (best === null || score > best.score)) best = { t, score };
  }
  if (!best) return null;
  const params: Record<string, string> = {};
  best.t.segments.forEach((seg, i) => {
    if (isParam(seg)) params[seg.slice(1, -1)] = parts[i] as string;
  });
  return { template: best.t.template, params };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
