// The demo page: every end-user flow through the web SDK, served by the host at /demo.
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const show = (id, visible) => { $(id).hidden = !visible; };

let sdk;
try {
  sdk = await import('./sdk/index.js');
} catch {
  show('sdk-missing', true);
  throw new Error('The web SDK is not built.');
}

const transport = params.get('transport') === 'cookie' ? 'cookie' : 'body';
const auth = sdk.createAuthClient({
  baseUrl: location.origin,
  apiKey: params.get('key') ?? undefined,
  storage: 'localStorage',
  transport,
  storageKey: 'jwtauthkit.demo.' + transport,
});
window.jwtAuthKitDemo = { auth, sdk };
$('transport').textContent = transport === 'cookie' ? 'refresh token in an HttpOnly cookie' : 'refresh token in localStorage';

function say(message, error = false) {
  const status = $('status');
  status.textContent = message;
  status.classList.toggle('error', error);
  status.hidden = false;
}

function explain(error) {
  if (!(error instanceof sdk.AuthError)) return String(error);
  const fields = error.errors ? ' ' + Object.entries(error.errors).map(([f, m]) => `${f}: ${m.join(', ')}`).join('; ') : '';
  const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : '';
  return `${error.message}${fields}${wait} (${error.code})`;
}

async function attempt(action, done) {
  try {
    const result = await action();
    if (done) say(done);
    return result;
  } catch (error) {
    say(explain(error), true);
    return undefined;
  }
}

function log(event, session) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${event}${session ? ' — ' + session.user.email : ''}`;
  item.dataset.event = event;
  $('log').prepend(item);
}

let pendingMfa = null;

async function render() {
  const session = await auth.getSession();
  show('mfa-step', pendingMfa !== null);
  show('signed-out', !session && pendingMfa === null);
  show('signed-in', Boolean(session));
  if (!session) return;
  const user = session.user;
  $('me-email').textContent = user.email;
  $('me-name').textContent = user.name ?? '—';
  $('me-verified').textContent = user.email_verified ? 'yes' : 'not yet';
  $('me-roles').textContent = user.roles.join(', ') || '—';
  $('me-mfa').textContent = user.mfa_enabled ? 'on' : (session.mfaEnrollmentRequired ? 'required by your role — set it up below' : 'off');
  $('me-expires').textContent = new Date(session.expiresAt).toLocaleTimeString();
  $('me-expires').dataset.token = session.accessToken.slice(-12);
  show('mfa-setup', !user.mfa_enabled);
  const sessions = await attempt(() => auth.listSessions());
  const list = $('sessions');
  list.replaceChildren();
  for (const s of sessions ?? []) {
    const item = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = `${s.current ? 'This device' : (s.user_agent ?? 'Unknown device').slice(0, 60)} · since ${new Date(s.created_at).toLocaleString()}`;
    item.append(text);
    if (!s.current) {
      const end = document.createElement('button');
      end.className = 'secondary';
      end.textContent = 'End';
      end.setAttribute('aria-label', 'End session ' + s.id);
      end.addEventListener('click', async () => { await attempt(() => auth.endSession(s.id), 'Session ended.'); await render(); });
      item.append(end);
    }
    list.append(item);
  }
}

function finish(result) {
  if (!result) return;
  if (result.status === 'mfa_required') {
    pendingMfa = result.mfaToken;
    say('Enter the code from your authenticator app.');
  } else {
    pendingMfa = null;
    say('Signed in.');
  }
  return render();
}

// Tabs with arrow-key movement (WAI-ARIA tabs pattern).
const tabs = [...document.querySelectorAll('[role="tab"]')];
function select(tab) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !selected;
  }
  tab.focus();
}
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') select(tabs[(i + 1) % tabs.length]);
    if (e.key === 'ArrowLeft') select(tabs[(i - 1 + tabs.length) % tabs.length]);
  });
});

$('panel-password').addEventListener('submit', async (e) => {
  e.preventDefault();
  await finish(await attempt(() => auth.signIn({ email: $('signin-email').value, password: $('signin-password').value })));
});

$('panel-signup').addEventListener('submit', async (e) => {
  e.preventDefault();
  const result = await attempt(() => auth.signUp({ email: $('signup-email').value, password: $('signup-password').value, name: $('signup-name').value || undefined }));
  if (result) {
    say(result.session ? 'Account created; you are signed in. Check your email to verify the address.' : 'Account created. Verify your email address, then sign in.');
    await render();
  }
});

$('panel-link').addEventListener('submit', async (e) => {
  e.preventDefault();
  const email = $('link-email').value;
  const here = location.origin + location.pathname;
  try {
    await auth.sendMagicLink({ email, redirectTo: here });
    say('Check your email: the link signs you in on this page.');
  } catch (error) {
    if (error instanceof sdk.AuthError && error.code === 'invalid_redirect') {
      await attempt(() => auth.sendMagicLink({ email }), `Check your email. (Add ${here} to the application's redirect_urls to land back here.)`);
    } else {
      say(explain(error), true);
    }
  }
});

$('code-send').addEventListener('click', () => attempt(() => auth.sendEmailCode($('code-email').value), 'Check your email for a six-digit code.'));
$('panel-code').addEventListener('submit', async (e) => {
  e.preventDefault();
  await finish(await attempt(() => auth.verifyEmailCode({ email: $('code-email').value, code: $('code-value').value })));
});

$('mfa-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const code = $('mfa-code').value || undefined;
  const recoveryCode = $('mfa-recovery').value || undefined;
  const session = await attempt(() => auth.verifyMfa({ mfaToken: pendingMfa, code, recoveryCode }));
  if (session) await finish({ status: 'signed_in', session });
});

$('refresh').addEventListener('click', async () => { await attempt(() => auth.refresh(), 'Token refreshed.'); await render(); });
$('signout').addEventListener('click', async () => { await auth.signOut(); say('Signed out.'); await render(); });
$('signout-all').addEventListener('click', async () => { await auth.signOut({ allSessions: true }); say('Signed out on every device.'); await render(); });

$('mfa-setup').addEventListener('click', async () => {
  const setup = await attempt(() => auth.mfa.setupTotp());
  if (!setup) return;
  $('mfa-secret').textContent = setup.secret;
  $('mfa-uri').textContent = setup.otpauthUri;
  show('mfa-confirm', true);
});
$('mfa-confirm').addEventListener('submit', async (e) => {
  e.preventDefault();
  const codes = await attempt(() => auth.mfa.confirmTotp($('mfa-confirm-code').value), 'Two-step sign-in is on.');
  if (!codes) return;
  show('mfa-confirm', false);
  $('mfa-code-list').replaceChildren(...codes.map((c) => Object.assign(document.createElement('li'), { textContent: c })));
  show('mfa-codes', true);
  await attempt(() => auth.getUser());
  await render();
});

auth.onAuthStateChange((event, session) => { log(event, session); void render(); });

// A magic link lands here with ?token=: sign in and clean the address.
if (params.has('token')) {
  await finish(await attempt(() => auth.handleMagicLinkRedirect()));
}
await auth.start();
await render();
document.body.dataset.ready = 'true';
