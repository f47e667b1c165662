import { Navigate } from 'react-router';
import { useAuth } from './auth/auth-context';
import { homePath } from './auth/roles';
import { LoadingState } from './components/loading-state';

/** `/`: each role's own start page, or the sign-in page. */
export function HomeRedirect() {
  const { state } = useAuth();
  if (state.status === 'checking') return <LoadingState />;
  if (state.status === 'signed-out') return <Navigate to="/sign-in" replace />;
  return <Navigate to={homePath(state.user.role)} replace />;
}
