import type { AppMessageKey } from '../translation';

// Simplified Chinese: every key of the English messages, no more, no fewer (the type checks it).
const zh: Record<AppMessageKey, string> = {
  appTitle: '法院运维门户',
  courtName: '云溪市中级人民法院',
  'nav.search': '搜索',
  'nav.menu': '菜单',
  'nav.home': '首页',
  'nav.catalog': '系统与设备',
  'nav.create': '新建',
  'nav.settings': '设置',
  'nav.language': 'English',
  'signIn.title': '登录法院运维门户',
  'signIn.subtitle': '示例法院：选择身份，查看该角色的界面。',
  'signIn.signInAs': '登录',
  'signIn.switchUser': '选择其他用户',
  'roles.requester': '法院干警',
  'roles.desk': '服务台',
  'roles.engineer': '运维工程师',
  'roles.ops-manager': '运维经理',
  'roles.court-it-office': '信息技术处',
  'home.welcome': '欢迎，{{name}}',
  'home.intro':
    '在这里报修故障、跟踪工单、查阅操作指南。驻场团队在此处理工单、巡检和变更；法院信息技术处在此审批变更、查看报表。',
  'home.browseSystems': '浏览法院的系统与设备',
};

export default zh;
