import {
  ChannelsConfig,
  MESSAGE_PLACEHOLDER,
  MOBILE_PLACEHOLDER,
  PageText,
  PagingChannel,
} from '@internal/plugin-paging-common';
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';

/** Sends one page to one address on one channel; throws when it did not go out. */
export interface ChannelSender {
  send(address: string, page: PageText): Promise<void>;
}

/** DingTalk's robot signature (加签): HmacSHA256 of `timestamp\nsecret` under the secret, base64, URL-encoded. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  const digest = createHmac('sha256', secret)
    .update(`${timestampMs}\n${secret}`)
    .digest('base64');
  return encodeURIComponent(digest);
}

async function postJson(url: string, body: unknown): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status} from ${new URL(url).host}`);
  }
  return response;
}

/** WeCom and DingTalk answer 200 with `errcode` 0 on success. */
async function expectErrcodeZero(response: Response, what: string) {
  const answer = (await response.json()) as {
    errcode?: number;
    errmsg?: string;
  };
  if (answer.errcode !== 0) {
    throw new Error(
      `${what} refused: ${answer.errcode} ${answer.errmsg ?? ''}`.trim(),
    );
  }
}

/** A WeCom group robot: the text to the group, the recipient @-mentioned by mobile. */
function wecomRobot(
  config: NonNullable<ChannelsConfig['wecomRobot']>,
): ChannelSender {
  return {
    async send(mobile, page) {
      const response = await postJson(config.url, {
        msgtype: 'text',
        text: { content: page.text, mentioned_mobile_list: [mobile] },
      });
      await expectErrcodeZero(response, 'WeCom robot');
    },
  };
}

/** WeCom application messages: an access token (cached until it expires), then message/send. */
function wecomApp(
  config: NonNullable<ChannelsConfig['wecomApp']>,
  now: () => number,
): ChannelSender {
  let token: { value: string; until: number } | undefined;
  const accessToken = async () => {
    if (token && token.until > now()) return token.value;
    const url = new URL('/cgi-bin/gettoken', config.baseUrl);
    url.searchParams.set('corpid', config.corpId);
    url.searchParams.set('corpsecret', config.secret);
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const answer = (await response.json()) as {
      errcode?: number;
      access_token?: string;
      expires_in?: number;
    };
    if (answer.errcode !== 0 || !answer.access_token) {
      throw new Error(`WeCom gettoken refused: ${answer.errcode}`);
    }
    // Renewed a minute early, so a token never expires on its way.
    token = {
      value: answer.access_token,
      until: now() + ((answer.expires_in ?? 7200) - 60) * 1000,
    };
    return token.value;
  };
  return {
    async send(wecomUserId, page) {
      const url = new URL('/cgi-bin/message/send', config.baseUrl);
      url.searchParams.set('access_token', await accessToken());
      const response = await postJson(url.toString(), {
        touser: wecomUserId,
        msgtype: 'text',
        agentid: config.agentId,
        text: { content: page.text },
      });
      const answer = (await response.clone().json()) as { errcode?: number };
      // 40014 invalid, 42001 expired: fetch a new token on the next try.
      if (answer.errcode === 40014 || answer.errcode === 42001)
        token = undefined;
      await expectErrcodeZero(response, 'WeCom message/send');
    },
  };
}

/** A DingTalk robot, signed with the clock's timestamp when it has a secret. */
function dingtalkRobot(
  config: NonNullable<ChannelsConfig['dingtalkRobot']>,
  now: () => number,
): ChannelSender {
  return {
    async send(mobile, page) {
      const url = new URL(config.url);
      if (config.secret) {
        const timestamp = now();
        url.searchParams.set('timestamp', String(timestamp));
        // URLSearchParams encodes the value itself: give it the raw base64.
        url.searchParams.set(
          'sign',
          decodeURIComponent(dingtalkSign(timestamp, config.secret)),
        );
      }
      const response = await postJson(url.toString(), {
        msgtype: 'text',
        text: { content: page.text },
        at: { atMobiles: [mobile], isAtAll: false },
      });
      await expectErrcodeZero(response, 'DingTalk robot');
    },
  };
}

/** The court's SMS gateway: its request template with the mobile and the message filled in. */
function sms(config: NonNullable<ChannelsConfig['sms']>): ChannelSender {
  const escape =
    config.contentType === 'application/json'
      ? (value: string) => JSON.stringify(value).slice(1, -1)
      : (value: string) => encodeURIComponent(value);
  return {
    async send(mobile, page) {
      const body = config.body
        .split(MOBILE_PLACEHOLDER)
        .join(escape(mobile))
        .split(MESSAGE_PLACEHOLDER)
        .join(escape(page.text));
      const response = await fetch(config.url, {
        method: 'POST',
        headers: { ...config.headers, 'Content-Type': config.contentType },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) {
        throw new Error(`SMS gateway answered HTTP ${response.status}`);
      }
    },
  };
}

function email(config: NonNullable<ChannelsConfig['email']>): ChannelSender {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user
      ? { user: config.user, pass: config.password }
      : undefined,
  });
  return {
    async send(to, page) {
      await transport.sendMail({
        from: config.from,
        to,
        subject: page.subject,
        text: page.text,
      });
    },
  };
}

/** A sender for each configured channel. */
export function createSenders(
  channels: ChannelsConfig,
  now: () => number,
): Partial<Record<PagingChannel, ChannelSender>> {
  return {
    ...(channels.wecomRobot && { wecomRobot: wecomRobot(channels.wecomRobot) }),
    ...(channels.wecomApp && { wecomApp: wecomApp(channels.wecomApp, now) }),
    ...(channels.dingtalkRobot && {
      dingtalkRobot: dingtalkRobot(channels.dingtalkRobot, now),
    }),
    ...(channels.sms && { sms: sms(channels.sms) }),
    ...(channels.email && { email: email(channels.email) }),
  };
}
