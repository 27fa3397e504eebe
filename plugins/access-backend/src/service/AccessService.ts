import {
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AccessGrant,
  assignmentsQuerySchema,
  AccessUse,
  AssignmentDecision,
  EngineerRecord,
  GRANT_STEP_REFUSALS,
  GrantStep,
  MonthlyAccessList,
  accessEngineerManagePermission,
  accessEngineerReadPermission,
  accessGrantDecidePermission,
  accessGrantReadAllPermission,
  accessGrantReadPermission,
  accessGrantRequestPermission,
  accessGrantUsePermission,
  accessReportReadPermission,
  courtDate,
  createEngineerSchema,
  engineerStepSchema,
  grantEnd,
  grantStateAt,
  grantStepSchema,
  grantStepWithReasonSchema,
  grantWindowProblem,
  listGrantsQuerySchema,
  mayBeAssigned,
  monthSchema,
  newVerificationCode,
  planGrantStep,
  ReassignmentResult,
  reassignSchema,
  requestGrantSchema,
  suspendEngineerSchema,
  updateEngineerSchema,
  useRefusal,
  userRefSchema,
} from '@internal/plugin-access-common';
import {
  Caller,
  CourtClock,
  actorOf,
  parseInput,
} from '@internal/plugin-court-node';
import type { TicketsApi } from '@internal/plugin-tickets-common';
import { DateTime } from 'luxon';
import { randomInt, randomUUID } from 'node:crypto';
import { AccessConfig } from '../config';
import {
  AccessStore,
  EngineerFields,
  GrantFilter,
  StoredGrant,
} from '../database/AccessStore';
import { ownerRefOf } from './owner';
import { reassignOpenTickets } from './Reassignment';

/**
 * The access rules (SEC-1, SEC-2): the permission first, then the input;
 * grants live by the court clock; four-eyes approval; uses only within a
 * live grant (others refused and flagged); engineers' records and whether
 * one may be assigned.
 */
export class AccessService {
  constructor(
    private readonly deps: {
      store: AccessStore;
      permissions: PermissionsService;
      userInfo: UserInfoService;
      catalog: CatalogService;
      clock: CourtClock;
      config: AccessConfig;
      /** The tickets API with the access plugin's own credentials. */
      tickets: () => Promise<TicketsApi>;
    },
  ) {}

  private now(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }

  private async allowed(permission: BasicPermission, caller: Caller) {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials: caller,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** @throws NotAllowedError unless the caller holds the permission. */
  async require(permission: BasicPermission, caller: Caller) {
    if (!(await this.allowed(permission, caller))) {
      throw new NotAllowedError(`You may not ${permission.name}`);
    }
  }

  /** Whom the caller sees grants of; undefined: everyone's. */
  private async visibility(caller: Caller): Promise<GrantFilter['visibleTo']> {
    await this.require(accessGrantReadPermission, caller);
    if (
      caller.principal.type !== 'user' ||
      (await this.allowed(accessGrantReadAllPermission, caller))
    ) {
      return undefined;
    }
    const info = await this.deps.userInfo.getUserInfo(caller);
    return {
      userRef: caller.principal.userEntityRef,
      ownerRefs: info.ownershipEntityRefs,
    };
  }

  private async present(grants: StoredGrant[]): Promise<AccessGrant[]> {
    const now = this.now();
    const uses = await this.deps.store.usesOf(grants.map(g => g.id));
    return grants.map(({ verificationCode, ...grant }) => {
      const state = grantStateAt(grant, now);
      return {
        ...grant,
        state,
        // A code is something to check only while the grant may be used.
        ...(state === 'approved' || state === 'live'
          ? { verificationCode }
          : {}),
        uses: uses.get(grant.id) ?? [],
      };
    });
  }

  async listGrants(query: unknown, caller: Caller): Promise<AccessGrant[]> {
    const visibleTo = await this.visibility(caller);
    const q = parseInput(listGrantsQuerySchema, query, 'query');
    const grants = await this.deps.store.listGrants({
      ticket: q.ticket,
      entityRef: q.entityRef,
      requestedBy: q.requestedBy === 'me' ? actorOf(caller) : q.requestedBy,
      visibleTo,
    });
    const presented = await this.present(grants);
    return q.state
      ? presented.filter(g => q.state!.includes(g.state))
      : presented;
  }

  async getGrant(id: string, caller: Caller): Promise<AccessGrant> {
    const visibleTo = await this.visibility(caller);
    const grant = await this.deps.store.getGrant(id);
    // Someone who may not see it is told it does not exist.
    if (
      !grant ||
      (visibleTo &&
        grant.requestedBy !== visibleTo.userRef &&
        !(grant.ownerRef && visibleTo.ownerRefs.includes(grant.ownerRef)))
    ) {
      throw new NotFoundError(`No access grant ${id}`);
    }
    return (await this.present([grant]))[0];
  }

  private async assignable(userRef: string): Promise<AssignmentDecision> {
    const record = await this.deps.store.getEngineer(userRef);
    return mayBeAssigned(
      userRef,
      record,
      courtDate(this.now(), this.deps.config.zone),
    );
  }

  /** Several engineers' decisions from one read of their records (a team's, before a roster). */
  async assignments(
    query: unknown,
    caller: Caller,
  ): Promise<Record<string, AssignmentDecision>> {
    await this.require(accessEngineerReadPermission, caller);
    const { userRef } = parseInput(assignmentsQuerySchema, query, 'query');
    const records = await this.deps.store.getEngineers(userRef);
    const today = courtDate(this.now(), this.deps.config.zone);
    return Object.fromEntries(
      userRef.map(ref => [ref, mayBeAssigned(ref, records.get(ref), today)]),
    );
  }

  async requestGrant(body: unknown, caller: Caller): Promise<AccessGrant> {
    await this.require(accessGrantRequestPermission, caller);
    const request = parseInput(requestGrantSchema, body, 'body');
    const now = this.now();
    const startsAt = request.startsAt ?? now;
    const problem = grantWindowProblem(
      { startsAt, durationMinutes: request.durationMinutes },
      now,
      this.deps.config.maxGrantMinutes,
    );
    if (problem) {
      throw new InputError(`body.${problem.field}: ${problem.message}`);
    }
    const entity = await this.deps.catalog.getEntityByRef(request.entityRef, {
      credentials: caller,
    });
    if (!entity) {
      throw new InputError(
        `body.entityRef: ${request.entityRef} is not in the catalog`,
      );
    }
    const requestedBy = actorOf(caller);
    // Only an engineer the court approved may ask for its data (SEC-2).
    const decision = await this.assignable(requestedBy);
    if (!decision.assignable) throw new ConflictError(decision.message);
    const grant: StoredGrant = {
      id: randomUUID(),
      entityRef: request.entityRef,
      ownerRef: ownerRefOf(
        (entity.spec as { owner?: unknown } | undefined)?.owner,
        entity.metadata.namespace,
      ),
      ticket: request.ticket,
      scopes: request.scopes,
      reason: request.reason,
      requestedBy,
      requestedAt: now,
      startsAt: DateTime.fromISO(startsAt, { setZone: true }).toUTC().toISO()!,
      endsAt: grantEnd(startsAt, request.durationMinutes),
      decision: 'requested',
      verificationCode: newVerificationCode(randomInt),
      revision: 1,
    };
    await this.deps.store.insertGrant(grant);
    return (await this.present([grant]))[0];
  }

  async step(
    id: string,
    step: GrantStep,
    body: unknown,
    caller: Caller,
  ): Promise<AccessGrant> {
    await this.require(accessGrantDecidePermission, caller);
    const request = parseInput(
      step === 'approve' ? grantStepSchema : grantStepWithReasonSchema,
      body,
      'body',
    );
    const grant = await this.deps.store.getGrant(id);
    if (!grant) throw new NotFoundError(`No access grant ${id}`);
    if (grant.revision !== request.revision) {
      throw new ConflictError(
        `body.revision: grant ${id} is at revision ${grant.revision}; reload it`,
      );
    }
    const actor = actorOf(caller);
    const now = this.now();
    const plan = planGrantStep(grant, step, actor, now);
    if (!plan.ok) throw new ConflictError(GRANT_STEP_REFUSALS[plan.refusal]);
    await this.deps.store.decide(id, grant, {
      decision: plan.decision,
      by: actor,
      at: now,
      note: request.note,
    });
    return this.getGrant(id, caller);
  }

  /** The grant the caller holds; someone else's is not theirs to use. */
  private async ownGrant(id: string, caller: Caller): Promise<StoredGrant> {
    await this.require(accessGrantUsePermission, caller);
    const grant = await this.deps.store.getGrant(id);
    if (!grant) throw new NotFoundError(`No access grant ${id}`);
    if (grant.requestedBy !== actorOf(caller)) {
      throw new NotAllowedError(
        `Grant ${id} is ${grant.requestedBy}'s; only they may use it`,
      );
    }
    return grant;
  }

  /**
   * Records the start of a use. Outside a live grant the attempt is kept,
   * refused and flagged, for the IT office's monthly list, and answered 409.
   */
  async startUse(grantId: string, caller: Caller): Promise<AccessUse> {
    const grant = await this.ownGrant(grantId, caller);
    const now = this.now();
    const refusal = useRefusal(grant, now);
    const use: AccessUse = {
      id: randomUUID(),
      grantId,
      engineer: actorOf(caller),
      startedAt: now,
      refused: refusal !== undefined,
      ...(refusal ? { endedAt: now, flag: refusal } : {}),
    };
    await this.deps.store.insertUse(use);
    if (refusal) {
      throw new ConflictError(`The use is refused and flagged: ${refusal}`);
    }
    return use;
  }

  /** Records the end of a use; one that ran past the grant's end is flagged. */
  async endUse(
    grantId: string,
    useId: string,
    caller: Caller,
  ): Promise<AccessUse> {
    const grant = await this.ownGrant(grantId, caller);
    const use = await this.deps.store.getUse(grantId, useId);
    if (!use) throw new NotFoundError(`No use ${useId} of grant ${grantId}`);
    const now = this.now();
    const state = grantStateAt(grant, now);
    const flag =
      state === 'live'
        ? undefined
        : `ended while the grant was ${state}, after ${
            grant.decision === 'revoked' ? grant.decidedAt : grant.endsAt
          }`;
    if (!(await this.deps.store.endUse(useId, now, flag))) {
      throw new ConflictError(`Use ${useId} has already ended`);
    }
    return (await this.deps.store.getUse(grantId, useId))!;
  }

  /** Grants whose window overlaps the court's month, with their uses. */
  async monthly(month: unknown, caller: Caller): Promise<MonthlyAccessList> {
    await this.require(accessReportReadPermission, caller);
    const m = parseInput(monthSchema, month, 'path.month');
    const { zone } = this.deps.config;
    const from = DateTime.fromISO(`${m}-01`, { zone });
    const grants = await this.deps.store.listGrants({
      overlapping: {
        from: from.toUTC().toISO()!,
        to: from.plus({ months: 1 }).toUTC().toISO()!,
      },
    });
    return {
      month: m,
      zone,
      grants: (await this.present(grants)).reverse(),
    };
  }

  async listEngineers(caller: Caller): Promise<EngineerRecord[]> {
    await this.require(accessEngineerReadPermission, caller);
    return this.deps.store.listEngineers();
  }

  private async record(userRef: string): Promise<EngineerRecord> {
    const ref = parseInput(userRefSchema, userRef, 'path.userRef');
    const record = await this.deps.store.getEngineer(ref);
    if (!record) throw new NotFoundError(`${ref} has no engineer record`);
    return record;
  }

  async getEngineer(userRef: string, caller: Caller): Promise<EngineerRecord> {
    await this.require(accessEngineerReadPermission, caller);
    return this.record(userRef);
  }

  async assignment(
    userRef: string,
    caller: Caller,
  ): Promise<AssignmentDecision> {
    await this.require(accessEngineerReadPermission, caller);
    return this.assignable(parseInput(userRefSchema, userRef, 'path.userRef'));
  }

  async createEngineer(body: unknown, caller: Caller): Promise<EngineerRecord> {
    await this.require(accessEngineerManagePermission, caller);
    const request = parseInput(createEngineerSchema, body, 'body');
    const user = await this.deps.catalog.getEntityByRef(request.userRef, {
      credentials: caller,
    });
    if (!user) {
      throw new InputError(
        `body.userRef: ${request.userRef} is not in the catalog`,
      );
    }
    if (
      !(await this.deps.store.insertEngineer({
        ...request,
        updatedAt: this.now(),
        updatedBy: actorOf(caller),
      }))
    ) {
      throw new ConflictError(`${request.userRef} already has a record`);
    }
    return this.record(request.userRef);
  }

  /** A change to a record at the revision the caller read. */
  private async change(
    userRef: string,
    revision: number,
    caller: Caller,
    patch: (
      record: EngineerRecord,
      at: string,
      actor: string,
    ) => EngineerFields,
  ): Promise<EngineerRecord> {
    const record = await this.record(userRef);
    if (record.revision !== revision) {
      throw new ConflictError(
        `body.revision: the record of ${record.userRef} is at revision ${record.revision}; reload it`,
      );
    }
    const at = this.now();
    const actor = actorOf(caller);
    await this.deps.store.updateEngineer(
      { ...patch(record, at, actor), updatedAt: at, updatedBy: actor },
      revision,
    );
    return this.record(record.userRef);
  }

  async updateEngineer(
    userRef: string,
    body: unknown,
    caller: Caller,
  ): Promise<EngineerRecord> {
    await this.require(accessEngineerManagePermission, caller);
    const { revision, ...fields } = parseInput(
      updateEngineerSchema,
      body,
      'body',
    );
    return this.change(userRef, revision, caller, record => ({
      ...record,
      ...fields,
      // Cleared when the form leaves it out.
      confidentialitySignedOn: fields.confidentialitySignedOn,
    }));
  }

  async approveEngineer(
    userRef: string,
    body: unknown,
    caller: Caller,
  ): Promise<EngineerRecord> {
    await this.require(accessEngineerManagePermission, caller);
    const { revision } = parseInput(engineerStepSchema, body, 'body');
    return this.change(userRef, revision, caller, (record, at, actor) => {
      if (record.approvedAt) {
        throw new ConflictError(`${record.userRef} is already approved`);
      }
      if (!record.confidentialitySignedOn) {
        throw new ConflictError(
          `${record.userRef} has not signed the confidentiality agreement`,
        );
      }
      return { ...record, approvedAt: at, approvedBy: actor };
    });
  }

  async suspendEngineer(
    userRef: string,
    body: unknown,
    caller: Caller,
  ): Promise<EngineerRecord> {
    await this.require(accessEngineerManagePermission, caller);
    const { revision, reason } = parseInput(
      suspendEngineerSchema,
      body,
      'body',
    );
    return this.change(userRef, revision, caller, (record, at, actor) => {
      if (record.suspendedAt) {
        throw new ConflictError(`${record.userRef} is already suspended`);
      }
      return {
        ...record,
        suspendedAt: at,
        suspendedBy: actor,
        suspensionReason: reason,
      };
    });
  }

  async reinstateEngineer(
    userRef: string,
    body: unknown,
    caller: Caller,
  ): Promise<EngineerRecord> {
    await this.require(accessEngineerManagePermission, caller);
    const { revision } = parseInput(engineerStepSchema, body, 'body');
    return this.change(userRef, revision, caller, record => {
      if (!record.suspendedAt) {
        throw new ConflictError(`${record.userRef} is not suspended`);
      }
      return {
        ...record,
        suspendedAt: undefined,
        suspendedBy: undefined,
        suspensionReason: undefined,
      };
    });
  }

  async deleteEngineer(userRef: string, caller: Caller): Promise<void> {
    await this.require(accessEngineerManagePermission, caller);
    const ref = parseInput(userRefSchema, userRef, 'path.userRef');
    if (!(await this.deps.store.deleteEngineer(ref))) {
      throw new NotFoundError(`${ref} has no engineer record`);
    }
  }

  /**
   * Moves all of one engineer's open tickets to another in one step (e.g.
   * on suspension), the reason recorded on each ticket and in the audit.
   */
  async reassign(
    userRef: string,
    body: unknown,
    caller: Caller,
  ): Promise<ReassignmentResult> {
    await this.require(accessEngineerManagePermission, caller);
    const from = parseInput(userRefSchema, userRef, 'path.userRef');
    const { to, reason } = parseInput(reassignSchema, body, 'body');
    if (from === to) {
      throw new InputError('body.to: is the engineer whose work is reassigned');
    }
    const decision = await this.assignable(to);
    if (!decision.assignable) {
      throw new ConflictError(`body.to: ${decision.message}`);
    }
    return reassignOpenTickets({
      tickets: await this.deps.tickets(),
      from,
      to,
      reason,
      actor: actorOf(caller),
    });
  }

  /** The configured engineers' records, written when absent. */
  async seed(actor: string): Promise<void> {
    const at = this.now();
    for (const { approved, ...engineer } of this.deps.config.engineers) {
      await this.deps.store.insertEngineer({
        ...engineer,
        ...(approved ? { approvedAt: at, approvedBy: actor } : {}),
        updatedAt: at,
        updatedBy: actor,
      });
    }
  }
}
