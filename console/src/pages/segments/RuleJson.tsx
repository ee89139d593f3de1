import { JsonInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { fromAst, RuleShapeError, toAst, type Group } from './ruleModel';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The rule as JSON (Herald's normalised form, as `GET /segments/:id` returns it), editable: JSON
 * that reads as a rule replaces the builder's tree at once; text that is not JSON, or JSON of
 * another shape, shows why and changes nothing. Builder edits rewrite the text.
 */
export function RuleJson({ root, onApply, readOnly }: { root: Group; onApply: (root: Group) => void; readOnly?: boolean }) {
  const ast = JSON.stringify(toAst(root).ast);
  const [text, setText] = useState(() => pretty(JSON.parse(ast)));
  const [error, setError] = useState<string | null>(null);
  // The AST the text stands for; a builder change to anything else rewrites the text.
  const shown = useRef(ast);

  useEffect(() => {
    if (ast === shown.current) return;
    shown.current = ast;
    setText(pretty(JSON.parse(ast)));
    setError(null);
  }, [ast]);

  const edit = (value: string) => {
    setText(value);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (e) {
      setError(`Not valid JSON: ${(e as Error).message}. The builder keeps the last valid rule.`);
      return;
    }
    try {
      const next = fromAst(parsed);
      shown.current = JSON.stringify(toAst(next).ast);
      setError(null);
      onApply(next);
    } catch (e) {
      if (!(e instanceof RuleShapeError)) throw e;
      setError(`${e.message}. The builder keeps the last valid rule.`);
    }
  };

  return (
    <JsonInput
      label="Rule as JSON"
      description="Herald's normalised rule. Edit it here and the builder follows."
      autosize
      minRows={6}
      maxRows={24}
      spellCheck={false}
      readOnly={readOnly}
      value={text}
      onChange={edit}
      error={error}
      styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }}
    />
  );
}
