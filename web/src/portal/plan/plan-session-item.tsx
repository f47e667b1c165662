import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/use-format';
import type { PortalSession } from '../portal-api';
import { SessionWords } from '../session-line';
import { zonedDateTime, useFormattingLocale } from '../session-words';
import { CancelSessionButton } from './cancel-session-button';

const statusColor: Record<string, string> = { planned: 'blue', done: 'green', cancelled: 'gray', no_show: 'orange' };

/** One session of the plan: in words, its status, what to do before it (and from when), and moving or cancelling it. */
export function PlanSessionItem({
  session,
  noticeHours,
  onChanged,
}: {
  session: PortalSession;
  noticeHours: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const format = useFormat();
  const ahead = session.status === 'planned' && Date.parse(session.scheduledAt) > Date.now();
  const firstStep = session.preparation.reduce<string | null>(
    (earliest, step) => (earliest === null || step.from < earliest ? step.from : earliest),
    null,
  );
  return (
    <Stack gap={4} component="li" data-testid="plan-session" data-session={session.id}>
      <Group gap="xs" wrap="wrap">
        <SessionWords session={session} />
        <Badge size="sm" variant="light" color={statusColor[session.status] ?? 'gray'}>
          {t(`selfService.status.${session.status}`)}
        </Badge>
      </Group>
      {ahead && session.locationName && (
        <Text size="xs" c="dimmed">
          {t('selfService.atLocation', { name: session.locationName })}
        </Text>
      )}
      {ahead && firstStep && (
        <details>
          <summary>
            <Text size="xs" component="span">
              {t('selfService.prepareFrom', { date: zonedDateTime(locale, firstStep, session.timeZone) })}
            </Text>
          </summary>
          <List size="xs" mt={4} aria-label={t('selfService.prepareSteps')}>
            {session.preparation.map((step) => (
              <List.Item key={step.code}>
                {step.text} ({t('portal.from', { date: zonedDateTime(locale, step.from, session.timeZone) })})
              </List.Item>
            ))}
          </List>
        </details>
      )}
      {ahead &&
        (session.changeable ? (
          <Group gap="xs">
            <Anchor
              component={Link}
              to={`/portal/sessions/${session.id}/move`}
              size="sm"
              aria-label={t('selfService.moveSession', { number: session.number })}
            >
              {t('selfService.move')}
            </Anchor>
            <CancelSessionButton session={session} noticeHours={noticeHours} onCancelled={onChanged} />
            <Text size="xs" c="dimmed">
              {t('selfService.changeUntil', { date: format.dateTime(session.changeableUntil) })}
            </Text>
          </Group>
        ) : (
          // Mantine's darkest orange is 4.3:1 on white, under AA for small text; the theme's darkened one is not.
          <Text size="xs" c="var(--mantine-color-orange-light-color)" data-testid="too-late">
            {t('selfService.tooLate', { hours: noticeHours })}
          </Text>
        ))}
    </Stack>
  );
}
