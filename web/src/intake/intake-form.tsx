import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { Patient } from '../api/api-types';
import { ErrorAlert } from '../components/error-alert';
import { AllergiesSection } from './allergies-section';
import { ConditionsSection } from './conditions-section';
import type { IntakeDraft } from './intake-draft';
import { MedicationsSection } from './medications-section';
import { PatientSection } from './patient-section';
import { ProceduresSection } from './procedures-section';
import { RequestSection } from './request-section';
import { SiteSection } from './site-section';

interface Props {
  patient: Patient;
  initial: IntakeDraft;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: IntakeDraft) => void;
  /** The patient answers for themselves (the portal): no clinician's "reviewed" marks, the patient's wording. */
  forPatient?: boolean;
}

/** The intake questionnaire. Its state outlives a failed submit, so nothing typed is lost. */
export function IntakeForm({ patient, initial, pending, error, onSubmit, forPatient = false }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<IntakeDraft>(initial);
  const onChange = (patch: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form onSubmit={submit} aria-describedby="intake-intro">
      <Stack gap="md" maw={960}>
        <RequestSection draft={draft} onChange={onChange} problem={problem} />
        <PatientSection patient={patient} draft={draft} onChange={onChange} />
        <ConditionsSection draft={draft} onChange={onChange} reviewable={!forPatient} />
        <MedicationsSection draft={draft} onChange={onChange} problem={problem} />
        <AllergiesSection draft={draft} onChange={onChange} reviewable={!forPatient} />
        <ProceduresSection draft={draft} onChange={onChange} />
        <SiteSection draft={draft} onChange={onChange} />
        {error !== null && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" size="md" loading={pending} disabled={!draft.indication || !draft.area || !draft.date}>
            {forPatient
              ? t(pending ? 'selfService.intakeSubmitting' : 'selfService.intakeSubmit')
              : t(pending ? 'intake.submitting' : 'intake.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
