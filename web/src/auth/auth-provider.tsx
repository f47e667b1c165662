import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, setUnauthenticatedListener } from '../api/client';
import { forgetCsrfToken } from '../api/csrf-token';
import type { User } from '../api/api-types';
import { AuthContext, type Auth, type AuthState } from './auth-context';
import { followUserLanguage } from '../i18n/follow-user-language';
import { takeChoiceBeforeSignIn } from '../i18n/signed-out-choice';

/**
 * A language picked on the sign-in page is the reader's latest word: it is saved to the account
 * rather than replaced by the one stored there. Not saved (offline, say): the account's stands.
 */
async function withLanguageChosenBeforeSignIn(user: User): Promise<User> {
  const chosen = takeChoiceBeforeSignIn();
  if (!chosen || chosen === user.preferredLanguage) return user;
  try {
    return (await call(api.PATCH('/api/auth/me', { body: { preferredLanguage: chosen } }))).user;
  } catch (error) {
    console.warn('could not save the language chosen before signing in', error);
    return user;
  }
}

/** Who is signed in: asked of the server once at start, then kept up to date by sign-in, sign-out and 401s. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'checking', user: null });

  useEffect(() => {
    // Any 401 means the session cookie is gone or expired: show the sign-in page, saying why.
    setUnauthenticatedListener(() => {
      forgetCsrfToken();
      setState((previous) => ({ status: 'signed-out', user: null, expired: previous.status === 'signed-in' }));
    });
    // The probe answers 200 signed in or not, so a first visit leaves no error in the console (/me would answer 401).
    // The answer draws the first screen (the frame and the page): as a transition, which React renders
    // in slices with the browser free between them, rather than in one long task.
    call(api.GET('/api/auth/session')).then(
      ({ user }) =>
        startTransition(() =>
          setState(user ? { status: 'signed-in', user } : { status: 'signed-out', user: null, expired: false }),
        ),
      (error: unknown) => {
        // A network failure at start is not a sign-out; but the sign-in page is the only useful place to go.
        console.warn('could not check the session', error);
        setState({ status: 'signed-out', user: null, expired: false });
      },
    );
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { user: signedInUser } = await call(api.POST('/api/auth/login', { body: { email, password } }));
    // A token from an earlier session would be refused: the server binds tokens to the session.
    forgetCsrfToken();
    const user = await withLanguageChosenBeforeSignIn(signedInUser);
    setState({ status: 'signed-in', user });
    return user;
  }, []);

  const signedIn = useCallback((user: User) => {
    forgetCsrfToken();
    setState({ status: 'signed-in', user });
  }, []);

  const userChanged = useCallback((user: User) => {
    setState((previous) => (previous.status === 'signed-in' ? { status: 'signed-in', user } : previous));
  }, []);

  // Whoever signs in reads in their own language (a patient, their record's), whatever the browser had.
  const language = state.status === 'signed-in' ? state.user.preferredLanguage : null;
  useEffect(() => {
    if (language) followUserLanguage(language);
  }, [language]);

  const signOut = useCallback(async () => {
    try {
      await call(api.POST('/api/auth/logout'));
    } finally {
      forgetCsrfToken();
      setState({ status: 'signed-out', user: null, expired: false });
    }
  }, []);

  const auth = useMemo<Auth>(
    () => ({ state, signIn, signedIn, userChanged, signOut }),
    [state, signIn, signedIn, userChanged, signOut],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
