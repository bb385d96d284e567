// 政务数据开放门户 (R25): the public's own page. It talks only to /api/public with HTTP Basic as the public account;
// the credentials stay in this tab's sessionStorage under keys of its own, apart from the government pages'.
(function () {
  'use strict';

  const AUTH = 'govshare.open.auth';
  const USER = 'govshare.open.user';
  const PREFIX = 'pub-';
  const $ = (id) => document.getElementById(id);
  let accepting = false;

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : text;
    row.appendChild(td);
    return td;
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
  }

  async function api(method, path, body, anonymous) {
    const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (!anonymous && sessionStorage.getItem(AUTH)) headers.Authorization = sessionStorage.getItem(AUTH);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(json && json.detail ? json.detail : '请求失败（' + response.status + '）');
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function show(id, error) {
    $(id).textContent = error ? error.message : '';
  }

  async function loadPortal() {
    const portal = await api('GET', '/api/public/portal', undefined, true);
    accepting = portal.accepting;
    $('portal-status').textContent = portal.message;
    $('portal-status').classList.toggle('closed', !portal.accepting);
    const registration = portal.registration;
    if (registration && !registration.open) {
      // no way to send a code: say so before anyone fills the form in
      $('register-form').querySelectorAll('input, select, button').forEach((field) => { field.disabled = true; });
      $('register-closed').textContent = registration.message;
      $('register-closed').hidden = false;
    }
  }

  async function loadCatalog() {
    const resources = await api('GET', '/api/public/catalog', undefined, true);
    const body = $('catalog').querySelector('tbody');
    body.replaceChildren();
    for (const r of resources) {
      const row = document.createElement('tr');
      row.dataset.code = r.code;
      cell(row, r.code);
      cell(row, r.name);
      cell(row, r.providerName);
      cell(row, r.items.join('、'));
      cell(row, r.shareModes);
      const action = cell(row, '');
      if (accepting) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'apply';
        button.textContent = '申请';
        button.disabled = !sessionStorage.getItem(AUTH);
        button.addEventListener('click', () => {
          $('apply-code').value = r.code;
          $('apply-resource').textContent = r.name + '（' + r.code + '）';
          $('apply-section').hidden = false;
          show('apply-error');
          $('apply-purpose').focus();
        });
        action.appendChild(button);
      }
      body.appendChild(row);
    }
  }

  async function loadRequests() {
    const requests = await api('GET', '/api/public/open-data-requests');
    const body = $('requests').querySelector('tbody');
    body.replaceChildren();
    for (const r of requests) {
      const row = document.createElement('tr');
      row.dataset.key = r.businessKey;
      cell(row, r.businessKey);
      cell(row, r.resourceName + '（' + r.providerName + '）');
      cell(row, r.stateText).className = 'state state-' + r.state;
      cell(row, time(r.submittedAt));
      cell(row, r.dueText ? r.dueText + '（' + r.citation + '）' : '');
      cell(row, r.state === 'APPROVED' ? '获取方式：' + r.accessDescription
        : r.state === 'REFUSED' ? '理由：' + r.denialReason : '').className = 'answer';
      body.appendChild(row);
    }
  }

  // After login or registration: the account decides what shows (verification first, then applying).
  async function enter() {
    const account = await api('GET', '/api/public/accounts/' + encodeURIComponent(sessionStorage.getItem(USER)));
    $('who').textContent = account.name + '（' + account.userId + '）';
    $('who').hidden = false;
    $('logout').hidden = false;
    $('account-section').hidden = true;
    $('verify-user').textContent = account.userId;
    $('verify-contact').textContent = account.contact;
    $('verify-section').hidden = account.verified;
    $('requests-section').hidden = !account.verified;
    if (account.verified) await loadRequests();
    await loadCatalog();
    document.querySelectorAll('#catalog button.apply').forEach((b) => { b.disabled = !account.verified; });
  }

  function remember(userId, password) {
    sessionStorage.setItem(AUTH, 'Basic ' + btoa(unescape(encodeURIComponent(userId + ':' + password))));
    sessionStorage.setItem(USER, userId);
  }

  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = $('login-user').value.trim();
    remember(name.startsWith(PREFIX) ? name : PREFIX + name, $('login-password').value);
    try {
      await enter();
      show('login-error');
    } catch (e) {
      sessionStorage.removeItem(AUTH);
      sessionStorage.removeItem(USER);
      show('login-error', e.status === 401 ? new Error('登录账号或密码错误') : e);
    }
  });

  $('register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const account = await api('POST', '/api/public/accounts', {
        loginName: $('register-login').value.trim(), password: $('register-password').value,
        kind: $('register-kind').value, name: $('register-name').value, idNumber: $('register-id').value,
        email: $('register-email').value, phone: $('register-phone').value || null, verifyBy: 'EMAIL'
      }, true);
      remember(account.userId, $('register-password').value);
      show('register-error');
      await enter();
    } catch (e) {
      show('register-error', e);
    }
  });

  $('verify-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/public/accounts/' + encodeURIComponent(sessionStorage.getItem(USER)) + '/verification',
        { code: $('verify-code').value.trim() });
      show('verify-error');
      await enter();
    } catch (e) {
      show('verify-error', e);
    }
  });

  $('verify-resend').addEventListener('click', async () => {
    try {
      await api('POST', '/api/public/accounts/' + encodeURIComponent(sessionStorage.getItem(USER))
        + '/verification-code');
      show('verify-error', new Error('已重新发送验证码，原验证码作废'));
    } catch (e) {
      show('verify-error', e);
    }
  });

  $('apply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/public/open-data-requests', {
        resourceCode: $('apply-code').value, purpose: $('apply-purpose').value, intendedUse: $('apply-use').value
      });
      $('apply-form').reset();
      $('apply-section').hidden = true;
      await loadRequests();
    } catch (e) {
      show('apply-error', e);
    }
  });

  $('apply-cancel').addEventListener('click', () => { $('apply-section').hidden = true; });

  $('logout').addEventListener('click', () => {
    sessionStorage.removeItem(AUTH);
    sessionStorage.removeItem(USER);
    location.reload();
  });

  (async function start() {
    try {
      await loadPortal();
      await loadCatalog();
      if (sessionStorage.getItem(AUTH)) await enter();
    } catch (e) {
      $('portal-status').textContent = '门户暂不可用：' + e.message;
    }
  })();
})();
