import { Autocomplete, Button, Fieldset, Group, NumberInput, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { fieldErrors } from './fieldErrors';
import { notify } from '../../components/notify';

/** The settings as GET answers them and PUT takes them (one schema). */
type Settings = Awaited<ReturnType<typeof readSettings>>;

const readSettings = async () => (await herald.call((signal) => api.GET('/api/v1/messaging/settings', { signal }), { idempotent: true })).data;

/** The browser's IANA zones, offered as suggestions (Herald checks the name it is sent). */
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The form's fields as typed: text everywhere, so a half-filled pair reaches Herald and gets its own error. */
function formOf(s: Settings) {
  return {
    fromEmail: s.fromEmail ?? '',
    start: s.communicationHours?.start ?? '',
    end: s.communicationHours?.end ?? '',
    timezone: s.timezone ?? '',
    inboundNumbers: s.inboundNumbers ?? [],
    reopenDays: s.conversationReopenDays ?? ('' as number | string),
    priceAmount: s.smsSegmentPrice?.amount ?? ('' as number | string),
    priceCurrency: s.smsSegmentPrice?.currency ?? '',
  };
}

/** The settings PUT replaces: fields left empty are left out (Herald's defaults apply). */
function bodyOf(f: ReturnType<typeof formOf>): Settings {
  const body: Settings = {};
  if (f.fromEmail.trim()) body.fromEmail = f.fromEmail.trim();
  if (f.start || f.end) body.communicationHours = { start: f.start, end: f.end };
  if (f.timezone.trim()) body.timezone = f.timezone.trim();
  if (f.inboundNumbers.length) body.inboundNumbers = f.inboundNumbers;
  if (f.reopenDays !== '') body.conversationReopenDays = Number(f.reopenDays);
  if (f.priceAmount !== '' || f.priceCurrency) body.smsSegmentPrice = { amount: Number(f.priceAmount), currency: f.priceCurrency.trim() };
  return body;
}

/** The form itself, filled from the settings Herald answered; read-only for anyone but an admin. */
function MessagingForm({ initial, canEdit }: { initial: Settings; canEdit: boolean }) {
  const client = useQueryClient();
  const [f, setF] = useState(() => formOf(initial));
  const set =
    <K extends keyof typeof f>(key: K) =>
    (value: (typeof f)[K]) =>
      setF((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: (body: Settings) => herald.call((signal) => api.PUT('/api/v1/messaging/settings', { body, signal })),
    onSuccess: (answer) => {
      client.setQueryData(['settings', 'messaging'], answer.data);
      setF(formOf(answer.data));
      notify('The messaging settings are saved.', { title: 'Saved' });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(bodyOf(f));
  };
  return (
    <form onSubmit={submit} aria-label="Messaging settings">
      <Stack maw={640}>
        {save.isError ? <ErrorAlert error={save.error} title="The settings were not saved" /> : null}
        <TextInput
          label="Sender (From)"
          description='E-mail is sent from this address, e.g. "Shop <news@shop.example>"'
          value={f.fromEmail}
          error={errors.fromEmail}
          disabled={!canEdit}
          onChange={(e) => set('fromEmail')(e.currentTarget.value)}
        />
        <Fieldset legend="Quiet hours: messages go out only between">
          <Group grow>
            <TextInput
              label="From (HH:MM)"
              placeholder="09:00"
              value={f.start}
              error={errors['communicationHours.start'] ?? errors.communicationHours}
              disabled={!canEdit}
              onChange={(e) => set('start')(e.currentTarget.value)}
            />
            <TextInput
              label="Until (HH:MM)"
              placeholder="21:00"
              value={f.end}
              error={errors['communicationHours.end']}
              disabled={!canEdit}
              onChange={(e) => set('end')(e.currentTarget.value)}
            />
          </Group>
        </Fieldset>
        <Autocomplete
          label="Timezone"
          description="For customers without their own"
          placeholder="Europe/Paris"
          data={ZONES}
          limit={20}
          value={f.timezone}
          error={errors.timezone}
          disabled={!canEdit}
          onChange={set('timezone')}
        />
        <TagsInput
          label="Inbound numbers"
          description="Your Twilio numbers in E.164 (+14155550100); SMS and WhatsApp to them become conversations. Press Enter after each."
          value={f.inboundNumbers}
          error={Object.entries(errors).find(([path]) => path.startsWith('inboundNumbers'))?.[1]}
          disabled={!canEdit}
          onChange={set('inboundNumbers')}
        />
        <NumberInput
          label="Reopen resolved conversations within (days)"
          min={0}
          max={365}
          allowDecimal={false}
          value={f.reopenDays}
          error={errors.conversationReopenDays}
          disabled={!canEdit}
          onChange={set('reopenDays')}
        />
        <Fieldset legend="Price of one SMS segment (for cost estimates)">
          <Group grow>
            <NumberInput
              label="Amount"
              min={0}
              max={100}
              decimalScale={4}
              value={f.priceAmount}
              error={errors['smsSegmentPrice.amount']}
              disabled={!canEdit}
              onChange={set('priceAmount')}
            />
            <TextInput
              label="Currency"
              placeholder="USD"
              maxLength={3}
              value={f.priceCurrency}
              error={errors['smsSegmentPrice.currency']}
              disabled={!canEdit}
              onChange={(e) => set('priceCurrency')(e.currentTarget.value.toUpperCase())}
            />
          </Group>
        </Fieldset>
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save messaging settings
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

/** The tenant's messaging defaults (`GET/PUT /messaging/settings`): sender, quiet hours, timezone, inbound numbers, SMS price. */
export function MessagingPanel({ canEdit }: { canEdit: boolean }) {
  const settings = useQuery({ queryKey: ['settings', 'messaging'], queryFn: readSettings });
  if (settings.isPending) return <Loading label="Loading messaging settings" />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return <MessagingForm initial={settings.data} canEdit={canEdit} />;
}
