import { Alert, Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { currentLanguage } from '../i18n/i18n';
import { useFormat } from '../i18n/use-format';
import { balanceWording } from './balance-wording';
import { CreditNoteForm } from './credit-note-form';
import { InvoiceStatusBadge } from './money-badges';
import { moneyApi, moneyLinks, type CreditNote, type Invoice, type Payment } from './money-api';
import { MoneyLinesTable } from './money-lines-table';
import { PaymentForm } from './payment-form';
import { useMoney } from './use-money';

/** The invoice with what has happened to it since: payments received and credit notes issued. */
async function loadInvoice(invoiceId: string) {
  const { payments, creditNotes, ...invoice } = await moneyApi.getInvoice(invoiceId);
  return { invoice, payments, creditNotes };
}

/**
 * One issued invoice for reception and admins: its lines, tax per rate, totals and what is still
 * owed, the payments and credit notes against it, and the PDF. An issued invoice is never edited:
 * a mistake is corrected with a credit note.
 */
export function InvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state as { moneyNotice?: string } | null)?.moneyNotice === 'invoiceIssued';
  const [modal, setModal] = useState<'payment' | 'credit' | null>(null);
  const state = useLoad(() => loadInvoice(id), [id]);

  return (
    <Loaded state={state}>
      {({ invoice, payments, creditNotes }) => (
        <>
          <PageTitle
            actions={
              <>
                <Button
                  component="a"
                  variant="default"
                  href={moneyLinks.invoicePdf(invoice.id, currentLanguage())}
                  download
                >
                  {t('money.downloadPdf')}
                </Button>
                {invoice.balanceMinor > 0 && (
                  <Button onClick={() => setModal('payment')}>{t('money.recordPayment')}</Button>
                )}
                {invoice.creditedMinor < invoice.totals.totalMinor && (
                  <Button variant="default" onClick={() => setModal('credit')}>
                    {t('money.creditNote')}
                  </Button>
                )}
              </>
            }
          >
            {t(invoice.kind === 'deposit' ? 'money.depositInvoiceTitle' : 'money.invoiceTitle', {
              number: invoice.number,
            })}
          </PageTitle>
          {arrived && (
            <Alert color="green" role="status" mb="md">
              {t('money.invoiceIssued', { number: invoice.number })}
            </Alert>
          )}
          <Stack gap="md" maw={1100}>
            <InvoiceSummary invoice={invoice} />
            <Paper withBorder p="md" component="section" aria-labelledby="lines-heading">
              <Title order={2} size="h4" id="lines-heading" mb="sm">
                {t('money.lines')}
              </Title>
              <MoneyLinesTable
                lines={invoice.lines}
                totals={invoice.totals}
                taxBands={invoice.taxBands}
                currency={invoice.currency}
                caption={t('money.invoiceLinesCaption', { number: invoice.number })}
              />
            </Paper>
            <PaymentsSection payments={payments} currency={invoice.currency} />
            <CreditNotesSection creditNotes={creditNotes} currency={invoice.currency} />
          </Stack>
          <Modal
            opened={modal !== null}
            onClose={() => setModal(null)}
            title={t(modal === 'credit' ? 'money.creditNoteFor' : 'money.paymentFor', { number: invoice.number })}
            closeButtonProps={{ 'aria-label': t('common.close') }}
          >
            {modal === 'payment' && (
              <PaymentForm invoice={invoice} onRecorded={state.reload} onClose={() => setModal(null)} />
            )}
            {modal === 'credit' && (
              <CreditNoteForm invoice={invoice} onIssued={state.reload} onClose={() => setModal(null)} />
            )}
          </Modal>
        </>
      )}
    </Loaded>
  );
}

function InvoiceSummary({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const amount = (minor: number) => money(minor, invoice.currency);
  const item = (label: string, value: ReactNode, testId?: string) => (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
  return (
    <Paper withBorder p="md" component="section" aria-label={t('money.summary')}>
      <Group gap="xs" mb="sm">
        <InvoiceStatusBadge status={invoice.status} />
        <Anchor component={Link} to={`/patients/${invoice.patientId}`}>
          {invoice.patientName}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} component="dl" m={0}>
        {item(t('money.issueDate'), format.date(invoice.issueDate))}
        {item(t('money.dueDate'), invoice.dueDate ? format.date(invoice.dueDate) : '—')}
        {item(t('money.total'), amount(invoice.totals.totalMinor), 'invoice-total')}
        {item(t('money.paid'), amount(invoice.paidMinor), 'invoice-paid')}
        {item(t('money.credited'), amount(invoice.creditedMinor), 'invoice-credited')}
        {item(t('money.balance'), balanceWording(t, money, invoice.balanceMinor, invoice.currency), 'invoice-balance')}
      </SimpleGrid>
    </Paper>
  );
}

function PaymentsSection({ payments, currency }: { payments: Payment[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payments-heading">
      <Title order={2} size="h4" id="payments-heading" mb="sm">
        {t('money.payments')}
      </Title>
      {payments.length === 0 ? (
        <EmptyState size="sm" text={t('money.paymentsEmpty')} />
      ) : (
        <DataTable
          minWidth={560}
          data-testid="payments"
          columns={[t('money.received'), t('money.method'), t('money.reference'), t('money.amount')]}
        >
          {payments.map((payment) => (
            <Table.Tr key={payment.id}>
              <Table.Td>{format.dateTime(payment.receivedAt)}</Table.Td>
              <Table.Td>{t(`money.methods.${payment.method}`)}</Table.Td>
              <Table.Td>{payment.reference ?? '—'}</Table.Td>
              <Table.Td>{money(payment.amountMinor, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

function CreditNotesSection({ creditNotes, currency }: { creditNotes: CreditNote[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  if (creditNotes.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="credit-notes-heading">
      <Title order={2} size="h4" id="credit-notes-heading" mb="sm">
        {t('money.creditNotes')}
      </Title>
      <DataTable
        minWidth={640}
        data-testid="credit-notes"
        columns={[t('money.number'), t('money.issueDate'), t('money.reason'), t('money.amount'), t('money.pdf')]}
      >
        {creditNotes.map((note) => (
          <Table.Tr key={note.id}>
            <Table.Td>{note.number}</Table.Td>
            <Table.Td>{format.date(note.issueDate)}</Table.Td>
            <Table.Td>{note.reason}</Table.Td>
            <Table.Td>{money(note.totals.totalMinor, currency)}</Table.Td>
            <Table.Td>
              <Anchor href={moneyLinks.creditNotePdf(note.id, currentLanguage())} download size="sm">
                {t('money.creditNotePdf', { number: note.number })}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}
