import { normaliseTerm, type KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import { fieldPath } from '../../../core/field-path.js';
import { InvalidInputError, type FieldProblem } from '../../http-errors.js';

/**
 * Knowledge-base ingredient ids for what the user wrote (an id, a name or an alias, in any case),
 * without repeats. Products store ids so that allergy checks can match them; an ingredient the
 * knowledge base does not know is refused rather than kept as text no check would ever read.
 */
export function resolveIngredients(terms: readonly string[], kb: KnowledgeBase): string[] {
  const problems: FieldProblem[] = [];
  const ids: string[] = [];
  terms.forEach((term, index) => {
    const id = kb.ingredientLookup.get(normaliseTerm(term));
    if (!id)
      problems.push({
        field: fieldPath(['ingredients', index]),
        message: 'must be an ingredient of the knowledge base (its id, name or an alias)',
      });
    else if (!ids.includes(id)) ids.push(id);
  });
  if (problems.length) throw new InvalidInputError(problems);
  return ids;
}
