import { Alert, Anchor, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Patient } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { fullName } from './full-name';

/** What the record's standing means for the reader: merged into another (with the way there), or inactive. */
export function PatientStatusBanner({ patient, onChanged }: { patient: Patient; onChanged: () => void }) {
  const { t } = useTranslation();
  const kept = useLoad(
    async () =>
      patient.mergedIntoId === null
        ? null
        : call(api.GET('/api/patients/{id}', { params: { path: { id: patient.mergedIntoId } } })),
    [patient.mergedIntoId],
  );
  if (patient.mergedIntoId !== null)
    return (
      <Alert color="blue" role="status" data-testid="merged-banner">
        <Text size="sm">{t('patientRecords.mergedBanner', { name: kept.data ? fullName(kept.data) : '…' })}</Text>
        <Anchor component={Link} to={`/patients/${patient.mergedIntoId}`} size="sm">
          {t('patientRecords.openKept')}
        </Anchor>
      </Alert>
    );
  if (!patient.active)
    return (
      <Alert color="gray" role="status" data-testid="inactive-banner">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">{t('patientRecords.inactiveBanner')}</Text>
          <ActivationButton patient={patient} onChanged={onChanged} />
        </Group>
      </Alert>
    );
  return null;
}

/** Deactivates after asking, or reactivates at once (it hides nothing). */
export function ActivationButton({ patient, onChanged }: { patient: Patient; onChanged: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { submit, pending, error, clearError } = useSubmit(async (active: boolean) => {
    const params = { params: { path: { id: patient.id } } };
    return active
      ? call(api.POST('/api/patients/{id}/reactivate', params))
      : call(api.POST('/api/patients/{id}/deactivate', params));
  });
  const change = async (active: boolean) => {
    if (await submit(active)) {
      setAsking(false);
      onChanged();
    }
  };
  if (!patient.active)
    return (
      <>
        <Button size="xs" variant="default" loading={pending} onClick={() => void change(true)}>
          {t('patientRecords.reactivate')}
        </Button>
        {error !== null && <ErrorAlert error={error} />}
      </>
    );
  const name = fullName(patient);
  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)}>
        {t('patientRecords.deactivate')}
      </Button>
      <Modal
        opened={asking}
        onClose={() => {
          clearError();
          setAsking(false);
        }}
        title={t('patientRecords.deactivateTitle', { name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm">{t('patientRecords.deactivateText')}</Text>
        {error !== null && <ErrorAlert error={error} />}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={() => void change(false)}>
            {t('patientRecords.deactivate')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
