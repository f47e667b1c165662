import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import type { Ok } from '../../api/api-types';
import { api, call } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { useFormat } from '../../i18n/use-format';

type Exception = Ok<'/api/locations/{id}/availability', 'get'>['exceptions'][number];

interface Props {
  locationId: string;
  /** Every exception of the location; only closures (no practitioner) are shown here. */
  exceptions: Exception[];
  onChanged: () => void;
}

/** The days the whole location is closed: holidays and closures, which the course finder books around. */
export function ClosureList({ locationId, exceptions, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const closures = exceptions.filter((e) => e.practitionerId === null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const add = useSubmit(async () =>
    call(
      api.POST('/api/locations/{id}/exceptions', {
        params: { path: { id: locationId } },
        body: { kind: 'days', from, to: to || from, reason: reason.trim() || null },
      }),
    ),
  );
  const remove = useSubmit(async (id: string) =>
    call(api.DELETE('/api/availability-exceptions/{id}', { params: { path: { id } } })),
  );
  const problem = (field: string) => (isApiError(add.error) ? add.error.problemFor(field) : undefined);

  const dates = (e: Exception) => {
    if (e.kind === 'hours')
      return t('clinicSetup.closureHours', {
        date: format.date(e.start ?? ''),
        start: (e.start ?? '').slice(11, 16),
        end: (e.end ?? '').slice(11, 16),
      });
    return e.from === e.to ? format.date(e.from ?? '') : `${format.date(e.from ?? '')} – ${format.date(e.to ?? '')}`;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await add.submit()) {
      setFrom('');
      setTo('');
      setReason('');
      onChanged();
    }
  };

  return (
    <Paper withBorder p="md" aria-labelledby="closures-heading">
      <Title order={3} size="h4" id="closures-heading" mb={4}>
        {t('clinicSetup.closuresHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('clinicSetup.closuresHelp')}
      </Text>
      {closures.length === 0 ? (
        <EmptyState text={t('clinicSetup.noClosures')} size="sm" />
      ) : (
        <Table data-testid="closures" fz="sm" mb="sm">
          <Table.Tbody>
            {closures.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{dates(c)}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={t('clinicSetup.removeClosure', { dates: dates(c) })}
                    loading={remove.pending}
                    onClick={async () => {
                      await remove.submit(c.id);
                      onChanged();
                    }}
                  >
                    {t('clinicSetup.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {remove.error !== null && <ErrorAlert error={remove.error} />}
      <Stack gap="xs" mt="sm" component="form" onSubmit={onSubmit}>
        <Group align="flex-start" gap="sm">
          <TextInput
            type="date"
            label={t('clinicSetup.closureFrom')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={problem('from')}
            required
          />
          <TextInput
            type="date"
            label={t('clinicSetup.closureTo')}
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={problem('to')}
          />
          <TextInput
            label={t('clinicSetup.closureReason')}
            placeholder={t('clinicSetup.closureReasonPlaceholder')}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problem('reason')}
          />
        </Group>
        {add.error !== null && <ErrorAlert error={add.error} />}
        <Group>
          <Button type="submit" loading={add.pending} disabled={!from}>
            {t('clinicSetup.addClosure')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
