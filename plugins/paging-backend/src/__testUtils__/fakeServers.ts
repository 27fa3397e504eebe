import http from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  readonly method: string;
  readonly url: URL;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A local HTTP server standing in for WeCom, DingTalk or an SMS gateway:
 * `answer` checks each request as the real service documents it and says what
 * to reply; `failNext(n)` makes the next n requests fail with HTTP 503.
 */
export async function fakeHttpService(
  answer: (request: Received) => { status?: number; json: unknown },
) {
  const received: Received[] = [];
  let failures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      if (failures > 0) {
        failures -= 1;
        res.writeHead(503).end('busy');
        return;
      }
      const { status = 200, json } = answer(request);
      res
        .writeHead(status, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(json));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext(n: number) {
      failures = n;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** A real SMTP server (the Nodemailer project's smtp-server) keeping each message as received. */
export async function fakeSmtpServer() {
  const messages: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', chunk => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : '',
          to: session.envelope.rcptTo.map(r => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** The decoded text of a simple one-part message (base64 or quoted-printable) and its subject. */
export function readMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(
    /=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi,
    (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, h: string) =>
                String.fromCharCode(parseInt(h, 16)),
              ),
            'latin1',
          ).toString('utf8'),
  );
  const body = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im
    .exec(unfolded)?.[1]
    ?.trim()
    .toLowerCase();
  const decoders: Record<string, (part: string) => string> = {
    base64: part =>
      Buffer.from(part.replace(/\s+/g, ''), 'base64').toString('utf8'),
    'quoted-printable': part =>
      Buffer.from(
        part
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h: string) =>
            String.fromCharCode(parseInt(h, 16)),
          ),
        'latin1',
      ).toString('utf8'),
  };
  const text = (decoders[encoding ?? ''] ?? ((part: string) => part))(body);
  return { subject, text: text.trim() };
}
