import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/api-types';
import { LoadingState } from '../components/loading-state';
import { useAuth } from './auth-context';
import { homePath } from './roles';

/**
 * Renders its children only for a signed-in user of one of `roles`; others go to the sign-in page
 * (remembering where they were going) or to their own start page. The server checks again: this
 * only spares users screens they cannot use.
 */
export function RequireAuth({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'checking') return <LoadingState />;
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(state.user.role)) return <Navigate to={homePath(state.user.role)} replace />;
  return children;
}
