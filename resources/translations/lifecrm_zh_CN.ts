<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../lifecrm_gui/ui/form_widgets.py" line="+355"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_dialogs.py" line="+51"/>
        <source>Log a call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A call with %1: what was said?</source>
        <translation>与 %1 通话：聊了些什么？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. confirmed the shoot at 10:00</source>
        <translation>如：确认了上午 10:00 拍摄</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaigns_tab.py" line="+308"/>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blank campaign</source>
        <translation>空白活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From a playbook</source>
        <translation>从营销方案新建</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Playbooks, offers, holidays and the frequency cap</source>
        <translation>营销方案、优惠、节日和发送频次上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reached</source>
        <translation>已触达</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Return</source>
        <translation>回报率</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The campaign is over: it keeps its figures</source>
        <translation>活动已结束：数据会保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw recipients</source>
        <translation>生成收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add everyone the audience finds now as recipients, each with their own message</source>
        <translation>把目前筛选出的客户都加为收件人，每人生成各自的消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audience</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+118"/>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Campaign name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No campaign chosen</source>
        <translation>未选择活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start one from a ready-made playbook (New ▸ From a playbook) or a blank one.</source>
        <translation>可以从现成的营销方案新建（新建 ▸ 从营销方案新建），也可以新建空白活动。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Campaigns: %1 · Bookings: %2 · Revenue: %3</source>
        <translation>共 %1 个活动 · %2 个预约 · 营收 %3</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Recipients (%1)</source>
        <translation>收件人（%1）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>clients will receive this (of %1 the filters find)</source>
        <translation>位客户会收到（筛选出 %1 位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 without marketing consent left out</source>
        <translation>%1 位未同意接收营销信息，已排除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at the frequency cap (%2 messages in %3 days)</source>
        <translation>%1 位已达发送上限（%3 天内 %2 条）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 reached or lined up by this playbook lately</source>
        <translation>%1 位最近已被此方案触达或已在发送队列中</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Campaign saved</source>
        <translation>活动已保存</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1” first?</source>
        <translation>先保存对“%1”的修改吗？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New campaign %1</source>
        <translation>新活动 %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 recipients added, each with their own message</source>
        <translation>已添加 %1 位收件人，每人都有各自的消息</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete campaign</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “%1” and its list of recipients? Messages already on the clients&apos; timelines and orders stay.</source>
        <translation>要删除“%1”及其收件人名单吗？已经记入客户时间线的消息和订单会保留。</translation>
    </message>
</context>
<context>
    <name>ClientHeader</name>
    <message>
        <location filename="../../lifecrm_gui/ui/profile_header.py" line="+163"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value tier</source>
        <translation>价值星级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word of mouth</source>
        <translation>口碑</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Lifetime value</source>
        <translation>终身价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the trash</source>
        <translation>已移入回收站</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>satisfaction %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>As when it went to the trash; not kept up to date there.</source>
        <translation>为移入回收站时的数据，之后不再更新。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (pinned)</source>
        <translation>%1（手动指定）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>= spend %1 + projected %2 + referrals %3</source>
        <translation>= 累计消费 %1 + 预期价值 %2 + 推荐价值 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>projected: average order × orders a year × %1 more years</source>
        <translation>预期价值 = 平均单价 × 年均单数 × 未来 %1 年</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Class: %1</source>
        <translation>分类：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word of mouth: %1</source>
        <translation>口碑：%1</translation>
    </message>
</context>
<context>
    <name>ClientListPage</name>
    <message>
        <location filename="../../lifecrm_gui/ui/client_list.py" line="+492"/>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a client (Ctrl+N)</source>
        <translation>添加客户（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2</source>
        <translation>显示 %1 位，共 %2 位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients shown of all clients</source>
        <translation>当前显示的客户数 / 全部客户数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No clients yet.
Press Ctrl+N to add the first one, or use File &gt; Import to bring in a list.
To look around first, fill a demo studio: python main.py demo --clients 2000</source>
        <translation>还没有客户。
按 Ctrl+N 添加第一位客户，或通过“文件 &gt; 导入”导入客户名单。
想先看看效果，可以生成一个演示工作室：python main.py demo --clients 2000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No client matches this search.
Try fewer letters, the last four digits of the phone, or clear the filters.</source>
        <translation>没有符合条件的客户。
试试少输几个字、输入手机尾号四位，或清除筛选条件。</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location line="-419"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>星级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last activity</source>
        <translation>最近互动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lifetime value</source>
        <translation>终身价值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/errors.py" line="+136"/>
        <source>LifeCRM ran into a problem</source>
        <translation>LifeCRM 遇到了问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This was not caused by anything you did. Your saved data is safe. The details below were written to %1; please send them to whoever looks after LifeCRM.</source>
        <translation>这不是您的操作引起的，已保存的数据是安全的。下面的详细信息已写入 %1，请把它发给负责维护 LifeCRM 的同事。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DailyRecompute</name>
    <message>
        <location filename="../../lifecrm_gui/ui/daily.py" line="+45"/>
        <source>Bringing every client&apos;s stage up to date…</source>
        <translation>正在更新所有客户的生命周期阶段…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Stages brought up to date: %n client(s) moved stage.</source>
        <translation>
            <numerusform>阶段已更新：%n 位客户的阶段发生了变化。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../lifecrm_gui/ui/dashboard_tab.py" line="+197"/>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All needs</source>
        <translation>全部需求</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the whole dashboard as a PDF report</source>
        <translation>把整个经营概览保存为 PDF 报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+218"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Print the dashboard report</source>
        <translation>打印经营概览报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing the figures…</source>
        <translation>正在计算数据…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export this chart</source>
        <translation>导出此图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PNG image…</source>
        <translation>另存为 PNG 图片…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as SVG drawing…</source>
        <translation>另存为 SVG 矢量图…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The period starts after it ends: choose a “From” date before the “To” date.</source>
        <translation>开始日期晚于结束日期：请让“从”的日期早于“到”的日期。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The figures could not be computed: %1</source>
        <translation>无法计算数据：%1</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save PDF report</source>
        <translation>保存 PDF 报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The figures are still being computed.</source>
        <translation>数据还在计算中。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../lifecrm_gui/ui/form_widgets.py" line="-185"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/profile_actions.py" line="+163"/>
        <location line="+6"/>
        <source>Erase for good</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Erase %1 and everything about them?</source>
        <translation>要彻底删除 %1 及其全部资料吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This removes the client, their family, orders, timeline, follow-ups and campaign records from the database, as a privacy request asks. It cannot be undone; backups made earlier still hold them.</source>
        <translation>应客户的隐私要求，这会从数据库中删除该客户及其家庭成员、订单、时间线、跟进事项和营销记录。此操作无法撤销；之前做的备份中仍保留这些资料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the client&apos;s name to confirm: %1</source>
        <translation>请输入客户姓名以确认：%1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../lifecrm_gui/ui/errors.py" line="-101"/>
        <source>Please check these fields:</source>
        <translation>请检查以下内容：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup failed and was not kept: %1</source>
        <translation>备份失败，未保留：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LifeCRM may not use this file or folder: %1</source>
        <translation>LifeCRM 没有权限使用这个文件或文件夹：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file or folder does not exist: %1</source>
        <translation>文件或文件夹不存在：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a folder, not a file: %1</source>
        <translation>这是文件夹，不是文件：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full: free some space and try again.</source>
        <translation>磁盘已满：请清理出一些空间后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file could not be used: %1</source>
        <translation>无法使用该文件：%1</translation>
    </message>
</context>
<context>
    <name>ExpoWindow</name>
    <message>
        <location filename="../../lifecrm_gui/ui/expo_mode.py" line="+353"/>
        <source>Expo mode — %1</source>
        <translation>展会模式 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expo mode</source>
        <translation>展会模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>leads today</source>
        <translation>今日新线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave (Esc)</source>
        <translation>退出（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interested in</source>
        <translation>意向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wedding date</source>
        <translation>婚期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 王芳</source>
        <translation>例如 王芳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they are looking for, when to call back…</source>
        <translation>想要什么风格、何时回电……</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agrees to receive the studio&apos;s offers and news (marketing consent)</source>
        <translation>同意接收影楼的优惠与资讯（营销许可）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and next</source>
        <translation>保存，下一位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured today</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The leads of the day appear here.</source>
        <translation>今天登记的客户会显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the phone</source>
        <translation>改手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter saves and clears the form for the next visitor  ·  Esc leaves expo mode  ·  Everything is saved on this computer: no network needed</source>
        <translation>回车保存并清空，接待下一位  ·  Esc 退出展会模式  ·  数据保存在本机，无需网络</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Please check the marked fields.</source>
        <translation>请检查标红的项目。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Saved: %1. Ready for the next visitor.</source>
        <translation>已保存：%1。请接待下一位。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was already captured today at %2: %3.</source>
        <translation>%1 今天 %2 已登记过：%3。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was already captured today: %3.</source>
        <translation>%1 今天已登记过：%3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 belongs to %3, a client since %2.</source>
        <translation>%1 是老客户 %3 的号码（%2 起）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 belongs to %3.</source>
        <translation>%1 是 %3 的号码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 clients have this phone.)</source>
        <translation>（%1 位客户使用此号码。）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add what they said to %1&apos;s timeline instead of a new lead?</source>
        <translation>不新建客户，把这次咨询记到 %1 的时间线上？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to %1&apos;s timeline</source>
        <translation>记到 %1 的时间线</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Added to %1&apos;s timeline. Ready for the next visitor.</source>
        <translation>已记到 %1 的时间线。请接待下一位。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Leave expo mode</source>
        <translation>退出展会模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave expo mode? Every lead captured is saved (%1 today).</source>
        <translation>退出展会模式？登记的客户都已保存（今天 %1 位）。</translation>
    </message>
</context>
<context>
    <name>FairDialog</name>
    <message>
        <location line="-460"/>
        <source>Expo mode</source>
        <translation>展会模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which fair is this?</source>
        <translation>这是哪个展会？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every lead captured is marked with the fair&apos;s name, so you can see later which fair brought whom.</source>
        <translation>每位登记的客户都会记下展会名称，以后可以看出哪个展会带来了哪些客户。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Spring Wedding Expo 2026</source>
        <translation>例如 2026 春季婚博会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start expo mode</source>
        <translation>开始展会模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FamilyEditor</name>
    <message>
        <location filename="../../lifecrm_gui/ui/family_editor.py" line="+109"/>
        <source>No family members yet.</source>
        <translation>还没有家庭成员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add family member</source>
        <translation>添加家庭成员</translation>
    </message>
</context>
<context>
    <name>FamilyRow</name>
    <message>
        <location line="-54"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birthday is a lunar calendar date</source>
        <translation>生日是农历日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this family member</source>
        <translation>删除这位家庭成员</translation>
    </message>
</context>
<context>
    <name>FieldMessages</name>
    <message>
        <location filename="../../lifecrm_gui/ui/form_widgets.py" line="-142"/>
        <source>A name is required</source>
        <translation>请填写姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a phone number</source>
        <translation>不是电话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid mobile number</source>
        <translation>手机号无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an email address</source>
        <translation>邮箱地址无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a WeChat id (6-20 letters, digits, - or _, starting with a letter)</source>
        <translation>微信号无效（6–20 位字母、数字、- 或 _，以字母开头）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a date (use YYYY-MM-DD)</source>
        <translation>日期无效（请按 年-月-日 填写）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a whole number, zero or more</source>
        <translation>请填写 0 或以上的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be 1 to 5</source>
        <translation>请填写 1 到 5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This would make a referral cycle</source>
        <translation>这样会形成循环推荐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No such client</source>
        <translation>没有这位客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An amount is required</source>
        <translation>请填写金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an amount</source>
        <translation>金额无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More than two decimals</source>
        <translation>小数不能超过两位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too large</source>
        <translation>数额过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More than the amount</source>
        <translation>超过了订单金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A follow-up needs a title</source>
        <translation>请填写跟进事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A family member needs a name or a birthday</source>
        <translation>家庭成员需要填写姓名或生日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown relation</source>
        <translation>未知的关系</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Already belongs to %1</source>
        <translation>已登记在 %1 名下</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too long</source>
        <translation>内容过长</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../lifecrm_gui/ui/file_actions.py" line="+24"/>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline events</source>
        <translation>时间线记录</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>LifeCRM</source>
        <translation>LifeCRM</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import problems</source>
        <translation>导入问题</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Problems found in %1: %2 (rows read: %3). Nothing was written: fix these rows and import the file again.</source>
        <translation>%1 中发现 %2 个问题（共读取 %3 行）。没有写入任何数据：请修改这些行后重新导入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no problems. %2 that would be imported: %3 (rows read: %4).</source>
        <translation>%1 检查通过。可导入的%2：%3 条（共读取 %4 行）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import finished. %1 written: %2 (rows read: %3, file %4).</source>
        <translation>导入完成。已写入%1：%2 条（共读取 %3 行，文件 %4）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Rows exported: %1
File: %2</source>
        <translation>已导出 %1 行
文件：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Back up the database to</source>
        <translation>把数据库备份到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LifeCRM database (*.sqlite3)</source>
        <translation>LifeCRM 数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Backup written and verified:
%1</source>
        <translation>备份已完成并通过校验：
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../lifecrm_gui/ui/client_list.py" line="+150"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All tiers</source>
        <translation>全部星级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All classes</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All needs</source>
        <translation>全部需求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search name, pinyin, initials, phone, WeChat, email or tag</source>
        <translation>搜索姓名、拼音、首字母、手机、微信、邮箱或标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search (Ctrl+F)</source>
        <translation>搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the search and every filter</source>
        <translation>清除搜索和所有筛选</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value tier</source>
        <translation>价值星级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client class</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_dialogs.py" line="+14"/>
        <source>New follow-up</source>
        <translation>新建跟进</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A follow-up for %1</source>
        <translation>为 %1 新建跟进</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. call about the 周岁 shoot</source>
        <translation>如：打电话约周岁照</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What *</source>
        <translation>事项 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due *</source>
        <translation>截止 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/lost_dialog.py" line="+56"/>
        <location line="+5"/>
        <source>Mark lost</source>
        <translation>标记为流失</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 stays churned until a new order.</source>
        <translation>%1 将保持“流失”状态，直到有新订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why was the client lost?</source>
        <translation>客户为什么流失？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note (required when the reason is “Other”)</source>
        <translation>说明（原因选“其他”时必填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened, in a few words</source>
        <translation>简单说说发生了什么</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lifecrm_gui/ui/main_window.py" line="+49"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dashboard</source>
        <translation>经营概览</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Merge from another database…</source>
        <translation>合并其他数据库(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xpo mode…</source>
        <translation>展会模式(&amp;X)…</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>The profile page is not available in this version.</source>
        <translation>此版本还没有客户档案页。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New client…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About LifeCRM</source>
        <translation>关于 LifeCRM(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a client</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import is not available in this version.</source>
        <translation>此版本暂不支持导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only: the database failed its check</source>
        <translation>只读：数据库未通过检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore a backup with File &gt; Restore from a backup.</source>
        <translation>请用 文件 &gt; 从备份恢复 恢复一个备份。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clients: %1</source>
        <translation>共 %1 位客户</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Expo mode</source>
        <translation>展会模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expo mode needs a database that can be written; this one failed its check and is open read-only.</source>
        <translation>展会模式需要可写入的数据库；当前数据库未通过检查，以只读方式打开。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The database failed its check and is open read-only: nothing can be changed. Restore a backup with File &gt; Restore from a backup.</source>
        <translation>数据库未通过检查，已以只读方式打开，不能修改。请用 文件 &gt; 从备份恢复 恢复一个备份。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The backup was restored; the data can be changed again.</source>
        <translation>备份已恢复，数据可以再次修改。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About LifeCRM</source>
        <translation>关于 LifeCRM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;LifeCRM %1&lt;/h3&gt;&lt;p&gt;Client lifecycle management for photography studios.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Logs: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LifeCRM %1&lt;/h3&gt;&lt;p&gt;摄影工作室的客户生命周期管理。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;br&gt;日志：%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Finishing the work in progress…</source>
        <translation>正在完成进行中的任务…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/merge_dialog.py" line="+181"/>
        <location line="+1"/>
        <location line="+62"/>
        <source>Merge from another LifeCRM database</source>
        <translation>合并其他 LifeCRM 数据库</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Bring in what a laptop captured away from the studio. Clients are matched by phone, WeChat id or email; empty fields are filled in, and fields that differ on both sides wait for your choice below. Merging the same file twice changes nothing.</source>
        <translation>把外出时笔记本电脑上登记的资料合并进来。客户按手机、微信号或邮箱匹配；空白的内容会自动补上，两边不一致的内容在下方等您选择。同一个文件合并两次不会产生任何变化。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the other LifeCRM database (.sqlite3)</source>
        <translation>选择另一个 LifeCRM 数据库（.sqlite3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A verified backup of this database is taken before anything is merged.</source>
        <translation>合并之前会先为本数据库做一份经过校验的备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the laptop&apos;s database file, then Merge. What came over, and any fields that need your choice, will show here.</source>
        <translation>选择笔记本电脑上的数据库文件，然后点“合并”。合并进来的内容，以及需要您选择的项目，都会显示在这里。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the merge did</source>
        <translation>合并结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New clients</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matched clients</source>
        <translation>匹配到的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts to review</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows added</source>
        <translation>新增记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields that differ</source>
        <translation>不一致的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both databases hold a different value for these fields. Choose, field by field, which one the client keeps.</source>
        <translation>两个数据库中这些内容不一样。请逐项选择客户保留哪一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ours (this database)</source>
        <translation>本机（当前数据库）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theirs (incoming)</source>
        <translation>对方（合并进来的）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep all ours</source>
        <translation>全部保留本机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take all theirs</source>
        <translation>全部采用对方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply choices</source>
        <translation>应用选择</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wedding date</source>
        <translation>结婚纪念日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source detail</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followers</source>
        <translation>粉丝数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engagement</source>
        <translation>互动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reputation rank</source>
        <translation>口碑等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pinned class</source>
        <translation>手动指定的分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent channel</source>
        <translation>同意渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lost reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage set by hand</source>
        <translation>手动设置的阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep ours</source>
        <translation>保留本机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>采用对方</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>LifeCRM databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>LifeCRM 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Merging %1…</source>
        <translation>正在合并 %1…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The merge was cancelled; nothing was changed.</source>
        <translation>合并已取消，没有做任何改动。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This file was merged before and has not changed since: nothing to do.</source>
        <translation>这个文件之前已经合并过，之后也没有变化，无需再合并。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>timeline entries</source>
        <translation>条时间线记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clients</source>
        <translation>位客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders</source>
        <translation>个订单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>family members</source>
        <translation>位家庭成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags</source>
        <translation>个标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>follow-ups</source>
        <translation>条跟进事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing new</source>
        <translation>没有新内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added: %1</source>
        <translation>已添加：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup taken first: %1</source>
        <translation>已先做备份：%1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Applying choices…</source>
        <translation>正在应用选择…</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/new_client_dialog.py" line="+206"/>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name and a phone number are enough; add the rest when you know it.</source>
        <translation>填写姓名和手机号就可以保存，其他信息了解后再补充。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 王芳 or Wang Fang</source>
        <translation>如：王芳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 138 0013 8000</source>
        <translation>如：138 0013 8000</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they asked about, dates, budget…</source>
        <translation>客户咨询的内容、日期、预算…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agrees to receive news and offers</source>
        <translation>同意接收活动和优惠信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log this call as an inquiry on the timeline</source>
        <translation>把这次来电记为一次咨询，写入时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a new client anyway</source>
        <translation>仍然保存为新客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Please enter a name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid mobile number: type the 11 digits, e.g. 138 0013 8000.</source>
        <translation>手机号无效：请输入 11 位数字，如 138 0013 8000。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A WeChat id has 6 to 20 letters, digits, - or _, and starts with a letter.</source>
        <translation>微信号为 6 到 20 位字母、数字、- 或 _，并以字母开头。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an email address.</source>
        <translation>邮箱地址无效。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This %1 (%2) already belongs to %3.</source>
        <translation>这个%1（%2）已经登记在 %3 名下。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Phone inquiry</source>
        <translation>电话咨询</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/order_dialog.py" line="+71"/>
        <source>Needs category</source>
        <translation>需求类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount *</source>
        <translation>金额 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered on *</source>
        <translation>下单日期 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shoot date</source>
        <translation>拍摄日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new order for %1</source>
        <translation>为 %1 新建订单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit order</source>
        <translation>修改订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order of %1 for %2</source>
        <translation>%1 的订单：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 全家福 A 套餐</source>
        <translation>如：全家福 A 套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save order</source>
        <translation>保存订单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel this order</source>
        <translation>取消此订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled orders are kept and stop counting</source>
        <translation>已取消的订单会保留，但不再计入统计</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The order needs a date</source>
        <translation>请填写订单日期</translation>
    </message>
</context>
<context>
    <name>PlaybookDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_playbooks.py" line="+38"/>
        <source>Playbooks and campaign settings</source>
        <translation>营销方案与活动设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playbooks</source>
        <translation>营销方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holidays</source>
        <translation>节日</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Frequency cap</source>
        <translation>发送频次上限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At most</source>
        <translation>同一客户最多</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>campaign messages to a client in any</source>
        <translation>条营销消息，在任意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+32"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Playbook</source>
        <translation>营销方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no offer</source>
        <translation>无优惠</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Gregorian</source>
        <translation>公历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Greetings come due five days before each holiday; lunar holidays follow the lunar calendar each year.</source>
        <translation>节日问候在每个节日前五天提醒；农历节日每年按农历日期计算。</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/file_actions.py" line="-132"/>
        <source>…and %1 more.</source>
        <translation>…还有 %1 条。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <location filename="../../lifecrm_gui/ui/profile_actions.py" line="-80"/>
        <source>Mark lost…</source>
        <translation>标记为流失…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client is gone: record why</source>
        <translation>客户已流失：记录原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take back the lost mark; the stage follows from the facts again</source>
        <translation>撤销流失标记，阶段重新按实际情况判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a client without orders between lead and prospect</source>
        <translation>在潜在客户和意向客户之间调整没有订单的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pin a class by hand, or let the rules decide</source>
        <translation>手动指定分类，或按规则自动判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unpin: follow the rules</source>
        <translation>取消指定：按规则判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export this client&apos;s data…</source>
        <translation>导出此客户的资料…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase for good…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move to %1</source>
        <translation>改为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin as %1</source>
        <translation>指定为%1</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../lifecrm_gui/ui/profile_sections.py" line="+179"/>
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing consent</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Life events</source>
        <translation>人生大事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word-of-mouth influence</source>
        <translation>口碑影响力</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Second mobile</source>
        <translation>备用手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source detail</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has referred</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First seen</source>
        <translation>首次接触</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given on</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wedding date</source>
        <translation>结婚纪念日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Family</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Styles</source>
        <translation>风格偏好</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followers</source>
        <translation>粉丝数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engagement</source>
        <translation>互动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relevance</source>
        <translation>行业相关</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reputation rank</source>
        <translation>口碑等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lunar calendar</source>
        <translation>农历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agrees to receive offers and greetings</source>
        <translation>同意接收优惠和节日问候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts reach the studio&apos;s audience</source>
        <translation>发的内容能触达工作室的目标客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual contract</source>
        <translation>年度合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per post</source>
        <translation> / 每条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typical likes and comments per post</source>
        <translation>每条内容通常的点赞和评论数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 (little known) to 5 (leading name), for enterprises</source>
        <translation>1（知名度低）到 5（行业领先），用于企业客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to address them, e.g. 王女士</source>
        <translation>怎么称呼客户，如：王女士</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 138 0013 8000</source>
        <translation>如：138 0013 8000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. which expo, which post</source>
        <translation>如：哪个展会、哪条帖子</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Also on file for %1</source>
        <translation>%1 名下也登记了这个号码</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>nobody yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../lifecrm_gui/ui/profile_tab.py" line="+144"/>
        <source>No client selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a client in the list to see and edit their profile.</source>
        <translation>在客户列表中选择一位客户，即可查看和修改其档案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away the edits and show what is saved</source>
        <translation>放弃修改，显示已保存的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the edits (Ctrl+S)</source>
        <translation>保存修改（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>This client is in the trash: left out of lists and figures until restored.</source>
        <translation>该客户在回收站中：恢复之前不会出现在列表和统计里。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>● Unsaved changes</source>
        <translation>● 有未保存的修改</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Please fix the fields marked in red, then save again.</source>
        <translation>请修改标红的内容后再保存。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Marked lost</source>
        <translation>已标记为流失</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopened</source>
        <translation>已重新跟进</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stage changed</source>
        <translation>阶段已调整</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Class pinned</source>
        <translation>已指定分类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class unpinned</source>
        <translation>已取消指定分类</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export this client&apos;s data</source>
        <translation>导出此客户的资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exported %1&apos;s data to %2</source>
        <translation>已把 %1 的资料导出到 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Moved to the trash</source>
        <translation>已移入回收站</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Erased for good</source>
        <translation>已彻底删除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile has changes that are not saved yet. Save them?</source>
        <translation>档案有尚未保存的修改，要保存吗？</translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <location filename="../../lifecrm_gui/ui/event_widgets.py" line="+486"/>
        <source>What happened? Press Enter to add it to the timeline</source>
        <translation>发生了什么？按回车键记入时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of touch</source>
        <translation>互动类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction, 1 to 5</source>
        <translation>满意度，1 到 5</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write what the note or complaint says</source>
        <translation>写下备注或投诉的内容</translation>
    </message>
</context>
<context>
    <name>RecipientsPanel</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_recipients.py" line="+167"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The selected recipients&apos; messages went out (all pending ones when none is selected)</source>
        <translation>所选收件人的消息已发出（未选择时为全部待发送的）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replied…</source>
        <translation>已回复…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The client answered: logged on their timeline</source>
        <translation>客户有回复：记入其时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record the order the message brought in</source>
        <translation>记录这条消息带来的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+122"/>
        <source>Opted out</source>
        <translation>退订</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>No more marketing: withdraws the client&apos;s consent</source>
        <translation>不再接收营销信息：撤销客户的同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the selected messages (to paste into WeChat)</source>
        <translation>复制所选消息（粘贴到微信发送）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the client&apos;s profile</source>
        <translation>查看客户档案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMS platform list (CSV)…</source>
        <translation>短信平台名单（CSV）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS platform list (Excel)…</source>
        <translation>短信平台名单（Excel）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat list (Excel)…</source>
        <translation>微信名单（Excel）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail merge: emails and cards (Excel)…</source>
        <translation>邮件合并：邮件和贺卡（Excel）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call list (Excel)…</source>
        <translation>电话名单（Excel）…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 recipients · %2 still to send</source>
        <translation>%1 位收件人 · 还有 %2 条待发送</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 messages recorded as sent</source>
        <translation>已将 %1 条消息记为已发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; %1 left pending (consent withdrawn or frequency cap reached)</source>
        <translation>；%1 条仍待发送（已撤销同意或已达发送上限）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reply from %1 logged on the timeline</source>
        <translation>%1 的回复已记入时间线</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Booking of %1 recorded for this campaign</source>
        <translation>%1 的预约已计入本次活动</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 asked for no more marketing messages. Withdraw their marketing consent?</source>
        <translation>%1 表示不再接收营销信息。要撤销其营销许可吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 opted out: marketing consent withdrawn</source>
        <translation>%1 已退订：营销许可已撤销</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Messages copied</source>
        <translation>消息已复制</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>Export recipients</source>
        <translation>导出收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 recipients were written to %2. Once the messages have gone out, mark them as sent now?</source>
        <translation>已把 %1 位收件人写入 %2。消息发出后，现在就标记为已发送吗？</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../lifecrm_gui/ui/restore_dialog.py" line="+239"/>
        <source>The database failed its check and was moved aside, untouched, to:</source>
        <translation>数据库未通过检查，已原样移到一旁：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No backup that passes its check was found. LifeCRM shows what can still be read, and nothing can be changed.</source>
        <translation>没有找到通过检查的备份。LifeCRM 会显示仍可读取的内容，但无法修改任何数据。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore the backup taken %1?</source>
        <translation>恢复 %1 的备份吗？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Where the database is kept</source>
        <translation>数据库的存放位置</translation>
    </message>
</context>
<context>
    <name>ReferrerPicker</name>
    <message>
        <location filename="../../lifecrm_gui/ui/profile_fields.py" line="+66"/>
        <source>Search a client by name, pinyin or phone</source>
        <translation>按姓名、拼音或手机搜索客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody referred this client</source>
        <translation>没有推荐人</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_dialogs.py" line="-45"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 replied. What did they say? (optional)</source>
        <translation>%1 回复了。说了什么？（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. asked about dates in October</source>
        <translation>如：问了十月份的档期</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/restore_dialog.py" line="-177"/>
        <location line="+1"/>
        <location line="+87"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Choose the backup to bring back. The data as it is now is backed up first, so a restore can itself be undone. Only backups that pass their check can be restored.</source>
        <translation>选择要恢复的备份。恢复前会先备份当前数据，所以恢复本身也可以撤销。只有通过校验的备份才能恢复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an update</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking the backups…</source>
        <translation>正在校验备份…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>There are no backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 backups, %2 of them pass their check.</source>
        <translation>共 %1 份备份，其中 %2 份通过校验。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Replace the data with the backup taken %1? The data as it is now is backed up first.</source>
        <translation>要用 %1 的备份替换现有数据吗？替换前会先备份当前数据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restored from the backup taken %1.</source>
        <translation>已从 %1 的备份恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data as it was before is kept in %1.</source>
        <translation>恢复前的数据保存在 %1。</translation>
    </message>
</context>
<context>
    <name>ReturnPanel</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_return.py" line="+106"/>
        <source>Reached</source>
        <translation>已触达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of %1 recipients</source>
        <translation>共 %1 位收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply rate %1</source>
        <translation>回复率 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 clients booked (%2 of those reached)</source>
        <translation>%1 位客户预约（占已触达的 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the amount of the orders it brought</source>
        <translation>带来的订单金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>net %1</source>
        <translation>净收益 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Return</source>
        <translation>回报率</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>enter the campaign&apos;s cost to see its return</source>
        <translation>填写活动成本即可查看回报率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(revenue − cost) ÷ cost</source>
        <translation>（营收 − 成本）÷ 成本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the recipients stand</source>
        <translation>收件人目前的阶段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An order placed within %1 days after a client&apos;s message counts for the campaign (the latest message wins when there were several). The window is a setting of the studio&apos;s policy.</source>
        <translation>客户收到消息后 %1 天内下的订单计入本次活动（收到多条消息时以最近一条为准）。这个天数可以在工作室设置中修改。</translation>
    </message>
</context>
<context>
    <name>SatisfactionPicker</name>
    <message>
        <location filename="../../lifecrm_gui/ui/event_widgets.py" line="-54"/>
        <source>%1 of 5</source>
        <translation>%1 / 5</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_segment.py" line="+208"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>星级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word of mouth</source>
        <translation>口碑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lost because</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend (yuan)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+1"/>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Days since last activity</source>
        <translation>距最近互动天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <location line="+3"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Birthday within</source>
        <translation>生日在未来</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lunar birthday within</source>
        <translation>农历生日在未来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wedding anniversary within</source>
        <translation>结婚纪念日在未来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child&apos;s milestone within</source>
        <translation>孩子成长节点在未来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A child aged</source>
        <translation>孩子年龄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>years</source>
        <translation>岁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>下单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>placed</source>
        <translation>下单于</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>days ago</source>
        <translation>天前</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Never ordered</source>
        <translation>从未下单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos delivered</source>
        <translation>照片交付于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A referred friend booked within</source>
        <translation>推荐的朋友下单于最近</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who they are</source>
        <translation>客户是谁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value and activity</source>
        <translation>价值与活跃度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life events</source>
        <translation>人生大事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clients this playbook reached in the last %1 days are left out.</source>
        <translation>最近 %1 天内已被这个营销方案触达的客户不再重复发送。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/settings_dialog.py" line="+177"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studio</source>
        <translation>工作室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value and classes</source>
        <translation>价值与分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Studio name</source>
        <translation>工作室名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+103"/>
        <source>Second backup folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Prospect window</source>
        <translation>意向客户有效期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dormant after</source>
        <translation>沉睡：无互动超过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Churned after</source>
        <translation>流失：无互动超过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal from</source>
        <translation>忠诚客户：订单达到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign attribution window</source>
        <translation>营销归因期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key clients from tier</source>
        <translation>重点客户起始星级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key clients: top share by spend</source>
        <translation>重点客户：消费排名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cooperative from</source>
        <translation>合作型客户：订单达到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High influence from score</source>
        <translation>高影响力：分数达到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High interaction from</source>
        <translation>高互动：互动达到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected years as a client</source>
        <translation>预计合作年限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A client without orders stays a prospect this long after their last contact, then counts as a lead.</source>
        <translation>没有订单的客户在最近一次联系后，在这段时间内算意向客户，之后算潜在客户。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A client with orders and no activity for this long is dormant.</source>
        <translation>有订单的客户超过这段时间没有互动，即为沉睡客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…and after this long, churned. Must be longer than the dormant window.</source>
        <translation>……超过这段时间即为流失客户。必须长于沉睡判定时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders that make a client loyal.</source>
        <translation>达到这么多订单即为忠诚客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paying clients in this top share of spend are key clients (80/20).</source>
        <translation>消费金额排名在这个比例以内的付费客户为重点客户（二八法则）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word-of-mouth influence score (0-100) counted as high.</source>
        <translation>口碑影响力分数（0–100）达到多少算高。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client-initiated touches and orders a year counted as frequent.</source>
        <translation>客户每年主动互动和下单达到多少次算频繁。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years a client is expected to stay, for the projected lifetime value.</source>
        <translation>预计客户还会合作的年数，用于估算预期终身价值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> orders</source>
        <translation> 单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> orders a year</source>
        <translation> 单/年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> touches a year</source>
        <translation> 次/年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value tiers: spend from (yuan)</source>
        <translation>价值星级：累计消费起点（元）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None: backups stay on this computer only</source>
        <translation>无：备份只保存在本机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A USB stick or a network folder: every backup is copied there too. When it is not connected, the backup stays here and you are told.</source>
        <translation>U 盘或网络文件夹：每次备份都会再复制一份到这里。未连接时，备份仍保存在本机，并会提示您。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changing a threshold re-derives every client&apos;s stage, tier and class.</source>
        <translation>修改判定标准后，会重新计算每位客户的阶段、星级和分类。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The tiers need six rising amounts above zero.</source>
        <translation>星级需要六个大于零、依次递增的金额。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The churn window must be longer than the dormant window.</source>
        <translation>流失判定时间必须长于沉睡判定时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal needs at least two orders.</source>
        <translation>忠诚客户至少需要两单。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This folder does not exist. Is the USB stick or the network folder connected?</source>
        <translation>此文件夹不存在。U 盘或网络文件夹连接好了吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backups are kept in this folder already: choose another drive.</source>
        <translation>备份已经保存在这个文件夹：请选择另一个磁盘。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This folder cannot be read.</source>
        <translation>无法读取此文件夹。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Re-deriving every client with the new settings…</source>
        <translation>正在按新设置重新计算每位客户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applying settings</source>
        <translation>正在应用设置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Settings applied. Clients who moved stage: %1</source>
        <translation>设置已生效，阶段有变化的客户：%1 位</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled: the thresholds were put back as they were.</source>
        <translation>已取消：判定标准已恢复原样。</translation>
    </message>
</context>
<context>
    <name>TagsEdit</name>
    <message>
        <location filename="../../lifecrm_gui/ui/profile_fields.py" line="+73"/>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../lifecrm_gui/ui/timeline_tab.py" line="+92"/>
        <source>New follow-up, e.g. send the album proofs</source>
        <translation>新的跟进事项，如：发送相册样片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No open follow-ups.</source>
        <translation>没有待办的跟进事项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow-ups (%1 open)</source>
        <translation>跟进事项（%1 项待办）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick when done</source>
        <translation>完成后打勾</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../lifecrm_gui/ui/campaign_template.py" line="+139"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 10% off a family portrait</source>
        <translation>如：全家福九折</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the campaign cost (SMS fees, printing, gifts): its return is measured against it</source>
        <translation>这次活动的花费（短信费、印刷、礼品），用来计算活动回报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge fields (click to insert; {field|words} gives the words for a missing value)</source>
        <translation>合并字段（点击插入；{字段|文字} 表示缺少该值时显示的文字）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As read by</source>
        <translation>收信人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this message (to paste into WeChat)</source>
        <translation>复制这条消息（粘贴到微信发送）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Inserts %1; without a value: “%2”</source>
        <translation>插入 %1；没有值时显示“%2”</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Unknown merge field: %1</source>
        <translation>未知的合并字段：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The audience is empty: there is no one to preview.</source>
        <translation>目标客户为空：没有可预览的对象。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 characters</source>
        <translation>%1 个字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 SMS</source>
        <translation>%1 条短信</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../lifecrm_gui/ui/timeline_tab.py" line="+136"/>
        <source>No client selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a client in the list to see their timeline.</source>
        <translation>在客户列表中选择一位客户，即可查看其时间线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New order…</source>
        <translation>新订单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All entries</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest first · double-click an order to edit it</source>
        <translation>最新的在前 · 双击订单可修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing here yet: log the first touch above.</source>
        <translation>还没有记录：在上方记下第一次互动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win-back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by staff</source>
        <translation>员工操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid %1</source>
        <translation>实付 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>shoot %1</source>
        <translation>拍摄 %1</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Added to the timeline</source>
        <translation>已记入时间线</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Order cancelled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order added</source>
        <translation>订单已添加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order saved</source>
        <translation>订单已保存</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Follow-up added</source>
        <translation>跟进事项已添加</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up done</source>
        <translation>跟进事项已完成</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../lifecrm_gui/ui/today_view.py" line="+270"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New follow-up</source>
        <translation>新建跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read everything again</source>
        <translation>重新读取全部数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups due</source>
        <translation>待办跟进</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shoots today and tomorrow</source>
        <translation>今明两天的拍摄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coming up: birthdays, anniversaries, milestones</source>
        <translation>即将到来：生日、纪念日、成长节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playbook touches due</source>
        <translation>营销方案待发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Just gone dormant, worth a call</source>
        <translation>刚进入沉睡，值得打个电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lined up</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No consent</source>
        <translation>未同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap reached</source>
        <translation>已达上限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Playbook off</source>
        <translation>方案已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready for a campaign</source>
        <translation>可发起活动</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Log a call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the message and record it as sent</source>
        <translation>复制消息并记为已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a campaign for these clients</source>
        <translation>为这些客户发起营销活动</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No follow-ups due. Add one for the client you are looking at with “New follow-up”.</source>
        <translation>没有待办跟进。可以用“新建跟进”为当前查看的客户添加一条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No shoots booked for today or tomorrow.</source>
        <translation>今明两天没有预约拍摄。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No birthdays, anniversaries or milestones in the coming days.</source>
        <translation>最近几天没有生日、纪念日或成长节点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing due from the playbooks today.</source>
        <translation>今天没有营销方案需要发送。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody has gone dormant in the last 30 days.</source>
        <translation>最近 30 天没有客户进入沉睡。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · %2 without consent</source>
        <translation>%1 · %2 位未同意</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 follow-ups</source>
        <translation>%1 项跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 overdue)</source>
        <translation>（%1 项逾期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 shoots</source>
        <translation>%1 场拍摄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 greetings to send</source>
        <translation>%1 条问候待发送</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A follow-up task for the client you are looking at</source>
        <translation>为当前查看的客户添加跟进事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a client first (in the list or here)</source>
        <translation>请先选择一位客户（在客户列表或这里）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Called about: %1</source>
        <translation>来电事由：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call with %1 logged</source>
        <translation>已记录与 %1 的通话</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Message for %1 copied and recorded as sent</source>
        <translation>给 %1 的消息已复制并记为已发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Campaign “%1” created: its recipients are on the Campaigns tab</source>
        <translation>已创建活动“%1”：收件人在“营销活动”页</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../lifecrm_gui/ui/file_actions.py" line="-57"/>
        <location line="+2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Write clients or orders to an Excel (.xlsx) or CSV file.</source>
        <translation>把客户或订单导出为 Excel（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Read clients, orders or timeline events from an Excel (.xlsx) or CSV file. Every row is checked first: if any row has a problem, nothing is written.</source>
        <translation>从 Excel（.xlsx）或 CSV 文件导入客户、订单或时间线记录。会先逐行检查：只要有一行有问题，就不写入任何数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only check the file, write nothing</source>
        <translation>只检查文件，不写入数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from</source>
        <translation>导入自</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../lifecrm_gui/ui/workers.py" line="+112"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
