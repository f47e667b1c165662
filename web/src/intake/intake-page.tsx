import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { IntakeRequest } from '../api/api-types';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { fullName } from '../patients/full-name';
import { draftFromIntake, draftToRequest, emptyDraft } from './intake-draft';
import { IntakeForm } from './intake-form';

/** A new intake version: starts from the latest one on record, and opens the assessment when saved. */
export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const state = useLoad(async () => {
    const path = { params: { path: { id } } };
    const [patient, history] = await Promise.all([
      call(api.GET('/api/patients/{id}', path)),
      call(api.GET('/api/patients/{id}/intakes', path)),
    ]);
    const latest = history.intakes[0];
    return { patient, initial: latest ? draftFromIntake(latest.data as IntakeRequest) : emptyDraft() };
  }, [id]);
  const { submit, pending, error } = useSubmit(async (body: IntakeRequest) =>
    call(api.POST('/api/patients/{id}/intakes', { params: { path: { id } }, body })),
  );

  return (
    <Loaded state={state}>
      {({ patient, initial }) => (
        <>
          <PageTitle>{t('intake.title', { name: fullName(patient) })}</PageTitle>
          <Text size="sm" mb="md" id="intake-intro">
            {t('intake.intro')}
          </Text>
          <IntakeForm
            patient={patient}
            initial={initial}
            pending={pending}
            error={error}
            onSubmit={async (draft) => {
              const saved = await submit(draftToRequest(draft, patient));
              if (saved) navigate(`/assessments/${saved.assessment.id}`);
            }}
          />
        </>
      )}
    </Loaded>
  );
}
