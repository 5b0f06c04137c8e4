// The mall-server admin console: plain browser JavaScript modules, no build step, no
// dependency. Everything it shows comes from the admin JSON API with the token the operator
// typed; every piece of data goes into the DOM as text (textContent / text nodes /
// attributes), never as markup.
//
// This module signs in and out and runs the refresh loop; each panel-*.js reads and draws
// one panel (or the panels one read feeds).

import {
  api,
  describeError,
  forgetToken,
  isAuthError,
  rememberToken,
  savedToken,
  signedIn,
} from './api.js';
import { byId, setText, toggleClass } from './dom.js';
import { fmtClock } from './format.js';
import { whenAuthLost } from './notice.js';
import { loadActivities } from './panel-activities.js';
import { loadOverview } from './panel-overview.js';
import { loadReservations } from './panel-reservations.js';
import { forgetSkus, initSkuFilter, loadSkus } from './panel-skus.js';
import { initStockSearch, loadStock } from './panel-stock.js';
import { forgetSwitches } from './panel-switches.js';
import { syncNow } from './panel-sync.js';
import { forgetSplit, initSplit, loadWarehouses } from './panel-warehouses.js';

const REFRESH_MS = 2_000;
const TOKEN_REFUSED = 'The server no longer accepts this token. Sign in again.';

let timer;
/** The refresh under way, if any. */
let refreshing;

// ---------------------------------------------------------------------------------------
// Refresh loop
// ---------------------------------------------------------------------------------------

/** Reads everything once; each panel keeps its last data when its read fails. */
async function refresh() {
  if (refreshing) return refreshing;
  const run = async () => {
    const jobs = [
      loadOverview(),
      loadStock(),
      loadReservations(),
      loadActivities(),
      loadWarehouses(),
      loadSkus(),
    ];
    const results = await Promise.allSettled(jobs);
    if (!signedIn()) return;
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    if (failures.some(isAuthError)) {
      signOut(TOKEN_REFUSED);
      return;
    }
    const status = byId('refresh-status');
    toggleClass(status, 'is-error', failures.length > 0);
    setText(
      status,
      failures.length === 0
        ? `Updated ${fmtClock(Date.now())}`
        : `Refresh incomplete (${describeError(failures[0])}), retrying`,
    );
  };
  refreshing = run().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function loop() {
  timer = undefined;
  if (!signedIn()) return;
  if (!document.hidden) await refresh();
  if (signedIn()) timer = setTimeout(loop, REFRESH_MS);
}

function refreshSoon() {
  if (!signedIn()) return;
  clearTimeout(timer);
  timer = setTimeout(loop, 0);
}

// ---------------------------------------------------------------------------------------
// Sign in and out
// ---------------------------------------------------------------------------------------

function showLoginError(text) {
  const box = byId('login-error');
  setText(box, text);
  box.hidden = text === '';
}

function enter(token, session) {
  rememberToken(token);
  showLoginError('');
  byId('login-token').value = '';
  byId('login').hidden = true;
  byId('app').hidden = false;
  byId('session-meta').hidden = false;
  setText(byId('session-instance'), session.instance);
  setText(byId('session-mode'), `${session.mode} · flash sales on ${session.flashSaleEngine}`);
  document.title = `mallkit · ${session.instance}`;
  refreshSoon();
}

function signOut(message = '') {
  forgetToken();
  clearTimeout(timer);
  timer = undefined;
  byId('app').hidden = true;
  byId('session-meta').hidden = true;
  byId('login').hidden = false;
  for (const id of [
    'stock',
    'reservations',
    'activities',
    'warehouses',
    'skus',
    'hot-keys',
    'alerts',
    'breakers',
  ]) {
    byId(id).replaceChildren();
  }
  byId('switches').replaceChildren();
  byId('sync-report').hidden = true;
  forgetSkus();
  forgetSwitches();
  forgetSplit();
  document.title = 'mallkit · admin console';
  showLoginError(message);
  byId('login-token').focus();
}

async function signIn(token, silent) {
  const button = byId('login-submit');
  button.disabled = true;
  setText(button, 'Signing in…');
  try {
    const session = await api('GET', '/api/admin/session', { token, retries: 4 });
    enter(token, session);
  } catch (error) {
    forgetToken();
    if (isAuthError(error)) {
      showLoginError(
        silent
          ? 'Your saved token is no longer accepted. Sign in again.'
          : 'That token was refused. Check the server’s ADMIN_TOKEN and try again.',
      );
    } else {
      showLoginError(`Cannot sign in: ${describeError(error)}.`);
    }
    const input = byId('login-token');
    input.focus();
    input.select();
  } finally {
    button.disabled = false;
    setText(button, 'Sign in');
  }
}

function start() {
  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byId('login-token').value.trim();
    if (token === '') {
      showLoginError('Enter the admin token.');
      return;
    }
    signIn(token, false);
  });
  byId('logout').addEventListener('click', () => signOut());
  byId('sync-now').addEventListener('click', () => syncNow(refreshSoon));
  whenAuthLost(() => signOut(TOKEN_REFUSED));
  initStockSearch();
  initSkuFilter();
  initSplit();

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) refreshSoon();
  });

  const saved = savedToken();
  if (saved) signIn(saved, true);
  else byId('login-token').focus();
}

start();
