import { Button, Paper } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/api-error';
import type { NewPatient } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { PageTitle } from '../components/page-title';
import { useSubmit } from '../hooks/use-submit';
import { DuplicateWarning, type DuplicateCandidate } from './duplicate-warning';
import { detailsBody, emptyDetails, PatientDetailsFields, type DetailsForm } from './patient-details-fields';

/**
 * Registers a patient, then opens the patient's page (where the intake starts). Records that may be
 * the same person are looked up first and shown; registering then takes a second, deliberate click.
 */
export function NewPatientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<DetailsForm>(emptyDetails);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const check = useSubmit(async (body: NewPatient) => {
    const query = {
      firstName: body.firstName,
      lastName: body.lastName,
      birthDate: body.birthDate,
      ...(body.phone ? { phone: body.phone } : {}),
      ...(body.email ? { email: body.email } : {}),
    };
    return (await call(api.GET('/api/patients/duplicates', { params: { query } }))).candidates;
  });
  const create = useSubmit(async (body: NewPatient) => call(api.POST('/api/patients', { body })));
  const error = create.error ?? check.error;
  const problem = (field: keyof DetailsForm) => (isApiError(error) ? error.problemFor(field) : undefined);
  const onChange = (field: keyof DetailsForm, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    // Other details may match other records (or none): they are looked up again.
    setCandidates([]);
  };

  const register = async () => {
    const created = await create.submit(detailsBody(form));
    if (created) navigate(`/patients/${created.id}`);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    create.clearError();
    const found = await check.submit(detailsBody(form));
    if (found === undefined) return;
    if (found.length) setCandidates(found);
    else await register();
  };
  const pending = check.pending || create.pending;

  return (
    <>
      <PageTitle>{t('patients.newTitle')}</PageTitle>
      <Paper withBorder p="md" maw={720} component="form" onSubmit={onSubmit}>
        <PatientDetailsFields form={form} onChange={onChange} problem={problem} />
        {error !== null && <ErrorAlert error={error} />}
        {candidates.length > 0 ? (
          <DuplicateWarning candidates={candidates} onRegisterAnyway={register} pending={create.pending} />
        ) : (
          <Button type="submit" mt="md" loading={pending}>
            {pending ? t('patients.creating') : t('patients.create')}
          </Button>
        )}
      </Paper>
    </>
  );
}
