import { useDebouncedValue } from '@mantine/hooks';
import { HeraldError } from '@herald/sdk';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { herald } from '../../client/herald';
import type { Builder } from './builderContext';
import type { FieldInfo } from './catalogue';
import { addChild, conditionCount, issuesByNode, moveNode, removeNode, toAst, updateNode, type Group, type RuleIssue } from './ruleModel';

/** Herald's 422 problems about the rule (paths under `rules`), from any failed call. */
export function ruleIssues(error: unknown): RuleIssue[] {
  if (!(error instanceof HeraldError) || error.status !== 422 || !Array.isArray(error.details)) return [];
  return (error.details as RuleIssue[]).filter((d) => typeof d.path === 'string' && d.path.startsWith('rules'));
}

/** How long the builder waits after the last edit before asking Herald for the audience. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The rule builder's state: the tree, its edits, and the live preview of the audience (debounced
 * `POST /segments/preview`, the previous figures kept while the next arrive). Herald's problems
 * with the rule, from the preview or from `saveError`, are pinned on the nodes they concern.
 */
export function useRuleBuilder(initial: () => Group, catalogue: { fields: FieldInfo[]; eventNames: string[] }, saveError: unknown) {
  const [root, setRoot] = useState(initial);
  const { ast, paths } = useMemo(() => toAst(root), [root]);
  const empty = conditionCount(root) === 0;
  const [rules] = useDebouncedValue(JSON.stringify(ast), PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: ['segments', 'preview', rules],
    queryFn: () => herald.segments.preview({ rules: JSON.parse(rules) as Record<string, unknown>, limit: 10 }),
    enabled: !empty,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: false,
  });
  const issues = useMemo(
    () => issuesByNode([...ruleIssues(preview.error), ...ruleIssues(saveError)], paths, root.id),
    [preview.error, saveError, paths, root.id],
  );
  const builder: Builder = {
    ...catalogue,
    issues,
    update: (id, fn) => setRoot((r) => updateNode(r, id, fn)),
    remove: (id) => setRoot((r) => removeNode(r, id)),
    move: (id, delta) => setRoot((r) => moveNode(r, id, delta)),
    add: (groupId, node) => setRoot((r) => addChild(r, groupId, node)),
  };
  const stale = preview.isError || preview.isPlaceholderData || rules !== JSON.stringify(ast);
  return { root, setRoot, ast, builder, preview, empty, stale };
}
