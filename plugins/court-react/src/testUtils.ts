/* eslint-disable jest/no-export -- a module of test helpers, one of which defines a shared suite; only test files import it */
import { mockApis } from '@backstage/frontend-test-utils';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { act, waitFor } from '@testing-library/react';

/**
 * A permission API for tests that can say when the page has its answer.
 *
 * `usePermission` reports "not allowed" while the answer is on its way, so a
 * test that checks an action is absent must first wait for the answer, or it
 * passes even when the action would be shown.
 */
export function answeringPermissionApi(
  decide: (
    request: EvaluatePermissionRequest,
  ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const asked: EvaluatePermissionRequest[] = [];
  const api = mockApis.permission({
    authorize: request => {
      asked.push(request);
      return decide(request);
    },
  });
  return {
    api,
    /**
     * Resolves once the permission `name` (on `resourceRef`, when given) was
     * asked and its answer has reached the page.
     */
    async answered(name: string, resourceRef?: string) {
      await waitFor(() => {
        if (
          !asked.some(
            request =>
              request.permission.name === name &&
              (resourceRef === undefined ||
                ('resourceRef' in request &&
                  request.resourceRef === resourceRef)),
          )
        ) {
          throw new Error(`${name} was not asked yet`);
        }
      });
      // The answer is a resolved promise by now; let it land inside act.
      await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    },
  };
}

const CHINESE = /[\u4e00-\u9fff]/;

function flatten(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

/**
 * The tests every family's Simplified Chinese gets: each value of the listed
 * groups (statuses, kinds, ...) has a Chinese label, and every English
 * message has a non-empty Chinese one with the same placeholders.
 */
export function describeChineseTranslation(
  english: object,
  chinese: Record<string, string>,
  labelled: [group: string, values: readonly string[]][],
) {
  describe('Simplified Chinese', () => {
    if (labelled.length > 0) {
      it.each(labelled)('labels every %s in Chinese', (group, values) => {
        for (const value of values) {
          const key = `${group}.${value}`;
          expect([key, chinese[key]]).toEqual([
            key,
            expect.stringMatching(CHINESE),
          ]);
        }
      });
    }

    it('has every English message, with the same placeholders', () => {
      const placeholders = (text: string) =>
        (text.match(/{{\w+}}/g) ?? []).sort();
      const messages = flatten(english);
      expect(Object.keys(chinese).sort()).toEqual(
        messages.map(([key]) => key).sort(),
      );
      for (const [key, text] of messages) {
        expect([key, placeholders(chinese[key])]).toEqual([
          key,
          placeholders(text),
        ]);
        expect([key, chinese[key].trim()]).not.toEqual([key, '']);
      }
    });
  });
}
