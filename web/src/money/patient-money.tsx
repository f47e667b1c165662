import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { InvoiceCourseForm } from './invoice-course-form';
import { InvoiceFigureCells, invoiceFigureColumns } from './invoice-figure-cells';
import { moneyApi, type Invoice, type Quote } from './money-api';
import { QuoteCard } from './quote-card';

async function loadPatientMoney(patientId: string) {
  const [quotes, invoices] = await Promise.all([
    moneyApi.listQuotes({ patientId }),
    moneyApi.listInvoices({ patientId }),
  ]);
  const newestFirst = <T extends { createdAt: string }>(items: T[]) =>
    [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { quotes: newestFirst(quotes.items), invoices: newestFirst(invoices.items) };
}

/** Whether a deposit invoice already exists for the quote, so it is not asked twice. */
const depositInvoiced = (quote: Quote, invoices: readonly Invoice[]) =>
  invoices.some((i) => i.quoteId === quote.id && i.kind === 'deposit');
const finalInvoiced = (quote: Quote, invoices: readonly Invoice[]) =>
  invoices.some((i) => i.quoteId === quote.id && i.kind === 'invoice');

/**
 * A patient's money, for reception and admins: quotes with what can be done with each (the patient
 * accepts or declines in the portal or at the desk; an accepted quote is invoiced, its deposit first
 * if one was asked), and invoices with what is still owed.
 */
export function PatientMoney({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const arrived = (location.state as { moneyNotice?: string } | null)?.moneyNotice;
  const [notice, setNotice] = useState<string | null>(arrived === 'quoteSaved' ? t('money.quoteSaved') : null);
  const [invoicingCourse, setInvoicingCourse] = useState(false);
  const state = useLoad(() => loadPatientMoney(patientId), [patientId]);

  const quoteAction = useSubmit(async (quote: Quote, action: 'accept' | 'decline' | 'withdraw') => {
    await moneyApi.quoteAction(quote.id, action);
    setNotice(t(`money.quoteDone.${action}`));
    state.reload();
  });
  const issue = useSubmit(async (quote: Quote, kind: 'deposit' | 'invoice') => {
    const invoice = await moneyApi.createInvoice({
      patientId,
      quoteId: quote.id,
      kind,
      ...(quote.courseId ? { courseId: quote.courseId } : {}),
    });
    void navigate(`/invoices/${invoice.id}`, { state: { moneyNotice: 'invoiceIssued' } });
  });
  const busy = quoteAction.pending || issue.pending;

  const quoteActions = (quote: Quote, invoices: readonly Invoice[]) => {
    const live = quote.status === 'open' || quote.status === 'accepted';
    return (
      <>
        {quote.status === 'open' && (
          <>
            <Button
              size="xs"
              variant="default"
              disabled={busy}
              onClick={() => void quoteAction.submit(quote, 'accept')}
            >
              {t('money.markAccepted')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={busy}
              onClick={() => void quoteAction.submit(quote, 'withdraw')}
            >
              {t('money.withdraw')}
            </Button>
          </>
        )}
        {quote.status === 'accepted' && quote.depositMinor > 0 && !depositInvoiced(quote, invoices) && (
          <Button size="xs" variant="light" disabled={busy} onClick={() => void issue.submit(quote, 'deposit')}>
            {t('money.issueDeposit')}
          </Button>
        )}
        {live && !finalInvoiced(quote, invoices) && (
          <Button size="xs" disabled={busy} onClick={() => void issue.submit(quote, 'invoice')}>
            {t('money.issueInvoice')}
          </Button>
        )}
      </>
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="money-heading" data-testid="patient-money">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="money-heading">
          {t('money.patientHeading')}
        </Title>
        <Group gap="xs">
          <Button size="xs" component={Link} to={`/patients/${patientId}/quotes/new`}>
            {t('money.newQuote')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setInvoicingCourse(true)}>
            {t('money.invoiceCourse')}
          </Button>
        </Group>
      </Group>
      {notice && (
        <Alert color="green" role="status" mb="sm">
          {notice}
        </Alert>
      )}
      {quoteAction.error !== null && <ErrorAlert error={quoteAction.error} />}
      {issue.error !== null && <ErrorAlert error={issue.error} />}
      <Loaded state={state}>
        {({ quotes, invoices }) => (
          <Stack gap="md">
            <div>
              <Title order={3} size="h5" mb="xs">
                {t('money.quotes')}
              </Title>
              {quotes.length === 0 ? (
                <EmptyState
                  size="sm"
                  text={t('money.quotesEmpty')}
                  action={{ to: `/patients/${patientId}/quotes/new`, label: t('money.newQuote') }}
                />
              ) : (
                <Stack gap="xs">
                  {quotes.map((quote) => (
                    <QuoteCard key={quote.id} quote={quote} actions={quoteActions(quote, invoices)} />
                  ))}
                </Stack>
              )}
            </div>
            <div>
              <Title order={3} size="h5" mb="xs">
                {t('money.invoices')}
              </Title>
              {invoices.length === 0 ? (
                <EmptyState size="sm" text={t('money.invoicesEmpty')} />
              ) : (
                <DataTable
                  minWidth={760}
                  data-testid="patient-invoices"
                  columns={[t('money.number'), t('money.invoiceKind'), ...invoiceFigureColumns(t)]}
                >
                  {invoices.map((invoice) => (
                    <Table.Tr key={invoice.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/invoices/${invoice.id}`} size="sm">
                          {invoice.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`money.invoiceKinds.${invoice.kind}`)}</Table.Td>
                      <InvoiceFigureCells invoice={invoice} />
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </div>
          </Stack>
        )}
      </Loaded>
      <Modal
        opened={invoicingCourse}
        onClose={() => setInvoicingCourse(false)}
        title={t('money.invoiceCourse')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {invoicingCourse && (
          <InvoiceCourseForm
            patientId={patientId}
            onIssued={(invoice) =>
              void navigate(`/invoices/${invoice.id}`, { state: { moneyNotice: 'invoiceIssued' } })
            }
            onClose={() => setInvoicingCourse(false)}
          />
        )}
      </Modal>
    </Paper>
  );
}
