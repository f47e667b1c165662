import { Button, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useSubmit } from '../../hooks/use-submit';
import { SaveOutcome } from './saved-form';

export interface LocationFields {
  name: string;
  address: string;
  timeZone: string;
}

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

interface Props {
  title: string;
  /** The heading's id, which names the form for screen readers. */
  id: string;
  initial: LocationFields;
  submitLabel: string;
  /** Resolves when stored; rejects with the server's refusal. */
  onSubmit: (fields: LocationFields) => Promise<unknown>;
  /** Empty the fields once stored (adding another). */
  resetOnSave?: boolean;
}

/** A location's name, address and time zone: to add one, or to change one. */
export function LocationForm({ title, id, initial, submitLabel, onSubmit, resetOnSave }: Props) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<LocationFields>(initial);
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => timeZones(initial.timeZone), [initial.timeZone]);
  const { submit, pending, error } = useSubmit(onSubmit);
  const problem = (field: keyof LocationFields) => (isApiError(error) ? error.problemFor(field) : undefined);
  const set = (field: keyof LocationFields) => (value: string) => {
    setSaved(false);
    setFields((f) => ({ ...f, [field]: value }));
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if ((await submit(fields)) === undefined) return;
    setSaved(!resetOnSave);
    if (resetOnSave) setFields(initial);
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={send} aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('clinicSetup.locationName')}
          value={fields.name}
          maxLength={200}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={problem('name')}
          required
        />
        <TextInput
          label={t('clinicSetup.address')}
          value={fields.address}
          maxLength={500}
          onChange={(e) => set('address')(e.currentTarget.value)}
          error={problem('address')}
        />
        <Select
          label={t('clinicSetup.timeZone')}
          description={t('clinicSetup.timeZoneHelp')}
          data={zones}
          value={fields.timeZone}
          onChange={(v) => v && set('timeZone')(v)}
          searchable
          allowDeselect={false}
          error={problem('timeZone')}
        />
      </SimpleGrid>
      <SaveOutcome error={error} saved={saved} />
      <Button type="submit" mt="md" loading={pending} disabled={!fields.name.trim()}>
        {submitLabel}
      </Button>
    </Paper>
  );
}
