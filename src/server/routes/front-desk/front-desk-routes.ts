import type { App } from '../../app-types.js';
import { checkInRoutes } from './check-in-routes.js';
import { waitingListRoutes } from './waiting-list-routes.js';

/** The front desk: check-in and the waiting list (side effects taken by phone go through the side-effect routes). */
export async function frontDeskRoutes(app: App): Promise<void> {
  await app.register(checkInRoutes);
  await app.register(waitingListRoutes);
}
