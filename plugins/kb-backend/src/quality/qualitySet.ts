/**
 * The knowledge base's search-quality set: a small court's articles, and
 * questions worded the way court staff, the desk and engineers type them,
 * each with the one article that answers it. Several articles share words
 * on purpose (three about projectors, four about printers, two about sound),
 * so the right one has to win, not just be found.
 */

export interface QualityArticle {
  readonly key: string;
  readonly kind: 'known-error' | 'runbook' | 'how-to' | 'faq';
  readonly title: string;
  readonly body: string;
  readonly tags: readonly string[];
  readonly language: 'zh' | 'en';
}

/** How a query is worded, for the per-kind figures. */
export type QueryStyle =
  | 'term'
  | 'sentence'
  | 'synonym'
  | 'typo'
  | 'mixed'
  | 'full-width'
  | 'english';

export interface QualityQuery {
  readonly q: string;
  readonly style: QueryStyle;
  /** The key of the article that answers it. */
  readonly expected: string;
}

const zh = (
  key: string,
  title: string,
  body: string,
  tags: string[],
  kind: QualityArticle['kind'] = 'how-to',
): QualityArticle => ({ key, kind, title, body, tags, language: 'zh' });
const en = (
  key: string,
  title: string,
  body: string,
  tags: string[],
  kind: QualityArticle['kind'] = 'how-to',
): QualityArticle => ({ key, kind, title, body, tags, language: 'en' });

export const qualityArticles: readonly QualityArticle[] = [
  zh('projector-no-image', '投影仪无信号、无画面的处理', '会议室或法庭的投影仪开机后幕布上无画面，或提示无信号。先检查 HDMI 线是否插紧，再用遥控器切换信号源，最后重启投影仪。', ['投影仪', '会议室']),
  zh('projector-bulb', '投影仪灯泡更换', '投影仪亮度明显下降，或开机提示灯泡寿命到期时，按型号向备件库申领灯泡，断电冷却三十分钟后更换。', ['投影仪', '备件']),
  zh('projector-ceiling', '吊装投影仪的安装与调焦', '新会议室吊装投影仪时，先固定吊架，再调整梯形校正和焦距，使画面铺满幕布。', ['投影仪', '安装']),
  zh('printer-jam', '打印机卡纸怎么办', '打开打印机前盖，顺着进纸方向取出卡住的纸张，检查有无碎纸残留，合上前盖后打印测试页。', ['打印机']),
  zh('printer-driver', '网络打印机驱动安装', '新电脑连接网络打印机时需要安装驱动：在控制面板添加打印机，输入打印机的 IP 地址，选择对应型号的驱动。', ['打印机', '驱动']),
  zh('printer-toner', '打印机硒鼓与墨粉更换', '打印出来的字迹变淡、有条纹时，说明墨粉不足，按型号更换硒鼓，摇匀墨粉后装回。', ['打印机', '硒鼓']),
  zh('printer-shared', '共享打印机无法打印', '多人共享的打印机提示脱机或文档一直排队无法打印时，清空打印队列，重启打印服务。', ['打印机', '共享']),
  zh('phone-cannot-dial', '办公电话无法拨通外线', '办公座机拨打外线时无法拨通、一直忙音，检查是否先加拨 9，仍不行报程控交换机管理员。', ['电话', '外线']),
  zh('phone-no-tone', '电话机无拨号音', '拿起话筒听不到拨号音，检查电话线和墙上插口，换一部话机对比，确认是线路还是话机的问题。', ['电话']),
  zh('network-down', '办公电脑网络中断的排查', '电脑右下角显示网络中断、打不开网页时，检查网线和墙上网口，看接入交换机端口指示灯，运行 ipconfig 查看是否获取到地址。', ['网络', '网线'], 'faq'),
  zh('wifi', '无线网络 WiFi 连接不上', '笔记本电脑连接院内无线网络 WiFi 失败时，确认已在门户登记 MAC 地址，忘记网络后重新输入密码连接。', ['无线', 'WiFi']),
  zh('vpn', 'VPN 远程接入失败', '在院外使用 VPN 客户端接入内网失败，检查 UKey 是否插好、证书是否过期，更新客户端后重试。', ['VPN', '远程']),
  zh('core-switch', '核心交换机故障处置', '核心交换机 VRRP 主备切换，检查主交换机电源与上联口，必要时手动切回主用设备并通知网络岗。', ['交换机', '网络'], 'runbook'),
  zh('video-conference', '视频会议系统使用说明', '召开远程视频会议前半小时开启终端，测试摄像头、麦克风和与对端的连接，会后关闭终端。', ['视频会议']),
  zh('meeting-room-booking', '会议室预约与设备准备', '需要使用会议室时在 OA 系统预约，注明是否需要投影、话筒和视频会议终端，信息中心提前调试。', ['会议室', '预约']),
  zh('recording-no-sound', '庭审录像回放无声音', '科技法庭庭审录像回放时只有画面无声音。原因：拾音器通道在调音台上被静音。处理：在调音台上打开对应通道，重新录制测试。', ['录像', '庭审'], 'known-error'),
  zh('microphone', '会议室话筒无声音', '开会时无线话筒无声音，先检查话筒电池电量和开关，再看接收机是否与话筒同频，音箱音量是否调低。', ['话筒', '会议室']),
  zh('court-host-no-boot', '庭审主机无法开机', '第一法庭的庭审主机按电源键无反应：检查电源插座和 UPS 输出，拔掉电源线等待一分钟后重新开机，仍不行启用备用主机。', ['庭审主机', '科技法庭'], 'runbook'),
  zh('ups-battery', 'UPS 转电池供电处置', '市电中断后 UPS 转为电池供电，查看剩余时间，通知机房值班人员，超过十五分钟未恢复则按顺序关闭非关键服务器。', ['UPS', '停电'], 'runbook'),
  zh('backup-check', '每日备份检查', '每天上午检查备份系统前一晚的备份任务是否成功，失败的任务重新执行，并在值班记录中登记。', ['备份'], 'runbook'),
  zh('virus', '电脑发现病毒的处置', '杀毒软件报警发现病毒时，立即拔掉网线断开网络，不要关机，报信息中心进行全盘查杀。', ['病毒', '安全'], 'runbook'),
  zh('password-reset', '办公系统密码重置', '忘记 OA 办公系统密码时，在登录页点击找回密码，或带工作证到信息中心重置密码。', ['密码', 'OA'], 'faq'),
  zh('email-full', '邮箱容量已满', '邮箱提示容量已满、收不到新邮件时，删除大附件邮件并清空已删除邮件，或申请扩容。', ['邮箱']),
  zh('blue-screen', '电脑蓝屏死机', '电脑突然蓝屏并自动重启，记下蓝屏代码，拔掉新接的外设，重启后仍蓝屏则报修。', ['电脑', '蓝屏']),
  zh('scanner', '扫描仪无法扫描', '扫描仪连接电脑后点击扫描没有反应，检查数据线和扫描仪驱动，重启扫描软件。', ['扫描仪']),
  zh('ukey', '电子签章 UKey 无法识别', '插入电子签章 UKey 后系统提示未检测到证书，换一个 USB 口，安装签章驱动，重新插拔 UKey。', ['UKey', '签章']),
  zh('case-system-login', '审判管理系统无法登录', '审判管理系统登录时提示用户名或密码错误，确认输入法状态和大小写，多次错误被锁定后联系管理员解锁。', ['审判管理系统', '登录'], 'faq'),
  zh('big-screen', '法庭大屏显示异常', '法庭大屏出现花屏、闪烁或分辨率不对，检查拼接处理器的输入源，重新加载显示预案。', ['大屏', '法庭']),
  en('en-printer', 'Network printer shows offline', 'When Windows shows the network printer as offline, check the printer has an IP address, remove and add the printer again, and restart the print spooler service.', ['printer']),
  en('en-projector', 'Projector lamp replacement', 'When the projector warns that the lamp is near its end of life, switch it off, let it cool for thirty minutes and replace the lamp with the spare of the same model.', ['projector', 'lamp']),
  en('en-ups', 'UPS battery self-test', 'Run the UPS battery self-test every month from the management card and record the runtime estimate in the duty log.', ['UPS', 'battery'], 'runbook'),
  en('en-backup', 'Nightly backup failed', 'When the nightly backup job fails, check the backup server disk space and the job log, then run the job again.', ['backup'], 'runbook'),
  en('en-switch', 'Access switch port flapping', 'An access switch port that keeps going up and down usually has a bad patch cable; replace the cable and check the port counters.', ['switch', 'network'], 'known-error'),
];

export const qualityQueries: readonly QualityQuery[] = [
  // Terms and phrases, as the index has always found them.
  { q: '打印机卡纸', style: 'term', expected: 'printer-jam' },
  { q: '打印机驱动', style: 'term', expected: 'printer-driver' },
  { q: '硒鼓', style: 'term', expected: 'printer-toner' },
  { q: '庭审录像', style: 'term', expected: 'recording-no-sound' },
  { q: '核心交换机', style: 'term', expected: 'core-switch' },
  { q: '蓝屏', style: 'term', expected: 'blue-screen' },
  // Whole sentences, with the filler people type.
  { q: '投影仪没有画面了怎么办', style: 'sentence', expected: 'projector-no-image' },
  { q: '电话打不通了', style: 'sentence', expected: 'phone-cannot-dial' },
  { q: '请问第一法庭庭审主机无法开机怎么处理', style: 'sentence', expected: 'court-host-no-boot' },
  { q: '打印出来的字很淡是怎么回事', style: 'sentence', expected: 'printer-toner' },
  { q: '开会的时候话筒没声音了', style: 'sentence', expected: 'microphone' },
  { q: '录像回放没有声音怎么办', style: 'sentence', expected: 'recording-no-sound' },
  { q: '邮箱满了收不到邮件怎么办', style: 'sentence', expected: 'email-full' },
  { q: '电脑突然蓝屏了怎么办呢', style: 'sentence', expected: 'blue-screen' },
  { q: '我的电脑中了病毒该怎么处理', style: 'sentence', expected: 'virus' },
  { q: '扫描仪点了扫描没反应', style: 'sentence', expected: 'scanner' },
  { q: '请问怎么预约会议室', style: 'sentence', expected: 'meeting-room-booking' },
  { q: '拿起电话听不到声音', style: 'sentence', expected: 'phone-no-tone' },
  // Everyday synonyms of the article's words.
  { q: '断网', style: 'synonym', expected: 'network-down' },
  { q: '电脑上不了网', style: 'synonym', expected: 'network-down' },
  { q: '投影机没画面', style: 'synonym', expected: 'projector-no-image' },
  { q: '开会话筒没声音', style: 'synonym', expected: 'microphone' },
  { q: '外线打不通', style: 'synonym', expected: 'phone-cannot-dial' },
  { q: '庭审主机开不了机', style: 'synonym', expected: 'court-host-no-boot' },
  { q: '审判系统登不上去', style: 'synonym', expected: 'case-system-login' },
  { q: '停电了 UPS', style: 'synonym', expected: 'ups-battery' },
  // One wrong character.
  { q: '投影议无画面', style: 'typo', expected: 'projector-no-image' },
  { q: '打印机卡低', style: 'typo', expected: 'printer-jam' },
  { q: '核心交换几故障', style: 'typo', expected: 'core-switch' },
  { q: '庭审主机无法开几', style: 'typo', expected: 'court-host-no-boot' },
  { q: '邮相容量已满', style: 'typo', expected: 'email-full' },
  { q: 'printr offline', style: 'typo', expected: 'en-printer' },
  { q: 'projecter lamp', style: 'typo', expected: 'en-projector' },
  { q: 'nightly bakcup', style: 'typo', expected: 'en-backup' },
  { q: 'swich port flapping', style: 'typo', expected: 'en-switch' },
  // Mixed Chinese and English.
  { q: 'UPS 电池供电', style: 'mixed', expected: 'ups-battery' },
  { q: 'VPN 连不上内网', style: 'mixed', expected: 'vpn' },
  { q: 'WiFi 连接不上', style: 'mixed', expected: 'wifi' },
  { q: 'OA 密码忘了', style: 'mixed', expected: 'password-reset' },
  { q: 'UKey 识别不了', style: 'mixed', expected: 'ukey' },
  { q: 'HDMI 投影无信号', style: 'mixed', expected: 'projector-no-image' },
  // Full-width letters, as a Chinese input method types them.
  { q: 'ＵＰＳ 转电池', style: 'full-width', expected: 'ups-battery' },
  { q: 'ＶＰＮ 接入失败', style: 'full-width', expected: 'vpn' },
  // English.
  { q: 'printer offline', style: 'english', expected: 'en-printer' },
  { q: 'projector lamp', style: 'english', expected: 'en-projector' },
  { q: 'switch port flapping', style: 'english', expected: 'en-switch' },
  { q: 'UPS self-test', style: 'english', expected: 'en-ups' },
];
