import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';

type Change = Ok<'/api/patients/{id}/history', 'get'>['changes'][number];

/** The changes of one edit, in the order the server lists them (newest edit first). */
function byEdit(changes: readonly Change[]): Change[][] {
  const edits: Change[][] = [];
  for (const change of changes) {
    const last = edits.at(-1);
    if (last?.[0]?.editId === change.editId) last.push(change);
    else edits.push([change]);
  }
  return edits;
}

/** Every change of the patient's details: when, by whom, each field's old and new value. */
export function PatientHistory({ patientId, version }: { patientId: string; version: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const state = useLoad(
    async () => (await call(api.GET('/api/patients/{id}/history', { params: { path: { id: patientId } } }))).changes,
    [patientId, version],
  );
  const shown = (change: Change, value: string | null) => {
    if (value === null || value === '') return t('patientRecords.emptyValue');
    if (change.field === 'birthDate') return format.date(value);
    if (change.field === 'sex') return label('sex', value);
    if (change.field === 'preferredLanguage') return t(`common.languageNames.${value}`, { defaultValue: value });
    return value;
  };
  const line = (change: Change) =>
    change.field === 'active'
      ? change.newValue === 'true'
        ? t('patientRecords.historyActivated')
        : t('patientRecords.historyDeactivated')
      : t('patientRecords.historyChange', {
          field: t(`patientRecords.fields.${change.field}`),
          old: shown(change, change.oldValue),
          new: shown(change, change.newValue),
        });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="sm">
        {t('patientRecords.historyTitle')}
      </Title>
      <Loaded state={state}>
        {(changes) =>
          changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('patientRecords.historyEmpty')}
            </Text>
          ) : (
            <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="history">
              {byEdit(changes).map((edit) => (
                <li key={edit[0]?.editId}>
                  <Text size="xs" c="dimmed">
                    {t('patientRecords.historyEdit', {
                      date: format.dateTime(edit[0]?.changedAt ?? ''),
                      name: edit[0]?.changedBy?.displayName ?? t('patientRecords.historyUnknownUser'),
                    })}
                  </Text>
                  {edit.map((change) => (
                    <Text key={change.id} size="sm">
                      {line(change)}
                    </Text>
                  ))}
                </li>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  );
}
