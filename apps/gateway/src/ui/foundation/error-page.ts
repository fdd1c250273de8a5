import type { ProblemDocument } from '@scrt/http';

/** What an NHS-styled error page says, and the way on it offers. */
export interface ErrorPage {
  status: number;
  title: string;
  paragraphs: string[];
  action: { text: string; href: string; button: boolean };
  reference?: string;
}

const HOME = { text: 'Go to the home page', href: '/', button: false };
const SIGN_IN = { text: 'Sign in', href: '/auth/login', button: true };

/** The page a browser gets instead of a problem document. */
export function errorPageFor(problem: ProblemDocument): ErrorPage {
  const { status } = problem;
  switch (problem.code) {
    case 'SIGN_IN_REQUIRED':
      return { status, title: 'Sign in to continue', paragraphs: ['You need to sign in to see this page.'], action: SIGN_IN };
    case 'SESSION_EXPIRED':
      return {
        status,
        title: 'You have been signed out',
        paragraphs: ['Your session ended, either because you did nothing for a while or because you signed out. Anything you had not saved has not been kept.'],
        action: SIGN_IN,
      };
    case 'CSRF_CHECK_FAILED':
      return {
        status,
        title: 'Your form could not be sent',
        paragraphs: ['The form did not come from this session: it may have been open from before you last signed in, or it came from another site. Nothing was saved.', 'Go back to the page, reload it and try again.'],
        action: HOME,
      };
  }
  if (status === 403) {
    return { status, title: 'You do not have access to this page', paragraphs: ['The role you are working in does not allow this. If you hold another role that does, switch to it.'], action: HOME };
  }
  if (status === 404) {
    return { status, title: 'Page not found', paragraphs: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'], action: HOME };
  }
  if (status >= 500) {
    return {
      status,
      title: 'Sorry, there is a problem with the service',
      paragraphs: ['Try again later. If you were sending a form, check whether it was saved before sending it again.'],
      action: HOME,
      reference: problem.requestId,
    };
  }
  return { status, title: problem.title, paragraphs: [problem.detail ?? 'The request could not be handled.'], action: HOME };
}
