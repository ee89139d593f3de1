import { Checkbox, Fieldset, NumberInput, Stack } from '@mantine/core';

/** The sending options the editor offers; the others a campaign may carry (frequency cap, auto-pause) are kept as they are. */
export interface OptionsDraft {
  throttlePerSecond?: number;
  respectQuietHours?: boolean;
  sendInRecipientTimezone?: boolean;
  [other: string]: unknown;
}

/**
 * A campaign's sending policy: a throttle (messages a second, empty for none), quiet hours, and
 * a scheduled time read in each recipient's timezone.
 */
export function OptionsFields({ value, onChange, readOnly }: { value: OptionsDraft; onChange: (v: OptionsDraft) => void; readOnly: boolean }) {
  return (
    <Fieldset legend="Sending">
      <Stack>
        <NumberInput
          label="Messages a second"
          description="Empty: as fast as the channel takes them"
          min={1}
          max={10000}
          allowDecimal={false}
          readOnly={readOnly}
          value={value.throttlePerSecond ?? ''}
          onChange={(n) => {
            const { throttlePerSecond: _, ...rest } = value;
            onChange(n === '' ? rest : { ...rest, throttlePerSecond: Number(n) });
          }}
          maw={240}
        />
        <Checkbox
          label="Respect quiet hours (hold messages outside the recipient’s hours until they open)"
          disabled={readOnly}
          checked={value.respectQuietHours ?? false}
          onChange={(e) => onChange({ ...value, respectQuietHours: e.currentTarget.checked })}
        />
        <Checkbox
          label="Read a scheduled time in each recipient’s timezone"
          disabled={readOnly}
          checked={value.sendInRecipientTimezone ?? false}
          onChange={(e) => onChange({ ...value, sendInRecipientTimezone: e.currentTarget.checked })}
        />
      </Stack>
    </Fieldset>
  );
}
