import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import type { Opening } from './opening';
import { OpeningCandidates } from './opening-candidates';

/** The slots cancelled or moved sessions gave up, still free; one opened at a time shows who it suits. */
export function OpeningsPanel({ onBooked }: { onBooked: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const state = useLoad(async () => (await call(api.GET('/api/waiting-list/openings'))).openings, []);
  const when = (o: Opening) => ({ date: format.longDate(o.localDate), start: o.localStart, end: o.localEnd });

  return (
    <section aria-labelledby="openings-title">
      <Title order={2} size="h3" mb={4} id="openings-title">
        {t('frontDesk.openingsTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('frontDesk.openingsIntro')}
      </Text>
      <Loaded state={state}>
        {(openings) =>
          openings.length === 0 ? (
            <EmptyState size="sm" text={t('frontDesk.noOpenings')} />
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="openings">
              {openings.map((o) => (
                <Paper key={o.id} withBorder p="sm" component="li" data-testid="opening">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Group gap="xs">
                      <Text fw={600}>{t('frontDesk.openingLine', when(o))}</Text>
                      <Badge variant="light" color="gray">
                        {t(`frontDesk.openingReason.${o.reason}`)}
                      </Badge>
                    </Group>
                    <Button
                      size="xs"
                      variant={open === o.id ? 'filled' : 'light'}
                      onClick={() => setOpen(open === o.id ? null : o.id)}
                      aria-expanded={open === o.id}
                      aria-label={t('frontDesk.whoFitsFor', when(o))}
                    >
                      {t('frontDesk.whoFits')}
                    </Button>
                  </Group>
                  {open === o.id && (
                    <OpeningCandidates
                      opening={o}
                      onBooked={(message) => {
                        setOpen(null);
                        state.reload();
                        onBooked(message);
                      }}
                    />
                  )}
                </Paper>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </section>
  );
}
