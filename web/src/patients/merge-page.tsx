import { Alert, Anchor, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Ok, Patient } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { fullName } from './full-name';
import { MergeCandidateSearch } from './merge-candidate-search';
import { MovedRecords } from './moved-records';
import { PatientStatusBanner } from './patient-status';

type Merge = Ok<'/api/patients/{id}/merges', 'post'>;

/** One record's details, for comparing the two side by side. */
function RecordCard({ title, patient, headingId }: { title: string; patient: Patient; headingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const rows: [string, string][] = [
    [t('patients.birthDate'), format.date(patient.birthDate)],
    [t('patients.sex'), label('sex', patient.sex)],
    [t('patients.phone'), patient.phone ?? '—'],
    [t('patients.email'), patient.email ?? '—'],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Title order={2} size="h4" id={headingId} mb="xs">
        <Anchor component={Link} to={`/patients/${patient.id}`} inherit>
          {fullName(patient)}
        </Anchor>
      </Title>
      <Stack gap={2}>
        {rows.map(([name, value]) => (
          <Text key={name} size="sm">
            <Text span c="dimmed" size="sm">
              {name}:
            </Text>{' '}
            {value}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

function MergeForm({ kept, preselected }: { kept: Patient; preselected: Patient | null }) {
  const { t } = useTranslation();
  const [other, setOther] = useState<Patient | null>(preselected);
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState<Merge | null>(null);
  const { submit, pending, error } = useSubmit(async (mergedPatientId: string) =>
    call(api.POST('/api/patients/{id}/merges', { params: { path: { id: kept.id } }, body: { mergedPatientId } })),
  );

  if (done)
    return (
      <Alert color="green" role="status" data-testid="merge-done">
        <Text size="sm" mb="xs">
          {Object.values(done.moved).some((ids) => ids.length)
            ? t('patientRecords.mergeDone', { name: fullName(kept) })
            : t('patientRecords.mergeNothingMoved')}
        </Text>
        <MovedRecords moved={done.moved} />
        <Anchor component={Link} to={`/patients/${kept.id}`} size="sm" mt="xs" display="inline-block">
          {t('patientRecords.openKept')}
        </Anchor>
      </Alert>
    );

  return (
    <Stack gap="md">
      <MergeCandidateSearch
        keptId={kept.id}
        chosenId={other?.id ?? null}
        onChoose={(p) => {
          setOther(p);
          setConfirmed(false);
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <RecordCard title={t('patientRecords.mergeKept')} patient={kept} headingId="kept-heading" />
        {other && <RecordCard title={t('patientRecords.mergeOther')} patient={other} headingId="other-heading" />}
      </SimpleGrid>
      {other && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit(other.id).then((merge) => merge && setDone(merge));
          }}
        >
          <Anchor component={Link} to={`/patients/${other.id}/merge?other=${kept.id}`} size="sm">
            {t('patientRecords.mergeSwap')}
          </Anchor>
          <Checkbox
            mt="sm"
            label={t('patientRecords.mergeConfirm')}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
          />
          {error !== null && <ErrorAlert error={error} />}
          <Group mt="md">
            <Button type="submit" color="red" disabled={!confirmed} loading={pending}>
              {pending ? t('patientRecords.merging') : t('patientRecords.mergeSubmit')}
            </Button>
            <Button variant="default" component={Link} to={`/patients/${kept.id}`}>
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

/**
 * Admins merge another record of the same person into this one (the record kept): the two side by
 * side, a deliberate confirmation, then what moved. `?other=` chooses the other record beforehand.
 */
export function MergePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const otherId = params.get('other');
  const state = useLoad(async () => {
    const get = (patientId: string) => call(api.GET('/api/patients/{id}', { params: { path: { id: patientId } } }));
    return { kept: await get(id), other: otherId ? await get(otherId) : null };
  }, [id, otherId]);

  return (
    <Loaded state={state}>
      {({ kept, other }) => (
        <>
          <PageTitle>{t('patientRecords.mergeTitle', { name: fullName(kept) })}</PageTitle>
          <Text size="sm" mb="md" maw={820}>
            {t('patientRecords.mergeIntro')}
          </Text>
          {kept.mergedIntoId !== null || !kept.active ? (
            <PatientStatusBanner patient={kept} onChanged={state.reload} />
          ) : (
            <MergeForm key={`${kept.id}-${other?.id ?? ''}`} kept={kept} preselected={other} />
          )}
        </>
      )}
    </Loaded>
  );
}
