import type { Ok } from '../api/api-types';

/** A slot that opened (a session cancelled or moved), as the waiting list offers it. */
export type Opening = Ok<'/api/waiting-list/openings', 'get'>['openings'][number];
