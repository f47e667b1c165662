import { useCallback } from 'react';
import type { ReaderLanguage } from '../api/api-types';
import { api, call } from '../api/client';
import { useAuth } from './auth-context';

/**
 * Saves the language the signed-in user reads in to their account (a patient's, to their patient
 * record, so their sheets and messages follow): the next sign-in, on any device, opens in it.
 */
export function useSaveLanguage(): (language: ReaderLanguage) => Promise<void> {
  const { userChanged } = useAuth();
  return useCallback(
    async (language: ReaderLanguage) => {
      const { user } = await call(api.PATCH('/api/auth/me', { body: { preferredLanguage: language } }));
      userChanged(user);
    },
    [userChanged],
  );
}
