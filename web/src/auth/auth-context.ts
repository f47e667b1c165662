import { createContext, useContext } from 'react';
import type { User } from '../api/api-types';

export type AuthState =
  | { status: 'checking'; user: null }
  | { status: 'signed-out'; user: null; expired: boolean }
  | { status: 'signed-in'; user: User };

export interface Auth {
  state: AuthState;
  signIn(email: string, password: string): Promise<User>;
  /** A sign-in that happened elsewhere (an invitation accepted): its session cookie is already set. */
  signedIn(user: User): void;
  /** The signed-in user as the server now has them (after they changed their own settings). */
  userChanged(user: User): void;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider above it');
  return auth;
}

/** The signed-in user, for screens that only render behind RequireAuth. */
export function useUser(): User {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useUser needs a signed-in user (render it inside RequireAuth)');
  return state.user;
}
