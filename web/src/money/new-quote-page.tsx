import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { useUser } from '../auth/auth-context';
import { isClinical } from '../auth/roles';
import { EmptyState } from '../components/empty-state';
import { FormActions } from '../components/form-actions';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { useCatalogue } from '../knowledge/catalogue';
import { fullName } from '../patients/full-name';
import { loadCourseChoices, type CourseChoice } from './course-choices';
import { linesToSend, suggestedLines, type LineDraft } from './line-drafts';
import { LinesEditor } from './lines-editor';
import { toMinor, typedAmount } from './money-amounts';
import { moneyApi, type NewQuote, type PriceListItem } from './money-api';

async function loadQuoteSources(patientId: string, clinical: boolean) {
  const [patient, { items }, courses] = await Promise.all([
    call(api.GET('/api/patients/{id}', { params: { path: { id: patientId } } })),
    moneyApi.listPrices({ active: true }),
    loadCourseChoices(patientId, clinical),
  ]);
  return { patient, prices: items, courses };
}

/** The currency of the quote: its first price line's, else the one the price list uses. */
function quoteCurrency(lines: readonly LineDraft[], prices: readonly PriceListItem[]): string {
  const fromLine = lines.map((l) => prices.find((p) => p.id === l.priceId)).find((p) => p !== undefined);
  return fromLine?.currency ?? prices[0]?.currency ?? 'EUR';
}

/**
 * A quote for a patient's planned course. Choosing the course (or an indication and a number of
 * sessions) fills the lines from the price list; every line can then be changed, removed or
 * added to, and a deposit asked. The patient sees the quote in the portal and accepts it there
 * or at the desk.
 */
export function NewQuotePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const clinical = isClinical(user.role);
  const state = useLoad(() => loadQuoteSources(id, clinical), [id, clinical]);

  return (
    <Loaded state={state}>
      {({ patient, prices, courses }) => (
        <>
          <PageTitle>{t('money.newQuoteFor', { name: fullName(patient) })}</PageTitle>
          {prices.length === 0 ? (
            <EmptyState
              text={t('money.quoteNoPrices')}
              action={user.role === 'admin' ? { to: '/admin/prices?new=price', label: t('money.addPrice') } : null}
            />
          ) : (
            <QuoteForm
              patientId={patient.id}
              prices={prices}
              courses={courses}
              initialCourseId={params.get('course')}
            />
          )}
        </>
      )}
    </Loaded>
  );
}

function QuoteForm({
  patientId,
  prices,
  courses,
  initialCourseId,
}: {
  patientId: string;
  prices: PriceListItem[];
  courses: CourseChoice[];
  initialCourseId: string | null;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const catalogue = useCatalogue();
  const format = useFormat();
  const navigate = useNavigate();
  const initial = courses.find((c) => c.id === initialCourseId) ?? (courses.length === 1 ? courses[0] : undefined);
  const [courseId, setCourseId] = useState(initial?.id ?? '');
  const [indication, setIndication] = useState(initial?.indication ?? '');
  const [sessions, setSessions] = useState<number | string>(initial?.sessions || '');
  const [lines, setLines] = useState<LineDraft[]>(() =>
    suggestedLines(prices, initial?.indication ?? null, initial?.sessions ?? null),
  );
  // Once the user edits the lines, changing the course no longer replaces them.
  const [edited, setEdited] = useState(false);
  const [deposit, setDeposit] = useState<number | string>('');
  const [validUntil, setValidUntil] = useState('');
  const currency = quoteCurrency(lines, prices);

  const suggest = (nextIndication: string, nextSessions: number | string, force = false) => {
    if (edited && !force) return;
    setLines(suggestedLines(prices, nextIndication || null, typedAmount(nextSessions) ?? null));
    setEdited(false);
  };

  const { submit, pending, error } = useSubmit(async () => {
    const depositMajor = typedAmount(deposit);
    const count = typedAmount(sessions);
    const body: NewQuote = {
      patientId,
      ...(courseId ? { courseId } : {}),
      ...(indication ? { indication } : {}),
      ...(count === undefined ? {} : { sessions: count }),
      // No lines: the server builds them from the price list for the course.
      ...(lines.length > 0 ? { lines: linesToSend(lines, prices, currency) } : {}),
      ...(depositMajor === undefined ? {} : { depositMinor: toMinor(depositMajor, currency) }),
      ...(validUntil ? { validUntil } : {}),
    };
    return moneyApi.createQuote(body);
  });
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const quote = await submit();
    if (quote) void navigate(`/patients/${patientId}`, { state: { moneyNotice: 'quoteSaved' } });
  };

  const courseLabel = (c: CourseChoice) =>
    c.indication
      ? t('money.courseChoice', {
          course: t('course.courseTitle', {
            indication: label('indication', c.indication),
            area: label('area', c.area ?? ''),
          }),
          sessions: t('common.sessions', { count: c.sessions }),
        })
      : t('money.courseChoiceFrom', {
          date: c.firstSessionAt ? format.date(c.firstSessionAt) : '—',
          sessions: t('common.sessions', { count: c.sessions }),
        });

  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="quote-form-heading" noValidate>
      <Title order={2} size="h4" id="quote-form-heading" mb="xs">
        {t('money.quoteFormHeading')}
      </Title>
      <Text size="sm" mb="md">
        {t('money.quoteFormIntro')}
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('money.course')}
            value={courseId}
            onChange={(e) => {
              const chosen = courses.find((c) => c.id === e.currentTarget.value);
              setCourseId(e.currentTarget.value);
              const nextIndication = chosen?.indication ?? indication;
              const nextSessions = chosen?.sessions || sessions;
              setIndication(nextIndication);
              setSessions(nextSessions);
              suggest(nextIndication, nextSessions);
            }}
            data={[
              { value: '', label: t('money.noCourse') },
              ...courses.map((c) => ({ value: c.id, label: courseLabel(c) })),
            ]}
            error={problem('courseId')}
          />
          <NativeSelect
            label={t('money.indication')}
            value={indication}
            onChange={(e) => {
              setIndication(e.currentTarget.value);
              suggest(e.currentTarget.value, sessions);
            }}
            data={[
              { value: '', label: t('money.choose') },
              ...catalogue.indications.map((i) => ({ value: i.id, label: label('indication', i.id, i.name) })),
            ]}
            error={problem('indication')}
          />
          <NumberInput
            label={t('money.sessions')}
            min={1}
            allowDecimal={false}
            value={sessions}
            onChange={(value) => {
              setSessions(value);
              suggest(indication, value);
            }}
            error={problem('sessions')}
          />
        </SimpleGrid>
        <div>
          <Group justify="space-between" align="center" mb="xs">
            <Title order={3} size="h5">
              {t('money.lines')}
            </Title>
            <Button size="xs" variant="light" onClick={() => suggest(indication, sessions, true)}>
              {t('money.fillFromPriceList')}
            </Button>
          </Group>
          <LinesEditor
            lines={lines}
            onChange={(next) => {
              setLines(next);
              setEdited(true);
            }}
            prices={prices}
            currency={currency}
            error={error}
          />
          {problem('lines') && (
            <Text size="sm" c="red" role="alert">
              {problem('lines')}
            </Text>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('money.depositIn', { currency })}
            description={t('money.depositHelp')}
            min={0}
            decimalScale={3}
            value={deposit}
            onChange={setDeposit}
            error={problem('depositMinor')}
          />
          <TextInput
            type="date"
            label={t('money.validUntil')}
            value={validUntil}
            onChange={(e) => setValidUntil(e.currentTarget.value)}
            error={problem('validUntil')}
          />
        </SimpleGrid>
      </Stack>
      <FormActions
        error={error}
        pending={pending}
        submitLabel={t('money.saveQuote')}
        onCancel={() => void navigate(`/patients/${patientId}`)}
        mt="md"
      />
    </Paper>
  );
}
