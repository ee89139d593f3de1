import { Button, Group, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CAMPAIGN_KEYS, type Campaign } from './campaignData';
import { OptionsFields, type OptionsDraft } from './OptionsFields';
import { VariantsEditor, type AbDraft } from './VariantsEditor';
import { notify } from '../../components/notify';

/** The audience choice of the form: everyone, a saved segment, or the campaign's own stored audience (inline rules or a customer list, set through the API). */
type AudienceChoice = 'all' | 'kept' | `segment:${string}`;

const choiceOf = (campaign?: Campaign): AudienceChoice => {
  const audience = campaign?.audience as { type?: string; segmentId?: string } | undefined;
  if (!audience || audience.type === 'all') return 'all';
  if (audience.type === 'segment' && audience.segmentId) return `segment:${audience.segmentId}`;
  return 'kept';
};

const KEPT_LABEL: Record<string, string> = { rules: 'Its own rules (set through the API)', customers: 'A list of customers (set through the API)' };

/**
 * A campaign's message and audience: name, channel, segment, subject and body in Liquid. A new
 * campaign is created as a draft; a draft is saved in place; any other campaign is shown read
 * only (what was approved is what is sent). Readonly members see it read only too.
 */
export function CampaignEditor({ campaign }: { campaign?: Campaign }) {
  const canWrite = useCanWrite();
  const editable = canWrite && (!campaign || campaign.status === 'draft');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState(campaign?.name ?? '');
  const [channel, setChannel] = useState<'email' | 'sms'>(campaign?.channel ?? 'email');
  const [audience, setAudience] = useState<AudienceChoice>(choiceOf(campaign));
  const [subject, setSubject] = useState(campaign?.subject ?? '');
  const [body, setBody] = useState(campaign?.body ?? '');
  const [options, setOptions] = useState<OptionsDraft>((campaign?.options as OptionsDraft | undefined) ?? {});
  const [ab, setAb] = useState<AbDraft | null>(campaign?.variants && campaign.test ? { variants: campaign.variants, test: campaign.test } : null);
  const segments = useQuery({ queryKey: ['campaigns', 'segments'], queryFn: () => herald.segments.list() });

  const storedType = (campaign?.audience as { type?: string } | undefined)?.type ?? 'all';
  const audienceOptions = [
    { value: 'all', label: 'All customers' },
    ...(choiceOf(campaign) === 'kept' ? [{ value: 'kept', label: KEPT_LABEL[storedType] ?? 'Its stored audience' }] : []),
    ...((segments.data?.data ?? []) as Array<{ id: string; name: string }>).map((s) => ({ value: `segment:${s.id}`, label: `Segment: ${s.name}` })),
  ];

  const save = useMutation({
    mutationFn: async () => {
      const fields = {
        name,
        channel,
        subject: channel === 'email' ? subject : null,
        body,
        ...(audience === 'kept'
          ? {}
          : { audience: audience === 'all' ? { type: 'all' as const } : { type: 'segment' as const, segmentId: audience.slice(8) } }),
        options,
        // Variants and test travel together; null removes a test the campaign had.
        ...(ab ? { variants: ab.variants, test: ab.test } : campaign?.variants ? { variants: null, test: null } : {}),
      };
      if (!campaign) return herald.campaigns.create(fields);
      return herald.campaigns.patch(campaign.id, fields);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: CAMPAIGN_KEYS.all });
      notify(campaign ? 'Campaign saved' : 'Draft created');
      if (!campaign) navigate(`/campaigns/${saved.id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} aria-label="Campaign message">
      <Stack maw={760}>
        {save.isError ? <ErrorAlert error={save.error} title="The campaign was not saved" /> : null}
        {!editable && campaign ? (
          <Text c="gray.7" size="sm">
            {canWrite ? `A ${campaign.status} campaign cannot be changed; only drafts can.` : 'You can read this campaign; your role cannot change it.'}
          </Text>
        ) : null}
        <TextInput label="Name" required readOnly={!editable} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Radio.Group label="Channel" value={channel} onChange={(v) => setChannel(v as 'email' | 'sms')} readOnly={!editable}>
          <Group mt="xs">
            <Radio value="email" label="E-mail" disabled={!editable} />
            <Radio value="sms" label="SMS" disabled={!editable} />
          </Group>
        </Radio.Group>
        <Select
          label="Audience"
          description="Who receives it: everyone, or the members of a segment when it is sent"
          data={audienceOptions}
          value={audience}
          onChange={(v) => v && setAudience(v as AudienceChoice)}
          allowDeselect={false}
          searchable
          readOnly={!editable}
          nothingFoundMessage="No such segment"
        />
        {channel === 'email' ? (
          <TextInput
            label="Subject"
            required
            readOnly={!editable}
            description="Liquid: {{ customer.firstName }} and the other customer fields"
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
        ) : null}
        <Textarea
          label="Body"
          required
          readOnly={!editable}
          description={
            channel === 'email' ? 'HTML with Liquid ({{ customer.firstName }}, {{ unsubscribeUrl }})' : 'Text with Liquid; 160 characters make one SMS'
          }
          autosize
          minRows={8}
          maxRows={24}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <VariantsEditor value={ab} onChange={setAb} channel={channel} readOnly={!editable} />
        <OptionsFields value={options} onChange={setOptions} readOnly={!editable} />
        {editable ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {campaign ? 'Save draft' : 'Create draft'}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
