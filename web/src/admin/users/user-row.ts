import type { Ok } from '../../api/api-types';

/** One user as the admin's user list shows it. */
export type UserRow = Ok<'/api/users', 'get'>['users'][number];
