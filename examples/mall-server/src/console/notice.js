// The notice line above the dashboard: what an action did, or why it failed.

import { describeError, isAuthError } from './api.js';
import { byId, setText } from './dom.js';

const NOTICE_MS = 6_000;

let timer;
let onAuthLost = () => {};

/** What to do when an action finds the token no longer accepted (main.js: sign out). */
export function whenAuthLost(handler) {
  onAuthLost = handler;
}

export function notify(text, kind = 'info') {
  const box = byId('notice');
  box.className = `notice notice-${kind}`;
  setText(box, text);
  box.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    box.hidden = true;
  }, NOTICE_MS);
}

/** Reports a failed action: `what` could not be done, and why. */
export function actionFailed(error, what) {
  if (isAuthError(error)) {
    onAuthLost();
    return;
  }
  notify(`${what}: ${describeError(error)}.`, 'error');
}
