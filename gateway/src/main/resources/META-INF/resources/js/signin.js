// Development sign-in for the agent desktop and the supervisor view: pick a demo roster user, get a token from the
// gateway (POST /auth/dev-token), keep it in sessionStorage (per tab, gone when the tab closes).
import { $, el, show } from './dom.js';
import { Api } from './api.js';
import { claimsOf as decodePayload, isLive } from './jwt.js';
import { t } from './i18n.js';

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
    return isLive(token) ? token : null;
  }

  /** {id, name, groups} from the token, or null when signed out. */
  get user() {
    const claims = this.token && decodePayload(this.token);
    return claims ? { id: claims.sub, name: claims.name || claims.sub, groups: claims.groups || [] } : null;
  }

  /**
   * A fresh token for the signed-in user before this one expires (development sign-in: the same dev-token call;
   * with an identity provider this is its refresh). Resolves with the new token, or null when refused.
   */
  async renew() {
    const user = this.user;
    if (!user) return null;
    try {
      const { token } = await new Api().post('/auth/dev-token', { username: user.id });
      sessionStorage.setItem(this.storageKey, token);
      return token;
    } catch {
      return null;
    }
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
      error.textContent = t('signIn.error.unavailable', { error: e.message });
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
          error.textContent = t('signIn.error.failed', { error: e.message });
        }
      });
    });
  }
}
