// GovShare supervision page: breaches, open deadlines, violations and rectification orders by department, with
// charts (ECharts from the application's own webjar) and the same tables as CSV/Excel. Talks only to /api
// (../common/session.js, as the applicant page).
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  // the violation kinds as the register names them (ViolationKind)
  const KINDS = ['超过规定时限', '无正当理由拒绝共享', '未按时更新目录', '提供的数据与实际不符', '超范围使用或违规使用共享数据',
    '逾期不整改'];
  // steps owed by a role rather than a department (the platform's check …), as the tables name them
  const ROLE_NAMES = { 'platform-operators': '共享平台管理单位', 'general-office': '办公厅', 'leading-group': '领导小组' };
  const charts = {};
  const session = window.GovShareSession;
  const api = (path) => session.api('GET', path);

  /** An optional source (built elsewhere): null when it does not exist (404) here. */
  async function optional(path) {
    try {
      return await api(path);
    } catch (e) {
      if (e.status === 404) return null;
      throw e;
    }
  }

  function filters() {
    const query = new URLSearchParams();
    if ($('filter-dept').value) query.set('dept', $('filter-dept').value);
    if ($('filter-from').value) query.set('from', $('filter-from').value);
    if ($('filter-to').value) query.set('to', $('filter-to').value);
    return query;
  }

  function tableQuery(section) {
    const query = filters();
    const state = section.querySelector('.table-state').value;
    if (state) query.set('state', state);
    return query;
  }

  async function loadTable(section) {
    const name = section.dataset.table;
    const table = await api('/api/supervision/' + name + '?' + tableQuery(section));
    const head = section.querySelector('thead');
    const body = section.querySelector('tbody');
    head.replaceChildren();
    body.replaceChildren();
    const header = head.insertRow();
    table.headers.forEach((h) => { const th = document.createElement('th'); th.textContent = h; header.appendChild(th); });
    if (table.rows.length === 0) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = table.headers.length;
      cell.className = 'empty';
      cell.textContent = '暂无记录';
    }
    table.rows.forEach((row) => {
      const tr = body.insertRow();
      row.forEach((value) => {
        const td = tr.insertCell();
        td.textContent = value == null ? '' : String(value);
        td.dataset.value = td.textContent;
      });
    });
    return table;
  }

  function download(section, format) {
    session.download('/api/supervision/' + section.dataset.table + '.' + format + '?' + tableQuery(section),
      section.querySelector('h2').textContent + '.' + format).catch((e) => alert('导出失败：' + e.message));
  }

  function chart(id) {
    if (!charts[id]) {
      $(id).replaceChildren();
      charts[id] = echarts.init($(id));
    }
    return charts[id];
  }

  function empty(id, text) {
    if (charts[id]) { charts[id].dispose(); delete charts[id]; }
    $(id).innerHTML = '';
    const note = document.createElement('p');
    note.className = 'empty';
    note.textContent = text;
    $(id).appendChild(note);
  }

  async function onTimeChart() {
    const report = await api('/api/statistics?' + filters());
    const rows = report.rows.filter((r) => r.onTimeRate != null);
    if (rows.length === 0) { empty('chart-ontime', '暂无数据'); return; }
    const months = [...new Set(rows.map((r) => r.month))].sort();
    rows.forEach((r) => { r.departmentName = ROLE_NAMES[r.departmentName] || r.departmentName; });
    const departments = [...new Set(rows.map((r) => r.departmentName))];
    const series = departments.map((name) => ({ name, type: 'line', connectNulls: true, data: months.map((m) => {
      const row = rows.find((r) => r.departmentName === name && r.month === m);
      return row ? Math.round(row.onTimeRate * 1000) / 10 : null;
    }) }));
    chart('chart-ontime').setOption({ tooltip: { trigger: 'axis', valueFormatter: (v) => v == null ? '-' : v + '%' },
      legend: { top: 0 }, grid: { top: 40, left: 48, right: 16, bottom: 28 }, xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, series }, true);
  }

  /** Per department: breaches in the ledger and valid violations by kind, stacked. */
  function kindsChart(deadlines, violations) {
    const breaches = deadlines.rows.filter((r) => r[8] === '已超期' || r[8] === '超期办结');
    const valid = violations.rows.filter((r) => r[8] === '有效');
    const departments = [...new Set(breaches.map((r) => r[2]).concat(valid.map((r) => r[1])))].sort();
    if (departments.length === 0) { empty('chart-kinds', '暂无数据'); return; }
    const series = [{ name: '超期（时限台账）', type: 'bar', data: departments.map((d) =>
      breaches.filter((r) => r[2] === d).length) }].concat(KINDS.map((kind) => ({ name: kind, type: 'bar',
      stack: 'violations', data: departments.map((d) => valid.filter((r) => r[1] === d && r[2] === kind).length) })));
    chart('chart-kinds').setOption({ tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
      grid: { top: 40, left: 40, right: 16, bottom: 48 },
      xAxis: { type: 'category', data: departments, axisLabel: { interval: 0, width: 80, overflow: 'break' } },
      yAxis: { type: 'value', minInterval: 1 }, series }, true);
  }

  async function callsChart() {
    const calls = await optional('/api/statistics/data-calls?' + filters());
    const rows = calls == null ? [] : (Array.isArray(calls) ? calls : (calls.rows || []));
    if (rows.length === 0) { empty('chart-calls', '暂无数据'); return; }
    const totals = {};
    rows.forEach((r) => {
      const resource = r.resourceName || r.resourceCode || r.resource || '-';
      totals[resource] = (totals[resource] || 0) + Number(r.calls ?? r.served ?? r.count ?? 0);
    });
    const names = Object.keys(totals).sort((a, b) => totals[b] - totals[a]);
    chart('chart-calls').setOption({ tooltip: { trigger: 'axis' }, grid: { top: 20, left: 100, right: 16, bottom: 28 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: names.reverse() },
      series: [{ name: '调用次数', type: 'bar', data: names.map((n) => totals[n]) }] }, true);
  }

  async function deliveries() {
    const failed = await optional('/api/notifications/deliveries?failed=true');
    const rows = failed == null ? [] : (Array.isArray(failed) ? failed : (failed.content || failed.rows || []));
    const box = $('deliveries');
    box.replaceChildren();
    if (rows.length === 0) {
      const note = document.createElement('p');
      note.className = 'empty';
      note.textContent = '暂无';
      box.appendChild(note);
      return;
    }
    const table = document.createElement('table');
    const keys = Object.keys(rows[0]);
    const header = table.createTHead().insertRow();
    keys.forEach((k) => { const th = document.createElement('th'); th.textContent = k; header.appendChild(th); });
    const body = table.createTBody();
    rows.forEach((row) => {
      const tr = body.insertRow();
      keys.forEach((k) => { tr.insertCell().textContent = row[k] == null ? '' : String(row[k]); });
    });
    box.appendChild(table);
  }

  async function refresh() {
    $('filter-error').textContent = '';
    try {
      const sections = [...document.querySelectorAll('section[data-table]')];
      const [deadlines, violations] = await Promise.all(sections.map(loadTable));
      kindsChart(deadlines, violations);
      await Promise.all([onTimeChart(), callsChart(), deliveries()]);
    } catch (e) {
      $('filter-error').textContent = '查询失败：' + e.message;
    }
  }

  async function show() {
    const departments = await api('/api/org/departments');
    await api('/api/supervision/orders');
    departments.forEach((d) => $('filter-dept').add(new Option(d.name, d.code)));
    session.signedInAs();
    await refresh();
  }

  $('filter-form').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  document.querySelectorAll('section[data-table]').forEach((section) => {
    section.querySelector('.table-state').addEventListener('change', () => refresh());
    section.querySelectorAll('.export').forEach((button) =>
      button.addEventListener('click', () => download(section, button.dataset.format)));
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  session.loginForm(show, { failed: (e) => (e.status === 403 ? '无权访问：' : '登录失败：') });
}());
