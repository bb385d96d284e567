// GovShare's own pages (/, /apply/, /calendar/, /supervision/) talk only to the product API (/api) with HTTP Basic;
// the credentials stay in this tab's sessionStorage. The sign-in form is built here, once, into each page's
// placeholder (#login-section, which keeps the page's own hint).
window.GovShareSession = (function () {
  'use strict';

  const AUTH = 'govshare.auth';
  const USER = 'govshare.user';
  const $ = (id) => document.getElementById(id);

  function signedIn() { return sessionStorage.getItem(AUTH) !== null; }

  function user() { return sessionStorage.getItem(USER) || ''; }

  function headers(accept) {
    return { 'Accept': accept, 'Authorization': sessionStorage.getItem(AUTH), 'X-Requested-With': 'XMLHttpRequest' };
  }

  // The problem detail (with the field it names) or the status; error.status tells 403 and 404 apart.
  function failure(response, json) {
    const field = json && json.field ? '（' + json.field + '）' : '';
    const error = new Error((json && json.detail ? json.detail : response.status + ' ' + response.statusText) + field);
    error.status = response.status;
    return error;
  }

  // A string is sent as plain text (a pasted notice), anything else as JSON.
  async function api(method, path, body) {
    const sent = headers('application/json');
    let payload;
    if (typeof body === 'string') {
      sent['Content-Type'] = 'text/plain; charset=UTF-8';
      payload = body;
    } else if (body !== undefined) {
      sent['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(path, { method, headers: sent, body: payload });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw failure(response, json);
    return json;
  }

  // A file from the API (an export), fetched with the credentials and saved as filename.
  async function download(path, filename) {
    const response = await fetch(path, { headers: headers('*/*') });
    if (!response.ok) {
      const text = await response.text();
      throw failure(response, text.startsWith('{') ? JSON.parse(text) : null);
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = filename;
    link.click();
    URL.revokeObjectURL(link.href);
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

  /**
   * Builds the sign-in form into the page's #login-section (before the page's hint; with the heading 登录 unless
   * options.heading is false) and #who and #logout into its header. Signing in runs start(), the page's first
   * calls, also when this tab is signed in already; options.failed(error) words a failure (登录失败：).
   */
  function loginForm(start, options = {}) {
    $('login-section').insertAdjacentHTML('afterbegin', (options.heading === false ? '' : '<h2>登录</h2>')
      + '<form id="login-form">'
      + '<label>用户名 <input id="login-user" name="user" autocomplete="username" required></label>'
      + '<label>密码 <input id="login-password" name="password" type="password" autocomplete="current-password"'
      + ' required></label>'
      + '<button type="submit" id="login-submit">登录</button>'
      + '<p class="error" id="login-error" role="alert"></p>'
      + '</form>');
    document.querySelector('header').insertAdjacentHTML('beforeend',
      '<span id="who"></span><button id="logout" hidden>退出</button>');
    $('logout').addEventListener('click', signOut);
    $('login-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await signIn($('login-user').value, $('login-password').value, start);
        $('login-error').textContent = '';
      } catch (e) {
        $('login-error').textContent = (options.failed ? options.failed(e) : '登录失败：') + e.message;
      }
    });
    if (signedIn()) start().catch(() => sessionStorage.clear());
  }

  // The page once signed in: who it is in the header (name and department from GET /api/me when the page has it,
  // else the user name), its #app in place of the sign-in form.
  function signedInAs(me) {
    $('who').textContent = me ? me.name + (me.departmentName ? '（' + me.departmentName + '）' : '') : user();
    $('logout').hidden = false;
    $('login-section').hidden = true;
    if ($('app')) $('app').hidden = false;
  }

  return { api, download, loginForm, signedInAs };
})();
