// GovShare's own pages (/apply/, /calendar/) talk only to the product API (/api) with HTTP Basic; the
// credentials stay in this tab's sessionStorage.
window.GovShareSession = (function () {
  'use strict';

  const AUTH = 'govshare.auth';
  const USER = 'govshare.user';

  function signedIn() { return sessionStorage.getItem(AUTH) !== null; }

  function user() { return sessionStorage.getItem(USER) || ''; }

  // A string is sent as plain text (a pasted notice), anything else as JSON.
  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'Authorization': sessionStorage.getItem(AUTH),
      'X-Requested-With': 'XMLHttpRequest' };
    let payload;
    if (typeof body === 'string') {
      headers['Content-Type'] = 'text/plain; charset=UTF-8';
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(path, { method, headers, body: payload });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const field = json && json.field ? '（' + json.field + '）' : '';
      throw new Error((json && json.detail ? json.detail : response.status + ' ' + response.statusText) + field);
    }
    return json;
  }

  // Keeps the credentials if the page's first calls (start) succeed, forgets them otherwise.
  async function signIn(name, password, start) {
    sessionStorage.setItem(AUTH, 'Basic ' + btoa(unescape(encodeURIComponent(name + ':' + password))));
    sessionStorage.setItem(USER, name);
    try {
      return await start();
    } catch (e) {
      sessionStorage.clear();
      throw e;
    }
  }

  function signOut() {
    sessionStorage.clear();
    location.reload();
  }

  return { api, signedIn, signIn, signOut, user };
})();
