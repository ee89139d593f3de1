import { Button, Fieldset, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { CampaignTest, CampaignVariant } from '@herald/sdk';

/** The A/B part of the editor: the variants and the test, or null for a campaign without one. */
export interface AbDraft {
  variants: CampaignVariant[];
  test: CampaignTest;
}

const KEYS = ['A', 'B', 'C', 'D', 'E'];

/** A new test: two variants (the first the control) splitting 20 % of the audience by opens for 4 hours. */
export const newAbDraft = (): AbDraft => ({
  variants: [
    { key: 'A', name: 'Control', subject: null, body: null },
    { key: 'B', name: 'Variant B', subject: null, body: null },
  ],
  test: { share: 0.2, metric: 'opens', duration: '4h' },
});

/** A blank override is no override: the API wants null, not an empty text. */
const orNull = (v: string) => (v === '' ? null : v);

/**
 * Edits a campaign's A/B test (issue 19): 2 to 5 variants, each overriding the subject, the body
 * or both (empty means the campaign's own), the share of the audience that tests, the metric and
 * how long the test runs before the winner goes to the rest. The API checks it all (422 on save).
 */
export function VariantsEditor({
  value,
  onChange,
  channel,
  readOnly,
}: {
  value: AbDraft | null;
  onChange: (v: AbDraft | null) => void;
  channel: 'email' | 'sms';
  readOnly: boolean;
}) {
  const setVariant = (i: number, patch: Partial<CampaignVariant>) =>
    value && onChange({ ...value, variants: value.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const setTest = (patch: Partial<CampaignTest>) => value && onChange({ ...value, test: { ...value.test, ...patch } });
  const metric = value?.test.metric;
  const metricOptions = [
    { value: 'opens', label: 'Opens' },
    { value: 'clicks', label: 'Clicks' },
    ...(metric && typeof metric === 'object' ? [{ value: 'event', label: `The event “${metric.event}” within ${metric.within}` }] : []),
  ];
  return (
    <Fieldset legend="A/B test">
      <Stack>
        <Switch
          label="Test variants of this message"
          checked={value !== null}
          disabled={readOnly}
          onChange={(e) => onChange(e.currentTarget.checked ? newAbDraft() : null)}
        />
        {value ? (
          <>
            {value.variants.map((v, i) => (
              <Stack key={v.key} gap="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
                <Group align="flex-end">
                  <TextInput
                    label={`Variant ${v.key} name`}
                    required
                    readOnly={readOnly}
                    value={v.name}
                    onChange={(e) => setVariant(i, { name: e.currentTarget.value })}
                  />
                  {!readOnly && value.variants.length > 2 ? (
                    <Button variant="default" onClick={() => onChange({ ...value, variants: value.variants.filter((_, j) => j !== i) })}>
                      Remove variant {v.key}
                    </Button>
                  ) : null}
                </Group>
                {channel === 'email' ? (
                  <TextInput
                    label={`Variant ${v.key} subject`}
                    placeholder="The campaign’s subject"
                    readOnly={readOnly}
                    value={v.subject ?? ''}
                    onChange={(e) => setVariant(i, { subject: orNull(e.currentTarget.value) })}
                  />
                ) : null}
                <Textarea
                  label={`Variant ${v.key} body`}
                  placeholder="The campaign’s body"
                  autosize
                  minRows={2}
                  readOnly={readOnly}
                  value={v.body ?? ''}
                  onChange={(e) => setVariant(i, { body: orNull(e.currentTarget.value) })}
                />
              </Stack>
            ))}
            {!readOnly && value.variants.length < KEYS.length ? (
              <div>
                <Button
                  variant="default"
                  onClick={() => {
                    const key = KEYS.find((k) => !value.variants.some((v) => v.key === k))!;
                    onChange({ ...value, variants: [...value.variants, { key, name: `Variant ${key}`, subject: null, body: null }] });
                  }}
                >
                  Add a variant
                </Button>
              </div>
            ) : null}
            <Group align="flex-start">
              <NumberInput
                label="Share that tests (%)"
                description="Split evenly across the variants"
                min={1}
                max={99}
                readOnly={readOnly}
                value={Math.round(value.test.share * 100)}
                onChange={(n) => setTest({ share: Number(n) / 100 })}
              />
              <Select
                label="Winning metric"
                data={metricOptions}
                allowDeselect={false}
                readOnly={readOnly}
                value={typeof metric === 'object' ? 'event' : metric}
                onChange={(m) => (m === 'opens' || m === 'clicks') && setTest({ metric: m })}
              />
              <TextInput
                label="Test duration"
                description="30m, 4h, 2d"
                readOnly={readOnly}
                value={value.test.duration}
                onChange={(e) => setTest({ duration: e.currentTarget.value.trim() })}
              />
            </Group>
            <Text size="sm" c="gray.7">
              The first variant is the control: it goes to the rest of the audience unless another one wins clearly.
            </Text>
          </>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
