import { Liquid, type RenderOptions, type Template } from 'liquidjs';
import { validationFailed } from '../../lib/errors';
import type { Customer } from '../customers/types';

/**
 * One liquid engine for every campaign: strict filters (a misspelt filter is a 422 at creation,
 * not an empty message at send time), lenient variables (a customer without a first name renders
 * an empty string), and HTML escaping left to the template author, as in every ESP.
 */
const engine = new Liquid({ strictFilters: true, strictVariables: false, cache: false });

/** A parsed subject/body pair. */
export interface ParsedTemplates {
  subject: Template[] | null;
  body: Template[];
}

/** Where a liquid error points: its line and column, when it knows them. */
function positionOf(err: unknown): { line?: number; column?: number } {
  const token = (err as { token?: { getPosition?: () => [number, number] } }).token;
  const pos = token?.getPosition?.();
  return pos ? { line: pos[0], column: pos[1] } : {};
}

/**
 * Parses a campaign's templates, throwing a 422 whose details name the field, line and column of
 * each syntax error (`details[].path` is `subject` or `body`).
 */
export function parseTemplates(subject: string | null | undefined, body: string, paths = { subject: 'subject', body: 'body' }): ParsedTemplates {
  const problems: Array<{ location: string; path: string; message: string; line?: number; column?: number }> = [];
  const parse = (text: string, path: string) => {
    try {
      return engine.parse(text);
    } catch (err) {
      problems.push({ location: 'body', path, message: `template error: ${(err as Error).message}`, ...positionOf(err) });
      return [];
    }
  };
  const parsed = { subject: subject ? parse(subject, paths.subject) : null, body: parse(body, paths.body) };
  if (problems.length) throw validationFailed(problems, 'The template does not parse');
  return parsed;
}

/**
 * The variables a template sees: the customer's fields at the top level (seed 003 writes
 * `{{firstName}}`) and under `customer` (`{{ customer.firstName }}`), plus campaign and links.
 */
export function templateScope(customer: Customer, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...customer, customer, ...extra };
}

/**
 * Renders a parsed template synchronously (templates never await I/O). `limits` bounds the time
 * and memory of one render (liquidjs's renderLimit/memoryLimit) for callers that render text
 * nobody has saved yet, such as the message check.
 */
export function renderTemplate(
  template: Template[] | null,
  scope: Record<string, unknown>,
  limits?: Pick<RenderOptions, 'renderLimit' | 'memoryLimit'>,
): string {
  return template ? (engine.renderSync(template, scope, limits) as string) : '';
}
