import { Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/** Props of {@link JsonField}. */
export interface JsonFieldProps {
  label: string;
  description?: string;
  value: unknown;
  readOnly: boolean;
  /** Called with the parsed value (undefined when the field is emptied) once the text is valid JSON. */
  onChange: (value: unknown) => void;
}

/**
 * A JSON value edited as text, for the parts of a journey that are rule-language conditions
 * (`where`, a branch's segment rule, `set`, the goal): applied when the text parses, otherwise the
 * field says why and the definition keeps its last valid value. Herald then checks the rule.
 */
export function JsonField({ label, description, value, readOnly, onChange }: JsonFieldProps) {
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // The value this field produced itself: when it comes back as `value`, the text is left as typed.
  const emitted = useRef(shown);
  useEffect(() => {
    if (shown === emitted.current) return;
    emitted.current = shown;
    setText(shown);
    setError(null);
  }, [shown]);
  const apply = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setError(null);
      emitted.current = '';
      onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(next);
      setError(null);
      const normal = JSON.stringify(parsed, null, 2);
      if (normal !== shown) {
        emitted.current = normal;
        onChange(parsed);
      }
    } catch {
      setError('Not valid JSON yet');
    }
  };
  return (
    <Textarea
      label={label}
      description={description}
      value={text}
      readOnly={readOnly}
      autosize
      minRows={2}
      maxRows={10}
      error={error}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
      onChange={(e) => apply(e.currentTarget.value)}
    />
  );
}
