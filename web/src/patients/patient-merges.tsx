import { Anchor, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';
import { fullName } from './full-name';
import { MovedRecords } from './moved-records';

type Merge = Ok<'/api/patients/{id}/merges', 'get'>['merges'][number];

/**
 * The merges this record took part in, with what each moved; admins may reverse one for 30 days.
 * Shown only when there was a merge.
 */
export function PatientMerges({
  patientId,
  canReverse,
  version,
  onChanged,
}: {
  patientId: string;
  canReverse: boolean;
  version: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reversing, setReversing] = useState<Merge | null>(null);
  const state = useLoad(
    async () => (await call(api.GET('/api/patients/{id}/merges', { params: { path: { id: patientId } } }))).merges,
    [patientId, version],
  );
  const reverse = useSubmit(async (merge: Merge) =>
    call(
      api.POST('/api/patients/{id}/merges/{mergeId}/reversal', {
        params: { path: { id: patientId, mergeId: merge.id } },
      }),
    ),
  );
  const confirm = async () => {
    if (reversing && (await reverse.submit(reversing))) {
      setReversing(null);
      onChanged();
    }
  };
  const nobody = t('patientRecords.historyUnknownUser');

  if (state.status === 'ready' && state.data.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="merges-heading">
      <Title order={2} size="h4" id="merges-heading" mb="sm">
        {t('patientRecords.mergesTitle')}
      </Title>
      <Loaded state={state}>
        {(merges) => (
          <Stack gap="md" data-testid="merges">
            {merges.map((merge) => {
              const kept = merge.survivor.id === patientId;
              const other = kept ? merge.merged : merge.survivor;
              const open = merge.reversedAt === null && Date.parse(merge.reversibleUntil) > Date.now();
              return (
                <div key={merge.id}>
                  <Text size="sm">
                    <Trans
                      i18nKey={kept ? 'patientRecords.mergeKeptLine' : 'patientRecords.mergeAwayLine'}
                      values={{
                        other: fullName(other),
                        date: format.dateTime(merge.mergedAt),
                        name: merge.mergedBy?.displayName ?? nobody,
                      }}
                      components={{ other: <Anchor component={Link} to={`/patients/${other.id}`} /> }}
                    />
                  </Text>
                  <MovedRecords moved={merge.moved} />
                  {merge.reversedAt !== null ? (
                    <Text size="sm" c="dimmed">
                      {t('patientRecords.mergeReversedLine', {
                        date: format.dateTime(merge.reversedAt),
                        name: merge.reversedBy?.displayName ?? nobody,
                      })}
                    </Text>
                  ) : (
                    open && (
                      <Group gap="sm" mt={4}>
                        <Text size="sm" c="dimmed">
                          {t('patientRecords.reversibleUntil', { date: format.dateTime(merge.reversibleUntil) })}
                        </Text>
                        {canReverse && (
                          <Button size="xs" variant="default" onClick={() => setReversing(merge)}>
                            {t('patientRecords.reverse')}
                          </Button>
                        )}
                      </Group>
                    )
                  )}
                </div>
              );
            })}
          </Stack>
        )}
      </Loaded>
      <Modal
        opened={reversing !== null}
        onClose={() => {
          reverse.clearError();
          setReversing(null);
        }}
        title={t('patientRecords.reverseTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm">{t('patientRecords.reverseText', { other: reversing ? fullName(reversing.merged) : '' })}</Text>
        {reverse.error !== null && <ErrorAlert error={reverse.error} />}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setReversing(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={reverse.pending} onClick={() => void confirm()}>
            {t('patientRecords.reverse')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
