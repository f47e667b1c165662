import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { isClinical, isStaff } from '../auth/roles';
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
import { PatientHistory } from './patient-history';
import { PatientMerges } from './patient-merges';
import { ActivationButton, PatientStatusBanner } from './patient-status';

/** One patient: details, then what the user's role may see (reception: sessions only, no clinical records). */
export function PatientPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { id = '' } = useParams();
  const state = useLoad(() => call(api.GET('/api/patients/{id}', { params: { path: { id } } })), [id]);
  const clinical = isClinical(user.role);
  // Bumped after the record's standing changes here, so that its history and merges are read again.
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
    state.reload();
  };

  return (
    <Loaded state={state}>
      {(patient) => (
        <>
          <PageTitle
            actions={
              <>
                {clinical && patient.mergedIntoId === null && (
                  <Button component={Link} to={`/patients/${patient.id}/intake`}>
                    {t('assessment.newIntake')}
                  </Button>
                )}
                {isStaff(user.role) && patient.mergedIntoId === null && (
                  <Button variant="default" component={Link} to={`/patients/${patient.id}/edit`}>
                    {t('patientRecords.editDetails')}
                  </Button>
                )}
                {user.role === 'admin' && patient.mergedIntoId === null && patient.active && (
                  <Button variant="default" component={Link} to={`/patients/${patient.id}/merge`}>
                    {t('patientRecords.merge')}
                  </Button>
                )}
                {isStaff(user.role) && patient.mergedIntoId === null && patient.active && (
                  <ActivationButton patient={patient} onChanged={changed} />
                )}
              </>
            }
          >
            {fullName(patient)}
          </PageTitle>
          <Stack gap="md">
            <PatientStatusBanner patient={patient} onChanged={changed} />
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
            {isStaff(user.role) && (
              <PatientHistory patientId={patient.id} version={`${patient.updatedAt}-${version}`} />
            )}
            {isStaff(user.role) && (
              <PatientMerges
                patientId={patient.id}
                canReverse={user.role === 'admin'}
                version={`${patient.updatedAt}-${version}`}
                onChanged={changed}
              />
            )}
          </Stack>
        </>
      )}
    </Loaded>
  );
}
