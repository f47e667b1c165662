import { Anchor, Button, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { interpretQuery } from './search-query';
import { EmptyState } from '../components/empty-state';

/** Searches as the user types (after a pause). The query lives in the URL, so Back returns to the results. */
export function PatientSearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(text, 250);
  const query = interpretQuery(debounced);

  const results = useLoad(
    async () =>
      query
        ? (await call(api.GET('/api/patients', { params: { query: { ...query, limit: 50, offset: 0 } } }))).patients
        : null,
    [debounced],
  );

  return (
    <>
      <PageTitle
        actions={
          <Button component={Link} to="/patients/new">
            {t('nav.newPatient')}
          </Button>
        }
      >
        {t('patients.searchTitle')}
      </PageTitle>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextInput
          label={t('common.search')}
          description={t('patients.enterSearch')}
          placeholder={t('patients.searchPlaceholder')}
          type="search"
          value={text}
          onChange={(e) => setParams(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true })}
          maw={480}
          mb="md"
        />
      </form>
      <div aria-live="polite">
        {query && (
          <Loaded state={results}>
            {(patients) =>
              !patients || patients.length === 0 ? (
                <EmptyState
                  text={t('empty.patients')}
                  action={{ to: '/patients/new', label: t('empty.registerPatient') }}
                />
              ) : (
                <>
                  <Text size="sm" mb="xs">
                    {t('patients.results', { count: patients.length })}
                  </Text>
                  <Table.ScrollContainer minWidth={480}>
                    <Table striped highlightOnHover>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('patients.searchLabel')}</Table.Th>
                          <Table.Th>{t('patients.birthDate')}</Table.Th>
                          <Table.Th>{t('patients.sex')}</Table.Th>
                          <Table.Th>{t('patients.phone')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {patients.map((p) => (
                          <Table.Tr key={p.id}>
                            <Table.Td>
                              <Anchor component={Link} to={`/patients/${p.id}`}>
                                {p.lastName}, {p.firstName}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>{format.date(p.birthDate)}</Table.Td>
                            <Table.Td>{label('sex', p.sex)}</Table.Td>
                            <Table.Td>{p.phone ?? '—'}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </>
              )
            }
          </Loaded>
        )}
      </div>
    </>
  );
}
