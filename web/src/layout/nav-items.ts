import type { Role } from '../api/api-types';

export interface NavItem {
  to: string;
  /** A key under `nav` in the messages. */
  label:
    | 'today'
    | 'calendar'
    | 'dashboard'
    | 'frontDesk'
    | 'patients'
    | 'newPatient'
    | 'sideEffects'
    | 'safetySignals'
    | 'recall'
    | 'stock'
    | 'outcomes'
    | 'money'
    | 'prices'
    | 'flags'
    | 'audit'
    | 'users'
    | 'consentTexts'
    | 'clinicSetup'
    | 'messageTemplates'
    | 'portalHome'
    | 'portalBook'
    | 'portalSideEffect';
  roles: readonly Role[];
  /** Whether sub-paths also mark the item active. */
  end?: boolean;
}

/**
 * The menu, by role, as the server allows (src/server/plugins/access-control.ts). Screens whose
 * routes do not exist yet are not listed.
 */
export const navItems: NavItem[] = [
  { to: '/today', label: 'today', roles: ['admin', 'practitioner', 'reception'] },
  { to: '/calendar', label: 'calendar', roles: ['admin', 'practitioner', 'reception'] },
  { to: '/dashboard', label: 'dashboard', roles: ['admin', 'reception'] },
  { to: '/front-desk', label: 'frontDesk', roles: ['admin', 'practitioner', 'reception'] },
  { to: '/patients', label: 'patients', roles: ['admin', 'practitioner', 'reception'], end: true },
  { to: '/patients/new', label: 'newPatient', roles: ['admin', 'practitioner', 'reception'] },
  { to: '/side-effects', label: 'sideEffects', roles: ['admin', 'practitioner'] },
  { to: '/safety-signals', label: 'safetySignals', roles: ['admin', 'practitioner'] },
  { to: '/flags', label: 'flags', roles: ['admin', 'practitioner'] },
  { to: '/recall', label: 'recall', roles: ['admin', 'practitioner'] },
  { to: '/stock', label: 'stock', roles: ['admin', 'practitioner'] },
  { to: '/outcomes', label: 'outcomes', roles: ['admin', 'practitioner'] },
  { to: '/money', label: 'money', roles: ['admin', 'reception'] },
  { to: '/portal', label: 'portalHome', roles: ['patient'], end: true },
  { to: '/portal/book', label: 'portalBook', roles: ['patient'] },
  { to: '/portal/side-effects/new', label: 'portalSideEffect', roles: ['patient'] },
  { to: '/audit', label: 'audit', roles: ['admin'] },
  { to: '/admin/users', label: 'users', roles: ['admin'] },
  { to: '/admin/consents', label: 'consentTexts', roles: ['admin'] },
  { to: '/admin/clinic', label: 'clinicSetup', roles: ['admin'] },
  { to: '/admin/prices', label: 'prices', roles: ['admin'] },
  { to: '/admin/messages', label: 'messageTemplates', roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}
