import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { SourceRefs } from '../assessment/source-refs';
import { useFormat } from '../i18n/use-format';
import { forArea, preparationStart } from './timed-instructions';

const storageKey = (sessionId: string) => `mesodesk.preparation.${sessionId}`;

function readTicks(sessionId: string): string[] {
  try {
    return JSON.parse(window.localStorage.getItem(storageKey(sessionId)) ?? '[]') as string[];
  } catch {
    return [];
  }
}

/** What to do (or avoid) before the next session, each from when; ticks are kept on the device only. */
export function PreparationChecklist({
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
  const [ticks, setTicks] = useState<string[]>(() => readTicks(sessionId));
  useEffect(() => {
    try {
      window.localStorage.setItem(storageKey(sessionId), JSON.stringify(ticks));
    } catch {
      // Storage may be off (private browsing): the ticks then last as long as the page.
    }
  }, [sessionId, ticks]);

  const now = Date.now();
  const items = forArea(plan.preparation, plan.area);
  return (
    <Stack gap="xs" data-testid="preparation">
      <Text size="sm">{t('portal.preparationHelp')}</Text>
      {items.map((item) => {
        const from = preparationStart(item, sessionAt);
        return (
          <Group key={item.code} gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
            <Checkbox
              checked={ticks.includes(item.code)}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setTicks((list) => (checked ? [...list, item.code] : list.filter((c) => c !== item.code)));
              }}
              label={item.text}
              description={
                from.getTime() <= now
                  ? t('portal.fromNow')
                  : t('portal.from', { date: format.dateTime(from.toISOString()) })
              }
            />
            <SourceRefs sourced={item} what={item.text} />
          </Group>
        );
      })}
    </Stack>
  );
}
