import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Precaution } from '../api/assessment-types';
import { useCodeLabel } from '../i18n/use-code-label';
import { FactCard } from './fact-card';

export function PrecautionList({ precautions }: { precautions: Precaution[] }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <section aria-labelledby="precautions-heading">
      <Title order={2} size="h4" id="precautions-heading" mb="xs">
        {t('assessment.precautions')}
      </Title>
      {precautions.length === 0 ? (
        <Text size="sm">{t('assessment.noPrecautions')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} data-testid="precautions">
          {precautions.map((precaution) => (
            <FactCard
              key={precaution.code}
              title={label('precaution', precaution.code, precaution.message)}
              sourced={precaution}
            >
              <Text size="sm" mt={4}>
                {precaution.message}
              </Text>
            </FactCard>
          ))}
        </Stack>
      )}
    </section>
  );
}
