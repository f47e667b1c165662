import { Button, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../api/api-types';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { fullName } from './full-name';
import { interpretQuery } from './search-query';

/** Finds the other record of the same person, as the patient search does; the record kept is not offered. */
export function MergeCandidateSearch({
  keptId,
  chosenId,
  onChoose,
}: {
  keptId: string;
  chosenId: string | null;
  onChoose: (patient: Patient) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const query = interpretQuery(debounced);
  const results = useLoad(
    async () =>
      query
        ? (
            await call(api.GET('/api/patients', { params: { query: { ...query, limit: 20, offset: 0 } } }))
          ).patients.filter((p) => p.id !== keptId)
        : null,
    [debounced, keptId],
  );
  return (
    <div>
      <TextInput
        label={t('patientRecords.mergeFind')}
        description={t('patientRecords.mergeFindHelp')}
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maw={480}
        mb="sm"
      />
      <div aria-live="polite">
        {query && (
          <Loaded state={results}>
            {(patients) =>
              !patients || patients.length === 0 ? (
                <Text size="sm">{t('patientRecords.mergeNoResults')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={480}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('patients.searchLabel')}</Table.Th>
                        <Table.Th>{t('patients.birthDate')}</Table.Th>
                        <Table.Th>{t('patients.phone')}</Table.Th>
                        <Table.Th>{t('patients.email')}</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>{t('patientRecords.mergeChoose')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {patients.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>
                            {p.lastName}, {p.firstName}
                          </Table.Td>
                          <Table.Td>{format.date(p.birthDate)}</Table.Td>
                          <Table.Td>{p.phone ?? '—'}</Table.Td>
                          <Table.Td>{p.email ?? '—'}</Table.Td>
                          <Table.Td>
                            <Button
                              size="xs"
                              variant={p.id === chosenId ? 'filled' : 'default'}
                              aria-pressed={p.id === chosenId}
                              aria-label={`${t('patientRecords.mergeChoose')}: ${fullName(p)}`}
                              onClick={() => onChoose(p)}
                            >
                              {p.id === chosenId ? t('patientRecords.mergeChosen') : t('patientRecords.mergeChoose')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </Loaded>
        )}
      </div>
    </div>
  );
}
