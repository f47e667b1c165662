import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { catalogue } from '../knowledge/catalogue';
import type { IntakeDraft } from './intake-draft';
import { Section } from './section';

/** Free text with the knowledge base's ingredients suggested: the server matches names and aliases. */
export function AllergiesSection({ draft, onChange }: { draft: IntakeDraft; onChange: (patch: Partial<IntakeDraft>) => void }) {
  const { t } = useTranslation();
  const suggestions = [t('intake.unknownAllergen'), ...catalogue.ingredients.map((i) => i.name)];
  return (
    <Section legend={t('intake.allergies')} help={t('intake.allergiesHelp')}>
      <TagsInput label={t('intake.allergyInput')} placeholder={t('intake.allergyPlaceholder')} data={[...new Set(suggestions)]} value={draft.allergies} onChange={(allergies) => onChange({ allergies })} clearable />
    </Section>
  );
}
