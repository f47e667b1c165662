import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TreatmentSession } from '../api/api-types';
import { documentLinks } from '../documents/document-links';
import { SessionFlagBadge } from '../flags/session-flag-badge';
import { useFormat } from '../i18n/use-format';
import { SessionStatusBadge } from './session-status-badge';

/** A course's sessions in order, with the re-screening flag and (for clinicians) the charting link. */
export function SessionList({ sessions, canChart }: { sessions: TreatmentSession[]; canChart: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (sessions.length === 0) return <Text size="sm">{t('course.noSessions')}</Text>;
  return (
    <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {sessions.map((session, index) => (
        <Group key={session.id} component="li" gap="xs" wrap="wrap" data-testid="session-row">
          <Text size="sm" w={90}>
            {t('course.session', { n: index + 1 })}
          </Text>
          <Text size="sm" miw={170}>
            {format.dateTime(session.scheduledAt)}
          </Text>
          <SessionStatusBadge status={session.status} />
          {session.flag && <SessionFlagBadge flag={session.flag} />}
          {canChart && session.status === 'planned' && (
            <Anchor component={Link} to={`/sessions/${session.id}/chart`} size="sm">
              {t('course.chartSession')}
            </Anchor>
          )}
          {canChart && session.status === 'done' && (
            <Anchor component={Link} to={`/sessions/${session.id}/chart`} size="sm">
              {t('course.viewChart')}
            </Anchor>
          )}
          {session.status === 'done' && (
            <Anchor href={documentLinks.aftercarePdf(session.id)} download size="sm">
              {t('course.aftercarePdf')}
            </Anchor>
          )}
        </Group>
      ))}
    </Stack>
  );
}
