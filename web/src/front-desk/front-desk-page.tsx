import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../components/page-title';
import { ArrivalsView } from './arrivals-view';
import { PhoneSideEffectView } from './phone-side-effect-view';
import { WaitingListView } from './waiting-list-view';

const tabs = ['arrivals', 'waitingList', 'sideEffect'] as const;
type Tab = (typeof tabs)[number];

/**
 * The front desk: today's arrivals with check-in, the waiting list with the slots that opened, and
 * a side effect a patient phones in. The tab lives in the address, so a link can open one.
 */
export function FrontDeskPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = tabs.includes(asked as Tab) ? (asked as Tab) : 'arrivals';

  return (
    <>
      <PageTitle>{t('frontDesk.title')}</PageTitle>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'arrivals' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`frontDesk.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="arrivals">
          <ArrivalsView />
        </Tabs.Panel>
        <Tabs.Panel value="waitingList">
          <WaitingListView />
        </Tabs.Panel>
        <Tabs.Panel value="sideEffect">
          <PhoneSideEffectView />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
