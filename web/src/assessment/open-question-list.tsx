import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { openQuestionText } from './open-question-label';

/** The open screening questions of a SCREENING_INCOMPLETE reason, in plain words (the field path on hover). */
export function OpenQuestionList({ questions }: { questions: readonly string[] | undefined }) {
  const { t } = useTranslation();
  if (!questions || questions.length === 0) return null;
  return (
    <>
      <Text size="sm" mt={4} fw={500}>
        {t('assessment.questions.intro')}
      </Text>
      <List size="sm" data-testid="open-questions">
        {questions.map((path) => {
          const question = openQuestionText(path);
          return (
            <List.Item key={path} title={path}>
              {t(`assessment.questions.${question.name}`, question.values)}
            </List.Item>
          );
        })}
      </List>
    </>
  );
}
