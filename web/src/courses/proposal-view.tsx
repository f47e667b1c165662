import { Button, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../api/api-types';
import { useFormat } from '../i18n/use-format';

export type CourseProposal = Ok<'/api/courses/{id}/course-proposals', 'post'>;
export type ProposedCourse = NonNullable<CourseProposal['course']>;

interface Props {
  title: string;
  course: ProposedCourse;
  staffName: (id: string) => string;
  booking: boolean;
  onBook: (course: ProposedCourse) => void;
}

/** One proposed course: its sessions in the location's local time, and a button to book them all. */
export function ProposalView({ title, course, staffName, booking, onBook }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" data-testid="proposal">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <List type="ordered" size="sm" spacing={2}>
        {course.sessions.map((s) => (
          <List.Item key={s.number}>
            {t('course.proposalRow', {
              date: format.longDate(s.localDate),
              start: s.localStart,
              end: s.localEnd,
              practitioner: staffName(s.practitionerId),
            })}
          </List.Item>
        ))}
      </List>
      <Button mt="sm" loading={booking} onClick={() => onBook(course)}>
        {booking ? t('course.booking') : t('course.bookProposal', { count: course.sessions.length })}
      </Button>
    </Paper>
  );
}

export function ExplanationList({ proposal }: { proposal: CourseProposal }) {
  const { t } = useTranslation();
  if (proposal.status === 'found') return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('course.notFound')}
      </Text>
      <List size="sm">
        {(proposal.explanation ?? []).map((p, i) => (
          <List.Item key={`${p.code}-${i}`}>{p.message}</List.Item>
        ))}
      </List>
    </div>
  );
}
