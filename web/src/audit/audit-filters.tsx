import { Badge, CloseButton, Group, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PatientPicker } from '../admin/messages/patient-picker';
import { useCodeLabel } from '../i18n/use-code-label';

export const actions = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof actions)[number];

/** What the admin filters the log by: record type, action, patient (found by name), user, days, refusals. */
export interface AuditFilterValues {
  entity: string;
  action: Action | null;
  patientId: string | null;
  userId: string;
  /** Local calendar dates, both included; empty for no bound. */
  fromDate: string;
  toDate: string;
  refused: boolean;
}

export function AuditFilters({
  value,
  users,
  onChange,
}: {
  value: AuditFilterValues;
  /** The clinic's users, by id, for the user filter (undefined while they load). */
  users: ReadonlyMap<string, string> | undefined;
  onChange: (patch: Partial<AuditFilterValues>) => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const userOptions = [...(users ?? [])].map(([id, name]) => ({ value: id, label: name }));
  const knownUser = value.userId === '' || !users || users.has(value.userId);
  return (
    <Group mb="md" align="flex-end" wrap="wrap" data-testid="audit-filters">
      <PatientPicker value={value.patientId} onChange={(patientId) => onChange({ patientId })} />
      <Select
        label={t('records.auditUser')}
        placeholder={t('records.auditAnyUser')}
        data={userOptions}
        value={knownUser ? value.userId || null : null}
        onChange={(userId) => onChange({ userId: userId ?? '' })}
        searchable
        clearable
        w={{ base: '100%', sm: 240 }}
      />
      {!knownUser && (
        // A user named by the denied-attempts view who is no longer an account of the clinic.
        <Badge
          size="lg"
          variant="light"
          mb={6}
          rightSection={
            <CloseButton size="xs" aria-label={t('records.auditAnyUser')} onClick={() => onChange({ userId: '' })} />
          }
        >
          {value.userId}
        </Badge>
      )}
      <TextInput
        type="date"
        label={t('records.auditFromDate')}
        value={value.fromDate}
        onChange={(e) => onChange({ fromDate: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('records.auditToDate')}
        value={value.toDate}
        min={value.fromDate || undefined}
        onChange={(e) => onChange({ toDate: e.currentTarget.value })}
      />
      <Select
        label={t('records.auditAction')}
        placeholder={t('records.auditAny')}
        data={actions.map((a) => ({ value: a, label: label('auditAction', a) }))}
        value={value.action}
        onChange={(v) => onChange({ action: v as Action | null })}
        clearable
        w={160}
      />
      <TextInput
        label={t('records.auditEntity')}
        placeholder="patient"
        value={value.entity}
        onChange={(e) => onChange({ entity: e.currentTarget.value })}
        w={160}
      />
      <Switch
        label={t('records.auditRefusedOnly')}
        checked={value.refused}
        onChange={(e) => onChange({ refused: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
