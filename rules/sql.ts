import type { Knex } from 'knex';

/**
 * A piece of parameterised SQL: text with knex `?` placeholders and their values in order.
 * Rule values only ever enter SQL as bindings; the text holds nothing but constants written in
 * this package and validated identifiers, so a rule cannot inject SQL.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly bindings: readonly Knex.Value[],
  ) {}
}

/**
 * Tagged template that builds a {@link Sql}: interpolated `Sql` pieces are inlined with their
 * bindings, any other interpolated value becomes a `?` placeholder and a binding.
 */
export function sql(strings: TemplateStringsArray, ...parts: Array<Sql | Knex.Value>): Sql {
  let text = strings[0] ?? '';
  const bindings: Knex.Value[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text += part.text;
      bindings.push(...part.bindings);
    } else {
      text += '?';
      bindings.push(part);
    }
    text += strings[i + 1] ?? '';
  });
  return new Sql(text, bindings);
}

/** Joins pieces with a constant separator (`' AND '`, `', '`). */
export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return new Sql(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.bindings),
  );
}

/** A plain SQL identifier (a table alias); anything else could smuggle SQL into the text. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Checks a table alias and returns it as SQL text. */
export function identifier(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid SQL alias ${JSON.stringify(name)}: use letters, digits and _`);
  return new Sql(name, []);
}
