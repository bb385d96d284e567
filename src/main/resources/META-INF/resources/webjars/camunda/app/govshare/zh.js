/*
 * GovShare: what Camunda's web apps leave in English for a Chinese reader, and the case file in Tasklist
 * (issue 20, docs/webapps-zh.md). Loaded by every app's scripts/config.js as a custom script (an ES module).
 *  - TEXTS / PATTERNS: exact texts and patterns the apps or form-js show that no locale key covers (form-js
 *    validation messages, the date picker, permission and group type names, incident types). Only text nodes
 *    and placeholders are rewritten; what users type is never touched.
 *  - Tasklist: claims an unclaimed group task for a candidate who opens it (Tasklist's own 认领 button, so the
 *    engine's rules decide), shows a hint where it cannot, and shows the task's case file above the form.
 */
const TEXTS = {
  // form-js 1.x validation (no translation hook in 7.24)
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请填写有效的电子邮箱地址。',
  // flatpickr, the date picker of form-js (English only)
  January: '一月', February: '二月', March: '三月', April: '四月', May: '五月', June: '六月', July: '七月',
  August: '八月', September: '九月', October: '十月', November: '十一月', December: '十二月',
  Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六',
  // Admin: group types and permission names (shown raw)
  WORKFLOW: '业务组', SYSTEM: '系统组', ACCESS: '访问', ALL: '全部', NONE: '无', READ: '读取', UPDATE: '修改',
  CREATE: '创建', DELETE: '删除', READ_HISTORY: '读取历史', DELETE_HISTORY: '删除历史', READ_INSTANCE: '读取实例',
  UPDATE_INSTANCE: '修改实例', CREATE_INSTANCE: '创建实例', DELETE_INSTANCE: '删除实例', READ_TASK: '读取任务',
  UPDATE_TASK: '修改任务', TASK_WORK: '办理任务', TASK_ASSIGN: '分派任务', RETRY_JOB: '重试作业',
  SUSPEND: '挂起', SUSPEND_INSTANCE: '挂起实例', UPDATE_TASK_VARIABLE: '修改任务变量',
  READ_TASK_VARIABLE: '读取任务变量', UPDATE_INSTANCE_VARIABLE: '修改实例变量', READ_INSTANCE_VARIABLE: '读取实例变量',
  MIGRATE_INSTANCE: '迁移实例', UPDATE_HISTORY: '修改历史', READ_HISTORY_VARIABLE: '读取历史变量',
  GRANT: '授予', REVOKE: '撤销', GLOBAL: '全局',
  // Cockpit: GovShare's incident type and Camunda's own
  deadlineBreach: '办理超期', failedJob: '作业失败', failedExternalTask: '外部任务失败',
  null: '—', on: '是', Close: '关闭'
};
const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, '至少填写 $1 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, '最多填写 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern (.+)\.$/, '格式不正确（$1）。'],
  [/^Field must be a valid (international )?phone number\..*$/, '请填写有效的电话号码。'],
  [/^mm\/dd\/yyyy$/, '年/月/日'],
  [/^Date:?$/, '日期'],
  [/^Time:?$/, '时间'],
  // permission lists ("READ, UPDATE")
  [/^([A-Z_]+)(, [A-Z_]+)+$/, (all) => all.split(', ').map((p) => TEXTS[p] || p).join('、')]
];

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'CODE', 'PRE']);

function chinese(text) {
  const trimmed = text.trim();
  if (!trimmed || !/[A-Za-z]/.test(trimmed)) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(TEXTS, trimmed)) {
    return text.replace(trimmed, TEXTS[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || SKIP.has(root.nodeName) || root.isContentEditable) {
    if (root.nodeName === 'INPUT' && root.placeholder) {
      const placeholder = chinese(root.placeholder);
      if (placeholder) {
        root.placeholder = placeholder;
      }
    }
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else if (node.nodeName === 'INPUT' && node.placeholder) {
      const placeholder = chinese(node.placeholder);
      if (placeholder) {
        node.placeholder = placeholder;
      }
    }
  }
}

function translateText(node) {
  const parent = node.parentNode;
  if (!parent || SKIP.has(parent.nodeName) || parent.closest('.govshare-case-file')) {
    return;
  }
  const text = chinese(node.nodeValue);
  if (text !== null && text !== node.nodeValue) {
    node.nodeValue = text;
  }
}

/** The last day on which a step may still be done: the date in Asia/Shanghai of one second before the due instant. */
export function lastDay(due) {
  const day = new Date(new Date(due).getTime() - 1000);
  const parts = new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric',
    day: 'numeric', weekday: 'long'}).formatToParts(day);
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}年${part('month')}月${part('day')}日（${part('weekday')}）前`;
}

// ---------------------------------------------------------------- Tasklist

const ENGINE = '/camunda/api/engine/engine/default';
let currentUser = null;
const claimChecked = new Set();
let loading = null;

async function json(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(String(response.status));
  }
  return response.json();
}

async function userId() {
  if (!currentUser) {
    currentUser = (await json('/camunda/api/admin/auth/user/default')).userId;
  }
  return currentUser;
}

function taskIdFromLocation() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

/** A candidate opening an unclaimed task claims it through Tasklist's own button; anyone else sees why it is grey. */
async function claimOrHint(taskId) {
  const task = await json(`${ENGINE}/task/${encodeURIComponent(taskId)}`);
  if (task.assignee) {
    return;
  }
  const me = await userId();
  const candidate = await json(`${ENGINE}/task/count?taskId=${encodeURIComponent(taskId)}&candidateUser=${encodeURIComponent(me)}`);
  const button = await waitFor(() => document.querySelector('button.claim'));
  if (!button || taskIdFromLocation() !== taskId) {
    return;
  }
  if (candidate.count === 1) {
    button.click();
    return;
  }
  const form = document.querySelector('.task-card, [cam-tasklist-task]') || document.body;
  if (!form.querySelector('.govshare-claim-hint')) {
    const hint = element('div', 'alert alert-warning govshare-claim-hint',
      '此任务不在您的候选范围内，只能查看；请由候选部门的人员点击“认领”后办理。');
    button.closest('div') ? button.closest('div').after(hint) : form.prepend(hint);
  }
}

function waitFor(find, tries = 40) {
  return new Promise((resolve) => {
    const attempt = (left) => {
      const found = find();
      if (found || left === 0) {
        resolve(found || null);
      } else {
        setTimeout(() => attempt(left - 1), 250);
      }
    };
    attempt(tries);
  });
}

function section(title, body) {
  const box = element('section', 'govshare-case-section');
  box.appendChild(element('h4', null, title));
  box.appendChild(body);
  return box;
}

function facts(rows) {
  const list = element('dl', 'govshare-facts');
  rows.forEach(([label, value]) => {
    list.appendChild(element('dt', null, label));
    list.appendChild(element('dd', null, value || '—'));
  });
  return list;
}

function dateTime(instant) {
  return new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: '2-digit', minute: '2-digit'}).format(new Date(instant));
}

function renderCaseFile(taskId, answer) {
  const file = answer.caseFile;
  const box = element('div', 'govshare-case-file');
  box.dataset.task = taskId;
  box.appendChild(element('h3', null, `案卷：${file.title} ${file.businessKey}`));
  if (answer.deadline) {
    const due = element('p', 'govshare-deadline',
      `本环节办理期限：${answer.deadline.lastDay}（${answer.deadline.rule}，${answer.deadline.citation}）`);
    box.appendChild(due);
  }
  box.appendChild(section('申请内容', facts(file.facts.map((f) => [f.label, f.value]))));
  box.appendChild(section('当事部门', facts(file.parties.map((p) => [p.role, p.name]))));
  const opinions = element('ol', 'govshare-opinions');
  file.opinions.forEach((o) => {
    const item = element('li');
    item.appendChild(element('strong', null, o.step));
    item.appendChild(element('span', null, `　${[o.department, o.actor].filter(Boolean).join(' ')}　${dateTime(o.at)}`));
    if (o.outcome) {
      item.appendChild(element('div', 'govshare-outcome', `结论：${o.outcome}`));
    }
    if (o.comment) {
      item.appendChild(element('div', 'govshare-comment', `意见：${o.comment}`));
    }
    opinions.appendChild(item);
  });
  if (!file.opinions.length) {
    opinions.appendChild(element('li', null, '尚无意见'));
  }
  box.appendChild(section('已有意见', opinions));
  if (file.attachments.length) {
    const files = element('ul', 'govshare-attachments');
    file.attachments.forEach((a) => {
      const link = element('a', null, a.fileName);
      link.href = `${ENGINE}/task/${encodeURIComponent(taskId)}/variables/${encodeURIComponent(a.variable)}/data`;
      link.download = a.fileName;
      const item = element('li');
      item.appendChild(link);
      files.appendChild(item);
    });
    box.appendChild(section('附件', files));
  }
  return box;
}

async function showCaseFile(taskId) {
  let answer;
  try {
    answer = await json(`/api/tasks/${encodeURIComponent(taskId)}/case-file`);
  } catch (e) {
    return;  // not a GovShare case, or not the caller's to read
  }
  const pane = await waitFor(() => document.querySelector('.task-details .form-pane'));
  if (!pane || taskIdFromLocation() !== taskId) {
    return;
  }
  document.querySelectorAll('.govshare-case-file').forEach((old) => old.remove());
  pane.prepend(renderCaseFile(taskId, answer));
}

/**
 * Tasklist's own due date ("于15天后", a date on hover) reads like the case file: the last day on which the step may
 * still be done, from the task's due date (the platform sets it from the deadline ledger).
 */
async function rewriteDue() {
  const taskId = taskIdFromLocation();
  const shown = document.querySelector('.task-details .due-date');
  if (!taskId || !shown || shown.dataset.govshareTask === taskId) {
    return;
  }
  shown.dataset.govshareTask = taskId;
  const task = await json(`${ENGINE}/task/${encodeURIComponent(taskId)}`);
  shown.querySelectorAll('.govshare-due').forEach((old) => old.remove());
  if (task.due) {
    shown.appendChild(element('span', 'govshare-due', `（${lastDay(task.due)}）`));
  }
}

/** The form-js instance behind a rendered form (Preact keeps the render tree on the container; the form's context). */
function formOf(container) {
  const seen = new Set();
  const walk = (vnode, depth) => {
    if (!vnode || typeof vnode !== 'object' || seen.has(vnode) || depth > 80) {
      return null;
    }
    seen.add(vnode);
    const value = vnode.props && vnode.props.value;
    if (value && typeof value.getService === 'function') {
      return value.getService('form');
    }
    for (const child of Array.isArray(vnode.__k) ? vnode.__k : []) {
      const found = walk(child, depth + 1);
      if (found) {
        return found;
      }
    }
    return null;
  };
  return walk(container.__k, 0);
}

/**
 * form-js keeps the error of a field that a later choice hides (a required reason, then the other answer): Tasklist
 * then keeps 完成 disabled with no message in sight. Errors of fields no longer shown are dropped.
 */
function untrapForm() {
  const container = document.querySelector('.task-details .fjs-container');
  const form = container && !container.dataset.govshareUntrapped ? formOf(container) : null;
  if (!form || typeof form.on !== 'function') {
    return;
  }
  container.dataset.govshareUntrapped = 'true';
  form.on('changed', (event) => {
    if (!Object.keys(event.errors || {}).length) {
      return;
    }
    setTimeout(() => {
      const errors = form._getState().errors || {};
      const ids = Array.from(container.querySelectorAll('[id]')).map((e) => e.id);
      // a field's elements are fjs-form-<form>-<field id>, a radio's options …-<field id>-<n>
      const hidden = Object.keys(errors).filter((id) => !ids.some((e) => e.endsWith(`-${id}`) || e.includes(`-${id}-`)));
      if (hidden.length) {
        const shown = {...errors};
        hidden.forEach((id) => delete shown[id]);
        form._setState({errors: shown});
      }
    }, 100);
  });
}

/** Runs every second: Tasklist re-renders the task view on its own (claim, refresh), the case file goes with it. */
async function taskShown() {
  const taskId = taskIdFromLocation();
  if (!taskId || loading === taskId || document.querySelector(`.govshare-case-file[data-task="${CSS.escape(taskId)}"]`)) {
    return;
  }
  loading = taskId;
  try {
    if (!claimChecked.has(taskId)) {
      claimChecked.add(taskId);
      await claimOrHint(taskId).catch(() => {});
    }
    await showCaseFile(taskId);
  } finally {
    loading = null;
  }
}

function start() {
  translateTree(document.body);
  new MutationObserver((mutations) => {
    mutations.forEach((m) => {
      if (m.type === 'characterData') {
        translateText(m.target);
      } else {
        m.addedNodes.forEach(translateTree);
      }
    });
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  if (window.location.pathname.includes('/app/tasklist/')) {
    setInterval(() => {
      taskShown();
      untrapForm();
      rewriteDue().catch(() => {});
    }, 1000);
    taskShown();
  }
}

start();
