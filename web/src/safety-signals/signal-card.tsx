import { Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/auth-context';
import { useFormat } from '../i18n/use-format';
import { PatientContactCells } from '../patients/patient-contact-cells';
import { SignalActions } from './signal-actions';
import { formatP, signalTitle, statusColor, type SafetySignal } from './signal-types';

/** One signal: what rose where, the figures, the lots to hold, the patients to call, and (for admins) the actions. */
export function SignalCard({
  signal,
  onChanged,
}: {
  signal: SafetySignal;
  onChanged: (action: 'acknowledge' | 'close') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const headingId = useId();
  const title = signalTitle(t, format, signal);
  const span = signal.window;
  const dates = { from: format.date(span.from), to: format.date(span.to) };
  const step = (line: string, note: string | null) => (note ? `${line} · ${t('safetySignals.note', { note })}` : line);

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="safety-signal">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Badge color={statusColor[signal.status]} style={{ flexShrink: 0 }}>
            {t(`safetySignals.status.${signal.status}`)}
          </Badge>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
        </Group>
        <Text size="sm">
          {span.week ? t('safetySignals.week', { week: span.week, ...dates }) : t('safetySignals.window', dates)}
        </Text>
        <Text size="sm">
          {signal.kind === 'rate'
            ? t('safetySignals.rateFigures', {
                observed: signal.observed,
                exposure: signal.exposure,
                expected: format.number(signal.expected ?? 0, { maximumFractionDigits: 1 }),
                p: formatP(format, signal.pValue ?? 1),
              })
            : t('safetySignals.clusterFigures', { observed: signal.observed, exposure: signal.exposure })}
        </Text>
        <Stack gap={2} data-testid="signal-history">
          {[
            t('safetySignals.raised', { date: format.dateTime(signal.raisedAt) }),
            signal.acknowledgedBy &&
              signal.acknowledgedAt &&
              step(
                t('safetySignals.acknowledgedBy', {
                  name: signal.acknowledgedBy.name,
                  date: format.dateTime(signal.acknowledgedAt),
                }),
                signal.acknowledgedNote,
              ),
            signal.closedBy &&
              signal.closedAt &&
              step(
                t('safetySignals.closedBy', { name: signal.closedBy.name, date: format.dateTime(signal.closedAt) }),
                signal.closedNote,
              ),
          ]
            .filter((line): line is string => Boolean(line))
            .map((line) => (
              <Text key={line} size="xs" c="dimmed">
                {line}
              </Text>
            ))}
        </Stack>

        <Title order={3} size="h5">
          {t('safetySignals.lotsHeading', { count: signal.lots.length })}
        </Title>
        {signal.lots.length === 0 ? (
          <Text size="sm">{t('safetySignals.noLots')}</Text>
        ) : (
          <List size="sm" data-testid="signal-lots">
            {signal.lots.map((lot) => (
              <List.Item key={lot.lotId}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {t('safetySignals.lotLine', { product: lot.productName, lot: lot.lotNumber })}
                  </Text>
                  {lot.recalled && <Badge color="red">{t('safetySignals.recalled')}</Badge>}
                  <Anchor component={Link} to={`/recall?lot=${lot.lotId}`} size="sm">
                    {t('safetySignals.openRecall', { lot: lot.lotNumber })}
                  </Anchor>
                </Group>
              </List.Item>
            ))}
          </List>
        )}

        <Title order={3} size="h5">
          {t('safetySignals.patientsHeading', { count: signal.patients.length })}
        </Title>
        <Text size="xs" c="dimmed">
          {t('safetySignals.patientsHelp')}
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="signal-patients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('safetySignals.patient')}</Table.Th>
                <Table.Th>{t('safetySignals.phone')}</Table.Th>
                <Table.Th>{t('safetySignals.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {signal.patients.map((p) => (
                <Table.Tr key={p.patientId}>
                  <PatientContactCells patient={p} none={t('safetySignals.noValue')} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        {user.role === 'admin' && signal.status !== 'closed' && (
          <SignalActions signal={signal} title={title} onDone={onChanged} />
        )}
      </Stack>
    </Paper>
  );
}
