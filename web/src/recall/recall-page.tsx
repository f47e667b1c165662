import { Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';
import { PatientContactCells } from '../patients/patient-contact-cells';
import { EmptyState } from '../components/empty-state';

/** Who received a lot: pick it from the catalogue, see each patient with contact details and sessions. */
export function RecallPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const lotId = params.get('lot');
  const catalogue = useLoad(async () => (await call(api.GET('/api/products'))).products, []);
  const recipients = useLoad(
    async () => (lotId ? call(api.GET('/api/lots/{id}/recall', { params: { path: { id: lotId } } })) : null),
    [lotId],
  );
  const [confirming, setConfirming] = useState(false);
  const recall = useSubmit(async (id: string) => call(api.POST('/api/lots/{id}/recall', { params: { path: { id } } })));

  return (
    <>
      <PageTitle>{t('records.recallTitle')}</PageTitle>
      <Text size="sm" mb="md">
        {t('records.recallIntro')}
      </Text>
      <Loaded state={catalogue}>
        {(products) => (
          <Select
            label={t('records.recallLot')}
            searchable
            maw={480}
            mb="md"
            data={products.map((p) => ({
              group: p.name,
              items: p.lots.map((l) => ({
                value: l.id,
                label: `${t('records.recallLotOption', { product: p.name, lot: l.lotNumber })}${l.recalled ? ` (${t('records.recalledBadge')})` : ''}`,
              })),
            }))}
            value={lotId}
            onChange={(id) => {
              setConfirming(false);
              setParams(id ? { lot: id } : {});
            }}
          />
        )}
      </Loaded>
      {!lotId ? (
        <Text size="sm">{t('records.chooseLot')}</Text>
      ) : (
        <Loaded state={recipients}>
          {(result) =>
            result && (
              <Stack gap="md" data-testid="recall-result">
                <Group gap="xs">
                  <Text fw={600}>
                    {result.product.name} · {result.lot.lotNumber}
                  </Text>
                  {result.lot.recalled && <Badge color="red">{t('records.recalledBadge')}</Badge>}
                </Group>
                {user.role === 'admin' && !result.lot.recalled && (
                  <Paper withBorder p="sm">
                    {confirming ? (
                      <Group>
                        <Text size="sm">{t('records.recallConfirm', { lot: result.lot.lotNumber })}</Text>
                        <Button
                          color="red"
                          loading={recall.pending}
                          onClick={async () => (await recall.submit(result.lot.id)) && recipients.reload()}
                        >
                          {t('records.recallAction')}
                        </Button>
                        <Button variant="default" onClick={() => setConfirming(false)}>
                          {t('common.cancel')}
                        </Button>
                      </Group>
                    ) : (
                      <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                        {t('records.recallAction')}
                      </Button>
                    )}
                    {recall.error !== null && <ErrorAlert error={recall.error} />}
                  </Paper>
                )}
                {result.patients.length === 0 ? (
                  <EmptyState text={t('empty.recall')} action={{ to: '/today', label: t('empty.openSchedule') }} />
                ) : (
                  <>
                    <Text size="sm">{t('records.recallPatients', { count: result.patients.length })}</Text>
                    <Table.ScrollContainer minWidth={560}>
                      <Table striped>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('schedule.patient')}</Table.Th>
                            <Table.Th>{t('patients.phone')}</Table.Th>
                            <Table.Th>{t('patients.email')}</Table.Th>
                            <Table.Th>{t('records.recallSessions')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {result.patients.map((p) => (
                            <Table.Tr key={p.patientId}>
                              <PatientContactCells patient={p} none="—" />
                              <Table.Td>{format.list(p.sessions.map((s) => format.dateTime(s.scheduledAt)))}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </>
                )}
              </Stack>
            )
          }
        </Loaded>
      )}
    </>
  );
}
