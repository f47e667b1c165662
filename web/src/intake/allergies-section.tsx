import { Checkbox, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../knowledge/catalogue';
import { allergenSuggestions, ingredientNamed, meantSubstances, shownSubstance } from './allergen-names';
import type { IntakeDraft } from './intake-draft';
import { Section } from './section';
import { UNKNOWN_ALLERGEN } from './unknown-allergen';

/**
 * Free text with the knowledge base's ingredients suggested in the reader's language (kept in the
 * draft by their English names, allergen-names.ts): the server matches names and aliases.
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
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  // The draft keeps the contract's "unknown"; the field shows and takes the reader's word for it.
  const reader = { unknown: t('intake.unknownAllergen'), catalogue, language: i18n.resolvedLanguage };
  const unlisted = draft.allergies.filter((a) => a !== UNKNOWN_ALLERGEN && !ingredientNamed(a));
  const setAllergies = (tags: string[]) => {
    const allergies = meantSubstances(tags, draft.allergies, reader);
    onChange({ allergies, reviewedAllergies: draft.reviewedAllergies.filter((a) => allergies.includes(a)) });
  };
  return (
    <Section legend={t('intake.allergies')} help={t('intake.allergiesHelp')}>
      <TagsInput
        label={t('intake.allergyInput')}
        placeholder={t('intake.allergyPlaceholder')}
        data={allergenSuggestions(reader)}
        value={draft.allergies.map((a) => shownSubstance(a, reader))}
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
