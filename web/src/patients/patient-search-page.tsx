import { Anchor, Badge, Button, Checkbox, Table, Text, TextInput } from '@mantine/core';
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
  const includeInactive = params.get('inactive') === '1';
  const [debounced] = useDebouncedValue(text, 250);
  const query = interpretQuery(debounced);
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const results = useLoad(
    async () =>
      query
        ? (
            await call(
              api.GET('/api/patients', {
                params: {
                  query: { ...query, ...(includeInactive ? { includeInactive: 'true' } : {}), limit: 50, offset: 0 },
                },
              }),
            )
          ).patients
        : null,
    [debounced, includeInactive],
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
          onChange={(e) => setParam('q', e.currentTarget.value)}
          maw={480}
          mb="xs"
        />
        <Checkbox
          label={t('patientRecords.showInactive')}
          checked={includeInactive}
          onChange={(e) => setParam('inactive', e.currentTarget.checked ? '1' : '')}
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
                              {!p.active && (
                                <Badge ml="xs" color="gray" variant="light">
                                  {t('patientRecords.inactiveBadge')}
                                </Badge>
                              )}
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
