// GovShare applicant page: browse the catalogue, apply, follow the department's requests (../common/session.js).
(function () {
  'use strict';

  const SHARE_TYPES = { UNCONDITIONAL: '无条件共享', CONDITIONAL: '有条件共享', NOT_SHARED: '不予共享' };
  const PURPOSES = { ADMINISTRATIVE_BASIS: '作为行政依据', WORK_REFERENCE: '工作参考',
    DATA_VERIFICATION: '用于数据校核', BUSINESS_COLLABORATION: '业务协同' };
  const STATUSES = { SUBMITTED: '已提交', IN_REVIEW: '审核中', GRANTED: '已授权', REFUSED: '未获同意',
    DISPUTE: '争议协调中', CANCELLED: '已撤销', INCOMPLETE: '待补正', WITHDRAWN: '已撤回' };
  const $ = (id) => document.getElementById(id);
  let resources = [];

  const session = window.GovShareSession;
  const api = session.api;

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text == null ? '' : String(text);
    if (className) td.className = className;
    return td;
  }

  function shanghai(instant) {
    if (!instant) return '';
    return new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  async function login(event) {
    event.preventDefault();
    try {
      await session.signIn($('login-user').value, $('login-password').value,
        async () => show(await api('GET', '/api/org/departments')));
      $('login-error').textContent = '';
    } catch (e) {
      $('login-error').textContent = '登录失败：' + e.message;
    }
  }

  async function show(departments) {
    const names = Object.fromEntries((departments || await api('GET', '/api/org/departments')).map((d) => [d.code, d.name]));
    $('who').textContent = session.user();
    $('login-section').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    const page = await api('GET', '/api/catalog/resources?size=200');
    resources = page.items || page;
    const body = $('catalog').tBodies[0];
    body.innerHTML = '';
    for (const r of resources) {
      const row = body.insertRow();
      row.dataset.code = r.code;
      cell(row, r.code);
      cell(row, r.name);
      cell(row, names[r.responsibleDepartment] || r.responsibleDepartment);
      cell(row, SHARE_TYPES[r.shareType] || r.shareType);
      const button = document.createElement('button');
      button.textContent = '申请';
      button.className = 'apply';
      button.addEventListener('click', async () => openApply(await api('GET', '/api/catalog/resources/' + encodeURIComponent(r.code))));
      row.insertCell().appendChild(button);
    }
    await loadRequests();
  }

  function openApply(resource) {
    $('apply-section').hidden = false;
    $('apply-resource').textContent = resource.code + ' ' + resource.name;
    $('apply-code').value = resource.code;
    $('apply-error').textContent = '';
    const fields = $('apply-fields');
    fields.querySelectorAll('label').forEach((l) => l.remove());
    for (const item of resource.items || []) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = item.name;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + item.name));
      fields.appendChild(label);
    }
    $('apply-section').scrollIntoView();
  }

  async function apply(event) {
    event.preventDefault();
    const requestedFields = [...$('apply-fields').querySelectorAll('input:checked')].map((b) => b.value);
    try {
      const created = await api('POST', '/api/share-requests', {
        resourceCode: $('apply-code').value, purpose: $('apply-purpose').value,
        reason: $('apply-reason').value, systemName: $('apply-system').value,
        requestedFields: requestedFields.length ? requestedFields : undefined });
      $('apply-section').hidden = true;
      $('apply-form').reset();
      await loadRequests();
      await openDetail(created.id);
    } catch (e) {
      $('apply-error').textContent = '提交失败：' + e.message;
    }
  }

  async function loadRequests() {
    const list = await api('GET', '/api/share-requests?mine=true');
    const body = $('requests').tBodies[0];
    body.innerHTML = '';
    for (const r of (list.items || list)) {
      const row = body.insertRow();
      row.dataset.id = r.id;
      cell(row, r.businessKey || r.id);
      cell(row, (r.resourceCode || '') + ' ' + (r.resourceName || ''));
      cell(row, PURPOSES[r.purpose] || r.purpose);
      cell(row, STATUSES[r.status] || r.status, 'status-' + r.status);
      cell(row, shanghai(r.submittedAt || r.createdAt));
      const button = document.createElement('button');
      button.textContent = '详情';
      button.addEventListener('click', () => openDetail(r.id));
      row.insertCell().appendChild(button);
    }
  }

  async function openDetail(id) {
    const r = await api('GET', '/api/share-requests/' + encodeURIComponent(id));
    $('detail-section').hidden = false;
    $('detail-key').textContent = r.businessKey || r.id;
    $('detail-status').textContent = STATUSES[r.status] || r.status;
    $('detail-status').className = 'status-' + r.status;
    const body = $('detail-steps').tBodies[0];
    body.innerHTML = '';
    for (const s of r.steps || []) {
      const row = body.insertRow();
      cell(row, s.name || s.step || s.taskName);
      cell(row, s.actorName || s.actor || s.completedBy || '');
      cell(row, shanghai(s.at || s.completedAt || s.startedAt));
      cell(row, s.outcome || s.state || '');
      cell(row, s.dueDate || (s.dueAt ? shanghai(s.dueAt) : ''));
      cell(row, [s.rule, s.citation].filter(Boolean).join(' '));
    }
    // steps still open: who has the request now, and by when (SPEC §3 due date with its article)
    for (const d of r.deadlines || []) {
      if (d.state !== 'OPEN' && d.state !== 'BREACHED') continue;
      const row = body.insertRow();
      row.className = 'pending';
      cell(row, d.taskName);
      cell(row, '办理中');
      cell(row, shanghai(d.startedAt));
      cell(row, d.state === 'BREACHED' ? '已超期' : '待办');
      cell(row, d.dueDate || '未规定');
      cell(row, [d.rule, d.citation].filter(Boolean).join(' '));
    }
  }

  $('login-form').addEventListener('submit', login);
  $('apply-form').addEventListener('submit', apply);
  $('apply-cancel').addEventListener('click', () => { $('apply-section').hidden = true; });
  $('logout').addEventListener('click', session.signOut);
  if (session.signedIn()) show().catch(() => { sessionStorage.clear(); });
})();
