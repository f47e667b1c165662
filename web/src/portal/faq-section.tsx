import { Accordion, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { SourceRefs } from '../assessment/source-refs';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { faqQuery } from './faq-query';

type FaqEntry = Ok<'/api/faq', 'get'>['entries'][number];

/** Questions patients ask, answered from the knowledge base with the source of every answer. */
export function FaqSection() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  // The screen's language picks the FAQ's: a Turkish question searches the Turkish answers.
  const language = i18n.resolvedLanguage;
  const state = useLoad(
    async () => (await call(api.GET('/api/faq', { params: { query: faqQuery(query, language) } }))).entries,
    [query, language],
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
          entries.length === 0 ? <Text size="sm">{t('portal.faqNone')}</Text> : <FaqAnswers entries={entries} />
        }
      </Loaded>
    </Paper>
  );
}

/**
 * The questions, each answer drawn once it is first opened: the whole list is a few dozen answers
 * with their sources, which the portal's first page would otherwise render unseen. Drawn answers stay,
 * so closing one folds it away rather than emptying it first.
 */
function FaqAnswers({ entries }: { entries: readonly FaqEntry[] }) {
  const [opened, setOpened] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(new Set());
  const open = (value: string | null) => {
    setOpened(value);
    if (value !== null && !drawn.has(value)) setDrawn(new Set(drawn).add(value));
  };
  return (
    <Accordion data-testid="faq" value={opened} onChange={open}>
      {entries.map((entry) => (
        <Accordion.Item key={entry.id} value={entry.id}>
          <Accordion.Control>{entry.question}</Accordion.Control>
          <Accordion.Panel>
            {drawn.has(entry.id) && (
              <>
                <Text size="sm">{entry.answer}</Text>
                <Group mt={4}>
                  <SourceRefs sourced={{ citations: entry.sources }} what={entry.question} />
                </Group>
              </>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
