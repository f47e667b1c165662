import { Alert, Badge, Button, Group, Paper, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { useSubmit } from '../../hooks/use-submit';
import { useFormat } from '../../i18n/use-format';
import type { ConsentVersion } from './publish-consent-form';

/** The versions of one procedure's consent text, in every language, newest first. */
function ProcedureVersions({
  procedure,
  versions,
  onDelete,
  deleting,
}: {
  procedure: string;
  versions: ConsentVersion[];
  onDelete: (version: ConsentVersion) => void;
  deleting: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const languageName = (code: string) => t(`consentTexts.languageNames.${code}`, { defaultValue: code });
  const headingId = `consent-${procedure}-heading`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb="sm">
        {procedure}
      </Title>
      <DataTable
        minWidth={640}
        data-testid={`consent-versions-${procedure}`}
        verticalSpacing="xs"
        columns={[
          t('consentTexts.versionColumn'),
          t('consentTexts.language'),
          t('users.status'),
          t('consentTexts.text'),
          t('users.actions'),
        ]}
      >
        {versions.map((v) => (
          <Table.Tr key={v.id} data-testid="consent-version">
            <Table.Td>
              <Text size="sm">{t('consentTexts.version', { version: v.version })}</Text>
              <Text size="xs" c="dimmed">
                {t('consentTexts.publishedOn', { date: format.dateTime(v.createdAt) })}
              </Text>
            </Table.Td>
            <Table.Td>{languageName(v.language)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Stack gap={2} align="flex-start">
                <Badge color={v.active ? 'teal' : 'gray'} variant="light">
                  {v.active ? t('consentTexts.current') : t('consentTexts.superseded')}
                </Badge>
                <Text size="xs">{t('consentTexts.signatures', { count: v.signatures })}</Text>
              </Stack>
            </Table.Td>
            <Table.Td maw={360}>
              <Spoiler maxHeight={44} showLabel={t('consentTexts.showText')} hideLabel={t('common.close')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {v.text}
                </Text>
              </Spoiler>
            </Table.Td>
            <Table.Td>
              {v.signatures === 0 ? (
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  disabled={deleting}
                  aria-label={t('consentTexts.deleteLabel', {
                    version: v.version,
                    procedure,
                    language: languageName(v.language),
                  })}
                  onClick={() => onDelete(v)}
                >
                  {t('consentTexts.delete')}
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('consentTexts.signedKept')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}

/**
 * Every version of every procedure's consent text with how many signed it. A version nobody signed
 * may be deleted (a mistaken publication); the server refuses the others.
 */
export function ConsentVersionList({ versions, onChange }: { versions: ConsentVersion[]; onChange: () => void }) {
  const { t } = useTranslation();
  const [deleted, setDeleted] = useState<number | null>(null);
  const { submit, pending, error } = useSubmit(async (version: ConsentVersion) => {
    await call(api.DELETE('/api/consent-text-versions/{id}', { params: { path: { id: version.id } } }));
    setDeleted(version.version);
    onChange();
  });
  const procedures = [...new Set(versions.map((v) => v.procedure))].sort();
  return (
    <Stack gap="sm">
      <Group>
        <Title order={2} size="h4">
          {t('consentTexts.versionsHeading')}
        </Title>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {deleted !== null && error === null && (
        <Alert color="teal" role="status">
          {t('consentTexts.deleted', { version: deleted })}
        </Alert>
      )}
      {procedures.map((procedure) => (
        <ProcedureVersions
          key={procedure}
          procedure={procedure}
          versions={versions.filter((v) => v.procedure === procedure)}
          onDelete={(version) => void submit(version)}
          deleting={pending}
        />
      ))}
    </Stack>
  );
}
