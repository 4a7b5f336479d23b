<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>About Gonghui Desk</source>
        <translation>关于工会桌面</translation>
    </message>
    <message>
        <source>Gonghui Desk</source>
        <translation>工会桌面</translation>
    </message>
    <message>
        <source>Records and official forms of a grassroots trade-union branch</source>
        <translation>基层工会的日常台账与上报表格</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Qt for Python</source>
        <translation>Qt for Python</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>WenQuanYi Micro Hei (Apache License 2.0)</source>
        <translation>文泉驿微米黑（Apache License 2.0）</translation>
    </message>
</context>
<context>
    <name>AidCharts</name>
    <message>
        <source>Aid paid by month</source>
        <translation>各月帮扶发放</translation>
    </message>
    <message>
        <source>Aid by type</source>
        <translation>各类帮扶</translation>
    </message>
    <message>
        <source>Aid paid in %1 by month: %2 in all</source>
        <translation>%1 年各月帮扶发放：全年合计 %2</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Share of the year&apos;s total by type</source>
        <translation>各类帮扶占全年合计</translation>
    </message>
    <message>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>AidLedgerPanel</name>
    <message>
        <source>Paid from</source>
        <translation>发放日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>By type of aid</source>
        <translation>按帮扶类型</translation>
    </message>
    <message>
        <source>By fund source</source>
        <translation>按资金来源</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), %1 yuan in all</source>
        <translation>
            <numerusform>%n 笔，共 %1 元</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AidPaymentDialog</name>
    <message>
        <source>Record aid for %1</source>
        <translation>登记帮扶：%1</translation>
    </message>
    <message>
        <source>Correct payment no. %1 of %2</source>
        <translation>更正 %2 的第 %1 号发放记录</translation>
    </message>
    <message>
        <source>who received it</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Medical aid</source>
        <translation>医疗救助</translation>
    </message>
    <message>
        <source>Study aid</source>
        <translation>助学</translation>
    </message>
    <message>
        <source>what was wrong, e.g. 金额多录了一个零</source>
        <translation>哪里错了，例如 金额多录了一个零</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>The payment as recorded is voided, with this reason, and the corrected one is recorded in its place.</source>
        <translation>原记录将按此原因作废，并登记更正后的记录代替它。</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>11-digit mobile</source>
        <translation>11 位手机号码</translation>
    </message>
    <message>
        <source>Only for a patient who is not on the household list: a household member&apos;s is taken from the file.</source>
        <translation>仅在患者不是档案所列家庭成员时填写：家庭成员的按档案登记的信息填表。</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <source>Allocate places: %1</source>
        <translation>按排名分配名额：%1</translation>
    </message>
    <message>
        <source>%1, %2: %3 places, %4 arranged, %5 free. Places go in rank order: the number of priority conditions first, then the longest time since the last trip, then the earliest application. Whoever gets no place waits in that order.</source>
        <translation>%1，%2：名额 %3 个，已安排 %4 人，空余 %5 个。名额按排名分配：先看符合的优先条件项数，再看距上次参加疗休养的时间（越久越优先），最后看申请日期（越早越优先）。未分到名额的人按同样的顺序候补。</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Allocate the places</source>
        <translation>分配名额</translation>
    </message>
    <message>
        <source>Nobody to allocate: applications must pass the department&apos;s review and the union&apos;s approval first.</source>
        <translation>没有待分配的申请：申请须先经部门审核和工会审批。</translation>
    </message>
    <message>
        <source>Nobody left to allocate: everyone in the list holds a place.</source>
        <translation>没有待分配的人：名单中的人都已安排了名额。</translation>
    </message>
    <message>
        <source>Who handles the allocation?</source>
        <translation>请填写经办人。</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Arranged: %1</source>
        <translation>已安排：%1</translation>
    </message>
    <message>
        <source>On the waiting list: %1</source>
        <translation>列入候补：%1</translation>
    </message>
    <message>
        <source>May not go: %1</source>
        <translation>不符合条件、不能参加：%1</translation>
    </message>
</context>
<context>
    <name>ApplicantTab</name>
    <message>
        <source>Read from the ID number.</source>
        <translation>由身份证号得出。</translation>
    </message>
    <message>
        <source>Choose from members…</source>
        <translation>从会员选择…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Work and income</source>
        <translation>工作与收入</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Home and household</source>
        <translation>住房与家庭</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难情况</translation>
    </message>
    <message>
        <source>Not linked to a member record.</source>
        <translation>未关联会员档案。</translation>
    </message>
    <message>
        <source>Filled from the member record of %1.</source>
        <translation>已从会员 %1 的档案填入。</translation>
    </message>
    <message>
        <source>Linked to a member record.</source>
        <translation>已关联会员档案。</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>资格审核</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <source>New recuperation application</source>
        <translation>新增疗休养申请</translation>
    </message>
    <message>
        <source>Save the new application first.</source>
        <translation>请先保存新申请。</translation>
    </message>
    <message>
        <source>The year has no trip yet: add one on the trips tab first.</source>
        <translation>本年度还没有疗休养批次：请先在“批次与候补”中新增批次。</translation>
    </message>
    <message>
        <source>Recuperation application: %1, %2 (%3)</source>
        <translation>疗休养申请：%1，%2（%3）</translation>
    </message>
    <message>
        <source>This application is closed (%1). It is kept and can be looked at, but not changed.</source>
        <translation>该申请已结束（%1）。申请记录保留，可以查看，但不能再修改。</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <source>%1

The union can approve this application only once each of these rules is overridden on the Eligibility tab, with the reason in writing. Save it and give the overrides next?</source>
        <translation>%1

以上条件须在“资格审核”中逐条特批并写明理由，工会才能审批这份申请。仍要保存，随后办理特批吗？</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Choose the member who applies.</source>
        <translation>请选择申请的会员。</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Choose the trip applied for.</source>
        <translation>请选择申请的批次。</translation>
    </message>
    <message>
        <source>Saved. The eligibility check is on the next tab.</source>
        <translation>已保存。资格审核结果见“资格审核”页。</translation>
    </message>
    <message>
        <source>Saved. Give the overrides on this tab.</source>
        <translation>已保存。请在本页逐条特批不符合的条件。</translation>
    </message>
    <message>
        <source>Close without saving the changes to the application?</source>
        <translation>申请的修改尚未保存，确定关闭吗？</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <source>New application…</source>
        <translation>新增申请…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Name or last digits of the ID number</source>
        <translation>搜索姓名或身份证号后几位</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any eligibility</source>
        <translation>资格：全部</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>资格：符合</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>资格：不符合</translation>
    </message>
    <message>
        <source>All trips</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>共 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>No application matches the filters.</source>
        <translation>没有符合筛选条件的申请。</translation>
    </message>
    <message>
        <source>No application in %1 yet. “New application…” records one for a trip of the year.</source>
        <translation>%1 年还没有疗休养申请。点“新增申请…”为本年度的批次登记申请。</translation>
    </message>
</context>
<context>
    <name>ApplyTab</name>
    <message>
        <source>Applicant and trip</source>
        <translation>申请人与批次</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Priority conditions</source>
        <translation>优先条件</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Names of the family members going</source>
        <translation>随行家属的姓名</translation>
    </message>
    <message>
        <source>In the province</source>
        <translation>省内</translation>
    </message>
    <message>
        <source>For the eligibility check</source>
        <translation>资格审核所需情况</translation>
    </message>
    <message>
        <source>Hired on</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Days absent last year</source>
        <translation>上年缺勤天数</translation>
    </message>
    <message>
        <source>Family going along</source>
        <translation>随行家属人数</translation>
    </message>
    <message>
        <source>Their names</source>
        <translation>家属姓名</translation>
    </message>
    <message>
        <source>Last trip before these records</source>
        <translation>此前最近一次疗休养</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>入职日期 and 上年缺勤 come from the person&apos;s department. Leave the last trip empty if they never went before, or if the trip is already in these records.</source>
        <translation>入职日期和上年缺勤天数由所在部门提供。此前没有参加过疗休养，或上次疗休养已在本系统中登记的，“此前最近一次疗休养”留空。</translation>
    </message>
    <message>
        <source>Joined the union on %1</source>
        <translation>%1 入会</translation>
    </message>
    <message>
        <source>The day of the 申请 step; it no longer changes once later steps are recorded.</source>
        <translation>即“申请”环节的日期；登记了后续环节后不再修改。</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Scans and documents kept with the contract inside the database, so they are in every backup: the signed text, the minutes, the congress resolution, the chiefs&apos; credentials, the bureau&apos;s review. At most 20 MB a file.</source>
        <translation>与合同一起保存在数据库中的扫描件和文件，每次备份都会带上：签字文本、协商会议纪要、职代会决议、首席代表委托书、审查意见书等。每个文件不超过 20 MB。</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <source>Add a file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>附件类型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a file to the contract</source>
        <translation>为合同添加附件</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ofd);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ofd);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>No program opens this kind of file; it was written to %1.</source>
        <translation>本机没有能打开这类文件的程序，文件已写到 %1。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Save the attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>不能写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已另存为 %1。</translation>
    </message>
    <message>
        <source>Delete the attachment %1 from the contract?</source>
        <translation>从合同中删除附件 %1？</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Change folder…</source>
        <translation>更改文件夹…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Keep the newest backup of the last</source>
        <translation>保留最近</translation>
    </message>
    <message>
        <source>days and</source>
        <translation>天（每天最新一份）和</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月（每月最新一份）</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>自动清理</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Backed up and verified: %1</source>
        <translation>已备份并校验：%1</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>备份设置已保存。</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一份备份。</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Gonghui Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>工会桌面数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the current database by this backup?

Now: %1
Backup %2: %3

The current database is backed up first, so this can be undone.</source>
        <translation>用这份备份替换当前数据库吗？

当前：%1
备份 %2：%3

替换前会先自动备份当前数据库，可以再恢复回来。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Keep the backups taken before an import, an undo, a restore or an upgrade for at least</source>
        <translation>导入、撤销导入、恢复和升级前的备份至少保留</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Safety copies</source>
        <translation>操作前备份</translation>
    </message>
    <message>
        <source>Back up to another folder…</source>
        <translation>备份到其他文件夹…</translation>
    </message>
    <message>
        <source>Back up to another folder</source>
        <translation>备份到其他文件夹</translation>
    </message>
    <message>
        <source>Taken by %1</source>
        <translation>备份人：%1</translation>
    </message>
    <message>
        <source>Kept at least until %1</source>
        <translation>操作前备份，至少保留到 %1</translation>
    </message>
</context>
<context>
    <name>BasicsTab</name>
    <message>
        <source>e.g. 2026—2028 年度综合集体合同</source>
        <translation>如：2026—2028 年度综合集体合同</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>合同类型</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签订类型</translation>
    </message>
    <message>
        <source>Renews or amends</source>
        <translation>原合同</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>合同期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A collective contract runs 1 to 3 years. A renewal (续签) or an amendment (变更) names the contract it follows.</source>
        <translation>集体合同期限为 1 至 3 年。续签或变更须选择原来的合同。</translation>
    </message>
    <message>
        <source>The parties</source>
        <translation>双方</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Enterprise type</source>
        <translation>企业类型</translation>
    </message>
    <message>
        <source>Workers in total</source>
        <translation>职工总数</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>工会名称</translation>
    </message>
    <message>
        <source>Union chair</source>
        <translation>工会主席</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 个月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Term: %1</source>
        <translation>期限：%1</translation>
    </message>
</context>
<context>
    <name>ChartDrawer</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Show or hide the charts; click a bar to see the list behind it</source>
        <translation>显示或收起图表；点击柱条可查看对应的名单</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
</context>
<context>
    <name>ContractChart</name>
    <message>
        <source>Collective contracts by status</source>
        <translation>集体合同状态</translation>
    </message>
    <message>
        <source>Collective contracts by status (%1 in all)</source>
        <translation>集体合同状态（共 %1 份）</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
</context>
<context>
    <name>ContractColumns</name>
    <message>
        <source>Contract</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>合同类型</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签订</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>合同期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>附件类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Negotiators</source>
        <translation>协商代表</translation>
    </message>
    <message>
        <source>Negotiation and approval</source>
        <translation>协商与审批进程</translation>
    </message>
    <message>
        <source>Main terms</source>
        <translation>主要条款</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Take back the last step…</source>
        <translation>撤回上一步…</translation>
    </message>
    <message>
        <source>New collective contract</source>
        <translation>新建集体合同</translation>
    </message>
    <message>
        <source>New contract: renewal of “%1”</source>
        <translation>新建合同：续签“%1”</translation>
    </message>
    <message>
        <source>The parties and terms are copied from the contract it renews: check them, change the name and the term, and record the negotiation as it goes.</source>
        <translation>双方信息和主要条款已从原合同复制：请核对，修改合同名称和期限，并随协商进程登记各个步骤。</translation>
    </message>
    <message>
        <source>Save the new contract first.</source>
        <translation>请先保存新合同。</translation>
    </message>
    <message>
        <source>Collective contract: %1 (%2)</source>
        <translation>集体合同：%1（%2）</translation>
    </message>
    <message>
        <source>Renewed or amended by: %1</source>
        <translation>续签或变更合同：%1</translation>
    </message>
    <message>
        <source>Take back “%1”, with a reason the change history keeps.</source>
        <translation>撤回“%1”，须写明原因，修改记录会保留。</translation>
    </message>
    <message>
        <source>Wage increase</source>
        <translation>工资增长幅度</translation>
    </message>
    <message>
        <source>Record “%1” of “%2” on %3?</source>
        <translation>为“%2”登记“%1”，日期 %3？</translation>
    </message>
    <message>
        <source>the new contract</source>
        <translation>新合同</translation>
    </message>
    <message>
        <source>Record a step</source>
        <translation>登记环节</translation>
    </message>
    <message>
        <source>Save or undo the changes first, then take back the last step.</source>
        <translation>请先保存或放弃本次修改，再撤回上一步。</translation>
    </message>
    <message>
        <source>Close without saving the changes to the contract?</source>
        <translation>不保存对合同的修改就关闭吗？</translation>
    </message>
</context>
<context>
    <name>ContractRulesPanel</name>
    <message>
        <source>The periods follow the 集体合同规定 (Ministry of Labour and Social Security Order No. 22, 2004) and, for wage contracts, the rules on wage agreements. A province or city may set other periods: check with the local labour bureau or the union above. The contract list, its deadlines and the reminders on the home page use these. A period of 0 is not allowed.</source>
        <translation>以下期限依据《集体合同规定》（劳动和社会保障部令第 22 号，2004 年），工资专项集体合同依据《工资集体协商试行办法》。各省、市可能另有规定，请向当地劳动行政部门或上级工会核实。合同列表、各项期限和首页提醒都按这里的期限计算。期限不能为 0。</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>默认 %1</translation>
    </message>
    <message>
        <source>Put back the defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Save the periods</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>These periods apply in region %1.</source>
        <translation>以下期限适用于地区 %1。</translation>
    </message>
    <message>
        <source>These periods apply everywhere (no regional periods are on file for the branch&apos;s region).</source>
        <translation>以下期限为通用期限（本会所在地区没有单独设置）。</translation>
    </message>
    <message>
        <source>Not saved: please correct the periods marked in red.</source>
        <translation>未保存：请更正标红的期限。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ContractSteps</name>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>; next: %1</source>
        <translation>；下一期限：%1</translation>
    </message>
    <message>
        <source>e.g. 第三届第二次</source>
        <translation>如：第三届第二次</translation>
    </message>
    <message>
        <source>e.g. 市人力资源和社会保障局</source>
        <translation>如：市人力资源和社会保障局</translation>
    </message>
    <message>
        <source>What the bureau&apos;s 审查意见书 asks to change</source>
        <translation>审查意见书要求修改的内容</translation>
    </message>
    <message>
        <source>by</source>
        <translation>要约方</translation>
    </message>
    <message>
        <source>with</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <source>how</source>
        <translation>公布方式</translation>
    </message>
    <message>
        <source>session</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>1  Negotiation</source>
        <translation>1  要约与协商</translation>
    </message>
    <message>
        <source>Request to negotiate (要约)</source>
        <translation>要约日期</translation>
    </message>
    <message>
        <source>Written reply</source>
        <translation>书面答复日期</translation>
    </message>
    <message>
        <source>Draft agreed</source>
        <translation>形成草案日期</translation>
    </message>
    <message>
        <source>2  Workers&apos; congress</source>
        <translation>2  审议</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>审议会议</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>审议日期</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>3  Signing</source>
        <translation>3  签订</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Both chief negotiators sign after the congress passed the draft; the teams must then meet the rules.</source>
        <translation>草案经职代会（职工大会）审议通过后，由双方首席代表签字；签订时协商代表须符合规定。</translation>
    </message>
    <message>
        <source>4  Filing and review</source>
        <translation>4  报送备案与审查</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>报送备案日期</translation>
    </message>
    <message>
        <source>Acceptance number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Objection (审查意见书) on</source>
        <translation>审查意见日期</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>审查意见</translation>
    </message>
    <message>
        <source>Filed again on</source>
        <translation>重新报送日期</translation>
    </message>
    <message>
        <source>5  In force and published</source>
        <translation>5  生效与公布</translation>
    </message>
    <message>
        <source>Confirmed in force on</source>
        <translation>确认生效日期</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>公布日期</translation>
    </message>
    <message>
        <source>6  Termination</source>
        <translation>6  终止</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>终止原因</translation>
    </message>
    <message>
        <source>Status and deadlines</source>
        <translation>状态与期限</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>The status and the deadlines are worked out from the dates once the contract is saved.</source>
        <translation>保存后按登记的日期计算合同状态和各项法定期限。</translation>
    </message>
    <message>
        <source>No statutory deadline runs yet: the first starts with the request to negotiate.</source>
        <translation>还没有开始计算的法定期限：第一个期限从要约开始。</translation>
    </message>
</context>
<context>
    <name>ContractWeightySteps</name>
    <message>
        <source>After signing, the contract must be filed with the labour bureau within %1 days; the deadline is counted from this day.</source>
        <translation>签订后须在 %1 日内报送人力资源社会保障部门备案，期限从这一天起算。</translation>
    </message>
    <message>
        <source>After filing, the bureau has %2 days to review the contract; without an objection it comes into force when they are over.</source>
        <translation>报送备案后，人力资源社会保障部门有 %2 日审查期；期满未提出异议的，合同即行生效。</translation>
    </message>
    <message>
        <source>The bureau&apos;s review period of %2 days starts again from this day.</source>
        <translation>%2 日审查期从这一天起重新计算。</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>Collective contracts</source>
        <translation>集体合同</translation>
    </message>
    <message>
        <source>New contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>续签…</translation>
    </message>
    <message>
        <source>Start negotiating the renewal of the selected signed contract: its parties and terms are copied into a new contract marked 续签.</source>
        <translation>为选中的已签订合同开始续签协商：双方信息和主要条款复制到一份新的“续签”合同中。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Only a contract never signed can be deleted; a signed one is ended by recording its termination.</source>
        <translation>只能删除尚未签订的合同；已签订的合同不再履行时，请登记终止日期和原因。</translation>
    </message>
    <message>
        <source>Search the contract name or the enterprise</source>
        <translation>搜索合同名称或企业名称</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Statutory periods: a written reply within %1 days of a request to negotiate; filing with the labour bureau within %2 days of signing (wage contracts %3 days); in force when the bureau raises no objection within %4 days; renewal may be asked for in the last %5 months of the term. Change them under Settings → Contract periods.</source>
        <translation>法定期限：收到要约后 %1 日内书面答复；签订后 %2 日内报送劳动行政部门备案（工资专项集体合同 %3 日）；报送后 %4 日内未提出异议即生效；期满前 %5 个月内可提出续签。期限可在“设置 → 集体合同期限”中修改。</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n 份合同</numerusform>
        </translation>
    </message>
    <message>
        <source>No contract matches the filters.</source>
        <translation>没有符合筛选条件的合同。</translation>
    </message>
    <message>
        <source>No collective contract yet. “New contract…” records one from the request to negotiate on: the teams, the workers&apos; congress vote, signing, filing and the bureau&apos;s review.</source>
        <translation>还没有集体合同。“新建合同…”从要约开始登记一份合同：协商代表、职代会表决、签订、报送备案和审查。</translation>
    </message>
    <message>
        <source>Delete “%1” with its teams and attachments? This cannot be undone.</source>
        <translation>删除“%1”及其协商代表和附件？删除后不能恢复。</translation>
    </message>
</context>
<context>
    <name>CorrectionButtons</name>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>For a payment recorded with a wrong amount, date or detail: it is voided with your reason and the corrected one recorded in its place.</source>
        <translation>用于金额、日期或内容登记错误的发放：原记录按您写的原因作废，并登记更正后的记录代替它。</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>For a payment recorded by mistake: it stays on record, marked as voided with the reason, and no longer counts.</source>
        <translation>用于误登记的发放：记录保留，标明已作废及原因，不再计入合计。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your saved data is not affected: every change is saved in one step or not at all.
Please copy the details below and send them to whoever supports you. The log file is at:</source>
        <translation>程序遇到了意料之外的问题。已保存的数据不受影响：每次修改要么完整保存，要么完全不保存。
请复制下面的详细信息，发给为您提供技术支持的人员。日志文件位于：</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 1990-01-01</source>
        <translation>例如 1990-01-01</translation>
    </message>
    <message>
        <source>required, e.g. 1990-01-01</source>
        <translation>必填，例如 1990-01-01</translation>
    </message>
    <message>
        <source>Type e.g. 19900101, 1990-01-01, 1990/1/1, 1990.1.1 or 1990年1月1日, or leave it empty.</source>
        <translation>可输入 19900101、1990-01-01、1990/1/1、1990.1.1 或 1990年1月1日，也可以不填。</translation>
    </message>
    <message>
        <source>Type e.g. 19900101, 1990-01-01, 1990/1/1, 1990.1.1 or 1990年1月1日.</source>
        <translation>可输入 19900101、1990-01-01、1990/1/1、1990.1.1 或 1990年1月1日。</translation>
    </message>
    <message>
        <source>Pick the day on a calendar</source>
        <translation>在日历上选择日期</translation>
    </message>
    <message>
        <source>A date is required here, e.g. 1990-01-01.</source>
        <translation>必须填写日期，例如 1990-01-01。</translation>
    </message>
</context>
<context>
    <name>DibaoPanel</name>
    <message>
        <source>The minimum living allowance of the region, in yuan per person a month, as the civil affairs bureau publishes it each year. The hardship income test compares a household&apos;s monthly income per person with it: below the standard suggests 深度困难, below twice the standard 相对困难.</source>
        <translation>本地区的最低生活保障标准（低保标准），单位为元/人·月，以民政部门每年公布的为准。困难职工收入测算以家庭月人均收入与之比较：低于低保标准建议为深度困难，低于 2 倍低保标准建议为相对困难。</translation>
    </message>
    <message>
        <source>6-digit region code, e.g. 330106</source>
        <translation>6 位行政区划代码，如 330106</translation>
    </message>
    <message>
        <source>yuan per person a month</source>
        <translation>元/人·月</translation>
    </message>
    <message>
        <source>Save the standard</source>
        <translation>保存低保标准</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>低保标准</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Monthly amount</source>
        <translation>月标准</translation>
    </message>
    <message>
        <source>Yuan per person a month</source>
        <translation>元/人·月</translation>
    </message>
    <message>
        <source>Standards on file</source>
        <translation>已录入的低保标准</translation>
    </message>
    <message>
        <source>Enter a region code to see its standards.</source>
        <translation>填写行政区划代码后显示该地区的低保标准。</translation>
    </message>
    <message>
        <source>No standard for region %1 yet.</source>
        <translation>地区 %1 尚未录入低保标准。</translation>
    </message>
    <message>
        <source>Region %1:</source>
        <translation>地区 %1：</translation>
    </message>
    <message>
        <source>6, 9 or 12 digits: the region code the hardship files use.</source>
        <translation>应为 6 位、9 位或 12 位数字，与困难职工档案中的地区代码一致。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Saved the standard of %1 for %2.</source>
        <translation>已保存地区 %1 %2 年的低保标准。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Please note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>FigureCheck</name>
    <message>
        <source>Check the figures</source>
        <translation>核对数字</translation>
    </message>
    <message>
        <source>%1: the check before export found %2 contradiction(s). The higher union may send the form back.</source>
        <translation>%1：导出前核对发现 %2 处数字互相矛盾，上级工会可能会退回这张表。</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <source>Go back and correct</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>FirstStepsBox</name>
    <message>
        <source>Getting started</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <source>Fill in the branch profile: the union&apos;s name and codes head every form.</source>
        <translation>填写工会信息：工会名称和各项代码印在每张报表的表头上。</translation>
    </message>
    <message>
        <source>Fill in the branch profile…</source>
        <translation>填写工会信息…</translation>
    </message>
    <message>
        <source>Bring in the members: import the roster you have, or add them one by one.</source>
        <translation>导入会员或新增会员：读入现有的花名册，或逐个录入。</translation>
    </message>
    <message>
        <source>Import members…</source>
        <translation>导入会员…</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>新增会员…</translation>
    </message>
    <message>
        <source>Start on the work you keep: hardship aid, recuperation, collective contracts.</source>
        <translation>开始记录各项工作：困难职工帮扶、疗休养、集体合同。</translation>
    </message>
    <message>
        <source>Hardship aid</source>
        <translation>困难职工帮扶</translation>
    </message>
    <message>
        <source>Recuperation</source>
        <translation>疗休养</translation>
    </message>
    <message>
        <source>Collective contracts</source>
        <translation>集体合同</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>FormParamsPanel</name>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Search %1…</source>
        <translation>搜索%1……</translation>
    </message>
    <message>
        <source>Correct the date marked in red first.</source>
        <translation>请先改正标红的日期。</translation>
    </message>
    <message>
        <source>Choose the record in the list first (search by name if needed).</source>
        <translation>请先在列表中选择要填表的记录（可按姓名搜索）。</translation>
    </message>
    <message>
        <source>Choose a member in the list first (search by name if needed).</source>
        <translation>请先在列表中选择一名会员（可按姓名搜索）。</translation>
    </message>
    <message>
        <source>Set another date</source>
        <translation>另定日期</translation>
    </message>
    <message>
        <source>Unticked, an application or a filing prints its own date (the application&apos;s, the payment&apos;s, the day it is sent); a member&apos;s card prints today.</source>
        <translation>不勾选时，申请表和报送表印记录本身的日期（申请日期、发放日期或报送日期）；会员登记表印今天。</translation>
    </message>
    <message>
        <source>Default date</source>
        <translation>默认日期</translation>
    </message>
    <message>
        <source>Filled on</source>
        <translation>填表日期</translation>
    </message>
</context>
<context>
    <name>HardshipColumns</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Aid this year (yuan)</source>
        <translation>本年帮扶（元）</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>帮扶对象</translation>
    </message>
    <message>
        <source>Type of aid</source>
        <translation>帮扶类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Fund source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation>领取人签字</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Voided on %1 by %2: %3</source>
        <translation>已于 %1 由 %2 作废：%3</translation>
    </message>
</context>
<context>
    <name>HardshipFields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Hardship category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>Filing standard</source>
        <translation>建档标准</translation>
    </message>
    <message>
        <source>Region code (minimum allowance)</source>
        <translation>低保地区代码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Political affiliation</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Other contact</source>
        <translation>其他联系方式</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>病种</translation>
    </message>
    <message>
        <source>Disability type</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Work status</source>
        <translation>工作状态</translation>
    </message>
    <message>
        <source>Model worker</source>
        <translation>劳模类型</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>住房类型</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>建筑面积（㎡）</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Household registration type</source>
        <translation>户口类型</translation>
    </message>
    <message>
        <source>Household registered in</source>
        <translation>户口所在地</translation>
    </message>
    <message>
        <source>Lives at</source>
        <translation>现居住地</translation>
    </message>
    <message>
        <source>Started work</source>
        <translation>参加工作时间</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Employer type</source>
        <translation>单位性质</translation>
    </message>
    <message>
        <source>State of the enterprise</source>
        <translation>企业状况</translation>
    </message>
    <message>
        <source>Single parent</source>
        <translation>是否单亲</translation>
    </message>
    <message>
        <source>No one in the family employed</source>
        <translation>是否零就业家庭</translation>
    </message>
    <message>
        <source>Able to help themselves</source>
        <translation>是否具有自救能力</translation>
    </message>
    <message>
        <source>Own monthly income (yuan)</source>
        <translation>本人月均收入（元）</translation>
    </message>
    <message>
        <source>Medical insurance</source>
        <translation>医保状况</translation>
    </message>
    <message>
        <source>Labour contract from</source>
        <translation>劳动合同起始</translation>
    </message>
    <message>
        <source>Labour contract until</source>
        <translation>劳动合同截止</translation>
    </message>
    <message>
        <source>Fixed-term contract</source>
        <translation>固定期限合同</translation>
    </message>
    <message>
        <source>Member service card no.</source>
        <translation>会员服务卡号</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Main cause of hardship</source>
        <translation>主要致困原因</translation>
    </message>
    <message>
        <source>Second cause</source>
        <translation>次要致困原因</translation>
    </message>
    <message>
        <source>Cause in brief</source>
        <translation>致困原因简述</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Date of application</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与本人关系</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Monthly income (yuan)</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Employer or school</source>
        <translation>单位或学校</translation>
    </message>
    <message>
        <source>Type of aid</source>
        <translation>帮扶类型</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Fund source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation>领取人签字</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Patient&apos;s relation</source>
        <translation>与建档职工关系</translation>
    </message>
    <message>
        <source>Patient&apos;s sex</source>
        <translation>患者性别</translation>
    </message>
    <message>
        <source>Patient&apos;s employer</source>
        <translation>患者工作单位</translation>
    </message>
    <message>
        <source>Student&apos;s ethnic group</source>
        <translation>学生民族</translation>
    </message>
    <message>
        <source>Student&apos;s political affiliation</source>
        <translation>学生政治面貌</translation>
    </message>
    <message>
        <source>Student&apos;s mobile</source>
        <translation>学生手机号</translation>
    </message>
    <message>
        <source>College entrance exam score</source>
        <translation>高考分数</translation>
    </message>
    <message>
        <source>Level (bachelor or college)</source>
        <translation>类别（本科/大专）</translation>
    </message>
    <message>
        <source>Admitted this year</source>
        <translation>是否本届</translation>
    </message>
    <message>
        <source>Admitted on</source>
        <translation>录取时间</translation>
    </message>
    <message>
        <source>Graduates on</source>
        <translation>毕业时间</translation>
    </message>
    <message>
        <source>Paid out of pocket this year</source>
        <translation>本年度个人自付费用</translation>
    </message>
    <message>
        <source>Hospital stays</source>
        <translation>住院次数</translation>
    </message>
    <message>
        <source>Aid from the branch</source>
        <translation>本单位救助金额</translation>
    </message>
    <message>
        <source>Aid from social assistance</source>
        <translation>社会救助金额</translation>
    </message>
    <message>
        <source>Hospital stays and further treatment</source>
        <translation>住院及后续治疗情况</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生姓名</translation>
    </message>
    <message>
        <source>Admitted to (school)</source>
        <translation>录取院校</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Years of study</source>
        <translation>学制（年）</translation>
    </message>
    <message>
        <source>Admission batch</source>
        <translation>录取批次</translation>
    </message>
    <message>
        <source>Fees per year</source>
        <translation>学杂费/年</translation>
    </message>
    <message>
        <source>Student loan</source>
        <translation>助学贷款</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Notice ends</source>
        <translation>公示截止</translation>
    </message>
</context>
<context>
    <name>HardshipFileDialog</name>
    <message>
        <source>Applicant</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Income test</source>
        <translation>收入测算</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Aid paid</source>
        <translation>帮扶记录</translation>
    </message>
    <message>
        <source>New hardship file</source>
        <translation>新建困难职工档案</translation>
    </message>
    <message>
        <source>Save the new file first.</source>
        <translation>请先保存新档案。</translation>
    </message>
    <message>
        <source>Hardship file: %1 (%2)</source>
        <translation>困难职工档案：%1（%2）</translation>
    </message>
    <message>
        <source>This file is closed (%1). It is kept and can be looked at, but not changed; for new aid, open a new application.</source>
        <translation>该档案已结档（%1），予以保存，只能查看、不能修改；如需再次帮扶，请新建申请。</translation>
    </message>
    <message>
        <source>Choose from members</source>
        <translation>从会员选择</translation>
    </message>
    <message>
        <source>The member&apos;s details are copied into the file; check and complete them.</source>
        <translation>会员的信息将填入档案，请核对并补充。</translation>
    </message>
    <message>
        <source>Household members: %1</source>
        <translation>家庭成员：%1</translation>
    </message>
    <message>
        <source>Close without saving the changes to the applicant and household?</source>
        <translation>基本情况和家庭成员的修改尚未保存，确定关闭吗？</translation>
    </message>
</context>
<context>
    <name>HardshipPage</name>
    <message>
        <source>Hardship aid</source>
        <translation>困难帮扶</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>新建档案…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Record aid…</source>
        <translation>登记帮扶…</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Aid ledger</source>
        <translation>帮扶台账</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Search a name or the last digits of an ID number</source>
        <translation>搜索姓名或身份证号后几位</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部档案</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>在档</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结档</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>复核到期</translation>
    </message>
    <message>
        <source>Yearly review due within 30 days, or overdue</source>
        <translation>年度复核 30 天内到期或已逾期</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>共 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>No file matches the filters.</source>
        <translation>没有符合筛选条件的档案。</translation>
    </message>
    <message>
        <source>No hardship file yet. “New file…” opens one for a household that applies; the minimum living allowance standard for the income test is set under Settings → Minimum living allowance.</source>
        <translation>还没有困难职工档案。有家庭申请时，点击“新建档案…”建立档案；收入测算所用的低保标准在“设置 → 低保标准”中填写。</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User manual</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <source>Save the user manual as PDF</source>
        <translation>保存使用手册为 PDF</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The user manual was saved to %1</source>
        <translation>使用手册已保存到 %1</translation>
    </message>
</context>
<context>
    <name>HistoryColumns</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search names, values or who made the change</source>
        <translation>搜索姓名、内容或操作人</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>No change matches. Try a shorter keyword.</source>
        <translation>没有符合条件的修改记录，试试更短的关键词。</translation>
    </message>
    <message>
        <source>No change recorded yet.</source>
        <translation>还没有修改记录。</translation>
    </message>
    <message>
        <source>Newest %1 of %2 shown; search or export for the rest</source>
        <translation>显示最新 %1 条，共 %2 条；其余可搜索或导出</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Export change history</source>
        <translation>导出修改记录</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Open the member list</source>
        <translation>打开会员名册</translation>
    </message>
    <message>
        <source>Hardship aid reminders</source>
        <translation>困难帮扶提醒</translation>
    </message>
    <message>
        <source>Click a reminder to open the hardship files</source>
        <translation>点击提醒打开困难帮扶档案</translation>
    </message>
    <message>
        <source>Recuperation reminders</source>
        <translation>疗休养提醒</translation>
    </message>
    <message>
        <source>Click a reminder to open the trip it is about</source>
        <translation>点击提醒，打开相关的疗休养批次</translation>
    </message>
    <message>
        <source>Open recuperation</source>
        <translation>打开疗休养</translation>
    </message>
    <message>
        <source>Collective contract reminders</source>
        <translation>集体合同提醒</translation>
    </message>
    <message>
        <source>Click a reminder to open the contract it is about</source>
        <translation>点击提醒打开相应的合同</translation>
    </message>
    <message>
        <source>Open collective contracts</source>
        <translation>打开集体合同</translation>
    </message>
    <message>
        <source>No reminders.</source>
        <translation>暂无提醒。</translation>
    </message>
    <message>
        <source>Open the hardship files</source>
        <translation>打开困难帮扶档案</translation>
    </message>
    <message>
        <source>The branch profile is empty: forms need the union&apos;s name and codes.</source>
        <translation>尚未填写工会信息：各类报表表头需要工会名称和统计编码等。</translation>
    </message>
</context>
<context>
    <name>ImportBatchesDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Each import is kept as one batch. Undoing it removes the members it added and restores the members it updated, as long as none of them was changed since.</source>
        <translation>每次导入记为一个批次。撤销某次导入，会删除该次新增的会员，并把该次更新的会员恢复为导入前的内容；前提是这些会员在导入后没有再被修改过。</translation>
    </message>
    <message>
        <source>Nothing has been imported yet.</source>
        <translation>还没有导入过会员。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>导入方式</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>撤销此次导入…</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Undone %1 by %2</source>
        <translation>已撤销（%1，%2）</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销此次导入</translation>
    </message>
    <message>
        <source>Undo the import of “%1” made %2?

The %3 member(s) it added will be removed (not moved to the recycle bin), and the %4 member(s) it updated will get back what they had before. The database is backed up first.</source>
        <translation>撤销 %2 导入的“%1”？

此次新增的 %3 名会员将被删除（不进回收站），此次更新的 %4 名会员将恢复为导入前的内容。撤销前会自动备份数据库。</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>正在撤销导入</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose the roster file</source>
        <translation>选择会员名册文件</translation>
    </message>
    <message>
        <source>Excel, WPS, .ods or .csv. Title rows above the header are fine: the header row is found on the next page.</source>
        <translation>可以是 Excel、WPS、.ods 或 .csv 文件。表头上方有标题行也没关系：下一步会自动找到表头所在的行。</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>No roster yet? Save the blank import template, fill it in and import it here. Its drop-down lists hold the values the provincial form accepts.</source>
        <translation>还没有名册？可以先保存空白导入模板，填好后在这里导入。模板中的下拉列表就是省总采集表认可的填法。</translation>
    </message>
    <message>
        <source>Save the blank template…</source>
        <translation>保存空白导入模板…</translation>
    </message>
    <message>
        <source>Save the blank template</source>
        <translation>保存空白导入模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
    <message>
        <source>Reading the sheet</source>
        <translation>正在读取工作表</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Header row and columns</source>
        <translation>表头和列对应</translation>
    </message>
    <message>
        <source>Check which item each column holds. Columns set to “(not imported)” are left out; 姓名 and 证件号码 are required.</source>
        <translation>请核对每一列对应的项目。设为“（不导入）”的列不会导入；“姓名”和“证件号码”两列必须指定。</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>表中列名</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行的内容</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Members already on file</source>
        <translation>表中已在本会登记的会员</translation>
    </message>
    <message>
        <source> Set the header row above and choose each column&apos;s item below.</source>
        <translation>请在上方指定表头所在的行，并在下面为各列选择对应的项目。</translation>
    </message>
    <message>
        <source>The columns were matched as you confirmed them last time for this header.</source>
        <translation>已按上次导入同样表头时确认的列对应填好。</translation>
    </message>
    <message>
        <source>The columns were matched by their names: please check them.</source>
        <translation>已按列名自动对应，请核对。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Choose the column that holds %1.</source>
        <translation>请指定%1所在的列。</translation>
    </message>
    <message>
        <source>There is nothing below the header row (row %1): no members to import.</source>
        <translation>表头（第 %1 行）下面没有内容，没有可导入的会员。</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在逐行检查</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Changes, problems and notes</source>
        <translation>变更、问题和提示</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>With notes</source>
        <translation>有提示</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Every row of the sheet and what the import will do with it. Nothing is written until you press “Import”.</source>
        <translation>表中每一行及导入时如何处理。按“导入”之前，不会写入任何数据。</translation>
    </message>
    <message>
        <source>Export problem list…</source>
        <translation>导出问题清单…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Select a row to read all that is said about it.</source>
        <translation>选中一行，可在这里看到它的全部说明。</translation>
    </message>
    <message>
        <source>Import only the rows that passed the checks (skip the rows with problems)</source>
        <translation>只导入通过检查的行（跳过有问题的行）</translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>第 %1 行（%2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Most rows checked have problems, so the check stopped early and nothing will be imported. See the problems above, check the sheet, header and column mapping, correct the file and import it again.</source>
        <translation>已检查的行大多有问题，检查已提前停止，不会导入任何内容。请看上面列出的问题，核对工作表、表头和列对应，修改原表后重新导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) did not pass the checks, so nothing will be imported. Export the problem list, correct the file and import it again; or tick the box above to import only the rows that passed.</source>
        <translation>
            <numerusform>有 %n 行未通过检查，整个文件都不会导入。请导出问题清单，修改原表后重新导入；或勾选上面的“只导入通过检查的行”。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is nothing new to import.</source>
        <translation>没有需要导入的新内容。</translation>
    </message>
    <message>
        <source>“Import” adds %1 and updates %2 member(s). The database is backed up first; the import can be undone under “Import history”.</source>
        <translation>按“导入”将新增 %1 名、更新 %2 名会员。导入前自动备份数据库，导入后可在“导入记录”中撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems are skipped.</source>
        <translation>
            <numerusform>有问题的 %n 行不导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated (batch %3). It can be undone under “Import history”.</source>
        <translation>已导入：新增 %1，更新 %2（批次 %3），可在“导入记录”中撤销。</translation>
    </message>
    <message>
        <source>Save the problem list</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the problem list</source>
        <translation>正在写入问题清单</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) saved to %1</source>
        <translation>
            <numerusform>问题清单（%n 条）已保存：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing members</source>
        <translation>正在导入会员</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>IncomeTab</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Household income in the year</source>
        <translation>家庭年度收入</translation>
    </message>
    <message>
        <source>Rigid expenses in the year</source>
        <translation>年度刚性支出</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>测算结果</translation>
    </message>
    <message>
        <source>As suggested</source>
        <translation>按测算建议</translation>
    </message>
    <message>
        <source>Category on file</source>
        <translation>认定类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>Reason for a different category</source>
        <translation>调整理由</translation>
    </message>
    <message>
        <source>Tested: %1</source>
        <translation>已测算：%1</translation>
    </message>
    <message>
        <source>No year tested yet.</source>
        <translation>尚未测算。</translation>
    </message>
    <message>
        <source>Save the test for %1</source>
        <translation>保存 %1 年测算</translation>
    </message>
    <message>
        <source>Showing the test saved for %1.</source>
        <translation>显示已保存的 %1 年测算。</translation>
    </message>
    <message>
        <source>%1 has not been tested yet.</source>
        <translation>%1 年尚未测算。</translation>
    </message>
    <message>
        <source>No minimum living allowance standard for region %1 in %2: enter it under Settings → Minimum living allowance before testing.</source>
        <translation>地区 %1 尚无 %2 年的低保标准：请先在“设置 → 低保标准”中填写，再进行测算。</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>（未填写）</translation>
    </message>
    <message numerus="yes">
        <source>Region %1, %2: minimum living allowance %3 yuan per person a month; %n person(s) living together.</source>
        <translation>
            <numerusform>地区 %1，%2 年低保标准 %3 元/人·月；共同生活 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some amounts are not numbers in yuan.</source>
        <translation>有金额不是有效的数字（元）。</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>Not below the income line of the standard</source>
        <translation>不符合收入标准</translation>
    </message>
    <message>
        <source>The category chosen differs from the suggestion: write the reason, it is kept with the test.</source>
        <translation>所选类别与测算建议不同：请写明理由，理由随测算一并保存。</translation>
    </message>
    <message>
        <source>The suggested category is put on file.</source>
        <translation>按测算建议认定困难类别。</translation>
    </message>
    <message>
        <source>Saved the test for %1.</source>
        <translation>已保存 %1 年测算。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>LedgerExport</name>
    <message>
        <source>Exporting %1</source>
        <translation>正在导出%1</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
</context>
<context>
    <name>LiveVerdict</name>
    <message>
        <source>Eligibility as typed in</source>
        <translation>资格预审（按当前填写）</translation>
    </message>
    <message>
        <source>Choose the applicant and the trip: the rules are checked as you type.</source>
        <translation>选择申请人和批次后，随填写即时审核资格。</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>审核结果：%1</translation>
    </message>
    <message>
        <source>Met: %1</source>
        <translation>符合：%1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Enter the password to continue.</source>
        <translation>请输入密码继续使用。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Wrong password. Please try again.</source>
        <translation>密码不正确，请重新输入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opened read-only</source>
        <translation>已以只读方式打开</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>操作人：%1</translation>
    </message>
    <message>
        <source>Gonghui Desk</source>
        <translation>工会桌面</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source> (read-only: someone else has it open)</source>
        <translation>（只读：另有人正在使用）</translation>
    </message>
    <message>
        <source>Officer: not chosen</source>
        <translation>操作人：未选择</translation>
    </message>
    <message>
        <source>Changes made now are recorded as unsigned. Choose your name under File → Change officer… so the history says who made them.</source>
        <translation>现在的修改会记为“未署名”。请在 文件 → 切换操作人… 中选择您的名字，修改记录才写明是谁做的。</translation>
    </message>
    <message>
        <source> (read-only: the disk is full)</source>
        <translation>（只读：磁盘已满）</translation>
    </message>
</context>
<context>
    <name>MemberCharts</name>
    <message>
        <source>Members by department</source>
        <translation>各部门会员</translation>
    </message>
    <message>
        <source>Members by age</source>
        <translation>会员年龄段</translation>
    </message>
    <message>
        <source>Joined and left by month</source>
        <translation>各月入会与离会</translation>
    </message>
    <message numerus="yes">
        <source>%n other department(s)</source>
        <translation>
            <numerusform>其他 %n 个部门</numerusform>
        </translation>
    </message>
    <message>
        <source>Members by department (%1 in all)</source>
        <translation>各部门会员（共 %1 人）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Members by age on %1</source>
        <translation>会员年龄段（按 %1 计）</translation>
    </message>
    <message>
        <source>Joined and left, %1 to %2</source>
        <translation>入会与离会（%1 至 %2）</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离会</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>%1: %2 joined</source>
        <translation>%1：入会 %2 人</translation>
    </message>
    <message>
        <source>%1: %2 left</source>
        <translation>%1：离会 %2 人</translation>
    </message>
</context>
<context>
    <name>MemberColumns</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门/车间</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>移动电话</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>会员证号</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>会籍状态</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Political affiliation</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>New form of employment</source>
        <translation>新就业形态类别</translation>
    </message>
    <message>
        <source>Agency worker</source>
        <translation>劳务派遣</translation>
    </message>
    <message>
        <source>Model worker</source>
        <translation>劳模等级</translation>
    </message>
    <message>
        <source>The ID number ends in %1</source>
        <translation>身份证号末尾 %1 相符</translation>
    </message>
    <message>
        <source>The mobile number ends in %1</source>
        <translation>手机号末尾 %1 相符</translation>
    </message>
</context>
<context>
    <name>MemberDelete</name>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Move the selected members to the recycle bin (Del)</source>
        <translation>把选中的会员移入回收站（Del）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Delete member %1? It can be restored from the recycle bin.</source>
        <translation>删除会员 %1？删除后可在回收站恢复。</translation>
    </message>
    <message>
        <source> and others</source>
        <translation> 等</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n member(s): %1? They can be restored from the recycle bin.</source>
        <translation>
            <numerusform>删除 %n 位会员：%1？删除后可在回收站恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Select a member to see the full record.</source>
        <translation>在左侧列表中选择一名会员，即可查看完整信息。</translation>
    </message>
    <message>
        <source>Membership history</source>
        <translation>会籍变化记录</translation>
    </message>
    <message>
        <source>Membership status: %1</source>
        <translation>会籍状态：%1</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation>修改会员信息</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Identity and contact</source>
        <translation>身份与联系方式</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作信息</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>个人情况</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会籍</translation>
    </message>
    <message>
        <source>How the member came in</source>
        <translation>入会登记</translation>
    </message>
    <message>
        <source>For 入会 the effective date is the date joined the union.</source>
        <translation>选择“入会”时，会籍变化日期即入会日期。</translation>
    </message>
    <message>
        <source>Possibly the same person:</source>
        <translation>可能是同一人：</translation>
    </message>
    <message>
        <source>Click a name to look at that record, or click “Save anyway” if this is a different person.</source>
        <translation>点击姓名可查看已有记录；如确认不是同一人，请点击“仍然保存”。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>MemberExportMenu</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Provincial member information form (.xlsx)…</source>
        <translation>省级会员信息采集表（.xlsx）…</translation>
    </message>
    <message>
        <source>Roster, numbers masked (.xlsx)…</source>
        <translation>会员花名册，号码脱敏（.xlsx）…</translation>
    </message>
    <message>
        <source>Roster with full ID numbers and mobiles (.xlsx)…</source>
        <translation>会员花名册，含完整证件号码和手机号（.xlsx）…</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Full numbers</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>The file will contain full ID numbers and mobiles, which are sensitive personal information. Keep it safe and delete it when it is no longer needed. The export is recorded in the change history. Continue?</source>
        <translation>导出的文件将包含完整的证件号码和手机号，属于敏感个人信息。请妥善保管，不再需要时及时删除。本次导出将记入修改记录。是否继续？</translation>
    </message>
    <message>
        <source>Exporting members</source>
        <translation>正在导出会员</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 名会员到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberFields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>有效证件类别</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>移动电话</translation>
    </message>
    <message>
        <source>Department / workshop</source>
        <translation>部门/车间</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技术等级</translation>
    </message>
    <message>
        <source>Political affiliation</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Household registration type</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <source>Household registered in</source>
        <translation>户籍所在地</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Migrant worker member</source>
        <translation>是否农民工会员</translation>
    </message>
    <message>
        <source>New form of employment</source>
        <translation>新就业形态类别</translation>
    </message>
    <message>
        <source>Agency (dispatched) worker</source>
        <translation>是否劳务派遣</translation>
    </message>
    <message>
        <source>Member card number</source>
        <translation>会员证号</translation>
    </message>
    <message>
        <source>Model worker level</source>
        <translation>劳模等级</translation>
    </message>
    <message>
        <source>Date joined the union</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>会籍变化类型</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>会籍变化日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>会籍变化原因</translation>
    </message>
    <message>
        <source>Other union</source>
        <translation>对方工会</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>MemberFiguresBox</name>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Members (active and reserved)</source>
        <translation>会员（在册及保留会籍）</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>在册会员</translation>
    </message>
    <message>
        <source>Membership reserved (retired etc.)</source>
        <translation>保留会籍（退休等）</translation>
    </message>
    <message>
        <source>Joined this year</source>
        <translation>本年入会及转入</translation>
    </message>
    <message>
        <source>Left this year</source>
        <translation>本年转出、退会及除名</translation>
    </message>
    <message>
        <source>Former members on file</source>
        <translation>已离会（存档）</translation>
    </message>
    <message>
        <source>Joined in %1</source>
        <translation>%1 年入会及转入</translation>
    </message>
    <message>
        <source>Left in %1</source>
        <translation>%1 年转出、退会及除名</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Either sex</source>
        <translation>性别不限</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Migrant workers: any</source>
        <translation>农民工：不限</translation>
    </message>
    <message>
        <source>Migrant workers only</source>
        <translation>仅农民工会员</translation>
    </message>
    <message>
        <source>Not migrant workers</source>
        <translation>非农民工会员</translation>
    </message>
    <message>
        <source>New forms of employment: any</source>
        <translation>新就业形态：不限</translation>
    </message>
    <message>
        <source>Any new form of employment</source>
        <translation>新就业形态（任一类别）</translation>
    </message>
    <message>
        <source>Model workers: any</source>
        <translation>劳模：不限</translation>
    </message>
    <message>
        <source>Model workers (any level)</source>
        <translation>劳模（任一等级）</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
</context>
<context>
    <name>MemberFilters</name>
    <message>
        <source>Members (active and reserved)</source>
        <translation>会员（在册及保留会籍）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留会籍</translation>
    </message>
    <message>
        <source>Former members</source>
        <translation>已离会（转出、退会、除名）</translation>
    </message>
    <message>
        <source>Everyone on file</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Members on a given day</source>
        <translation>指定日期的会员</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Name, pinyin, last digits of the ID number…</source>
        <translation>姓名、拼音、证件号码后几位……</translation>
    </message>
    <message>
        <source>No current member matches. Only members on the roll on %1 may be chosen.</source>
        <translation>没有符合的在册会员。只能选择 %1 在册的会员。</translation>
    </message>
    <message>
        <source>No current member matches. Only members on the roll both on %1 and on %2 may be chosen.</source>
        <translation>没有符合的在册会员。只能选择 %1 和 %2 都在册的会员。</translation>
    </message>
    <message>
        <source>No member matches.</source>
        <translation>没有符合的会员。</translation>
    </message>
    <message>
        <source>The first %1 of %2 current members who match; type more to narrow the list.</source>
        <translation>共 %2 名在册会员符合，只列出前 %1 人；请多输入几个字缩小范围。</translation>
    </message>
    <message>
        <source>The first %1 of %2 people who match; type more to narrow the list.</source>
        <translation>共 %2 人符合，只列出前 %1 人；请多输入几个字缩小范围。</translation>
    </message>
    <message>
        <source>The first %1 of %2 records that match; type more to narrow the list.</source>
        <translation>共 %2 条记录符合，只列出前 %1 条；请多输入几个字缩小范围。</translation>
    </message>
    <message numerus="yes">
        <source>%n current member(s) match.</source>
        <translation>
            <numerusform>共 %n 名在册会员符合。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) match.</source>
        <translation>
            <numerusform>共 %n 人符合。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) match.</source>
        <translation>
            <numerusform>共 %n 条记录符合。</numerusform>
        </translation>
    </message>
    <message>
        <source>No record matches.</source>
        <translation>没有符合的记录。</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Search name, pinyin (zs), ID number or its last digits, mobile, card no.</source>
        <translation>搜索姓名、拼音（如 zs）、证件号码或尾号、手机号、会员证号</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>新增会员…</translation>
    </message>
    <message>
        <source>Recycle bin…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Membership change…</source>
        <translation>会籍变动…</translation>
    </message>
    <message>
        <source>Undo last change</source>
        <translation>撤销最近一次会籍变动</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Change history…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入会员…</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>导入记录…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>No member on file yet: “Add member…” enters one, and Import reads a roster from a spreadsheet.</source>
        <translation>还没有会员：点“新增会员…”逐个录入，或用“导入”从表格读入花名册。</translation>
    </message>
    <message>
        <source>No member matches. Try a shorter keyword or clear the filters.</source>
        <translation>没有符合条件的会员，试试更短的关键词或清除筛选。</translation>
    </message>
    <message>
        <source>Remove the membership change “%1” of %2 from %3?</source>
        <translation>撤销 %2 于 %3 的“%1”记录吗？</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>删除会员</translation>
    </message>
</context>
<context>
    <name>MembershipChangeDialog</name>
    <message>
        <source>Membership change: %1</source>
        <translation>会籍变动：%1</translation>
    </message>
    <message>
        <source>Present status: %1</source>
        <translation>当前会籍状态：%1</translation>
    </message>
    <message>
        <source>Other union: the union the member transfers from.</source>
        <translation>对方工会：会员转出的原工会。</translation>
    </message>
    <message>
        <source>Other union: the union the member transfers to.</source>
        <translation>对方工会：会员将转入的工会。</translation>
    </message>
    <message>
        <source>Reserved members (e.g. after retirement) pay no dues and cannot vote or stand for election.</source>
        <translation>保留会籍的会员（如退休人员）不交会费，不享有选举权和被选举权。</translation>
    </message>
</context>
<context>
    <name>MoneyItemsTable</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Yuan a year</source>
        <translation>全年金额（元）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Total %1 yuan</source>
        <translation>合计 %1 元</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Hardship aid</source>
        <translation>困难帮扶</translation>
    </message>
    <message>
        <source>Recuperation</source>
        <translation>疗休养</translation>
    </message>
    <message>
        <source>Collective contracts</source>
        <translation>集体合同</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <source>Who is working</source>
        <translation>谁在操作</translation>
    </message>
    <message>
        <source>Choose your name. It goes on every change you make and on every form you export. Not in the list? Type it.</source>
        <translation>请选择您的姓名。您所做的每一处修改和导出的每一张表都会署上这个名字。列表里没有？直接输入。</translation>
    </message>
    <message>
        <source>Your name, e.g. 王小红</source>
        <translation>您的姓名，例如 王小红</translation>
    </message>
</context>
<context>
    <name>OpeningHome</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Opening the database… These figures are counted from the file; reminders and charts follow.</source>
        <translation>正在打开数据库…以上数字直接从数据库文件统计，提醒和图表随后显示。</translation>
    </message>
</context>
<context>
    <name>OptionalCount</name>
    <message>
        <source>not filled in</source>
        <translation>未填</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override: %1</source>
        <translation>特批：%1</translation>
    </message>
    <message>
        <source>Why this person may go all the same</source>
        <translation>写明虽不符合该条件仍可参加的理由</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>特批理由</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>特批人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>OverviewCharts</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>Void the payment</source>
        <translation>作废发放记录</translation>
    </message>
    <message>
        <source>Why is the %1 of %2 yuan paid on %3 voided? It stays on record, marked as voided, and no longer counts.</source>
        <translation>为什么作废 %3 发放的%1 %2 元？记录会保留并标明已作废，不再计入合计。请写明原因：</translation>
    </message>
    <message>
        <source>Record aid…</source>
        <translation>登记帮扶…</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), %1 yuan in all</source>
        <translation>
            <numerusform>%n 笔，共 %1 元</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Laying out %1</source>
        <translation>正在排版%1</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <source>Page %1 (%2 pages laid out so far, more to come…)</source>
        <translation>第 %1 页（已排好 %2 页，其余正在排版…）</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Recuperation policy %1</source>
        <translation>%1 年疗休养政策</translation>
    </message>
    <message>
        <source>The rules of %1 as saved. Applications of the year are checked against them.</source>
        <translation>%1 年已保存的政策。本年度的申请按这些规定审核。</translation>
    </message>
    <message>
        <source>%1 has no saved policy yet: these are the defaults most provinces give. Adjust them to your own rules and save.</source>
        <translation>%1 年尚未保存政策：下面是多数省份的常见规定，请按本地规定调整后保存。</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Length and how often</source>
        <translation>天数与频次</translation>
    </message>
    <message>
        <source>Who may go</source>
        <translation>参加条件</translation>
    </message>
    <message>
        <source>Who pays</source>
        <translation>经费承担</translation>
    </message>
    <message>
        <source>Family may go along (at their own cost)</source>
        <translation>允许家属随行（费用自理）</translation>
    </message>
    <message>
        <source>once every %1 year(s)</source>
        <translation>每 %1 年一次</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Together %1% (must be 100%)</source>
        <translation>三项合计 %1%（应为 100%）</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, or choose another printer.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并连接好，或换一台打印机。</translation>
    </message>
    <message>
        <source>Printing page %1 of %2</source>
        <translation>正在打印第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Sending to the printer</source>
        <translation>正在发送到打印机</translation>
    </message>
    <message>
        <source>The form has no pages to print.</source>
        <translation>这份表格没有可打印的页。</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>The pages chosen are not in the form (its pages: 1 to %1).</source>
        <translation>所选页码不在表格内（表格页码为 1 到 %1）。</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>Union name</source>
        <translation>工会名称</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Statistics code</source>
        <translation>统计编码</translation>
    </message>
    <message>
        <source>Administrative division code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>Organisation type</source>
        <translation>组织类型</translation>
    </message>
    <message>
        <source>Employer type</source>
        <translation>单位性质</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Union chair</source>
        <translation>工会主席</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QuotaChart</name>
    <message>
        <source>Recuperation places</source>
        <translation>疗休养名额</translation>
    </message>
    <message>
        <source>Whole branch</source>
        <translation>全工会</translation>
    </message>
    <message>
        <source>Recuperation %1: %2 arranged, no quota set yet</source>
        <translation>%1 年疗休养：已安排 %2 人，尚未设定名额</translation>
    </message>
    <message>
        <source>Recuperation %1: %2 of %3 places arranged</source>
        <translation>%1 年疗休养：%3 个名额已安排 %2 人</translation>
    </message>
    <message>
        <source>Arranged</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>%1: %2 arranged</source>
        <translation>%1：已安排 %2 人</translation>
    </message>
    <message>
        <source>%1: %2 left</source>
        <translation>%1：剩余 %2 个</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Places and budget %1</source>
        <translation>%1 年名额与预算</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>e.g. 市总工会</source>
        <translation>如：市总工会</translation>
    </message>
    <message>
        <source>Already arranged this year: %1 people, %2 yuan of public money.</source>
        <translation>本年已安排 %1 人，需经费 %2 元。</translation>
    </message>
    <message>
        <source>The year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>下达单位</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>下达日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Arranged</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>Add a department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Add every department</source>
        <translation>添加全部部门</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Shares by department (optional)</source>
        <translation>按部门分配名额（可不分）</translation>
    </message>
    <message>
        <source>With no department listed, places are not shared out: anyone may have any place.</source>
        <translation>不列部门即不按部门分配：名额全单位统一使用。</translation>
    </message>
    <message>
        <source>Shared out: %1 of the year&apos;s %2 places</source>
        <translation>已分配到部门 %1 个，全年名额 %2 个</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>What you typed is not saved. Close anyway?</source>
        <translation>您填写的内容尚未保存，确定关闭吗？</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>Change history: %1</source>
        <translation>修改记录：%1</translation>
    </message>
</context>
<context>
    <name>RecuperationColumns</name>
    <message>
        <source>%1, to confirm</source>
        <translation>%1（待确认）</translation>
    </message>
    <message>
        <source>No. %1 waiting</source>
        <translation>候补第 %1 位</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>In/out of province</source>
        <translation>省内/省外</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Per day (yuan)</source>
        <translation>每人每天（元）</translation>
    </message>
    <message>
        <source>Per person (yuan)</source>
        <translation>每人费用（元）</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Arranged</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>资格审核</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先条件</translation>
    </message>
    <message>
        <source>Cost (yuan)</source>
        <translation>费用（元）</translation>
    </message>
    <message>
        <source>Own share (yuan)</source>
        <translation>个人负担（元）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Allocation now</source>
        <translation>现在分配的结果</translation>
    </message>
    <message>
        <source>Why this rank</source>
        <translation>排名依据</translation>
    </message>
</context>
<context>
    <name>RecuperationPage</name>
    <message>
        <source>Recuperation</source>
        <translation>疗休养</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message numerus="yes">
        <source>%1 already has %n trip(s), the first leaving on %2. &lt;a href=&quot;%1&quot;&gt;Show %1&lt;/a&gt;</source>
        <translation>
            <numerusform>%1 年已有 %n 个批次，最早 %2 出发。&lt;a href=&quot;%1&quot;&gt;查看 %1 年&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Trips and waiting list</source>
        <translation>批次与候补</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
</context>
<context>
    <name>RecuperationSummary</name>
    <message>
        <source>Policy…</source>
        <translation>政策设置…</translation>
    </message>
    <message>
        <source>Places and budget…</source>
        <translation>名额与预算…</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>per person ≤ %1 yuan a day, ≤ %2 yuan a year</source>
        <translation>每人每天≤%1元、每年≤%2元</translation>
    </message>
    <message>
        <source>in the province ≤ %1 days, outside ≤ %2 days</source>
        <translation>省内≤%1天/省外≤%2天</translation>
    </message>
    <message>
        <source>once every %1 years</source>
        <translation>每%1年1次</translation>
    </message>
    <message>
        <source>outside the province not again within %1 years</source>
        <translation>省外%1年内不重复</translation>
    </message>
    <message>
        <source>service ≥ %1 years, membership ≥ %2 years</source>
        <translation>工龄≥%1年、会龄≥%2年</translation>
    </message>
    <message>
        <source>absent last year ≤ %1 days</source>
        <translation>上年缺勤≤%1天</translation>
    </message>
    <message>
        <source>at most %1 periods</source>
        <translation>最多分%1段</translation>
    </message>
    <message>
        <source>paid by union funds %1%, welfare funds %2%, the person %3% (at most %4%)</source>
        <translation>工会经费%1%、行政福利费%2%、个人%3%（个人负担≤%4%）</translation>
    </message>
    <message>
        <source>family may go along at their own cost</source>
        <translation>家属可自费随行</translation>
    </message>
    <message>
        <source>no family along</source>
        <translation>家属不随行</translation>
    </message>
    <message>
        <source>%1, as saved: </source>
        <translation>%1 年（已保存）：</translation>
    </message>
    <message>
        <source>%1, the defaults (not saved yet): </source>
        <translation>%1 年（默认值，尚未保存）：</translation>
    </message>
    <message>
        <source>%1 (region %2), as saved: </source>
        <translation>%1 年（地区 %2，已保存）：</translation>
    </message>
    <message>
        <source>No places or budget registered for %1 yet: register what the higher-level union issued before places can be allocated.</source>
        <translation>尚未登记 %1 年的名额和预算：请先登记上级工会下达的名额和预算，才能分配名额。</translation>
    </message>
    <message>
        <source>%1 places, %2 arranged, %3 left</source>
        <translation>名额 %1，已安排 %2，剩余 %3</translation>
    </message>
    <message>
        <source>budget %1 yuan, %2 used, %3 left</source>
        <translation>预算 %1 元，已用 %2 元，剩余 %3 元</translation>
    </message>
    <message>
        <source>shared among %1 departments</source>
        <translation>已分配到 %1 个部门</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>%1下达</translation>
    </message>
    <message>
        <source>%1: %2 places, %3 arranged, %4 left</source>
        <translation>%1：名额 %2，已安排 %3，剩余 %4</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted members are kept here and can be restored. Purging deletes them for good, together with their change history.</source>
        <translation>删除的会员保存在这里，可以恢复。永久删除后，会员记录及其修改记录将彻底清除。</translation>
    </message>
    <message>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门/车间</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>会籍状态</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete permanently…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Delete %1 permanently? The records and their change history cannot be recovered afterwards (only a backup taken earlier still holds them).</source>
        <translation>确定永久删除 %1 吗？删除后记录及其修改记录无法找回（只有此前的备份中还保留）。</translation>
    </message>
</context>
<context>
    <name>RelativesTab</name>
    <message>
        <source>Everyone living with the applicant, not the applicant. They count in the household size of the income test; their ID numbers are checked so that a household has only one open file.</source>
        <translation>与申请人共同生活的家庭成员（不含本人）。他们计入收入测算的家庭人口；其身份证号用于核对“一户一档”。</translation>
    </message>
    <message>
        <source>Add a household member</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <source>Row %1: the age “%2” is not a number of years.</source>
        <translation>第 %1 行：年龄“%2”不是有效的周岁数。</translation>
    </message>
    <message>
        <source>Row %1: the monthly income is not an amount in yuan.</source>
        <translation>第 %1 行：月收入不是有效的金额（元）。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Command-line name: %1</source>
        <translation>命令行名称：%1</translation>
    </message>
    <message>
        <source>Full ID numbers (for the higher-level union; recorded in the change history)</source>
        <translation>完整证件号码（报上级工会用，将记入变更历史）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>填表选项</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存到：%1</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>正在导出%1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Branch profile</source>
        <translation>工会信息</translation>
    </message>
    <message>
        <source>Yearly figures</source>
        <translation>年度基本情况</translation>
    </message>
    <message>
        <source>Minimum living allowance</source>
        <translation>低保标准</translation>
    </message>
    <message>
        <source>Contract periods</source>
        <translation>集体合同期限</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Language and data</source>
        <translation>界面语言与数据</translation>
    </message>
    <message>
        <source>Branch profile (used in every form header)</source>
        <translation>工会信息（用于所有报表表头）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Save branch profile</source>
        <translation>保存工会信息</translation>
    </message>
    <message>
        <source>Not saved: please correct the fields listed.</source>
        <translation>未保存：请按提示更正后再保存。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Password and automatic lock</source>
        <translation>密码与自动锁定</translation>
    </message>
    <message>
        <source>A password keeps others at this PC out of the program. It does not encrypt the database file: keep the PC and the backups in safe hands as well.</source>
        <translation>设置密码可以防止他人在这台电脑上打开本程序，但不会加密数据库文件：电脑和备份也要妥善保管。</translation>
    </message>
    <message>
        <source>empty: no password</source>
        <translation>留空表示不设密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>不自动锁定</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Lock when unused for</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <source>Password removed.</source>
        <translation>已取消密码。</translation>
    </message>
    <message>
        <source>Password saved.</source>
        <translation>密码已保存。</translation>
    </message>
    <message>
        <source>Automatic lock saved (it needs a password).</source>
        <translation>自动锁定已保存（设置密码后生效）。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Takes effect the next time the program starts.</source>
        <translation>下次启动程序时生效。</translation>
    </message>
    <message>
        <source>The new language takes effect the next time the program starts.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Database in use</source>
        <translation>数据库正在使用中</translation>
    </message>
    <message>
        <source>Unlock and open</source>
        <translation>解除锁定并打开</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Gonghui Desk</source>
        <translation>工会桌面</translation>
    </message>
</context>
<context>
    <name>StepQuestions</name>
    <message>
        <source>This step cannot be undone: what it starts goes on even if the record is later taken back as a mistake.</source>
        <translation>这一步办理后不能撤销：即使日后把这条登记作为错误撤回，它引起的后续事项也照样进行。</translation>
    </message>
    <message>
        <source>Take back the last step</source>
        <translation>撤回上一步</translation>
    </message>
    <message>
        <source>Take back “%1” of %2? The step is removed and the change history keeps it with your reason. Why is it taken back?</source>
        <translation>撤回 %2 的“%1”？这一步将被撤回，修改记录会连同您写的原因保留它。为什么撤回？</translation>
    </message>
    <message>
        <source>Take back the last step…</source>
        <translation>撤回上一步…</translation>
    </message>
    <message>
        <source>For a step recorded by mistake: it is removed, and the change history keeps it with your reason.</source>
        <translation>用于误登记的环节：撤回后该环节删除，修改记录会保留，并记下你写的原因。</translation>
    </message>
</context>
<context>
    <name>StepsTab</name>
    <message>
        <source>Next step</source>
        <translation>办理下一环节</translation>
    </message>
    <message>
        <source>Record the step</source>
        <translation>登记该环节</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>not yet saved</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source> · yearly review due %1</source>
        <translation> · 年度复核 %1 到期</translation>
    </message>
    <message>
        <source> · the file is closed and can only be looked at</source>
        <translation> · 档案已结档，只能查看</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Record “%1” for %2 on %3?</source>
        <translation>为 %2 登记“%1”（%3）？</translation>
    </message>
    <message>
        <source>The household is then on file: aid may be paid, and the yearly review falls due on %1.</source>
        <translation>登记后该户即为在档困难职工，可以发放帮扶；年度复核应在 %1 前办理。</translation>
    </message>
    <message>
        <source>The file is then “%1”; next: %2.</source>
        <translation>登记后档案状态为“%1”；下一步：%2。</translation>
    </message>
    <message>
        <source>Taken back: %1.</source>
        <translation>已撤回：%1。</translation>
    </message>
    <message>
        <source>“%1” closes the file: it is kept, but can then only be looked at. Record it?</source>
        <translation>办理“%1”后档案即结档：档案予以保存，但之后只能查看。确定登记吗？</translation>
    </message>
    <message>
        <source>Not recorded.</source>
        <translation>未登记。</translation>
    </message>
    <message>
        <source>Record “%1”</source>
        <translation>登记“%1”</translation>
    </message>
    <message>
        <source>Recorded: %1.</source>
        <translation>已登记：%1。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Required to withdraw the application or give up: the reason</source>
        <translation>撤销申请或放弃时须写明原因</translation>
    </message>
    <message>
        <source>Note or reason</source>
        <translation>说明或原因</translation>
    </message>
    <message>
        <source>State: not yet saved</source>
        <translation>状态：尚未保存</translation>
    </message>
    <message>
        <source>Withdraw the application…</source>
        <translation>撤销申请…</translation>
    </message>
    <message>
        <source>“%1” ends the application: it is kept, but can then only be looked at. A place it holds goes to the first on the waiting list. Record it?</source>
        <translation>办理“%1”后这份申请即结束：记录保留，但只能查看。已占的名额将递补给候补第 1 位。确定办理吗？</translation>
    </message>
    <message>
        <source>The application is then complete and counts as a trip taken.</source>
        <translation>登记后申请即为已完成，计为参加过一次疗休养。</translation>
    </message>
    <message>
        <source>The application is then “%1”; next: %2.</source>
        <translation>登记后申请状态为“%1”；下一步：%2。</translation>
    </message>
    <message>
        <source>The place went to %1, the first on the waiting list.</source>
        <translation>名额已递补给 %1（原候补第 1 位）。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <source>Both sides negotiate with the same number of people, at least three each, one of them the chief negotiator. The workers&apos; chief is the union chair, or holds the chair&apos;s written delegation. Outside experts may be at most a third of a side.</source>
        <translation>双方协商代表人数相等，每方至少 3 人，各确定 1 名首席代表。职工方首席代表由工会主席担任，或由工会主席书面委托。本方外聘专家不得超过本方代表的三分之一。</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>协商方</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Is union chair</source>
        <translation>是工会主席</translation>
    </message>
    <message>
        <source>Written delegation</source>
        <translation>书面委托</translation>
    </message>
    <message>
        <source>When the workers&apos; chief is not the union chair: the date and number of the chair&apos;s written delegation</source>
        <translation>职工方首席代表不是工会主席时：工会主席书面委托书的日期和编号</translation>
    </message>
    <message>
        <source>Add to the workers&apos; side</source>
        <translation>添加职工方代表</translation>
    </message>
    <message>
        <source>Add to the enterprise side</source>
        <translation>添加企业方代表</translation>
    </message>
    <message>
        <source>Remove the selected person</source>
        <translation>删除选中的代表</translation>
    </message>
    <message>
        <source>Union chair</source>
        <translation>工会主席</translation>
    </message>
    <message>
        <source>Workers&apos; side %1, enterprise side %2</source>
        <translation>职工方 %1 人，企业方 %2 人</translation>
    </message>
    <message>
        <source>The negotiators meet the rules.</source>
        <translation>协商代表符合规定</translation>
    </message>
</context>
<context>
    <name>TermsTab</name>
    <message>
        <source>e.g. 延长工作时间按 150%、休息日按 200%、法定节假日按 300% 支付</source>
        <translation>如：延长工作时间按 150%、休息日按 200%、法定节假日按 300% 支付</translation>
    </message>
    <message>
        <source>e.g. 劳动报酬、工作时间、休息休假、劳动安全卫生、保险福利、女职工特殊保护</source>
        <translation>如：劳动报酬、工作时间、休息休假、劳动安全卫生、保险福利、女职工特殊保护</translation>
    </message>
    <message>
        <source>The meetings held, what each side proposed and what was agreed</source>
        <translation>协商会议的次数和时间、双方的主要意见及达成一致的内容</translation>
    </message>
    <message>
        <source>yuan a month</source>
        <translation>元/月</translation>
    </message>
    <message>
        <source>yuan a year</source>
        <translation>元/年</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>工资</translation>
    </message>
    <message>
        <source>Wage increase</source>
        <translation>工资增长幅度</translation>
    </message>
    <message>
        <source>Minimum wage</source>
        <translation>最低工资标准</translation>
    </message>
    <message>
        <source>Last year&apos;s average wage</source>
        <translation>上年度职工平均工资</translation>
    </message>
    <message>
        <source>Overtime pay</source>
        <translation>加班工资</translation>
    </message>
    <message>
        <source>A wage contract&apos;s filing states last year&apos;s average wage, this year&apos;s increase and the workers covered.</source>
        <translation>工资专项集体合同报送时须写明上年度职工平均工资、本年度工资增长幅度和覆盖职工数。</translation>
    </message>
    <message>
        <source>Workers covered</source>
        <translation>覆盖职工数</translation>
    </message>
    <message>
        <source>Of them women</source>
        <translation>其中女职工</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Main contents</source>
        <translation>主要内容</translation>
    </message>
    <message>
        <source>Course of negotiation</source>
        <translation>协商经过</translation>
    </message>
    <message>
        <source>“%1” is not a percentage, e.g. 5.5.</source>
        <translation>“%1”不是百分数，如 5.5。</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <source>New trip for %1</source>
        <translation>新增 %1 年疗休养批次</translation>
    </message>
    <message>
        <source>Trip: %1</source>
        <translation>疗休养批次：%1</translation>
    </message>
    <message>
        <source>e.g. 淳安千岛湖</source>
        <translation>如：淳安千岛湖</translation>
    </message>
    <message>
        <source>e.g. 千岛湖职工疗休养基地 (optional)</source>
        <translation>如：千岛湖职工疗休养基地（可不填）</translation>
    </message>
    <message>
        <source>In the province</source>
        <translation>省内</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Recuperation base</source>
        <translation>疗休养基地</translation>
    </message>
    <message>
        <source>Leaves on</source>
        <translation>出发日期</translation>
    </message>
    <message>
        <source>Returns on</source>
        <translation>返回日期</translation>
    </message>
    <message>
        <source>Cost per person a day (yuan)</source>
        <translation>每人每天费用标准（元）</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), travel included</source>
        <translation>
            <numerusform>共 %n 天（含路途）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per person</source>
        <translation>每人 %1</translation>
    </message>
    <message>
        <source>%1 days is more than the policy&apos;s %2 days %3.</source>
        <translation>%1 天超过了政策规定的%3最多 %2 天。</translation>
    </message>
    <message>
        <source>The standard passes the policy&apos;s %1 a day.</source>
        <translation>费用标准超过了政策规定的每人每天 %1。</translation>
    </message>
    <message>
        <source>The cost per person passes the yearly %1: the person pays the rest.</source>
        <translation>每人费用超过了每人每年上限 %1，超出部分由个人负担。</translation>
    </message>
    <message>
        <source> Applicants will fail that rule unless it is overridden.</source>
        <translation>申请人将不符合该条规定，除非特批。</translation>
    </message>
    <message>
        <source>The %1 policy: in the province at most %2 days, outside %3 days; at most %4 a day.</source>
        <translation>%1 年政策：省内最多 %2 天，省外最多 %3 天；每人每天不超过 %4。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>TripsPanel</name>
    <message>
        <source>New trip…</source>
        <translation>新增批次…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Allocate places by rank…</source>
        <translation>按排名分配名额…</translation>
    </message>
    <message>
        <source>Ranking and waiting list</source>
        <translation>排名与候补</translation>
    </message>
    <message>
        <source>No trip in %1 yet. “New trip…” adds one: where, when, the standard per day and the places.</source>
        <translation>%1 年还没有疗休养批次。点“新增批次…”登记目的地、日期、每人每天费用标准和名额。</translation>
    </message>
    <message>
        <source>Select a trip to see its ranking.</source>
        <translation>选择一个批次，查看其排名与候补。</translation>
    </message>
    <message>
        <source>Ranking and waiting list: %1 (%2)</source>
        <translation>排名与候补：%1（%2）</translation>
    </message>
    <message>
        <source>Nobody approved or waiting for this trip. Applications join the ranking once the union has approved them.</source>
        <translation>本批次还没有经工会审批或候补中的申请。申请经工会审批后进入排名。</translation>
    </message>
    <message>
        <source>Rank by the number of priority conditions, then the longest time since the last trip, then the earliest application. “Allocation now” is what allocating places would do.</source>
        <translation>排名先看优先条件项数，再看距上次疗休养的时间，最后看申请日期。“现在分配的结果”即此时按排名分配名额会怎样安排。</translation>
    </message>
    <message>
        <source>Delete trip</source>
        <translation>删除批次</translation>
    </message>
    <message>
        <source>Delete the trip to %1 (%2)?</source>
        <translation>删除批次“%1”（%2）吗？</translation>
    </message>
</context>
<context>
    <name>VerdictTab</name>
    <message>
        <source>Cost split</source>
        <translation>费用分担</translation>
    </message>
    <message>
        <source>Save the application to check it.</source>
        <translation>保存申请后进行资格审核。</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>审核结果：%1</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>本人条件</translation>
    </message>
    <message>
        <source>Places and budget</source>
        <translation>名额与预算</translation>
    </message>
    <message>
        <source>✓ overridden</source>
        <translation>✓ 特批</translation>
    </message>
    <message>
        <source>Override: %1 (%2, %3)</source>
        <translation>特批理由：%1（%2，%3）</translation>
    </message>
    <message>
        <source>Override: %1</source>
        <translation>特批理由：%1</translation>
    </message>
    <message>
        <source>Withdraw override</source>
        <translation>撤销特批</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>特批…</translation>
    </message>
    <message>
        <source>Cost %1 (%2 days × %3)</source>
        <translation>费用 %1（%2 天 × %3）</translation>
    </message>
    <message>
        <source>Union funds %1 · welfare funds %2</source>
        <translation>工会经费 %1 · 行政福利费 %2</translation>
    </message>
    <message>
        <source>Own share %1</source>
        <translation>个人负担 %1</translation>
    </message>
    <message>
        <source>Family along: %1 person(s), paying their own %2</source>
        <translation>家属随行 %1 人，自费 %2</translation>
    </message>
    <message>
        <source>Withdraw the override of “%1”? The rule then counts as not met again.</source>
        <translation>撤销“%1”的特批吗？撤销后该条重新按不符合计。</translation>
    </message>
</context>
<context>
    <name>VoteBox</name>
    <message>
        <source>Entitled</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>赞成</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstaining</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Type the numbers after the meeting: at least two thirds of those entitled must be present, and more than half of all of them must vote in favour.</source>
        <translation>会后填写人数：实到须不少于应到人数的三分之二，赞成须超过应到（全体）人数的半数。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新增(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Change &amp;officer…</source>
        <translation>切换操作人(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>使用手册(&amp;M)</translation>
    </message>
    <message>
        <source>Save the user manual as &amp;PDF…</source>
        <translation>保存使用手册为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Gonghui Desk</source>
        <translation>关于工会桌面(&amp;A)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>WriteAccess</name>
    <message>
        <source>Read-only: another computer is changing this database. Here it can be looked at, but not changed.</source>
        <translation>只读：另一台电脑正在修改这个数据库，这里只能查看，不能修改。</translation>
    </message>
</context>
<context>
    <name>YearFiguresPanel</name>
    <message>
        <source>Figures the annual statistics need that the member records cannot tell: the employer&apos;s staff, the union&apos;s cadres, the workers&apos; congress and which committees exist. Enter them once a year; the statistics use the year of their cut-off date.</source>
        <translation>基本情况统计表要用到、会员记录里查不到的数字：单位职工人数、工会干部、职代会代表，以及单位建立了哪些组织和制度。每年填写一次；统计表按截至日期所在的年度取用。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Numbers of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>not filled in</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>The unit has (tick what exists)</source>
        <translation>单位已建立（有的请打勾）</translation>
    </message>
    <message>
        <source>Nothing entered for %1 yet.</source>
        <translation>%1 年尚未填写。</translation>
    </message>
    <message>
        <source>Showing the figures saved for %1.</source>
        <translation>显示的是已保存的 %1 年数字。</translation>
    </message>
    <message>
        <source>Save the figures for %1</source>
        <translation>保存 %1 年的数字</translation>
    </message>
    <message>
        <source>Years entered: %1</source>
        <translation>已填写的年度：%1</translation>
    </message>
    <message>
        <source>No year entered yet.</source>
        <translation>还没有填写任何年度。</translation>
    </message>
    <message>
        <source>Not saved: please correct the fields marked in red.</source>
        <translation>未保存：请更正标红的内容。</translation>
    </message>
    <message>
        <source>Saved the figures for %1.</source>
        <translation>已保存 %1 年的数字。</translation>
    </message>
</context>
</TS>
