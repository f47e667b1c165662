/** "Anna Berg". Western name order; the clinic's patients are recorded first name, last name. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
