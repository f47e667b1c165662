import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { SignalCard } from './signal-card';

type Filter = 'active' | 'closed';

/**
 * The clinic's safety signals (docs/safety-signals.md): open and acknowledged ones first, each with
 * the patients to contact and the lots to quarantine; admins acknowledge and close them.
 */
export function SafetySignalsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('active');
  const [notice, setNotice] = useState('');
  const state = useLoad(
    async () =>
      (await call(api.GET('/api/safety-signals', { params: { query: { status: filter, limit: 50, offset: 0 } } })))
        .signals,
    [filter],
  );

  return (
    <>
      <PageTitle>{t('safetySignals.title')}</PageTitle>
      <Text size="sm" mb="sm" maw={820}>
        {t('safetySignals.intro')}
      </Text>
      <SegmentedControl
        mb="md"
        aria-label={t('safetySignals.filter')}
        value={filter}
        onChange={(value) => {
          setNotice('');
          setFilter(value as Filter);
        }}
        data={[
          { value: 'active', label: t('safetySignals.active') },
          { value: 'closed', label: t('safetySignals.closed') },
        ]}
      />
      <Text role="status" size="sm" mb={notice ? 'sm' : 0} c="teal.9">
        {notice}
      </Text>
      <Loaded state={state}>
        {(signals) =>
          signals.length === 0 ? (
            <EmptyState
              text={filter === 'active' ? t('safetySignals.empty') : t('safetySignals.emptyClosed')}
              action={{ to: '/side-effects', label: t('safetySignals.sideEffectsLink') }}
            />
          ) : (
            <Stack gap="md" data-testid="safety-signal-list">
              {signals.map((signal) => (
                <SignalCard
                  key={signal.id}
                  signal={signal}
                  onChanged={(action) => {
                    setNotice(
                      action === 'acknowledge' ? t('safetySignals.acknowledgedDone') : t('safetySignals.closedDone'),
                    );
                    state.reload();
                  }}
                />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </>
  );
}
