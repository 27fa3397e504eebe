import {
  changeActionRequestSchema,
  createChangeRequestSchema,
  createFreezeRequestSchema,
  listChangesQuerySchema,
  listFreezesQuerySchema,
  parameterRegisterRequestSchema,
  successRateQuerySchema,
  commentRequestSchema,
  complianceQuerySchema,
  createTicketRequestSchema,
  editTicketRequestSchema,
  linkRequestSchema,
  listTicketsQuerySchema,
  ticketActionRequestSchema,
  workLogRequestSchema,
} from '@internal/plugin-tickets-common';
import { z } from 'zod';

/** JSON Schema of what a client sends; the zod schemas are the source. */
function schemaOf(schema: z.ZodType) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return json;
}

function queryParameters(schema: z.ZodObject) {
  const json = schemaOf(schema) as {
    properties: Record<string, { description?: string }>;
  };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    description: property.description,
    schema: property,
  }));
}

const ref = {
  name: 'ref',
  in: 'path',
  required: true,
  description: 'Ticket id or number, e.g. INC-2026-00042',
  schema: { type: 'string' },
};

const changeRef = {
  name: 'ref',
  in: 'path',
  required: true,
  description: 'Change id or number, e.g. CHG-2026-00001',
  schema: { type: 'string' },
};

const deviceRef = {
  name: 'entityRef',
  in: 'path',
  required: true,
  description:
    'Device entity ref, URL-encoded, e.g. resource%3Adefault%2Fcore-switch-01',
  schema: { type: 'string' },
};

const errors = {
  '400': { description: 'Invalid input; the message names each bad field' },
  '401': { description: 'Not signed in' },
  '403': { description: 'Not allowed' },
  '404': { description: 'No such ticket, or not one the caller may read' },
  '409': {
    description:
      'Stale version (someone changed the ticket since it was read) or an action its status does not allow',
  },
};

const json = (schema: unknown) => ({
  content: { 'application/json': { schema } },
});

/**
 * The tickets API as OpenAPI 3.1, built from the same zod schemas that
 * validate requests, so it cannot drift from them. Served at
 * `/api/tickets/openapi.json`; `openapi.yaml` in the package is a copy
 * checked by a test.
 */
export function openApiDocument() {
  const ticket = { $ref: '#/components/schemas/Ticket' };
  const changeDetail = { $ref: '#/components/schemas/ChangeDetail' };
  const register = { $ref: '#/components/schemas/ParameterRegister' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Court Ops Portal service desk',
      version: '1',
      description:
        'Tickets (incidents, service requests, problems, complaints) with SLA clocks, and changes (CHG) with approval, windows, freezes and the key-parameter register. Every update carries the `version` it read; a stale one gets 409 and changes nothing. Instants are ISO 8601 UTC.',
    },
    servers: [{ url: '/api/tickets' }],
    paths: {
      '/tickets': {
        get: {
          summary:
            'The queue: filtered, newest or soonest due first, by cursor',
          parameters: queryParameters(listTicketsQuerySchema),
          responses: {
            '200': json({
              type: 'object',
              properties: {
                items: { type: 'array', items: ticket },
                nextCursor: { type: 'string' },
              },
            }),
            ...errors,
          },
        },
        post: {
          summary: 'File a ticket',
          requestBody: json(schemaOf(createTicketRequestSchema)),
          responses: {
            '200': {
              description:
                'Filed before under the same sourceRef: that ticket, unchanged',
              ...json(ticket),
            },
            '201': json(ticket),
            ...errors,
          },
        },
      },
      '/tickets/{ref}': {
        get: {
          summary: 'A ticket with its clocks, history, work logs and links',
          parameters: [ref],
          responses: {
            '200': json({ $ref: '#/components/schemas/TicketDetail' }),
            ...errors,
          },
        },
        patch: {
          summary: 'Edit title, description, category or entities',
          parameters: [ref],
          requestBody: json(schemaOf(editTicketRequestSchema)),
          responses: { '200': json(ticket), ...errors },
        },
      },
      '/tickets/{ref}/actions': {
        post: {
          summary:
            'A lifecycle action: acknowledge, arrive, start-work, pause, resume, reprioritise, assign, resolve, call-back, reopen, close',
          parameters: [ref],
          requestBody: json(schemaOf(ticketActionRequestSchema)),
          responses: { '200': json(ticket), ...errors },
        },
      },
      '/tickets/{ref}/comments': {
        post: {
          summary: 'Comment (an append; no version needed)',
          parameters: [ref],
          requestBody: json(schemaOf(commentRequestSchema)),
          responses: { '201': json({ type: 'object' }), ...errors },
        },
      },
      '/tickets/{ref}/work-logs': {
        post: {
          summary: 'Log work hours (工时) for an engineer',
          parameters: [ref],
          requestBody: json(schemaOf(workLogRequestSchema)),
          responses: { '201': json({ type: 'object' }), ...errors },
        },
      },
      '/tickets/{ref}/links': {
        post: {
          summary: 'Link another ticket or a knowledge article',
          parameters: [ref],
          requestBody: json(schemaOf(linkRequestSchema)),
          responses: {
            '201': json({ $ref: '#/components/schemas/TicketDetail' }),
            ...errors,
          },
        },
      },
      '/sla/config': {
        get: {
          summary: 'The SLA calendars and policy versions in force',
          responses: { '200': json({ type: 'object' }) },
        },
      },
      '/sla/compliance': {
        get: {
          summary:
            'Clocks started in a period: met, breached, running, per clock and level',
          parameters: queryParameters(complianceQuerySchema),
          responses: { '200': json({ type: 'object' }), ...errors },
        },
      },
      '/changes': {
        get: {
          summary:
            'Changes: filtered by status, entity, system, window range (the calendar), pending approval, emergency; newest filed or earliest window first',
          parameters: queryParameters(listChangesQuerySchema),
          responses: {
            '200': json({
              type: 'object',
              properties: {
                items: { type: 'array', items: ticket },
                nextCursor: { type: 'string' },
              },
            }),
            ...errors,
          },
        },
        post: {
          summary:
            'File a change request (or register an emergency change done first); the response warns of overlapping changes and freezes',
          requestBody: json(schemaOf(createChangeRequestSchema)),
          responses: {
            '200': {
              description:
                'Filed before under the same sourceRef: that change, unchanged',
              ...json(changeDetail),
            },
            '201': json(changeDetail),
            ...errors,
          },
        },
      },
      '/changes/{ref}': {
        get: {
          summary:
            'A change with its history, links and warnings (overlaps, freezes)',
          parameters: [changeRef],
          responses: { '200': json(changeDetail), ...errors },
        },
      },
      '/changes/{ref}/actions': {
        post: {
          summary:
            'A workflow step: submit, approve, reject (the court IT office), schedule, start, succeed, fail, roll-back',
          parameters: [changeRef],
          requestBody: json(schemaOf(changeActionRequestSchema)),
          responses: { '200': json(changeDetail), ...errors },
        },
      },
      '/changes/freezes': {
        get: {
          summary: 'Freeze periods not yet ended',
          parameters: queryParameters(listFreezesQuerySchema),
          responses: {
            '200': json({ type: 'array', items: { type: 'object' } }),
            ...errors,
          },
        },
        post: {
          summary: 'Declare a freeze period (the court IT office)',
          requestBody: json(schemaOf(createFreezeRequestSchema)),
          responses: { '201': json({ type: 'object' }), ...errors },
        },
      },
      '/changes/freezes/{id}': {
        delete: {
          summary: 'Lift a freeze period (the court IT office)',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'string' },
            },
          ],
          responses: { '200': json({ type: 'object' }), ...errors },
        },
      },
      '/changes/success-rate': {
        get: {
          summary:
            'Changes that ended in a period: succeeded, failed, rolled back, emergency ones apart, and the success rate',
          parameters: queryParameters(successRateQuerySchema),
          responses: { '200': json({ type: 'object' }), ...errors },
        },
      },
      '/parameters/{entityRef}': {
        get: {
          summary:
            "A device's key-parameter register: every applied change, newest first",
          parameters: [deviceRef],
          responses: { '200': json(register), ...errors },
        },
        post: {
          summary:
            'Register one parameter edit while its change is carried out: refused unless the change is approved and carries this edit',
          parameters: [deviceRef],
          requestBody: json(schemaOf(parameterRegisterRequestSchema)),
          responses: { '201': json(register), ...errors },
        },
      },
    },
    components: {
      schemas: {
        Ticket: {
          type: 'object',
          description:
            'See `Ticket` in @internal/plugin-tickets-common; `clocks` is the SLA engine’s TicketClocks as of `asOf`.',
          required: ['id', 'number', 'type', 'status', 'level', 'version'],
          properties: {
            id: { type: 'string' },
            number: { type: 'string', examples: ['INC-2026-00042'] },
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'string' },
            level: { type: 'string', enum: ['L1', 'L2', 'L3', 'L4'] },
            version: { type: 'integer' },
            clocks: { type: 'object' },
          },
        },
        ChangeDetail: {
          type: 'object',
          description:
            'See `ChangeDetail` in @internal/plugin-tickets-common: the family’s record with `change` (risk, window, edits, decision), its history, links and warnings.',
          properties: {
            change: ticket,
            events: { type: 'array', items: { type: 'object' } },
            links: { type: 'array', items: { type: 'object' } },
            warnings: { type: 'array', items: { type: 'object' } },
          },
        },
        ParameterRegister: {
          type: 'object',
          properties: {
            device: { type: 'string' },
            history: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  parameter: { type: 'string' },
                  oldValue: { type: 'string' },
                  newValue: { type: 'string' },
                  changeNumber: { type: 'string' },
                  approvedBy: { type: 'string' },
                  approvedAt: { type: 'string' },
                  appliedBy: { type: 'string' },
                  appliedAt: { type: 'string' },
                },
              },
            },
          },
        },
        TicketDetail: {
          type: 'object',
          properties: {
            ticket: ticket,
            events: { type: 'array', items: { type: 'object' } },
            workLogs: { type: 'array', items: { type: 'object' } },
            links: { type: 'array', items: { type: 'object' } },
          },
        },
      },
    },
  };
}
