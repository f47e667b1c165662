import { Anchor, AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { useAuth, useUser } from '../auth/auth-context';
import { ChangePassword } from '../auth/change-password';
import { useSaveLanguage } from '../auth/use-save-language';
import { LanguageSwitch } from '../components/language-switch';
import { LoadingState } from '../components/loading-state';
import { navItemsFor, type NavItem } from './nav-items';
import { SkipLink } from './skip-link';

function MenuLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(`nav.${item.label}`)}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}

/** The signed-in frame: header, the role's menu (a drawer on phones), and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useAuth();
  const saveLanguage = useSaveLanguage();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common.menu')}
              aria-expanded={opened}
            />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
              {t('common.appName')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="md">
              {t('common.signedInAs', { name: user.displayName })}
            </Text>
            <LanguageSwitch onChosen={saveLanguage} />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('common.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {navItemsFor(user.role).map((item) => (
          <MenuLink key={item.to} item={item} onNavigate={close} />
        ))}
        <ChangePassword />
      </AppShell.Navbar>
      <AppShell.Main id="main">
        {/* Keyed by path: a new page gets fresh state and its title takes focus. */}
        <Suspense fallback={<LoadingState />} key={location.pathname}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
