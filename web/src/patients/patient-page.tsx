import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { isClinical } from '../auth/roles';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { fullName } from './full-name';
import { PatientConsents } from './patient-consents';
import { PatientCourses } from './patient-courses';
import { PatientDetails } from './patient-details';
import { PatientIntakes } from './patient-intakes';
import { PatientSessions } from './patient-sessions';
import { PortalAccount } from './portal-account';
import { PatientSideEffects } from '../side-effects/patient-side-effects';
import { PatientOutcomes } from '../outcomes/patient-outcomes';
import { PatientPhotos } from '../photos/patient-photos';
import { PatientMoney } from '../money/patient-money';

/** One patient: details, then what the user's role may see (reception: sessions only, no clinical records). */
export function PatientPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { id = '' } = useParams();
  const state = useLoad(() => call(api.GET('/api/patients/{id}', { params: { path: { id } } })), [id]);
  const clinical = isClinical(user.role);

  return (
    <Loaded state={state}>
      {(patient) => (
        <>
          <PageTitle
            actions={
              clinical && (
                <Button component={Link} to={`/patients/${patient.id}/intake`}>
                  {t('assessment.newIntake')}
                </Button>
              )
            }
          >
            {fullName(patient)}
          </PageTitle>
          <Stack gap="md">
            <PatientDetails patient={patient} />
            {clinical && <PatientIntakes patientId={patient.id} />}
            {clinical ? (
              <PatientCourses patientId={patient.id} canChart canQuote={user.role === 'admin'} />
            ) : (
              <PatientSessions patientId={patient.id} />
            )}
            {clinical && <PatientSideEffects patientId={patient.id} />}
            {clinical && <PatientOutcomes patientId={patient.id} />}
            {clinical && <PatientPhotos patientId={patient.id} patientName={fullName(patient)} canUpload />}
            {clinical && <PatientConsents patientId={patient.id} />}
            {(user.role === 'admin' || user.role === 'reception') && <PatientMoney patientId={patient.id} />}
            {user.role === 'admin' && <PortalAccount patient={patient} />}
          </Stack>
        </>
      )}
    </Loaded>
  );
}
