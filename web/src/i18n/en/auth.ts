export const auth = {
  title: 'Sign in',
  intro: 'Sign in to the clinic workspace or to your patient portal.',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  signingIn: 'Signing in…',
  checking: 'Checking your session…',
};
