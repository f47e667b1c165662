import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntakeRequest } from '../../api/api-types';
import { api, call } from '../../api/client';
import { useUser } from '../../auth/auth-context';
import { Loaded } from '../../components/loaded';
import { useLoad } from '../../hooks/use-load';
import { useSubmit } from '../../hooks/use-submit';
import { draftFromIntake, draftToRequest, emptyDraft, type IntakeDraft } from '../../intake/intake-draft';
import { IntakeForm } from '../../intake/intake-form';
import type { Screening } from '../portal-api';

/**
 * A clinician's "reviewed" marks are theirs to give: the patient's own answers start without them
 * (the server refuses them from a patient), so an unknown condition is looked at again.
 */
function withoutReviews(draft: IntakeDraft): IntakeDraft {
  return {
    ...draft,
    otherConditions: draft.otherConditions.map((c) => ({ ...c, reviewed: false })),
    reviewedAllergies: [],
  };
}

/** The intake questionnaire, as the clinic's, starting from the patient's last answers; sent, it is screened. */
export function PortalIntakeStep({ onScreened }: { onScreened: (screening: Screening) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const patientId = user.patientId ?? '';
  const state = useLoad(async () => {
    const path = { params: { path: { id: patientId } } };
    const [patient, history] = await Promise.all([
      call(api.GET('/api/patients/{id}', path)),
      call(api.GET('/api/patients/{id}/intakes', path)),
    ]);
    const latest = history.intakes[0];
    return { patient, initial: withoutReviews(latest ? draftFromIntake(latest.data as IntakeRequest) : emptyDraft()) };
  }, [patientId]);
  const { submit, pending, error } = useSubmit((body: IntakeRequest) =>
    call(api.POST('/api/portal/intakes', { body })),
  );

  return (
    <Loaded state={state}>
      {({ patient, initial }) => (
        <>
          <Text size="sm" mb="md" id="intake-intro" maw={760}>
            {t('selfService.bookIntro')}
          </Text>
          <IntakeForm
            forPatient
            patient={patient}
            initial={initial}
            pending={pending}
            error={error}
            onSubmit={async (draft) => {
              const screened = await submit(draftToRequest(draft, patient));
              if (screened) onScreened(screened);
            }}
          />
        </>
      )}
    </Loaded>
  );
}
