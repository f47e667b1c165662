import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import type { PortalCourse, Screening } from '../portal-api';
import { SessionWords } from '../session-line';
import { ConsultationRequestForm } from './consultation-request-form';
import { CourseOffers } from './course-offers';
import { PortalIntakeStep } from './portal-intake-step';
import { ScreeningOutcome } from './screening-outcome';

/**
 * Booking online: the intake questionnaire first, then what the screening allows. A bookable
 * screening is offered courses that keep the plan's intervals; any other one is offered a call from
 * the clinic instead, never a booking (the server refuses those bookings too).
 */
export function PortalBookingPage() {
  const { t } = useTranslation();
  const [screening, setScreening] = useState<Screening | null>(null);
  const [booked, setBooked] = useState<PortalCourse | null>(null);
  const [talkFirst, setTalkFirst] = useState(false);

  return (
    <>
      <PageTitle>{t('selfService.bookTitle')}</PageTitle>
      {!screening ? (
        <PortalIntakeStep onScreened={setScreening} />
      ) : booked ? (
        <Stack gap="md" maw={760}>
          <Alert color="green" role="status" data-testid="booked">
            <Text size="sm" mb="xs">
              {t('selfService.booked')}
            </Text>
            <List size="sm" spacing={2}>
              {booked.sessions.map((s) => (
                <List.Item key={s.id}>
                  <SessionWords session={s} />
                </List.Item>
              ))}
            </List>
          </Alert>
          <Anchor component={Link} to="/portal">
            {t('selfService.toPlan')}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="md" maw={760}>
          <ScreeningOutcome screening={screening} />
          {screening.outcome === 'bookable' ? (
            <>
              <CourseOffers screening={screening} onBooked={setBooked} />
              {talkFirst ? (
                <ConsultationRequestForm assessmentId={screening.assessmentId} reason="patient_choice" />
              ) : (
                <Group>
                  <Button variant="subtle" onClick={() => setTalkFirst(true)}>
                    {t('selfService.ratherTalk')}
                  </Button>
                </Group>
              )}
            </>
          ) : (
            <ConsultationRequestForm assessmentId={screening.assessmentId} />
          )}
        </Stack>
      )}
    </>
  );
}
