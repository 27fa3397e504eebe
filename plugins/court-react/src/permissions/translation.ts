import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** The shared permission strings, in English; Chinese is in `zh` below. */
export const courtPermissionMessages = {
  notForRole: {
    title: 'Not available for your role',
    body: 'Your portal role does not include this. Ask the court IT office if you need it.',
  },
};

export const courtPermissionTranslationRef = createTranslationRef({
  id: 'court-permissions',
  messages: courtPermissionMessages,
  translations: {
    zh: () =>
      Promise.resolve({
        default: {
          'notForRole.title': '您的角色无权使用此功能',
          'notForRole.body':
            '您的门户角色不包含此项功能。如确有需要，请联系信息技术处。',
        },
      }),
  },
});
