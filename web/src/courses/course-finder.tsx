import { Button, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { ErrorAlert } from '../components/error-alert';
import { ExplanationList, ProposalView, type CourseProposal, type ProposedCourse } from './proposal-view';

export interface FinderRequest {
  locationId: string;
  sessions: number;
  earliestStart?: string;
  practitionerId?: string;
}

interface Props {
  plan: Plan;
  staff: { id: string; displayName: string; role: string }[];
  locations: { id: string; name: string }[];
  finding: boolean;
  booking: boolean;
  proposal: CourseProposal | null;
  error: unknown;
  onFind: (request: FinderRequest) => void;
  onBook: (course: ProposedCourse, locationId: string) => void;
}

/** Asks the server's course finder for the earliest course that fits, and books the one chosen. */
export function CourseFinder({ plan, staff, locations, finding, booking, proposal, error, onFind, onBook }: Props) {
  const { t } = useTranslation();
  const [locationId, setLocationId] = useState<string | null>(locations[0]?.id ?? null);
  const [sessions, setSessions] = useState<number>(plan.sessions.min);
  const [earliestStart, setEarliestStart] = useState('');
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const staffName = (id: string) => staff.find((s) => s.id === id)?.displayName ?? id;

  const find = (event: FormEvent) => {
    event.preventDefault();
    if (!locationId) return;
    onFind({
      locationId,
      sessions,
      ...(earliestStart ? { earliestStart } : {}),
      ...(practitionerId ? { practitionerId } : {}),
    });
  };

  return (
    <Stack gap="md" maw={760}>
      <Paper withBorder p="md" component="form" onSubmit={find}>
        <Title order={2} size="h4" mb={4}>
          {t('course.finderTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('course.finderHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('course.location')}
            data={locations.map((l) => ({ value: l.id, label: l.name }))}
            value={locationId}
            onChange={setLocationId}
            allowDeselect={false}
            required
          />
          <NumberInput
            label={t('course.sessionsToBook')}
            min={1}
            max={plan.sessions.max}
            allowDecimal={false}
            value={sessions}
            onChange={(n) => setSessions(Number(n) || 1)}
          />
          <TextInput
            label={t('course.earliestStart')}
            type="date"
            value={earliestStart}
            onChange={(e) => setEarliestStart(e.currentTarget.value)}
          />
          <Select
            label={t('course.practitioner')}
            placeholder={t('course.anyPractitioner')}
            data={staff
              .filter((s) => s.role === 'practitioner' || s.role === 'admin')
              .map((s) => ({ value: s.id, label: s.displayName }))}
            value={practitionerId}
            onChange={setPractitionerId}
            clearable
          />
        </SimpleGrid>
        <Button type="submit" mt="md" loading={finding} disabled={!locationId}>
          {finding ? t('course.finding') : t('course.find')}
        </Button>
      </Paper>
      {error !== null && <ErrorAlert error={error} />}
      {proposal && (
        <Stack gap="sm" aria-live="polite">
          <Text size="sm">{t('course.timeZoneNote', { zone: proposal.timeZone })}</Text>
          {proposal.course && (
            <ProposalView
              title={t('course.proposal')}
              course={proposal.course}
              staffName={staffName}
              booking={booking}
              onBook={(c) => locationId && onBook(c, locationId)}
            />
          )}
          <ExplanationList proposal={proposal} />
          {(proposal.alternatives ?? []).map((alternative, i) => (
            <ProposalView
              key={i}
              title={`${t('course.alternatives')}: ${alternative.message}`}
              course={alternative.course}
              staffName={staffName}
              booking={booking}
              onBook={(c) => locationId && onBook(c, locationId)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
