import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { isClinical } from '../auth/roles';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { fullName } from '../patients/full-name';
import { AssessmentView } from './assessment-view';
import { loadAssessment } from './load-assessment';

export function AssessmentPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const { id = '' } = useParams();
  const state = useLoad(async () => {
    const assessment = await loadAssessment(id);
    const patient = assessment.patientId
      ? await call(api.GET('/api/patients/{id}', { params: { path: { id: assessment.patientId } } }))
      : null;
    return { assessment, patient };
  }, [id]);

  return (
    <Loaded state={state}>
      {({ assessment, patient }) => (
        <>
          <PageTitle
            actions={
              patient &&
              isClinical(user.role) && (
                <>
                  {assessment.result.plan && (
                    <Button component={Link} to={`/patients/${patient.id}/courses/new?assessment=${assessment.id}`}>
                      {t('assessment.bookCourse')}
                    </Button>
                  )}
                  <Button variant="default" component={Link} to={`/patients/${patient.id}/intake`}>
                    {t('assessment.newIntake')}
                  </Button>
                </>
              )
            }
          >
            {patient ? t('assessment.of', { name: fullName(patient) }) : t('assessment.title')}
          </PageTitle>
          <Text size="sm" c="dimmed" mb="md">
            {t('assessment.assessedOn', {
              date: format.dateTime(assessment.createdAt),
              version: assessment.knowledgeBaseVersion,
            })}
            {patient && (
              <>
                {' · '}
                <Link to={`/patients/${patient.id}`}>{t('assessment.backToPatient')}</Link>
              </>
            )}
          </Text>
          <AssessmentView result={assessment.result} />
        </>
      )}
    </Loaded>
  );
}
