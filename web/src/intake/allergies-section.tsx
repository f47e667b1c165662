import { Checkbox, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { catalogue } from '../knowledge/catalogue';
import type { IntakeDraft } from './intake-draft';
import { Section } from './section';
import { foldSubstance as fold, meantAllergen, shownAllergen, UNKNOWN_ALLERGEN } from './unknown-allergen';

const knownIngredients = new Set(catalogue.ingredients.flatMap((i) => [fold(i.id), fold(i.name)]));

/**
 * Free text with the knowledge base's ingredients suggested: the server matches names and aliases.
 * A substance that is not one of the suggestions can be marked reviewed by a clinician; the server
 * ignores the mark for a substance it does recognise (an alias), so offering it there is harmless.
 */
export function AllergiesSection({
  draft,
  onChange,
  reviewable = true,
}: {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
  /** Whether a clinician fills it in, who may mark a substance mesodesk does not know reviewed. */
  reviewable?: boolean;
}) {
  const { t } = useTranslation();
  // The draft keeps the contract's "unknown"; the field shows and takes the reader's word for it.
  const unknownAllergen = t('intake.unknownAllergen');
  const suggestions = [unknownAllergen, ...catalogue.ingredients.map((i) => i.name)];
  const unlisted = draft.allergies.filter((a) => a !== UNKNOWN_ALLERGEN && !knownIngredients.has(fold(a)));
  const setAllergies = (tags: string[]) => {
    const allergies = [...new Set(tags.map((tag) => meantAllergen(tag, unknownAllergen)))];
    onChange({ allergies, reviewedAllergies: draft.reviewedAllergies.filter((a) => allergies.includes(a)) });
  };
  return (
    <Section legend={t('intake.allergies')} help={t('intake.allergiesHelp')}>
      <TagsInput
        label={t('intake.allergyInput')}
        placeholder={t('intake.allergyPlaceholder')}
        data={[...new Set(suggestions)]}
        value={draft.allergies.map((a) => shownAllergen(a, unknownAllergen))}
        onChange={setAllergies}
        clearable
      />
      {reviewable && unlisted.length > 0 && (
        <Checkbox.Group
          mt="sm"
          label={t('intake.reviewedAllergies')}
          description={t('intake.reviewedAllergiesHelp')}
          value={draft.reviewedAllergies.filter((a) => unlisted.includes(a))}
          onChange={(reviewedAllergies) => onChange({ reviewedAllergies })}
        >
          <Stack gap={4} mt={4}>
            {unlisted.map((substance) => (
              <Checkbox key={substance} value={substance} label={substance} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </Section>
  );
}
