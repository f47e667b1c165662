import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { SourceRefs } from '../assessment/source-refs';
import { documentLinks } from '../documents/document-links';
import { useFormat } from '../i18n/use-format';
import { aftercareEnd, forArea } from './timed-instructions';

/** The clock, once a minute: enough for a countdown in hours. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** After a session: what not to do, until when, and how long is left; done items drop off. */
export function AftercareCountdown({
  plan,
  sessionId,
  sessionAt,
}: {
  plan: Plan;
  sessionId: string;
  sessionAt: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const running = forArea(plan.aftercare, plan.area)
    .map((item) => ({ item, until: aftercareEnd(item, sessionAt) }))
    .filter(({ until }) => until.getTime() > now)
    .sort((a, b) => a.until.getTime() - b.until.getTime());

  return (
    <div data-testid="aftercare">
      <Text size="sm" mb="xs">
        {t('portal.aftercareSession', { date: format.dateTime(sessionAt) })}
      </Text>
      {running.length === 0 ? (
        <Text size="sm">{t('portal.aftercareOver')}</Text>
      ) : (
        <List spacing="xs" size="sm">
          {running.map(({ item, until }) => (
            <List.Item key={item.code}>
              <Group gap="xs" wrap="wrap" justify="space-between">
                <Text size="sm">
                  {item.text}{' '}
                  <Text span size="sm" fw={600}>
                    {t('portal.aftercareUntil', { date: format.dateTime(until.toISOString()) })}
                  </Text>
                </Text>
                <Group gap="xs">
                  <Badge variant="light" color="cyan">
                    {t('portal.aftercareLeft', { left: format.duration(until.getTime() - now) })}
                  </Badge>
                  <SourceRefs sourced={item} what={item.text} />
                </Group>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor href={documentLinks.aftercarePdf(sessionId)} download size="sm" mt="sm" display="inline-block">
        {t('portal.downloadSheet')}
      </Anchor>
    </div>
  );
}
