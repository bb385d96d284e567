// GovShare front door: every entry with who it is for; after signing in (HTTP Basic against /api, as on the
// applicant page, same sessionStorage key) only the entries of the user's roles from GET /api/me, highlighted.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);

  async function me(token) {
    const response = await fetch('/api/me', { headers: { 'Accept': 'application/json', 'Authorization': token,
      'X-Requested-With': 'XMLHttpRequest' } });
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Error(json && json.detail ? json.detail : '服务器错误（' + response.status + '）');
    return json;
  }

  function show(user) {
    const roles = new Set(user.roles.map((r) => r.role));
    $('who').textContent = user.name + (user.departmentName ? '（' + user.departmentName + '）' : '');
    $('logout').hidden = false;
    $('login-form').hidden = true;
    $('intro-text').textContent = '您的身份：' + user.roles.map((r) => r.label).join('、') + '。以下是您可以使用的入口。';
    for (const entry of document.querySelectorAll('.entry')) {
      const mine = entry.dataset.roles.split(' ').some((role) => roles.has(role));
      entry.hidden = !mine;
      entry.classList.toggle('mine', mine);
    }
  }

  async function login(event) {
    event.preventDefault();
    const token = 'Basic ' + btoa(unescape(encodeURIComponent($('login-user').value + ':' + $('login-password').value)));
    try {
      const user = await me(token);
      sessionStorage.setItem('govshare.auth', token);
      sessionStorage.setItem('govshare.user', user.userId);
      $('login-error').textContent = '';
      show(user);
    } catch (e) {
      $('login-error').textContent = '登录失败：' + e.message;
    }
  }

  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => { sessionStorage.clear(); location.reload(); });
  const token = sessionStorage.getItem('govshare.auth');
  if (token) me(token).then(show).catch(() => sessionStorage.clear());
})();
