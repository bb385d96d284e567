import json
T = {
"[Yesterday at] LT": "[昨天]LT", "[Last] dddd [at] LT": "[上]ddddLT", "[Tomorrow at] LT": "[明天]LT",
"dddd [at] LT": "[下]ddddLT", "[Today at] LT": "[今天]LT", "L": "L", "DD/MM/YYYY": "YYYY/MM/DD",
"D MMMM YYYY": "YYYY年M月D日", "D MMMM YYYY LT": "YYYY年M月D日 HH:mm", "dddd, D MMMM YYYY LT": "YYYY年M月D日dddd HH:mm",
"HH:mm": "HH:mm", "": "",
"a month": "1 个月", "%d months": "%d 个月", "a day": "1 天", "%d days": "%d 天", "in %s": "%s后", "an hour": "1 小时",
"%d hours": "%d 小时", "a minute": "1 分钟", "%d minutes": "%d 分钟", "%s ago": "%s前", "a few seconds": "几秒",
"a year": "1 年", "%d years": "%d 年",
"Loading the license key failed: {{message}}": "加载许可证密钥失败：{{message}}", "System": "系统",
"Authorizations are not deleted automatically when you delete the user. Leftover authorizations are applied when creating a new user with the same id. Use 'group' authorizations instead.":
  "删除用户时不会自动删除其授权。残留的授权会在新建同一 ID 的用户时生效。请改用“组”授权。",
"User ID": "用户 ID", "Group ID": "组 ID", "There exist no authorizations.": "暂无授权。",
"Diagnostics": "诊断", "Diagnostics Data:": "诊断数据：", "Telemetry data fetching failed: {{msg}}": "获取遥测数据失败：{{msg}}",
"The diagnostics data allows to understand the environment to aid problem diagnosis.": "诊断数据用于了解运行环境，便于排查问题。",
"This report is updated via scheduler every 15 minutes.": "本报告由定时任务每 15 分钟更新一次。",
"Usage last 12 months by month": "近 12 个月每月用量", "Start date": "开始日期",
"Display legacy metrics (FNI/EDE)": "显示旧版指标（FNI/EDE）", "Annual usage metrics by subscription term": "按订阅期统计的年度用量",
"Copy": "复制", "Copy with diagnostics data": "连同诊断数据复制", "{{from}} to {{to}}": "{{from}} 至 {{to}}",
"{{from}} up to today": "{{from}} 至今", "Annual usage not available yet.": "暂无年度用量数据。",
"Failed to fetch execution metrics data: {{msg}}": "获取执行指标数据失败：{{msg}}",
"Sum of numbers of individuals that a task has been assigned to.": "任务被分配到的不同人员数量之和。",
"Removing group {{group}} from tenant failed: {{message}}": "从租户移除组 {{group}} 失败：{{message}}",
"First": "首页", "Last": "末页", "Next": "下一页", "Previous": "上一页",
"Authorizations that belong to this user are not deleted automatically when you delete the user. Leftover authorizations are applied when creating a new user with the same id. Please head over to the <strong>Authorizations page</strong> to delete related authorizations or delete them via API.":
  "删除用户时不会自动删除属于该用户的授权。残留的授权会在新建同一 ID 的用户时生效。请前往<strong>授权页面</strong>删除相关授权，或通过 API 删除。",
"Deletion of user {{user}} from group failed: {{message}}": "从组中删除用户 {{user}} 失败：{{message}}",
"Removing user {{user}} from tenant failed: {{message}}": "从租户移除用户 {{user}} 失败：{{message}}",
"Deletion of user {{user}} failed: {{message}}": "删除用户 {{user}} 失败：{{message}}",
"<": "<", "<=": "<=", ">": ">", ">=": ">=",
"With failed jobs": "有失败作业", "Without failed jobs": "无失败作业", "User": "用户", "Add criteria": "添加条件",
"This search query is not valid": "该搜索条件无效", "Operator": "运算符", "Property": "属性", "Remove search": "清除搜索",
"Type": "类型", "Value": "值", "Start time": "开始时间", "Instance": "实例", "instances": "个实例",
"You have selected a total of": "您共选择了", "Select all instances matching this filter.": "选择符合此筛选条件的全部实例。",
"Allows for selecting a subset of available instances, either individually or on a page by page basis.": "可逐个或按页选择部分实例。",
"Query": "查询", "You have selected all instances matching this filter!": "您已选择符合此筛选条件的全部实例！",
"Change selection type to": "切换选择方式为",
"Selects all available instances for a given operation and/or search filter. Note that this might create a high load on the database and application runtime/server if the query has a high number of results.":
  "为该操作和/或搜索条件选择全部实例。注意：查询结果很多时，可能给数据库和应用服务器带来较高负载。",
"Selecting all instances might create a high load on the database and application runtime/server if the query has a high number of results.":
  "查询结果很多时，选择全部实例可能给数据库和应用服务器带来较高负载。",
"Warning:": "警告：", "Removal Time:": "删除时间：", "Last 5 minutes": "最近 5 分钟", "Last 1 hour": "最近 1 小时",
"Choose selection type": "选择方式", "There are no instances matching the search criteria.": "没有符合搜索条件的实例。",
"Loading...": "加载中……", "With jobs retrying": "有重试中的作业", "Skip IO Mappings": "跳过输入输出映射",
"If the value is enabled IO mappings will be skipped during process deletion": "启用后，删除流程时将跳过输入输出映射",
"Update in chunks": "分块更新",
"Handles removal time updates in chunks. The default chunk size can be overridden via 'Chunk Size' field. Enabling this option can lead to multiple executions of the resulting jobs, preventing the database transaction from timing out by limiting the number of rows to update.":
  "分块处理删除时间的更新。可通过“块大小”覆盖默认块大小。启用后相应作业可能执行多次，通过限制每次更新的行数避免数据库事务超时。",
"Chunk size": "块大小", "If empty, engine config default applied.": "留空则使用引擎配置的默认值。",
"Only positive integer allowed.": "只允许正整数。", "Due date": "到期时间", "Keep due date": "保留到期时间",
"Keeps the previous due date of the job.": "保留作业原来的到期时间。",
"Due date doesn't match pattern. Supported pattern 'yyyy-MM-ddTHH:mm:ss'": "到期时间格式不正确，支持的格式为 'yyyy-MM-ddTHH:mm:ss'",
"A due date is required!": "必须填写到期时间！", "Set due date": "设置到期时间", "Choose a due date for the job.": "为作业选择到期时间。",
"The point in time a job is executed is determined by the due date:": "作业的执行时间由到期时间决定：",
"You have successfully created a batch to modify process instances asynchronously. To monitor the progress, check out the <a href=\"#/batch?details={{batchId}}&type=runtime\">Batches Page</a>. Reload the page after the batch has been completed to see the correct instance counts.":
  "已成功创建异步修改流程实例的批处理。请在<a href=\"#/batch?details={{batchId}}&type=runtime\">批处理页面</a>查看进度。批处理完成后刷新页面即可看到正确的实例数。",
"You have successfully created a batch to modify the process instance asynchronously. To monitor the progress, check out the <a href=\"#/batch?details={{batchId}}&type=runtime\">Batches Page</a>. Reload the page after the batch has been completed to see the correct instance counts.":
  "已成功创建异步修改该流程实例的批处理。请在<a href=\"#/batch?details={{batchId}}&type=runtime\">批处理页面</a>查看进度。批处理完成后刷新页面即可看到正确的实例数。",
"Filter for running process instances": "筛选运行中的流程实例",
"A batch has been created to restart process instances asynchronously. To monitor the progress, check out the <a href=\"#/batch?details={{batchId}}&type=runtime\">Batches Page</a>. Reload the page after the batch has been completed to see the correct instance counts.":
  "已创建异步重启流程实例的批处理。请在<a href=\"#/batch?details={{batchId}}&type=runtime\">批处理页面</a>查看进度。批处理完成后刷新页面即可看到正确的实例数。",
"I know what I am doing": "我清楚此操作的后果", "Heads up!": "请注意！",
"You are about to restart all instances of this Process Definition. This will affect {{instanceCount}} instances. Please confirm that you want to do this or go back and select the instances you want to modify.":
  "您将重启此流程定义的全部实例，共影响 {{instanceCount}} 个实例。请确认，或返回选择需要修改的实例。",
"Filter for finished process instances": "筛选已结束的流程实例",
"You have restarted the process instances successfully.": "已成功重启流程实例。",
"You have modified the process instances successfully.": "已成功修改流程实例。",
"You have modified the process instance successfully.": "已成功修改该流程实例。",
"You have modified the process instance successfully. You canceled the process instance so you will be redirected to the history view in ten seconds.":
  "已成功修改该流程实例。该流程实例已被取消，十秒后将跳转到历史视图。",
"Copied": "已复制", "Copy selected Instance IDs": "复制所选实例 ID", "Close": "关闭", "Crunching Data …": "正在处理数据……",
"Download as CSV": "下载 CSV", "Export CSV": "导出 CSV",
"Process Instance / Business Key": "流程实例 / 业务键", "Process Instance / Case Instance ID": "流程实例 / 案例实例 ID",
"Process Instance / Definition ID": "流程实例 / 定义 ID", "Process Instance / Definition Key": "流程实例 / 定义键",
"Process Instance / Definition Name": "流程实例 / 定义名称", "Process Instance / Definition Version": "流程实例 / 定义版本",
"Process Instance / Delete Reason": "流程实例 / 删除原因", "Process Instance / Duration in Milliseconds": "流程实例 / 持续时间（毫秒）",
"Process Instance / End Date": "流程实例 / 结束时间", "Process Instance / ID": "流程实例 / ID",
"Process Instance / Start Activity ID": "流程实例 / 开始活动 ID", "Process Instance / Start Date": "流程实例 / 开始时间",
"Process Instance / Start User": "流程实例 / 发起人", "Process Instance / Super Case Instance ID": "流程实例 / 上级案例实例 ID",
"Process Instance / Super Process Instance ID": "流程实例 / 上级流程实例 ID", "Variable / {{variableName}}": "变量 / {{variableName}}",
"Export Process Instances": "导出流程实例",
"You are about to export a list of process instances as a CSV file. You can configure the export result below.": "您将把流程实例列表导出为 CSV 文件，可在下方配置导出内容。",
"Data crunching failed with the following error: {{errorMessage}}": "数据处理失败，错误：{{errorMessage}}",
"Data crunching was successful. Click on the download button to save the CSV  file on your computer.": "数据处理完成。点击下载按钮将 CSV 文件保存到本机。",
"Process Variables": "流程变量", "Add": "添加", "Delete": "删除",
"Define process variables that you want to attach to each process instance:": "定义要附加到每个流程实例的流程变量：",
"Enter variable name": "输入变量名", "Variable Name": "变量名", "Result Set": "结果集", "All {{ pageCount }} Pages": "全部 {{ pageCount }} 页",
"Current Page": "当前页", "Process instances to be exported:": "要导出的流程实例：", "Selected Instances ({{selectionCount}})": "所选实例（{{selectionCount}}）",
"Export all instances that met the query criteria": "导出符合查询条件的全部实例", "Export instances present on the current page": "导出当前页的实例",
"Export instances you selected via checkboxes": "导出勾选的实例", "Export process instances": "导出流程实例",
"You are about to export {{allOrCount}} process instances. This could add additional load to the server and slows down the process execution. Please review carefully what you are doing before proceeding.":
  "您将导出 {{allOrCount}} 个流程实例，这可能增加服务器负载并拖慢流程执行。请仔细确认后再继续。",
"Process Instance : With jobs retrying": "流程实例：有重试中的作业", "Root Process Instance ID": "根流程实例 ID", "Business Key": "业务键",
"Key": "键", "like": "包含", "Update Removal Time": "更新删除时间",
"Updating the History Time To Live value does not affect instances that have already been completed. ": "修改历史保留期不会影响已经结束的实例。",
"Run a Batch Operation to update completed instances.": "如需更新已结束的实例，请执行批处理操作。",
"Edit History Time To Live value": "编辑历史保留期", "Updated History Time To Live value": "历史保留期已更新",
}
LISTS = {
 json.dumps(["January","February","March","April","May","June","July","August","September","October","November","December"]):
   ["一月","二月","三月","四月","五月","六月","七月","八月","九月","十月","十一月","十二月"],
 json.dumps(["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"]):
   ["1月","2月","3月","4月","5月","6月","7月","8月","9月","10月","11月","12月"],
 json.dumps(["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"]):
   ["星期日","星期一","星期二","星期三","星期四","星期五","星期六"],
 json.dumps(["Su","Mo","Tu","We","Th","Fr","Sa"]): ["日","一","二","三","四","五","六"],
 json.dumps(["Sun","Mon","Tue","Wed","Thu","Fri","Sat"]): ["周日","周一","周二","周三","周四","周五","周六"],
}
def translate(v):
    if isinstance(v, list):
        return LISTS[json.dumps(v)]
    if isinstance(v, (int, float)):
        return v
    if v.startswith("It is time to migrate to Camunda 8"):
        return v.replace("It is time to migrate to Camunda 8. The last release of Camunda 7 CE has been released in October 2025. Please have a look at our ", "是时候迁移到 Camunda 8 了。Camunda 7 社区版的最后一个版本已于 2025 年 10 月发布。请参阅").replace(">migration guide</a>.", ">迁移指南</a>。")
    return T[v]

def merge(app, en, zh_cn, zh_hans):
    def walk(e, a, b):
        out = {}
        for k, v in e.items():
            av = a.get(k) if isinstance(a, dict) else None
            bv = b.get(k) if isinstance(b, dict) else None
            if isinstance(v, dict):
                out[k] = walk(v, av if isinstance(av, dict) else {}, bv if isinstance(bv, dict) else {})
            elif av is not None and not isinstance(av, dict) and av != "":
                out[k] = av
            elif bv is not None and not isinstance(bv, dict) and bv != "":
                out[k] = bv
            else:
                out[k] = translate(v)
        return out
    return walk(en, zh_cn, zh_hans)

# GovShare's corrections over the community translations (issue 20): literal mistranslations and the brand.
# Applied last, to every app; (key pattern, wrong, right): every key matching the pattern gets wrong -> right.
CORRECTIONS = [
    (r".*", "业务密钥", "业务编号"),
    (r".*OPEN_INCIDENTS$", "打开事件", "未解决的异常"),
    (r".*CLOSED_INCIDENTS$", "封闭事件", "已解决的异常"),
    (r".*INCIDENT.*", "事件", "异常"),
    (r"^PLGN_HIST_INCIDENTS$|^PLUGIN_PROCESS_DEF_INCIDENTS$|^PLUGIN_PROCESS_INSTANCE_WITH_INCIDENTS$", "事件", "异常"),
    (r"^DASHBOARD_RIGHT_NOW$", "立刻", "当前"),
    (r".*", "立刻", "立即"),
    (r"^DASHBOARD_OPEN_HUMAN_TASKS$", "打开人工任务", "待办人工任务"),
    (r"^PLUGIN_TASK_ERROR_OPEN_TASKS$", "打开任务", "未完成的任务"),
    (r"^REPOSITORY_DEPLOYMENTS_INFO_OPEN_(PLURAL|SINGULAR)$", "打开案例实例", "运行中的案例实例"),
    (r"^APP_VENDOR$", "Camunda", "政务数据共享"),
    (r"^(AUTH_LOGOUT_THANKS|FIRST_LOGIN_HEADING)$", "Camunda", "政务数据共享平台"),
    (r"^AUTH_LOGOUT_THANKS$", "}!}!", "}!"),
    (r"^PLGN_SKE_CAMUNDA_COCKPIT$", "Camunda Cockpit", "流程监控"),
    (r"^DOCUMENTATION_DESCRIPTION$", "Camunda Web应用用户文档", "工作流平台官方使用文档"),
]


def correct(tree):
    import re
    out = {}
    for k, v in tree.items():
        if isinstance(v, dict):
            out[k] = correct(v)
            continue
        for pattern, wrong, right in CORRECTIONS:
            if isinstance(v, str) and re.match(pattern, k):
                v = v.replace(wrong, right)
        out[k] = v
    return out


import os
import sys
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../main/resources/META-INF/resources/webjars/camunda/app')
for app in ['admin', 'cockpit', 'tasklist', 'welcome']:
    if sys.argv[1:] == ['--corrections-only']:
        # re-apply CORRECTIONS to the shipped files (no webjar or community files needed)
        zh = json.load(open(f'{base}/{app}/locales/zh.json', encoding='utf-8'))
    else:
        en = json.load(open(f'/tmp/wj/META-INF/resources/webjars/camunda/app/{app}/locales/en.json', encoding='utf-8-sig'))
        cn = json.load(open(f'/tmp/tr/{app}.zh-CN.json', encoding='utf-8-sig'))
        try:
            hans = json.load(open(f'/tmp/tr/{app}.zh-Hans.json', encoding='utf-8-sig'))
        except Exception:
            hans = {}
        zh = merge(app, en, cn, hans)
    zh = correct(zh)
    os.makedirs(f'{base}/{app}/locales', exist_ok=True)
    json.dump(zh, open(f'{base}/{app}/locales/zh.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
    print(app, 'ok')
