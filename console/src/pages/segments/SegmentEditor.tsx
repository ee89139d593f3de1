import { Button, Grid, Paper, Stack, Textarea, TextInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { HeraldError, type Segment } from '@herald/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { BuilderContext } from './builderContext';
import type { FieldInfo } from './catalogue';
import { DeleteSegmentButton } from './DeleteSegmentButton';
import { GroupEditor } from './GroupEditor';
import { PreviewPanel } from './PreviewPanel';
import { RuleJson } from './RuleJson';
import { fromAst, newId, RuleShapeError, type Group } from './ruleModel';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useRuleBuilder } from './useRuleBuilder';

const emptyRule = (): Group => ({ id: newId(), kind: 'group', combinator: 'all', children: [] });

/** The builder's tree of a stored rule; a rule it cannot show (none should exist) starts empty. */
function initialRule(segment?: Segment): Group {
  if (!segment) return emptyRule();
  try {
    return fromAst(segment.rules);
  } catch (e) {
    if (e instanceof RuleShapeError) return emptyRule();
    throw e;
  }
}

/**
 * The segment editor: name and description, the visual rule builder with its JSON, the live
 * audience, suggestions, and save / delete. A new segment (`segment` undefined) is created on
 * save; readonly members can explore rules but see no write action.
 */
export function SegmentEditor({ segment, fields, eventNames }: { segment?: Segment; fields: FieldInfo[]; eventNames: string[] }) {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const save = useMutation({
    mutationFn: (rules: Record<string, unknown>) => {
      const body = { name: name.trim(), description: description.trim() || null, rules };
      return segment ? herald.segments.update(segment.id, body) : herald.segments.create(body);
    },
    onSuccess: async (saved) => {
      client.setQueryData(['segments', 'detail', saved.id], saved);
      await client.invalidateQueries({ queryKey: ['segments', 'list'] });
      notifications.show({ color: 'green', message: `Segment “${saved.name}” saved`, closeButtonProps: { 'aria-label': 'Dismiss' } });
      if (!segment) navigate(`/segments/${saved.id}`, { replace: true });
    },
  });
  const { root, setRoot, ast, builder, preview, empty, stale } = useRuleBuilder(() => initialRule(segment), { fields, eventNames }, save.error);
  const nameError = save.error instanceof HeraldError && save.error.status === 409 ? save.error.message : undefined;

  return (
    <>
      <PageHeader
        title={segment ? segment.name : 'New segment'}
        description={segment ? `${segment.memberCount.toLocaleString('en')} members at the last refresh` : 'Build a rule; the audience updates as you edit.'}
        actions={
          canWrite ? (
            <>
              {segment ? <DeleteSegmentButton id={segment.id} name={segment.name} /> : null}
              <Button onClick={() => save.mutate(ast)} loading={save.isPending}>
                {segment ? 'Save' : 'Create segment'}
              </Button>
            </>
          ) : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {save.error ? <ErrorAlert error={save.error} title="The segment was not saved" /> : null}
            {!canWrite ? <Text c="gray.7">You can explore rules here; saving them needs a member or admin role.</Text> : null}
            <Paper withBorder p="md">
              <Stack gap="sm">
                <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} readOnly={!canWrite} />
                <Textarea
                  label="Description"
                  autosize
                  minRows={1}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  readOnly={!canWrite}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-label="Rule builder">
              <BuilderContext.Provider value={builder}>
                <GroupEditor node={root} name="rule" root />
              </BuilderContext.Provider>
            </Paper>
            {preview.error ? (
              <ErrorAlert
                error={preview.error}
                title={preview.error instanceof HeraldError && preview.error.status === 422 ? 'Herald cannot read this rule yet' : undefined}
              />
            ) : null}
            <RuleJson root={root} onApply={setRoot} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <PreviewPanel result={preview.data} fetching={preview.isFetching} stale={stale} empty={empty} />
            <SuggestionsPanel
              onUse={(rules, suggested) => {
                setRoot(fromAst(rules));
                if (!name.trim()) setName(suggested);
              }}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
