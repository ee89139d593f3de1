import { AppError } from '../../lib/errors';
import { parseTemplates, renderTemplate, templateScope } from '../campaigns/templates';
import { toCustomer, type CustomerRow } from '../customers/rows';
import type { Draft } from './compose';

/**
 * Bounds of one draft's render: a draft is anyone's text, and a liquid loop over (1..100000000)
 * would otherwise hold the API's event loop for minutes. A real message renders in well under 1 ms.
 */
const RENDER_LIMITS = { renderLimit: 250, memoryLimit: 10_000_000 };

/** Variables every campaign message has besides the customer's fields (not personalisation). */
export const MESSAGE_VARIABLES = new Set(['unsubscribeUrl', 'campaign', 'event', 'journey']);

/** What rendering a draft for one customer gave. */
export type RenderOutcome =
  | { ok: true; subject?: string; body: string; customerId: string; sample: boolean; emptyVariables: string[] }
  | { ok: false; problems: Array<{ path: string; message: string; line?: number; column?: number }> };

/** Each `{{ variable | filters }}` output of a template: the variable's path and whether a default filter covers it. */
export function outputsOf(text: string): Array<{ path: string; defaulted: boolean }> {
  // [^{}] keeps every attempt within one tag, so the scan stays linear on hostile drafts.
  return [...text.matchAll(/\{\{-?\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*((?:\|[^{}]*)?)-?\}\}/g)].map((m) => ({
    path: m[1]!,
    defaulted: /\|\s*default\b/.test(m[2] ?? ''),
  }));
}

/**
 * The template without its `{% if variable %}…{% endif %}` blocks (not nested): what such a block
 * prints only shows when its variable has a value, so it never renders empty.
 */
function unguarded(text: string): string {
  // One pass over the if/endif tags (a lazy "if … endif" pattern rescans to the end from every unclosed if).
  let out = '';
  let from = 0;
  let openAt = -1;
  for (const tag of text.matchAll(/\{%-?\s*(if\s+[\w.]+|endif)\s*-?%\}/g)) {
    if (tag[1] !== 'endif' && openAt < 0) openAt = tag.index;
    else if (tag[1] === 'endif' && openAt >= 0) {
      out += `${text.slice(from, openAt)} `;
      from = tag.index + tag[0].length;
      openAt = -1;
    }
  }
  return out + text.slice(from);
}

/** The value at a dotted path of the scope. */
const valueAt = (scope: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), scope);

/**
 * Renders a draft for one customer exactly as a campaign renders its message (the campaign
 * templates' liquid engine and scope, with a placeholder unsubscribe link), and lists the
 * variables without a default that render empty for this customer. A template that does not parse
 * or fails while rendering gives its problems instead.
 */
export function renderDraft(draft: Draft, member: CustomerRow, sample: boolean, campaign?: { id: string; name: string }): RenderOutcome {
  try {
    const parsed = parseTemplates(draft.subject ?? null, draft.body);
    const scope = templateScope(toCustomer(member), { ...(campaign ? { campaign } : {}), unsubscribeUrl: 'https://unsubscribe.example/preview' });
    const rendered = {
      subject: draft.subject === undefined ? undefined : renderTemplate(parsed.subject, scope, RENDER_LIMITS),
      body: renderTemplate(parsed.body, scope, RENDER_LIMITS),
    };
    const emptyVariables = [...outputsOf(unguarded(draft.subject ?? '')), ...outputsOf(unguarded(draft.body))]
      .filter((o) => !o.defaulted && !MESSAGE_VARIABLES.has(o.path.split('.')[0]!))
      .filter((o) => {
        const value = valueAt(scope, o.path);
        return value === undefined || value === null || value === '';
      })
      .map((o) => o.path);
    return { ok: true, ...rendered, customerId: member.id, sample, emptyVariables: [...new Set(emptyVariables)] };
  } catch (err) {
    if (err instanceof AppError && Array.isArray(err.details)) {
      return {
        ok: false,
        problems: (err.details as Array<{ path: string; message: string; line?: number; column?: number }>).map(({ path, message, line, column }) => ({
          path,
          message,
          line,
          column,
        })),
      };
    }
    // A render-time failure (a filter given a value it cannot take): liquid's message names the template's mistake.
    return { ok: false, problems: [{ path: 'body', message: `template error: ${(err as Error).message}` }] };
  }
}
