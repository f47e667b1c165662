import { Anchor, Button, List, Popover, Text, VisuallyHidden } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sourced } from '../api/assessment-types';
import { citationPlaces } from '../knowledge/citations';

/**
 * "2 sources": hovering or clicking shows which article and line each fact comes from. A click
 * keeps it open (touch screens and keyboards have no hover); Escape or a click elsewhere closes it.
 */
export function SourceRefs({ sourced, what }: { sourced: Partial<Sourced>; what: string }) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [pinned, setPinned] = useState(false);
  const closeTimer = useRef<number | undefined>(undefined);
  const places = citationPlaces(sourced, i18n.resolvedLanguage);
  if (places.length === 0) return null;

  // Hover opens; leaving closes after a moment, so the pointer can travel into the card.
  const hoverOpen = () => {
    window.clearTimeout(closeTimer.current);
    setOpened(true);
  };
  const hoverClose = () => {
    if (pinned) return;
    closeTimer.current = window.setTimeout(() => setOpened(false), 200);
  };
  const close = () => {
    setOpened(false);
    setPinned(false);
  };

  return (
    <Popover
      opened={opened}
      onChange={(next) => (next ? setOpened(true) : close())}
      onDismiss={close}
      width={340}
      position="bottom-start"
      withArrow
      shadow="md"
    >
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => {
            const next = !(opened && pinned);
            setPinned(next);
            setOpened(next);
          }}
          onMouseEnter={hoverOpen}
          onMouseLeave={hoverClose}
          aria-expanded={opened}
          style={{ flexShrink: 0 }}
          data-testid="source-refs"
        >
          {t('assessment.sources.button', { count: places.length })}
          <VisuallyHidden>: {what}</VisuallyHidden>
        </Button>
      </Popover.Target>
      <Popover.Dropdown
        onMouseEnter={hoverOpen}
        onMouseLeave={hoverClose}
        aria-label={t('assessment.sources.label', { what })}
      >
        <Text size="xs" fw={600} mb={4}>
          {t('assessment.sources.label', { what })}
        </Text>
        <List size="sm" spacing={4}>
          {places.map((place, i) => (
            <List.Item key={`${place.file}:${place.line ?? ''}:${i}`}>
              <Text size="sm" span fw={500}>
                {place.number !== null ? `[${place.number}] ` : ''}
                {place.title ?? t('assessment.sources.unknownArticle')}
              </Text>
              {place.line !== null && (
                <Text size="sm" span>
                  {' — '}
                  {t('assessment.sources.line', { line: place.line })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('assessment.sources.file', { file: place.file })}
              </Text>
            </List.Item>
          ))}
        </List>
        <Anchor component="button" type="button" size="xs" mt="xs" onClick={close}>
          {t('common.close')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
