import type { Journey } from '@herald/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { herald } from '../../client/herald';
import { NEW_DEFINITION, type Definition } from './definition';
import type { PublishBody } from './PublishModal';
import { placeProblems, problemsOf, type Problem } from './problems';
import { journeyKeys } from './queries';

/** The problems Herald reported and the definition they were found in (their paths index its nodes). */
interface Checked {
  definition: Definition;
  problems: Problem[];
}

/** What the editor works on: name, description and definition, as last saved or as being edited. */
interface Draft {
  name: string;
  description: string;
  definition: Definition;
}

const draftOf = (journey: Journey | null): Draft =>
  journey
    ? { name: journey.name, description: journey.description ?? '', definition: journey.draft }
    : { name: 'Untitled journey', description: '', definition: NEW_DEFINITION };

/**
 * The journey being edited: the draft in the browser, whether it differs from the saved one, the
 * problems Herald found (the saved draft's `problems`, or a refused save's or publish's 422
 * details) placed on their nodes, and save and publish. A new journey is created on its first
 * save and the page moves to its address.
 */
export function useJourneyDraft(journey: Journey | null) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<Draft>(() => draftOf(journey));
  const [draft, setDraft] = useState<Draft>(saved);
  const [checked, setChecked] = useState<Checked>(() => ({ definition: saved.definition, problems: journey?.problems ?? [] }));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const placed = useMemo(() => placeProblems(checked.problems, checked.definition), [checked]);
  const dirty = journey === null || JSON.stringify(saved) !== JSON.stringify(draft);

  /** Takes Herald's answer as the new saved state (its draft is stored normalised). */
  const adopt = (answer: Journey) => {
    const next = draftOf(answer);
    setSaved(next);
    setDraft(next);
    setChecked({ definition: answer.draft, problems: answer.problems });
    client.setQueryData(journeyKeys.one(answer.id), answer);
    void client.invalidateQueries({ queryKey: ['journeys', 'list'] });
  };

  /** Places a refusal's field problems on the nodes of the definition that was sent, and rethrows. */
  const refused = (e: unknown, sent: Definition): never => {
    const problems = problemsOf(e).filter((p) => !p.path.startsWith('migrate.'));
    if (problems.length) setChecked({ definition: sent, problems });
    throw e;
  };

  /** Saves the draft (creating the journey the first time); answers the saved journey. */
  const save = async (): Promise<Journey> => {
    const sent = draft;
    const body = { name: sent.name, description: sent.description || null, ...sent.definition };
    setSaving(true);
    setError(null);
    try {
      const answer = journey ? await herald.journeys.update(journey.id, body) : await herald.journeys.create(body);
      adopt(answer);
      if (!journey) navigate(`/journeys/${answer.id}`, { replace: true });
      return answer;
    } catch (e) {
      setError(e);
      return refused(e, sent.definition);
    } finally {
      setSaving(false);
    }
  };

  /** Saves when there are changes, then publishes (with the migration map when given). */
  const publish = async (body: PublishBody): Promise<void> => {
    const current = dirty ? await save() : journey!;
    if (current.problems.length) throw new Error('The draft has problems: they are shown on their nodes. Fix them, then publish.');
    try {
      adopt(await herald.journeys.publish(current.id, body));
    } catch (e) {
      refused(e, current.draft);
    }
    void client.invalidateQueries({ queryKey: journeyKeys.analytics(current.id) });
    void client.invalidateQueries({ queryKey: journeyKeys.runs(current.id) });
  };

  return {
    draft,
    setName: (name: string) => setDraft((d) => ({ ...d, name })),
    setDescription: (description: string) => setDraft((d) => ({ ...d, description })),
    setDefinition: (definition: Definition) => setDraft((d) => ({ ...d, definition })),
    dirty,
    saving,
    error,
    placed,
    save: () => save().catch(() => undefined),
    publish,
  };
}
