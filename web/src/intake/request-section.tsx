import { Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import { useCatalogue } from '../knowledge/catalogue';
import { combinableProcedures, type IntakeDraft } from './intake-draft';
import { Section } from './section';

interface Props {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
  problem: (field: string) => string | undefined;
}

/** What and where to treat. The indication's own areas come first; others are allowed, with a precaution. */
export function RequestSection({ draft, onChange, problem }: Props) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const catalogue = useCatalogue();
  const indicationById = (id: string) => catalogue.indications.find((i) => i.id === id);
  const indication = indicationById(draft.indication);
  const described = new Set(indication?.areas ?? []);
  const areaOption = (id: string, name: string) => ({ value: id, label: label('area', id, name) });
  const areaData = indication
    ? [
        {
          group: label('indication', indication.id, indication.name),
          items: indication.areas.map((id) => areaOption(id, catalogue.areas.find((a) => a.id === id)?.name ?? id)),
        },
        {
          group: t('intake.areaOther'),
          items: catalogue.areas.filter((a) => !described.has(a.id)).map((a) => areaOption(a.id, a.name)),
        },
      ]
    : catalogue.areas.map((a) => areaOption(a.id, a.name));

  return (
    <Section legend={t('intake.request')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('intake.indication')}
          required
          searchable
          data={catalogue.indications.map((i) => ({ value: i.id, label: label('indication', i.id, i.name) }))}
          value={draft.indication || null}
          onChange={(value) => {
            const next = indicationById(value ?? '');
            // Keep the area if it suits the new indication; otherwise offer its first one.
            const area = next && !next.areas.includes(draft.area) ? (next.areas[0] ?? '') : draft.area;
            onChange({ indication: value ?? '', area });
          }}
          error={problem('request.indication')}
        />
        <Select
          label={t('intake.area')}
          required
          searchable
          data={areaData}
          value={draft.area || null}
          onChange={(value) => onChange({ area: value ?? '' })}
          error={problem('request.area')}
        />
        <TextInput
          label={t('intake.date')}
          type="date"
          required
          value={draft.date}
          onChange={(e) => onChange({ date: e.currentTarget.value })}
          error={problem('request.date')}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('intake.combineWith')}
        mt="md"
        value={draft.combineWith}
        onChange={(combineWith) => onChange({ combineWith })}
      >
        <Group gap="md" mt={4}>
          {combinableProcedures.map((code) => (
            <Checkbox key={code} value={code} label={label('procedure', code)} />
          ))}
        </Group>
      </Checkbox.Group>
    </Section>
  );
}
