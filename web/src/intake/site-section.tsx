import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntakeDraft } from './intake-draft';
import { Section } from './section';

export function SiteSection({
  draft,
  onChange,
}: {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Section legend={t('intake.site')}>
      <Stack gap="xs">
        <Checkbox
          label={t('intake.inflammation')}
          checked={draft.inflammation}
          onChange={(e) => onChange({ inflammation: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('intake.skinDamage')}
          checked={draft.skinDamage}
          onChange={(e) => onChange({ skinDamage: e.currentTarget.checked })}
        />
      </Stack>
    </Section>
  );
}
