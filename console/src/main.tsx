import { StrictMode, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, onSignedOut, type Meta, type Session } from './api';
import { ErrorBox, href, useRoute } from './ui';
import { SignIn } from './pages/sign-in';
import { ConnectorList } from './pages/connectors';
import { DashboardPage } from './pages/dashboard';
import { ConnectorForm } from './pages/connector-form';
import { ConnectorPage } from './pages/connector';
import './styles.css';

type State = { kind: 'loading' } | { kind: 'out'; message?: string } | { kind: 'in'; session: Session; meta?: Meta; metaError?: unknown };

function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const signedIn = useCallback((session: Session) => {
    setState({ kind: 'in', session });
    api.meta().then(
      (meta) => setState((s) => (s.kind === 'in' ? { ...s, meta } : s)),
      (metaError) => setState((s) => (s.kind === 'in' ? { ...s, metaError } : s)),
    );
  }, []);

  useEffect(() => {
    onSignedOut((message) => setState({ kind: 'out', message }));
    api.session().then(
      (s) => (s.SignedIn ? signedIn(s) : setState({ kind: 'out', message: s.Message && /expired|ended/.test(s.Message) ? s.Message : undefined })),
      () => setState({ kind: 'out', message: 'The server could not be reached.' }),
    );
  }, [signedIn]);

  if (state.kind === 'loading')
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (state.kind === 'out') return <SignIn message={state.message} onSignedIn={signedIn} />;
  return (
    <Shell
      session={state.session}
      meta={state.meta}
      metaError={state.metaError}
      onSignedOut={() => setState({ kind: 'out', message: 'You are signed out.' })}
    />
  );
}

function Shell({ session, meta, metaError, onSignedOut: signedOut }: { session: Session; meta?: Meta; metaError?: unknown; onSignedOut: () => void }) {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    setBusy(true);
    try {
      await api.signOut();
    } catch {
      /* the session is gone either way */
    }
    signedOut();
  };

  let page: ReactNode;
  if (!meta) page = metaError ? <ErrorBox error={metaError} /> : <p role="status">Loading…</p>;
  else if (route[0] === 'dashboard') page = <DashboardPage />;
  else if (route[0] === 'connectors' && route[1] === 'new') page = <ConnectorForm session={session} meta={meta} />;
  else if (route[0] === 'connectors' && route[1] && route[2] === 'edit') page = <ConnectorForm session={session} meta={meta} id={route[1]} />;
  else if (route[0] === 'connectors' && route[1])
    page = <ConnectorPage key={route[1]} session={session} meta={meta} id={route[1]} section={route[2] ?? 'overview'} />;
  else page = <ConnectorList session={session} meta={meta} />;

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link (WCAG 2.4.1); href="#main" is its target without script, and the handler only keeps the hash router from reading #main as a route */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="topbar">
        <a className="brand" href={href('connectors')}>
          ActionBridge
        </a>
        <nav aria-label="Main">
          <a href={href('dashboard')} aria-current={route[0] === 'dashboard' ? 'page' : undefined}>
            Dashboard
          </a>
          <a href={href('connectors')} aria-current={route[0] === 'connectors' && !route[1] ? 'page' : undefined}>
            Connectors
          </a>
        </nav>
        <div className="who">
          <span className="user" title={session.UserArn}>
            {session.UserName} <span className="role">{session.Role}</span>
          </span>
          <button type="button" className="secondary" onClick={signOut} disabled={busy}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
