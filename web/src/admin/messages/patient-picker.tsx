import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useLoad } from '../../hooks/use-load';

/** Finds a patient of the clinic by name as the user types, and gives back the one chosen. */
export function PatientPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useLoad(
    async () =>
      debounced.length >= 2
        ? (await call(api.GET('/api/patients', { params: { query: { name: debounced, limit: 20, offset: 0 } } })))
            .patients
        : [],
    [debounced],
  );
  const options = (found.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.lastName}, ${p.firstName} (${p.birthDate})`,
  }));

  return (
    <Select
      label={t('messageTemplates.patient')}
      placeholder={t('messageTemplates.patientPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      // The server already searched: keep its answer as it is.
      filter={({ options: all }) => all}
      value={value}
      onChange={onChange}
      nothingFoundMessage={
        debounced.length >= 2 && found.status === 'ready' ? t('messageTemplates.noPatients') : undefined
      }
      clearable
      w={{ base: '100%', sm: 380 }}
    />
  );
}
