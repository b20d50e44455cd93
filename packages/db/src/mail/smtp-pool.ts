import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { Socket } from 'node:net';

interface Connection {
  smtp: SMTPConnection;
  sent: number;
  /** Settles the send in flight when the connection fails under it. */
  fail?: (err: Error) => void;
  dead: boolean;
}

/**
 * Open SMTP connections shared by the sends (nodemailer's SMTP connection without its mail
 * composer and pool): at most `maxConnections` open, each replaced after `maxMessages` messages
 * or after an error. The message is handed over already built (see rawMessage).
 */
export class SmtpPool {
  private readonly options: ReturnType<typeof parseConnectionUrl>;
  private readonly maxConnections: number;
  private readonly maxMessages: number;
  private readonly idle: Connection[] = [];
  private readonly waiting: Array<(c: Connection | Error) => void> = [];
  private open = 0;
  private closed = false;

  constructor(url: string, defaults: { maxConnections: number; maxMessages: number }) {
    this.options = parseConnectionUrl(url);
    // Settings in the URL's query (?maxConnections=...) win over the defaults, as with nodemailer.
    const fromUrl = this.options as Record<string, unknown>;
    this.maxConnections = Number(fromUrl.maxConnections ?? defaults.maxConnections);
    this.maxMessages = Number(fromUrl.maxMessages ?? defaults.maxMessages);
  }

  /** Sends one message; resolves with the server's answer. SMTP errors carry `responseCode`. */
  async send(envelope: { from: string; to: string[] }, message: Buffer): Promise<string> {
    const conn = await this.acquire();
    try {
      const info = await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) => {
        conn.fail = reject;
        conn.smtp.send(envelope, message, (err, result) => (err ? reject(err) : resolve(result!)));
      });
      conn.sent++;
      this.release(conn, false);
      return String(info.response ?? '');
    } catch (err) {
      this.release(conn, true);
      throw err;
    }
  }

  close() {
    this.closed = true;
    for (const c of this.idle.splice(0)) this.drop(c);
    for (const w of this.waiting.splice(0)) w(new Error('The SMTP pool was closed.'));
  }

  private async acquire(): Promise<Connection> {
    if (this.closed) throw new Error('The SMTP pool was closed.');
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.open < this.maxConnections) return this.connect();
    const next = await new Promise<Connection | Error>((resolve) => this.waiting.push(resolve));
    if (next instanceof Error) throw next;
    return next;
  }

  /** A connection back after a send: to the next waiting send, else idle; replaced when used up or broken. */
  private release(conn: Connection, broken: boolean) {
    conn.fail = undefined;
    if (broken || conn.dead || conn.sent >= this.maxMessages || this.closed) {
      this.drop(conn);
      const waiter = this.waiting.shift();
      if (waiter) this.connect().then(waiter, waiter);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter(conn);
    else this.idle.push(conn);
  }

  private drop(conn: Connection) {
    if (conn.dead) return;
    conn.dead = true;
    this.open--;
    conn.smtp.quit();
  }

  private async connect(): Promise<Connection> {
    this.open++;
    const smtp = new SMTPConnection({ ...this.options, logger: false });
    oneWritePerMessage(smtp);
    const conn: Connection = { smtp, sent: 0, dead: false };
    const gone = (err: Error) => {
      const i = this.idle.indexOf(conn);
      if (i >= 0) this.idle.splice(i, 1);
      if (!conn.dead) {
        conn.dead = true;
        this.open--;
      }
      conn.fail?.(err);
    };
    smtp.on('error', gone);
    smtp.on('end', () => gone(Object.assign(new Error('The SMTP connection was closed.'), { code: 'ECONNECTION' })));
    try {
      await new Promise<void>((resolve, reject) => {
        conn.fail = reject;
        smtp.connect(() => resolve());
      });
      const auth = this.options.auth as { user?: string; pass?: string } | undefined;
      if (auth?.user) await new Promise<void>((resolve, reject) => smtp.login({ user: auth.user!, pass: auth.pass ?? '' }, (err) => (err ? reject(err) : resolve())));
      conn.fail = undefined;
      return conn;
    } catch (err) {
      gone(err as Error);
      smtp.close();
      throw err;
    }
  }
}

/**
 * nodemailer writes a message's content and the line that ends it to the socket as two writes
 * (a system call each, which on a virtualised machine costs more than building the message): the
 * socket is corked while the content is handed over, so both leave in one write. Hooks the
 * connection's own send stream (nodemailer's internals, pinned by the lockfile; the delivery tests
 * see every message arrive whole).
 */
function oneWritePerMessage(smtp: SMTPConnection) {
  const internals = smtp as unknown as { _socket?: Socket; _createSendStream: (callback: unknown) => unknown };
  const create = internals._createSendStream;
  internals._createSendStream = function (this: typeof internals, callback: unknown) {
    const socket = this._socket;
    if (socket) {
      socket.cork();
      // After the content and the end line are written (both on the next ticks of the stream).
      setImmediate(() => socket.uncork());
    }
    return create.call(this, callback);
  };
}
