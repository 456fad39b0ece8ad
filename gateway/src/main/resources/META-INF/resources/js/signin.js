// Development sign-in for the agent desktop and the supervisor view: pick a demo roster user, get a token from the
// gateway (POST /auth/dev-token), keep it in sessionStorage (per tab, gone when the tab closes).
import { $, el, show } from './dom.js';
import { Api } from './api.js';

function decodePayload(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent([...atob(part)].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export class SignIn {
  /**
   * @param storageKey sessionStorage key of the token
   * @param requiredGroup only roster users with this group are offered (agent / supervisor)
   */
  constructor(storageKey, requiredGroup) {
    this.storageKey = storageKey;
    this.requiredGroup = requiredGroup;
  }

  get token() {
    const token = sessionStorage.getItem(this.storageKey);
    const claims = token && decodePayload(token);
    if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) return null;
    return token;
  }

  /** {id, name, groups} from the token, or null when signed out. */
  get user() {
    const claims = this.token && decodePayload(this.token);
    return claims ? { id: claims.sub, name: claims.name || claims.sub, groups: claims.groups || [] } : null;
  }

  signOut() {
    sessionStorage.removeItem(this.storageKey);
    location.reload();
  }

  /** Shows the sign-in form until a user signs in; resolves with the user (at once when already signed in). */
  async ensureSignedIn() {
    if (this.user) return this.user;
    const section = $('#sign-in');
    const select = $('#sign-in-user');
    const error = $('#sign-in-error');
    const api = new Api();
    show(section, true);
    try {
      const roster = await api.get('/auth/dev-roster');
      select.replaceChildren(...roster
        .filter((u) => u.groups.includes(this.requiredGroup))
        .map((u) => el('option', { value: u.username }, `${u.name} (${u.username})`)));
    } catch (e) {
      error.textContent = `Development sign-in is not available: ${e.message}`;
    }
    select.focus();
    return new Promise((resolve) => {
      $('#sign-in-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        error.textContent = '';
        try {
          const { token } = await api.post('/auth/dev-token', { username: select.value });
          sessionStorage.setItem(this.storageKey, token);
          show(section, false);
          resolve(this.user);
        } catch (e) {
          error.textContent = `Sign-in failed: ${e.message}`;
        }
      });
    });
  }
}
