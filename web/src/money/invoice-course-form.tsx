import { NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { useUser } from '../auth/auth-context';
import { isClinical } from '../auth/roles';
import { Loaded } from '../components/loaded';
import { ModalForm } from '../components/modal-form';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { loadCourseChoices } from './course-choices';
import { moneyApi, type Invoice } from './money-api';

/**
 * An invoice for a course without a quote: the server prices it from the price list and takes off
 * deposits already invoiced for the course.
 */
export function InvoiceCourseForm({
  patientId,
  onIssued,
  onClose,
}: {
  patientId: string;
  onIssued: (invoice: Invoice) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const label = useCodeLabel();
  const format = useFormat();
  const courses = useLoad(() => loadCourseChoices(patientId, isClinical(user.role)), [patientId]);
  const [courseId, setCourseId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const { submit, pending, error } = useSubmit(async () => {
    const invoice = await moneyApi.createInvoice({
      patientId,
      kind: 'invoice',
      ...(courseId ? { courseId } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
    onIssued(invoice);
  });
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  return (
    <Loaded state={courses}>
      {(choices) => (
        <ModalForm
          done={null}
          onSubmit={() => void submit()}
          onClose={onClose}
          error={error}
          pending={pending}
          submitLabel={t('money.issueInvoice')}
          submitDisabled={choices.length === 0}
        >
          <Text size="sm">{t('money.invoiceCourseHelp')}</Text>
          {choices.length === 0 ? (
            <Text size="sm">{t('money.noCourses')}</Text>
          ) : (
            <NativeSelect
              label={t('money.course')}
              withAsterisk
              value={courseId}
              onChange={(e) => setCourseId(e.currentTarget.value)}
              data={[
                { value: '', label: t('money.choose') },
                ...choices.map((c) => ({
                  value: c.id,
                  label: c.indication
                    ? `${label('indication', c.indication)} · ${t('common.sessions', { count: c.sessions })}`
                    : t('money.courseChoiceFrom', {
                        date: c.firstSessionAt ? format.date(c.firstSessionAt) : '—',
                        sessions: t('common.sessions', { count: c.sessions }),
                      }),
                })),
              ]}
              error={problem('courseId')}
              data-autofocus
            />
          )}
          <TextInput
            type="date"
            label={t('money.dueDate')}
            description={t('money.dueDateHelp')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={problem('dueDate')}
          />
        </ModalForm>
      )}
    </Loaded>
  );
}
