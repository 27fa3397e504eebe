import {
  createTranslationResource,
  TranslationMessages,
  TranslationRef,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';

/** One translation extension: the Chinese of a Backstage plugin's translation ref, loaded when first used. */
export function chinese<TId extends string, TMessages extends { [key in string]: string }>(
  name: string,
  ref: TranslationRef<TId, TMessages>,
  load: () => Promise<{ default: TranslationMessages<TId> }>,
) {
  return TranslationBlueprint.make({
    name: `zh-${name}`,
    params: {
      resource: createTranslationResource({ ref, translations: { zh: load } }),
    },
  });
}
