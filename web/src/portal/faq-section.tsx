import { Accordion, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { SourceRefs } from '../assessment/source-refs';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';

/** Questions patients ask, answered from the knowledge base with the source of every answer. */
export function FaqSection() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  const state = useLoad(
    async () => (await call(api.GET('/api/faq', { params: { query: query ? { q: query, limit: 5 } : {} } }))).entries,
    [query],
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="faq-heading">
      <Title order={2} size="h4" id="faq-heading" mb="xs">
        {t('portal.faqTitle')}
      </Title>
      <TextInput
        label={t('portal.faqSearch')}
        description={t('portal.faqSearchHelp')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        mb="sm"
      />
      <Loaded state={state}>
        {(entries) =>
          entries.length === 0 ? (
            <Text size="sm">{t('portal.faqNone')}</Text>
          ) : (
            <Accordion data-testid="faq">
              {entries.map((entry) => (
                <Accordion.Item key={entry.id} value={entry.id}>
                  <Accordion.Control>{entry.question}</Accordion.Control>
                  <Accordion.Panel>
                    <Text size="sm">{entry.answer}</Text>
                    <Group mt={4}>
                      <SourceRefs sourced={{ citations: entry.sources }} what={entry.question} />
                    </Group>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )
        }
      </Loaded>
    </Paper>
  );
}
