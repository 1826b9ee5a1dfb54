// Hosted mode: sign up or log in (then back to the screen that asked for
// it), change your password, share your journal with a therapist, and, for a
// therapist, the clients who shared theirs with each one's card.
// On a one-person plantar (no --store) there are no accounts: it says so.
import { useState } from 'preact/hooks';
import { ApiError, accountChanged, change, get, post } from '../api';
import { clearDrafts, draftsBelongTo } from '../draft';
import { go } from '../router';
import { Pending, Title, useLoad } from '../ui';

interface Me { email: string | null }
interface Share { id: number; created: string; expires: string; therapist: string; status: string; code?: string }
interface Client { id: number; email: string; since: string }
interface CardText { title: string; name: string; date: string; verdict: string; sections: Record<string, string[] | string> }

async function whoAmI(): Promise<{ hosted: boolean; me: Me | null }> {
  const session = await get<{ hosted?: boolean }>('session');
  if (!session.hosted) return { hosted: false, me: null };
  const me = await get<Me>('account');
  return { hosted: true, me: me.email ? me : null };
}

const day = (iso: string) => iso.slice(0, 10);

function SignIn({ done }: { done: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ text: string; field?: string } | null>(null);
  const send = async (path: 'account' | 'login') => {
    try {
      const me = await post<Me>(path, { email, password });
      if (me.email) draftsBelongTo(me.email);
      done(me);
    } catch (e) {
      setError({ text: (e as Error).message, field: e instanceof ApiError ? e.field : undefined });
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); send('login'); }}>
      <label class="field">Email
        <input type="email" autocomplete="username" value={email} aria-invalid={error?.field === 'email'}
          onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
      </label>
      <label class="field">Password (at least 10 characters)
        <input type="password" autocomplete="current-password" value={password} aria-invalid={error?.field === 'password'}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
      </label>
      {error && <p class="notice error" role="alert">{error.text}</p>}
      <p class="row">
        <button class="button" type="submit">Log in</button>{' '}
        <button class="button secondary" type="button" onClick={() => send('account')}>Sign up</button>
      </p>
    </form>
  );
}

// What a screen that sent a logged-out person here shows, in their words.
const wanted: Record<string, string> = {
  journal: 'your journal', insights: 'your insights', card: 'your therapist card', guide: 'a guided session',
};

function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ text: string; field?: string } | null>(null);
  const [changed, setChanged] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    try {
      await post('password', { current, new: next });
      setCurrent(''); setNext(''); setMessage(null); setChanged(true);
    } catch (err) {
      setChanged(false);
      setMessage({ text: (err as Error).message, field: err instanceof ApiError ? err.field : undefined });
    }
  };
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">Change my password</h2>
      <form onSubmit={send}>
        <label class="field">Current password
          <input type="password" autocomplete="current-password" value={current} aria-invalid={message?.field === 'current'}
            onInput={(e) => setCurrent((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">New password (at least 10 characters)
          <input type="password" autocomplete="new-password" value={next} aria-invalid={message?.field === 'new'}
            onInput={(e) => setNext((e.target as HTMLInputElement).value)} />
        </label>
        {message && <p class="notice error" role="alert">{message.text}</p>}
        {changed && <p class="notice" role="status">Your password is changed. You stay logged in here;
          anywhere else, log in again with the new one.</p>}
        <button class="button" type="submit">Change password</button>
      </form>
    </section>
  );
}

function ShareWithTherapist() {
  const [version, setVersion] = useState(0);
  const [made, setMade] = useState<Share | null>(null);
  const shares = useLoad(() => get<{ shares: Share[] }>('shares'), [version]);
  const make = async () => { setMade(await post<Share>('shares', {})); setVersion(version + 1); };
  const revoke = async (id: number) => { await change('DELETE', `shares/${id}`); setMade(null); setVersion(version + 1); };
  return (
    <section aria-labelledby="share-title">
      <h2 id="share-title">Share with my therapist</h2>
      <p>Your therapist sees your card and your trends, and nothing else. You can stop sharing at any time.</p>
      <button class="button" type="button" onClick={make}>Make a share code</button>
      {made && <p class="notice" role="status">Give your therapist this code: <strong class="share-code">{made.code}</strong>.
        It works once, until {day(made.expires)}.</p>}
      {!shares.value ? <Pending error={shares.error} /> : shares.value.shares.length > 0 && (
        <ul class="links shares">
          {shares.value.shares.map((s) => (
            <li key={s.id}>
              Code made {day(s.created)}: {s.status === 'accepted' ? `shared with ${s.therapist}` : s.status}
              {(s.status === 'accepted' || s.status === 'waiting') &&
                <> {' '}<button class="link" type="button" onClick={() => revoke(s.id)}>Stop sharing</button></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClientCard({ client }: { client: Client }) {
  const card = useLoad(() => get<{ card: CardText }>(`clients/${client.id}/card`, { format: 'json' }), [client.id]);
  if (!card.value) return <Pending error={card.error} />;
  const { sections, verdict } = card.value.card;
  return (
    <div class="client-card">
      <p><strong>Safety check:</strong> {verdict}</p>
      {Object.entries(sections).map(([name, lines]) => (
        <div key={name}>
          <h4>{name === 'sore' ? 'Sore spots' : name[0].toUpperCase() + name.slice(1)}</h4>
          {Array.isArray(lines)
            // The routine's steps come numbered ("1. Warming strokes ..."): no bullets before the numbers.
            ? (lines.length ? <ul class={/^\d+\./.test(lines[0]) ? 'numbered' : undefined}>{lines.map((l) => <li key={l}>{l}</li>)}</ul> : <p>None.</p>)
            : <p>{lines}</p>}
        </div>
      ))}
    </div>
  );
}

function MyClients() {
  const [version, setVersion] = useState(0);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const clients = useLoad(() => get<{ clients: Client[] }>('clients'), [version]);
  const accept = async (e: Event) => {
    e.preventDefault();
    try {
      await post('shares/accept', { code });
      setMessage({ text: 'Added. Their card is below.', error: false });
      setCode('');
      setVersion(version + 1);
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    }
  };
  return (
    <section aria-labelledby="clients-title">
      <h2 id="clients-title">My clients</h2>
      <form onSubmit={accept}>
        <label class="field">A client's share code
          <input type="text" autocomplete="off" value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
        </label>
        <button class="button" type="submit">Add client</button>
      </form>
      {message && <p class={message.error ? 'notice error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {!clients.value ? <Pending error={clients.error} /> : clients.value.clients.length === 0
        ? <p>No clients have shared with you yet.</p>
        : clients.value.clients.map((c) => (
          <article key={c.id} class="client">
            <h3>{c.email}</h3>
            <p class="small">Shared since {day(c.since)}.</p>
            <ClientCard client={c} />
          </article>
        ))}
    </section>
  );
}

/// `then`: the route that sent a logged-out person here, opened again once they are in.
export function Account({ then }: { then?: string }) {
  const [version, setVersion] = useState(0);
  const state = useLoad(whoAmI, [version]);
  const refresh = () => { accountChanged(); setVersion(version + 1); };
  if (!state.value) return <section class="screen"><Title>Account</Title><Pending error={state.error} /></section>;
  const { hosted, me } = state.value;
  const entered = () => { if (then) { accountChanged(); go(then); } else refresh(); };
  return (
    <section class="screen">
      <Title>{me ? 'Your account' : 'Log in or sign up'}</Title>
      {!hosted && <p class="lead">This plantar is yours alone, on your own computer: it has no accounts.</p>}
      {hosted && !me && then && (
        <p class="lead">Log in to see {wanted[then.split('/')[0]] ?? 'this page'}: it is kept for your account only.
          New here? Sign up with your email.</p>
      )}
      {hosted && !me && <SignIn done={entered} />}
      {me && (
        <>
          <p>Logged in as <strong>{me.email}</strong>.{' '}
            <button class="link" type="button" onClick={async () => { await post('logout', {}); clearDrafts(); refresh(); }}>Log out</button></p>
          {then && <p><a class="button" href={`#/${then}`}>Go on to {wanted[then.split('/')[0]] ?? 'where you were'}</a></p>}
          <ShareWithTherapist />
          <MyClients />
          <ChangePassword />
          <h2>Delete my account</h2>
          <p>This removes your journal, your shares and your account for good.</p>
          <button class="button danger" type="button" onClick={async () => {
            if (confirm('Delete your account and your whole journal?')) { await change('DELETE', 'account'); clearDrafts(); refresh(); }
          }}>Delete my account</button>
        </>
      )}
    </section>
  );
}
