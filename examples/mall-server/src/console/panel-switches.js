// The degradation switches: listed from the overview, flipped for every instance.

import { api } from './api.js';
import { byId, h, setText, toggleClass } from './dom.js';
import { actionFailed, notify } from './notice.js';

/** What each degradation switch does when on (see src/guards/Guards.ts). */
const SWITCH_HELP = {
  'listing.off': 'Category pages answer an empty, degraded page without touching the database.',
  'product.cache-only': 'Products are served from the caches only; misses answer 503.',
  'stock.query-from-view': "Stock queries answer from the product system's stock view.",
  'flashsale.off': 'Flash-sale buys are refused.',
  'catalog.read-only': 'Catalogue writes are refused.',
};

/** The switches as last read or set. */
let switches = [];
/** Bumped by every switch flip: overviews asked for before it do not repaint the switches. */
let epoch = 0;
/** The names of the switches being flipped. */
const flipping = new Set();

/** The epoch to hand back to `showSwitches` with the overview read from now on. */
export function switchesEpoch() {
  return epoch;
}

/** Shows the switches of an overview asked for at `askedAt`, unless a flip began or ended since. */
export function showSwitches(list, askedAt) {
  if (askedAt !== epoch || flipping.size > 0) return;
  switches = list;
  renderSwitches();
}

/** Signed out: the switches are no longer known. */
export function forgetSwitches() {
  switches = [];
}

function renderSwitches() {
  const list = byId('switches');
  const items = new Map();
  for (const li of Array.from(list.children)) items.set(li.dataset.name, li);
  for (const sw of switches) {
    let li = items.get(sw.name);
    if (li === undefined) {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'toggle',
          role: 'switch',
          'aria-checked': 'false',
          'data-testid': `switch-${sw.name}`,
          'data-name': sw.name,
          'aria-label': `${sw.name} (on: degraded)`,
        },
        h(
          'span',
          { class: 'toggle-track', 'aria-hidden': 'true' },
          h('span', { class: 'toggle-thumb' }),
        ),
        h('span', { class: 'toggle-label' }),
      );
      button.addEventListener('click', () => {
        const current = switches.find((x) => x.name === sw.name);
        flipSwitch(sw.name, !(current?.on ?? false));
      });
      li = h(
        'li',
        { class: 'switch-row', 'data-name': sw.name },
        h(
          'div',
          { class: 'switch-text' },
          h('span', { class: 'switch-name mono' }, sw.name),
          h('span', { class: 'switch-help' }, SWITCH_HELP[sw.name] ?? ''),
        ),
        button,
      );
      list.append(li);
    } else {
      items.delete(sw.name);
    }
    const button = li.querySelector('button');
    const pending = flipping.has(sw.name);
    button.setAttribute('aria-checked', sw.on ? 'true' : 'false');
    button.disabled = pending;
    toggleClass(li, 'is-on', sw.on);
    setText(button.querySelector('.toggle-label'), pending ? '…' : sw.on ? 'Degraded' : 'Normal');
  }
  for (const li of items.values()) li.remove();
}

async function flipSwitch(name, on) {
  if (flipping.has(name)) return;
  flipping.add(name);
  epoch++;
  renderSwitches();
  try {
    const list = await api('PUT', `/api/admin/switches/${encodeURIComponent(name)}`, {
      body: { on },
      retries: 4,
    });
    switches = list;
    notify(`${name} is now ${on ? 'on: degraded' : 'off: normal service'}.`);
  } catch (error) {
    actionFailed(error, `Could not flip ${name}`);
  } finally {
    epoch++;
    flipping.delete(name);
    renderSwitches();
  }
}
