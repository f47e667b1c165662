import { Alert, Anchor, Button, Paper, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { currentLanguage } from '../i18n/i18n';
import { InvoiceFigureCells, invoiceFigureColumns } from '../money/invoice-figure-cells';
import { moneyApi, moneyLinks, type Quote } from '../money/money-api';
import { QuoteCard } from '../money/quote-card';

async function loadMyMoney(patientId: string) {
  const [quotes, invoices] = await Promise.all([
    moneyApi.listQuotes({ patientId, status: 'open' }),
    moneyApi.listInvoices({ patientId }),
  ]);
  return {
    quotes: quotes.items,
    invoices: [...invoices.items].sort((a, b) => b.issueDate.localeCompare(a.issueDate)),
  };
}

/**
 * The patient's quotes waiting for an answer (accepted or declined here) and their invoices with
 * what is still owed and the PDF. One section, so the portal's treatment information stays first.
 */
export function MyMoney({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const state = useLoad(() => loadMyMoney(patientId), [patientId]);
  const answer = useSubmit(async (quote: Quote, action: 'accept' | 'decline') => {
    await moneyApi.quoteAction(quote.id, action);
    setNotice(t(action === 'accept' ? 'money.portalAccepted' : 'money.portalDeclined'));
    state.reload();
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-money-heading" data-testid="my-money">
      <Title order={2} size="h4" id="my-money-heading" mb="xs">
        {t('money.portalHeading')}
      </Title>
      {notice && (
        <Alert color="green" role="status" mb="sm">
          {notice}
        </Alert>
      )}
      {answer.error !== null && <ErrorAlert error={answer.error} />}
      <Loaded state={state}>
        {({ quotes, invoices }) =>
          quotes.length === 0 && invoices.length === 0 ? (
            <EmptyState size="sm" text={t('money.portalEmpty')} />
          ) : (
            <Stack gap="sm">
              {quotes.map((quote) => (
                <QuoteCard
                  key={quote.id}
                  quote={quote}
                  open
                  actions={
                    <>
                      <Button size="xs" disabled={answer.pending} onClick={() => void answer.submit(quote, 'accept')}>
                        {t('money.acceptQuote')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={answer.pending}
                        onClick={() => void answer.submit(quote, 'decline')}
                      >
                        {t('money.declineQuote')}
                      </Button>
                    </>
                  }
                />
              ))}
              {invoices.length > 0 && (
                <DataTable
                  minWidth={600}
                  data-testid="my-invoices"
                  columns={[t('money.number'), ...invoiceFigureColumns(t), t('money.pdf')]}
                >
                  {invoices.map((invoice) => (
                    <Table.Tr key={invoice.id}>
                      <Table.Td>{invoice.number}</Table.Td>
                      <InvoiceFigureCells invoice={invoice} />
                      <Table.Td>
                        <Anchor href={moneyLinks.invoicePdf(invoice.id, currentLanguage())} download size="sm">
                          {t('money.invoicePdf', { number: invoice.number })}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  );
}
