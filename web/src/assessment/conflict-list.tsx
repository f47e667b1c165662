import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictReport } from '../api/assessment-types';
import { parseCitation } from '../knowledge/citations';
import { FactCard } from './fact-card';

/** Disagreements between sources, said plainly: who says what, and which reading was applied. */
export function ConflictList({ conflicts }: { conflicts: ConflictReport[] }) {
  const { t, i18n } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <section aria-labelledby="conflicts-heading">
      <Title order={2} size="h4" id="conflicts-heading" mb="xs">
        {t('assessment.conflicts')}
      </Title>
      <Alert color="grape" variant="light" mb="xs">
        {t('assessment.conflictsIntro')}
      </Alert>
      <Stack gap="xs" component="ul" p={0} m={0} data-testid="conflicts">
        {conflicts.map((conflict) => (
          <FactCard key={conflict.id} title={conflict.topic} sourced={conflict}>
            <List size="sm" mt={4} spacing={4}>
              {conflict.statements.map((statement, i) => {
                const place = parseCitation(statement.citation, i18n.resolvedLanguage);
                const where = [
                  place.number !== null ? `[${place.number}]` : place.file,
                  place.line !== null ? t('assessment.sources.line', { line: place.line }) : null,
                ]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <List.Item key={`${statement.citation}:${i}`}>
                    <Text span size="sm" fw={500} title={place.title ?? undefined}>
                      {where}:
                    </Text>{' '}
                    {statement.says}
                  </List.Item>
                );
              })}
            </List>
            <Text size="sm" mt={6} fw={600}>
              {t('assessment.conflictApplied', { text: conflict.applied })}
            </Text>
          </FactCard>
        ))}
      </Stack>
    </section>
  );
}
