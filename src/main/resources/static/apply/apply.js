// GovShare applicant page: browse the catalogue, apply, follow the department's requests (../common/session.js).
(function () {
  'use strict';

  const SHARE_TYPES = { UNCONDITIONAL: '无条件共享', CONDITIONAL: '有条件共享', NOT_SHARED: '不予共享' };
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

  async function show() {
    const me = await api('GET', '/api/me');
    const names = Object.fromEntries((await api('GET', '/api/org/departments')).map((d) => [d.code, d.name]));
    session.signedInAs(me);
    const page = await api('GET', '/api/catalog/resources?size=200');
    resources = page.items || page;
    const body = $('catalog').tBodies[0];
    body.innerHTML = '';
    for (const r of resources) {
      const row = body.insertRow();
      row.dataset.code = r.code;
      cell(row, r.code);
      cell(row, r.name);
      // R24: an upper platform's resource shows its provider there; the city platform forwards the application
      cell(row, r.upper ? r.upperProvider + '（上级平台资源）' : names[r.responsibleDepartment] || r.responsibleDepartment);
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
      cell(row, r.purposeLabel);
      cell(row, r.statusLabel, 'status-' + r.status);
      cell(row, shanghai(r.submittedAt || r.createdAt));
      const button = document.createElement('button');
      button.textContent = '详情';
      button.addEventListener('click', () => openDetail(r.id));
      row.insertCell().appendChild(button);
    }
  }

  // deadlines as the server words them: the last day ("2026年12月3日（星期四）前"), provisional when a year's
  // holiday data was missing (issue 20); the same text as in Tasklist
  function due(d) {
    if (!d.dueText) return '未规定';
    return d.dueText + (d.provisional ? '（暂定）' : '');
  }

  async function openDetail(id) {
    const r = await api('GET', '/api/share-requests/' + encodeURIComponent(id));
    $('detail-section').hidden = false;
    $('detail-key').textContent = r.businessKey || r.id;
    $('detail-status').textContent = r.statusLabel;
    $('detail-status').className = 'status-' + r.status;
    $('detail-reason').hidden = !r.outcomeReason;
    $('detail-reason').textContent = r.outcomeReason ? '理由：' + r.outcomeReason : '';
    await showDispute(r.disputeRef);
    showGrant(r.grant, r.purposeLabel);
    const warnings = new Set();
    const body = $('detail-steps').tBodies[0];
    body.innerHTML = '';
    for (const s of r.steps || []) {
      const row = body.insertRow();
      cell(row, s.name || s.step);
      cell(row, s.actorName || s.actorUser || '');
      cell(row, shanghai(s.at));
      cell(row, s.outcomeLabel || '');
      cell(row, s.dueText ? due(s) : '', s.provisional ? 'provisional' : '');
      cell(row, [s.rule, s.citation].filter(Boolean).join(' '));
      if (s.provisional) warnings.add(s.provisionalReason);
    }
    // steps still open: who has the request now, and by when (SPEC §3 due date with its article)
    for (const d of r.deadlines || []) {
      if (d.state !== 'OPEN' && d.state !== 'BREACHED') continue;
      const row = body.insertRow();
      row.className = 'pending';
      cell(row, d.taskName);
      cell(row, '办理中');
      cell(row, shanghai(d.startedAt));
      cell(row, d.stateLabel);
      cell(row, due(d), d.provisional ? 'provisional' : '');
      cell(row, [d.rule, d.citation].filter(Boolean).join(' '));
      if (d.provisional) warnings.add(d.provisionalReason);
    }
    showUpper(r.upper, body);
    $('detail-warnings').textContent = [...warnings].join('；');
  }

  // R24: where the request stands at the upper platform, and the upper platform's deadlines as it reports them
  function showUpper(upper, body) {
    $('detail-upper').textContent = '';
    if (!upper) return;
    const parts = [upper.upperStatusLabel || upper.stateLabel];
    if (upper.upperReference) parts.push('上级受理编号 ' + upper.upperReference);
    if (upper.bulk) parts.push('整体授权：' + upper.departments.join('、'));
    if (upper.nextAttemptAt) parts.push('上级平台暂不可达，' + shanghai(upper.nextAttemptAt) + ' 重试');
    $('detail-upper').textContent = parts.join('；');
    for (const d of upper.upperDeadlines || []) {
      if (d.state !== 'OPEN' && d.state !== 'BREACHED') continue;
      const row = body.insertRow();
      row.className = 'pending';
      cell(row, '上级平台：' + (d.stepName || d.step));
      cell(row, '上级平台办理中');
      cell(row, '');
      cell(row, d.stateLabel || d.state);
      cell(row, d.dueText || '');
      cell(row, [d.rule, d.article].filter(Boolean).join(' '));
    }
  }

  // every grant of a request is issued for the request's purpose (R17)
  function showGrant(grant, purposeLabel) {
    $('detail-grant').hidden = !grant;
    if (!grant) return;
    $('grant-fields').textContent = grant.scope ? grant.scope.split(',').join('、') : '全部数据项';
    $('grant-purpose').textContent = purposeLabel;
    $('grant-valid').textContent = grant.validUntil ? '至 ' + grant.validUntil.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : '长期有效';
    $('grant-status').textContent = grant.statusLabel + (grant.statusReason ? '（' + grant.statusReason + '）' : '');
  }

  async function showDispute(ref) {
    $('detail-dispute').textContent = '';
    if (!ref) return;
    // the parties see their dispute; anyone else reading the request (the platform) sees its status only
    const d = await api('GET', '/api/disputes/' + encodeURIComponent(ref)).catch(() => null);
    if (d) $('detail-dispute').textContent = '争议：' + d.dispute.statusLabel;
  }

  $('apply-form').addEventListener('submit', apply);
  $('apply-cancel').addEventListener('click', () => { $('apply-section').hidden = true; });
  session.loginForm(show);
})();
