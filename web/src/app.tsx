// The app shell: a header, the screen of the current route, and a tab bar
// that sits at the bottom on a phone.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { accountEvent, get, sessionInfo, sessionKnown, toLogin } from './api';
import { draftsBelongTo } from './draft';
import { useLive } from './live';
import { Player } from './player';
import { useRoute } from './router';
import { Account } from './screens/account';
import { Ask } from './screens/ask';
import { Card } from './screens/card';
import { Check } from './screens/check';
import { Guide } from './screens/guide';
import { Home } from './screens/home';
import { Insights } from './screens/insights';
import { Journal } from './screens/journal';
import { Learn } from './screens/learn';
import { Places } from './screens/places';
import { Plan } from './screens/plan';
import { More, Soon, comingSoon } from './screens/soon';

const nav = [
  ['', 'Home'],
  ['check', 'Check'],
  ['plan', 'Plan'],
  ['learn', 'Learn'],
  ['more', 'More'],
] as const;

// The screens that show one person's own data: in hosted mode they need a
// login, and a logged-out person is taken to it (and brought back after).
const personal = new Set(['journal', 'insights', 'card', 'guide']);

async function loggedIn(): Promise<boolean> {
  if (!navigator.onLine) return true;  // the app opened offline: the screen says what it can
  const info = await sessionInfo().catch(() => null);
  if (!info?.hosted) return true;
  return !!(await get<{ email: string | null }>('account').catch(() => ({ email: null }))).email;
}

function Personal({ children }: { children: ComponentChildren }) {
  const known = sessionKnown();
  const [ready, setReady] = useState(!!known && !known.hosted);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loggedIn().then((yes) => { if (!live) return; if (yes) setReady(true); else void toLogin(); });
    return () => { live = false; };
  }, []);
  return ready ? <>{children}</> : <p class="notice" role="status">Loading…</p>;
}

// Hosted mode: where to log in, or the account, always in the header (the
// home screen has no other way to find it).
function AccountLink({ route, current }: { route: string; current: boolean }) {
  const [me, setMe] = useState<{ email: string | null } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const again = () => setVersion((v) => v + 1);
    addEventListener(accountEvent, again);
    return () => removeEventListener(accountEvent, again);
  }, []);
  useEffect(() => {
    if (!navigator.onLine) return;  // opened offline: no request that can only fail
    let live = true;
    sessionInfo()
      .then(async (info) => (info.hosted ? get<{ email: string | null }>('account') : null))
      .then((who) => { if (who?.email) draftsBelongTo(who.email); if (live) setMe(who); }, () => {});
    return () => { live = false; };
  }, [route, version]);
  if (!me) return null;
  return <a class="account-link" href="#/account" aria-current={current ? 'page' : undefined}>{me.email ? 'My account' : 'Log in'}</a>;
}

function Screen({ route }: { route: string[] }) {
  if (personal.has(route[0] ?? '')) return <Personal><PersonalScreen route={route} /></Personal>;
  return <OpenScreen route={route} />;
}

function PersonalScreen({ route }: { route: string[] }) {
  const [name, arg] = route;
  if (name === 'guide') return <Guide preset={arg} />;
  if (name === 'journal') return <Journal />;
  if (name === 'insights') return <Insights />;
  return <Card />;
}

function OpenScreen({ route }: { route: string[] }) {
  const [name = '', arg] = route;
  if (name === 'check') return <Check then={arg} />;
  if (name === 'plan') return <Plan preset={arg} />;
  if (name === 'learn') return <Learn tab={arg} />;
  if (name === 'more') return <More />;
  if (name === 'ask') return <Ask question={arg} />;
  if (name === 'places') return <Places />;
  if (name === 'account') return <Account then={arg} />;
  if (name in comingSoon) return <Soon id={name} />;
  return <Home />;
}

export function App() {
  const route = useRoute();
  const key = route.join('/');
  // The account screen is the header's link, not a tab: only that link is marked as the current page.
  const underMore = (name?: string) => !!name && (name in comingSoon || ['card', 'ask', 'places', 'journal', 'insights'].includes(name));
  const current = underMore(route[0]) ? 'more' : route[0] ?? '';
  const live = useLive(false);
  // During a session the guide has the whole screen: no tab bar, one clear way out.
  const focused = route[0] === 'guide' && !!live && live.ended === null;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.querySelector<HTMLElement>('main h1')?.focus(); }}>Skip to content</a>
      <header class={focused ? 'top focused' : 'top'}>
        <a class="brand" href="#/">plantar</a>
        {focused && <a class="exit-focus" href="#/" title="The session keeps playing">Leave the guide</a>}
        <nav aria-label="Main" hidden={focused}>
          <ul>
            {nav.map(([path, label]) => (
              <li key={path}><a href={`#/${path}`} aria-current={current === path ? 'page' : undefined}>{label}</a></li>
            ))}
          </ul>
        </nav>
        {!focused && <AccountLink route={key} current={route[0] === 'account'} />}
      </header>
      <main id="main"><Screen key={key} route={route} /></main>
      <Player onGuide={route[0] === 'guide'} />
    </>
  );
}
