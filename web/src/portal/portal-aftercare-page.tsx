import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/auth-context';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { AftercareSection } from './aftercare-section';
import { heldSessions, loadPortal } from './load-portal';

/** Where the QR code on the printed aftercare sheet leads: the last session's aftercare and nothing else. */
export function PortalAftercarePage() {
  const { t } = useTranslation();
  const patientId = useUser().patientId ?? '';
  const state = useLoad(() => loadPortal(patientId), [patientId]);
  return (
    <>
      <PageTitle>{t('portal.aftercarePageTitle')}</PageTitle>
      <Loaded state={state}>
        {({ sessions, courses }) => {
          const last = heldSessions(sessions, Date.now())[0];
          return (
            <Stack gap="md" maw={900}>
              <AftercareSection last={last} plan={last && courses.get(last.courseId)?.plan} />
              <Anchor component={Link} to="/portal" size="sm">
                {t('portal.backToPortal')}
              </Anchor>
            </Stack>
          );
        }}
      </Loaded>
    </>
  );
}
