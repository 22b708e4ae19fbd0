import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError, unwrap } from '@concord/api-client';
import { api, setCsrfToken } from '../api/client';
import { queryKeys } from '../api/query-keys';
import {
  clearSessionEndReason,
  isSafeNext,
  peekSessionEndReason,
  sessionQuery,
} from '../auth/session';
import { BrandMark } from '../components/icons';
import { Notice } from '../components/notice';
import { EmailField, PasswordField } from '../components/field';
import { ErrorSummary } from '../components/error-summary';
import { SubmitButton } from '../components/form-actions';
import { Splash } from '../components/splash';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useForm } from '../hooks/use-form';
import { NO_ERRORS, toFormErrors } from '../lib/form-errors';
import type { FormErrors } from '../lib/form-errors';

const FORM = 'login';

/** Sign-in failures get wording a person can act on, not the server's code. */
function loginErrors(error: unknown): FormErrors {
  const code = isApiError(error) ? error.code : null;
  if (code === 'INVALID_CREDENTIALS') {
    return { summary: 'The email address or password is incorrect.', fields: {}, requestId: null };
  }
  if (code === 'ACCOUNT_LOCKED' && isApiError(error)) {
    const until = error.extensions.lockedUntil;
    const when =
      typeof until === 'string' && !Number.isNaN(Date.parse(until))
        ? `You can try again after ${new Date(until).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}.`
        : 'Wait a while, then try again.';
    return {
      summary: `This account is temporarily locked after too many failed sign-in attempts. ${when} If you have forgotten your password, ask an administrator of your organisation to set a new one.`,
      fields: {},
      requestId: null,
    };
  }
  if (code === 'ACCOUNT_DISABLED') {
    return {
      summary:
        'This account has been disabled. Contact an administrator of your organisation if you need access.',
      fields: {},
      requestId: null,
    };
  }
  if (code === 'RATE_LIMITED') {
    return {
      summary: 'Too many sign-in attempts from this network. Wait a minute, then try again.',
      fields: {},
      requestId: null,
    };
  }
  return toFormErrors(error, { email: 'Email address', password: 'Password' });
}

export function LoginPage() {
  useDocumentTitle('Sign in');
  const session = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requested = params.get('next');
  const next = requested && isSafeNext(requested) ? requested : '/';

  const [reason] = useState(peekSessionEndReason);
  const form = useForm({ idPrefix: FORM, initial: { email: '', password: '' } });
  const { email, password } = form.values;

  // Whatever the previous session had loaded must not be shown to the next person.
  useEffect(() => {
    clearSessionEndReason();
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
  }, [queryClient]);

  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(queryKeys.session, {
        user: result.user,
        csrfToken: result.csrfToken,
      });
      await navigate(next, { replace: true });
    },
    onError: (error) => {
      form.set('password', '');
      form.setErrors(loginErrors(error));
    },
  });

  if (session.isPending) return <Splash />;
  if (session.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = form.check([
      ['email', email.trim() === '', 'Enter your email address'],
      ['password', password === '', 'Enter your password'],
    ]);
    if (valid) login.mutate({ email: email.trim(), password });
  };

  return (
    <div className="auth-layout">
      <header className="auth-header">
        <span className="brand">
          <BrandMark />
          Concord
        </span>
      </header>
      <main className="auth-main" id="main">
        <div className="auth-card">
          <h1>Sign in</h1>
          <p className="muted small">
            Concord is where the community of states, CERTs, vendors, researchers and assessors runs
            the international cyber-norms regime.
          </p>
          {reason === 'expired' && form.errors === NO_ERRORS ? (
            <Notice tone="info">
              Your session has ended. Sign in again to continue where you left off.
            </Notice>
          ) : null}
          {reason === 'signed-out' && form.errors === NO_ERRORS ? (
            <Notice tone="success">You have logged out.</Notice>
          ) : null}
          {session.isError ? (
            <Notice tone="warning">
              The Concord server is not answering at the moment. You can still try to sign in.
            </Notice>
          ) : null}
          <ErrorSummary errors={form.errors} idPrefix={FORM} title="You could not be signed in" />
          <form onSubmit={onSubmit} noValidate>
            <EmailField
              {...form.field('email')}
              label="Email address"
              autoComplete="username"
              required
            />
            <PasswordField
              {...form.field('password')}
              label="Password"
              autoComplete="current-password"
              required
            />
            <SubmitButton
              style={{ width: '100%' }}
              pending={login.isPending}
              label="Sign in"
              pendingLabel="Signing in…"
            />
          </form>
        </div>
      </main>
      <footer className="auth-footer">
        Accounts are issued by your organisation’s Concord administrator. Anyone may read the{' '}
        <Link to="/public/matrix">public commitments matrix</Link> and the{' '}
        <Link to="/public/intel">public intelligence</Link> (TLP:CLEAR) without an account.
      </footer>
    </div>
  );
}
