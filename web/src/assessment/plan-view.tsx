import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { InstructionList } from './instruction-list';
import { PlanRow } from './plan-row';
import type { Messages } from '../i18n/en';

type PlanField = keyof Messages['assessment']['planFields'];

export function PlanView({ plan, deferred }: { plan: Plan; deferred: boolean }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const f = (key: PlanField) => t(`assessment.planFields.${key}`);
  const range = format.range;

  return (
    <section aria-labelledby="plan-heading" data-testid="plan">
      <Title order={2} size="h4" id="plan-heading" mb="xs">
        {t('assessment.plan')}: {label('indication', plan.indication)} · {label('area', plan.area)}
      </Title>
      {deferred && (
        <Text size="sm" mb="xs">
          {t('assessment.planAfterDefer')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Tbody>
            <PlanRow
              label={f('course')}
              value={t('assessment.planFields.courseValue', {
                sessions: range(plan.sessions),
                interval: range(plan.intervalDays),
              })}
              note={
                plan.protocol.generic
                  ? `${f('protocolGeneric')}. ${plan.protocol.note}`
                  : plan.protocol.note || undefined
              }
              sourced={plan}
            />
            {plan.laterIntervalDays && (
              <PlanRow
                label={f('laterInterval')}
                value={t('assessment.planFields.laterIntervalValue', { interval: range(plan.laterIntervalDays) })}
                note={plan.laterIntervalDays.note}
                sourced={plan.laterIntervalDays}
              />
            )}
            <PlanRow
              label={f('maintenance')}
              value={
                plan.maintenance.intervalMonths
                  ? t('assessment.planFields.maintenanceValue', { interval: range(plan.maintenance.intervalMonths) })
                  : '—'
              }
              note={plan.maintenance.note}
              sourced={plan.maintenance}
            />
            <PlanRow
              label={f('depth')}
              value={t('assessment.planFields.depthValue', { range: range(plan.depthMm) })}
              sourced={plan.depthMm}
            />
            <PlanRow
              label={f('mixture')}
              value={
                <>
                  {plan.mixture.name}: {format.list(plan.mixture.ingredients.map((i) => i.name))}
                  {plan.mixture.excluded.length > 0 && (
                    <Text span size="sm" fw={600} display="block">
                      {t('assessment.planFields.excluded', {
                        names: format.list(plan.mixture.excluded.map((i) => i.name)),
                      })}
                    </Text>
                  )}
                </>
              }
              note={plan.mixture.note}
              sourced={plan.mixture}
            />
            <PlanRow
              label={f('anaesthesia')}
              value={
                plan.anaesthesia.creamOffered
                  ? t('assessment.planFields.anaesthesiaOffered', {
                      agent: plan.anaesthesia.agent,
                      range: range(plan.anaesthesia.leadMinutes),
                    })
                  : t('assessment.planFields.anaesthesiaNotOffered')
              }
              note={plan.anaesthesia.note}
              sourced={plan.anaesthesia}
            />
            <PlanRow
              label={f('duration')}
              value={t('assessment.planFields.durationValue', { range: range(plan.durationMinutes) })}
              sourced={plan.durationMinutes}
            />
            <PlanRow
              label={f('results')}
              value={t('assessment.planFields.resultsValue', { range: range(plan.resultsExpected.afterSession) })}
              note={plan.resultsExpected.note}
              sourced={plan.resultsExpected}
            />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <InstructionList
        id="plan-preparation"
        title={f('preparation')}
        items={plan.preparation.map((p) => ({
          ...p,
          key: p.code,
          when: t('assessment.planFields.hoursBefore', { range: range(p.hours) }),
        }))}
      />
      <InstructionList
        id="plan-aftercare"
        title={f('aftercare')}
        items={plan.aftercare.map((a) => ({
          ...a,
          key: a.code,
          when: t('assessment.planFields.hoursAfter', { range: range(a.hours) }),
        }))}
      />
      <InstructionList
        id="plan-effects"
        title={f('expectedEffects')}
        items={plan.expectedSideEffects.map((e) => ({
          ...e,
          key: e.code,
          when: t('assessment.planFields.usualHours', { range: range(e.usualHours) }),
        }))}
      />
    </section>
  );
}
