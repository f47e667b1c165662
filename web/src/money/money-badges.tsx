import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoiceStatusColor, quoteStatusColor } from './money-labels';
import type { InvoiceStatus, QuoteStatus } from './money-api';

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={quoteStatusColor[status]} variant="light" data-testid="quote-status">
      {t(`money.quoteStatus.${status}`)}
    </Badge>
  );
}

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={invoiceStatusColor[status]} variant="light" data-testid="invoice-status">
      {t(`money.invoiceStatus.${status}`)}
    </Badge>
  );
}
