// GovShare front door: every entry with who it is for; after signing in (HTTP Basic against /api through
// ../common/session.js, shared with the other pages of this tab) only the entries of the user's roles from
// GET /api/me, highlighted.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const session = window.GovShareSession;

  function show(user) {
    const roles = new Set(user.roles.map((r) => r.role));
    session.signedInAs(user);
    $('intro-text').textContent = '您的身份：' + user.roles.map((r) => r.label).join('、') + '。以下是您可以使用的入口。';
    for (const entry of document.querySelectorAll('.entry')) {
      const mine = entry.dataset.roles.split(' ').some((role) => roles.has(role));
      entry.hidden = !mine;
      entry.classList.toggle('mine', mine);
    }
  }

  session.loginForm(async () => show(await session.api('GET', '/api/me')), { heading: false });
})();
