export const calendar = {
  title: 'Calendar subscription',
  help: 'Subscribe to your appointments from a phone or desktop calendar. Anyone with the address can see them: keep it private, and stop it if it may have been shared.',
  active: 'A subscription address has been in use since {{date}}.',
  address: 'Subscription address',
  shownOnce: 'Shown only now: copy it into your calendar app.',
  copy: 'Copy',
  copied: 'Copied',
  create: 'Create subscription address',
  replace: 'Replace address (the old one stops working)',
  stop: 'Stop subscription',
};
