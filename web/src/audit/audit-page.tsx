import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../components/page-title';
import { AuditLogView, type AuditLogFilters } from './audit-log-view';
import { DeniedAttemptsView } from './denied-attempts-view';

/**
 * The audit page for admins: the log, and denied attempts per user. The view and the log's user and
 * refusal filters live in the address (`?view=denied` is where the alert message links to).
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'denied' ? 'denied' : 'log';
  const showLog = ({ userId, refused }: AuditLogFilters) =>
    setParams({ ...(userId ? { userId } : {}), ...(refused ? { refused: 'true' } : {}) });

  return (
    <>
      <PageTitle>{t('records.auditTitle')}</PageTitle>
      <Tabs
        value={view}
        onChange={(v) => (v === 'denied' ? setParams({ view: 'denied' }) : showLog({ userId: '', refused: false }))}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="log">{t('records.auditLogTab')}</Tabs.Tab>
          <Tabs.Tab value="denied">{t('records.auditDeniedTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log">
          <AuditLogView
            userId={params.get('userId') ?? ''}
            refused={params.get('refused') === 'true'}
            onChange={showLog}
          />
        </Tabs.Panel>
        <Tabs.Panel value="denied">
          <DeniedAttemptsView onShowUser={(userId) => showLog({ userId, refused: true })} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
