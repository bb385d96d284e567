// GovShare administrator page (issue 21): paste the State Council's holiday notice, preview the year it
// yields as month calendars, apply it (../common/session.js, as the applicant page).
(function () {
  'use strict';

  const KINDS = { WORKDAY: '工作日', WEEKEND: '周末', HOLIDAY: '节假日', MAKEUP_WORKDAY: '调休上班' };
  const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
  const $ = (id) => document.getElementById(id);
  let previewed = null;

  const session = window.GovShareSession;
  const api = session.api;

  async function show() {
    await loadYears();
    session.signedInAs();
  }

  async function loadYears() {
    const years = await api('GET', '/api/calendar/years');
    $('years-official').textContent = years.official.join('、');
    $('years-imported').textContent = years.importedAtRunTime.length ? years.importedAtRunTime.join('、') : '无';
    $('years-missing').textContent = years.missing.length ? years.missing.join('、') : '无';
  }

  async function preview() {
    $('preview-error').textContent = '';
    $('apply-error').textContent = '';
    $('apply-result').textContent = '';
    try {
      previewed = { text: $('notice-text').value, answer: await api('POST', '/api/calendar/notices/preview', $('notice-text').value) };
      render(previewed.answer, previewed.text);
    } catch (e) {
      previewed = null;
      $('result').hidden = true;
      $('preview-error').textContent = '预览失败：' + e.message;
    }
  }

  function render(p, text) {
    $('result').hidden = false;
    $('result-title').textContent = p.year + ' 年' + (p.supplementary ? '（补充通知：只改所列假期）' : '');
    $('result-source').textContent = [p.title ? '《' + p.title + '》' : '（未读到标题）', p.issueNumber || '（未读到文号）'].join(' ');
    $('result-state').textContent = p.inForce ? p.year + ' 年已有数据：载入即修订该年，差异见下表。' : p.year + ' 年尚无数据。';
    renderLines(text, p.unread);
    const days = {};
    for (const h of p.holidays) for (const d of h.dates) days[d] = { kind: 'HOLIDAY', name: h.name };
    for (const w of p.workdays) for (const d of w.dates) days[d] = { kind: 'MAKEUP_WORKDAY', name: w.name };
    // a new year changes every day it lists: mark changes only when amending a year in force
    const changed = new Set(p.inForce ? p.difference.map((c) => c.date) : []);
    renderMonths(p.year, days, changed);
    $('legend-changed').hidden = !p.inForce;
    renderDifference(p.difference);
    $('amend-label').hidden = !p.inForce;
    $('amend').checked = false;
    $('amend-text').textContent = '我确认修订 ' + p.year + ' 年的现有数据（上表 ' + p.difference.length + ' 天将改变）';
    updateApply();
  }

  function renderLines(text, unread) {
    const byLine = Object.fromEntries(unread.map((u) => [u.line, u.reason]));
    const list = $('notice-lines');
    list.innerHTML = '';
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      const item = document.createElement('li');
      item.textContent = line || '\u00a0';
      if (byLine[i + 1]) {
        item.className = 'unread';
        const reason = document.createElement('span');
        reason.className = 'reason';
        reason.textContent = byLine[i + 1];
        item.appendChild(reason);
      }
      list.appendChild(item);
    });
    $('unread-box').hidden = unread.length === 0;
    $('unread-count').textContent = unread.length;
    list.hidden = unread.length === 0;
  }

  function iso(date) {
    return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-' + String(date.getDate()).padStart(2, '0');
  }

  function renderMonths(year, days, changed) {
    const box = $('months');
    box.innerHTML = '';
    const months = [];
    // a notice may list late-December days of the year before (the 2019 notice lists 2018-12-29)
    if (Object.keys(days).some((d) => d.startsWith((year - 1) + '-12'))) months.push([year - 1, 11]);
    for (let m = 0; m < 12; m++) months.push([year, m]);
    for (const [y, m] of months) {
      const table = document.createElement('table');
      table.className = 'month';
      table.dataset.month = y + '-' + String(m + 1).padStart(2, '0');
      table.createCaption().textContent = y + ' 年 ' + (m + 1) + ' 月';
      const head = table.createTHead().insertRow();
      for (const w of WEEK) { const th = document.createElement('th'); th.textContent = w; head.appendChild(th); }
      const body = table.createTBody();
      let row = body.insertRow();
      const first = new Date(y, m, 1);
      for (let i = 0; i < (first.getDay() + 6) % 7; i++) row.insertCell();
      for (let d = new Date(first); d.getMonth() === m; d.setDate(d.getDate() + 1)) {
        if (row.cells.length === 7) row = body.insertRow();
        const key = iso(d);
        const weekend = d.getDay() === 0 || d.getDay() === 6;
        const listed = days[key];
        const span = document.createElement('span');
        span.className = 'day ' + (listed ? (listed.kind === 'HOLIDAY' ? 'holiday' : 'makeup') : (weekend ? 'weekend' : 'workday'))
          + (changed.has(key) ? ' changed' : '');
        span.textContent = d.getDate();
        span.dataset.date = key;
        span.title = key + (listed ? ' ' + listed.name + (listed.kind === 'HOLIDAY' ? ' 放假' : ' 调休上班') : '');
        row.insertCell().appendChild(span);
      }
      box.appendChild(table);
    }
  }

  function describe(state) {
    return (KINDS[state.kind] || state.kind) + (state.name ? '（' + state.name + '）' : '');
  }

  function renderDifference(changes) {
    const body = $('difference').tBodies[0];
    body.innerHTML = '';
    $('difference-count').textContent = changes.length;
    for (const c of changes) {
      const row = body.insertRow();
      row.insertCell().textContent = c.date + ' 星期' + WEEK[(new Date(c.date + 'T00:00:00').getDay() + 6) % 7];
      row.insertCell().textContent = describe(c.before);
      row.insertCell().textContent = describe(c.after);
    }
  }

  function updateApply() {
    const p = previewed && previewed.answer;
    const ready = p && p.unread.length === 0 && (!p.inForce || $('amend').checked)
      && previewed.text === $('notice-text').value;
    $('apply').disabled = !ready;
  }

  async function apply() {
    $('apply-error').textContent = '';
    const p = previewed.answer;
    try {
      const applied = await api('POST', '/api/calendar/notices' + (p.inForce ? '?amend=true' : ''), previewed.text);
      $('apply-result').textContent = '已载入 ' + applied.year + ' 年（' + applied.days + ' 个日期）'
        + (applied.amendment ? '，修订 ' + applied.difference.length + ' 天' : '') + '；未办结的期限已按新日历重算。';
      $('result-state').textContent = $('apply-result').textContent;
      $('apply').disabled = true;
      $('amend-label').hidden = true;
      await loadYears();
    } catch (e) {
      $('apply-error').textContent = '载入失败：' + e.message;
    }
  }

  $('preview').addEventListener('click', preview);
  $('apply').addEventListener('click', apply);
  $('amend').addEventListener('change', updateApply);
  $('notice-text').addEventListener('input', updateApply);
  session.loginForm(show);
})();
