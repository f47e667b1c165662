import { Alert, Button, Group, Paper } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import type { Patient, ReaderLanguage } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { fullName } from './full-name';
import { detailsBody, PatientDetailsFields, type DetailsForm } from './patient-details-fields';

function formOf(patient: Patient): DetailsForm {
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    // The server keeps a patient's language one of those it offers.
    preferredLanguage: patient.preferredLanguage as ReaderLanguage,
  };
}

/** The edit form: only the fields changed are sent, and each is kept in the record's history. */
function EditForm({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<DetailsForm>(() => formOf(patient));
  const [unchanged, setUnchanged] = useState(false);
  const { submit, pending, error } = useSubmit(async (patch: Partial<ReturnType<typeof detailsBody>>) =>
    call(api.PATCH('/api/patients/{id}', { params: { path: { id: patient.id } }, body: patch })),
  );
  const problem = (field: keyof DetailsForm) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const before = detailsBody(formOf(patient));
    const after = detailsBody(form);
    const patch = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]).map((k) => [k, after[k]]),
    );
    if (Object.keys(patch).length === 0) {
      setUnchanged(true);
      return;
    }
    if (await submit(patch)) navigate(`/patients/${patient.id}`);
  };

  return (
    <Paper withBorder p="md" maw={720} component="form" onSubmit={onSubmit}>
      <PatientDetailsFields
        form={form}
        onChange={(field, value) => {
          setUnchanged(false);
          setForm((f) => ({ ...f, [field]: value }));
        }}
        problem={problem}
      />
      {unchanged && (
        <Alert color="gray" role="status" mt="md">
          {t('patientRecords.nothingChanged')}
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <Group mt="md">
        <Button type="submit" loading={pending}>
          {pending ? t('patientRecords.saving') : t('patientRecords.saveDetails')}
        </Button>
        <Button variant="default" component={Link} to={`/patients/${patient.id}`}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Changes a patient's contact details; the patient's page shows the history of changes. */
export function EditPatientPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const state = useLoad(() => call(api.GET('/api/patients/{id}', { params: { path: { id } } })), [id]);
  return (
    <Loaded state={state}>
      {(patient) => (
        <>
          <PageTitle>{t('patientRecords.editTitle', { name: fullName(patient) })}</PageTitle>
          <EditForm patient={patient} />
        </>
      )}
    </Loaded>
  );
}
