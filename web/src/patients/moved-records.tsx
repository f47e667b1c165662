import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a merge moved, table by table, in words ("2 intakes"). */
export function MovedRecords({ moved }: { moved: Record<string, string[]> }) {
  const { t } = useTranslation();
  const tables = Object.entries(moved).filter(([, ids]) => ids.length > 0);
  return (
    <List size="sm" spacing={2} data-testid="moved">
      {tables.map(([table, ids]) => (
        <List.Item key={table}>
          {t('patientRecords.movedCount', {
            count: ids.length,
            what: t(`patientRecords.movedTables.${table}`, { defaultValue: table.replace(/_/g, ' ') }),
          })}
        </List.Item>
      ))}
    </List>
  );
}
