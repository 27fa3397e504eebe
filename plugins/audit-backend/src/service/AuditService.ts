import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AuditEventPage,
  auditQuerySchema,
  auditReadPermission,
  AuditVerification,
  auditVerifyPermission,
  ParsedAuditQuery,
} from '@internal/plugin-audit-common';
import {
  actorOf,
  Caller,
  CourtClock,
  parseInput,
} from '@internal/plugin-court-node';
import { DateTime } from 'luxon';
import { AuditConfig } from '../config';
import {
  DatabaseAuditStore,
  EventFilter,
} from '../database/DatabaseAuditStore';
import { auditWorkbook } from './workbook';

const utc = (instant: string) =>
  DateTime.fromISO(instant, { setZone: true }).toUTC().toISO()!;

function filterOf(query: ParsedAuditQuery): EventFilter {
  return {
    actor: query.actor,
    plugin: query.plugin,
    target: query.target,
    action: query.action,
    outcome: query.outcome,
    from: query.from && utc(query.from),
    to: query.to && utc(query.to),
  };
}

/** The audit trail's rules: who reads it, verification and its notice, the daily check, retention. */
export class AuditService {
  constructor(
    private readonly deps: {
      store: DatabaseAuditStore;
      permissions: PermissionsService;
      clock: CourtClock;
      config: AuditConfig;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** @throws NotAllowedError unless the caller holds the permission. */
  async require(permission: BasicPermission, caller: Caller): Promise<void> {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials: caller,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not ${permission.name}`);
    }
  }

  async list(query: unknown, caller: Caller): Promise<AuditEventPage> {
    await this.require(auditReadPermission, caller);
    const parsed = parseInput(auditQuerySchema, query, 'query');
    return this.deps.store.list(filterOf(parsed), {
      limit: parsed.limit,
      cursor: parsed.cursor,
    });
  }

  async export(
    query: unknown,
    caller: Caller,
  ): Promise<{ fileName: string; content: Buffer; rows: number }> {
    await this.require(auditReadPermission, caller);
    const parsed = parseInput(auditQuerySchema, query, 'query');
    const events = await this.deps.store.exportRows(
      filterOf(parsed),
      this.deps.config.exportLimit,
    );
    const day = this.deps.clock
      .now()
      .setZone(this.deps.config.zone)
      .toFormat('yyyyMMdd-HHmm');
    return {
      fileName: `审计记录-audit-${day}.xlsx`,
      content: await auditWorkbook(events, {
        zone: this.deps.config.zone,
        title: `审计记录 Audit trail ${day}`,
      }),
      rows: events.length,
    };
  }

  async lastVerification(
    caller: Caller,
  ): Promise<AuditVerification | undefined> {
    await this.require(auditReadPermission, caller);
    return this.deps.store.lastVerification();
  }

  /** Verifies the chain now, for the IT office. */
  async verifyNow(caller: Caller): Promise<AuditVerification> {
    await this.require(auditVerifyPermission, caller);
    return this.verify(actorOf(caller));
  }

  /**
   * Verifies, records the verdict and tells the IT office when it fails. A prune that ran while the
   * pages were read looks like deleted rows, so a failure is confirmed by a second pass.
   */
  async verify(checkedBy: string): Promise<AuditVerification> {
    const { store, clock, logger } = this.deps;
    let verdict = await store.verify();
    if (!verdict.ok) verdict = await store.verify();
    const verification: AuditVerification = {
      checkedAt: clock.now().toUTC().toISO()!,
      verdict,
    };
    await store.saveVerification(verification, checkedBy);
    if (verdict.ok) {
      logger.info(
        `Audit chain verified: ${verdict.rows} rows, head row ${verdict.head.seq}`,
      );
    } else {
      logger.error(
        `Audit chain does not verify: first bad row ${verdict.firstBadSeq}: ${verdict.reason}`,
      );
      await this.notifyBroken(verdict.firstBadSeq, verdict.reason);
    }
    return verification;
  }

  private async notifyBroken(seq: number, reason: string): Promise<void> {
    const { notifications, config, logger } = this.deps;
    if (config.notify.length === 0) {
      logger.warn('No recipients for the audit chain notice (audit.notify)');
      return;
    }
    await notifications.send({
      recipients: { type: 'entity', entityRef: [...config.notify] },
      payload: {
        title: `审计记录校验失败：第 ${seq} 条 · The audit trail does not verify at row ${seq}`,
        description: `审计记录的哈希链在第 ${seq} 条断开，记录可能被修改或删除。The audit trail's hash chain breaks at row ${seq}: ${reason}`,
        link: '/audit',
        severity: 'critical',
        topic: 'audit-chain',
      },
    });
  }

  /**
   * The daily check, once per court day across replicas: verify (and notify), then prune the
   * rows past retention behind a checkpoint.
   */
  async dailyCheck(): Promise<AuditVerification | undefined> {
    const { store, clock, config, logger } = this.deps;
    const now = clock.now();
    const day = now.setZone(config.zone).toISODate()!;
    if (!(await store.claimDay(day, now.toUTC().toISO()!))) return undefined;
    const verification = await this.verify('plugin:audit');
    if (verification.verdict.ok) {
      const cutoff = now.minus({ days: config.retentionDays }).toUTC().toISO()!;
      const pruned = await store.prune(cutoff, now.toUTC().toISO()!);
      if (pruned > 0) {
        logger.info(`Audit retention: ${pruned} rows before ${cutoff} pruned`);
      }
    }
    return verification;
  }
}
