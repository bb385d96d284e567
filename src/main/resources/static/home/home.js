// GovShare front door: every entry with who it is for; after signing in (HTTP Basic against /api through
// ../common/session.js, shared with the other pages of this tab) only the entries of the user's roles from
// GET /api/me, highlighted.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const session = window.GovShareSession;

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
    try {
      await session.signIn($('login-user').value, $('login-password').value,
        async () => show(await session.api('GET', '/api/me')));
      $('login-error').textContent = '';
    } catch (e) {
      $('login-error').textContent = '登录失败：' + e.message;
    }
  }

  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', session.signOut);
  if (session.signedIn()) session.api('GET', '/api/me').then(show).catch(() => sessionStorage.clear());
})();
