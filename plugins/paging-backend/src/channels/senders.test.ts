import { formatPage } from '@internal/plugin-paging-common';
import { createHmac } from 'node:crypto';
import { event } from '../__testUtils__/fixtures';
import {
  fakeHttpService,
  fakeSmtpServer,
  readMail,
} from '../__testUtils__/fakeServers';
import { createSenders, dingtalkSign } from './senders';

const page = formatPage(event({ title: '审判庭 "3" 音视频中断' }), {
  zone: 'Asia/Shanghai',
  language: 'zh',
  ackUrl: 'https://ops.court.gov.cn/api/paging/a/K7Q2M9XDAB',
  replyCode: '482913',
  escalated: false,
});
// The court clock's instant, in milliseconds: 2026-12-06T03:00:00+08:00.
const NOW = Date.parse('2026-12-05T19:00:00Z');

describe('DingTalk signing', () => {
  it('matches a published example: timestamp 1700000000000, secret "secret"', () => {
    expect(dingtalkSign(1_700_000_000_000, 'secret')).toBe(
      'OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D',
    );
  });
});

describe('channel senders against local services', () => {
  it('DingTalk robot: signed URL, text message, the recipient @-mentioned; a refusal is an error', async () => {
    const secret = 'SEC0123456789abcdef';
    const dingtalk = await fakeHttpService(({ url, body }) => {
      const timestamp = url.searchParams.get('timestamp')!;
      const expected = createHmac('sha256', secret)
        .update(`${timestamp}\n${secret}`)
        .digest('base64');
      const signed =
        url.searchParams.get('access_token') === 'tok' &&
        url.searchParams.get('sign') === expected;
      const message = JSON.parse(body);
      const wellFormed =
        message.msgtype === 'text' &&
        typeof message.text?.content === 'string' &&
        Array.isArray(message.at?.atMobiles);
      return {
        json:
          signed && wellFormed
            ? { errcode: 0, errmsg: 'ok' }
            : { errcode: 310000, errmsg: 'sign not match' },
      };
    });
    try {
      const senders = createSenders(
        {
          dingtalkRobot: {
            url: `${dingtalk.url}/robot/send?access_token=tok`,
            secret,
          },
        },
        () => NOW,
      );
      await senders.dingtalkRobot!.send('13800000001', page);
      const [request] = dingtalk.received;
      expect(request.url.searchParams.get('timestamp')).toBe(String(NOW));
      expect(JSON.parse(request.body)).toEqual({
        msgtype: 'text',
        text: { content: page.text },
        at: { atMobiles: ['13800000001'], isAtAll: false },
      });
      const wrong = createSenders(
        {
          dingtalkRobot: {
            url: `${dingtalk.url}/robot/send?access_token=tok`,
            secret: 'SECwrong',
          },
        },
        () => NOW,
      );
      await expect(
        wrong.dingtalkRobot!.send('13800000001', page),
      ).rejects.toThrow('DingTalk robot refused: 310000');
    } finally {
      await dingtalk.close();
    }
  });

  it('WeCom group robot: text with the mobile mentioned; HTTP failure is an error', async () => {
    const wecom = await fakeHttpService(({ url, body }) => {
      const message = JSON.parse(body);
      const ok =
        url.searchParams.get('key') === 'robot-key' &&
        message.msgtype === 'text' &&
        message.text.mentioned_mobile_list.length === 1;
      return {
        json: ok
          ? { errcode: 0, errmsg: 'ok' }
          : { errcode: 93000, errmsg: 'invalid webhook url' },
      };
    });
    try {
      const senders = createSenders(
        {
          wecomRobot: {
            url: `${wecom.url}/cgi-bin/webhook/send?key=robot-key`,
          },
        },
        () => NOW,
      );
      await senders.wecomRobot!.send('13800000001', page);
      expect(JSON.parse(wecom.received[0].body)).toEqual({
        msgtype: 'text',
        text: { content: page.text, mentioned_mobile_list: ['13800000001'] },
      });
      wecom.failNext(1);
      await expect(
        senders.wecomRobot!.send('13800000001', page),
      ).rejects.toThrow('HTTP 503');
    } finally {
      await wecom.close();
    }
  });

  it('WeCom application message: one token for several sends, then message/send to the WeCom user', async () => {
    const wecom = await fakeHttpService(({ url, body }) => {
      if (url.pathname === '/cgi-bin/gettoken') {
        const ok =
          url.searchParams.get('corpid') === 'ww-court' &&
          url.searchParams.get('corpsecret') === 'app-secret';
        return {
          json: ok
            ? { errcode: 0, access_token: 'TOKEN-1', expires_in: 7200 }
            : { errcode: 40001 },
        };
      }
      const message = JSON.parse(body);
      const ok =
        url.searchParams.get('access_token') === 'TOKEN-1' &&
        message.agentid === 1000002 &&
        message.msgtype === 'text';
      return {
        json: ok
          ? { errcode: 0, errmsg: 'ok' }
          : { errcode: 40014, errmsg: 'invalid access_token' },
      };
    });
    try {
      const senders = createSenders(
        {
          wecomApp: {
            baseUrl: wecom.url,
            corpId: 'ww-court',
            agentId: 1000002,
            secret: 'app-secret',
          },
        },
        () => NOW,
      );
      await senders.wecomApp!.send('ZhangWei', page);
      await senders.wecomApp!.send('LiNa', page);
      expect(wecom.received.map(r => r.url.pathname)).toEqual([
        '/cgi-bin/gettoken',
        '/cgi-bin/message/send',
        '/cgi-bin/message/send',
      ]);
      expect(JSON.parse(wecom.received[2].body)).toEqual({
        touser: 'LiNa',
        msgtype: 'text',
        agentid: 1000002,
        text: { content: page.text },
      });
    } finally {
      await wecom.close();
    }
  });

  it('SMS gateway: the court template with mobile and message filled in and escaped', async () => {
    const gateway = await fakeHttpService(({ headers }) => ({
      status: headers['x-api-key'] === 'modem-key' ? 200 : 401,
      json: { ok: true },
    }));
    try {
      const senders = createSenders(
        {
          sms: {
            url: `${gateway.url}/sms/send`,
            headers: { 'x-api-key': 'modem-key' },
            contentType: 'application/json',
            body: '{"phone":"{{mobile}}","content":"{{message}}","sign":"云溪法院"}',
          },
        },
        () => NOW,
      );
      await senders.sms!.send('13800000001', page);
      expect(gateway.received[0].headers['content-type']).toBe(
        'application/json',
      );
      expect(JSON.parse(gateway.received[0].body)).toEqual({
        phone: '13800000001',
        content: page.text,
        sign: '云溪法院',
      });
      const refused = createSenders(
        {
          sms: {
            url: `${gateway.url}/sms/send`,
            headers: {},
            contentType: 'application/x-www-form-urlencoded',
            body: 'to={{mobile}}&text={{message}}',
          },
        },
        () => NOW,
      );
      await expect(refused.sms!.send('13800000001', page)).rejects.toThrow(
        'SMS gateway answered HTTP 401',
      );
      expect(new URLSearchParams(gateway.received[1].body).get('text')).toBe(
        page.text,
      );
    } finally {
      await gateway.close();
    }
  });

  it('e-mail: sent with nodemailer to a real SMTP server', async () => {
    const smtp = await fakeSmtpServer();
    try {
      const senders = createSenders(
        {
          email: {
            host: '127.0.0.1',
            port: smtp.port,
            secure: false,
            from: '法院运维 <ops@yunxi-court.example>',
          },
        },
        () => NOW,
      );
      await senders.email!.send('zhangwei@yunxi-court.example', page);
      const [message] = smtp.messages;
      expect(message.from).toBe('ops@yunxi-court.example');
      expect(message.to).toEqual(['zhangwei@yunxi-court.example']);
      expect(readMail(message.raw)).toEqual({
        subject: page.subject,
        text: page.text,
      });
    } finally {
      await smtp.close();
    }
  });
});
